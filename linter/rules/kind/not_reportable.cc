// kind.not-reportable — kinds of activity the issuer does not report (generally or at all).
#include <string>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"{message}；类型 {kind}"}};

void run(const lint::RuleContext& c) {
  const auto anchor = static_cast<std::uint32_t>(std::max(c.m.title, 0));
  for (const auto& p : c.kind_spec->prohibitions) {
    if (p.rule != c.rule.id) continue;
    auto& d = c.report(anchor, 0, 0, 0, {{"message", p.message}, {"kind", model::kind_note(c.kind)}}, &p.source);
    d.severity = p.severity;
    d.document_level = true;
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "kind.not-reportable",
    .family = model::Family::kKind,
    .severity = model::Severity::kWarning,
    .title = "不应报道的活动",
    .summary = "规范规定不报道的活动",
    .description = "规范规定某类活动一般不报道或一律不报道时，对该类型的稿件给出提示（规范中该类型的 prohibitions，"
                   "rule: kind.not-reportable，带 message、severity 和依据）。",
    .measures = "说明稿件类型及其判定依据。",
    .source = {"规范", "按稿件类型的规定", "见各规范 prohibitions"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .prohibition = true,
    .run = run,
})

}  // namespace wenfeng::rules
