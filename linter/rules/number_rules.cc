// number.* — GB/T 15835-2011 (SPEC.md §3 N1, N2, N6, N7, N8, N10). Rules that need
// judgement are info.
#include <string>

#include "rules/rules.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

using model::Severity;

std::string sub(std::string_view t, const text::Match& m) { return std::string(t.substr(m.begin, m.end - m.begin)); }

}  // namespace

void number_rules(const Context& c, std::vector<model::Diagnostic>& out) {
  // N1: measurements in Chinese numerals (三百公里) → Arabic; 定型词语 are not measurements.
  static const text::Regex measure = fixed_regex(
      "(?<![第一二三四五六七八九十百千两])([一二三四五六七八九十百千两]*[十百千][一二三四五六七八九]?)"
      "(公里|千米|米|千克|公斤|吨|平方米|平方公里|公顷|万元|亿元|摄氏度)");
  // N2: approximate numbers with Arabic digits (3、4天, 10几天) → 汉字 (三四天, 十几天).
  static const text::Regex approx_digits = fixed_regex("(?<!\\d)(\\d)、?(\\d)(?=(个|天|年|岁|人|次|月)(?![\\d]))|\\d+几|几\\d+");
  // N7: a year cut short (24年3月, 九〇年) → 2024年.
  static const text::Regex short_year = fixed_regex("(?<![\\d〇零一二三四五六七八九])(\\d{2}|[〇零一二三四五六七八九]{2})年(?=\\d{1,2}月|[一二三四五六七八九十]{1,2}月)");
  // N8: a range whose first value drops % or 万/亿 (18～25%, 2～5万).
  static const text::Regex range_units = fixed_regex("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*[～~—\\-－–]\\s*(\\d+(?:\\.\\d+)?)\\s*(%|％|万|亿)");
  // N10: 约 … 左右 on one number.
  static const text::Regex about = fixed_regex("约\\s*[\\d０-９.．一二三四五六七八九十百千万亿两]+\\s*\\p{Han}{0,4}?左右");
  // N6: years written both ways in one draft.
  static const text::Regex arabic_year = fixed_regex("(?<!\\d)\\d{4}年");
  static const text::Regex chinese_year = fixed_regex("[〇零一二三四五六七八九]{4}年");

  std::uint32_t arabic_block = 0, chinese_block = 0;
  bool has_arabic = false, has_chinese = false;
  std::size_t chinese_at = 0, chinese_end = 0;
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    measure.for_each(t, [&](const std::vector<text::Match>& g) {
      out.push_back(finding("number.arabic", Severity::kInfo, bi, g[0].begin, g[0].end,
                            "计量“" + sub(t, g[0]) + "”一般用阿拉伯数字", gbt15835("4.1.1 使用阿拉伯数字（计量）")));
    });
    approx_digits.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string found = sub(t, g[0]);
      const bool ji = found.find("几") != std::string::npos;
      if (!ji) {
        // Only adjacent digits (3、4 or 34 with a 、) form an approximation.
        if (found.find("、") == std::string::npos) return;
        const int a = t[g[1].begin] - '0', b = t[g[2].begin] - '0';
        if (b != a + 1) return;
      }
      out.push_back(finding("number.approx", Severity::kWarning, bi, g[0].begin, g[0].end,
                            "概数“" + found + "”应用汉字（如“三四天”“十几天”）", gbt15835("4.2.2 概数")));
    });
    short_year.for_each(t, [&](const std::vector<text::Match>& g) {
      out.push_back(finding("number.year", Severity::kWarning, bi, g[0].begin, g[0].end,
                            "年份“" + sub(t, g[0]) + "”应写全（如“2024年”），不能简写", gbt15835("5.2.1 年份（不应简写）")));
    });
    range_units.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string unit = sub(t, g[3]);
      out.push_back(finding("number.range", Severity::kWarning, bi, g[0].begin, g[0].end,
                            "数值范围“" + sub(t, g[0]) + "”中，前一个数值也应带“" + unit + "”（如“" + sub(t, g[1]) + unit +
                                "～" + sub(t, g[2]) + unit + "”）",
                            gbt15835("4.3 数值范围")));
    });
    about.for_each(t, [&](const std::vector<text::Match>& g) {
      out.push_back(finding("number.approx", Severity::kInfo, bi, g[0].begin, g[0].end,
                            "“约”和“左右”同用于一个数，语义重复：“" + sub(t, g[0]) + "”", gbt15835("4.2 概数和约数")));
    });
    text::Match m;
    if (!has_arabic && arabic_year.search(t, m)) { has_arabic = true; arabic_block = bi; }
    if (!has_chinese && chinese_year.search(t, m)) {
      has_chinese = true;
      chinese_block = bi;
      chinese_at = m.begin;
      chinese_end = m.end;
    }
  }
  if (has_arabic && has_chinese) {
    auto d = finding("number.mixed", Severity::kInfo, chinese_block, chinese_at, chinese_end,
                     "同一稿件中年份既有阿拉伯数字又有汉字写法，同类数字应保持同一形式（阿拉伯数字写法见第 " +
                         std::to_string(c.numbers[arabic_block]) + " 段）",
                     gbt15835("4.1.3 同类别同形式"));
    out.push_back(std::move(d));
  }
}

}  // namespace wenfeng::rules
