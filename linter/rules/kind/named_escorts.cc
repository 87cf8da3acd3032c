// kind.named-escorts — accompanying officials named in a research report (陪同 + a title in
// one sentence); a guess, labelled as one.
#include <string>
#include <utility>
#include <vector>

#include "rules/support.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"{message}：此句含“陪同”和职务“{title_word}”，疑似列出了陪同人员（按词语推测）；类型 {kind}"},
};
constexpr model::Example kExamples[] = {{"县交通运输局局长王强陪同调研。", "（不列陪同人员姓名）"}};

void run(const lint::RuleContext& c) {
  const auto& titles = c.profile.vocabulary.official_titles;
  for (const auto& p : c.kind_spec->prohibitions) {
    if (p.rule != c.rule.id) continue;
    for (const auto& s : c.m.body.spans) {
      const auto t = c.doc.block_text(s.block);
      std::size_t start = 0;
      for (const auto cp : text::code_points(t)) {
        if (!text::is_sentence_end(cp.cp) && cp.end != t.size()) continue;
        const auto sentence = t.substr(start, cp.end - start);
        const std::size_t a = start;
        start = cp.end;
        if (sentence.find("陪同") == std::string_view::npos) continue;
        // The title written first in the sentence (the one a reader sees first), the longer one
        // where two start at the same place.
        const std::string* title_word = nullptr;
        std::size_t first = std::string_view::npos;
        for (const auto& w : titles)
          if (const auto at = sentence.find(w);
              at != std::string_view::npos && (at < first || (at == first && w.size() > title_word->size()))) {
            title_word = &w;
            first = at;
          }
        if (!title_word) continue;
        auto& d = c.report(s.block, a, a + sentence.size(), 0,
                           {{"message", p.message}, {"title_word", *title_word}, {"kind", model::kind_note(c.kind)}},
                           &p.source);
        d.severity = p.severity;
        d.data = {{"title_word", *title_word}};
      }
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "kind.named-escorts",
    .family = model::Family::kKind,
    .severity = model::Severity::kWarning,
    .title = "陪同人员列名",
    .summary = "调研报道中列出陪同人员（推测）",
    .description = "调研报道中陪同的部门和地方负责同志不列名：正文中同时含“陪同”和职务称谓（规范 vocabulary.official_titles）"
                   "的句子会被指出（按词语推测，会注明）。",
    .measures = "指出句子；data.title_word 为其中的职务称谓。",
    .source = {"规范", "按稿件类型的规定", "见各规范 prohibitions"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .prohibition = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
