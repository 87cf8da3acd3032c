// punct.halfwidth's exempt spans, URLs and e-mail addresses: the search of the pattern
//   (?:https?://|ftp://|www\.)[^\s\p{Han}，。；、“”（）《》]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}
// read by hand (tests/rules/punct_scan_test.cc compares it with ICU on random text).
#pragma once

#include <cstddef>
#include <string_view>

#include "text/scan.h"

namespace wenfeng::rules::punct {

inline bool is_ascii_letter(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_local_char(unsigned char c) {  // [A-Za-z0-9._%+-]
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
inline bool is_domain_char(unsigned char c) {  // [A-Za-z0-9.-]
  return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// The full-width marks that end a URL: ，。；、“”（）《》.
inline bool is_url_stop(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'；': case U'、': case U'“': case U'”': case U'（': case U'）': case U'《': case U'》':
      return true;
    default:
      return false;
  }
}

// The end of the URL starting at `at` (the first alternative), or npos.
inline std::size_t url_end(std::string_view t, std::size_t at) {
  std::size_t q;
  if (t.compare(at, 7, "http://") == 0) q = at + 7;
  else if (t.compare(at, 8, "https://") == 0) q = at + 8;
  else if (t.compare(at, 6, "ftp://") == 0) q = at + 6;
  else if (t.compare(at, 4, "www.") == 0) q = at + 4;
  else return text::npos;
  const std::size_t begin = q;
  while (q < t.size()) {
    if (const auto b = static_cast<unsigned char>(t[q]); b < 0x80) {  // most of a URL
      if (text::is_icu_space(b)) break;
      ++q;
      continue;
    }
    std::size_t next;
    const char32_t c = text::cp_at(t, q, next);
    if (text::is_icu_space(c) || text::is_han_script(c) || is_url_stop(c)) break;
    q = next;
  }
  return q > begin ? q : text::npos;
}

// The end of the address whose local part's run of [A-Za-z0-9._%+-] ends at `at` with an "@",
// or npos: the domain is greedy, so the last "." with two letters after it inside the run
// of [A-Za-z0-9.-] (after at least one of them) ends it, and the letters after it end the match.
inline std::size_t address_end(std::string_view t, std::size_t at) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  if (at >= size || s[at] != '@') return text::npos;
  std::size_t d = at + 1;
  while (d < size && is_domain_char(s[d])) ++d;
  for (std::size_t q = d; q-- > at + 2;) {
    if (s[q] != '.' || q + 2 >= d || !is_ascii_letter(s[q + 1]) || !is_ascii_letter(s[q + 2])) continue;
    std::size_t e = q + 1;
    while (e < size && is_ascii_letter(s[e])) ++e;
    return e;
  }
  return text::npos;
}

// The first match at or after `from`, as [begin, end); false when there is none.
inline bool find_link(std::string_view t, std::size_t from, std::size_t& begin, std::size_t& end) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const std::size_t size = t.size();
  std::size_t run_end = 0, run_match = text::npos;  // the local run holding `p`, and its address's end
  for (std::size_t p = from; p < size; ++p) {
    const unsigned char c = s[p];
    if (c == 'h' || c == 'f' || c == 'w')
      if (const std::size_t e = url_end(t, p); e != text::npos) {
        begin = p, end = e;
        return true;
      }
    if (!is_local_char(c)) continue;
    if (p >= run_end) {
      run_end = p;
      while (run_end < size && is_local_char(s[run_end])) ++run_end;
      run_match = address_end(t, run_end);
    }
    if (run_match != text::npos) {
      begin = p, end = run_match;
      return true;
    }
  }
  return false;
}

}  // namespace wenfeng::rules::punct
