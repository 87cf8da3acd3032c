// An open document's text as the language server keeps it: UTF-8 bytes with a line index,
// LSP positions (line, character in the negotiated encoding) converted to byte offsets and
// back, and incremental edits applied in place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wenfeng::lsp {

// The position encoding agreed in `initialize` (LSP 3.17 PositionEncodingKind).
enum class Encoding : std::uint8_t { kUtf16, kUtf8, kUtf32 };
const char* encoding_name(Encoding e);  // "utf-16", "utf-8", "utf-32"

// Units of `e` in a valid UTF-8 string.
std::uint32_t units(std::string_view utf8, Encoding e);
// Byte offset in `utf8` after `n` units of `e` (clamped to the end; a position inside a
// surrogate pair or a code point moves to its end).
std::size_t byte_offset(std::string_view utf8, std::uint32_t n, Encoding e);

class TextBuffer {
 public:
  TextBuffer() { index(); }
  explicit TextBuffer(std::string text) : text_(std::move(text)) { index(); }

  const std::string& text() const { return text_; }
  std::size_t line_count() const { return starts_.size(); }
  // Line i without its line end (LF, CR LF or CR, as LSP counts lines).
  std::string_view line(std::size_t i) const;
  // The byte offset of an LSP position; past the end of a line means its end, past the last
  // line the end of the text.
  std::size_t offset(std::uint32_t line, std::uint32_t character, Encoding e) const;
  // Replaces bytes [begin, end) (an incremental didChange).
  void replace(std::size_t begin, std::size_t end, std::string_view text);

 private:
  void index();
  std::string text_;
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte
};

}  // namespace wenfeng::lsp
