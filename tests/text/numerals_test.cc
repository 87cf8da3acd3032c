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

}  // namespace
}  // namespace wenfeng::text
