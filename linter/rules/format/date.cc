// format.date — dates in Arabic numerals without leading zeros (GB/T 9704-2012 7.3.5.4).
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kMixed, kChinese, kChineseZero, kLeadingZero, kDashed };
constexpr model::Message kMessages[] = {
    {"日期“{found}”混用汉字和阿拉伯数字；成文日期应全部用阿拉伯数字（如 2024年5月1日）"},
    {"日期“{found}”是 1999 年标准的汉字写法；GB/T 9704-2012 要求用阿拉伯数字将年、月、日标全"},
    {"日期“{found}”是 1999 年标准的汉字写法；GB/T 9704-2012 要求用阿拉伯数字将年、月、日标全；另外，汉字写法中的“〇”被写成了“0”“O”或“零”"},
    {"日期“{found}”中的月、日不编虚位（1 不编为 01）"},
    {"日期“{found}”在公文正文中宜写作“{fix}”"},
};
constexpr model::Example kExamples[] = {{"二〇二四年五月一日", "2024年5月1日"}, {"2024年05月01日", "2024年5月1日"}};

// Prefilters: a paragraph that fails one cannot match the pattern below it.
// `chinese`: a 年 after four of 〇零OoＯ0０一…九.
bool may_be_chinese(std::string_view t) {
  auto year_char = [](char32_t y) {
    return std::u32string_view(U"〇零OoＯ0０一二三四五六七八九").find(y) != std::u32string_view::npos;
  };
  for (std::size_t at = text::find_seq(t, "年"); at != text::npos; at = text::find_seq(t, "年", at + 3)) {
    std::size_t n = 0;
    run_back(t, at, year_char, n, 0, 4);
    if (n == 4) return true;
  }
  return false;
}
// `zero`: an ASCII 0, a digit, then 月 or 日.
bool may_have_zero(std::string_view t) {
  for (std::size_t at = t.find('0'); at != text::npos; at = t.find('0', at + 1)) {
    std::size_t next = at + 1;
    if (next >= t.size() || !is_digit(text::cp_at(t, next, next)) || next >= t.size()) continue;
    const char32_t u = text::cp_at(t, next);
    if (u == U'月' || u == U'日') return true;
  }
  return false;
}
// `dashed`: four digits, a - . or /, one or two digits and the same mark.
// The marks - . / of `t` in order: three memchr streams, each searched on only when passed
// (a Chinese text's bytes are searched a few at a time, and the frequent "." of decimals and
// web addresses costs a call each, not a vector scan restarted after each).
class DashMarks {
 public:
  explicit DashMarks(std::string_view t) : t_(t) {
    for (int k = 0; k < 3; ++k) next_[k] = t.find(kMarks[k]);
  }
  // The first mark at or after `from` (from never decreasing), or npos.
  std::size_t find(std::size_t from) {
    std::size_t best = text::npos;
    for (int k = 0; k < 3; ++k) {
      if (next_[k] != text::npos && next_[k] < from) next_[k] = t_.find(kMarks[k], from);
      best = std::min(best, next_[k]);
    }
    return best;
  }

 private:
  static constexpr char kMarks[3] = {'-', '.', '/'};
  std::string_view t_;
  std::size_t next_[3];
};

bool may_be_dashed(std::string_view t) {
  DashMarks marks(t);
  for (std::size_t at = marks.find(0); at != text::npos; at = marks.find(at + 1)) {
    // Most marks are a decimal point or in a web address: no same mark one or two digits (2 to
    // 8 bytes) on, or fewer than four digits before.
    if (at + 2 >= t.size() || t.substr(at + 2, 8).find(t[at]) == text::npos || !digit_ends_at(t, at)) continue;
    std::size_t n = 0;
    run_back(t, at, is_digit, n, 0, 4);
    if (n < 4) continue;
    const std::size_t month_end = run_forward(t, at + 1, is_digit, n);
    if (n >= 1 && n <= 2 && month_end < t.size() && t[month_end] == t[at]) return true;
  }
  return false;
}

// The matches of (?<![\d.A-Za-z])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.]) in `s`, in order,
// as fn(begin, end, year end, month begin, month end, day begin): found from their first mark.
// Month and day are greedy and what follows them can never be what they gave back (a digit
// where the mark or the end must be), so there is no backtracking.
template <typename F>
void for_each_dashed(std::string_view s, F fn) {
  DashMarks marks(s);
  std::size_t from = 0;  // end of the last match
  for (std::size_t at = marks.find(0); at != text::npos; at = marks.find(at + 1)) {
    std::size_t n = 0;
    const std::size_t year = run_back(s, at, is_digit, n, from, 4);
    if (n != 4) continue;
    if (year > 0) {
      const char32_t b = text::cp_before(s, year);
      if (is_digit(b) || b == U'.' || (b < 0x80 && ((b | 0x20) >= U'a' && (b | 0x20) <= U'z'))) continue;
    }
    const std::size_t month_end = run_forward(s, at + 1, is_digit, n, 2);
    if (n == 0 || month_end >= s.size() || s[month_end] != s[at]) continue;
    const std::size_t day_end = run_forward(s, month_end + 1, is_digit, n, 2);
    if (n == 0) continue;
    if (day_end < s.size()) {
      const char32_t after = text::cp_at(s, day_end);
      if (is_digit(after) || after == U'.') continue;
    }
    fn(year, day_end, at, at + 1, month_end, month_end + 1);
    from = day_end;
    at = day_end - 1;
  }
}

void run(const lint::RuleContext& c) {
  static const FixedRegex chinese(
      "([〇零OoＯ0０一二三四五六七八九]{4})年([一二三四五六七八九十\\d０-９]{1,3})月([一二三四五六七八九十\\d０-９]{1,3})日");
  static const FixedRegex leading_zero("(?<![\\d０-９])(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日)?|(?<![\\d０-９])\\d{1,2}日");
  static const FixedRegex zero("(?<![\\d])0\\d(?=[月日])");
  static const TailSet month_or_day = {U'日', U'月'};
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (month_or_day.in(t)) {
      for_each_match(c.m.commas_of(bi), *chinese, t, may_be_chinese, [&](const std::vector<text::Match>& g) {
        const std::string_view year = sv(t, g[1]);
        bool arabic_part = false;
        for (int k : {2, 3})
          for (char ch : sv(t, g[static_cast<std::size_t>(k)])) arabic_part |= (ch >= '0' && ch <= '9');
        bool zero_wrong = false;
        for (std::string_view z : {"零", "0", "O", "o", "Ｏ", "０"}) zero_wrong |= year.find(z) != std::string_view::npos;
        c.report(bi, g[0].begin, g[0].end, arabic_part ? kMixed : zero_wrong ? kChineseZero : kChinese,
                 {{"found", std::string(sv(t, g[0]))}});
      });
      for_each_match(c.m.commas_of(bi), *leading_zero, t, may_have_zero, [&](const std::vector<text::Match>& g) {
        text::Match z;
        if (!zero->search(sv(t, g[0]), z)) return;
        c.report(bi, g[0].begin, g[0].end, kLeadingZero, {{"found", std::string(sv(t, g[0]))}});
      });
    }
    for_each_clause(c.m.commas_of(bi), t, may_be_dashed, [&](std::string_view s, std::size_t offset) {
      for_each_dashed(s, [&](std::size_t begin, std::size_t end, std::size_t year_end, std::size_t month_begin,
                             std::size_t month_end, std::size_t day_begin) {
        const int month = std::atoi(std::string(s.substr(month_begin, month_end - month_begin)).c_str());
        const int day = std::atoi(std::string(s.substr(day_begin, end - day_begin)).c_str());
        if (month < 1 || month > 12 || day < 1 || day > 31) return;
        const std::string fix =
            std::string(s.substr(begin, year_end - begin)) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
        auto& d = c.report(bi, offset + begin, offset + end, kDashed,
                           {{"found", std::string(s.substr(begin, end - begin))}, {"fix", fix}});
        d.severity = model::Severity::kInfo;
        d.replace_with(fix);
      });
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.date",
    .family = model::Family::kFormat,
    .severity = model::Severity::kWarning,
    .title = "日期",
    .summary = "日期用阿拉伯数字标全年月日，月日不编虚位",
    .description = "GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位；汉字日期是 1999 年标准的写法"
                   "（并指出“〇”被写成“0”“O”“零”的错误），同一日期不混用汉字和阿拉伯数字；2024-5-10 这类写法在公文正文中提示改写"
                   "（提示级，附改写建议）。",
    .measures = "指出日期原文；短横线日期给出改写（fix）。",
    .source = gbt9704("7.3.5.4 成文日期中的数字"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
