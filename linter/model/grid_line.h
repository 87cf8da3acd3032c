// A paragraph's shape on the page grid of the plain page estimate (layout/pages.h; GB/T
// 9704: 28 cells a line, 20 for a title, body paragraphs indented two cells), in half cells.
// Shared by layout, which chooses it, and count, which counts a paragraph's lines on it in
// its counting pass (count::count_text).
#pragma once

#include <algorithm>
#include <cstdint>

#include "text/charclass.h"

namespace wenfeng::model {

struct GridLine {
  std::uint64_t per_line2 = 56;  // half cells a line
  std::uint64_t indent2 = 0;     // half cells before the first character
};

// One paragraph's lines on a GridLine, fed a character at a time: a Han or full-width
// character (and U+3000) takes two half cells, another visible character one, a tab four;
// a line break (LF, VT, a kBreak character) ends a line, and every line takes at least one.
class GridLineCells {
 public:
  explicit GridLineCells(const GridLine& g) : per_line2_(g.per_line2), half_cells_(g.indent2) {}

  void ascii(unsigned char b) {
    if (b == '\n' || b == '\v') end_line();
    else if (b == '\t') half_cells_ += 4;
    else if (b >= 0x20 && b != 0x7F) half_cells_ += 1;
  }
  // A code point of U+0080 or above, with its primary class (text::kPrimaryMask applied).
  void other(char32_t cp, std::uint8_t primary) {
    if (primary == text::kBreak) end_line();
    else if (primary == text::kAsian || cp == U'\u3000') half_cells_ += 2;
    else if (primary != text::kInvisible && primary != text::kControlWs) half_cells_ += 1;
  }
  // The lines, the last one included; call once, at the end.
  std::uint64_t finish() {
    end_line();
    return lines_;
  }

 private:
  void end_line() {
    lines_ += std::max<std::uint64_t>(1, (half_cells_ + per_line2_ - 1) / per_line2_);
    half_cells_ = 0;
  }
  std::uint64_t per_line2_;
  std::uint64_t half_cells_;
  std::uint64_t lines_ = 0;
};

}  // namespace wenfeng::model
