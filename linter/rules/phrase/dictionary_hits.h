// The reporting shared by the dictionary-backed rules (phrase.boilerplate, phrase.banned,
// typo.confusable): each reports the hits of the entries whose dictionary declared it
// (`@rule`), with the dictionary's message, under the profile's phrase settings.
#pragma once

#include "lint/context.h"
#include "phrases/dictionary.h"

namespace wenfeng::rules {

// Reports every hit of the entries declared for c.rule. The hits are those of the entries
// that apply to the draft (phrases/profile_set.h active_entries).
void report_dictionary_hits(const lint::RuleContext& c);

}  // namespace wenfeng::rules
