// Phrase dictionaries: data files under dictionaries/ (format in dictionaries/README.md),
// compiled into one immutable PhraseSet with a single Aho–Corasick automaton.
//
// An entry is a phrase ("高度重视"), or a gap pattern whose parts are joined by "…"
// ("在…的正确领导下": the parts in order, each gap at most `gap` characters inside one
// sentence), with a list, the rule that reports it and its message (both declared by the
// dictionary file: `@list`, `@rule`, `@message`, `@suggestion`), a category, a severity, a
// source, an optional suggestion, and optional context conditions (ICU regexes on the
// text right after or right before the match) that keep correct uses silent.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/diagnostic.h"
#include "phrases/matcher.h"
#include "text/regex.h"

namespace wenfeng::phrases {

struct Entry {
  std::string list;        // the list (`@list`): boilerplate, banned, confusable, or an issuer's own
  std::string rule;        // the registered rule that reports the entry (`@rule`)
  std::string message;     // message template (`@message`): {found} {category} {suggestion} {note}
  std::string suggestion_format;  // how a suggestion joins the message (`@suggestion`): {suggest}
  std::string category;
  std::string phrase;      // as written in the dictionary (display), alternations and all
  std::string variant;     // this entry's expansion of the pattern ("讲得都很好" of "讲得[都]很好")
  std::vector<std::string> parts;  // folded parts; one part for a plain phrase
  int gap = 12;            // max characters between parts of a gap pattern
  model::Severity severity = model::Severity::kWarning;
  std::string source;      // source note, expanded from its key
  model::RuleSource origin;  // as findings cite it: the source note and file:line
  std::string suggestion;
  std::string note;
  bool density_only = false;  // counts toward phrase.density, never reported alone
  std::vector<std::string> kinds;  // kind-id prefixes the entry applies to (empty = all;
                                   // an unknown kind gets every entry)
  std::shared_ptr<text::Regex> next, prev, not_next, not_prev;
  std::string file;
  int line = 0;
};

struct PhraseSet {
  std::vector<Entry> entries;
  Matcher matcher;
  // entries_by_pattern[p] = entries whose key (last part) is matcher pattern p.
  std::vector<std::vector<std::uint32_t>> entries_by_pattern;
  std::vector<std::string> files;
  std::vector<std::string> lists;  // the distinct list names, in order of first appearance
};

// Folds a phrase or text the way matching sees it: whitespace and invisible characters
// removed.
std::string fold(std::string_view s);

// The largest dictionary file read (shipped, --dictionaries, or named by a profile).
constexpr std::size_t kMaxDictionaryBytes = 16u << 20;

// Parses one dictionary file's text into entries (appended). `name` is used in errors
// ("dictionaries/x.dict:12: …"). `@rule` must name a registered phrase rule.
Status parse_dictionary(std::string_view text, const std::string& name, std::vector<Entry>& out);

// The variants a pattern stands for: "(甲|乙)" is either, "[甲]" is optional, "…" is a gap
// and stays in the variants: "讲得[都](很|非常)好" → 讲得很好, 讲得非常好, 讲得都很好, 讲得都非常好.
// At most kMaxVariants; an unbalanced bracket or too many variants is an error message.
inline constexpr std::size_t kMaxVariants = 128;
Result<std::vector<std::string>> expand_pattern(std::string_view pattern);

// One attribute of an entry (severity, suggest, note, gap, kinds, density_only, next, prev,
// not_next, not_prev) from its text; the error message, or empty.
std::string set_attribute(Entry& e, std::string_view key, std::string_view value);
// Appends one entry per variant of `proto.phrase` (attributes already set); the error message, or empty.
std::string add_entries(const Entry& proto, std::vector<Entry>& out);

// The half-width form web copies type for a full-width mark a pattern may hold (，：；（）“”‘’！？
// → , : ; ( ) " ' ! ?), or empty.
std::string_view halfwidth_of(char32_t c);
// The forms of a folded part the text may hold: as written and with its full-width marks
// typed half-width (every mix for up to three marks, else all one way or the other); the
// part alone when it holds none.
std::vector<std::string> punctuation_forms(std::string_view part);

// Loads every *.dict in the directory (sorted) and builds the automaton.
Result<std::shared_ptr<const PhraseSet>> load_phrase_set(const std::string& dir);
// Builds a set from entries (tests, benchmarks).
std::shared_ptr<const PhraseSet> build_phrase_set(std::vector<Entry> entries);

// The binary form a set has in the startup cache (base/cache.h); equal forms, equal sets.
std::string cache_form(const PhraseSet& set);

// $WENFENG_DICTIONARIES_DIR, else dictionaries/ in the data directory (base/data_dir.h).
std::string dictionaries_dir();

}  // namespace wenfeng::phrases
