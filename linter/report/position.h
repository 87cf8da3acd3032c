// Where findings are, in the units each output needs, computed in one pass per document.
//
// Internally a finding is a byte range in a block's text. Outputs want the 1-based
// paragraph among main-text blocks (empty ones included), columns and lengths in code
// points (text, JSON), UTF-16 code units (LSP, SARIF) and bytes (editors' errorformat), and
// an excerpt. `locate` walks each block once over its findings (sorted by position), so
// the cost is linear in the document plus the excerpts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace wenfeng::report {

struct Position {
  std::uint32_t paragraph = 0;     // 1-based main-text paragraph
  std::uint32_t column = 0;        // 1-based, code points
  std::uint32_t length = 0;        // code points
  std::uint32_t column_utf16 = 0;  // 1-based, UTF-16 code units
  std::uint32_t length_utf16 = 0;
  std::uint32_t column_byte = 0;   // 1-based, bytes of UTF-8
  std::string excerpt;             // the text around the finding, with … where cut
  std::uint32_t excerpt_col = 0;   // code point offset of the finding inside the excerpt
};

// Positions findings one at a time, in the order of a report's findings (sorted by block,
// then offset), keeping a cursor in the current block: linear in the document, and
// renderers that stream need no vector of positions. A step back inside a long block (the
// occurrences of one group after another's) starts from the nearest of the block's marks,
// one every 4 KiB, made on the first such step; after that a long step forward jumps to a
// mark too: never a walk from the block's start again, nor over the block for each group.
// `numbers` is model::paragraph_numbers(doc); both must outlive the locator.
class Locator {
 public:
  Locator(const model::Document& doc, const std::vector<std::uint32_t>& numbers) : doc_(doc), numbers_(numbers) {}
  // The position of `d`; the reference is valid until the next call. With `excerpt` false
  // the excerpt is left as the previous call made it (columns and lengths only: a group's
  // other members in the text output).
  const Position& next(const model::Diagnostic& d, bool excerpt = true);

 private:
  const model::Document& doc_;
  const std::vector<std::uint32_t>& numbers_;
  struct Mark {
    std::uint32_t byte, cps, units;
  };
  struct Cursor {
    std::uint32_t block = UINT32_MAX, byte = 0, cps = 0, units = 0;
    std::vector<Mark> marks;  // when a long block was stepped back in
  };
  void seek(Cursor& c, std::string_view t, std::uint32_t begin);
  // The current block's cursor and the one before it: findings that alternate between two
  // blocks (a document-level finding anchored to the title between a long paragraph's) keep
  // both places.
  Cursor cur_, prev_;
  Position p_;
};

// Positions of `findings` (sorted by block, then offset), one per finding. `numbers` is
// model::paragraph_numbers(doc).
std::vector<Position> locate(const model::Document& doc, const std::vector<model::Diagnostic>& findings,
                             const std::vector<std::uint32_t>& numbers);

// A column unit: code points (text, JSON), UTF-16 code units (LSP, SARIF, GitHub), bytes of
// UTF-8 (Vim's errorformat, reviewdog).
enum class ColumnUnit : std::uint8_t { kCodepoint, kUtf16, kByte };

// A range in the source file as line-oriented tools see it, 1-based, end column exclusive.
// Text files: physical lines; markup (XML, HTML, ODT): the file's lines; DOCX: the main-text
// paragraph number as the line, columns within the paragraph. A markup line's columns before
// the block's first character are counted one unit each (tags and indentation are ASCII).
struct SourceSpan {
  std::uint32_t line = 1, column = 1, end_line = 1, end_column = 1;
};
SourceSpan source_span(const model::Document& doc, std::uint32_t block, std::uint32_t offset, std::uint32_t length,
                       std::uint32_t paragraph, ColumnUnit unit);
// source_span(…).column alone (the end of the range not worked out).
std::uint32_t source_column(const model::Document& doc, std::uint32_t block, std::uint32_t offset, ColumnUnit unit);

}  // namespace wenfeng::report
