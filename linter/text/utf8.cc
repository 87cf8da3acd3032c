#include "text/utf8.h"

#include <unicode/uchar.h>

#include "text/charclass.h"
#include "text/runs.h"

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

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* b = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
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

std::size_t codepoint_count(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t codepoints_before(std::string_view s, std::size_t byte_offset) {
  if (byte_offset > s.size()) byte_offset = s.size();
  return codepoint_count(s.substr(0, byte_offset));
}

std::size_t step_back(std::string_view s, std::size_t at, std::size_t n) {
  if (at > s.size()) at = s.size();
  for (; n > 0 && at > 0; --n) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return at;
}

std::size_t step_forward(std::string_view s, std::size_t at, std::size_t n) {
  for (; n > 0 && at < s.size(); --n) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
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

int display_width(char32_t cp) {
  if (cp < 0x20) return 0;
  if (cp < 0x7F) return 1;
  // Nearly every character of a Chinese excerpt, without the two ICU lookups: CJK Unified
  // Ideographs (U+4E00–U+9FFF), 、。〃〄々〆〇 and the brackets 〈〉《》「」『』【】 (U+3001–U+3011)
  // and the full-width forms U+FF01–U+FF60 are East Asian Wide or Fullwidth and no mark
  // (tests/text/utf8_test.cc checks each against ICU).
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3001 && cp <= 0x3011) || (cp >= 0xFF01 && cp <= 0xFF60)) return 2;
  if (is_invisible(cp)) return 0;
  const auto gc = u_charType(static_cast<UChar32>(cp));
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) return 0;
  const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

int display_width(std::string_view s) {
  int w = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) w += display_width(decode(p, end));
  return w;
}

}  // namespace wenfeng::text
