#include "rules/phrase/dictionary_hits.h"

#include <string>

namespace wenfeng::rules {

bool entry_applies(const lint::RuleContext& c, const phrases::Entry& e) {
  const auto& settings = c.profile.phrases;
  if (auto it = settings.lists.find(e.list); it != settings.lists.end() && !it->second) return false;
  auto allowed = [&](const std::vector<std::string>& allow) {
    for (const auto& a : allow)
      if (a == e.phrase || a == e.category || a == e.list || a == e.rule) return true;
    return false;
  };
  if (allowed(settings.allow) || allowed(c.options.ignore)) return false;
  if (e.kinds.empty() || !c.kind.known()) return true;
  for (const auto& k : e.kinds)
    if (c.kind.id.rfind(k, 0) == 0) return true;
  return false;
}

void report_dictionary_hits(const lint::RuleContext& c) {
  const phrases::PhraseSet& set = *c.options.phrases;
  const auto& severities = c.profile.phrases.category_severity;
  for (const auto& h : c.m.hits) {
    const phrases::Entry& e = set.entries[h.entry];
    if (e.rule != c.rule.id || e.density_only || !entry_applies(c, e)) continue;
    const std::string found(c.doc.block_text(h.block).substr(h.begin, h.end - h.begin));
    std::string suggestion;
    if (!e.suggestion.empty()) suggestion = model::render_message(e.suggestion_format, {{"suggest", e.suggestion}});
    auto& d = c.report(h.block, h.begin, h.end, 0,
                       {{"found", found},
                        {"category", e.category},
                        {"suggestion", std::move(suggestion)},
                        {"note", e.note.empty() ? std::string() : "（" + e.note + "）"}},
                       &e.origin);
    d.message_template = e.message;
    d.severity = e.severity;
    if (auto cs = severities.find(e.category); cs != severities.end()) d.severity = cs->second;
    d.data = {{"list", e.list}, {"category", e.category}, {"entry", e.phrase}};
    if (!e.suggestion.empty()) d.data.emplace_back("suggestion", e.suggestion);
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
