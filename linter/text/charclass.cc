// Range tables for the counting model. The ranges are Unicode 15 blocks and Script=Han
// ideograph ranges, written out once here; the 64 KiB BMP table is filled from them at
// start-up so that the counting loop is a single array load per code point.
#include "text/charclass.h"

#include <array>

namespace wenfeng::text {
namespace {

struct Range {
  char32_t lo, hi;
  std::uint8_t cls;
};

constexpr std::uint8_t kAsianHan = kAsian | kHan;

// Order matters: later entries overwrite earlier ones (blocks first, then exceptions).
constexpr Range kBmpRanges[] = {
    // C0/C1 controls are invisible; the whitespace controls are set below.
    {0x0000, 0x001F, kInvisible},
    {0x007F, 0x009F, kInvisible},
    // Asian by block (SPEC.md Decisions 1).
    {0x1100, 0x11FF, kAsian},  // Hangul Jamo
    {0x2E80, 0x2EFF, kAsian},  // CJK Radicals Supplement
    {0x2F00, 0x2FDF, kAsian},  // Kangxi Radicals
    {0x3000, 0x303F, kAsian},  // CJK Symbols and Punctuation
    {0x3040, 0x309F, kAsian},  // Hiragana
    {0x30A0, 0x30FF, kAsian},  // Katakana (includes U+30FB, U+30FC)
    {0x3100, 0x312F, kAsian},  // Bopomofo
    {0x3130, 0x318F, kAsian},  // Hangul Compatibility Jamo
    {0x31A0, 0x31BF, kAsian},  // Bopomofo Extended
    {0x31F0, 0x31FF, kAsian},  // Katakana Phonetic Extensions
    {0x3200, 0x32FF, kAsian},  // Enclosed CJK Letters and Months
    {0x3300, 0x33FF, kAsian},  // CJK Compatibility
    {0x3400, 0x4DBF, kAsianHan},  // CJK Extension A
    {0x4E00, 0x9FFF, kAsianHan},  // CJK Unified Ideographs
    {0xA960, 0xA97F, kAsian},  // Hangul Jamo Extended-A
    {0xAC00, 0xD7AF, kAsian},  // Hangul Syllables
    {0xD7B0, 0xD7FF, kAsian},  // Hangul Jamo Extended-B
    {0xF900, 0xFAFF, kAsianHan},  // CJK Compatibility Ideographs
    {0xFE10, 0xFE1F, kAsian},  // Vertical Forms
    {0xFE30, 0xFE4F, kAsian},  // CJK Compatibility Forms
    {0xFF00, 0xFFEF, kAsian},  // Halfwidth and Fullwidth Forms
    // Han ideographs inside the CJK Symbols block: 〇 (U+3007) is written in Chinese dates.
    {0x3007, 0x3007, kAsianHan},
    // Whitespace (Unicode Zs) and line-structure controls.
    {0x0009, 0x0009, kControlWs},
    {0x000A, 0x000A, kBreak},
    {0x000B, 0x000B, kBreak},
    {0x000C, 0x000D, kControlWs},
    {0x0020, 0x0020, kSpace},
    {0x00A0, 0x00A0, kSpace},
    {0x1680, 0x1680, kSpace},
    {0x2000, 0x200A, kSpace},
    {0x202F, 0x202F, kSpace},
    {0x205F, 0x205F, kSpace},
    {0x3000, 0x3000, kSpace},
    {0x2028, 0x2028, kBreak},
    {0x2029, 0x2029, kControlWs},
    // Invisible format characters and selectors.
    {0x00AD, 0x00AD, kInvisible},
    {0x180B, 0x180F, kInvisible},
    {0x200B, 0x200F, kInvisible},
    {0x202A, 0x202E, kInvisible},
    {0x2060, 0x2064, kInvisible},
    {0x2066, 0x206F, kInvisible},
    {0xFE00, 0xFE0F, kInvisible},
    {0xFEFF, 0xFEFF, kInvisible},
};

constexpr std::array<std::uint8_t, 0x10000> build_bmp_table() {
  std::array<std::uint8_t, 0x10000> t{};
  for (const Range& r : kBmpRanges)
    for (char32_t c = r.lo; c <= r.hi; ++c) t[c] = r.cls;
  return t;
}

constexpr std::array<std::uint8_t, 0x10000> kTable = build_bmp_table();

}  // namespace

namespace detail {

const std::uint8_t* const kBmpClass = kTable.data();

std::uint8_t supplementary_class(char32_t cp) {
  if (cp >= 0x20000 && cp <= 0x323AF) return kAsianHan;      // Extensions B–H, compat suppl.
  if (cp >= 0x16FE0 && cp <= 0x16FFF) return kAsian;         // Ideographic Symbols and Punct.
  if (cp >= 0x1B000 && cp <= 0x1B16F) return kAsian;         // Kana Supplement/Extended-A
  if (cp >= 0x1AFF0 && cp <= 0x1AFFF) return kAsian;         // Kana Extended-B
  if (cp >= 0xE0100 && cp <= 0xE01EF) return kInvisible;     // variation selectors suppl.
  if (cp >= 0xE0000 && cp <= 0xE007F) return kInvisible;     // tags
  return kOther;
}

}  // namespace detail
}  // namespace wenfeng::text
