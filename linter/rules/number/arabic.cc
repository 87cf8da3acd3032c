// number.arabic — measurements in Chinese numerals (GB/T 15835-2011 4.1.1; SPEC.md §3 N1).
// 定型词语 are not measurements and are left alone; info, as it needs judgement.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"计量“{found}”一般用阿拉伯数字"}};
constexpr model::Example kExamples[] = {{"新修道路三百公里", "新修道路300公里"}};

// Every match has a 十 百 or 千, maybe one of 一…九, and then one of the units.
bool may_have_measure(std::string_view t) {
  static constexpr std::string_view kUnits[] = {"公里", "千米", "米", "千克", "公斤", "吨", "平方米", "平方公里",
                                                "公顷", "万元", "亿元", "摄氏度"};
  auto unit_at = [&](std::size_t at) {
    for (auto u : kUnits)
      if (t.substr(at, u.size()) == u) return true;
    return false;
  };
  for (std::string_view mark : {std::string_view("十"), std::string_view("百"), std::string_view("千")})
    for (std::size_t at = text::find_seq(t, mark); at != text::npos; at = text::find_seq(t, mark, at + 3)) {
      std::size_t next = at + 3;
      if (next >= t.size()) continue;
      if (unit_at(next)) return true;
      if (std::u32string_view(U"一二三四五六七八九").find(text::cp_at(t, next, next)) != std::u32string_view::npos &&
          next < t.size() && unit_at(next))
        return true;
    }
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex measure(
      "(?<![第一二三四五六七八九十百千两])([一二三四五六七八九十百千两]*[十百千][一二三四五六七八九]?)"
      "(公里|千米|米|千克|公斤|吨|平方米|平方公里|公顷|万元|亿元|摄氏度)");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_match(*measure, t, may_have_measure, [&](const std::vector<text::Match>& g) {
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
