// The value of a Chinese numeral: one parser for heading ordinals and written-out numbers.
#pragma once

#include <string>
#include <string_view>

namespace wenfeng::text {

enum class NumeralForm {
  // Heading ordinals (一、 （二十三）): any run of 零一二三四五六七八九十 gets a value, so that a
  // malformed ordinal is still placed in its sequence (十 alone or between digits; 百 and 千
  // are not read: headings never reach them).
  kLenient,
  // A number as GB/T 15835 would have it written in figures: only well-formed numerals up
  // to 9999 — 零, 三, 十, 十二, 二十, 二十三, 一百零五, 三百五十, 两千, 一千零二十. Anything
  // else is no number (-1): 数字连用的概数 (三四十), a bare 百 or 千 (百亿, 千米: orders of
  // magnitude, not counts), colloquial shortenings (三百五 for 350), misplaced 零.
  kStrict,
};

// The numeral's value, or -1 when `s` is not one in the given form.
int chinese_numeral_value(std::string_view s, NumeralForm form = NumeralForm::kLenient);

// A strict numeral with an optional decimal part in figures: 八十 → "80", 三十点五 → "30.5",
// 零点五 → "0.5"; "" when `s` is none.
std::string chinese_numeral_figures(std::string_view s);

}  // namespace wenfeng::text
