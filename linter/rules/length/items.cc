// length.items — the number of items in one issue (《应急工作》: one event a report).
#include <string>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"本期含 {figure} 条信息，超出上限 {limit} 条（多 {excess} 条）；类型 {kind}"},
};
constexpr std::string_view kLimitKeys[] = {"length.items"};

void run(const lint::RuleContext& c) {
  const profiles::Limit* lim = c.limit("length.items");
  const std::size_t n = c.m.items.size();
  if (!lim || n <= lim->max) return;
  const auto max = static_cast<std::size_t>(lim->max);
  const std::uint32_t at = c.m.items[max].title_block;
  auto& d = c.report(at, 0, c.doc.block_text(at).size(), 0,
                     {{"figure", std::to_string(n)},
                      {"limit", std::to_string(max)},
                      {"excess", std::to_string(n - max)},
                      {"kind", model::kind_note(c.kind)}},
                     &lim->source);
  d.severity = lim->severity;
  d.document_level = true;
  d.data = {{"figure", std::to_string(n)}, {"limit", std::to_string(max)}};
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "length.items",
    .family = model::Family::kLength,
    .severity = model::Severity::kError,
    .title = "每期条数",
    .summary = "一期简报的信息条数",
    .description = "一期简报或报告中的信息条数上限（如《应急工作》一事一报：每期 1 条）。上限来自规范中该类型的 limits.length.items。",
    .measures = "data：figure（条数）、limit。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.length.items"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .limit_unit = "条",
    .run = run,
})

}  // namespace wenfeng::rules
