// What a wenfeng comment says, as paragraphs of plain text: one group of findings (one rule
// and severity in one paragraph; a single finding is a group of one) with its severity,
// message, measured figure and limit, how many occurrences and where the others are, which
// fixes were written, the rule id and source clause; and the summary comment on the title
// (profile, kind and how it was chosen, body, pages, durations, then the document-level
// findings and the overview of rules firing in most paragraphs).
#pragma once

#include <string>
#include <vector>

#include "lint/session.h"

namespace wenfeng::annotate {

enum class FixNote { kNone, kWritten, kNotWritten };

// One occurrence of a group: the finding and what became of its fix.
struct Member {
  const model::Diagnostic* d = nullptr;
  FixNote fix = FixNote::kNone;
};

// `members` is the group in text order, its leader first; `doc` is the document they are in
// (for the excerpts that say where the other occurrences are).
std::vector<std::string> group_paragraphs(const model::Document& doc, const std::vector<Member>& members, bool english);

// A rule firing in most paragraphs (lint::Report::overview), for the summary comment.
std::string overview_paragraph(const model::Diagnostic& d);

std::vector<std::string> summary_paragraphs(const lint::FileResult& f);

}  // namespace wenfeng::annotate
