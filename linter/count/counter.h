// Word-compatible counting (shared/domain/SPEC.md "Decisions" 1–3 and §1.1).
//
//   zishu            Word's 字数: 1 per Asian code point + 1 per maximal run of other
//                    non-whitespace code points (Latin words, digit runs, “ ” … — runs)
//   hanzi            Han ideographs only (CJK Unified, Extensions A–H, compatibility, 〇)
//   non_cjk_words    the runs counted above (Word's 非中文单词)
//   chars_no_spaces  code points that are neither whitespace nor invisible (字符数(不计空格))
//   chars_with_spaces  chars_no_spaces + spaces (Zs, incl. U+3000/NBSP) + manual line breaks
//   paragraphs       blocks with at least one counted character
//
// Invisible code points (BOM, ZWSP, variation selectors…) count nowhere and do not split a
// run; tab separates runs but counts nowhere.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/counts.h"
#include "model/document.h"
#include "model/grid_line.h"

namespace wenfeng::count {

using Counts = model::Counts;

// Counts one paragraph's text (`paragraphs` is set to 1 if it has any counted character).
Counts count_text(std::string_view utf8);

using GridLine = model::GridLine;

// count_text, and in the same pass the grid lines the paragraph takes (`lines`, as the
// grid estimate counts them: one line at least, a manual break ends one): the document is
// read once for both the counts and the page estimate (lint/linter.cc measure).
Counts count_text(std::string_view utf8, const GridLine& grid, std::uint64_t& lines);

// Which stories beside the main text are counted (each counted once).
struct Scope {
  bool notes = false;      // footnotes and endnotes
  bool textboxes = false;
  bool headers = false;    // headers and footers
  bool comments = false;
  bool includes(model::Story s) const;
};

Counts count_document(const model::Document& doc, const Scope& scope);

}  // namespace wenfeng::count

namespace wenfeng::count {

// The value of a Counts in a profile's unit ("zishu", "hanzi", "chars_no_spaces").
std::uint64_t in_unit(const Counts& c, std::string_view unit);

// Byte offset in `s` of the code point that starts unit number `n` (0-based) when counting
// in `unit`; s.size() when s holds n units or fewer. Used to point at the first character
// over a limit.
std::size_t offset_of_unit(std::string_view s, std::string_view unit, std::uint64_t n);

}  // namespace wenfeng::count
