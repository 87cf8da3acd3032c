// The value of a plain Chinese numeral as ordinals and small counts write it.
#pragma once

#include <string_view>

namespace wenfeng::text {

// 一 … 九十九 (零 as a digit, 十 alone or between digits): 三 = 3, 十二 = 12, 二十 = 20,
// 二十三 = 23. -1 when a character is not one of 零一二三四五六七八九十. Larger units
// (百, 千) are not read: heading ordinals never reach them.
int chinese_numeral_value(std::string_view s);

}  // namespace wenfeng::text
