// A finding: what a rule measured, where, and on whose authority.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace wenfeng::model {

enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

const char* severity_name(Severity s);       // "info", "warning", "error"
const char* severity_label_zh(Severity s);   // "提示", "警告", "错误"
bool parse_severity(const std::string& s, Severity& out);

// Where a rule comes from: issuer, document, part (e.g. "六、改进新闻报道").
struct RuleSource {
  std::string issuer;
  std::string document;
  std::string part;
  std::string text() const;  // "中共金乡县委《…》第六部分"
};

struct Diagnostic {
  std::string rule;              // stable family.name id
  Severity severity = Severity::kWarning;
  std::string message;           // Chinese, states figure, limit and excess where measured
  std::uint32_t block = 0;       // index into Document::blocks
  std::uint32_t offset = 0;      // byte offset in the block's text
  std::uint32_t length = 0;      // bytes
  bool document_level = false;   // about the whole draft (still anchored to a block)
  RuleSource source;
  // Measured values, for tools: ("figure", "856"), ("limit", "800"), ("excess", "56") …
  std::vector<std::pair<std::string, std::string>> data;
};

// A finding over bytes [begin, end) of a block.
Diagnostic make_diagnostic(std::string rule, Severity sev, std::uint32_t block, std::size_t begin, std::size_t end,
                           std::string message, RuleSource source);

}  // namespace wenfeng::model
