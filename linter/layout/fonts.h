// Font metrics the page layout needs: Word's single-line height as a multiple of the font
// size, and how wide Latin letters and digits are.
//
// Single-line heights are the fonts' own ascent + descent as Word uses them (Times New
// Roman and Arial 1.15, Calibri 1.22, Cambria 1.17, 微软雅黑 1.32); the Chinese system fonts
// whose glyphs fill exactly one em (宋体/SimSun, 新宋体, 黑体/SimHei, 仿宋/仿宋_GB2312/FangSong,
// 楷体/楷体_GB2312/KaiTi, 方正小标宋简体 and the other 方正 fonts) and 等线/DengXian get Word's
// 1.3 (so 小四 宋体 fills exactly one line of the default 15.6 pt grid and 四号 needs two);
// 等线 is 1.34, for its Latin letters and digits too: Word takes a line's height from the
// faces of its characters, not from their script (小四 等线 needs two grid lines, and so
// does 小四 黑体 with 等线 digits: Word's page breaks in documents set so show it).
// 微软雅黑's Chinese characters are taller in Word than its 1.32 em: 1.3 times it, 1.716, as
// the one-em fonts' box gives Word's 1.3 (五号 text needs two lines of the 15.6 pt grid, 11
// pt on a 19.35 pt grid one); its Latin letters, digits and an empty paragraph's mark keep
// 1.32 (an empty 五号 微软雅黑 paragraph takes one grid line). Seen on Word's page marks in
// fresh 067 (五号 微软雅黑 table text: 21 lines a page, not 44), calibration 058 (11 pt) and
// 102 (14 pt on a 19.35 pt grid), fresh 045 (the empty mark): over 1.5 em fits them; and
// without a grid in fresh-3 t149 and t239 (11 pt: Word's pages hold 0.87-0.93 of what 1.55
// gives, 1.716 fills them), against history h433 (10.5 pt at 1.35 lines, which fits 1.55).
// Their Latin letters and digits are half an em each; Times New Roman, Arial and Calibri
// have proportional widths (their published advance widths, ASCII only; other non-CJK
// characters 0.6 em).
//
// Unknown fonts: a name with Chinese characters, or one naming a Chinese foundry (方正,
// 华文, 汉仪, STXX, FZ…), is taken as 宋体; any other name as Times New Roman. WPS
// substitutes for fonts it lacks in the same way, so this holds for both.
#pragma once

#include <string_view>

namespace wenfeng::layout {

enum class LatinWidths : unsigned char { kSerif, kSans, kCalibri, kHalf };

struct FontMetrics {
  double line = 1.3;   // single-line height / font size
  double han = 0;      // the same for its East Asian characters where it differs (0: line)
  double han_line() const { return han > 0 ? han : line; }
  LatinWidths latin = LatinWidths::kHalf;
  bool east_asian = true;  // a Chinese font
  // The part of `line` (`han_line()`) above the baseline, in em; the rest is below it
  // (0: a Chinese font's 0.859 em box ascent plus half of what its line adds to the em,
  // a Latin font's Times New Roman share, 0.812 of its line). Word sets a line that mixes
  // faces as tall as the largest ascent plus the largest descent of its characters' faces.
  double ascent = 0;
  double han_ascent = 0;
  double asc() const { return ascent > 0 ? ascent : east_asian ? 0.859 + (line - 1.0) / 2 : 0.812 * line; }
  double desc() const { return line - asc(); }
  double han_asc() const { return han_ascent > 0 ? han_ascent : han > 0 ? 0.859 + (han - 1.0) / 2 : asc(); }
  double han_desc() const { return han_line() - han_asc(); }
};

FontMetrics font_metrics(std::string_view name);

// Advance of a non-CJK character in em.
double latin_advance(char32_t c, LatinWidths kind);

}  // namespace wenfeng::layout
