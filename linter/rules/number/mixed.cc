// number.mixed — years written both in Arabic and in Chinese numerals in one draft (GB/T
// 15835-2011 4.1.3 同类别同形式; SPEC.md §3 N6). One finding, at the first Chinese year.
#include <string>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"同一稿件中年份既有阿拉伯数字又有汉字写法，同类数字应保持同一形式（阿拉伯数字写法见第 {paragraph} 段）"},
};
constexpr model::Example kExamples[] = {{"2024年……二〇二四年", "2024年……2024年"}};

bool is_cn_digit(char32_t d) { return std::u32string_view(U"〇零一二三四五六七八九").find(d) != std::u32string_view::npos; }

// The first 年 after four digits of the kind (Arabic ones not after a fifth): the byte
// offset of the first digit, or npos. The scans of what were the patterns (?<!\d)\d{4}年
// (digit = ICU's \d, lone) and [〇零一二三四五六七八九]{4}年: every match is four digits
// and 年, so the leftmost match is the one of the first such 年.
template <typename Pred>
std::size_t year_after(std::string_view t, Pred digit, bool lone) {
  for (std::size_t at = text::find_seq(t, "年"); at != text::npos; at = text::find_seq(t, "年", at + 3)) {
    std::size_t n = 0;
    const std::size_t from = run_back(t, at, digit, n, 0, 4);
    if (n == 4 && (!lone || from == 0 || !digit(text::cp_before(t, from)))) return from;
  }
  return text::npos;
}

void run(const lint::RuleContext& c) {
  std::uint32_t arabic_block = 0, chinese_block = 0;
  bool has_arabic = false, has_chinese = false;
  text::Match at;
  const bool document = c.is_document();
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (!text::contains(t, "年")) continue;
    if (document && !has_chinese && is_chinese_date_line(t)) continue;
    if (!has_arabic && year_after(t, is_digit, true) != text::npos) {
      has_arabic = true;
      arabic_block = bi;
    }
    if (const std::size_t from = has_chinese ? text::npos : year_after(t, is_cn_digit, false); from != text::npos) {
      has_chinese = true;
      chinese_block = bi;
      at = {from, text::find_seq(t, "年", from) + 3};
    }
    if (has_arabic && has_chinese) break;
  }
  if (has_arabic && has_chinese)
    c.report(chinese_block, at.begin, at.end, 0, {{"paragraph", std::to_string(c.m.numbers[arabic_block])}});
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.mixed",
    .family = model::Family::kNumber,
    .severity = model::Severity::kInfo,
    .title = "同类数字同形式",
    .summary = "同一稿件中年份写法一致",
    .description = "同一稿件中的年份写法（阿拉伯数字或汉字）应一致（提示级）。",
    .measures = "指出第一处汉字年份，并给出阿拉伯数字年份所在段落。",
    .source = gbt15835("4.1.3 同类别同形式"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
