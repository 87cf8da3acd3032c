// number.range — a range whose first value drops % or 万/亿 (18～25% → 18%～25%; GB/T
// 15835-2011 4.3; SPEC.md §3 N8).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"数值范围“{found}”中，前一个数值也应带“{unit}”（如“{from}{unit}～{to}{unit}”）"},
};
constexpr model::Example kExamples[] = {{"增长18～25%", "增长18%～25%"}};

void run(const lint::RuleContext& c) {
  static const FixedRegex range_units("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*[～~—\\-－–]\\s*(\\d+(?:\\.\\d+)?)\\s*(%|％|万|亿)");
  static const text::ByteSet lead = {'-', '~', 0xE2, 0xEF};
  auto unit = [](char32_t u) { return u == U'%' || u == U'％' || u == U'万' || u == U'亿'; };
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // The pattern runs only on paragraphs with a number, a dash and a number before a unit.
    auto may_match = [&](std::string_view s) { return has_number_range(s, lead, U"～~—-－–", unit); };
    for_each_match(*range_units, t, may_match, [&](const std::vector<text::Match>& g) {
      c.report(bi, g[0].begin, g[0].end, 0,
               {{"found", std::string(sv(t, g[0]))}, {"unit", std::string(sv(t, g[3]))},
                {"from", std::string(sv(t, g[1]))}, {"to", std::string(sv(t, g[2]))}});
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.range",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "数值范围的单位",
    .summary = "百分数、万、亿的范围两端都带单位",
    .description = "百分数、万、亿的范围两端都带单位（18%～25%，2万～5万）。",
    .measures = "指出数值范围。",
    .source = gbt15835("4.3 数值范围"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
