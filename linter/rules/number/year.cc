// number.year — a year cut short (24年3月, 九〇年) instead of 2024年 (GB/T 15835-2011 5.2.1;
// SPEC.md §3 N7).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"年份“{found}”应写全（如“2024年”），不能简写"},
    {"年份“{found}”中的“{zero}”应写作“〇”（汉字数字的零）"},
};
constexpr model::Example kExamples[] = {{"24年3月启动", "2024年3月启动"}};

bool is_cn_digit(char32_t d) { return std::u32string_view(U"〇零一二三四五六七八九").find(d) != std::u32string_view::npos; }
// What people type for 〇 in a year written in Chinese numerals (二O一八年, 二○二四年): the
// letter O, a full-width digit or letter, the white circle ○ or ◯.
bool is_zero_lookalike(char32_t d) { return std::u32string_view(U"OoＯｏ0０○◯").find(d) != std::u32string_view::npos; }

// Every match is a 年 after two digits of one kind (not after a third) and before a month.
bool may_have_short_year(std::string_view t) {
  for (std::size_t at = text::find_seq(t, "年"); at != text::npos; at = text::find_seq(t, "年", at + 3)) {
    std::size_t n = 0;
    std::size_t from = run_back(t, at, is_digit, n, 0, 2);
    if (n != 2) from = run_back(t, at, is_cn_digit, n, 0, 2);
    if (n != 2) continue;
    const char32_t b = text::cp_before(t, from);
    if (from > 0 && is_zero_lookalike(b)) return true;
    if (from > 0 && (is_digit(b) || is_cn_digit(b))) continue;
    if (at + 3 >= t.size()) continue;
    const char32_t m = text::cp_at(t, at + 3);
    if (is_digit(m) || std::u32string_view(U"一二三四五六七八九十").find(m) != std::u32string_view::npos) return true;
  }
  return false;
}

void run(const lint::RuleContext& c) {
  // The scan of (?<![\d〇零一二三四五六七八九])(\d{2}|[〇零一二三四五六七八九]{2})年
  // (?=\d{1,2}月|[一二三四五六七八九十]{1,2}月): at each 年, two digits of one kind before it
  // (no third of either kind), and one or two of a kind after it, then 月. A match holds one
  // 年, so matches come in the order of their 年 and never overlap.
  auto cn = [](char32_t d) { return is_cn_digit(d); };
  auto cn_month = [](char32_t d) { return std::u32string_view(U"一二三四五六七八九十").find(d) != std::u32string_view::npos; };
  auto any_digit = [](char32_t d) { return is_digit(d) || is_cn_digit(d); };
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_clause(c.m.commas_of(bi), t, may_have_short_year, [&](std::string_view s, std::size_t offset) {
      for (std::size_t at = text::find_seq(s, "年"); at != text::npos; at = text::find_seq(s, "年", at + 3)) {
        std::size_t n = 0;
        std::size_t from = run_back(s, at, is_digit, n, 0, 2);
        if (n != 2) from = run_back(s, at, cn, n, 0, 2);
        if (n != 2) continue;
        if (from > 0 && is_cn_digit(text::cp_at(s, from)) && is_zero_lookalike(text::cp_before(s, from))) {
          // 二O一八年: a full year with a wrong zero, not a short one.
          const std::size_t zero = text::step_back(s, from, 1);
          if (zero > 0 && is_cn_digit(text::cp_before(s, zero))) {
            const std::size_t start = text::step_back(s, zero, 1);
            c.report(bi, offset + zero, offset + from, 1,
                     {{"found", std::string(s.substr(start, at + 3 - start))}, {"zero", std::string(s.substr(zero, from - zero))}});
            continue;
          }
        }
        if (from > 0 && any_digit(text::cp_before(s, from))) continue;
        std::size_t month = run_forward(s, at + 3, is_digit, n, 3);
        if (n == 0) month = run_forward(s, at + 3, cn_month, n, 3);
        if (n < 1 || n > 2 || !s.substr(month).starts_with("月")) continue;
        c.report(bi, offset + from, offset + at + 3, 0, {{"found", std::string(s.substr(from, at + 3 - from))}});
      }
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.year",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "年份简写",
    .summary = "年份不能简写",
    .description = "年份不能简写（24年3月 → 2024年3月）。",
    .measures = "指出简写的年份。",
    .source = gbt15835("5.2.1 年份（不应简写）"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
