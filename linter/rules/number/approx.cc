// number.approx — approximations written with digits (3、4天, 10几天 → 三四天, 十几天) and 约 …
// 左右 on one number (GB/T 15835-2011 4.2; SPEC.md §3 N2, N10).
#include <string>
#include <string_view>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"概数“{found}”应用汉字（如“三四天”“十几天”）"},
    {"“约”和“左右”同用于一个数，语义重复：“{found}”"},
};
constexpr model::Example kExamples[] = {{"用时3、4天，约300人左右", "用时三四天，约300人"}};
const model::RuleSource kAbout = gbt15835("4.2 概数和约数");

// Every reported approximation holds a digit、digit or a 几 next to a digit: paragraphs
// without one never reach the pattern.
bool may_have_approx(std::string_view t) {
  static const TailSet marks = {U'、', U'几'};
  for (std::size_t at = marks.find(t); at != text::npos; at = marks.find(t, at + 3)) {
    const bool both = t[at + 2] == '\x81';  // 、 is E3 80 81, 几 E5 87 A0
    const bool before = digit_ends_at(t, at);
    if (both ? before && digit_starts_at(t, at + 3) : before || digit_starts_at(t, at + 3)) return true;
  }
  return false;
}

bool is_unit(char32_t u) {
  switch (u) {
    case U'个': case U'天': case U'年': case U'岁': case U'人': case U'次': case U'月':
      return true;
    default:
      return false;
  }
}

// The matches of (?<!\d)(\d)、?(\d)(?=(个|天|年|岁|人|次|月)(?![\d]))|\d+几|几\d+ in `s`, in order, as
// fn(begin, end, first digit, second digit) (the digits npos for the 几 forms). At each code
// point the alternatives are tried in turn; the search goes on from the end of a match.
template <typename F>
void for_each_approx(std::string_view s, F fn) {
  auto digit_at = [&](std::size_t at, std::size_t& end) {
    return at < s.size() && is_digit(text::cp_at(s, at, end));
  };
  for (std::size_t at = 0; at < s.size();) {
    std::size_t next;
    const char32_t c = text::cp_at(s, at, next);
    if (is_digit(c)) {
      // digit 、? digit, before a unit that no digit follows; no digit before it.
      if (!digit_ends_at(s, at)) {
        const std::size_t second = s.substr(next, 3) == "、" ? next + 3 : next;
        std::size_t end, after;
        if (digit_at(second, end) && end < s.size() && is_unit(text::cp_at(s, end, after)) && !digit_at(after, after)) {
          fn(at, end, at, second);
          at = end;
          continue;
        }
      }
      // digits, then 几: tried from every digit of the run, and all fail unless the run ends before 几.
      std::size_t n = 0;
      const std::size_t run = run_forward(s, at, is_digit, n);
      if (s.substr(run, 3) == "几") {
        fn(at, run + 3, text::npos, text::npos);
        at = run + 3;
      } else {
        at = run;
      }
      continue;
    }
    if (c == U'几') {
      std::size_t n = 0;
      const std::size_t run = run_forward(s, next, is_digit, n);
      if (n > 0) {
        fn(at, run, text::npos, text::npos);
        at = run;
        continue;
      }
    }
    at = next;
  }
}

bool in_about_class(char32_t c) {
  return is_digit(c) || c == U'.' || c == U'．' ||
         std::u32string_view(U"一二三四五六七八九十百千万亿两").find(c) != std::u32string_view::npos;
}

// The matches of 约\s*[\d０-９.．一二三四五六七八九十百千万亿两]+\s*\p{Han}{0,4}?左右 in `s` as
// fn(begin, end). Backtracking never changes a match: the class holds no 左 and no space, so
// giving back what it took only leaves fewer Han characters for the same way to 左右.
template <typename F>
void for_each_about(std::string_view s, F fn) {
  for (std::size_t at = text::find_seq(s, "约"); at != text::npos;) {
    std::size_t n = 0;
    std::size_t q = run_forward(s, run_forward(s, at + 3, is_icu_space, n), in_about_class, n);
    bool found = false;
    if (n > 0) {
      q = run_forward(s, q, is_icu_space, n);
      for (int k = 0; k <= 4; ++k) {
        if (s.substr(q, 6) == "左右") {
          found = true;
          break;
        }
        std::size_t next;
        if (k == 4 || q >= s.size() || !text::is_han_script(text::cp_at(s, q, next))) break;
        q = next;
      }
    }
    if (found) fn(at, q + 6);
    at = text::find_seq(s, "约", found ? q + 6 : at + 3);
  }
}

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_clause(c.m.commas_of(bi), t, may_have_approx, [&](std::string_view s, std::size_t offset) {
      for_each_approx(s, [&](std::size_t begin, std::size_t end, std::size_t first, std::size_t second) {
        const std::string_view found = s.substr(begin, end - begin);
        if (first != text::npos) {
          // Only adjacent digits joined by 、 (3、4) form an approximation (compared by their
          // first bytes, as the pattern's groups were).
          if (found.find("、") == std::string_view::npos) return;
          const int a = s[first] - '0', b = s[second] - '0';
          if (b != a + 1) return;
        }
        c.report(bi, offset + begin, offset + end, 0, {{"found", std::string(found)}});
      });
    });
    if (!text::contains(t, "左右") || !text::contains(t, "约")) continue;
    for_each_clause(c.m.commas_of(bi), t, [](std::string_view) { return true; }, [&](std::string_view s, std::size_t offset) {
      for_each_about(s, [&](std::size_t begin, std::size_t end) {
        c.report(bi, offset + begin, offset + end, 1, {{"found", std::string(s.substr(begin, end - begin))}}, &kAbout)
            .severity = model::Severity::kInfo;
      });
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.approx",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "概数与约数",
    .summary = "概数用汉字；“约”和“左右”不同用",
    .description = "概数用汉字（三四天、十几天）；“约”和“左右”不同用于一个数（提示级）。",
    .measures = "指出概数或约数。",
    .source = gbt15835("4.2.2 概数"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
