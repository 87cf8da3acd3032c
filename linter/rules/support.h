// Helpers shared by the rule files: the national standards as sources, compiled fixed
// patterns, and small text utilities. Each rule lives in its own file under
// linter/rules/<family>/ and registers itself (model/rule.h).
#pragma once

#include <string>
#include <string_view>

#include "lint/context.h"
#include "model/rule.h"
#include "text/regex.h"

namespace wenfeng::rules {

// Sources of the national standards, by clause.
model::RuleSource gbt9704(const char* clause);
model::RuleSource gbt15834(const char* clause);
model::RuleSource gbt15835(const char* clause);
model::RuleSource tiaoli(const char* clause);
// wenfeng's own proofreading rules (duplicates, mojibake).
model::RuleSource proofreading(const char* part);

// Compiles a pattern written in the source code (a bad pattern is a programming error,
// caught by the tests).
text::Regex fixed_regex(const char* pattern);

// The UTF-8 text of one code point.
std::string utf8(char32_t c);
// The matched text.
inline std::string_view sv(std::string_view t, const text::Match& m) { return t.substr(m.begin, m.end - m.begin); }

// 。，；：、 and their half-width forms: marks that do not end a title or an attachment name.
bool is_final_punct(char32_t c);

// The first code point that is neither whitespace nor invisible, as a suffix view (empty if none).
std::string_view trim_left(std::string_view t);
// The last visible code point and its byte offset in `t` (0 when there is none).
char32_t last_visible(std::string_view t, std::size_t& at);

}  // namespace wenfeng::rules
