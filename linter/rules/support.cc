#include "rules/support.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {

model::RuleSource gbt9704(const char* clause) { return {"国家标准", "GB/T 9704-2012《党政机关公文格式》", clause}; }
model::RuleSource gbt15834(const char* clause) { return {"国家标准", "GB/T 15834-2011《标点符号用法》", clause}; }
model::RuleSource gbt15835(const char* clause) { return {"国家标准", "GB/T 15835-2011《出版物上数字用法》", clause}; }
model::RuleSource tiaoli(const char* clause) {
  return {"中共中央办公厅、国务院办公厅", "《党政机关公文处理工作条例》（中办发〔2012〕14号）", clause};
}
model::RuleSource proofreading(const char* part) { return {"wenfeng", "文稿校对规则", part}; }

text::Regex fixed_regex(const char* pattern) {
  auto r = text::Regex::compile(pattern);
  if (!r.ok()) std::abort();
  return std::move(r).value();
}

std::string utf8(char32_t c) {
  std::string s;
  text::append_utf8(s, c);
  return s;
}

bool number_after(std::string_view t, std::size_t at, std::size_t& end) {
  std::size_t n = 0;
  at = run_forward(t, spaces_forward(t, at), is_digit, n);
  if (n == 0) return false;
  if (at < t.size() && t[at] == '.') {
    std::size_t m = 0;
    const std::size_t frac = run_forward(t, at + 1, is_digit, m);
    if (m > 0) at = frac;
  }
  end = spaces_forward(t, at);
  return true;
}

std::size_t number_end(std::string_view t, std::size_t at) {
  std::size_t n = 0;
  at = run_forward(t, at, is_digit, n);
  if (n == 0) return text::npos;
  if (at < t.size() && t[at] == '.') {
    const std::size_t frac = run_forward(t, at + 1, is_digit, n);
    if (n > 0) at = frac;
  }
  return at;
}

bool digit_before(std::string_view t, std::size_t at) { return digit_ends_at(t, spaces_back(t, at)); }

bool is_chinese_date_line(std::string_view t) {
  auto year_digit = [](char32_t d) { return std::u32string_view(U"〇零一二三四五六七八九").find(d) != std::u32string_view::npos; };
  auto day_digit = [](char32_t d) { return std::u32string_view(U"一二三四五六七八九十").find(d) != std::u32string_view::npos; };
  std::size_t n = 0;
  std::size_t at = run_forward(t, run_forward(t, 0, is_icu_space, n), year_digit, n, 4);
  if (n != 4 || t.compare(at, 3, "年") != 0) return false;
  at = run_forward(t, at + 3, day_digit, n, 2);
  if (n == 0 || t.compare(at, 3, "月") != 0) return false;
  at = run_forward(t, at + 3, day_digit, n, 3);
  if (n == 0 || t.compare(at, 3, "日") != 0) return false;
  return run_forward(t, at + 3, is_icu_space, n) == t.size();
}

bool is_final_punct(char32_t c) {
  switch (c) {
    case U'。': case U'，': case U'；': case U'：': case U'、': case U'.': case U',': case U';': case U':':
      return true;
    default:
      return false;
  }
}

std::string_view trim_left(std::string_view t) {
  for (const auto c : text::code_points(t))
    if (!text::is_whitespace(c.cp) && !text::is_invisible(c.cp)) return t.substr(c.begin);
  return {};
}

char32_t last_visible(std::string_view t, std::size_t& at) {
  char32_t last = 0;
  for (const auto c : text::code_points(t))
    if (!text::is_whitespace(c.cp) && !text::is_invisible(c.cp)) {
      last = c.cp;
      at = c.begin;
    }
  return last;
}

// ---- TailSet ----

#if defined(__x86_64__) && defined(__GNUC__)
namespace {
bool cpu_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
const bool kAvx2 = cpu_avx2();
}  // namespace
#endif

TailSet::TailSet(std::initializer_list<char32_t> cps, std::initializer_list<unsigned char> leads) {
  std::vector<std::string> members;
  for (const char32_t c : cps) members.push_back(utf8(c));
  for (const unsigned char b : leads) members.emplace_back(1, static_cast<char>(b));
  for (const auto& s : members) {
    if (n_ == 8) std::abort();  // a programming error, caught by the tests
    len_[n_] = static_cast<unsigned char>(s.size());
    for (std::size_t k = 0; k < s.size(); ++k) bytes_[n_][k] = static_cast<unsigned char>(s[k]);
    min_len_ = std::min(min_len_, s.size());
    const auto last = static_cast<unsigned char>(s.back());
    last_bits_[last >> 6] |= std::uint64_t{1} << (last & 63);
    for (int j = 0; j < 32; ++j) {
      last_[n_][j] = last;
      prev_[n_][j] = s.size() > 1 ? static_cast<unsigned char>(s[s.size() - 2]) : 0;
      any_prev_[n_][j] = s.size() > 1 ? 0 : 0xFF;
    }
    ++n_;
  }
}

struct TailSetScan {
  // The start of a member ending at `at` (its last byte there) and starting at or after
  // `from`, or npos.
  static std::size_t member_ending(const TailSet& set, const unsigned char* s, std::size_t from, std::size_t at) {
    if (!((set.last_bits_[s[at] >> 6] >> (s[at] & 63)) & 1)) return text::npos;
    for (int k = 0; k < set.n_; ++k) {
      const std::size_t n = set.len_[k];
      if (s[at] != set.bytes_[k][n - 1] || at + 1 < from + n) continue;
      const std::size_t b = at + 1 - n;
      bool same = true;
      for (std::size_t j = 0; j + 1 < n && same; ++j) same = s[b + j] == set.bytes_[k][j];
      if (same) return b;
    }
    return text::npos;
  }
#if defined(__x86_64__) && defined(__GNUC__)
  // From end `i` on (i >= 1, size >= 33): 32 candidate ends at a time, the last block
  // overlapping the one before it; N members, their vectors held in registers (an ASCII
  // member's byte before is any: `any_prev`).
  template <int N>
  __attribute__((target("avx2"))) static std::size_t find_avx2(const TailSet& set, const unsigned char* s,
                                                              std::size_t size, std::size_t from, std::size_t i) {
    // The members' vectors are read where they are (compares with a memory operand): no setup.
    const auto* last = reinterpret_cast<const __m256i*>(set.last_);
    const auto* prev = reinterpret_cast<const __m256i*>(set.prev_);
    const auto* any_prev = reinterpret_cast<const __m256i*>(set.any_prev_);
    for (;;) {
      const std::size_t at0 = std::min(i, size - 32);
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + at0));
      const __m256i p = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + at0 - 1));
      __m256i any = _mm256_setzero_si256();
      for (int k = 0; k < N; ++k)
        any = _mm256_or_si256(
            any, _mm256_and_si256(_mm256_cmpeq_epi8(v, _mm256_load_si256(last + k)),
                                  _mm256_or_si256(_mm256_cmpeq_epi8(p, _mm256_load_si256(prev + k)),
                                                  _mm256_load_si256(any_prev + k))));
      const unsigned skip = static_cast<unsigned>(i - at0);
      for (unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(any)) >> skip << skip; mask; mask &= mask - 1) {
        const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
        if (const std::size_t b = member_ending(set, s, from, at); b != text::npos) return b;
      }
      if (at0 + 32 >= size) return text::npos;
      i = at0 + 32;
    }
  }
  static std::size_t find_avx2(const TailSet& set, const unsigned char* s, std::size_t size, std::size_t from,
                               std::size_t i) {
    switch (set.n_) {
      case 1: return find_avx2<1>(set, s, size, from, i);
      case 2: return find_avx2<2>(set, s, size, from, i);
      case 3: return find_avx2<3>(set, s, size, from, i);
      case 4: return find_avx2<4>(set, s, size, from, i);
      case 5: return find_avx2<5>(set, s, size, from, i);
      case 6: return find_avx2<6>(set, s, size, from, i);
      case 7: return find_avx2<7>(set, s, size, from, i);
      default: return find_avx2<8>(set, s, size, from, i);
    }
  }
#endif
#if defined(__SSE2__)
  // The same 16 at a time (size >= 17).
  static std::size_t find_sse2(const TailSet& set, const unsigned char* s, std::size_t size, std::size_t from,
                               std::size_t i) {
    for (;;) {
      const std::size_t at0 = std::min(i, size - 16);
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at0));
      const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at0 - 1));
      __m128i any = _mm_setzero_si128();
      for (int k = 0; k < set.n_; ++k) {
        __m128i eq = _mm_cmpeq_epi8(v, _mm_load_si128(reinterpret_cast<const __m128i*>(set.last_[k])));
        if (set.len_[k] > 1)
          eq = _mm_and_si128(eq, _mm_cmpeq_epi8(p, _mm_load_si128(reinterpret_cast<const __m128i*>(set.prev_[k]))));
        any = _mm_or_si128(any, eq);
      }
      const unsigned skip = static_cast<unsigned>(i - at0);
      for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(any)) >> skip << skip; mask; mask &= mask - 1) {
        const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
        if (const std::size_t b = member_ending(set, s, from, at); b != text::npos) return b;
      }
      if (at0 + 16 >= size) return text::npos;
      i = at0 + 16;
    }
  }
#endif
};

std::size_t TailSet::find(std::string_view t, std::size_t from) const {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  if (n_ == 0 || from >= size) return text::npos;
  // The first candidate end: where the shortest member starting at `from` would end. The
  // vector loops read the byte before each end, so end 0 is looked at alone.
  std::size_t i = from + min_len_ - 1;
  if (i >= size) return text::npos;
  if (i == 0) {
    if (const std::size_t b = TailSetScan::member_ending(*this, s, from, 0); b != text::npos) return b;
    i = 1;
  }
#if defined(__x86_64__) && defined(__GNUC__)
  if (kAvx2 && size >= 33 && size - i > 16) return TailSetScan::find_avx2(*this, s, size, from, i);
#endif
#if defined(__SSE2__)
  if (size >= 17 && size - i > 4) return TailSetScan::find_sse2(*this, s, size, from, i);
#endif
  for (; i < size; ++i)
    if (const std::size_t b = TailSetScan::member_ending(*this, s, from, i); b != text::npos) return b;
  return text::npos;
}

// ---- find_space ----

namespace {
// Whether the code point whose last byte is at `at` is a space starting at or after `from`;
// its start.
bool space_ending(const unsigned char* s, std::size_t from, std::size_t at, std::size_t& start) {
  const unsigned char last = s[at];
  if (last != 0x20 && last != 0xA0 && !(last >= 0x80 && last <= 0x8A) && last != 0xAF && last != 0x9F) return false;
  std::size_t b = at;
  while (b > 0 && at - b < 3 && (s[b] & 0xC0) == 0x80) --b;
  if (b < from) return false;
  const char* p = reinterpret_cast<const char*>(s + b);
  const char32_t c = text::decode(p, reinterpret_cast<const char*>(s + at + 1));
  if (p != reinterpret_cast<const char*>(s + at + 1) || text::primary_class(c) != text::kSpace) return false;
  start = b;
  return true;
}

// The candidate ends among W bytes at v (p: the bytes before them, pp: two before): 20;
// C2 A0; E1 9A 80; E2 80 80–8A; E2 80 AF; E2 81 9F; E3 80 80. For the vector types of SSE2
// (W 16) and AVX2 (W 32), by the operations given.
// The bytes the candidates are compared with, 32 times each, read as memory operands (held
// in registers, the twelve vectors crowd out the ones computed and are built again in each
// round with three instructions apiece).
}  // namespace
struct SpaceBytes {
  alignas(32) unsigned char b[12][32];
};
namespace {
constexpr SpaceBytes make_space_bytes() {
  SpaceBytes c{};
  const unsigned char v[12] = {0x80, 0xE2, 0x0A, 0x20, 0xA0, 0xC2, 0xAF, 0x81, 0x9F, 0xE3, 0xE1, 0x9A};
  for (int i = 0; i < 12; ++i)
    for (int j = 0; j < 32; ++j) c.b[i][j] = v[i];
  return c;
}
}  // namespace
// Not const and not internal: the compiler then reads them from memory rather than building
// them again from their known values.
extern SpaceBytes space_bytes;
SpaceBytes space_bytes = make_space_bytes();
namespace {
// Row i of space_bytes as a vector V read by LOAD.
#define WENFENG_K(V, LOAD, i) LOAD(reinterpret_cast<const V*>(space_bytes.b[i]))
#define WENFENG_SPACE_CANDIDATES(any, V, LOAD, EQ, AND, OR, SUB, MIN)                     \
  const V v80 = EQ(v, WENFENG_K(V, LOAD, 0)), p80 = EQ(p, WENFENG_K(V, LOAD, 0)), pe2 = EQ(pp, WENFENG_K(V, LOAD, 1)); \
  const V d = SUB(v, WENFENG_K(V, LOAD, 0));                                                        \
  const V low = EQ(MIN(d, WENFENG_K(V, LOAD, 2)), d); /* v in 80–8A */                               \
  V any = EQ(v, WENFENG_K(V, LOAD, 3));                                                             \
  any = OR(any, AND(EQ(v, WENFENG_K(V, LOAD, 4)), EQ(p, WENFENG_K(V, LOAD, 5))));                            \
  any = OR(any, AND(AND(pe2, p80), OR(low, EQ(v, WENFENG_K(V, LOAD, 6)))));                         \
  any = OR(any, AND(AND(pe2, EQ(p, WENFENG_K(V, LOAD, 7))), EQ(v, WENFENG_K(V, LOAD, 8))));                  \
  any = OR(any, AND(AND(EQ(pp, WENFENG_K(V, LOAD, 9)), p80), v80));                                 \
  any = OR(any, AND(AND(EQ(pp, WENFENG_K(V, LOAD, 10)), EQ(p, WENFENG_K(V, LOAD, 11))), v80))


#if defined(__x86_64__) && defined(__GNUC__)
// From end `i` on (i >= 2, size >= 34), the last block overlapping.
__attribute__((target("avx2"))) std::size_t find_space_avx2(const unsigned char* s, std::size_t size,
                                                           std::size_t from, std::size_t i) {
  for (;;) {
    const std::size_t at0 = std::min(i, size - 32);
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + at0));
    const __m256i p = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + at0 - 1));
    const __m256i pp = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(s + at0 - 2));
    WENFENG_SPACE_CANDIDATES(any, __m256i, _mm256_load_si256, _mm256_cmpeq_epi8, _mm256_and_si256, _mm256_or_si256, _mm256_sub_epi8,
                             _mm256_min_epu8);
    const unsigned skip = static_cast<unsigned>(i - at0);
    for (unsigned mask = static_cast<unsigned>(_mm256_movemask_epi8(any)) >> skip << skip; mask; mask &= mask - 1) {
      const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
      std::size_t start;
      if (space_ending(s, from, at, start)) return start;
    }
    if (at0 + 32 >= size) return text::npos;
    i = at0 + 32;
  }
}
#endif
#if defined(__SSE2__)
// The same 16 at a time (size >= 18).
std::size_t find_space_sse2(const unsigned char* s, std::size_t size, std::size_t from, std::size_t i) {
  for (;;) {
    const std::size_t at0 = std::min(i, size - 16);
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at0));
    const __m128i p = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at0 - 1));
    const __m128i pp = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + at0 - 2));
    WENFENG_SPACE_CANDIDATES(any, __m128i, _mm_load_si128, _mm_cmpeq_epi8, _mm_and_si128, _mm_or_si128, _mm_sub_epi8, _mm_min_epu8);
    const unsigned skip = static_cast<unsigned>(i - at0);
    for (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(any)) >> skip << skip; mask; mask &= mask - 1) {
      const std::size_t at = at0 + static_cast<std::size_t>(__builtin_ctz(mask));
      std::size_t start;
      if (space_ending(s, from, at, start)) return start;
    }
    if (at0 + 16 >= size) return text::npos;
    i = at0 + 16;
  }
}
#endif
}  // namespace

std::size_t find_space(std::string_view t, std::size_t from) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  std::size_t i = from, start;
  // The first ends one by one (the vector loops read two bytes before each).
  for (; i < size && i < from + 2; ++i)
    if (space_ending(s, from, i, start)) return start;
  if (i >= size) return text::npos;
#if defined(__x86_64__) && defined(__GNUC__)
  if (kAvx2 && size >= 34 && size - i > 16) return find_space_avx2(s, size, from, i);
#endif
#if defined(__SSE2__)
  if (size >= 18 && size - i > 4) return find_space_sse2(s, size, from, i);
#endif
  for (; i < size; ++i)
    if (space_ending(s, from, i, start)) return start;
  return text::npos;
}

}  // namespace wenfeng::rules
