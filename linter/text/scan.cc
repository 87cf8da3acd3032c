#include "text/scan.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>



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

std::size_t find_seq(std::string_view t, std::string_view needle, std::size_t from) {
  const std::size_t n = needle.size();
  if (n == 0) return from <= t.size() ? from : npos;
  if (t.size() < n || from > t.size() - n) return npos;
  const char last = needle[n - 1];
  const char* base = t.data();
  const char* p = base + from + n - 1;
  const char* end = base + t.size();
  while (p < end) {
    const void* hit = std::memchr(p, last, static_cast<std::size_t>(end - p));
    if (!hit) return npos;
    const char* h = static_cast<const char*>(hit);
    if (std::memcmp(h - (n - 1), needle.data(), n - 1) == 0) return static_cast<std::size_t>(h - (n - 1) - base);
    p = h + 1;
  }
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

}  // namespace wenfeng::text
