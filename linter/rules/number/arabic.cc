// number.arabic — measurements in Chinese numerals (GB/T 15835-2011 4.1.1; SPEC.md §3 N1).
// 定型词语 are not measurements and are left alone; info, as it needs judgement.
#include <string>
#include <vector>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"计量“{found}”一般用阿拉伯数字"}};
constexpr model::Example kExamples[] = {{"新修道路三百公里", "新修道路300公里"}};

void run(const lint::RuleContext& c) {
  static const text::Regex measure = fixed_regex(
      "(?<![第一二三四五六七八九十百千两])([一二三四五六七八九十百千两]*[十百千][一二三四五六七八九]?)"
      "(公里|千米|米|千克|公斤|吨|平方米|平方公里|公顷|万元|亿元|摄氏度)");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    measure.for_each(t, [&](const std::vector<text::Match>& g) {
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", std::string(sv(t, g[0]))}});
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.arabic",
    .family = model::Family::kNumber,
    .severity = model::Severity::kInfo,
    .title = "用阿拉伯数字",
    .summary = "计量用阿拉伯数字（提示）",
    .description = "GB/T 15835-2011：计量用阿拉伯数字（提示级，定型词语不查）。",
    .measures = "指出用汉字数字写的计量。",
    .source = gbt15835("4.1.1 使用阿拉伯数字（计量）"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
