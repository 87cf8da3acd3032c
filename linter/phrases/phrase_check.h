// Runs the phrase dictionaries over a document: phrase.boilerplate, phrase.banned,
// typo.confusable and phrase.density.
//
// Each main-text paragraph is folded (whitespace and zero-width characters removed, with a
// map back to the original bytes) and scanned once by the automaton, so a phrase split by
// Word across runs, revisions or stray spaces is still found, and never across paragraphs.
// Gap patterns are completed by a bounded backward search within the sentence; context
// conditions are checked only on a hit. Overlapping hits keep the longest.
#pragma once

#include <vector>

#include "check/body.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"

namespace wenfeng::phrases {

struct Hit {
  std::uint32_t entry = 0;
  std::uint32_t block = 0;
  std::uint32_t begin = 0;  // original byte offsets in the block text
  std::uint32_t end = 0;
};

// All hits in main-text paragraphs (not directive lines), overlaps resolved.
std::vector<Hit> find_hits(const model::Document& doc, const PhraseSet& set);

// Findings for the hits under the profile's phrase settings; `body` and `body_figure` feed
// the density rule.
void check_phrases(const model::Document& doc, const PhraseSet& set, const profiles::PhraseSettings& settings,
                   const std::string& kind_id, const std::vector<check::Span>& body, std::uint64_t body_figure,
                   std::vector<model::Diagnostic>& out);

}  // namespace wenfeng::phrases
