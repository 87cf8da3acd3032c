// typo.confusable — confusable words, each with context conditions so that correct uses stay
// silent (dictionaries/confusable.dict).
#include "rules/phrase/dictionary_hits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"疑似用错“{found}”{suggestion}{note}"}};
constexpr model::Example kExamples[] = {{"严谨在林区吸烟。", "严禁在林区吸烟。"}};

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "typo.confusable",
    .family = model::Family::kTypo,
    .severity = model::Severity::kWarning,
    .title = "易混词",
    .summary = "易混词（截止/截至、严谨/严禁…）",
    .description = "截止/截至、严谨/严禁、反映/反应、启用/起用、部署/布署、既…又 等易混词；每个词条带上下文条件，正确用法不报。"
                   "只有一个明确写法、照原样匹配的词条附带替换（fix）。",
    .measures = "data：list、category、entry、suggestion（正确写法）。",
    .source = {"wenfeng 词典", "dictionaries/confusable.dict", "各词条注明来源"},
    .needs = model::Needs::kPhrases,
    .messages = kMessages,
    .fixable = true,  // an entry with one plain replacement, matched as written (rules/phrase/dictionary_hits.cc)
    .examples = kExamples,
    .run = report_dictionary_hits,
})

}  // namespace wenfeng::rules
