// Finding the dictionaries' phrases in a document.
//
// Each main-text paragraph is folded (whitespace and zero-width characters removed, with a
// map back to the original bytes) and scanned once by the automaton, so a phrase split by
// Word across runs, revisions or stray spaces is still found, and never across paragraphs.
// Gap patterns are completed by a bounded backward search within the sentence; context
// conditions are checked only on a hit. Overlapping hits keep the longest. The rules that
// report hits (phrase.*, typo.confusable) live in linter/rules/phrase/.
#pragma once

#include <cstdint>
#include <vector>

#include "model/document.h"
#include "phrases/dictionary.h"

namespace wenfeng::phrases {

struct Hit {
  std::uint32_t entry = 0;
  std::uint32_t block = 0;
  std::uint32_t begin = 0;  // original byte offsets in the block text
  std::uint32_t end = 0;
};

// All hits in main-text paragraphs (not directive lines), overlaps resolved, in order.
// `active` (one flag per entry) leaves out the entries that do not apply to this draft —
// another kind's, an allowed phrase — before overlaps are resolved, so an entry that does
// not apply never hides one that does. Phrases mentioned rather than used — quoted alone
// (不用“隆重召开”) or inside a cited title (《关于进一步加强…的通知》) — are not hits of the
// phrase.* rules.
std::vector<Hit> find_hits(const model::Document& doc, const PhraseSet& set,
                           const std::vector<std::uint8_t>* active = nullptr);

}  // namespace wenfeng::phrases
