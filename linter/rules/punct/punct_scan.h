// The punct rules' block scan: the starts in a paragraph where a rule's few marks can be,
// found 16 starts at a time by a mask of byte tests (SSE2), so that a rule looks closely
// only at those starts rather than decoding every code point or stopping at every
// full-width mark. Each rule gives the test twice: as a vector mask and as a test of one
// start (the scalar path and the unit tests' reference, tests/rules/punct_scan_test.cc).
#pragma once

#include <cstddef>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wenfeng::rules::punct {

constexpr std::size_t kStop = std::string_view::npos;

#if defined(__SSE2__)
namespace v {
inline __m128i load(const unsigned char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
inline __m128i eq(__m128i x, unsigned char b) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(b))); }
// lo <= x <= hi, unsigned.
inline __m128i in(__m128i x, unsigned char lo, unsigned char hi) {
  const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(static_cast<char>(hi - lo))), d);
}
inline unsigned bits(__m128i x) { return static_cast<unsigned>(_mm_movemask_epi8(x)); }
}  // namespace v
#endif

// Calls fn(at) for each start `at` of `t` where the rule's test holds, in order; fn returns
// where to go on from (more than `at`), or kStop. `mask(p)` gives the test for the 16 starts
// p..p+15 as bits (reading the bytes p..p+15+kReach); `one(s, size, at)` the test for one
// start, reading nothing at or past `size`. A test must not hold where any byte it needs is
// 0: the last starts are tested on a copy padded with zeros.
template <std::size_t kReach, typename Mask, typename One, typename F>
void for_each_start(std::string_view t, [[maybe_unused]] Mask mask, [[maybe_unused]] One one, F fn) {
  static_assert(kReach <= 16);
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  std::size_t from = 0;
#if defined(__SSE2__)
  auto visit = [&](unsigned m, std::size_t base) {
    for (; m; m &= m - 1) {
      const std::size_t at = base + static_cast<std::size_t>(__builtin_ctz(m));
      if (at < from) continue;
      from = fn(at);
      if (from == kStop) return false;
    }
    return true;
  };
  std::size_t i = 0;
  for (; i + 16 + kReach <= size; i += 16) {
    if (from > i) {
      i = from;
      if (i + 16 + kReach > size) break;
    }
    if (!visit(mask(s + i), i)) return;
  }
  if (from > i) i = from;
  if (i >= size) return;
  // The last starts (fewer than 16 + kReach), on a zero-padded copy.
  alignas(16) unsigned char pad[64] = {};
  const std::size_t n = size - i;
  std::memcpy(pad, s + i, n);
  for (std::size_t j = 0; j < n; j += 16) {
    unsigned m = mask(pad + j);
    if (n - j < 16) m &= (1u << (n - j)) - 1;
    if (!visit(m, i + j)) return;
  }
#else
  for (std::size_t at = 0; at < size; ++at) {
    if (at < from || !one(s, size, at)) continue;
    from = fn(at);
    if (from == kStop) return;
  }
#endif
}

// The same with `one` alone: the reference for the tests.
template <typename One, typename F>
void for_each_start_scalar(std::string_view t, One one, F fn) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  std::size_t from = 0;
  for (std::size_t at = 0; at < t.size(); ++at) {
    if (at < from || !one(s, t.size(), at)) continue;
    from = fn(at);
    if (from == kStop) return;
  }
}

// ---- The rules' tests. ----

// punct.halfwidth: the ASCII marks , . ; : ? ! ( ).
inline bool halfwidth_one(const unsigned char* s, std::size_t, std::size_t at) {
  switch (s[at]) {
    case ',': case '.': case ';': case ':': case '?': case '!': case '(': case ')': return true;
    default: return false;
  }
}
#if defined(__SSE2__)
inline unsigned halfwidth_mask(const unsigned char* p) {
  const __m128i x = v::load(p);
  if (v::bits(x) == 0xFFFF) return 0;  // no ASCII byte: most blocks of Chinese text
  const __m128i o = _mm_or_si128(x, _mm_set1_epi8(1));
  const __m128i a = _mm_or_si128(_mm_or_si128(v::eq(o, ')'), v::eq(o, ';')), _mm_or_si128(v::eq(x, ','), v::eq(x, '.')));
  return v::bits(_mm_or_si128(a, _mm_or_si128(v::eq(x, '?'), v::eq(x, '!'))));
}
#else
inline unsigned halfwidth_mask(const unsigned char*) { return 0; }
#endif

// punct.unpaired: a code point led by E2 or E3 whose last byte is 0x88–0x9D, or led by EF
// whose last byte is 0x88 or 0x89: a superset of the paired marks (U+2018–U+201D,
// U+3008–U+3015, U+FF08–U+FF09; ， ： ； are left out); the rule tests the code point.
inline bool unpaired_one(const unsigned char* s, std::size_t size, std::size_t at) {
  if (at + 2 >= size) return false;
  const unsigned char a = s[at], z = s[at + 2];
  return ((a == 0xE2 || a == 0xE3) && z >= 0x88 && z <= 0x9D) || (a == 0xEF && (z == 0x88 || z == 0x89));
}
#if defined(__SSE2__)
inline unsigned unpaired_mask(const unsigned char* p) {
  const __m128i x = v::load(p), z = v::load(p + 2);
  const __m128i e2e3 = _mm_and_si128(_mm_or_si128(v::eq(x, 0xE2), v::eq(x, 0xE3)), v::in(z, 0x88, 0x9D));
  const __m128i ef = _mm_and_si128(v::eq(x, 0xEF), v::in(z, 0x88, 0x89));
  return v::bits(_mm_or_si128(e2e3, ef));
}
#else
inline unsigned unpaired_mask(const unsigned char*) { return 0; }
#endif

// punct.doubled: two code points led by E3 or EF, one after the other (every mark of
// ，。、；：？！ is three bytes led by one of them); a superset of two adjacent marks.
inline bool doubled_one(const unsigned char* s, std::size_t size, std::size_t at) {
  return (s[at] == 0xE3 || s[at] == 0xEF) && at + 3 < size && (s[at + 3] == 0xE3 || s[at + 3] == 0xEF);
}
#if defined(__SSE2__)
inline unsigned doubled_mask(const unsigned char* p) {
  const __m128i x = v::load(p), y = v::load(p + 3);
  const __m128i a = _mm_or_si128(v::eq(x, 0xE3), v::eq(x, 0xEF));
  if (!v::bits(a)) return 0;
  return v::bits(_mm_and_si128(a, _mm_or_si128(v::eq(y, 0xE3), v::eq(y, 0xEF))));
}
#else
inline unsigned doubled_mask(const unsigned char*) { return 0; }
#endif

// punct.ellipsis: "..", a code point ending in 0x82 before one led by E3 (the end of a 。 before
// another), "·" (C2 B7) and "…" (E2 80 A6): every finding holds one of them.
inline bool ellipsis_one(const unsigned char* s, std::size_t size, std::size_t at) {
  if (at + 1 >= size) return false;
  const unsigned char a = s[at], b = s[at + 1];
  return (a == '.' && b == '.') || (a == 0x82 && b == 0xE3) || (a == 0xC2 && b == 0xB7) ||
         (a == 0xE2 && at + 2 < size && s[at + 2] == 0xA6);
}
#if defined(__SSE2__)
inline unsigned ellipsis_mask(const unsigned char* p) {
  const __m128i x = v::load(p), y = v::load(p + 1), z = v::load(p + 2);
  const __m128i dots = _mm_and_si128(v::eq(x, '.'), v::eq(y, '.'));
  const __m128i stops = _mm_and_si128(v::eq(x, 0x82), v::eq(y, 0xE3));
  const __m128i mid = _mm_and_si128(v::eq(x, 0xC2), v::eq(y, 0xB7));
  const __m128i ell = _mm_and_si128(v::eq(x, 0xE2), v::eq(z, 0xA6));
  return v::bits(_mm_or_si128(_mm_or_si128(dots, stops), _mm_or_si128(mid, ell)));
}
#else
inline unsigned ellipsis_mask(const unsigned char*) { return 0; }
#endif

// punct.dash and punct.range: "-", "~", a code point led by E2 ending in 0x93 or 0x94 (– —)
// and one led by EF ending in 0x8D or 0x9E (－ ～): a superset of both rules' dashes; the
// rules test the code point.
inline bool dash_one(const unsigned char* s, std::size_t size, std::size_t at) {
  const unsigned char a = s[at];
  if (a == '-' || a == '~') return true;
  if (at + 2 >= size) return false;
  const unsigned char z = s[at + 2];
  return (a == 0xE2 && (z == 0x93 || z == 0x94)) || (a == 0xEF && (z == 0x8D || z == 0x9E));
}
#if defined(__SSE2__)
inline unsigned dash_mask(const unsigned char* p) {
  const __m128i x = v::load(p), z = v::load(p + 2);
  const __m128i ascii = _mm_or_si128(v::eq(x, '-'), v::eq(x, '~'));
  const __m128i e2 = _mm_and_si128(v::eq(x, 0xE2), v::in(z, 0x93, 0x94));
  const __m128i ef = _mm_and_si128(v::eq(x, 0xEF), _mm_or_si128(v::eq(z, 0x8D), v::eq(z, 0x9E)));
  return v::bits(_mm_or_si128(ascii, _mm_or_si128(e2, ef)));
}
#else
inline unsigned dash_mask(const unsigned char*) { return 0; }
#endif

// Whether some start of `t` passes a rule's test.
template <std::size_t kReach, typename Mask, typename One>
bool any_start(std::string_view t, Mask mask, One one) {
  bool found = false;
  for_each_start<kReach>(t, mask, one, [&](std::size_t) {
    found = true;
    return kStop;
  });
  return found;
}

}  // namespace wenfeng::rules::punct
