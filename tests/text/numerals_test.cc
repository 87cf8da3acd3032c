#include "text/numerals.h"

#include <gtest/gtest.h>

namespace wenfeng::text {
namespace {

TEST(ChineseNumeral, DigitsTensAndCompounds) {
  EXPECT_EQ(chinese_numeral_value("一"), 1);
  EXPECT_EQ(chinese_numeral_value("九"), 9);
  EXPECT_EQ(chinese_numeral_value("十"), 10);
  EXPECT_EQ(chinese_numeral_value("十二"), 12);
  EXPECT_EQ(chinese_numeral_value("二十"), 20);
  EXPECT_EQ(chinese_numeral_value("二十三"), 23);
  EXPECT_EQ(chinese_numeral_value("九十九"), 99);
  EXPECT_EQ(chinese_numeral_value("零"), 0);
}

TEST(ChineseNumeral, AnythingElseIsMinusOne) {
  EXPECT_EQ(chinese_numeral_value("两"), -1);
  EXPECT_EQ(chinese_numeral_value("百"), -1);
  EXPECT_EQ(chinese_numeral_value("1"), -1);
  EXPECT_EQ(chinese_numeral_value("二a"), -1);
  EXPECT_EQ(chinese_numeral_value("\xE4\xB8"), -1);  // a truncated sequence is no digit
}

TEST(ChineseNumeral, StrictFormReadsNumbersWrittenOutInFull) {
  constexpr auto kStrict = NumeralForm::kStrict;
  EXPECT_EQ(chinese_numeral_value("零", kStrict), 0);
  EXPECT_EQ(chinese_numeral_value("六", kStrict), 6);
  EXPECT_EQ(chinese_numeral_value("十", kStrict), 10);
  EXPECT_EQ(chinese_numeral_value("十五", kStrict), 15);
  EXPECT_EQ(chinese_numeral_value("八十", kStrict), 80);
  EXPECT_EQ(chinese_numeral_value("九十五", kStrict), 95);
  EXPECT_EQ(chinese_numeral_value("三百", kStrict), 300);
  EXPECT_EQ(chinese_numeral_value("一百一十五", kStrict), 115);
  EXPECT_EQ(chinese_numeral_value("三百零五", kStrict), 305);
  EXPECT_EQ(chinese_numeral_value("一千零二十", kStrict), 1020);
  EXPECT_EQ(chinese_numeral_value("三千五百", kStrict), 3500);
  EXPECT_EQ(chinese_numeral_value("两千", kStrict), 2000);
  EXPECT_EQ(chinese_numeral_value("两百", kStrict), 200);
}

TEST(ChineseNumeral, StrictFormRejectsWhatIsNoNumberInFigures) {
  constexpr auto kStrict = NumeralForm::kStrict;
  for (const char* s : {"", "百", "千", "十十", "二二", "三四十", "三百五", "三千五", "一百十五", "一十五", "两", "两十",
                        "零五", "三十零", "三百零五十", "三零", "五十六七", "百二", "1", "二a"})
    EXPECT_EQ(chinese_numeral_value(s, kStrict), -1) << s;
  // The lenient form keeps reading heading ordinals as before.
  EXPECT_EQ(chinese_numeral_value("二二"), 2);
  EXPECT_EQ(chinese_numeral_value("一十五"), 15);
}

TEST(ChineseNumeral, FiguresOfANumeralWithADecimalPart) {
  EXPECT_EQ(chinese_numeral_figures("八十"), "80");
  EXPECT_EQ(chinese_numeral_figures("九十八点五"), "98.5");
  EXPECT_EQ(chinese_numeral_figures("零点五"), "0.5");
  EXPECT_EQ(chinese_numeral_figures("三十点零五"), "30.05");
  EXPECT_EQ(chinese_numeral_figures("三十点"), "");
  EXPECT_EQ(chinese_numeral_figures("点五"), "");
  EXPECT_EQ(chinese_numeral_figures("三四十"), "");
  EXPECT_EQ(chinese_numeral_figures("十点十"), "");
}

}  // namespace
}  // namespace wenfeng::text
