#include "lsp/text_buffer.h"

#include <algorithm>

namespace wenfeng::lsp {

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf32: return "utf-32";
    case Encoding::kUtf16: break;
  }
  return "utf-16";
}

std::uint32_t units(std::string_view s, Encoding e) {
  if (e == Encoding::kUtf8) return static_cast<std::uint32_t>(s.size());
  std::uint32_t n = 0;
  for (unsigned char c : s) {
    n += (c & 0xC0) != 0x80;
    if (e == Encoding::kUtf16) n += c >= 0xF0;  // a supplementary code point is a surrogate pair
  }
  return n;
}

std::size_t byte_offset(std::string_view s, std::uint32_t n, Encoding e) {
  if (e == Encoding::kUtf8) {
    std::size_t at = std::min<std::size_t>(n, s.size());
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;  // not inside a code point
    return at;
  }
  std::size_t at = 0;
  std::uint32_t seen = 0;
  while (at < s.size() && seen < n) {
    const auto c = static_cast<unsigned char>(s[at]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    seen += e == Encoding::kUtf16 && len == 4 ? 2 : 1;
    at = std::min(s.size(), at + len);
  }
  return at;
}

void TextBuffer::index() {
  starts_.assign(1, 0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      starts_.push_back(i + 1);
    }
  }
}

std::string_view TextBuffer::line(std::size_t i) const {
  if (i >= starts_.size()) return {};
  const std::size_t b = starts_[i];
  std::size_t e = i + 1 < starts_.size() ? starts_[i + 1] : text_.size();
  while (e > b && (text_[e - 1] == '\n' || text_[e - 1] == '\r')) --e;
  return std::string_view(text_).substr(b, e - b);
}

std::size_t TextBuffer::offset(std::uint32_t l, std::uint32_t character, Encoding e) const {
  if (l >= starts_.size()) return text_.size();
  return starts_[l] + byte_offset(line(l), character, e);
}

void TextBuffer::replace(std::size_t begin, std::size_t end, std::string_view text) {
  begin = std::min(begin, text_.size());
  end = std::clamp(end, begin, text_.size());
  text_.replace(begin, end - begin, text);
  index();
}

}  // namespace wenfeng::lsp
