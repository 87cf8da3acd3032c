// DOCX (WordprocessingML) reader: the final view of the document as Word shows it.
//
// - Text of w:t, w:tab, w:br/w:cr, w:noBreakHyphen, w:softHyphen and w:sym; runs,
//   proofErr, bookmarks, hyperlinks, smartTag, customXml and sdt content controls are
//   transparent, so a phrase split across any number of runs reads as one string.
// - Tracked changes accepted: w:ins/w:moveTo kept, w:del/w:moveFrom dropped; a deleted
//   paragraph mark joins the paragraph to the next one. Hidden text (w:vanish) and field
//   codes (w:instrText, nested) dropped; field results kept.
// - mc:AlternateContent read once: the first Choice whose Requires namespaces are
//   understood, else the Fallback.
// - Tables (role table-cell), text boxes (story textbox, right after their anchor
//   paragraph), footnotes, endnotes, headers, footers and comments as separate stories.
// - Automatic numbering rendered into Block::label; title/headings from styles.
// Source positions: part name, paragraph ordinal within the part (reading order), offset.
#pragma once

#include <string_view>

#include "base/result.h"
#include "model/document.h"
#include "readers/zip_archive.h"

namespace wenfeng::readers {

Result<model::Document> read_docx(std::string_view bytes, ZipLimits limits = {});

}  // namespace wenfeng::readers
