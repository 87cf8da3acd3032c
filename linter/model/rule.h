// The rule registry: every rule wenfeng can report, declared once, next to its code.
//
// A rule is one source file under linter/rules/<family>/ that defines a RuleInfo — its id,
// family, default severity, what it measures, the clause it enforces, its parameters, its
// message templates, whether it carries fixes, its examples — and the function that runs
// it, and registers it with WENFENG_REGISTER_RULE:
//
//   namespace {
//   void run(const lint::RuleContext& c) { … c.report(block, begin, end, 0, {{"found", …}}); }
//   constexpr model::Message kMessages[] = {{"中文里应使用全角标点“{fix}”，不用半角“{found}”"}};
//   }  // namespace
//   WENFENG_REGISTER_RULE({
//       .id = "punct.halfwidth", .family = model::Family::kPunct, .severity = model::Severity::kError,
//       .title = "半角标点", .summary = …, .description = …, .measures = …,
//       .source = {"国家标准", "GB/T 15834-2011《标点符号用法》", "5.1"},
//       .messages = kMessages, .fixable = true, .run = run});
//
// Everything else reads this table: profiles validate rule ids, parameters and limit keys
// against it; `wenfeng explain` and docs/rules.md (generated) print it; the lint driver runs
// the rules in family order; the tests check that every rule has positive and negative
// cases. Nothing else lists rule ids.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace wenfeng::lint {
class RuleContext;
}

namespace wenfeng::model {

// Families, in the order their rules run and their findings sort at one position.
enum class Family : std::uint8_t { kPhrase, kTypo, kFormat, kPunct, kNumber, kText, kKind, kLength, kDuration };
const char* family_name(Family f);  // "phrase", "typo", …

// What a rule needs before it runs.
enum class Needs : std::uint8_t {
  kText,      // the document text (every native rule)
  kKind,      // a known kind declared by the profile (limits, prohibitions)
  kPhrases,   // the phrase dictionaries' hits
};

enum class ParamType : std::uint8_t { kNumber, kInteger, kBool };

// A parameter a profile can set under `rules: <id>: {name: value}`.
struct Param {
  std::string_view name;
  ParamType type = ParamType::kNumber;
  double default_value = 0;
  std::string_view description;  // Chinese
};

// A message template: `{name}` is replaced by the finding's argument `name`.
struct Message {
  std::string_view zh;
  std::string_view en = {};  // optional English wording
};

// An example for the documentation: a text that triggers the rule and its correction.
struct Example {
  std::string_view bad;
  std::string_view good;
};

struct RuleInfo {
  std::string_view id;           // stable "family.name"
  Family family = Family::kText;
  Severity severity = Severity::kWarning;  // default; a rule may report some cases lower
  std::string_view title;        // short Chinese name
  std::string_view summary;      // one line (docs tables, SARIF shortDescription)
  std::string_view description;  // what is checked and why (explain, SARIF fullDescription)
  std::string_view measures;     // what the finding reports (figures, data keys)
  RuleSource source;             // the clause enforced; limit rules take theirs from the profile
  Needs needs = Needs::kText;
  std::span<const Param> params = {};
  std::span<const Message> messages = {};
  std::span<const std::string_view> limit_keys = {};  // profile `limits:` keys this rule reads
  bool prohibition = false;      // configured as a kind prohibition in profiles
  bool fixable = false;          // findings may carry a mechanical fix
  // Rules (ids, or family prefixes ending in '.') whose findings over the same characters
  // make this rule's finding redundant: decided in the driver's final pass.
  std::span<const std::string_view> yields_to = {};
  std::span<const Example> examples = {};
  void (*run)(const lint::RuleContext&) = nullptr;

  const Param* param(std::string_view name) const;
};

// All registered rules, sorted by (family, id). Built on first use; immutable after.
const std::vector<const RuleInfo*>& rules();
const RuleInfo* find_rule(std::string_view id);

// Registration (used by WENFENG_REGISTER_RULE at static initialisation).
struct RuleRegistrar {
  explicit RuleRegistrar(const RuleInfo& info);
};

// Renders a message template with named arguments; an unknown `{name}` is kept as written.
std::string render_message(std::string_view tmpl, const std::vector<std::pair<std::string_view, std::string>>& args);

}  // namespace wenfeng::model

#define WENFENG_RULE_CONCAT2(a, b) a##b
#define WENFENG_RULE_CONCAT(a, b) WENFENG_RULE_CONCAT2(a, b)
// Declares and registers a rule: WENFENG_REGISTER_RULE({.id = …, …});
#define WENFENG_REGISTER_RULE(...)                                                     \
  namespace {                                                                          \
  const ::wenfeng::model::RuleInfo WENFENG_RULE_CONCAT(kRuleInfo_, __LINE__) = __VA_ARGS__; \
  const ::wenfeng::model::RuleRegistrar WENFENG_RULE_CONCAT(kRuleRegistrar_, __LINE__){   \
      WENFENG_RULE_CONCAT(kRuleInfo_, __LINE__)};                                      \
  }
