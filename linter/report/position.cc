#include "report/position.h"

#include <algorithm>
#include <iterator>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace wenfeng::report {
namespace {

// Code points and UTF-16 units in a valid UTF-8 range: every byte that is not a
// continuation byte starts a code point, and a lead byte F0–F4 starts a supplementary one
// (a surrogate pair). Sixteen bytes at a time where SSE2 is there.
#if defined(__x86_64__) && defined(__GNUC__)
#define WENFENG_MEASURE_AVX2 1
bool cpu_has_avx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2");
}
const bool kAvx2 = cpu_has_avx2();

// The sum of the four 64-bit lanes of a psadbw.
__attribute__((target("avx2"), always_inline)) inline std::uint32_t lane_sum(__m256i v) {
  const __m128i s = _mm_add_epi64(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  return static_cast<std::uint32_t>(_mm_cvtsi128_si64(s) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(s, s)));
}

// measure's loop 32 bytes at a time: the counts kept per byte lane for up to 255 blocks,
// then summed (psadbw). Returns the bytes measured (a multiple of 32).
__attribute__((target("avx2"))) std::size_t measure_avx2(const unsigned char* p, std::size_t n, std::uint32_t& cps,
                                                       std::uint32_t& units) {
  const __m256i top = _mm256_set1_epi8(static_cast<char>(0xC0));
  const __m256i cont = _mm256_set1_epi8(static_cast<char>(0x80));
  const __m256i four = _mm256_set1_epi8(static_cast<char>(0xF0));
  const __m256i zero = _mm256_setzero_si256();
  std::size_t i = 0;
  while (i + 32 <= n) {
    __m256i conts = zero, fours = zero;  // -1 per match, subtracted: per-lane counts
    const std::size_t stop = std::min(n - 31, i + 255 * 32);
    const std::size_t from = i;
    for (; i < stop; i += 32) {
      const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
      conts = _mm256_sub_epi8(conts, _mm256_cmpeq_epi8(_mm256_and_si256(v, top), cont));
      fours = _mm256_sub_epi8(fours, _mm256_cmpeq_epi8(_mm256_max_epu8(v, four), v));
    }
    const auto bytes = static_cast<std::uint32_t>(i - from);
    const std::uint32_t c = lane_sum(_mm256_sad_epu8(conts, zero)), f = lane_sum(_mm256_sad_epu8(fours, zero));
    cps += bytes - c;
    units += bytes - c + f;
  }
  return i;
}
#endif

void measure(std::string_view s, std::uint32_t& cps, std::uint32_t& units) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
#if defined(WENFENG_MEASURE_AVX2)
  if (kAvx2 && n >= 64) i = measure_avx2(p, n, cps, units);
#endif
#if defined(__SSE2__)
  const __m128i top = _mm_set1_epi8(static_cast<char>(0xC0));
  const __m128i cont = _mm_set1_epi8(static_cast<char>(0x80));
  const __m128i four = _mm_set1_epi8(static_cast<char>(0xF0));
  const __m128i one = _mm_set1_epi8(1), zero = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // 1 in each byte that is a continuation byte (resp. a four-byte lead), summed by psadbw
    // (the baseline x86-64 has no popcnt instruction).
    const __m128i is_cont = _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(v, top), cont), one);
    const __m128i is_four = _mm_and_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, four), v), one);
    const __m128i sc = _mm_sad_epu8(is_cont, zero), sf = _mm_sad_epu8(is_four, zero);
    const auto conts = static_cast<std::uint32_t>(_mm_cvtsi128_si32(sc) + _mm_extract_epi16(sc, 4));
    const auto fours = static_cast<std::uint32_t>(_mm_cvtsi128_si32(sf) + _mm_extract_epi16(sf, 4));
    cps += 16u - conts;
    units += 16u - conts + fours;
  }
#endif
  for (; i < n; ++i) {
    const unsigned char c = p[i];
    cps += (c & 0xC0) != 0x80;
    units += (c & 0xC0) != 0x80;
    units += c >= 0xF0;  // a supplementary code point is a surrogate pair
  }
}

constexpr std::uint32_t kMarkStep = 4096;

}  // namespace

void Locator::seek(Cursor& c, std::string_view t, std::uint32_t begin) {
  if (t.size() < 4 * kMarkStep) {  // short: from the start
    c.byte = c.cps = c.units = 0;
    return;
  }
  if (c.marks.empty()) {
    Mark m{0, 0, 0};
    c.marks.push_back(m);
    for (std::size_t target = kMarkStep; target < t.size(); target += kMarkStep) {
      std::size_t at = std::max<std::size_t>(target, m.byte);
      while (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) ++at;  // a code point's start
      measure(t.substr(m.byte, at - m.byte), m.cps, m.units);
      m.byte = static_cast<std::uint32_t>(at);
      c.marks.push_back(m);
    }
  }
  // The last mark at or before `begin`.
  auto it = std::upper_bound(c.marks.begin(), c.marks.end(), begin,
                             [](std::uint32_t b, const Mark& m) { return b < m.byte; });
  const Mark& m = *std::prev(it);
  c.byte = m.byte;
  c.cps = m.cps;
  c.units = m.units;
}

const Position& Locator::next(const model::Diagnostic& d, bool excerpt) {
  Position& p = p_;
  const std::string_view t = doc_.block_text(d.block);
  const std::uint32_t begin = std::min<std::uint32_t>(d.offset, static_cast<std::uint32_t>(t.size()));
  const std::uint32_t end = std::min<std::uint32_t>(begin + d.length, static_cast<std::uint32_t>(t.size()));
  if (d.block != cur_.block) {
    std::swap(cur_, prev_);
    if (cur_.block != d.block) {
      cur_.block = d.block;
      cur_.byte = cur_.cps = cur_.units = 0;
      cur_.marks.clear();
    }
  }
  Cursor& c = cur_;
  // Back, or forward over more than a mark's step once the block has marks: from the nearest
  // mark, so a group's occurrences cost at most a step each, not a walk over the block.
  if (begin < c.byte || (!c.marks.empty() && begin - c.byte > kMarkStep)) seek(c, t, begin);
  measure(t.substr(c.byte, begin - c.byte), c.cps, c.units);
  c.byte = begin;
  std::uint32_t len_cps = 0, len_units = 0;
  measure(t.substr(begin, end - begin), len_cps, len_units);
  p.paragraph = d.block < numbers_.size() ? numbers_[d.block] : 0;
  p.column = c.cps + 1;
  p.length = len_cps;
  p.column_utf16 = c.units + 1;
  p.length_utf16 = len_units;
  p.column_byte = begin + 1;
  if (!excerpt) return p;
  // Excerpt: up to 20 code points of context each side, the finding capped at 40.
  const std::size_t from = text::step_back(t, begin, 20);
  // A finding of fewer than 40 code points is shown whole (40 steps from `begin` would pass
  // its end: a step from inside a code point is one more than its count of starts).
  const std::size_t shown_end = len_cps < 40 ? end : std::min<std::size_t>(end, text::step_forward(t, begin, 40));
  const std::size_t to = text::step_forward(t, shown_end, 20);
  p.excerpt.clear();
  if (from > 0) p.excerpt += "…";
  p.excerpt.append(t.substr(from, to - from));
  if (to < t.size()) p.excerpt += "…";
  p.excerpt_col = static_cast<std::uint32_t>(text::codepoint_count(t.substr(from, begin - from))) + (from > 0 ? 1 : 0);
  return p;
}

std::vector<Position> locate(const model::Document& doc, const std::vector<model::Diagnostic>& findings,
                             const std::vector<std::uint32_t>& numbers) {
  std::vector<Position> out;
  out.reserve(findings.size());
  Locator at(doc, numbers);
  for (const auto& d : findings) out.push_back(at.next(d));
  return out;
}

namespace {

std::uint32_t units_in(std::string_view s, ColumnUnit unit) {
  if (unit == ColumnUnit::kByte) return static_cast<std::uint32_t>(s.size());
  std::uint32_t cps = 0, units = 0;
  measure(s, cps, units);
  return unit == ColumnUnit::kUtf16 ? units : cps;
}

// Line and column of byte `offset` of block `b` in `unit`.
void source_point(const model::Document& doc, std::uint32_t b, std::uint32_t offset, ColumnUnit unit,
                  std::uint32_t& line, std::uint32_t& column) {
  const model::Block& block = doc.blocks[b];
  const std::string_view t = doc.block_text(block);
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(t.size()));
  if (block.anchors.empty()) {
    line = 1;
    column = 1 + units_in(t.substr(0, offset), unit);
    return;
  }
  auto it = std::upper_bound(block.anchors.begin(), block.anchors.end(), offset,
                             [](std::uint32_t off, const model::SourceAnchor& a) { return off < a.text_offset; });
  if (it != block.anchors.begin()) --it;
  const std::uint32_t from = std::min<std::uint32_t>(it->text_offset, offset);
  line = it->line;
  column = it->column + units_in(t.substr(from, offset - from), unit);
}

}  // namespace

SourceSpan source_span(const model::Document& doc, std::uint32_t block, std::uint32_t offset, std::uint32_t length,
                       std::uint32_t paragraph, ColumnUnit unit) {
  SourceSpan s;
  if (block >= doc.blocks.size()) return s;
  if (doc.format == model::Format::kDocx) {
    const std::string_view t = doc.block_text(block);
    const std::uint32_t begin = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(t.size()));
    const std::uint32_t end = std::min<std::uint32_t>(begin + length, static_cast<std::uint32_t>(t.size()));
    s.line = s.end_line = paragraph;
    s.column = 1 + units_in(t.substr(0, begin), unit);
    s.end_column = s.column + units_in(t.substr(begin, end - begin), unit);
    return s;
  }
  source_point(doc, block, offset, unit, s.line, s.column);
  source_point(doc, block, offset + length, unit, s.end_line, s.end_column);
  return s;
}

std::uint32_t source_column(const model::Document& doc, std::uint32_t block, std::uint32_t offset, ColumnUnit unit) {
  if (block >= doc.blocks.size()) return SourceSpan{}.column;
  if (doc.format == model::Format::kDocx) {
    const std::string_view t = doc.block_text(block);
    const std::uint32_t begin = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(t.size()));
    return 1 + units_in(t.substr(0, begin), unit);
  }
  std::uint32_t line = 1, column = 1;
  source_point(doc, block, offset, unit, line, column);
  return column;
}

}  // namespace wenfeng::report
