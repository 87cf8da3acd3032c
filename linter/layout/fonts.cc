#include "layout/fonts.h"

#include <algorithm>
#include <array>
#include <string>

namespace wenfeng::layout {
namespace {

// Advance widths of ASCII 0x20..0x7E in thousandths of an em.
constexpr std::array<short, 95> kTimes = {
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,  // sp ! " # $ % & ' ( ) * + , - . /
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,  // 0-9 : ; < = > ?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,  // @ A-O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,  // P-Z [ \ ] ^ _
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,  // ` a-o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541};      // p-z { | } ~
constexpr std::array<short, 95> kArial = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
constexpr std::array<short, 95> kCalibri = {
    226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386,
    507, 507, 507, 507, 507, 507, 507, 507, 507, 507, 268, 268, 498, 498, 498, 463,
    894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520, 420, 855, 646, 662,
    517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498,
    291, 479, 525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527,
    525, 525, 349, 391, 335, 525, 452, 715, 433, 453, 395, 312, 460, 312, 498};

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

FontMetrics font_metrics(std::string_view name) {
  const std::string n = lower(name);
  if (n.empty()) return {};
  // Latin fonts.
  // Ascent and descent (in em) are the faces' own hhea/OS/2 figures in font units of their
  // unitsPerEm (the values Word's line heights add up to), the line gap counted above the
  // ascent: Times New Roman 1825 + 87 gap / 443 of 2048 (0.934 / 0.216, 1.15 em); Arial
  // 1854 + 67 / 434 of 2048 (0.938 / 0.212); Calibri winAscent/winDescent 1950 / 550 of
  // 2048 (0.952 / 0.269, 1.22); Cambria 1946 / 455 of 2048 (0.950 / 0.222, 1.17); Segoe UI
  // 2210 / 514 of 2048, no gap (1.079 / 0.251, 1.33); Courier New 1705 / 615 of 2048
  // (0.833 / 0.300, 1.13); Consolas 1884 / 514 of 2048 (its 0.251 descent kept under the
  // 1.13 line: 0.879 / 0.251); 微软雅黑 2167 / 536 of 2048 (1.058 / 0.262, 1.32); 宋体, 黑体,
  // 仿宋 and 楷体 220 / 36 of 256 (0.859 / 0.141: the em box; libharu's SimSun/SimHei
  // descriptors give 859 / -141 too), to which Word's 1.3 em line adds 0.15 above and
  // below (1.009 / 0.291; 等线's 1.34 likewise about the same box, 1.029 / 0.311);
  // 微软雅黑's taller Chinese line (1.716) adds its 0.396 em over 1.32 half above, half below
  // (1.256 / 0.460); Noto Sans CJK / Source Han Sans 1160 / 288 of 1000.
  // The files bound how Word splits 宋体's 1.3 em (a line is its faces' largest ascent plus
  // largest descent, docx_layout.cc): at an ascent of 0.94 or 1.04 em, lines mixing Calibri
  // (0.952 / 0.269) or Times New Roman with 宋体 at 小四 outgrow one grid line and history
  // Word equal counts fall 303 -> 289 / 284, fresh tuning 57 -> 55, fresh-2 40 -> 38,
  // calibration 041 +2; at 0.96, h018/h019 (Segoe UI with Chinese, 15 page marks) lose a page
  // (paragraph starts 200 -> 176 of 220); at 1.04 the 项目计划书 family's Segoe UI lines fit
  // one line again (-4 pages). 1.02 and the even split's 1.009 agree on every set; all the
  // extra above (1.159) or spread in proportion (1.117) lose 17-16 equal counts on fresh tuning.

  if (contains(n, "times") || contains(n, "liberation serif") || contains(n, "georgia") || contains(n, "book antiqua"))
    return {1.15, 0, LatinWidths::kSerif, false, 0.934};
  if (contains(n, "cambria")) return {1.17, 0, LatinWidths::kSerif, false, 0.950};
  if (contains(n, "calibri") || contains(n, "candara") || contains(n, "corbel")) return {1.22, 0, LatinWidths::kCalibri, false, 0.952};
  // Arial Unicode MS, which Word 2010 puts in the place of a missing 等线: its lines are
  // taller than 等线's. 五号 (10.5 pt) text in it takes two lines of the 15.6 pt grid, as
  // pages that Word filled with such lines show (a design document with 32 pages saved
  // for 21.6 estimated at 等线's 1.34 em; 1.49 to 1.55 em give the same counts).
  if (contains(n, "arial unicode")) return {1.49, 0, LatinWidths::kSans, true};
  if (contains(n, "arial") || contains(n, "helvetica") || contains(n, "liberation sans") || contains(n, "verdana") ||
      contains(n, "tahoma"))
    return {1.15, 0, LatinWidths::kSans, false, 0.938};
  // Segoe UI's ascent and descent are 2210 + 514 of 2048 units (no line gap): 1.33 em, so
  // 小四 Latin text in it needs two lines of the 15.6 pt grid (text pasted from web pages
  // keeps it: a configuration plan's tables of tool names, Word 10 pages, 8.9 at Arial's 1.15).
  if (contains(n, "segoe")) return {1.33, 0, LatinWidths::kSans, false, 1.079};
  if (contains(n, "courier")) return {1.13, 0, LatinWidths::kHalf, false, 0.833};
  if (contains(n, "consolas")) return {1.13, 0, LatinWidths::kHalf, false, 0.879};
  // Chinese fonts.
  // 微软雅黑: 1.32 em for its Latin letters, digits and an empty paragraph's mark, 1.3 times
  // that for its Chinese characters, 1.716 (see fonts.h). At 1.55, as before, fresh-3 t239
  // (11 pt, 1.2 lines, no grid) was 5.0 for 6 and t149 (11 pt, at least 12 pt) 19.7 for 22:
  // Word's pages held 0.87-0.93 of wenfeng's heights, page after page; now 5.4 and 20.7,
  // their paragraph starts on Word's pages 84 -> 114 of 115 and 222 -> 358 of 433. History
  // h433 (10.5 pt at 1.35 lines, saved by a Word of 2023 or later) fits 1.55 and goes a page
  // over (18.8 -> 20.0 for 19; 115 -> 101 of 505).
  if (contains(n, "微软雅黑") || contains(n, "microsoft yahei")) return {1.32, 1.716, LatinWidths::kSans, true, 1.058, 1.256};
  // HarmonyOS Sans SC (Huawei's free Chinese sans; fresh-3 t257 is set in it): ascent and
  // descent 1056 / 271 of 1000, 1.327 em; Word's line for it is taken as 1.3 times that
  // (1.725 em, as 宋体's 1.0 em box gives its 1.3 and 微软雅黑's its Chinese 1.716), the
  // extra half above, half below (1.255 / 0.470), for its Latin letters and empty marks
  // too (unlike 微软雅黑's). t257's pages fit only so:
  // Word's first two hold 9 and 15 text lines with 6 and 5 empty paragraphs, all of them
  // two lines of the 15.6 pt grid (over 1.486 em at 五号); unknown before, the face was
  // set as Times New Roman (1.15 em, one grid line each).
  if (contains(n, "harmonyos sans")) return {1.725, 0, LatinWidths::kSans, true, 1.255};
  // 等线 is a little taller than the one-em fonts, its digits and Latin letters as much as
  // its Chinese characters (Word sizes a line by the face, whatever the script): 小四 text
  // in 等线, or 小四 黑体 text with 等线 digits, needs two lines of the 15.6 pt grid.
  if (contains(n, "等线") || contains(n, "dengxian")) return {1.34, 0, LatinWidths::kCalibri, true};
  if (contains(n, "noto") && contains(n, "cjk")) return {1.448, 0, LatinWidths::kSans, true, 1.16};
  if (contains(n, "source han") || contains(n, "思源")) return {1.448, 0, LatinWidths::kSans, true, 1.16};
  // 宋体, 新宋体, 黑体, 仿宋(_GB2312), 楷体(_GB2312), 方正…, 华文…, and anything else with
  // Chinese characters in its name.
  for (unsigned char c : name)
    if (c >= 0x80) return {1.3, 0, LatinWidths::kHalf, true};
  if (contains(n, "simsun") || contains(n, "nsimsun") || contains(n, "simhei") || contains(n, "fangsong") ||
      contains(n, "kaiti") || contains(n, "fz") || contains(n, "stxi") || contains(n, "stsong") ||
      contains(n, "stkaiti") || contains(n, "stfangsong") || contains(n, "stzhongsong") || contains(n, "hanyi") ||
      contains(n, "mingliu") || contains(n, "pmingliu") || contains(n, "youyuan") || contains(n, "lisu"))
    return {1.3, 0, LatinWidths::kHalf, true};
  return {1.15, 0, LatinWidths::kSerif, false};  // unknown Latin font: Times New Roman
}

double latin_advance(char32_t c, LatinWidths kind) {
  if (kind == LatinWidths::kHalf) return c < 0x2000 || (c >= 0xFF61 && c <= 0xFFDC) ? 0.5 : 1.0;
  if (c >= 0x20 && c <= 0x7E) {
    const auto i = static_cast<std::size_t>(c - 0x20);
    const auto& t = kind == LatinWidths::kSerif ? kTimes : kind == LatinWidths::kSans ? kArial : kCalibri;
    return t[i] / 1000.0;
  }
  if (c == 0xA0) return latin_advance(U' ', kind);
  if (c == U'“' || c == U'”') return 0.44;
  if (c == U'‘' || c == U'’') return 0.33;
  if (c == U'…' || c == U'—' || c == U'‰') return 1.0;
  if (c == U'–') return 0.5;
  if (c == U'·' || c == U'•') return 0.35;
  return 0.6;
}

}  // namespace wenfeng::layout
