// Helpers shared by the line-oriented and interchange formats (line, github, checkstyle,
// junit, rdjson, sarif): each finding with its positions, and the escaping those formats need.
#pragma once

#include <string>
#include <string_view>

#include "lint/session.h"
#include "report/position.h"

namespace wenfeng::report {

// Calls fn(diagnostic, position, span) for each finding of a checked file, in order; `span`
// is in `unit` (source_span).
template <class Fn>
void for_each_located(const lint::FileResult& f, ColumnUnit unit, Fn&& fn) {
  if (!f.report || !f.doc) return;
  const auto& findings = f.report->findings;
  const auto positions = locate(*f.doc, findings, f.report->m.numbers);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& d = findings[i];
    fn(d, positions[i], source_span(*f.doc, d.block, d.offset, d.length, positions[i].paragraph, unit));
  }
}

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
