// Helpers shared by the line-oriented and interchange formats (line, github, checkstyle,
// junit, rdjson, sarif): each finding with its positions, and the escaping those formats need.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/linter.h"
#include "lint/session.h"
#include "report/position.h"

namespace wenfeng::report {

// One occurrence of a group, located: its position and its span in the output's unit.
struct Occurrence {
  const model::Diagnostic* d = nullptr;
  const Position* p = nullptr;
  SourceSpan span;
};

// Calls fn(group) for each group of a checked file, in order: lint's grouping (one rule and
// severity in one paragraph; a finding alone is a group of one), `group` being a
// std::vector<Occurrence> of its occurrences in text order, the first one leading. Spans
// are in `unit` (source_span). Linear in the findings.
template <class Fn>
void for_each_group(const lint::FileResult& f, ColumnUnit unit, Fn&& fn) {
  if (!f.report || !f.doc) return;
  const auto& findings = f.report->findings;
  const auto positions = locate(*f.doc, findings, f.report->m.numbers);
  const auto next = lint::group_chains(findings);
  std::vector<Occurrence> group;
  for (std::uint32_t i = 0; i < findings.size(); ++i) {
    if (lint::group_leader(findings, i) != i) continue;
    group.clear();
    for (std::uint32_t m = i; m != lint::kGroupEnd; m = next[m]) {
      const auto& d = findings[m];
      group.push_back({&d, &positions[m], source_span(*f.doc, d.block, d.offset, d.length, positions[m].paragraph, unit)});
    }
    fn(static_cast<const std::vector<Occurrence>&>(group));
  }
}

// Calls fn(overview, span) for each rule firing in most paragraphs (lint::Report::overview),
// `span` being the start of the first paragraph it fires in.
template <class Fn>
void for_each_overview(const lint::FileResult& f, ColumnUnit unit, Fn&& fn) {
  if (!f.report || !f.doc) return;
  Locator at(*f.doc, f.report->m.numbers);
  for (const auto& d : f.report->overview) {
    const Position& p = at.next(d);
    fn(d, source_span(*f.doc, d.block, 0, 0, p.paragraph, unit));
  }
}

// What a group's message adds: "（本段同类共 12 处）" for a group of more than one, else "".
std::string group_note(std::size_t occurrences);
// "（本段同类共 12 处，此为第 3 处）" for occurrence `rank` (1-based) of a group, else "".
std::string occurrence_note(std::size_t rank, std::size_t occurrences);

// The span a finding's fix replaces.
inline SourceSpan fix_span(const lint::FileResult& f, const model::Diagnostic& d, const Position& p, ColumnUnit unit) {
  return source_span(*f.doc, d.block, d.offset + d.fix->offset, d.fix->length, p.paragraph, unit);
}

// Text safe in XML 1.0 attributes and content: & < > " ' escaped, control characters and
// bytes that are not UTF-8 replaced by U+FFFD.
std::string xml_escape(std::string_view s);
// Valid UTF-8: every byte that does not start a well-formed sequence becomes U+FFFD.
std::string utf8_sanitize(std::string_view s);
// A relative or absolute path as a URI reference: '/' kept, every byte outside RFC 3986's
// unreserved set percent-encoded; an absolute path becomes file:///….
std::string path_uri(std::string_view path);

}  // namespace wenfeng::report
