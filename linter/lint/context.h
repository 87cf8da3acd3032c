// What a rule sees when it runs: the document, the profile and the kind, the measurements
// the driver computed once for the document, and an emitter that files its findings.
//
// Measurements are shared by every rule — the main-text paragraphs and their numbers, the
// title and lead, the body and its counts, bulletin items, pages, durations, and the phrase
// dictionaries' hits — so no rule recomputes them and all agree on them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/pages.h"
#include "model/body.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/kind.h"
#include "model/rule.h"
#include "phrases/scan.h"
#include "profiles/profile.h"

namespace wenfeng::phrases {
struct PhraseSet;
}

namespace wenfeng::lint {

struct TitleInfo;

// Settings of one lint run beside the profile.
struct Options {
  std::optional<std::string> medium;            // --medium tv
  const phrases::PhraseSet* phrases = nullptr;  // dictionaries; null = phrase rules off
  std::vector<std::string> ignore;              // .wenfeng.yaml ignore: phrases, categories, lists, rule ids
  // Rules to run, by id or family prefix ("length.", "duration."); empty = every rule.
  std::vector<std::string> only;
  // Threads for the rules of one large document (see lint_document); 1 = on the caller's.
  unsigned rule_threads = 1;
  // The document's title when the caller found it already (lint/body.h find_title with
  // title_endings of the same profile, for the same document), so it is found once per
  // check; null = found by measure.
  const TitleInfo* title = nullptr;
  // The entries of `phrases` that apply to this document (lint/phrase_set.h active_entries for
  // the profile, the kind and `ignore`), when the caller keeps them; null = found by measure.
  const std::vector<std::uint8_t>* active = nullptr;
};

struct Durations {
  std::optional<double> tv_seconds;      // when the medium is TV
  std::optional<double> speech_minutes;  // for speech kinds
  double tv_rate = 0;                    // 字/分钟 used for the estimates
  double speech_rate = 0;
};

// Computed once per document before any rule runs.
struct Measurements {
  std::vector<std::uint32_t> paragraphs;  // main-text blocks in reading order, no directive lines
  std::vector<std::uint32_t> numbers;     // for every block, its 1-based main-text paragraph number
  int title = -1;                         // first title block, or -1 (lint/body.h find_title)
  int title_last = -1;                    // last title block (a title may take two or three lines)
  int preamble_end = -1;                  // last block of the 版头 and title; the body's rules start after it
  int lead = -1;                          // lead paragraph, or -1
  std::vector<std::uint32_t> front;       // 版头 blocks (发文机关标志, 发文字号 …) before the title
  int dateline_block = -1;                // the lead paragraph when it opens with a 电头/byline …
  std::uint32_t dateline_end = 0;         // … and the byte just past it (and the spaces after it)
  model::Counts counts;                   // whole main text, Word-compatible
  model::Body body;                       // what limits count
  std::uint64_t body_figure = 0;          // body counts in the profile's unit
  layout::PageEstimate pages;
  Durations durations;
  bool has_items = false;                 // the kind splits into bulletin items
  std::vector<model::Item> items;
  std::vector<phrases::Hit> hits;         // dictionary hits in main-text paragraphs
  // The clauses of each long main-text paragraph (over kLongParagraph bytes), found once for
  // every rule that searches such a paragraph clause by clause (rules/support.h
  // for_each_clause): the byte offset of each "，" in it, in order. Sorted by block.
  static constexpr std::size_t kLongParagraph = 2048;
  std::vector<std::pair<std::uint32_t, std::vector<std::uint32_t>>> commas;
  // The offsets of the "，" in block `block`'s text when it is such a paragraph, else null.
  const std::vector<std::uint32_t>* commas_of(std::uint32_t block) const;
};

class RuleContext {
 public:
  RuleContext(const model::Document& d, const profiles::Profile& p, const model::KindChoice& k,
              const profiles::Kind* spec, const Measurements& ms, const Options& o, const model::RuleInfo& r,
              const profiles::RuleSetting& s, std::vector<model::Diagnostic>& out)
      : doc(d), profile(p), kind(k), kind_spec(spec), m(ms), options(o), rule(r), setting(s), out_(out) {}

  const model::Document& doc;
  const profiles::Profile& profile;
  const model::KindChoice& kind;
  const profiles::Kind* kind_spec;  // the profile's entry for the kind; null when unknown
  const Measurements& m;
  const Options& options;
  const model::RuleInfo& rule;
  const profiles::RuleSetting& setting;

  // The draft is a 公文 (a "document…" kind).
  bool is_document() const { return model::is_document_kind(kind.id); }
  // A parameter's value: the profile's, else the rule's declared default.
  double param(std::string_view name) const;
  // The kind's limit under a `limits:` key, or null.
  const profiles::Limit* limit(std::string_view key) const;

  // Files a finding of this rule over bytes [begin, end) of `block` with message template
  // `message` (an index into rule.messages). The returned reference is valid until the next
  // report(): set data, fix or a lower severity on it right away.
  model::Diagnostic& report(std::uint32_t block, std::size_t begin, std::size_t end, std::uint8_t message,
                            model::Args args, const model::RuleSource* source = nullptr) const;
  // Makes `p` share the block of equal pairs this rule filed before, when there are some:
  // the findings of a rule that say the same thing (each "," of a half-width copy, each hit
  // of one dictionary entry) hold their arguments and data once. report() does it for the
  // arguments; a rule calls it for data it sets on a finding.
  void share(model::Pairs& p) const;

 private:
  std::vector<model::Diagnostic>& out_;
  // Pairs filed before, by hash (a slot a hash, the last one in it), made once the rule has
  // filed kShareAfter of them: a rule with a handful of findings pays nothing.
  struct Seen {
    std::size_t hash = 0;
    model::Pairs pairs;
  };
  static constexpr std::size_t kSeen = 256, kShareAfter = 32;
  mutable std::unique_ptr<Seen[]> seen_;
  mutable std::size_t filed_ = 0;
};

}  // namespace wenfeng::lint
