// Page estimate for DOCX from the layout itself, following Word's rules for Chinese
// documents (README "Pages"): paragraphs are broken into lines run by run (fonts and sizes
// resolved by the reader, metrics from layout/fonts.h, kinsoku, punctuation compression in
// justified lines, autoSpaceDE/DN and hanging trailing spaces), lines get their heights
// from the line spacing and the document grid,
// and paragraphs and table rows are paginated with widow/orphan control, keep with next,
// keep lines, breaks, sections, columns, header/footer heights and footnotes.
// WENFENG_LAYOUT_TRACE=1 (2: line by line) prints where each paragraph and row starts.
#pragma once

#include "layout/pages.h"
#include "model/document.h"

namespace wenfeng::layout {

// Pages as laid out; `lines` counts text lines. Call only for documents with sections.
PageEstimate estimate_docx_pages(const model::Document& doc);

// Whether docProps/app.xml names WPS Office as the application that saved the document:
// the estimate then follows WPS's layout where it differs from Word's.
bool saved_by_wps(const model::Document& doc);

}  // namespace wenfeng::layout
