// The reporting shared by the dictionary-backed rules (phrase.boilerplate, phrase.banned,
// typo.confusable): each reports the hits of the entries whose dictionary declared it
// (`@rule`), with the dictionary's message, under the profile's phrase settings.
#pragma once

#include "lint/context.h"
#include "phrases/dictionary.h"

namespace wenfeng::rules {

// Whether an entry's hit counts under the profile and options: its list switched on, not
// allowed (by phrase, category, list or rule), and applying to the kind.
bool entry_applies(const lint::RuleContext& c, const phrases::Entry& e);

// Reports every hit of the entries declared for c.rule.
void report_dictionary_hits(const lint::RuleContext& c);

}  // namespace wenfeng::rules
