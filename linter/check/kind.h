// Choosing the kind of a draft, and saying how it was chosen.
//
// Order: --kind; .wenfeng.yaml; the document (DOCX custom property wenfeng.kind, then the
// core category when it names a known kind); the classifier on the title and lead
// paragraph; else "unknown". The classifier's choice is always labelled a guess and
// carries the words that decided it.
#pragma once

#include <optional>
#include <string>

#include "model/document.h"
#include "profiles/profile.h"

namespace wenfeng::check {

struct KindChoice {
  std::string id = "unknown";
  std::string source = "none";  // option | config | document | classifier | none
  std::string reason;           // Chinese: what decided it
  bool guessed() const { return source == "classifier"; }
};

using model::lead_block;
using model::title_block;

// The classifier alone (used by choose_kind and tests). Kinds whose profile entry lists
// title_keywords are recognised first (issuer publications such as 《大兴信息》).
KindChoice classify(const model::Document& doc, const profiles::Profile* profile = nullptr);

// Returns an Error (usage) when an explicit kind is not declared by the profile.
Result<KindChoice> choose_kind(const model::Document& doc, const profiles::Profile& profile,
                               const std::optional<std::string>& option,
                               const std::optional<std::string>& config);

}  // namespace wenfeng::check
