// UTF-8 primitives. Everything after the readers is valid UTF-8 (readers validate or
// convert at the boundary), so decode() here assumes well-formed input and never fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenfeng::text {

// Decodes one code point starting at p (which must be < end) and advances p.
// Precondition: the range is valid UTF-8.
inline char32_t decode(const char*& p, const char* end) {
  const auto b0 = static_cast<unsigned char>(*p);
  if (b0 < 0x80) { ++p; return b0; }
  auto cont = [&](int i) -> char32_t {
    return (p + i < end) ? (static_cast<unsigned char>(p[i]) & 0x3Fu) : 0u;
  };
  if (b0 < 0xE0) { char32_t c = ((b0 & 0x1Fu) << 6) | cont(1); p += 2; return c; }
  if (b0 < 0xF0) {
    char32_t c = ((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2);
    p += 3;
    return c;
  }
  char32_t c = ((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  p += 4;
  return c;
}

// A code point with its byte range in the string it was decoded from.
struct CodePoint {
  char32_t cp;
  std::uint32_t begin;
  std::uint32_t end;
};

// Iterates the code points of a valid UTF-8 string with their byte offsets:
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
    bool operator!=(const iterator& o) const { return p_ != o.p_; }
    bool operator==(const iterator& o) const { return p_ == o.p_; }

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

// Number of code points in a valid UTF-8 string.
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
