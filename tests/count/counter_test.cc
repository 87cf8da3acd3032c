// Counting model, one character class at a time. Expected values are worked out by hand
// from shared/domain/SPEC.md "Decisions" 1–3.
#include "count/counter.h"

#include <gtest/gtest.h>

using wenfeng::count::count_text;
using wenfeng::count::Counts;

namespace {

Counts C(std::uint64_t zishu, std::uint64_t hanzi, std::uint64_t words, std::uint64_t no_sp,
         std::uint64_t with_sp) {
  Counts c;
  c.zishu = zishu;
  c.hanzi = hanzi;
  c.non_cjk_words = words;
  c.chars_no_spaces = no_sp;
  c.chars_with_spaces = with_sp;
  c.paragraphs = no_sp > 0 ? 1 : 0;
  return c;
}

TEST(Counter, SpecExampleQuotesAndEllipsis) {
  // 他 说 ： 好 = 4 Asian; “ and ……” are two non-Asian runs.
  EXPECT_EQ(count_text("他说：“好……”"), C(6, 3, 2, 8, 8));
}

TEST(Counter, HanBasic) { EXPECT_EQ(count_text("中华人民共和国"), C(7, 7, 0, 7, 7)); }

TEST(Counter, HanExtensionBAndCompatibility) {
  // U+20BB7 𠮷 (Ext B), U+2A6D6 (Ext B end), U+F900 豈 (compatibility), U+2F800 (compat suppl.)
  EXPECT_EQ(count_text("\U00020BB7\U0002A6D6\uF900\U0002F800"), C(4, 4, 0, 4, 4));
  // Ext G U+30000, Ext H U+31350
  EXPECT_EQ(count_text("\U00030000\U00031350"), C(2, 2, 0, 2, 2));
}

TEST(Counter, IdeographicZeroIsHan) { EXPECT_EQ(count_text("二〇二四年"), C(5, 5, 0, 5, 5)); }

TEST(Counter, FullWidthPunctuationIsAsianNotHan) {
  EXPECT_EQ(count_text("，。、；：？！（）〔〕《》【】"), C(15, 0, 0, 15, 15));
}

TEST(Counter, FullWidthLettersAndDigits) {
  EXPECT_EQ(count_text("ＡＢＣＤＥ"), C(5, 0, 0, 5, 5));
  EXPECT_EQ(count_text("１２３"), C(3, 0, 0, 3, 3));
}

TEST(Counter, CurlyQuotesGlueToNeighbouringNonAsianRuns) {
  // “Hello” is one run of 7 code points.
  EXPECT_EQ(count_text("“Hello”"), C(1, 0, 1, 7, 7));
  // ‘好’: ‘ run, 好, ’ run.
  EXPECT_EQ(count_text("‘好’"), C(3, 1, 2, 3, 3));
}

TEST(Counter, EllipsisAndDashRuns) {
  // …… is one run; —— is one run; between Han each run counts 1.
  EXPECT_EQ(count_text("等等……"), C(3, 2, 1, 4, 4));
  EXPECT_EQ(count_text("北京——上海"), C(5, 4, 1, 6, 6));
}

TEST(Counter, DigitAndLatinRuns) {
  EXPECT_EQ(count_text("2024年"), C(2, 1, 1, 5, 5));
  EXPECT_EQ(count_text("3.14"), C(1, 0, 1, 4, 4));
  EXPECT_EQ(count_text("Hello World"), C(2, 0, 2, 10, 11));
  EXPECT_EQ(count_text("Hello, World."), C(2, 0, 2, 12, 13));
  // Validation-set examples quoted in SPEC.md §1.1.
  EXPECT_EQ(count_text("Hello、World。").zishu, 4u);
  EXPECT_EQ(count_text("東京2024オリンピック").zishu, 9u);
  EXPECT_EQ(count_text("①②③④⑤").zishu, 1u);  // Enclosed Alphanumerics are not Asian blocks
}

TEST(Counter, SpacesIncludingIdeographicSpaceAndNbsp) {
  // U+3000 and NBSP are whitespace: not in zishu, counted with spaces, split runs.
  EXPECT_EQ(count_text("　　各位"), C(2, 2, 0, 2, 4));
  EXPECT_EQ(count_text("a\u00A0b"), C(2, 0, 2, 2, 3));
  EXPECT_EQ(count_text("a\u2003b"), C(2, 0, 2, 2, 3));
}

// Word and WPS count a tab in 字符数(计空格) like a space (their saved counts in real files
// exceed the spaces-only figure by the number of tabs), and nowhere else.
TEST(Counter, TabSplitsRunsAndCountsWithSpaces) {
  EXPECT_EQ(count_text("a\tb"), C(2, 0, 2, 2, 3));
  EXPECT_EQ(count_text("第一章\t总则\t\t1"), C(6, 5, 1, 6, 9));
}

TEST(Counter, CarriageReturnAndFormFeedCountNowhere) {
  EXPECT_EQ(count_text("a\rb\fc"), C(3, 0, 3, 3, 3));
}

TEST(Counter, ManualLineBreakCountsWithSpaces) { EXPECT_EQ(count_text("ab\ncd"), C(2, 0, 2, 4, 5)); }

TEST(Counter, InvisiblesCountNothingAndDoNotSplit) {
  EXPECT_EQ(count_text("\uFEFF通知"), C(2, 2, 0, 2, 2));
  EXPECT_EQ(count_text("ab\u200Bcd"), C(1, 0, 1, 4, 4));
  EXPECT_EQ(count_text("中\uFE0F"), C(1, 1, 0, 1, 1));
  EXPECT_EQ(count_text("\U000E0101"), C(0, 0, 0, 0, 0));
  EXPECT_EQ(count_text("co\u00ADop"), C(1, 0, 1, 4, 4));
}

TEST(Counter, KanaHangulBopomofoAreAsian) {
  EXPECT_EQ(count_text("ひらがなカタカナ"), C(8, 0, 0, 8, 8));
  EXPECT_EQ(count_text("한국어"), C(3, 0, 0, 3, 3));
  EXPECT_EQ(count_text("ㄅㄆㄇ"), C(3, 0, 0, 3, 3));
  EXPECT_EQ(count_text("・ー"), C(2, 0, 0, 2, 2));
}

TEST(Counter, RadicalsAreAsianButNotHanzi) {
  EXPECT_EQ(count_text("\u2F00\u2E80"), C(2, 0, 0, 2, 2));
}

TEST(Counter, EnclosedAndCompatibilityBlocks) {
  EXPECT_EQ(count_text("㈠㊣㎡"), C(3, 0, 0, 3, 3));
  EXPECT_EQ(count_text("︵︶"), C(2, 0, 0, 2, 2));  // CJK Compatibility Forms
}

TEST(Counter, EmptyAndWhitespaceOnly) {
  EXPECT_EQ(count_text(""), C(0, 0, 0, 0, 0));
  EXPECT_EQ(count_text("   "), C(0, 0, 0, 0, 3));
  EXPECT_EQ(count_text("   ").paragraphs, 0u);
}

TEST(Counter, MixedSentence) {
  // Asian: 我们高度重视 (6) ，(1) 测试 (2) 引号 (2) 年 (1) 。(1) = 13.
  // Runs: "Hello", "World——" (no space before the dash), "……“", "”2024" = 4.
  // SPEC.md §1.1 reports the same 17 words and 33 characters from LibreOffice.
  const Counts c = count_text("我们高度重视，Hello World——测试……“引号”2024年。");
  EXPECT_EQ(c.zishu, 17u);
  EXPECT_EQ(c.hanzi, 11u);
  EXPECT_EQ(c.non_cjk_words, 4u);
  EXPECT_EQ(c.chars_no_spaces, 33u);
  EXPECT_EQ(c.chars_with_spaces, 34u);
}

TEST(Counter, DocumentScopeIncludesStoriesOnRequest) {
  using namespace wenfeng::model;
  DocumentBuilder b(Format::kText);
  auto src = b.add_source("x");
  b.open(Story::kMain, Role::kBody, src, 1);
  b.append("正文");
  b.open(Story::kFootnote, Role::kBody, src, 2);
  b.append("脚注");
  b.open(Story::kTextBox, Role::kBody, src, 3);
  b.append("文本框");
  b.open(Story::kMain, Role::kBody, src, 4);  // empty paragraph: not counted as a paragraph
  Document d = b.finish();
  wenfeng::count::Scope s;
  EXPECT_EQ(wenfeng::count::count_document(d, s).zishu, 2u);
  EXPECT_EQ(wenfeng::count::count_document(d, s).paragraphs, 1u);
  s.notes = true;
  EXPECT_EQ(wenfeng::count::count_document(d, s).zishu, 4u);
  s.textboxes = true;
  EXPECT_EQ(wenfeng::count::count_document(d, s).zishu, 7u);
}

}  // namespace
