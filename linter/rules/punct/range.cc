// punct.range — ranges (GB/T 15834-2011 4.13; SPEC.md §3 P7): value ranges with 浪纹线 "～",
// year ranges with 一字线 "—"; hyphens in phone and model numbers are left alone.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"数值范围应用浪纹线“～”连接，不用“{found}”"},
    {"年份的起止应用一字线“—”连接（如 2021—2025年），不用“{found}”"},
};
constexpr model::Example kExamples[] = {{"气温25-30℃；2021-2025年", "气温25～30℃；2021—2025年"}};
const model::RuleSource kYear = gbt15834("4.13 连接号（一字线）");

void run(const lint::RuleContext& c) {
  static const FixedRegex value_range(
      "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*([-－–—~]|-{2})\\s*(\\d+(?:\\.\\d+)?)\\s*"
      "(%|％|‰|万|亿|元|千克|公斤|克|吨|米|千米|公里|平方米|平方公里|亩|公顷|人|个|岁|天|小时|分钟|℃|摄氏度|倍|户|家|所|台|辆)");
  // Dashes are ASCII or start with E2 (– —) or EF (－ ～).
  static const text::ByteSet lead = {'-', '~', 0xE2, 0xEF};
  auto value_unit = [](char32_t u) {
    return std::u32string_view(U"%％‰万亿元千公克吨米平亩人个岁天小分℃摄倍户家所台辆").find(u) != std::u32string_view::npos;
  };
  auto year_unit = [](char32_t u) { return u == U'年'; };
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // The patterns run only on paragraphs with a number, a dash and a number before a unit.
    for_each_match(*value_range, t, [&](std::string_view s) { return has_number_range(s, lead, U"-－–—~", value_unit); },
      [&](const std::vector<text::Match>& g) {
        c.report(bi, g[2].begin, g[2].end, 0, {{"found", std::string(sv(t, g[2]))}}).replace_with("～");
      });
    // The scan of (?<!\d)(\d{4})\s*([-－–~～])\s*(\d{4})\s*年: at each dash, exactly four
    // digits (no fifth) before it over \s, and four after it, then \s and 年. Matches start
    // in the order of their dashes; one never holds another's dash.
    for_each_clause(t, [&](std::string_view s) { return has_number_range(s, lead, U"-－–~～", year_unit); },
      [&](std::string_view s, std::size_t offset) {
        std::size_t from = 0;  // where the last match ended
        text::for_each_lead(s, lead, [&](char32_t d, std::size_t b, std::size_t e) {
          if (b < from || std::u32string_view(U"-－–~～").find(d) == std::u32string_view::npos) return true;
          std::size_t n = 0;
          text::run_back(s, text::run_back(s, b, is_icu_space, n, from), text::is_digit_nd, n, 0, 5);
          if (n != 4) return true;
          std::size_t at = text::run_forward(s, e, is_icu_space, n);
          at = text::run_forward(s, at, text::is_digit_nd, n, 5);
          if (n != 4) return true;
          at = text::run_forward(s, at, is_icu_space, n);
          if (s.substr(at, 3) != "年") return true;
          from = at + 3;
          c.report(bi, offset + b, offset + e, 1, {{"found", std::string(s.substr(b, e - b))}}, &kYear).replace_with("—");
          return true;
        });
      });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.range",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "连接号",
    .summary = "数值范围用“～”，年份起止用“—”",
    .description = "数值范围用浪纹线“～”（25～30℃），年份等起止用一字线“—”（2021—2025年）；电话号码、型号等的短横线不查。"
                   "每条结果带替换（fix）。",
    .measures = "指出连接号，fix 为正确的连接号。",
    .source = gbt15834("4.13 连接号（浪纹线）"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
