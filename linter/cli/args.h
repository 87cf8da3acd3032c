// The command line, declared in two tables: every option once (kOptions in args.cc: name,
// short form, value type and allowed values, help), every command once (commands.cc: name,
// summary, usage, the options it takes). Parsing, `--help`, `wenfeng help CMD`, "did you
// mean" and value validation all read those tables, so a new option is one row in each.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace wenfeng::cli {

enum class OptionType : unsigned char {
  kFlag,     // no value
  kString,   // any value
  kInteger,  // a whole number in [min, max]
  kChoice,   // one of `choices` ("a|b|c")
};

struct OptionSpec {
  std::string_view name;        // "--format"
  char short_name = 0;          // 'o' for -o
  OptionType type = OptionType::kFlag;
  std::string_view value_name;  // "FILE", shown in help
  std::string_view choices;     // kChoice: "auto|always|never"
  long min = 0, max = 0;        // kInteger
  std::string_view help;        // Chinese, one line
  // kChoice only: the option may also be given bare (`--color` = `--color always`).
  std::string_view bare_value = {};
};

// Every option, in the order help lists them.
const std::vector<OptionSpec>& option_table();
const OptionSpec* find_option(std::string_view name);

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

// Parses `argv` (after the command name) against the options a command takes. `format_choices`
// is the command's "--format" values ("text|json"). Unknown options, missing or invalid
// values are usage errors whose message names the closest option or value ("did you mean").
Result<Args> parse_args(const std::vector<std::string>& argv, const std::vector<std::string_view>& allowed,
                        std::string_view format_choices = {});

// The closest of `candidates` to `word` by edit distance, or "" when none is close.
std::string closest(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace wenfeng::cli
