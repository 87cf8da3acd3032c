// Runs of Chinese text sixteen bytes at a time: whether a block starts with five three-byte
// UTF-8 sequences whose leads are E1–EC or EE–EF (no overlong, no surrogate possible), as
// nearly all of Chinese text is. A loop that decodes code point by code point can then take
// the five without its per-byte tests (text/utf8.h's decode would give the same code points).
#pragma once

#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wenfeng::text {

// Whether p[0..15] (all readable) holds five such sequences from p[0] (p[15] is not looked at).
inline bool five_three_byte_sequences(const unsigned char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE1)));  // E1–EF become 00–0E
  const __m128i in_range = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x0E)), x);
  const __m128i lead = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED))), in_range);
  const __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))),
                                      _mm_set1_epi8(static_cast<char>(0x80)));
  const auto leads = static_cast<unsigned>(_mm_movemask_epi8(lead));
  const auto conts = static_cast<unsigned>(_mm_movemask_epi8(cont));
  return (leads & 0x1249u) == 0x1249u && (conts & 0x6DB6u) == 0x6DB6u;
#else
  (void)p;
  return false;
#endif
}

// The code point of the three-byte sequence at p (checked as above).
inline char32_t three_byte_code_point(const unsigned char* p) {
  return (static_cast<char32_t>(p[0] & 0x0F) << 12) | (static_cast<char32_t>(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
}

}  // namespace wenfeng::text
