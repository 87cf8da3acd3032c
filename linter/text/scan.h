// Fast scans for the rules: finding the few characters a rule looks at without decoding
// every code point, and the character classes of the patterns the rules were first
// written with (ICU's \d, \s and \p{Han}), so that a hand-written scan matches exactly
// what the pattern matched.
//
// A rule first skips a paragraph that cannot hold a finding (a test on a byte or a short
// sequence that every finding contains, found with memchr or 16 bytes at a time), and
// only then looks closer. The text is valid UTF-8 (text/utf8.h).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wenfeng::text {

constexpr std::size_t npos = std::string_view::npos;

// ICU's \d: General Category Nd (ASCII, full-width ０-９ and every other script's digits).
bool is_nd(char32_t c);
inline bool is_digit_nd(char32_t c) { return c < 0x80 ? (c >= '0' && c <= '9') : is_nd(c); }
// ICU's \s: [\t\n\f\r\p{Z}].
bool is_z(char32_t c);
// Z is U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F and U+3000 above ASCII,
// answered without asking ICU (tests/rules/support_test.cc compares it with is_z on every
// code point).
inline bool is_regex_space(char32_t c) {
  if (c < 0x80) return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  if (c < 0x2000) return c == 0xA0 || c == 0x1680;
  if (c <= 0x200A) return true;
  return c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
// ICU's \s as ICU 72 really matches it (White_Space): is_regex_space plus U+000B and U+0085
// (the differential test in tests/lint shows ICU taking U+0085 for \s). The scans that stand
// in for built-in patterns use this one; is_regex_space's older prefilters are left as they are.
inline bool is_icu_space(char32_t c) { return is_regex_space(c) || c == 0x0B || c == 0x85; }
// ICU's \p{Han}: Script=Han (includes 〇 々 and the radicals, unlike is_han).
bool is_han_script(char32_t c);

// The code point starting at byte `at` (< t.size()) and the offset after it.
inline char32_t cp_at(std::string_view t, std::size_t at, std::size_t& next) {
  const char* p = t.data() + at;
  const char32_t c = decode(p, t.data() + t.size());
  next = static_cast<std::size_t>(p - t.data());
  return c;
}
inline char32_t cp_at(std::string_view t, std::size_t at) {
  std::size_t n;
  return cp_at(t, at, n);
}
// The code point ending at byte `at` (> 0) and where it starts; 0 and 0 when at == 0.
inline char32_t cp_before(std::string_view t, std::size_t at, std::size_t& begin) {
  if (at == 0) {
    begin = 0;
    return 0;
  }
  std::size_t b = at - 1;
  while (b > 0 && (static_cast<unsigned char>(t[b]) & 0xC0) == 0x80) --b;
  begin = b;
  std::size_t next;
  return cp_at(t, b, next);
}
inline char32_t cp_before(std::string_view t, std::size_t at) {
  std::size_t b;
  return cp_before(t, at, b);
}

// Start of the run of code points satisfying `pred` that ends at `at`, looking back at
// most `max` code points and never before `floor`; `n` gets the run's length.
template <typename Pred>
std::size_t run_back(std::string_view t, std::size_t at, Pred pred, std::size_t& n, std::size_t floor = 0,
                     std::size_t max = static_cast<std::size_t>(-1)) {
  n = 0;
  while (at > floor && n < max) {
    if (const auto a = static_cast<unsigned char>(t[at - 1]); a < 0x80) {  // ASCII: no decoding
      if (!pred(static_cast<char32_t>(a))) break;
      --at;
    } else {
      std::size_t b;
      const char32_t c = cp_before(t, at, b);
      if (b < floor || !pred(c)) break;
      at = b;
    }
    ++n;
  }
  return at;
}
// End of the run of code points satisfying `pred` that starts at `at` (at most `max`).
template <typename Pred>
std::size_t run_forward(std::string_view t, std::size_t at, Pred pred, std::size_t& n,
                        std::size_t max = static_cast<std::size_t>(-1)) {
  n = 0;
  while (at < t.size() && n < max) {
    if (const auto a = static_cast<unsigned char>(t[at]); a < 0x80) {  // ASCII: no decoding
      if (!pred(static_cast<char32_t>(a))) break;
      ++at;
    } else {
      std::size_t next;
      if (!pred(cp_at(t, at, next))) break;
      at = next;
    }
    ++n;
  }
  return at;
}
inline std::size_t spaces_back(std::string_view t, std::size_t at, std::size_t floor = 0) {
  std::size_t n;
  return run_back(t, at, is_regex_space, n, floor);
}
inline std::size_t spaces_forward(std::string_view t, std::size_t at) {
  std::size_t n;
  return run_forward(t, at, is_regex_space, n);
}

// The first occurrence of `needle` (a short UTF-8 sequence) at or after `from`, or npos.
// Searches for the needle's last byte with memchr: fast for CJK characters, whose lead
// bytes are common but whose last bytes are spread over 64 values.
std::size_t find_seq(std::string_view t, std::string_view needle, std::size_t from = 0);
inline bool contains(std::string_view t, std::string_view needle) { return find_seq(t, needle) != npos; }
bool contains_any(std::string_view t, std::initializer_list<std::string_view> needles);

// A set of byte values, searched 16 bytes at a time.
class ByteSet {
 public:
  ByteSet(std::initializer_list<unsigned char> bytes);
  bool has(unsigned char b) const { return (bits_[b >> 6] >> (b & 63)) & 1; }
  // The first byte of `t` at or after `from` in the set, or npos.
  std::size_t find(std::string_view t, std::size_t from = 0) const;

 private:
  std::uint64_t bits_[4] = {0, 0, 0, 0};
  unsigned char list_[8] = {};
  int n_ = 0;
  alignas(16) unsigned char want_[8][16] = {};  // each byte of list_ sixteen times (for SSE2)
};

// Inline: the rules call it once or more per paragraph, often with a hit a few bytes on.
inline std::size_t ByteSet::find(std::string_view t, std::size_t from) const {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  std::size_t i = from;
#if defined(__SSE2__)
  if (n_ <= 8) {
    // Look at the next few bytes one by one first: hits are often close.
    for (const std::size_t stop = std::min(size, i + 8); i < stop; ++i)
      if (has(s[i])) return i;
    const auto* want = reinterpret_cast<const __m128i*>(want_);
    for (; i + 16 <= size; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      __m128i eq = _mm_cmpeq_epi8(v, want[0]);
      for (int k = 1; k < n_; ++k) eq = _mm_or_si128(eq, _mm_cmpeq_epi8(v, want[k]));
      if (const int mask = _mm_movemask_epi8(eq)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
  }
#endif
  for (; i < size; ++i)
    if (has(s[i])) return i;
  return npos;
}

// A small set of code points (at most 8), searched 16 candidate starts at a time: a start is
// a candidate when a member's first byte is there and its last byte where the member would
// end (as find_seq tests one sequence), then the member's bytes are compared. For a few
// full-width marks this is one pass where a ByteSet of their lead bytes stops at every
// “ ， （ (E2 and EF lead most of the full-width punctuation, only – — － ～ are dashes).
class CharSet {
 public:
  CharSet(std::initializer_list<char32_t> cps);
  bool has(char32_t c) const {
    for (int k = 0; k < n_; ++k)
      if (cp_[k] == c) return true;
    return false;
  }
  // The start of the first member of `t` at or after `from`, or npos. `from` may be inside a
  // code point: a member starts only at an ASCII or lead byte.
  std::size_t find(std::string_view t, std::size_t from = 0) const;

 private:
  bool member_at(const unsigned char* s, std::size_t size, std::size_t at) const {
    if (!((first_bits_[s[at] >> 6] >> (s[at] & 63)) & 1)) return false;
    for (int k = 0; k < n_; ++k) {
      const std::size_t n = len_[k];
      if (at + n > size || s[at] != bytes_[k][0]) continue;
      bool same = true;
      for (std::size_t j = 1; j < n && same; ++j) same = s[at + j] == bytes_[k][j];
      if (same) return true;
    }
    return false;
  }
  char32_t cp_[8] = {};
  unsigned char bytes_[8][4] = {};
  unsigned char len_[8] = {};
  std::size_t max_len_ = 1;
  int n_ = 0;
  std::uint64_t first_bits_[4] = {0, 0, 0, 0};  // the members' first bytes
  alignas(16) unsigned char first_[8][16] = {};  // each member's first byte sixteen times
  alignas(16) unsigned char last_[8][16] = {};   // and its last byte
};

inline std::size_t CharSet::find(std::string_view t, std::size_t from) const {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  std::size_t i = from;
#if defined(__SSE2__)
  if (size >= from + max_len_ + 15) {
    const auto* first = reinterpret_cast<const __m128i*>(first_);
    const auto* last = reinterpret_cast<const __m128i*>(last_);
    // The candidates among the 16 starts from `at` (each member's last byte loaded from where
    // it would end), those before `skip` left out.
    auto block = [&](std::size_t at, unsigned skip) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at));
      __m128i any = _mm_setzero_si128();
      for (int k = 0; k < n_; ++k) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at + len_[k] - 1));
        any = _mm_or_si128(any, _mm_and_si128(_mm_cmpeq_epi8(a, first[k]), _mm_cmpeq_epi8(b, last[k])));
      }
      return static_cast<unsigned>(_mm_movemask_epi8(any)) >> skip << skip;
    };
    // Blocks while every member's last byte is inside the text, the last one overlapping.
    const std::size_t last_block = size - max_len_ - 15;
    for (;; i += 16) {
      const std::size_t at0 = std::min(i, last_block);
      for (unsigned mask = block(at0, static_cast<unsigned>(i - at0)); mask; mask &= mask - 1) {
        const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
        if (member_at(s, size, at)) return at;
      }
      if (at0 == last_block) break;
    }
    i = last_block + 16;  // the starts after it, where a shorter member may still fit
  }
#endif
  for (; i < size; ++i)
    if (member_at(s, size, i)) return i;
  return npos;
}

// Calls fn(cp, begin, end) for each code point of `t` whose first byte is in `lead`, in
// order, until fn returns false. Returns false when fn stopped it.
template <typename F>
bool for_each_lead(std::string_view t, const ByteSet& lead, F fn) {
  for (std::size_t at = lead.find(t); at != npos;) {
    std::size_t next;
    const char32_t c = cp_at(t, at, next);
    if (!fn(c, at, next)) return false;
    at = lead.find(t, next);
  }
  return true;
}

}  // namespace wenfeng::text
