// Per-issuer profiles: kinds of draft, their limits and prohibitions, reading rates and
// the body-count scope, each rule with its source. Profiles are YAML files under
// profiles/ (see profiles/README.md for the schema); `extends:` builds a chain from
// `national`. Loading never falls back silently: a broken profile is an Error with
// file:line:column.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/diagnostic.h"
#include "text/regex.h"

namespace wenfeng::profiles {

// A numeric limit of a kind. Units: length.* in the profile's unit (字), duration.* in
// minutes, length.pages in pages.
struct Limit {
  std::string rule;        // the limit key: one of the registered rules' limit_keys
                           // (length.body, length.item, length.item-research, …)
  double max = 0;
  bool soft = false;       // a labelled default where the issuer gave no number
  std::string note;        // why, for soft limits
  model::Severity severity = model::Severity::kError;
  model::RuleSource source;
  std::string profile;     // id of the profile that set this limit (issuer's own, or inherited)
};

// A kind-level prohibition: kind.not-reportable, kind.genre, kind.named-escorts.
struct Prohibition {
  std::string rule;
  model::Severity severity = model::Severity::kWarning;
  std::string message;
  std::vector<std::string> words;  // genre words for kind.genre
  model::RuleSource source;
};

// A type of bulletin item recognised by keywords in its title (a guess, labelled so).
struct ItemType {
  std::string id;
  std::string name;
  std::vector<std::string> keywords;
  // When not empty, a keyword is a signal only with one of these after it in the title
  // ("开展…活动"): a weak keyword such as 开展 alone says nothing of the type.
  std::vector<std::string> with;
  model::Severity severity = model::Severity::kInfo;
  std::string message;
  model::RuleSource source;
};

// How a bulletin issue splits into items.
struct ItemSpec {
  std::vector<std::string> title_patterns;   // ICU regexes on a paragraph; a heading also starts an item
  std::vector<std::shared_ptr<const text::Regex>> title_regexes;  // the same, compiled at load
  std::vector<std::string> research_markers; // words in a section heading or item title marking research items
  std::vector<std::string> research_patterns;  // ICU regexes on an item title marking a research item
  std::vector<std::shared_ptr<const text::Regex>> research_regexes;
  std::vector<std::string> research_sections;  // words in a section heading (栏目) marking its items as research
  std::vector<std::string> section_patterns;   // ICU regexes on a paragraph that is a section heading (栏目)
  std::vector<std::shared_ptr<const text::Regex>> section_regexes;
  bool count_title = false;                  // include the item title in its count
  std::vector<ItemType> types;
};

struct Kind {
  std::string id;
  std::string name;         // Chinese description
  std::vector<std::string> title_keywords;  // a title containing one of these is this kind
  std::map<std::string, Limit> limits;  // by limit key (a rule's limit_keys)
  // Limits of this kind that a profile nearer the issuer replaced, by limit key, nearest
  // first: they still bind (national's 1 hour behind an issuer's 30 minutes), and the
  // duration rules report each one exceeded. Soft defaults are not kept.
  std::map<std::string, std::vector<Limit>> inherited;
  std::vector<Prohibition> prohibitions;
  std::optional<ItemSpec> items;
  std::vector<std::string> notes;  // the issuer's rules for this kind that are not lintable
};

// What the body count leaves out (defaults: title, dateline/byline, editor's note, captions).
struct BodyScope {
  bool exclude_title = true;
  bool exclude_headings = false;
  bool exclude_dateline = true;
  bool exclude_editor_note = true;
  bool exclude_captions = true;
};

// A phrase, category or list a profile takes out of its phrase set (`remove:`) or never
// reports (`allow:`), with the issuer's reason.
struct PhraseException {
  std::string what;          // a phrase (as written, or one of its variants), a category, a list or a rule id
  std::string note;          // why: "宜春市开展的“求真务实”活动的名称"
  model::RuleSource source;  // whose decision (the profile's source and part)
  std::string profile;       // id of the profile that made it
  std::string where;         // file:line:column
};

// One of the issuer's own phrase entries as the profile writes it; compiled with the
// dictionaries into the profile's phrase set (lint/phrase_set.h), where a bad attribute is
// an error naming `where`.
struct PhraseEntry {
  std::string phrase;      // pattern syntax of dictionaries/README.md
  std::string rule;        // the reporting rule (default phrase.boilerplate)
  std::string list;        // default: the profile's id
  std::string message;     // default: the rule's message
  std::string category;
  std::string source;      // the source note shown; default: `origin` as text
  model::RuleSource origin;  // the profile's source with the entry's `part`
  std::vector<std::pair<std::string, std::string>> attributes;  // severity, suggest, note, gap, kinds …
  std::string file;
  int line = 0;
  std::string where;       // file:line:column
};

// Phrase dictionaries: which lists run (a list not named runs), severities per category,
// the issuer's own entries (inline or from its own dictionary files), the shipped entries it
// removes, and allowed entries. Everything is inherited along `extends:`. List names are
// those the dictionary files declare (`@list`); a session checks them, and that every
// removal names something, when it builds the profile's phrase set (phrases/profile_set.h).
struct PhraseSettings {
  std::map<std::string, bool> lists;
  std::map<std::string, std::string> list_where;  // "file:line:column" of each list switch
  std::map<std::string, model::Severity> category_severity;
  std::vector<std::string> allow;    // phrases, categories, lists or rules never reported
  std::vector<PhraseException> allowed;  // the same, with reasons, for `profiles` and `explain`
  std::vector<PhraseException> removed;  // entries taken out of the set
  std::vector<PhraseEntry> entries;      // the issuer's own entries
  struct File {
    std::string path;   // resolved against the profile file
    std::string where;  // file:line:column of the reference
  };
  std::vector<File> files;               // the issuer's own dictionary files
};

// A profile's setting of one registered rule: on/off, a severity, parameter values.
struct RuleSetting {
  bool enabled = true;
  std::optional<model::Severity> severity;
  std::map<std::string, double> params;  // validated against the rule's declared parameters
  // Severity in some kinds only (`kinds: {document: error}`): a kind id or a family ("document"
  // covers document and document.…) → severity. The longest matching key wins over `severity`.
  std::map<std::string, model::Severity> kind_severity;
  // The severity the profile gives this rule's findings in a draft of `kind_id` (none: the
  // rule's own).
  std::optional<model::Severity> severity_in(std::string_view kind_id) const;
  // The per-kind severities as text: "document 类（document、document.…）error".
  std::string kind_severity_text() const;
};

// A cue word of the classifier: `word`, unless right after one of `not_after` or right
// before one of `not_before` (县长, not in 副县长 or 县长助理).
struct Cue {
  std::string word;
  std::vector<std::string> not_after;
  std::vector<std::string> not_before;
};

// One category of cue words (who is reported, what is reported).
struct CueGroup {
  std::string id;               // "main-leader", "member"; "research", "meeting", …
  std::vector<Cue> cues;
};

// A (what, who) pair of a news report and the kind it makes; an empty `who` matches any.
struct NewsRule {
  std::string what;
  std::string who;
  std::string kind;
};

// How the classifier guesses a kind from the title and the lead paragraph (when no option,
// config or document property gives one). In order: the kinds' `title_keywords`; a title
// ending in a 文种 (or one of `document_endings`) is `document_kind`, unless an exception
// holds; `title_rules` (words in the title); then news reports by who × what.
struct Classifier {
  std::string document_kind = "document";
  std::vector<std::string> document_endings;  // besides the 文种
  // A title ending in `ending` and containing `title_has` is not a document (a research
  // report ending in 报告).
  struct Exception {
    std::string ending;
    std::string title_has;
  };
  std::vector<Exception> document_exceptions;
  struct TitleRule {
    std::string kind;
    std::vector<std::string> title_has;
  };
  std::vector<TitleRule> title_rules;
  std::vector<CueGroup> who;   // in priority order: the first group found decides who
  std::vector<CueGroup> what;  // in priority order
  std::vector<NewsRule> news;  // first match wins
  // A speech (the kind `speech`, from its title) made more precise by who gives it, read
  // from the title and the byline under it ("市长 李国强"): who group → kind.
  struct SpeechRule {
    std::string who;
    std::string kind;
  };
  std::vector<SpeechRule> speech;
};

// Domain vocabulary shared by rules and the classifier.
struct Vocabulary {
  // 《党政机关公文处理工作条例》第八条: the 15 文种 (命令 also written 令).
  std::vector<std::string> wenzhong;
  // Official titles (书记, 县长, 局长 …): a sentence naming 陪同 and one of these lists escorts.
  std::vector<std::string> official_titles;
};

struct Profile {
  std::string id;
  std::string name;
  std::string path;                 // file it was loaded from
  std::vector<std::string> chain;   // ids from this profile up to the root
  model::RuleSource source;
  std::string unit = "zishu";       // zishu | hanzi | chars_no_spaces
  double tv_rate = 290;             // 字/分钟
  double speech_rate = 200;
  BodyScope scope;
  PhraseSettings phrases;
  std::map<std::string, Kind> kinds;
  std::map<std::string, RuleSetting, std::less<>> rules;  // per rule id: on/off, severity, parameters (found by string_view)
  Vocabulary vocabulary;
  Classifier classifier;
  std::vector<std::string> notes;            // the issuer's rules that are not lintable
  // Reading markup drafts: XPath for title/body/items/kind of generic XML, and the main
  // content of HTML pages (the command line overrides both).
  std::map<std::string, std::string> xml_map;
  std::string html_selector;

  const Kind* kind(const std::string& kind_id) const {
    auto it = kinds.find(kind_id);
    return it == kinds.end() ? nullptr : &it->second;
  }
  // The setting of a rule (a default-constructed one when the profile says nothing).
  const RuleSetting& rule(std::string_view rule_id) const;
};

// Directories searched for profiles by id: $WENFENG_PROFILES_DIR, then profiles/ in the
// data directory (base/data_dir.h: installed, moved or in a checkout), then ./profiles.
std::vector<std::string> profile_dirs();

// Loads a profile by id (searched in profile_dirs) or by path (contains '/' or ends .yaml).
Result<Profile> load_profile(const std::string& id_or_path);

// The binary form a profile has in the startup cache (base/cache.h); equal forms, equal profiles.
std::string cache_form(const Profile& p);

// Ids of the profiles found in profile_dirs, sorted.
std::vector<std::string> list_profiles();

// .wenfeng.yaml: found by walking up from a checked file's directory.
struct ProjectConfig {
  std::string path;                 // the file found, empty if none
  std::optional<std::string> profile;
  std::optional<std::string> kind;
  std::optional<std::string> medium;
  std::optional<std::string> fail_on;
  std::vector<std::string> ignore;  // phrases, categories, lists or rule ids never reported
};
Result<ProjectConfig> find_project_config(const std::string& file_path);
// The .wenfeng.yaml that applies to `file_path` (walking up from its folder; "-" = the
// current folder), or "" when there is none.
std::string find_config_file(const std::string& file_path);
// Reads one configuration file; "" gives the empty configuration.
Result<ProjectConfig> load_project_config(const std::string& path);

}  // namespace wenfeng::profiles
