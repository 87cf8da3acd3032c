// length.pages — the estimated pages of an issue against the kind's limit.
#include <string>

#include "base/format.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"估算约 {estimate} 页（{method}，共 {lines} 行），超出上限 {limit} 页（多约 {excess} 页）；类型 {kind}{saved}"},
};
constexpr std::string_view kLimitKeys[] = {"length.pages"};

void run(const lint::RuleContext& c) {
  const profiles::Limit* lim = c.limit("length.pages");
  const auto& pages = c.m.pages;
  if (!lim || pages.estimate <= lim->max) return;
  const auto anchor = static_cast<std::uint32_t>(std::max(c.m.title, 0));
  auto& d = c.report(anchor, 0, 0, 0,
                     {{"estimate", short_number(pages.estimate)},
                      {"method", pages.method},
                      {"lines", std::to_string(pages.lines)},
                      {"limit", short_number(lim->max)},
                      {"excess", short_number(pages.estimate - lim->max)},
                      {"kind", model::kind_note(c.kind)},
                      {"saved", pages.saved && !pages.saved_stale ? "；文档保存的页数为 " + *pages.saved + "（仅供对照）" : ""}},
                     &lim->source);
  d.severity = lim->severity;
  d.document_level = true;
  d.data = {{"estimate", short_number(pages.estimate)}, {"limit", short_number(lim->max)}};
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "length.pages",
    .family = model::Family::kLength,
    .severity = model::Severity::kError,
    .title = "每期页数",
    .summary = "估算页数与每期页数上限",
    .description = "估算页数（DOCX 按文档版面，文本类按 GB/T 9704 版心每页 22 行、每行 28 字，标题 2 号字）并与上限比较；"
                   "文档保存的页数只作对照。上限来自规范中该类型的 limits.length.pages。",
    .measures = "data：estimate（估算页数）、limit。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.length.pages"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .limit_unit = "页",
    .run = run,
})

}  // namespace wenfeng::rules
