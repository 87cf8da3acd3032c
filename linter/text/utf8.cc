#include "text/utf8.h"

#include <unicode/uchar.h>

#include "text/charclass.h"
#include "text/runs.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WENFENG_UTF8_AVX2 1
#endif

namespace wenfeng::text {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace detail {

char32_t decode_slow(const char*& p, const char* end) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  const std::ptrdiff_t left = end - p;
  const LeadInfo info = lead_info(b[0]);
  if (info.len == 0 || left < 2 || b[1] < info.lo || b[1] > info.hi) {
    ++p;
    return kReplacement;
  }
  char32_t c = (b[0] & (0xFFu >> (info.len + 1)));
  c = (c << 6) | (b[1] & 0x3Fu);
  for (unsigned k = 2; k < info.len; ++k) {
    if (left <= static_cast<std::ptrdiff_t>(k) || (b[k] & 0xC0) != 0x80) {
      p += k;  // the maximal subpart: the lead and the continuation bytes that fit
      return kReplacement;
    }
    c = (c << 6) | (b[k] & 0x3Fu);
  }
  p += info.len;
  return c;
}

}  // namespace detail

namespace {

// find_invalid_utf8 from `i`, a code point boundary of a valid prefix, one sequence at a time.
std::size_t find_invalid_utf8_from(std::string_view s, std::size_t i) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, b + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    // Runs of three-byte sequences with an E1–EC / EE–EF lead (nearly all of Chinese text),
    // without going back to the ASCII test between them: five at a time while sixteen bytes
    // hold them (text/runs.h), then one by one.
    while (i + 16 <= n && five_three_byte_sequences(b + i)) i += 15;
    while (i + 2 < n) {
      const unsigned char l = b[i];
      if (l < 0xE1 || l == 0xED || l > 0xEF || (b[i + 1] & 0xC0) != 0x80 || (b[i + 2] & 0xC0) != 0x80) break;
      i += 3;
    }
    if (i >= n) break;
    const unsigned char c = b[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Fast path for the common case in Chinese text: E1–EC / EE–EF lead bytes followed by
    // two continuation bytes (no overlong or surrogate possible for these leads). Not F0–F4:
    // those lead four bytes (𠮷 and the other supplementary ideographs).
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (b[i + 1] & 0xC0) == 0x80 &&
        (b[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    const detail::LeadInfo info = detail::lead_info(c);
    if (info.len == 0 || i + info.len > n) return i;
    if (b[i + 1] < info.lo || b[i + 1] > info.hi) return i;
    for (unsigned k = 2; k < info.len; ++k)
      if ((b[i + k] & 0xC0) != 0x80) return i;
    i += info.len;
  }
  return std::string_view::npos;
}

#if defined(WENFENG_UTF8_AVX2)
bool cpu_has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
const bool kAvx2 = cpu_has_avx2();

// The length of a prefix of `s` (a multiple of 32, possibly 0) in which every byte pair and
// every lead's continuation bytes are as Unicode Table 3-7 allows, 32 bytes at a time:
// each byte's class is looked up by the high and low nibble of the byte before it and by its
// own high nibble (three 16-entry tables whose bits are the kinds of error a pair can be),
// and the bytes two and three after a three- and four-byte lead must be continuation bytes.
// A sequence may be left open at the prefix's end (its lead among the last three bytes);
// find_invalid_utf8 goes on from that lead one sequence at a time.
__attribute__((target("avx2"))) std::size_t valid_blocks_avx2(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  // The error bits: a pair (previous byte, byte) is wrong when all three lookups share one.
  constexpr char kTooShort = 1 << 0;    // a lead, then no continuation byte
  constexpr char kTooLong = 1 << 1;     // ASCII, then a continuation byte
  constexpr char kOverlong3 = 1 << 2;   // E0 80–9F
  constexpr char kTooLarge = 1 << 3;    // F4 90–BF, F5–FF
  constexpr char kSurrogate = 1 << 4;   // ED A0–BF
  constexpr char kOverlong2 = 1 << 5;   // C0, C1
  constexpr char kTooLarge1000 = 1 << 6;  // F5–FF 80–8F
  constexpr char kOverlong4 = 1 << 6;   // F0 80–8F
  constexpr char kTwoConts = static_cast<char>(1 << 7);  // a continuation byte after one: right only inside a sequence
  constexpr char kCarry = kTooShort | kTooLong | kTwoConts;
  const __m256i prev_high = _mm256_setr_epi8(
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,  // 0–7
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,                                         // 8–B
      kTooShort | kOverlong2, kTooShort, kTooShort | kOverlong3 | kSurrogate,            // C–E
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4,                                // F
      kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong, kTooLong,
      kTwoConts, kTwoConts, kTwoConts, kTwoConts,
      kTooShort | kOverlong2, kTooShort, kTooShort | kOverlong3 | kSurrogate,
      kTooShort | kTooLarge | kTooLarge1000 | kOverlong4);
  const __m256i prev_low = _mm256_setr_epi8(
      kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,     // 0–3
      kCarry | kTooLarge, kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,  // 4–6
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,                // 7–8
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,                // 9–A
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,                // B–C
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,                                       // D
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,                // E–F
      kCarry | kOverlong3 | kOverlong2 | kOverlong4, kCarry | kOverlong2, kCarry, kCarry,
      kCarry | kTooLarge, kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000,
      kCarry | kTooLarge | kTooLarge1000 | kSurrogate,
      kCarry | kTooLarge | kTooLarge1000, kCarry | kTooLarge | kTooLarge1000);
  constexpr char kCont8 = kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge1000 | kOverlong4;  // 80–8F
  constexpr char kCont9 = kTooLong | kOverlong2 | kTwoConts | kOverlong3 | kTooLarge;                 // 90–9F
  constexpr char kContAB = kTooLong | kOverlong2 | kTwoConts | kSurrogate | kTooLarge;               // A0–BF
  const __m256i cur_high = _mm256_setr_epi8(
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,  // 0–7
      kCont8, kCont9, kContAB, kContAB, kTooShort, kTooShort, kTooShort, kTooShort,          // 8–F
      kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort, kTooShort,
      kCont8, kCont9, kContAB, kContAB, kTooShort, kTooShort, kTooShort, kTooShort);
  const __m256i low_nibble = _mm256_set1_epi8(0x0F);
  const __m256i third_lead = _mm256_set1_epi8(static_cast<char>(0xE0 - 0x80));
  const __m256i fourth_lead = _mm256_set1_epi8(static_cast<char>(0xF0 - 0x80));
  const __m256i top_bit = _mm256_set1_epi8(static_cast<char>(0x80));
  __m256i prev = _mm256_setzero_si256();  // the block before (ASCII before the first)
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    const __m256i cur = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(b + i));
    // The bytes 1, 2 and 3 before each byte of the block.
    const __m256i shifted = _mm256_permute2x128_si256(prev, cur, 0x21);
    const __m256i prev1 = _mm256_alignr_epi8(cur, shifted, 15);
    const __m256i prev2 = _mm256_alignr_epi8(cur, shifted, 14);
    const __m256i prev3 = _mm256_alignr_epi8(cur, shifted, 13);
    const __m256i e1 = _mm256_shuffle_epi8(prev_high, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), low_nibble));
    const __m256i e2 = _mm256_shuffle_epi8(prev_low, _mm256_and_si256(prev1, low_nibble));
    const __m256i e3 = _mm256_shuffle_epi8(cur_high, _mm256_and_si256(_mm256_srli_epi16(cur, 4), low_nibble));
    const __m256i pair = _mm256_and_si256(_mm256_and_si256(e1, e2), e3);
    // The second and third bytes after an E0–EF or F0–F4 lead must be continuation bytes (the
    // pair tables mark a continuation byte after one as kTwoConts).
    const __m256i must_cont = _mm256_and_si256(
        _mm256_or_si256(_mm256_subs_epu8(prev2, third_lead), _mm256_subs_epu8(prev3, fourth_lead)), top_bit);
    const __m256i error = _mm256_xor_si256(must_cont, pair);
    if (!_mm256_testz_si256(error, error)) break;
    prev = cur;
  }
  return i;
}
#endif

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
#if defined(WENFENG_UTF8_AVX2)
  if (kAvx2 && s.size() >= 64) {
    i = valid_blocks_avx2(s);
    // Back to the start of the sequence the valid prefix may leave open (a lead among its
    // last three bytes), or its end.
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t start = i;
    for (std::size_t k = i; k > 0 && i - k < 3;) {
      --k;
      if ((b[k] & 0xC0) != 0x80) {
        if (b[k] >= 0xC0) start = k;
        break;
      }
    }
    i = start;
  }
#endif
  return find_invalid_utf8_from(s, i);
}

std::size_t codepoint_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t codepoints_before(std::string_view s, std::size_t byte_offset) {
  if (byte_offset > s.size()) byte_offset = s.size();
  return codepoint_count(s.substr(0, byte_offset));
}

namespace {
// The set bits of each byte value.
constexpr auto kBitsIn = [] {
  struct Table {
    unsigned char n[256];
  } t{};
  for (int v = 0; v < 256; ++v) t.n[v] = static_cast<unsigned char>(__builtin_popcount(static_cast<unsigned>(v)));
  return t;
}();
}  // namespace

// Each step goes one byte back and over the continuation bytes before it: `n` steps from
// `at` end at the n-th byte before `at` that is not a continuation byte, or at 0. Those
// bytes are counted sixteen at a time.
std::size_t step_back(std::string_view s, std::size_t at, std::size_t n) {
  if (at > s.size()) at = s.size();
  if (n == 0 || at == 0) return at;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = at;  // the bytes before i are left to look at
#if defined(__SSE2__)
  const __m128i cont_max = _mm_set1_epi8(-65);  // as signed bytes, 80–BF are -128 to -65
  for (; i >= 16; i -= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i - 16));
    auto starts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, cont_max)));
    const std::size_t c = kBitsIn.n[starts & 0xFF] + kBitsIn.n[starts >> 8];
    if (c < n) {
      n -= c;
      continue;
    }
    // The n-th set bit from the top.
    for (; n > 1; --n) starts &= ~(0x80000000u >> __builtin_clz(starts));
    return i - 16 + static_cast<std::size_t>(31 - __builtin_clz(starts));
  }
#endif
  while (i > 0) {
    --i;
    if ((b[i] & 0xC0) != 0x80 && --n == 0) return i;
  }
  return 0;
}


// Each step goes one byte on and over the continuation bytes after it: `n` steps from `at`
// end at the n-th byte after `at` that is not a continuation byte, or at the end. Those
// bytes are counted sixteen at a time.
std::size_t step_forward(std::string_view s, std::size_t at, std::size_t n) {
  const std::size_t size = s.size();
  if (n == 0 || at >= size) return at;
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t i = at + 1;
#if defined(__SSE2__)
  const __m128i cont_max = _mm_set1_epi8(-65);  // as signed bytes, 80–BF are -128 to -65
  for (; i + 16 <= size; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    auto starts = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpgt_epi8(v, cont_max)));
    const std::size_t c = kBitsIn.n[starts & 0xFF] + kBitsIn.n[starts >> 8];
    if (c < n) {
      n -= c;
      continue;
    }
    for (; n > 1; --n) starts &= starts - 1;
    return i + static_cast<std::size_t>(__builtin_ctz(starts));
  }
#endif
  for (; i < size; ++i)
    if ((b[i] & 0xC0) != 0x80 && --n == 0) return i;
  return size;
}

bool is_blank(std::string_view s) {
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    const char32_t c = decode(p, e);
    if (!is_whitespace(c) && !is_invisible(c)) return false;
  }
  return true;
}

namespace {
// display_width's answer from ICU (for code points outside its fast ranges).
int display_width_icu(char32_t cp) {
  if (is_invisible(cp)) return 0;
  const auto gc = u_charType(static_cast<UChar32>(cp));
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) return 0;
  const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}
}  // namespace

int display_width(char32_t cp) {
  if (cp < 0x20) return 0;
  if (cp < 0x7F) return 1;
  // General Punctuation (U+2000–U+206F: “ ” ‘ ’ — … and the invisible marks), common in
  // Chinese text and outside the ranges below: ICU's answers, looked up once.
  if (cp >= 0x2000 && cp < 0x2070) {
    static const auto widths = [] {
      struct Table {
        signed char w[0x70];
      } t{};
      for (char32_t c = 0; c < 0x70; ++c) t.w[c] = static_cast<signed char>(display_width_icu(0x2000 + c));
      return t;
    }();
    return widths.w[cp - 0x2000];
  }
  // Nearly every character of a Chinese excerpt, without the two ICU lookups: CJK Unified
  // Ideographs (U+4E00–U+9FFF), 、。〃〄々〆〇 and the brackets 〈〉《》「」『』【】 (U+3001–U+3011)
  // and the full-width forms U+FF01–U+FF60 are East Asian Wide or Fullwidth and no mark
  // (tests/text/utf8_test.cc checks each against ICU).
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3001 && cp <= 0x3011) || (cp >= 0xFF01 && cp <= 0xFF60)) return 2;
  return display_width_icu(cp);
}

int display_width(std::string_view s) {
  int w = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (b0 >= 0x20 && b0 < 0x7F) {  // printable ASCII
      ++w;
      ++p;
      continue;
    }
    // U+4E00–U+9FFF (E4 B8 80 – E9 BF BF), most of a Chinese excerpt, without decoding.
    if (b0 >= 0xE4 && b0 <= 0xE9 && end - p >= 3) {
      const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 != 0xE4 || b1 >= 0xB8)) {
        w += 2;
        p += 3;
        continue;
      }
    }
    const char32_t c = decode(p, end);
    // display_width(cp)'s first wide ranges, without the call.
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3011) || (c >= 0xFF01 && c <= 0xFF60)) w += 2;
    else w += display_width(c);
  }
  return w;
}

}  // namespace wenfeng::text
