#include "readers/text_reader.h"

#include <cstring>

#include "readers/encoding.h"
#include "text/charclass.h"
#include "text/utf8.h"

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

bool is_blank(std::string_view line) {
  const char* p = line.data();
  const char* e = p + line.size();
  while (p < e) {
    const char32_t c = text::decode(p, e);
    if (!text::is_whitespace(c) && !text::is_invisible(c)) return false;
  }
  return true;
}

}  // namespace

model::Document build_text_document(std::string_view utf8, std::string_view name) {
  model::DocumentBuilder builder("text");
  builder.doc().text.reserve(utf8.size());
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
    if (!title_seen && !is_blank(content)) {
      title_seen = true;
      if (looks_like_title(content)) role = model::Role::kTitle;
    }
    model::Block& block = builder.open(model::Story::kMain, role, src, line, 1);
    // A form feed (as Word's and WPS's text export write it) is a page break: what follows
    // it starts a new page, as after <w:br w:type="page"/> in a DOCX paragraph.
    const auto ff = content.find('\f');
    block.page_break_before = page_break_pending || ff == 0;
    page_break_pending = ff != std::string_view::npos && ff != 0;
    builder.append(content);
    builder.close();
    if (j == utf8.size()) break;
    if (utf8[j] == '\r' && j + 1 < utf8.size() && utf8[j + 1] == '\n') ++j;
    i = j + 1;
    ++line;
    if (i == utf8.size()) break;  // a final line end does not start another paragraph
  }
  return builder.finish();
}

Result<model::Document> read_text(std::string_view bytes, std::string_view name) {
  auto decoded = decode_text(bytes);
  if (!decoded.ok()) return decoded.error();
  model::Document doc = build_text_document(decoded->utf8, name);
  doc.encoding = decoded->encoding;
  return doc;
}

}  // namespace wenfeng::readers
