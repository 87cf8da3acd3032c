// Findings written back into a copy of a DOCX: Word comments (批注) and tracked-change fixes.
//
// This is the library entry point behind `wenfeng annotate`, `check --annotate`,
// `check --fix` on DOCX and the web service's `POST /v1/annotate`:
//
//   lint::RunOptions o;
//   o.read.docx_run_map = true;             // the reader records where every character is
//   auto session = lint::Session::open(o, /*check=*/true);
//   lint::FileResult f = (*session)->check_buffer("稿.docx", bytes);   // or check(path, …)
//   annotate::settle_fixes(f);             // fixes that only appear once others are made
//   auto out = annotate::annotate_docx(bytes, f, {});
//   if (out.ok()) write(out->docx);  else report(out.error());
//
// What the copy holds:
// - every finding as a comment anchored on exactly its characters (runs are split where a
//   span starts or ends inside one; a span may cross runs, tracked insertions, hyperlinks,
//   fields; findings in tables, text boxes, footnotes and endnotes are anchored there);
//   the comment says the severity and message, the measured figure and the limit, the rule
//   id and the clause it comes from; a grouped finding (one rule repeated) is one comment
//   with the count;
// - document-level findings (body length, pages, duration, kind and how it was chosen) and
//   findings where Word allows no comment (headers, footers) in one comment on the title;
// - mechanical fixes (Diagnostic::fix) as w:del/w:ins revisions, so Word or WPS can accept
//   or reject each; fixes inside someone else's tracked insertion are left as comments;
// - author 文风, initials WF; re-annotating removes wenfeng's earlier comments (author and
//   initials both wenfeng's) and keeps every comment a person wrote.
//
// What stays as it was: every zip entry that needs no change is copied as stored
// (compressed bytes included); the parts that change (document.xml, footnotes, endnotes,
// comments.xml, their relationships and [Content_Types].xml) are edited at byte offsets
// recorded by the reader (model::TextOrigin), so markup outside the edited runs is kept
// byte for byte.
//
// Errors (Result): the Document was not read from a DOCX with the run map, or the package
// cannot be rewritten (a part in UTF-16, a damaged entry). Unreadable files (encrypted,
// legacy .doc, corrupt zip) already fail in the reader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "lint/session.h"

namespace wenfeng::annotate {

struct Options {
  bool comments = true;         // write findings as comments (false: --fix-only)
  bool fixes = true;            // write fixes as tracked changes (false: --no-fix)
  bool english = false;         // English messages where a rule has them
  std::string author = "文风";
  std::string initials = "WF";
  std::string date;             // w:date of comments and revisions (ISO 8601); empty = now, UTC
};

struct Stats {
  std::size_t comments = 0;           // comments written (a grouped finding is one)
  std::size_t findings = 0;           // findings they carry
  std::size_t fixes = 0;              // fixes written as revisions
  std::size_t fixes_skipped = 0;      // fixes left as comments (inside others' revisions, unmapped text)
  std::size_t removed_comments = 0;   // wenfeng's comments from an earlier run, replaced
};

struct Output {
  std::string docx;         // the new package
  Stats stats;
  std::vector<bool> fixed;  // per finding of the report: its fix was written as a revision
};

// Fixes that appear only once others are applied — a space before a half-width comma is a
// stray space once the comma is full-width — are found by linting the fixed text of the
// paragraphs that changed again (at most `rounds` more times) and added to the report as
// findings of the original text, with their fixes. Returns how many were added. Call it
// before annotate_docx (or fix::fix_source) so that accepting every revision leaves
// nothing a fix could still change.
std::size_t settle_fixes(lint::FileResult& checked, int rounds = 2);

// `checked` is the result of `check` on exactly these bytes, read with
// ReadOptions::docx_run_map. The input bytes are never modified.
Result<Output> annotate_docx(std::string_view docx, const lint::FileResult& checked, const Options& options);

}  // namespace wenfeng::annotate
