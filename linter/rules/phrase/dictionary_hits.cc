#include "rules/phrase/dictionary_hits.h"

#include <string>

namespace wenfeng::rules {

void report_dictionary_hits(const lint::RuleContext& c) {
  const phrases::PhraseSet& set = *c.options.phrases;
  const auto& severities = c.profile.phrases.category_severity;
  for (const auto& h : c.m.hits) {
    const phrases::Entry& e = set.entries[h.entry];
    if (e.rule != c.rule.id || e.density_only) continue;
    const std::string found(c.doc.block_text(h.block).substr(h.begin, h.end - h.begin));
    std::string suggestion;
    if (!e.suggestion.empty()) suggestion = model::render_message(e.suggestion_format, {{"suggest", e.suggestion}});
    auto& d = c.report(h.block, h.begin, h.end, 0,
                       {{"found", found},
                        {"category", e.category},
                        {"suggestion", std::move(suggestion)},
                        {"note", e.note.empty() ? std::string() : "（" + e.note + "）"}},
                       &e.origin);
    d.message_template = e.message.c_str();
    d.severity = e.severity;
    if (auto cs = severities.find(e.category); cs != severities.end()) d.severity = cs->second;
    d.data = {{"list", e.list}, {"category", e.category}, {"entry", e.phrase}};
    if (e.variant != e.phrase) d.data.emplace_back("variant", e.variant);
    if (!e.suggestion.empty()) d.data.emplace_back("suggestion", e.suggestion);
    c.share(d.data);  // the same for every hit of the entry
    // A confusable with one plain replacement, matched as written (no gap, nothing between
    // its characters), is a mechanical fix: 布署 → 部署.
    auto plain = [](const std::string& s) {
      for (const char* mark : {" ", "…", "（", "(", "或", "/"})
        if (s.find(mark) != std::string::npos) return false;
      return !s.empty();
    };
    if (e.list == "confusable" && found == e.phrase && plain(e.suggestion)) d.replace_with(e.suggestion);
  }
}

}  // namespace wenfeng::rules
