// length.item — each bulletin item against the kind's item limit; research items against
// their own limit (length.item-research).
#include <string>

#include "count/counter.h"
#include "lint/body.h"
#include "rules/limits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"第 {item} 条信息（{item_kind}）{figure} 字，超出上限 {limit} 字（多 {excess} 字）"},
};
constexpr std::string_view kLimitKeys[] = {"length.item", "length.item-research"};

void run(const lint::RuleContext& c) {
  const profiles::Limit* normal = c.limit("length.item");
  const profiles::Limit* research = c.limit("length.item-research");
  for (std::size_t i = 0; i < c.m.items.size(); ++i) {
    const model::Item& it = c.m.items[i];
    const profiles::Limit* lim = it.research && research ? research : normal;
    if (!lim) continue;
    const std::uint64_t figure = count::in_unit(it.counts, c.profile.unit);
    const auto max = static_cast<std::uint64_t>(lim->max);
    if (figure <= max) continue;
    std::uint32_t block = it.title_block, offset = 0;
    lint::locate_unit(c.doc, it.spans, c.profile.unit, max, block, offset);
    auto& d = c.report(block, offset, offset + to_sentence_end(c.doc.block_text(block), offset), 0,
                       {{"item", std::to_string(i + 1)},
                        {"item_kind", (it.research ? "调研类信息（" + it.research_reason + "）" : std::string("单条信息")) +
                                          (it.found_by.empty() ? "" : "；" + it.found_by)},
                        {"figure", std::to_string(figure)},
                        {"limit", std::to_string(max)},
                        {"excess", std::to_string(figure - max)}},
                       &lim->source);
    d.severity = lim->severity;
    d.data = {{"item", std::to_string(i + 1)}, {"figure", std::to_string(figure)}, {"limit", std::to_string(max)},
              {"excess", std::to_string(figure - max)}, {"research", it.research ? "true" : "false"}};
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "length.item",
    .family = model::Family::kLength,
    .severity = model::Severity::kError,
    .title = "单条信息篇幅",
    .summary = "简报每条信息的字数",
    .description = "把一期简报按标题样式或规范中的条目标题格式（items.title_patterns）拆成单条信息，逐条检查字数；"
                   "调研类信息（栏目或标题含 research_markers）使用 limits.length.item-research 上限。",
    .measures = "data：item（第几条）、figure、limit、excess、research。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.length.item / length.item-research"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .run = run,
})

}  // namespace wenfeng::rules
