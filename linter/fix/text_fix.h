// `check --fix` on text, XML and HTML drafts: the source file with the findings' mechanical
// fixes applied, in the file's own encoding (BOM kept) and with its line endings untouched
// (fixes never cross a line). A fix is applied only where the source bytes at the
// finding's place are exactly the characters the reader saw; where they are not (an
// entity such as &amp; or collapsed HTML whitespace before it in the same text node) it
// is skipped and counted, never guessed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/diagnostic.h"
#include "model/document.h"

namespace wenfeng::fix {

struct FixedSource {
  std::string bytes;          // the fixed file, in the source's encoding
  std::string before, after;  // the decoded text before and after (UTF-8), for --diff
  std::size_t applied = 0, skipped = 0;
  std::vector<bool> fixed;    // per finding: its fix was applied
};

// `source` is the file `doc` was read from (format text, xml, newsml or html).
Result<FixedSource> fix_source(std::string_view source, const model::Document& doc,
                               const std::vector<model::Diagnostic>& findings);

// The document's paragraphs (one line each) before and after the fixes: what --diff shows
// for formats whose fixed copy is not text (DOCX).
void fixed_paragraphs(const model::Document& doc, const std::vector<model::Diagnostic>& findings, std::string& before,
                      std::string& after);

}  // namespace wenfeng::fix
