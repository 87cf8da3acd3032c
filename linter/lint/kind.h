// Choosing the kind of a draft, and saying how it was chosen.
//
// Order: --kind; .wenfeng.yaml; the document (DOCX custom property wenfeng.kind, then the
// core category when it names a known kind, then an XML kind); the classifier on the title
// and lead paragraph; else "unknown". The classifier follows the profile's `classifier:`
// data (profiles/national.yaml documents it); its choice is always labelled a guess and
// carries the words that decided it.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "lint/body.h"
#include "model/document.h"
#include "model/kind.h"
#include "profiles/profile.h"

namespace wenfeng::lint {

// The classifier alone (used by choose_kind and tests).
model::KindChoice classify(const model::Document& doc, const profiles::Profile& profile);
// The same with the document's title already found (find_title with title_endings(profile)).
model::KindChoice classify(const model::Document& doc, const profiles::Profile& profile, const TitleInfo& title);

// Returns an Error (usage) when an explicit kind is not declared by the profile. `title`, when
// given, is the document's title as find_title found it for this profile.
Result<model::KindChoice> choose_kind(const model::Document& doc, const profiles::Profile& profile,
                                      const std::optional<std::string>& option,
                                      const std::optional<std::string>& config, const TitleInfo* title = nullptr);

}  // namespace wenfeng::lint
