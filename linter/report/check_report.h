// Output of `wenfeng check`: compiler-style text with excerpts and carets, and JSON v1.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "check/engine.h"
#include "model/document.h"
#include "profiles/profile.h"

namespace wenfeng::report {

struct CheckedFile {
  std::string path;
  std::optional<Error> error;
  std::optional<model::Document> doc;
  std::optional<check::Report> report;
  std::string profile_id;
  std::string profile_name;
  std::vector<std::string> profile_chain;
};

// A finding's position for output: 1-based paragraph among main-text blocks (empty ones
// included), 1-based column and length in code points, and an excerpt.
struct Position {
  std::uint32_t paragraph = 0;
  std::uint32_t column = 0;
  std::uint32_t length = 0;
  std::string excerpt;        // the text around the finding
  std::uint32_t excerpt_col = 0;  // code point offset of the finding inside the excerpt
};
// `paragraphs` is paragraph_numbers(doc), computed once per document.
Position position_of(const model::Document& doc, const model::Diagnostic& d, const std::vector<std::uint32_t>& paragraphs);

std::string render_text(const std::vector<CheckedFile>& files, bool color);
std::string render_json(const std::vector<CheckedFile>& files, bool pretty);

}  // namespace wenfeng::report
