#include "text/scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif



namespace wenfeng::text {

bool is_nd(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }

bool is_z(char32_t c) {
  const auto t = u_charType(static_cast<UChar32>(c));
  return t == U_SPACE_SEPARATOR || t == U_LINE_SEPARATOR || t == U_PARAGRAPH_SEPARATOR;
}

bool is_han_script(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the common case
  if (c < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

#if defined(__x86_64__) && defined(__GNUC__)
#define WENFENG_FIND_SEQ_AVX2 1
namespace {
// Whether the CPU runs AVX2 (x86-64 machines from 2013 on): find_seq then looks at 32
// candidate starts at a time, half the instructions of the SSE2 loop below.
bool cpu_has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
const bool kAvx2 = cpu_has_avx2();

// The middle bytes (1 … n-2) of `needle` at `p`: the first and last were tested together.
inline bool middle_matches(const char* p, std::string_view needle) {
  for (std::size_t k = 1; k + 1 < needle.size(); ++k)
    if (p[k] != needle[k]) return false;
  return true;
}

#define WENFENG_AVX2 __attribute__((target("avx2"), always_inline)) inline

// The starts among the 32 from `at` where `first` and `last` (the first and last byte of a
// needle of `n` bytes, each 32 times) both match.
WENFENG_AVX2 __m256i seq_candidates(const char* base, std::size_t at, std::size_t n, __m256i first, __m256i last) {
  const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + at));
  const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + at + n - 1));
  return _mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last));
}
WENFENG_AVX2 unsigned mask_of(__m256i v) { return static_cast<unsigned>(_mm256_movemask_epi8(v)); }

// The first of the candidate starts `mask` (bit k: at0 + k) where the middle matches too.
inline std::size_t first_match(const char* base, std::string_view needle, std::size_t at0, std::uint64_t mask) {
  for (; mask; mask &= mask - 1) {
    const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctzll(mask));
    if (middle_matches(base + at, needle)) return at;
  }
  return npos;
}

// find_seq with 32-byte vectors, from `i` (the caller makes sure that 32 starts fit before
// `last_start`, the last offset a match can start at): 64 candidate starts a loop (one test
// of both halves' first- and last-byte matches), then 32, then one block ending at the last
// start, overlapping the starts already looked at (left out of its mask).
__attribute__((target("avx2"))) std::size_t find_seq_avx2(const char* base, std::string_view needle, std::size_t i,
                                                        std::size_t last_start) {
  const std::size_t n = needle.size();
  const __m256i first = _mm256_set1_epi8(needle[0]);
  const __m256i last = _mm256_set1_epi8(needle[n - 1]);
  for (; i + 63 <= last_start; i += 64) {
    const __m256i c0 = seq_candidates(base, i, n, first, last), c1 = seq_candidates(base, i + 32, n, first, last);
    const __m256i any = _mm256_or_si256(c0, c1);
    if (_mm256_testz_si256(any, any)) continue;
    const std::uint64_t mask = mask_of(c0) | static_cast<std::uint64_t>(mask_of(c1)) << 32;
    if (const std::size_t at = first_match(base, needle, i, mask); at != npos) return at;
  }
  if (i + 31 <= last_start) {
    if (const std::size_t at = first_match(base, needle, i, mask_of(seq_candidates(base, i, n, first, last))); at != npos)
      return at;
    i += 32;
  }
  if (i > last_start) return npos;
  const std::size_t at0 = last_start - 31;  // last_start >= 31: 32 starts fitted on entry
  const auto skip = static_cast<unsigned>(i - at0);
  return first_match(base, needle, at0, mask_of(seq_candidates(base, at0, n, first, last)) >> skip << skip);
}

// Whether one of the N `needles` starts at one of the 32 starts from `at0` (those before
// `skip` left out); first[k] and last[k] are needle k's first and last byte, 32 times. N is
// a constant, so that the loops over the needles unroll and the bytes stay in registers.
template <std::size_t N>
WENFENG_AVX2 bool any_at(const char* base, std::size_t at0, unsigned skip, const std::string_view* needles,
                         const __m256i* first, const __m256i* last) {
  __m256i c[N];
  __m256i any = _mm256_setzero_si256();
  for (std::size_t k = 0; k < N; ++k) {
    c[k] = seq_candidates(base, at0, needles[k].size(), first[k], last[k]);
    any = _mm256_or_si256(any, c[k]);
  }
  if (_mm256_testz_si256(any, any)) return false;
  for (std::size_t k = 0; k < N; ++k)
    if (first_match(base, needles[k], at0, mask_of(c[k]) >> skip << skip) != npos) return true;
  return false;
}

// contains_any with 32-byte vectors for N needles (2–8), none empty, `max_n` the longest, the
// text at least max_n + 31 bytes long: each block of 32 starts is tested for every needle's
// first and last byte at once (one pass over the text, not one a needle). The starts after
// the last full block are one block ending where the longest needle's last start is, and,
// for a shorter needle, the few starts after that one by one.
template <std::size_t N>
__attribute__((target("avx2"))) bool contains_any_avx2(std::string_view t, const std::string_view* needles,
                                                     std::size_t max_n) {
  const char* base = t.data();
  __m256i first[N], last[N];
  for (std::size_t k = 0; k < N; ++k) {
    first[k] = _mm256_set1_epi8(needles[k][0]);
    last[k] = _mm256_set1_epi8(needles[k][needles[k].size() - 1]);
  }
  const std::size_t last_start = t.size() - max_n;  // the longest needle's last start (>= 31)
  std::size_t i = 0;
  for (; i + 31 <= last_start; i += 32)
    if (any_at<N>(base, i, 0, needles, first, last)) return true;
  if (i <= last_start &&
      any_at<N>(base, last_start - 31, static_cast<unsigned>(i - (last_start - 31)), needles, first, last))
    return true;
  // A shorter needle's starts after last_start.
  for (std::size_t k = 0; k < N; ++k) {
    const std::string_view nd = needles[k];
    for (std::size_t at = last_start + 1; at + nd.size() <= t.size(); ++at)
      if (base[at] == nd[0] && base[at + nd.size() - 1] == nd.back() && middle_matches(base + at, nd)) return true;
  }
  return false;
}

bool contains_any_avx2(std::string_view t, const std::string_view* needles, std::size_t count, std::size_t max_n) {
  switch (count) {
    case 2: return contains_any_avx2<2>(t, needles, max_n);
    case 3: return contains_any_avx2<3>(t, needles, max_n);
    case 4: return contains_any_avx2<4>(t, needles, max_n);
    case 5: return contains_any_avx2<5>(t, needles, max_n);
    case 6: return contains_any_avx2<6>(t, needles, max_n);
    case 7: return contains_any_avx2<7>(t, needles, max_n);
    default: return contains_any_avx2<8>(t, needles, max_n);
  }
}
#undef WENFENG_AVX2
}  // namespace
#endif

std::size_t find_seq(std::string_view t, std::string_view needle, std::size_t from) {
  const std::size_t n = needle.size();
  if (n == 0) return from <= t.size() ? from : npos;
  if (t.size() < n || from > t.size() - n) return npos;
  const char* base = t.data();
  if (n == 1) {
    const void* hit = std::memchr(base + from, needle[0], t.size() - from);
    return hit ? static_cast<std::size_t>(static_cast<const char*>(hit) - base) : npos;
  }
  const std::size_t last_start = t.size() - n;  // the last offset a match can start at
  std::size_t i = from;
  auto matches_at = [&](std::size_t at) {
    for (std::size_t k = 1; k + 1 < n; ++k)
      if (base[at + k] != needle[k]) return false;
    return true;
  };
#if defined(WENFENG_FIND_SEQ_AVX2)
  if (kAvx2 && i + 31 <= last_start) return find_seq_avx2(base, needle, i, last_start);
#endif
#if defined(__SSE2__)
  // Sixteen candidate starts at a time: the first byte and the last byte must both match
  // (for a CJK character the lead byte alone is common, the pair is rare), then the middle.
  const __m128i first = _mm_set1_epi8(needle[0]);
  const __m128i last = _mm_set1_epi8(needle[n - 1]);
  // The candidates of the 16 starts from `at`, those before `skip` left out.
  auto block = [&](std::size_t at, unsigned skip) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + at));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + at + n - 1));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)))) >>
               skip << skip;
  };
  for (; i + 15 <= last_start; i += 16)
    for (unsigned mask = block(i, 0); mask; mask &= mask - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
      if (matches_at(at)) return at;
    }
  // Fewer than 16 starts left: one last block ending at the last start, overlapping the
  // starts already looked at (left out of its mask), when the text is that long.
  if (i <= last_start && last_start >= 15) {
    const std::size_t at0 = last_start - 15;
    for (unsigned mask = block(at0, static_cast<unsigned>(i - at0)); mask; mask &= mask - 1) {
      const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
      if (matches_at(at)) return at;
    }
    return npos;
  }
#endif
  for (; i <= last_start; ++i)
    if (base[i] == needle[0] && base[i + n - 1] == needle[n - 1] && matches_at(i)) return i;
  return npos;
}

bool contains_any(std::string_view t, std::initializer_list<std::string_view> needles) {
#if defined(WENFENG_FIND_SEQ_AVX2)
  if (kAvx2 && needles.size() >= 2 && needles.size() <= 8) {
    std::size_t max_n = 0;
    bool empty = false;
    for (auto n : needles) {
      max_n = std::max(max_n, n.size());
      empty = empty || n.empty();
    }
    if (!empty && t.size() >= max_n + 31) return contains_any_avx2(t, needles.begin(), needles.size(), max_n);
  }
#endif
  for (auto n : needles)
    if (find_seq(t, n) != npos) return true;
  return false;
}

ByteSet::ByteSet(std::initializer_list<unsigned char> bytes) {
  for (unsigned char b : bytes) {
    if (has(b)) continue;
    bits_[b >> 6] |= std::uint64_t{1} << (b & 63);
    if (n_ < 8) {
      list_[n_] = b;
      for (auto& x : want_[n_]) x = b;
    }
    ++n_;
  }
}

CharSet::CharSet(std::initializer_list<char32_t> cps) {
  for (char32_t c : cps) {
    if (has(c) || n_ == 8) continue;  // more than eight members is a programming error
    std::string u;
    append_utf8(u, c);
    cp_[n_] = c;
    len_[n_] = static_cast<unsigned char>(u.size());
    for (std::size_t j = 0; j < u.size(); ++j) bytes_[n_][j] = static_cast<unsigned char>(u[j]);
    const auto f = static_cast<unsigned char>(u.front());
    first_bits_[f >> 6] |= std::uint64_t{1} << (f & 63);
    for (auto& x : first_[n_]) x = f;
    for (auto& x : last_[n_]) x = static_cast<unsigned char>(u.back());
    max_len_ = std::max(max_len_, u.size());
    ++n_;
  }
}

}  // namespace wenfeng::text
