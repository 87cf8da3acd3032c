// Character classes of the counting model (shared/domain/SPEC.md "Decisions" 1–3).
//
// Every code point falls in exactly one primary class:
//   kAsian     counts 1 字 each (Han, kana, Hangul, Bopomofo and the CJK/full-width blocks)
//   kSpace     Unicode Zs (U+0020, NBSP, U+3000 …): 0 字; counted only in chars_with_spaces
//   kBreak     manual line break inside a paragraph (LF, VT, U+2028): like kSpace
//   kControlWs tab, CR, FF, U+2029: separates runs, counts nowhere
//   kInvisible BOM/ZWSP/ZWJ, soft hyphen, bidi marks, variation selectors, C0/C1 controls:
//              counts nowhere and does not split a run
//   kOther     everything else: each maximal run of kOther counts 1 字
// kHan is an extra bit on kAsian code points that are Han ideographs (the `hanzi` count).
#pragma once

#include <cstdint>

namespace wenfeng::text {

enum CharClass : std::uint8_t {
  kOther = 0,
  kAsian = 1,
  kSpace = 2,
  kBreak = 3,
  kControlWs = 4,
  kInvisible = 5,
  kPrimaryMask = 0x0F,
  kHan = 0x10,
};

namespace detail {
extern const std::uint8_t* const kBmpClass;  // 65536 entries
std::uint8_t supplementary_class(char32_t cp);
}  // namespace detail

inline std::uint8_t classify(char32_t cp) {
  return cp < 0x10000 ? detail::kBmpClass[cp] : detail::supplementary_class(cp);
}
inline CharClass primary_class(char32_t cp) {
  return static_cast<CharClass>(classify(cp) & kPrimaryMask);
}
inline bool is_asian(char32_t cp) { return primary_class(cp) == kAsian; }
inline bool is_han(char32_t cp) { return (classify(cp) & kHan) != 0; }
inline bool is_invisible(char32_t cp) { return primary_class(cp) == kInvisible; }
inline bool is_whitespace(char32_t cp) {
  auto c = primary_class(cp);
  return c == kSpace || c == kBreak || c == kControlWs;
}

// Marks that end a sentence in Chinese text: 。！？；
inline bool is_sentence_end(char32_t cp) { return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'；'; }

// Han, kana, Hangul and the CJK/full-width blocks, but not the ideographic space.
inline bool is_cjk(char32_t cp) { return is_asian(cp) && cp != U'\u3000'; }

}  // namespace wenfeng::text
