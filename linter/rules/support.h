// Helpers shared by the rule files: the national standards as sources, compiled fixed
// patterns, and small text utilities. Each rule lives in its own file under
// linter/rules/<family>/ and registers itself (model/rule.h).
#pragma once

#include <initializer_list>
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
// Whether `t` is a date in Chinese numerals alone on its line ("二〇二六年一月二十日"): the
// scan of ^\s*[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日\s*$
// (\s: ICU's White_Space; $ also before a final line break, which is \s): no class holds
// what follows it, so the counted runs are greedy with nothing to give back
// (tests/rules/support_test.cc compares them).
bool is_chinese_date_line(std::string_view t);
// Whether `t` ends with an organ's name or 同志 (各, 人民政府, 委员会, 各部门, 各单位, 直属机构,
// 办公室, 办公厅, 局, 委, 厅, 部, 党组, 党委, 政府), then optional \s, one optional colon (： or :)
// and optional \s: format.addressee's pattern
// (各|人民政府|…|同志)\s*[：:]?\s*$ read by hand (tests/rules/rule_scans_test.cc compares them).
bool ends_with_organ(std::string_view t);

// (`Set`: text::CharSet or TailSet.)
template <typename Set, typename F>
bool has_number_range(std::string_view t, const Set& dashes, F unit_start);

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
// ICU's \d, exactly text::is_digit_nd, but answered without asking ICU for ASCII, for the
// full-width digits and for U+0080–U+065F and U+1C5A–U+A61F (Latin-1 … CJK, Han, kana and
// the full-width punctuation), where no Nd code point lies (tests/rules/support_test.cc
// compares it with text::is_digit_nd on every code point).
inline bool is_digit(char32_t c) {
  if (c < 0x80) return c - U'0' < 10u;
  if (c < 0x660 || (c >= 0x1C5A && c < 0xA620)) return false;
  if (c - 0xFF10u < 10u) return true;
  return text::is_nd(c);
}
// ICU's \s and White_Space, and the runs of them (text/scan.h, without asking ICU).
using text::is_icu_space;
using text::is_regex_space;
using text::run_back;
using text::run_forward;
using text::spaces_back;
using text::spaces_forward;
// The code point before `at` is a digit (cp_before and is_digit; false at 0).
inline bool digit_ends_at(std::string_view t, std::size_t at) {
  if (at == 0) return false;
  const auto b = static_cast<unsigned char>(t[at - 1]);
  if (b < 0x80) return static_cast<unsigned>(b - '0') < 10u;
  return is_digit(text::cp_before(t, at));
}
// The code point at `at` is a digit (false at the end).
inline bool digit_starts_at(std::string_view t, std::size_t at) {
  if (at >= t.size()) return false;
  const auto b = static_cast<unsigned char>(t[at]);
  if (b < 0x80) return static_cast<unsigned>(b - '0') < 10u;
  return is_digit(text::cp_at(t, at));
}

// The start of the first digit (is_digit) at or after `at` (a code point's start), or npos;
// code points stepped over as text::cp_at steps.
inline std::size_t next_digit(std::string_view t, std::size_t at) {
  while (at < t.size()) {
    const auto b = static_cast<unsigned char>(t[at]);
    if (b < 0x80) {
      if (static_cast<unsigned>(b - '0') < 10u) return at;
      ++at;
      continue;
    }
    std::size_t next;
    if (is_digit(text::cp_at(t, at, next))) return at;
    at = next;
  }
  return text::npos;
}

// The start of the first space (Unicode Zs, text::primary_class kSpace: U+0020, U+00A0,
// U+1680, U+2000–U+200A, U+202F, U+205F, U+3000) at or after `from` (a code point's start),
// or npos: candidates found by their last two or three bytes 32 or 16 at a time, so that the
// full-width marks sharing the spaces' lead bytes (、。《》“”—…) are passed over.
std::size_t find_space(std::string_view t, std::size_t from = 0);

// A set of up to 8 code points found by their ends, 32 (AVX2) or 16 (SSE2) candidate ends
// at a time: a member's last byte, and for a multi-byte member the byte before it too, must
// be there; each candidate is then compared whole. Two compares per multi-byte member and
// block (one for an ASCII one) and one load, where text::CharSet loads and compares first
// and last bytes for each member: for Chinese text, whose bytes are mostly CJK characters'
// and rarely a candidate's, about a third of the instructions. Members are whole code
// points, so in valid UTF-8 the first member found by its end is the first by its start.
class TailSet {
 public:
  // `leads`: bytes that are members by themselves, each standing for every code point that
  // starts with it (0xC3: U+00C0–U+00FF), found where that code point starts.
  TailSet(std::initializer_list<char32_t> cps, std::initializer_list<unsigned char> leads = {});
  // The start of the first member at or after `from`, or npos.
  std::size_t find(std::string_view t, std::size_t from = 0) const;
  bool in(std::string_view t) const { return find(t) != text::npos; }

 private:
  friend struct TailSetScan;
  unsigned char bytes_[8][4] = {};
  unsigned char len_[8] = {};
  int n_ = 0;
  std::size_t min_len_ = 4;
  std::uint64_t last_bits_[4] = {0, 0, 0, 0};  // the members' last bytes
  alignas(32) unsigned char last_[8][32] = {};  // each member's last byte 32 times
  alignas(32) unsigned char prev_[8][32] = {};  // and the byte before it (0 for ASCII)
  alignas(32) unsigned char any_prev_[8][32] = {};  // FF for an ASCII member: no byte before it to match
};

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

// Whether the dash `c` at [b, e) of `t` joins two numbers, the second followed by a unit
// (`unit_start` of the code point after it); "--" counts as one dash.
template <typename F>
bool range_at(std::string_view t, std::size_t b, std::size_t e, char32_t c, F unit_start) {
  if (!digit_before(t, b)) return false;
  std::size_t end = 0;
  if (c == U'-' && e < t.size() && t[e] == '-' && number_after(t, e + 1, end) && end < t.size() &&
      unit_start(text::cp_at(t, end)))
    return true;
  return number_after(t, e, end) && end < t.size() && unit_start(text::cp_at(t, end));
}

template <typename Set, typename F>
bool has_number_range(std::string_view t, const Set& dashes, F unit_start) {
  for (std::size_t b = dashes.find(t), e = 0; b != text::npos; b = dashes.find(t, e)) {
    const char32_t c = text::cp_at(t, b, e);
    if (range_at(t, b, e, c, unit_start)) return true;
  }
  return false;
}

}  // namespace wenfeng::rules
