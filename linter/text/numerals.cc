#include "text/numerals.h"

#include <vector>

#include "text/utf8.h"

namespace wenfeng::text {
namespace {

// 零 … 九 → 0 … 9, -1 otherwise.
int digit_of(char32_t c) {
  static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  const auto d = kDigits.find(c);
  return d == std::u32string_view::npos ? -1 : static_cast<int>(d);
}

int unit_of(char32_t c) { return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0; }

int lenient_value(std::string_view s) {
  int value = 0, current = 0;
  for (const auto cp : code_points(s)) {
    if (cp.cp == U'十') {
      value += (current == 0 ? 1 : current) * 10;
      current = 0;
      continue;
    }
    const int digit = digit_of(cp.cp);
    if (digit < 0) return -1;
    current = digit;
  }
  return value + current;
}

// Terms coefficient × unit in falling units; a unit is skipped only with one 零 in its place.
int strict_value(std::string_view s) {
  std::vector<char32_t> c;
  for (const auto cp : code_points(s)) c.push_back(cp.cp);
  if (c.empty()) return -1;
  if (c.size() == 1 && c[0] == U'零') return 0;
  int total = 0, last_unit = 0;  // 0: no term yet
  bool zero = false;
  for (std::size_t i = 0; i < c.size();) {
    if (c[i] == U'零') {
      if (last_unit == 0 || zero) return -1;
      zero = true;
      ++i;
      continue;
    }
    int coefficient, unit;
    if (c[i] == U'十' && i == 0) {  // 十, 十二: 十 without 一 only at the start
      coefficient = 1, unit = 10, ++i;
    } else {
      const bool liang = c[i] == U'两';
      coefficient = liang ? 2 : digit_of(c[i]);
      if (coefficient <= 0) return -1;
      ++i;
      unit = i < c.size() ? unit_of(c[i]) : 1;
      if (unit == 0) return -1;
      if (unit > 1) ++i;
      if (liang && unit < 100) return -1;  // 两百, 两千; not 两十 or 两 alone as a figure
      if (last_unit == 0 && unit == 10 && coefficient == 1) return -1;  // 一十五 is written 十五
    }
    if (last_unit != 0) {
      // The next lower place, or (after 零) a lower one with a place skipped.
      if (zero ? unit * 10 >= last_unit : unit * 10 != last_unit) return -1;
    }
    total += coefficient * unit;
    last_unit = unit;
    zero = false;
    if (unit == 1 && i < c.size()) return -1;
  }
  return zero ? -1 : total;
}

}  // namespace

int chinese_numeral_value(std::string_view s, NumeralForm form) {
  return form == NumeralForm::kStrict ? strict_value(s) : lenient_value(s);
}

std::string chinese_numeral_figures(std::string_view s) {
  const auto dot = s.find("点");
  const int whole = chinese_numeral_value(s.substr(0, dot), NumeralForm::kStrict);
  if (whole < 0) return "";
  std::string out = std::to_string(whole);
  if (dot == std::string_view::npos) return out;
  const std::string_view frac = s.substr(dot + std::string_view("点").size());
  if (frac.empty()) return "";
  out += '.';
  for (const auto cp : code_points(frac)) {
    const int d = digit_of(cp.cp);
    if (d < 0) return "";
    out += static_cast<char>('0' + d);
  }
  return out;
}

}  // namespace wenfeng::text
