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
