// The phrase set of one profile, and which of its entries apply to one draft.
//
// A profile's set is the shipped dictionaries minus the entries the profile (or a profile it
// extends) removes, plus the issuer's own entries (inline or from its own dictionary files);
// a profile that changes nothing shares the shipped set. Which entries apply is decided per
// draft before phrases are matched, so an entry for another kind (a news-only 隆重召开) or
// an allowed phrase never hides one that applies.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/kind.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"

namespace wenfeng::lint {

// Builds the profile's set over `base`. A bad entry, an unreadable dictionary, a list
// switched in `phrases.lists` or a removal that names nothing is an Error with the
// profile's (or the dictionary's) file:line.
Result<std::shared_ptr<const phrases::PhraseSet>> phrase_set_for(const std::shared_ptr<const phrases::PhraseSet>& base,
                                                                 const profiles::Profile& p);

// Whether an exception (remove/allow/ignore) names this entry: its phrase as written or
// this variant, its category, its list or its rule.
bool names_entry(const std::string& what, const phrases::Entry& e);

// One flag per entry of `set`: the entry's list is on, it is not allowed by the profile or
// `ignore` (.wenfeng.yaml), and it applies to the kind (an unknown kind gets every entry).
// `on_for_profile`, when given, is profile_entries(set, p), kept by the caller.
std::vector<std::uint8_t> active_entries(const phrases::PhraseSet& set, const profiles::Profile& p,
                                         const model::KindChoice& kind, const std::vector<std::string>& ignore,
                                         const std::vector<std::uint8_t>* on_for_profile = nullptr);
// The part of active_entries the profile alone decides, one flag per entry of `set`: the
// entry's list is on and the profile does not allow it. The same for every draft checked
// with the profile, so a batch finds it once.
std::vector<std::uint8_t> profile_entries(const phrases::PhraseSet& set, const profiles::Profile& p);

}  // namespace wenfeng::lint
