// What a wenfeng comment says, as paragraphs of plain text: one finding (severity, message,
// measured figure and limit, rule id, source clause, fix written, count when grouped), and
// the summary comment on the title (profile, kind and how it was chosen, body, pages,
// durations, then the document-level findings).
#pragma once

#include <string>
#include <vector>

#include "lint/session.h"

namespace wenfeng::annotate {

enum class FixNote { kNone, kWritten, kNotWritten };

std::vector<std::string> finding_paragraphs(const model::Diagnostic& d, bool english, FixNote fix,
                                            std::size_t occurrences);

std::vector<std::string> summary_paragraphs(const lint::FileResult& f);

}  // namespace wenfeng::annotate
