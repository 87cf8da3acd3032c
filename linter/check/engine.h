// `wenfeng check` for one document: choose the kind, measure the body, apply the
// profile's limits and prohibitions, and collect findings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/body.h"
#include "check/kind.h"
#include "count/counter.h"
#include "layout/pages.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "profiles/profile.h"

namespace wenfeng::phrases {
struct PhraseSet;
}

namespace wenfeng::check {

struct Options {
  std::optional<std::string> kind;    // --kind
  std::optional<std::string> medium;  // --medium tv
  const phrases::PhraseSet* phrases = nullptr;  // dictionaries; null = phrase rules off
  std::vector<std::string> ignore;    // .wenfeng.yaml ignore: phrases, categories, lists, rule ids
  bool native_rules = true;           // format / punct / number / text rules
};

struct Durations {
  std::optional<double> tv_seconds;      // when the medium is TV
  std::optional<double> speech_minutes;  // for speech kinds
  double tv_rate = 0;                    // 字/分钟 used for the estimates
  double speech_rate = 0;
};

struct Report {
  KindChoice kind;
  count::Counts counts;          // whole main text, Word-compatible
  count::Counts body_counts;     // the body as the profile's scope defines it
  std::uint64_t body_figure = 0; // body_counts in the profile's unit
  std::vector<std::string> excluded;
  layout::PageEstimate pages;
  Durations durations;
  std::size_t items = 0;         // bulletin items found
  std::vector<model::Diagnostic> findings;  // sorted by position
};

// Runs every kind-level rule. `kind` must come from choose_kind.
Result<Report> check_document(const model::Document& doc, const profiles::Profile& profile, const KindChoice& kind,
                              const Options& options);

// "2分57秒"
std::string format_duration(double seconds);

}  // namespace wenfeng::check
