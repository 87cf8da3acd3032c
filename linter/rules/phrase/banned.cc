// phrase.banned — Xinhua's banned and cautioned words, with the suggested wording.
#include "rules/phrase/dictionary_hits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"新华社禁用/慎用词“{found}”{suggestion}{note}"}};
constexpr model::Example kExamples[] = {{"县长亲自到现场指挥。", "县长到现场指挥。"}};

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "phrase.banned",
    .family = model::Family::kPhrase,
    .severity = model::Severity::kWarning,
    .title = "新华社禁用、慎用词",
    .summary = "新华社禁用、慎用词",
    .description = "按新华社《新闻信息报道中的禁用词和慎用词》中与公务新闻相关的词条（dictionaries/banned.dict）给出替换建议；"
                   "仅适用于新闻的词条只在新闻类稿件中检查。",
    .measures = "data：list、category、entry、suggestion。",
    .source = {"新华社", "《新闻信息报道中的禁用词和慎用词》", "各词条注明版本"},
    .needs = model::Needs::kPhrases,
    .messages = kMessages,
    .examples = kExamples,
    .run = report_dictionary_hits,
})

}  // namespace wenfeng::rules
