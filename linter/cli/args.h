// Command-line parsing shared by the subcommands: --flag value, --flag=value, positional
// files, "-" for standard input, "--" to end options.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"

namespace wenfeng::cli {

struct Args {
  std::map<std::string, std::string> options;  // "--format" -> "json"
  std::set<std::string> flags;                 // "--pretty"
  std::vector<std::string> files;

  std::optional<std::string> get(const std::string& name) const {
    auto it = options.find(name);
    if (it == options.end()) return std::nullopt;
    return it->second;
  }
  std::string get_or(const std::string& name, std::string fallback) const {
    auto v = get(name);
    return v ? *v : fallback;
  }
  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
};

// `valued` lists options that take a value; `boolean` lists flags. Anything else starting
// with "--" is a usage error.
Result<Args> parse_args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
                        const std::set<std::string>& boolean);

}  // namespace wenfeng::cli
