// Loading the YAML of profiles and .wenfeng.yaml within caps. A .wenfeng.yaml is found by
// walking up from each checked file, so it may come from an untrusted drafts folder: a
// few KB of anchors and aliases must not expand into gigabytes ("billion laughs"), and a
// deep or huge file must be refused with a message saying which cap it hit.
//
// The file is read with a size cap, then scanned once as a stream of events (no tree is
// built) counting aliases, depth, entries of each mapping or sequence, and the number of
// nodes the aliases would expand to; only a file within every cap is then parsed into a
// tree.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "base/result.h"

namespace wenfeng::profiles {

struct YamlCaps {
  std::size_t max_bytes = 1u << 20;           // the file
  std::size_t max_aliases = 1000;              // *alias references
  std::size_t max_nodes = 200000;              // nodes, each alias counted as what it stands for
  std::size_t max_depth = 64;                  // nested mappings and sequences
  std::size_t max_entries = 20000;             // nodes in one mapping (keys and values) or sequence
};

// A user-written value as a message quotes it: “value”, cut after `max_chars` characters
// with "…", so that a huge key or scalar from a hostile file cannot flood the terminal.
std::string quote_short(std::string_view value, std::size_t max_chars = 40);

// Reads and parses `path`; every error (unreadable, a cap, YAML syntax) is kConfig with
// "path:line:column: message" (`what` names the file in messages: "规范文件", ".wenfeng.yaml").
Result<YAML::Node> load_yaml_file(const std::string& path, const std::string& what, const YamlCaps& caps = {});
// The same for YAML already in memory (`name` for messages).
Result<YAML::Node> load_yaml_text(std::string_view yaml, const std::string& name, const YamlCaps& caps = {});

}  // namespace wenfeng::profiles
