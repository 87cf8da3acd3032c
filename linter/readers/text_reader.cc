#include "readers/text_reader.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "readers/encoding.h"
#include "text/charclass.h"
#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wenfeng::readers {

bool looks_like_title(std::string_view line) {
  std::size_t n = 0;
  char32_t last = 0;
  const char* p = line.data();
  const char* end = p + line.size();
  while (p < end) {
    char32_t c = text::decode(p, end);
    if (!text::is_whitespace(c) && !text::is_invisible(c)) last = c;
    ++n;
  }
  if (n == 0 || n > 60 || last == 0) return false;
  switch (last) {
    case U'。': case U'！': case U'？': case U'；': case U'：': case U'，': case U'、':
    case U'.': case U'!': case U'?': case U';': case U':': case U',':
      return false;
    default:
      return true;
  }
}

namespace {

// "wenfeng-ignore…" after optional comment marks (#, //, <!--, 〔), or "" when the line is
// not a directive.
std::string_view directive_of(std::string_view line) {
  std::size_t i = 0;
  auto skip_spaces = [&] { while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i; };
  skip_spaces();
  for (std::string_view mark : {"<!--", "//", "#"})
    if (line.substr(i, mark.size()) == mark) {
      i += mark.size();
      break;
    }
  skip_spaces();
  line = line.substr(i);
  if (line.rfind("wenfeng-ignore", 0) != 0) return {};
  if (const auto close = line.find("-->"); close != std::string_view::npos) line = line.substr(0, close);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

// Terms after "wenfeng-ignore:" narrow a suppression; text after the directive without a
// colon is a free-form reason.
std::vector<std::string> words_after(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  if (s.rfind(":", 0) == 0) s.remove_prefix(1);
  else if (s.rfind("\xEF\xBC\x9A", 0) == 0) s.remove_prefix(3);  // full-width colon
  else return out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ',')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != ',') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

void apply_ignore_directives(model::Document& doc) {
  std::optional<model::Suppression> open_range;
  std::optional<model::Suppression> next_paragraph;
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) {
    auto& b = doc.blocks[i];
    const std::string_view d = directive_of(doc.block_text(b));
    if (!d.empty()) {
      b.directive = true;
      const std::string origin = "第 " + std::to_string(b.anchors.front().line) + " 行的 wenfeng-ignore";
      if (d.rfind("wenfeng-ignore-begin", 0) == 0) {
        open_range = model::Suppression{i + 1, 0, i + 1, 0, words_after(d.substr(20)), origin};
      } else if (d.rfind("wenfeng-ignore-end", 0) == 0) {
        if (open_range) {
          open_range->end_block = i;
          doc.suppressions.push_back(*open_range);
          open_range.reset();
        }
      } else {
        next_paragraph = model::Suppression{0, 0, 0, 0, words_after(d.substr(14)), origin};
      }
      continue;
    }
    if (next_paragraph && !text::is_blank(doc.block_text(b))) {
      next_paragraph->begin_block = i;
      next_paragraph->end_block = i + 1;
      doc.suppressions.push_back(*next_paragraph);
      next_paragraph.reset();
    }
  }
  if (open_range) {  // an unclosed range runs to the end
    open_range->end_block = static_cast<std::uint32_t>(doc.blocks.size());
    doc.suppressions.push_back(*open_range);
  }
}

namespace {

// The number of '\n' in `s`: sixteen bytes at a time, the matches summed per byte lane (at
// most 255 blocks before the lanes are added up).
std::size_t count_line_feeds(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0, total = 0;
#if defined(__SSE2__)
  const __m128i lf = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    const std::size_t stop = std::min(n - 15, i + 255 * 16);
    for (; i < stop; i += 16)
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), lf));
    const __m128i sums = _mm_sad_epu8(lanes, zero);
    total += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) + static_cast<std::size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  for (; i < n; ++i) total += p[i] == '\n';
  return total;
}

// The text of `utf8` split into one block per line. With `owned` (a string `utf8` views),
// the document's text is that string itself, the line ends squeezed out in place: a large
// file is held once, not as its bytes and a copy.
model::Document build_lines(std::string_view utf8, std::string* owned, std::string_view name) {
  model::DocumentBuilder builder(model::Format::kText);
  // One block per line: reserved at once (a vector that doubles holds up to twice its blocks).
  builder.doc().blocks.reserve(count_line_feeds(utf8) + 1);
  std::size_t w = 0;  // with `owned`: the end of the document text written so far
  if (owned) builder.doc().text = std::move(*owned);
  else builder.doc().text.reserve(utf8.size());
  std::string& text = builder.doc().text;
  if (owned) utf8 = text;
  const auto src = builder.add_source(std::string(name));
  std::uint32_t line = 1;
  bool title_seen = false;
  bool page_break_pending = false;
  std::size_t i = 0;
  while (true) {
    // Find the next CR or LF (memchr for LF; CR is rare and checked in the found span).
    const char* base = utf8.data() + i;
    const std::size_t rest = utf8.size() - i;
    const void* lf = std::memchr(base, '\n', rest);
    std::size_t j = lf ? static_cast<std::size_t>(static_cast<const char*>(lf) - utf8.data()) : utf8.size();
    if (const void* cr = std::memchr(base, '\r', j - i))
      j = static_cast<std::size_t>(static_cast<const char*>(cr) - utf8.data());
    const std::string_view content = utf8.substr(i, j - i);
    model::Role role = model::Role::kBody;
    if (!title_seen && !text::is_blank(content)) {
      title_seen = true;
      if (looks_like_title(content)) role = model::Role::kTitle;
    }
    model::Block& block = builder.open(model::Story::kMain, role, src, line, 1);
    // A form feed (as Word's and WPS's text export write it) is a page break: what follows
    // it starts a new page, as after <w:br w:type="page"/> in a DOCX paragraph.
    const auto ff = content.find('\f');
    block.page_break_before = page_break_pending || ff == 0;
    page_break_pending = ff != std::string_view::npos && ff != 0;
    if (owned) {
      // Back to back, as appended: a line moves down over the line ends before it.
      if (w != i) std::memmove(text.data() + w, text.data() + i, content.size());
      builder.close();
      block.begin = static_cast<std::uint32_t>(w);
      w += content.size();
      block.end = static_cast<std::uint32_t>(w);
    } else {
      builder.append(content);
      builder.close();
    }
    if (j == utf8.size()) break;
    if (utf8[j] == '\r' && j + 1 < utf8.size() && utf8[j + 1] == '\n') ++j;
    i = j + 1;
    ++line;
    if (i == utf8.size()) break;  // a final line end does not start another paragraph
  }
  if (owned) text.resize(w);  // the line ends' bytes stay as capacity (no second buffer)
  model::Document doc = builder.finish();
  apply_ignore_directives(doc);
  return doc;
}

bool plain_utf8(std::string_view bytes) {
  return bytes.substr(0, 3) != "\xEF\xBB\xBF" && text::find_invalid_utf8(bytes) == std::string_view::npos &&
         bytes.find('\0') == std::string_view::npos;
}

}  // namespace

model::Document build_text_document(std::string_view utf8, std::string_view name) {
  return build_lines(utf8, nullptr, name);
}


Result<model::Document> read_text(std::string_view bytes, std::string_view name) {
  // Valid UTF-8 without a BOM or a NUL (nearly every draft): decode_text would return a copy
  // of the bytes as they are; the document is built from the bytes themselves, so that a
  // large file is not held three times over (bytes, decoded copy, document text).
  if (plain_utf8(bytes)) {
    model::Document doc = build_text_document(bytes, name);
    doc.encoding = "UTF-8";
    return doc;
  }
  auto decoded = decode_text(bytes);
  if (!decoded.ok()) return decoded.error();
  model::Document doc = build_text_document(decoded->utf8, name);
  doc.encoding = decoded->encoding;
  return doc;
}

Result<model::Document> read_owned_text(std::string&& bytes, std::string_view name) {
  if (!plain_utf8(bytes)) return read_text(bytes, name);
  const std::string_view view = bytes;
  model::Document doc = build_lines(view, &bytes, name);
  doc.encoding = "UTF-8";
  return doc;
}

}  // namespace wenfeng::readers
