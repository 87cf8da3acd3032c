#include "report/json_writer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "count/counter.h"
#include "layout/pages.h"
#include "report/located.h"
#include "text/utf8.h"
#include <cstdio>

namespace wenfeng::report {

namespace {
// The bytes escape's plain path leaves to the full one: controls, '"', '\\' and all non-ASCII.
constexpr auto kNotPlain = [] {
  struct Table {
    bool is[256];
  } t{};
  for (int c = 0; c < 256; ++c) t.is[c] = c < 0x20 || c >= 0x80 || c == '"' || c == '\\';
  return t;
}();

// Whether the eight bytes of `w` are all printable ASCII other than '"' and '\\' (the
// tests for a byte below a value, exact when no byte is 80 or above, tested first).
inline bool plain_word(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t v) { return ((v - ones) & ~v & high) != 0; };
  if (w & high) return false;
  if (((w - 0x20 * ones) & ~w & high) != 0) return false;  // a byte below 20
  return !has_zero(w ^ ('"' * ones)) && !has_zero(w ^ ('\\' * ones));
}

// Whether `s` (at most 32 bytes) is all printable ASCII other than '"' and '\\': eight
// bytes at a time (the last word overlapping), a shorter one byte by byte.
inline bool plain_ascii(std::string_view s) {
  const std::size_t n = s.size();
  if (n < 8) {
    for (const char ch : s)
      if (kNotPlain.is[static_cast<unsigned char>(ch)]) return false;
    return true;
  }
  std::uint64_t w;
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (!plain_word(w)) return false;
  }
  std::memcpy(&w, s.data() + n - 8, 8);
  return plain_word(w);
}
}  // namespace

void JsonWriter::escape(std::string& out, std::string_view s) {
  // A short string of printable ASCII without '"' or '\\' (every key, ids, names of
  // severities and formats): written as it is, without the UTF-8 check and the escaping loop
  // (which would give the same bytes).
  if (s.size() <= 32 && plain_ascii(s)) {
    out.push_back('"');
    out.append(s.data(), s.size());
    out.push_back('"');
    return;
  }
  // JSON is UTF-8: bytes that are not (a file name in GBK, say) become U+FFFD here; paths
  // also keep their exact bytes in "path_bytes" (write_path).
  if (text::find_invalid_utf8(s) != std::string_view::npos) {
    const std::string clean = utf8_sanitize(s);
    escape_valid(out, clean);
    return;
  }
  escape_valid(out, s);
}

void write_path(JsonWriter& j, std::string_view path) {
  j.key("path").value(path);
  if (text::find_invalid_utf8(path) == std::string_view::npos) return;
  std::string bytes;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      bytes.push_back(ch);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      bytes += buf;
    }
  }
  j.key("path_bytes").value(bytes);
}

void JsonWriter::escape_valid(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t run = 0;  // start of the bytes not yet copied: plain bytes are copied in runs
  for (std::size_t i = 0; i < s.size(); ++i) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while none needs escaping (a control byte, '"' or '\\'); the
    // last fewer than sixteen as one block ending at the end (the bytes before i left out).
    if (s.size() >= 16) {
      const std::size_t at0 = std::min(i, s.size() - 16);
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at0));
      const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
      const __m128i special =
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(control, special))) >> (i - at0);
      if (mask == 0) {
        if (at0 < i) break;  // the last block: nothing more to escape
        i += 15;             // and the loop's ++i
        continue;
      }
      i += static_cast<std::size_t>(__builtin_ctz(mask));
    }
#endif
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void JsonWriter::newline() {
  if (!pretty_) return;
  out_.push_back('\n');
  out_.append(first_.size() * 2, ' ');
}

JsonWriter JsonWriter::fragment() const {
  JsonWriter j(pretty_);
  j.first_.assign(first_.size(), 0);
  return j;
}

std::string_view JsonWriter::join(std::string_view bytes) {
  if (bytes.empty() || first_.empty()) return bytes;
  if (first_.back() && bytes.front() == ',') bytes.remove_prefix(1);
  first_.back() = 0;
  return bytes;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = first_.back() != 0;
  first_.pop_back();
  if (!empty) newline();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_.push_back('[');
  first_.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = first_.back() != 0;
  first_.pop_back();
  if (!empty) newline();
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  before_value();
  escape(out_, k);
  out_.push_back(':');
  if (pretty_) out_.push_back(' ');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  escape(out_, s);
  return *this;
}

// std::to_string's digits, without its string.
JsonWriter& JsonWriter::value(std::int64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  before_value();
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, n);
  out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  return *this;
}

JsonWriter& JsonWriter::value(double d, int decimals) {
  before_value();
  if (!std::isfinite(d)) {
    out_ += "null";
    return *this;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, d);
  out_ += buf;
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

}  // namespace wenfeng::report

namespace wenfeng::report {

void write_counts(JsonWriter& j, const model::Counts& c) {
  j.begin_object();
  j.key("zishu").value(c.zishu);
  j.key("hanzi").value(c.hanzi);
  j.key("non_cjk_words").value(c.non_cjk_words);
  j.key("chars_no_spaces").value(c.chars_no_spaces);
  j.key("chars_with_spaces").value(c.chars_with_spaces);
  j.key("paragraphs").value(c.paragraphs);
  j.end_object();
}

void write_error(JsonWriter& j, const Error& e) {
  j.begin_object();
  j.key("code").value(error_code_name(e.code));
  j.key("message").value(e.message);
  if (!e.where.empty()) j.key("where").value(e.where);
  j.end_object();
}

void write_pages(JsonWriter& j, const layout::PageEstimate& p) {
  j.begin_object();
  j.key("estimate").value(p.estimate, 1);
  if (p.saved) j.key("saved").value(*p.saved); else j.key("saved").null();
  if (p.saved_by) j.key("saved_by").value(*p.saved_by); else j.key("saved_by").null();
  j.key("saved_stale").value(p.saved_stale);
  j.key("model").value(p.model);
  j.key("method").value(p.method);
  j.end_object();
}

}  // namespace wenfeng::report
