// Native rules on the text of a draft: official-document format (GB/T 9704-2012 and the
// 2012 条例), punctuation (GB/T 15834-2011), numbers (GB/T 15835-2011) and text hygiene.
// One function per rule family, one registration table (registry.cc). Each rule reads the
// document and appends Diagnostics; positions are byte offsets in a block's text.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace wenfeng::rules {

struct Context {
  const model::Document& doc;
  std::string kind;            // kind id ("unknown" when not known)
  int title = -1;              // title block, or -1
  std::vector<std::uint32_t> paragraphs;  // main-text blocks in reading order, no directives
  std::vector<std::uint32_t> numbers;     // model::paragraph_numbers(doc)
  bool is_document() const { return kind.rfind("document", 0) == 0; }
};

Context make_context(const model::Document& doc, const std::string& kind);

using RuleFn = void (*)(const Context&, std::vector<model::Diagnostic>&);

struct NativeRule {
  const char* family;   // "format", "punct", "number", "text"
  RuleFn run;
};

// Every native rule family, in the order they run.
const std::vector<NativeRule>& native_rules();

// Runs them all.
void run_native_rules(const Context& ctx, std::vector<model::Diagnostic>& out);

// Helpers shared by the rule files.
model::Diagnostic finding(const char* rule, model::Severity sev, std::uint32_t block, std::size_t begin,
                          std::size_t end, std::string message, model::RuleSource source);


// Sources of the national standards, by clause.
model::RuleSource gbt9704(const char* clause);
model::RuleSource gbt15834(const char* clause);
model::RuleSource gbt15835(const char* clause);
model::RuleSource tiaoli(const char* clause);

}  // namespace wenfeng::rules

#include "text/regex.h"

namespace wenfeng::rules {

// Compiles a pattern written in the source code (a bad pattern is a programming error,
// caught by the tests).
text::Regex fixed_regex(const char* pattern);

}  // namespace wenfeng::rules
