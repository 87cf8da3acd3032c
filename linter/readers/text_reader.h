// Plain-text drafts: any supported encoding (see encoding.h), CRLF/CR/LF line ends, one
// paragraph per line. The first non-empty line becomes the title when it looks like one
// (short, no sentence-final punctuation).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace wenfeng::readers {

Result<model::Document> read_text(std::string_view bytes, std::string_view name);
// The same, taking the bytes: valid UTF-8 becomes the document's text in place (no copy).
Result<model::Document> read_owned_text(std::string&& bytes, std::string_view name);

// Builds a document from UTF-8 text already decoded (used by read_text and by tests).
model::Document build_text_document(std::string_view utf8, std::string_view name);

// Marks "wenfeng-ignore" directive lines (never counted) and records the suppressions they
// declare: "wenfeng-ignore [terms]" for the next paragraph, "wenfeng-ignore-begin [terms]"
// … "wenfeng-ignore-end" for a range. Terms narrow it to rules, lists, categories or phrases.
void apply_ignore_directives(model::Document& doc);

// True when a line reads like a title: ≤ 60 code points, no final 。！？；：，
bool looks_like_title(std::string_view line);

}  // namespace wenfeng::readers
