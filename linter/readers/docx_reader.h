// DOCX (WordprocessingML) reader: the final view of the document as Word shows it.
//
// - Text of w:t, w:tab, w:br/w:cr, w:noBreakHyphen, w:softHyphen and w:sym; runs,
//   proofErr, bookmarks, hyperlinks, smartTag, customXml and sdt content controls are
//   transparent, so a phrase split across any number of runs reads as one string.
// - Tracked changes accepted: w:ins/w:moveTo kept, w:del/w:moveFrom dropped; a deleted
//   paragraph mark joins the paragraph to the next one. Hidden text (w:vanish) and field
//   codes (w:instrText, nested) dropped; field results kept.
// - Equations (m:oMath) read as the characters Word shows (run text, delimiters, n-ary and
//   radical signs); each equation's range is a Document::suppressions
//   entry, so no prose rule reports inside a formula.
// - mc:AlternateContent read once: the first Choice whose Requires namespaces are
//   understood, else the Fallback.
// - Tables (role table-cell), text boxes (story textbox, right after their anchor
//   paragraph), footnotes, endnotes, headers, footers and comments as separate stories.
// - Automatic numbering rendered into Block::label; title/headings from styles.
// Source positions: part name, paragraph ordinal within the part (reading order), offset.
// With `run_map`, also where each piece of text is in the part's XML (Document::origins).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "readers/zip_archive.h"

namespace wenfeng::readers {

// A part's relationships (its _rels/NAME.rels), targets resolved to zip entry names;
// external targets are left out. Also used by the DOCX writer (annotate/).
struct Relationship {
  std::string type;  // last path segment of the Type URI ("styles", "footnotes", …)
  std::string target;
  std::string id;
};
std::vector<Relationship> read_rels(ZipArchive& zip, const std::string& rels_name, const std::string& base_dir);
// The main document part ("word/document.xml" unless the package relationships say otherwise).
std::string main_part_name(ZipArchive& zip);

Result<model::Document> read_docx(std::string_view bytes, ZipLimits limits = {}, bool run_map = false);

}  // namespace wenfeng::readers
