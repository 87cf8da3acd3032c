// UTF-8 primitives. Everything after the readers is valid UTF-8 (readers validate or
// convert at the boundary, and a document is checked once more before it is handed on),
// yet every function here is bounds-safe on any bytes: an invalid or truncated sequence
// decodes to U+FFFD and is stepped over as one "maximal subpart" (Unicode 15 §3.9,
// U+FFFD Substitution of Maximal Subparts — what ICU and the WHATWG decoder do), never
// past the end of the range.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenfeng::text {

constexpr char32_t kReplacement = 0xFFFD;

namespace detail {
// The range of the second byte allowed after lead byte b0 (Unicode Table 3-7), and the
// sequence length; len 0 for bytes that cannot start a sequence (80–C1, F5–FF).
struct LeadInfo {
  unsigned char len, lo, hi;
};
constexpr LeadInfo lead_info(unsigned char b0) {
  if (b0 >= 0xC2 && b0 <= 0xDF) return {2, 0x80, 0xBF};
  if (b0 == 0xE0) return {3, 0xA0, 0xBF};
  if (b0 == 0xED) return {3, 0x80, 0x9F};  // no surrogates
  if (b0 >= 0xE1 && b0 <= 0xEF) return {3, 0x80, 0xBF};
  if (b0 == 0xF0) return {4, 0x90, 0xBF};
  if (b0 >= 0xF1 && b0 <= 0xF3) return {4, 0x80, 0xBF};
  if (b0 == 0xF4) return {4, 0x80, 0x8F};  // nothing above U+10FFFF
  return {0, 0, 0};
}
char32_t decode_slow(const char*& p, const char* end);
}  // namespace detail

// Decodes one code point starting at p (which must be < end) and advances p (by 1–4 bytes,
// never beyond end). Invalid input gives U+FFFD; text::find_invalid_utf8 accepts exactly
// the ranges this decodes without a replacement.
inline char32_t decode(const char*& p, const char* end) {
  const auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) {
    ++p;
    return b0;
  }
  // The common case of Chinese text: a three-byte sequence with an E1–EC/EE–EF lead.
  if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && end - p >= 3) {
    const auto b1 = static_cast<unsigned char>(p[1]), b2 = static_cast<unsigned char>(p[2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      p += 3;
      return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    }
  }
  return detail::decode_slow(p, end);
}

// A code point with its byte range in the string it was decoded from.
struct CodePoint {
  char32_t cp;
  std::uint32_t begin;
  std::uint32_t end;
};

// Iterates the code points of a UTF-8 string with their byte offsets (U+FFFD for an
// invalid sequence, as decode):
//   for (const auto c : text::code_points(t)) use(c.cp, c.begin, c.end);
class CodePoints {
 public:
  explicit CodePoints(std::string_view s) : s_(s) {}
  class iterator {
   public:
    iterator(const char* base, const char* p, const char* end) : base_(base), p_(p), end_(end) { load(); }
    CodePoint operator*() const { return cur_; }
    iterator& operator++() {
      p_ = next_;
      load();
      return *this;
    }
    bool operator!=(const iterator& o) const { return p_ < o.p_; }
    bool operator==(const iterator& o) const { return !(p_ < o.p_); }

   private:
    void load() {
      if (p_ >= end_) return;
      next_ = p_;
      const char32_t c = decode(next_, end_);
      cur_ = {c, static_cast<std::uint32_t>(p_ - base_), static_cast<std::uint32_t>(next_ - base_)};
    }
    const char* base_;
    const char* p_;
    const char* end_;
    const char* next_ = nullptr;
    CodePoint cur_{};
  };
  iterator begin() const { return {s_.data(), s_.data(), s_.data() + s_.size()}; }
  iterator end() const { return {s_.data(), s_.data() + s_.size(), s_.data() + s_.size()}; }

 private:
  std::string_view s_;
};
inline CodePoints code_points(std::string_view s) { return CodePoints(s); }

// The byte offset of the code point boundary `n` code points before `at` (stops at 0).
std::size_t step_back(std::string_view s, std::size_t at, std::size_t n);
// The byte offset `n` code points after `at` (stops at s.size()).
std::size_t step_forward(std::string_view s, std::size_t at, std::size_t n);

// Appends the UTF-8 encoding of cp (which must be a Unicode scalar value).
void append_utf8(std::string& out, char32_t cp);

// Returns the byte offset of the first invalid sequence, or npos if s is valid UTF-8
// (no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t find_invalid_utf8(std::string_view s);

// Number of code points in a valid UTF-8 string (the count decode gives for valid input).
std::size_t codepoint_count(std::string_view s);

// Byte offset -> code point offset within s (byte_offset must be on a boundary or end).
std::size_t codepoints_before(std::string_view s, std::size_t byte_offset);

// True when s holds nothing but whitespace and invisible characters.
bool is_blank(std::string_view s);

// Terminal display width of a code point: 2 for East Asian Wide/Fullwidth, 0 for
// combining marks and invisibles, 1 otherwise.
int display_width(char32_t cp);
int display_width(std::string_view s);

}  // namespace wenfeng::text
