// punct.enum-comma — 顿号 between quoted or 书名号 items, and inside approximations of
// adjacent numbers (GB/T 15834-2011; SPEC.md §3 P8, P9).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"并列的引号或书名号之间一般不用顿号"},
    {"相邻两个数字连用表示概数（如“{approx}”），中间不用顿号"},
};
constexpr model::Example kExamples[] = {{"学习《条例》、《规定》；用时三、四天", "学习《条例》《规定》；用时三四天"}};
const model::RuleSource kApprox = gbt15834("4.5.3.6 顿号（概数）");

bool in(std::u32string_view set, char32_t c) { return set.find(c) != std::u32string_view::npos; }

// Calls fn(comma) for each 、 with a code point of `before` right before it and one of
// `after` right after, left to right: the scan of what was the pattern [》”]、[《“] (its
// matches cannot overlap: no code point is in both sets).
template <typename F>
void for_each_comma(std::string_view t, std::u32string_view before, std::u32string_view after, F fn) {
  for (std::size_t at = text::find_seq(t, "、"); at != text::npos; at = text::find_seq(t, "、", at + 3))
    if (at > 0 && at + 3 < t.size() && in(before, text::cp_before(t, at)) && in(after, text::cp_at(t, at + 3))) fn(at);
}

// Whether an approximation's second numeral, ending at `at`, is followed by a unit: the
// look-ahead (?=[十百千万]?(?:[个天岁人次名位种项家户条]|年(?!级))) of the old pattern
// (none of 十百千万 is a unit, so the optional place needs no backtracking).
bool unit_after(std::string_view t, std::size_t at) {
  if (at >= t.size()) return false;
  std::size_t next;
  char32_t c = text::cp_at(t, at, next);
  if (in(U"十百千万", c)) {
    if (next >= t.size()) return false;
    at = next;
    c = text::cp_at(t, at, next);
  }
  if (in(U"个天岁人次名位种项家户条", c)) return true;
  return c == U'年' && (next >= t.size() || text::cp_at(t, next) != U'级');
}

void run(const lint::RuleContext& c) {
  static constexpr std::string_view kOrder = "一二三四五六七八九";
  static constexpr std::u32string_view kDigits = U"一二三四五六七八九";
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (!text::contains(t, "、")) continue;
    for_each_comma(t, U"》”", U"《“", [&](std::size_t comma) { c.report(bi, comma, comma + 3, 0, {}); });
    // The scan of what was (?<![第十])([一二三四五六七八九])、([一二三四五六七八九])
    // followed by unit_after: two numerals around one 、 (matches cannot overlap, the
    // second numeral is followed by a unit, not a 、).
    for_each_comma(t, kDigits, kDigits, [&](std::size_t comma) {
      std::size_t a_begin;
      text::cp_before(t, comma, a_begin);
      if (a_begin > 0 && in(U"第十", text::cp_before(t, a_begin))) return;
      const std::size_t b_end = comma + 6;  // the numerals are three bytes each
      if (!unit_after(t, b_end)) return;
      // Adjacent numbers joined by 、 form an approximation (三四天), which takes no 顿号.
      // Ordinals are an abbreviation and keep it: 一、二级响应, 三、四月份, 五、六层, 一、二年级.
      const std::string_view a = t.substr(a_begin, comma - a_begin), b = t.substr(comma + 3, 3);
      if (kOrder.find(b) != kOrder.find(a) + 3) return;
      c.report(bi, comma, comma + 3, 1, {{"approx", std::string(a) + std::string(b)}}, &kApprox).severity =
          model::Severity::kError;
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.enum-comma",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "顿号",
    .summary = "并列书名号、引号之间和概数中的顿号",
    .description = "并列的书名号、引号之间一般不用顿号；相邻数字连用表示概数（三四天）时不用顿号（错误；序数的缩略“一、二等奖”“一、二级”“三、四月”除外）。",
    .measures = "指出多余的顿号。",
    .source = gbt15834("4.5.3.5 顿号"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
