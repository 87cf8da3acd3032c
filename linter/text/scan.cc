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

// find_seq's loop with 32-byte vectors: from `i` while 32 starts fit before `last_start`;
// the first match, or npos with `i` where the caller's loops go on.
__attribute__((target("avx2"))) std::size_t find_seq_avx2(const char* base, std::string_view needle, std::size_t& i,
                                                        std::size_t last_start) {
  const std::size_t n = needle.size();
  const __m256i first = _mm256_set1_epi8(needle[0]);
  const __m256i last = _mm256_set1_epi8(needle[n - 1]);
  for (; i + 31 <= last_start; i += 32) {
    const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + i));
    const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(base + i + n - 1));
    auto mask = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last))));
    for (; mask; mask &= mask - 1) {
      const std::size_t at = i + static_cast<std::size_t>(__builtin_ctz(mask));
      std::size_t k = 1;
      while (k + 1 < n && base[at + k] == needle[k]) ++k;
      if (k + 1 >= n) return at;
    }
  }
  return npos;
}
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
  if (kAvx2 && i + 31 <= last_start)
    if (const std::size_t at = find_seq_avx2(base, needle, i, last_start); at != npos) return at;
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
