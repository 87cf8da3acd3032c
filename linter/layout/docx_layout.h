// Page estimate for DOCX from the layout itself (docProps/app.xml's <Pages> is stale or
// absent in most files that reach a linter).
//
// Per section: page size, margins (and header/footer content pushing the body), columns,
// the document grid (line pitch; with linesAndChars/snapToChars the character pitch
// Normal size + charSpace/4096). Per paragraph: font size (largest run), single-line
// height from the fonts' metrics, line spacing auto/exact/atLeast, spacing before/after,
// indents (points or characters), snapToGrid; characters are 1 em (or one grid cell) for
// Han and full-width forms, Latin and digits from a width table; explicit page breaks,
// pageBreakBefore and section starts; table rows as tall as their tallest cell, cells as
// wide as tcW or an equal share; inline images by their extent.
#pragma once

#include "layout/pages.h"
#include "model/document.h"

namespace wenfeng::layout {

// Pages as laid out; `lines` counts text lines. Call only for documents with sections.
PageEstimate estimate_docx_pages(const model::Document& doc);

// Width of a code point in em for the Latin width table (Times/Liberation Serif-like).
double latin_width_em(char32_t c);

}  // namespace wenfeng::layout
