// The lint pipeline for one document: measure once, run every enabled rule of the
// registry in family order, then one explicit final pass.
//
//   measurements  paragraphs and numbers, title and lead, counts, body, pages, durations,
//                 bulletin items, phrase hits (lint/context.h)
//   rules         each registered rule the profile leaves on and the document allows
//                 (kind rules need a known kind, phrase rules need dictionaries)
//   final pass    the profile's severities; suppressions (.wenfeng.yaml ignore, text
//                 directives, Word comments); rule interactions declared as `yields_to`
//                 (a generic finding over characters a more specific rule reported is
//                 dropped); overlapping fixes (the first keeps its fix); order by position;
//                 groups (one rule's findings in one paragraph) and, for a rule firing in
//                 most paragraphs, a document-level overview.
#pragma once

#include <vector>

#include "lint/context.h"
#include "model/kind.h"

namespace wenfeng::lint {

// What `check` found in one document. Diagnostics point into the profile and the phrase
// set (their sources): keep those alive as long as the report.
struct Report {
  model::KindChoice kind;
  Measurements m;
  std::vector<model::Diagnostic> findings;  // sorted by position; grouped by rule and paragraph (Diagnostic::count)
  // For a rule that fires in most paragraphs, one document-level finding that leads the
  // output ("全文 951 处半角标点"); its count is the rule's occurrences. Not counted again in
  // summaries: every occurrence is in `findings`.
  std::vector<model::Diagnostic> overview;
};

// `kind` comes from choose_kind. Never fails: problems with the inputs are caught when the
// profile and dictionaries load.
Report lint_document(const model::Document& doc, const profiles::Profile& profile, const model::KindChoice& kind,
                     const Options& options);

// Measurements alone, without running the rules (`with_hits`: also the dictionary hits).
Measurements measure(const model::Document& doc, const profiles::Profile& profile, const model::KindChoice& kind,
                     const Options& options, bool with_hits);

// "2分57秒"
std::string format_duration(double seconds);

}  // namespace wenfeng::lint
