// Unicode Table 3-7 (well-formed UTF-8) checked one byte at a time: the reference the fast
// validators (text::find_invalid_utf8) are compared with.
#pragma once

#include <cstddef>
#include <string_view>

namespace wenfeng::testing {

// The offset of the first byte that does not start a well-formed sequence, or npos.
inline std::size_t reference_find_invalid_utf8(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  for (std::size_t i = 0; i < s.size();) {
    const unsigned c = b[i];
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) len = 1;
    else if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    if (len == 0 || i + len > s.size()) return i;
    if (len > 1 && (b[i + 1] < lo || b[i + 1] > hi)) return i;
    for (std::size_t k = 2; k < len; ++k)
      if ((b[i + k] & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace wenfeng::testing
