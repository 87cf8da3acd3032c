// phrase.density — boilerplate hits per 1000 字 of body over the profile's threshold: one
// document-level finding naming the most frequent phrases.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "base/format.h"
#include "rules/phrase/dictionary_hits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"空话套话密度每千字 {per_1000} 处（正文 {figure} 字中 {hits} 处），超过阈值 {threshold}；最常见：{top}"},
};
constexpr model::Param kParams[] = {
    // The working adverbs of every 公文 (切实, 进一步, 深入 …) count here too: a document runs
    // at about ten of them a thousand 字 before it reads as stuffed (SPEC.md §5.3).
    {"per_1000", model::ParamType::kNumber, 15, "每千字正文的空话套话处数阈值（0 关闭）"},
    {"min_body", model::ParamType::kInteger, 500, "正文少于此字数时不判断"},
};
// The rule whose hits are counted.
constexpr std::string_view kCounted = "phrase.boilerplate";

void run(const lint::RuleContext& c) {
  const double threshold = c.param("per_1000");
  const std::uint64_t figure = c.m.body_figure;
  if (threshold <= 0 || figure < static_cast<std::uint64_t>(c.param("min_body"))) return;
  std::vector<bool> in_body(c.doc.blocks.size(), false);
  for (const auto& s : c.m.body.spans) in_body[s.block] = true;
  std::map<std::string, int> counts;
  int total = 0;
  for (const auto& h : c.m.hits) {
    const phrases::Entry& e = c.options.phrases->entries[h.entry];
    if (e.rule != kCounted || !in_body[h.block]) continue;
    // An alternation is named by the variant that occurred (再上新台阶, not (再|迈)上新台阶).
    ++counts[e.variant.empty() ? e.phrase : e.variant];
    ++total;
  }
  if (total == 0) return;
  const double per_1000 = 1000.0 * total / static_cast<double>(figure);
  if (per_1000 <= threshold) return;
  std::vector<std::pair<std::string, int>> top(counts.begin(), counts.end());
  std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string names;
  for (std::size_t i = 0; i < top.size() && i < 5; ++i)
    names += (i ? "、" : "") + ("“" + top[i].first + "”×" + std::to_string(top[i].second));
  const std::uint32_t block = c.m.body.spans.empty() ? 0 : c.m.body.spans.front().block;
  auto& d = c.report(block, 0, 0, 0,
                     {{"per_1000", one_decimal(per_1000)},
                      {"figure", std::to_string(figure)},
                      {"hits", std::to_string(total)},
                      {"threshold", one_decimal(threshold)},
                      {"top", names}});
  d.document_level = true;
  d.data = {{"per_1000", one_decimal(per_1000)}, {"hits", std::to_string(total)}, {"threshold", one_decimal(threshold)}};
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "phrase.density",
    .family = model::Family::kPhrase,
    .severity = model::Severity::kWarning,
    .title = "空话套话密度",
    .summary = "每千字空话套话处数",
    .description = "正文每千字中的空话套话（phrase.boilerplate 的词条，含只计密度的词条）处数超过规范阈值（参数 per_1000，默认 15；正文不足 min_body 500 字不判断）时，"
                   "给出一条全文级提示，列出最常见的说法。",
    .measures = "data：per_1000（每千字处数）、hits（处数）、threshold。",
    .source = {"中共中央", "中央八项规定（2012）", "第二条（力戒空话、套话）"},
    .needs = model::Needs::kPhrases,
    .params = kParams,
    .messages = kMessages,
    .run = run,
})

}  // namespace wenfeng::rules
