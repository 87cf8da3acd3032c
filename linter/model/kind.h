// The kind of a draft (a profile's kind id) and how it was chosen.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace wenfeng::model {

enum class KindSource : std::uint8_t {
  kOption,      // --kind
  kConfig,      // .wenfeng.yaml
  kDocument,    // a property of the draft (DOCX custom property, category, XML)
  kClassifier,  // guessed from the title and lead: always labelled a guess
  kNone,        // not determined
};
const char* kind_source_name(KindSource s);  // "option", "config", "document", "classifier", "none"

struct KindChoice {
  std::string id = "unknown";
  KindSource source = KindSource::kNone;
  std::string reason;  // Chinese: what decided it
  bool guessed() const { return source == KindSource::kClassifier; }
  bool known() const { return id != "unknown"; }
};

// Kind-id families that carry meaning (profiles/README.md): "document…" kinds are 公文 (the
// format rules apply), "speech…" kinds are timed as speeches.
inline bool is_document_kind(std::string_view id) { return id.starts_with("document"); }
inline bool is_speech_kind(std::string_view id) { return id == "speech" || id.starts_with("speech."); }

// The kind as a finding mentions it: "news.member-research（推测：…；如不对请用 --kind 指定）".
std::string kind_note(const KindChoice& k);
// The kind as a summary line shows it: "news.member-research（推测：…）".
std::string kind_summary(const KindChoice& k);

}  // namespace wenfeng::model
