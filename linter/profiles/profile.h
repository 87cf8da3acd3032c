// Per-issuer profiles: kinds of draft, their limits and prohibitions, reading rates and
// the body-count scope, each rule with its source. Profiles are YAML files under
// profiles/ (see profiles/README.md for the schema); `extends:` builds a chain from
// `national`. Loading never falls back silently: a broken profile is an Error with
// file:line:column.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/diagnostic.h"

namespace wenfeng::profiles {

// A numeric limit of a kind. Units: length.* in the profile's unit (字), duration.* in
// minutes, length.pages in pages.
struct Limit {
  std::string rule;        // length.body, length.item, length.item-research, length.items,
                           // length.pages, duration.tv, duration.speech
  double max = 0;
  bool soft = false;       // a labelled default where the issuer gave no number
  std::string note;        // why, for soft limits
  model::Severity severity = model::Severity::kError;
  model::RuleSource source;
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
  model::Severity severity = model::Severity::kInfo;
  std::string message;
  model::RuleSource source;
};

// How a bulletin issue splits into items.
struct ItemSpec {
  std::vector<std::string> title_patterns;   // ICU regexes on a paragraph; a heading also starts an item
  std::vector<std::string> research_markers; // words in a section heading or item title marking research items
  bool count_title = false;                  // include the item title in its count
  std::vector<ItemType> types;
};

struct Kind {
  std::string id;
  std::string name;         // Chinese description
  std::vector<std::string> title_keywords;  // a title containing one of these is this kind
  std::map<std::string, Limit> limits;  // by rule id
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

// Phrase dictionaries: which lists run, severities per category, allowed entries, and the
// boilerplate-density rule.
struct PhraseSettings {
  std::map<std::string, bool> lists = {{"boilerplate", true}, {"banned", true}, {"confusable", true}};
  std::map<std::string, model::Severity> category_severity;
  std::vector<std::string> allow;    // phrases, categories or lists never reported
  double density_per_1000 = 8;       // boilerplate hits per 1000 body 字; 0 = off
  std::uint64_t density_min_body = 300;  // shorter bodies are not judged
  model::Severity density_severity = model::Severity::kWarning;
};

struct RuleSetting {
  bool enabled = true;
  std::optional<model::Severity> severity;
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
  std::map<std::string, RuleSetting> rules;  // per rule id switches (later rule families)
  std::vector<std::string> notes;            // the issuer's rules that are not lintable
  // Reading markup drafts: XPath for title/body/items/kind of generic XML, and the main
  // content of HTML pages (the command line overrides both).
  std::map<std::string, std::string> xml_map;
  std::string html_selector;

  const Kind* kind(const std::string& kind_id) const {
    auto it = kinds.find(kind_id);
    return it == kinds.end() ? nullptr : &it->second;
  }
};

// Directories searched for profiles by id: $WENFENG_PROFILES_DIR, then the source tree's
// profiles/ (compiled-in), then ./profiles.
std::vector<std::string> profile_dirs();

// Loads a profile by id (searched in profile_dirs) or by path (contains '/' or ends .yaml).
Result<Profile> load_profile(const std::string& id_or_path);

// Ids of the profiles found in profile_dirs, sorted.
std::vector<std::string> list_profiles();

// .wenfeng.yaml: found by walking up from a checked file's directory.
struct ProjectConfig {
  std::string path;                 // the file found, empty if none
  std::optional<std::string> profile;
  std::optional<std::string> kind;
  std::optional<std::string> medium;
  std::optional<std::string> fail_on;
  std::vector<std::string> ignore;  // phrases/entries to ignore (used by phrase rules)
};
Result<ProjectConfig> find_project_config(const std::string& file_path);

}  // namespace wenfeng::profiles
