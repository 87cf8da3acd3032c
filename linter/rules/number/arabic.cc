// number.arabic — measurements in Chinese numerals (GB/T 15835-2011 4.1.1; SPEC.md §3 N1).
// 定型词语 are not measurements and are left alone; info, as it needs judgement. A percentage
// written out (百分之八十) is a measurement too: 80% (a warning in a 公文, which GB/T 9704
// ch. 9 holds to GB/T 15835); 百分之百 is also a set phrase and left alone. Numerals are read
// by text::chinese_numeral_value in its strict form: an order of magnitude (过百亿元) or a 概数
// (三四十公里, 数十公里) is not a measurement written out.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/numerals.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"计量“{found}”一般用阿拉伯数字"},
                                       {"百分数“{found}”用阿拉伯数字写作“{arabic}”"}};
constexpr model::Example kExamples[] = {{"新修道路三百公里", "新修道路300公里"}, {"覆盖率达到百分之八十", "覆盖率达到80%"}};

const TailSet& orders() {
  static const TailSet set = {U'十', U'百', U'千'};
  return set;
}

// Every match has a 十 百 or 千, maybe 零, maybe one of 一…九, and then one of the units.
bool may_have_measure(std::string_view t) {
  static constexpr std::string_view kUnits[] = {"公里", "千米", "米", "千克", "公斤", "吨", "平方米", "平方公里",
                                                "公顷", "万元", "亿元", "摄氏度"};
  auto unit_at = [&](std::size_t at) {
    for (auto u : kUnits)
      if (t.substr(at, u.size()) == u) return true;
    return false;
  };
  // (十 百 千 in one pass; in the order of the text rather than one mark after another, which
  // gives the same answer.)
  for (std::size_t at = orders().find(t); at != text::npos; at = orders().find(t, at + 3)) {
    std::size_t next = at + 3;
    if (t.substr(next, 3) == "零") next += 3;  // 三百零五公里
    if (next >= t.size()) continue;
    if (unit_at(next)) return true;
    if (std::u32string_view(U"一二三四五六七八九").find(text::cp_at(t, next, next)) != std::u32string_view::npos &&
        next < t.size() && unit_at(next))
      return true;
  }
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex percent("百分之([零一二三四五六七八九十点]{1,6})");
  const bool document = model::is_document_kind(c.kind.id);
  // Both patterns hold a 十 百 or 千: the paragraphs with one, found in one pass.
  std::vector<std::uint32_t> with_orders;
  for (auto bi : c.m.paragraphs)
    if (orders().in(c.doc.block_text(bi))) with_orders.push_back(bi);
  for (auto bi : with_orders) {
    const auto t = c.doc.block_text(bi);
    if (!text::contains(t, "百分之")) continue;
    for_each_match(c.m.commas_of(bi), *percent, t, [&](const std::vector<text::Match>& g) {
      const std::string arabic = text::chinese_numeral_figures(sv(t, g[1]));
      if (arabic.empty()) return;
      auto& d = c.report(bi, g[0].begin, g[0].end, 1, {{"found", std::string(sv(t, g[0]))}, {"arabic", arabic + "%"}});
      d.replace_with(arabic + "%");
      if (document) d.severity = model::Severity::kWarning;
    });
  }
  // After 数 or 几 the numeral is part of a 概数 (数十公里, 几百吨: GB/T 15835 4.2.2, 汉字).
  static const FixedRegex measure(
      "(?<![第一二三四五六七八九十百千两零数几])([一二三四五六七八九十百千两零]*[十百千]零?[一二三四五六七八九]?)"
      "(公里|千米|米|千克|公斤|吨|平方米|平方公里|公顷|万元|亿元|摄氏度)");
  for (auto bi : with_orders) {
    const auto t = c.doc.block_text(bi);
    for_each_match(c.m.commas_of(bi), *measure, t, may_have_measure, [&](const std::vector<text::Match>& g) {
      // Only a count written out in full (三百公里, 十五万元). Not a bare 百 or 千 — an order of
      // magnitude (过百亿元, 突破千亿元, 百米) — nor 数字连用 (三四十公里), which GB/T 15835
      // 4.2.2 writes in 汉字: the strict form of the numeral parser decides.
      if (text::chinese_numeral_value(sv(t, g[1]), text::NumeralForm::kStrict) < 0) return;
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
    .summary = "计量、百分数用阿拉伯数字",
    .description = "GB/T 15835-2011：计量用阿拉伯数字（提示级，定型词语不查）；用汉字写的百分数（百分之八十）应写作 80%，"
                   "在公文中为警告（GB/T 9704-2012 第 9 章要求数字用法符合 GB/T 15835）；“百分之百”也是定型说法，不查。"
                   "表示数量级的“百亿元”“千米”和概数（三四十公里、数十公里、几百吨，GB/T 15835 4.2.2 用汉字）不查。",
    .measures = "指出用汉字数字写的计量。",
    .source = gbt15835("4.1.1 使用阿拉伯数字（计量）"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
