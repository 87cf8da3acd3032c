#include "text/numerals.h"

#include "text/utf8.h"

namespace wenfeng::text {

int chinese_numeral_value(std::string_view s) {
  static constexpr std::string_view kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int value = 0, current = 0;
  for (const auto cp : code_points(s)) {
    const std::string_view ch = s.substr(cp.begin, cp.end - cp.begin);
    if (ch == "十") {
      value += (current == 0 ? 1 : current) * 10;
      current = 0;
      continue;
    }
    int digit = -1;
    for (int d = 0; d < 10; ++d)
      if (ch == kDigits[d]) digit = d;
    if (digit < 0) return -1;
    current = digit;
  }
  return value + current;
}

}  // namespace wenfeng::text
