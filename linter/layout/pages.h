// Page estimates. For now the GB/T 9704 grid (SPEC.md §2.1): A4, 版心 156 × 225 mm,
// 22 lines × 28 characters of 3号 (16 pt) text, titles at 2号 (22 pt, 20 characters a
// line); Han and full-width characters take one cell, other characters half a cell; body
// paragraphs indent two cells; an empty paragraph takes a line; an explicit page break
// starts a new page. An estimate, labelled as such wherever it is shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/grid_line.h"

namespace wenfeng::layout {

struct PageEstimate {
  double estimate = 0;           // pages, one decimal, rounded up
  std::uint64_t lines = 0;       // grid lines used
  std::optional<std::string> saved;     // docProps/app.xml <Pages>, as a cross-check only
  std::optional<std::string> saved_by;  // <Application>
  // The saved value looks stale: absent or zero; more than 2,500 characters of main text
  // to a saved page (no page at 10.5 pt holds that many; python-docx and other generators
  // keep their template's "1"); a saved "1" beside statistics never counted (no
  // characters saved for a document with text: WPS 10 keeps its template's "1" so; WPS 12
  // saves zero statistics beside a real page count); or Word's own page
  // marks in the text (w:lastRenderedPageBreak) show two or more pages beyond it; or the
  // main text cannot fit in one page more than it (every paragraph at least one line and
  // its tallest picture: DOCX only).
  bool saved_stale = false;
  // "word-layout" (DOCX), "wps-layout" (DOCX saved by WPS Office) or "gbt9704-grid" (text formats)
  std::string model = "gbt9704-grid";
  std::string method = "GB/T 9704 版心 22 行 × 28 字估算";
};

PageEstimate estimate_pages(const model::Document& doc);

// Whether estimate_pages uses the grid (every format but a DOCX with its sections' layout).
bool uses_grid(const model::Document& doc);
// A main-text block's line on the grid (a title's 20 cells, a body paragraph's indent).
model::GridLine grid_line(const model::Block& b);
// estimate_pages with the grid lines of every main-text, non-directive block already counted
// (`lines[i]` for block i, as count::count_text counts them on grid_line(block i)); unused without the grid.
PageEstimate estimate_pages(const model::Document& doc, const std::vector<std::uint64_t>& lines);

// Fills saved, saved_by and saved_stale from the document's properties; `rendered_pages`
// is how many pages Word's last layout marked in the main text at least (0: none marked; 2 when
// only table cells hold marks);
// `least_pages` the fewest pages the main text can take (0: not known).
void read_saved_pages(const model::Document& doc, PageEstimate& pe, std::uint64_t rendered_pages = 0,
                      double least_pages = 0);

// The saving application as docProps/app.xml <Application> names it: "WPS" (WPS Office),
// "Word" (Microsoft Word, Windows or Mac), else "".
std::string_view application_kind(std::string_view application);

// "（Word 保存 3 页）" beside an estimate when a saved value is present and not stale; the WPS
// model is named too ("（按 WPS 版式；WPS 保存 3 页）", "（按 WPS 版式）"); else "".
std::string saved_note(const PageEstimate& pe);

}  // namespace wenfeng::layout
