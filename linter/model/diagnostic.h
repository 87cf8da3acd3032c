// A finding: what a rule measured, where, and on whose authority.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wenfeng::model {

enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

const char* severity_name(Severity s);       // "info", "warning", "error"
const char* severity_label_zh(Severity s);   // "提示", "警告", "错误"
bool parse_severity(std::string_view s, Severity& out);

// Where a rule comes from: issuer, document, part (e.g. "六、改进新闻报道").
struct RuleSource {
  std::string issuer;
  std::string document;
  std::string part;
  std::string text() const;  // "中共金乡县委 · 《…》 · 第六部分"
};

struct RuleInfo;

// A mechanical correction: replace bytes [offset, offset + length) of the finding's block.
struct Fix {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string replacement;
};

using Args = std::vector<std::pair<std::string_view, std::string>>;
using Data = std::vector<std::pair<std::string, std::string>>;

struct Diagnostic {
  const RuleInfo* rule = nullptr;   // the registered rule (never null once reported)
  Severity severity = Severity::kWarning;
  std::uint8_t message = 0;         // index into rule->messages
  std::string_view message_template;  // a template given by data (a dictionary); overrides `message`
  bool document_level = false;      // about the whole draft (still anchored to a block)
  std::uint32_t block = 0;          // index into Document::blocks
  std::uint32_t offset = 0;         // byte offset in the block's text
  std::uint32_t length = 0;         // bytes
  Args args;                        // message arguments
  // The clause enforced: the rule's own, a profile limit's, or a dictionary entry's. Points
  // into the registry, the profile or the phrase set, which outlive the report.
  const RuleSource* source = nullptr;
  // Measured values, for tools: ("figure", "856"), ("limit", "800"), ("excess", "56") …
  Data data;
  std::optional<Fix> fix;
  // Grouping, set by the lint driver's final pass: the findings of one rule and severity in
  // one paragraph are one group, led by its first finding. The leader's `count` is the group's size; the
  // other members have count 0 and `leader` is the leader's index in the report's findings
  // (a leader's is its own). Outputs that show findings one by one may ignore both.
  std::uint32_t count = 1;
  std::uint32_t leader = 0;

  // The fix that replaces the whole finding.
  void replace_with(std::string replacement) { fix = Fix{0, length, std::move(replacement)}; }

  std::string_view rule_id() const;
  // The message with its arguments filled in; English when asked and the rule has it.
  std::string text(bool english = false) const;
};

}  // namespace wenfeng::model
