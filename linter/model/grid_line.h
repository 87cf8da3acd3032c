// A paragraph's shape on the page grid of the plain page estimate (layout/pages.h; GB/T
// 9704: 28 cells a line, 20 for a title, body paragraphs indented two cells), in half cells.
// Shared by layout, which chooses it, and count, which counts a paragraph's lines on it in
// its counting pass (count::count_text).
#pragma once

#include <cstdint>

namespace wenfeng::model {

struct GridLine {
  std::uint64_t per_line2 = 56;  // half cells a line
  std::uint64_t indent2 = 0;     // half cells before the first character
};

}  // namespace wenfeng::model
