// Helpers shared by the rule files: the national standards as sources, compiled fixed
// patterns, and small text utilities. Each rule lives in its own file under
// linter/rules/<family>/ and registers itself (model/rule.h).
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/context.h"
#include "model/rule.h"
#include "text/regex.h"
#include "text/scan.h"

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

// A pattern written in the source code, compiled the first time it is used (most never
// are for a given draft: the prefilters skip them), so start-up does not pay for them.
class FixedRegex {
 public:
  explicit FixedRegex(const char* pattern) : pattern_(pattern) {}
  const text::Regex& operator*() const {
    std::call_once(once_, [this] { regex_.emplace(fixed_regex(pattern_)); });
    return *regex_;
  }
  const text::Regex* operator->() const { return &**this; }

 private:
  const char* pattern_;
  mutable std::once_flag once_;
  mutable std::optional<text::Regex> regex_;
};

// The UTF-8 text of one code point.
std::string utf8(char32_t c);
// The matched text.
inline std::string_view sv(std::string_view t, const text::Match& m) { return t.substr(m.begin, m.end - m.begin); }

// Prefilters for the pattern rules: a paragraph that fails one cannot hold a match, so
// the pattern engine never sees it. Each is a necessary condition of its pattern, exactly.
//
// Whether a number (\d+(?:\.\d+)?, ICU's \d) starts at `at` after optional \s; `end`
// gets the byte after the number and the \s that follows it.
bool number_after(std::string_view t, std::size_t at, std::size_t& end);
// The end of the number \d+(?:\.\d+)? (ICU's \d, greedy) starting at `at`, or npos when no
// digit is there.
std::size_t number_end(std::string_view t, std::size_t at);
// Whether a digit ends at `at` before optional \s.
bool digit_before(std::string_view t, std::size_t at);
// Whether some code point of `dashes` in `t` has a digit before it (over \s) and, after it,
// a number followed by a code point for which `unit_start` holds.
// Whether `t` ends with an organ's name or 同志 (各, 人民政府, 委员会, 各部门, 各单位, 直属机构,
// 办公室, 办公厅, 局, 委, 厅, 部, 党组, 党委, 政府), then optional \s, one optional colon (： or :)
// and optional \s: format.addressee's pattern
// (各|人民政府|…|同志)\s*[：:]?\s*$ read by hand (tests/rules/rule_scans_test.cc compares them).
bool ends_with_organ(std::string_view t);

template <typename F>
bool has_number_range(std::string_view t, const text::CharSet& dashes, F unit_start);

// The "，" offsets of a long paragraph as lint::Measurements::commas_of gives them, or null
// (then the helpers below find them).
using Commas = const std::vector<std::uint32_t>*;

// Calls fn(clause, offset) for the parts of `t` that for_each_match below hands the pattern
// engine: `t` itself when short, else each clause between two "，" that passes
// `prefilter`. For the scans that replace a pattern and keep its prefilter.
template <typename Pre, typename F>
void for_each_clause(Commas commas, std::string_view t, Pre prefilter, F&& fn) {
  if (t.size() <= lint::Measurements::kLongParagraph) {
    if (prefilter(t)) fn(t, std::size_t{0});
    return;
  }
  std::size_t k = 0;
  for (std::size_t from = 0; from <= t.size();) {
    std::size_t at;
    if (commas) {
      at = k < commas->size() ? (*commas)[k++] : t.size();
    } else {
      at = text::find_seq(t, "，", from);
      if (at == text::npos) at = t.size();
    }
    const std::string_view clause = t.substr(from, at - from);
    if (prefilter(clause)) fn(clause, from);
    from = at + 3;
  }
}
template <typename Pre, typename F>
void for_each_clause(std::string_view t, Pre prefilter, F&& fn) {
  for_each_clause(Commas{nullptr}, t, prefilter, fn);
}
// Calls fn(groups) for each match of `re` in `t`, as re.for_each(t, fn) does, but a long
// paragraph is searched clause by clause: no match of the rules' patterns contains a "，"
// and their look-arounds' classes leave it out, so the matches are the same, and the
// pattern engine sees only the clauses that pass `prefilter` (a giant paragraph is then
// searched where a match can be, not once per rule from end to end). Group offsets are
// in `t`. `commas`, when given, are the "，" of `t` (the whole block's text), found once
// for all rules.
template <typename Pre, typename F>
void for_each_match(Commas commas, const text::Regex& re, std::string_view t, Pre prefilter, F&& fn) {
  if (t.size() <= lint::Measurements::kLongParagraph) {
    if (prefilter(t)) re.for_each(t, fn);
    return;
  }
  for_each_clause(commas, t, prefilter, [&](std::string_view clause, std::size_t from) {
    re.for_each(clause, [&](const std::vector<text::Match>& g) {
      std::vector<text::Match> h = g;
      for (auto& m : h)
        if (m.begin != std::string_view::npos) m.begin += from, m.end += from;
      fn(h);
    });
  });
}
template <typename Pre, typename F>
void for_each_match(const text::Regex& re, std::string_view t, Pre prefilter, F&& fn) {
  for_each_match(Commas{nullptr}, re, t, prefilter, fn);
}
using text::is_icu_space;

// The same with no prefilter.
template <typename F>
void for_each_match(const text::Regex& re, std::string_view t, F&& fn) {
  for_each_match(re, t, [](std::string_view) { return true; }, fn);
}
template <typename F>
void for_each_match(Commas commas, const text::Regex& re, std::string_view t, F&& fn) {
  for_each_match(commas, re, t, [](std::string_view) { return true; }, fn);
}
// The first match of `re` in `t`, clause by clause as above.
template <typename Pre>
bool search_clauses(const text::Regex& re, std::string_view t, Pre prefilter, text::Match& m) {
  bool found = false;
  for_each_match(re, t, prefilter, [&](const std::vector<text::Match>& g) {
    if (!found) m = g[0];
    found = true;
  });
  return found;
}

// 。，；：、 and their half-width forms: marks that do not end a title or an attachment name.
bool is_final_punct(char32_t c);

// The first code point that is neither whitespace nor invisible, as a suffix view (empty if none).
std::string_view trim_left(std::string_view t);
// The last visible code point and its byte offset in `t` (0 when there is none).
char32_t last_visible(std::string_view t, std::size_t& at);

template <typename F>
bool has_number_range(std::string_view t, const text::CharSet& dashes, F unit_start) {
  for (std::size_t b = dashes.find(t), e = 0; b != text::npos; b = dashes.find(t, e)) {
    const char32_t c = text::cp_at(t, b, e);
    if (!digit_before(t, b)) continue;
    std::size_t end = 0;
    if (c == U'-' && e < t.size() && t[e] == '-' && number_after(t, e + 1, end) && end < t.size() &&
        unit_start(text::cp_at(t, end)))
      return true;
    if (number_after(t, e, end) && end < t.size() && unit_start(text::cp_at(t, end))) return true;
  }
  return false;
}

}  // namespace wenfeng::rules
