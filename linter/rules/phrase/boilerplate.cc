// phrase.boilerplate — stock phrases (空话套话) from the dictionaries that declare this rule.
#include "rules/phrase/dictionary_hits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

// The second wording is for the editor's own entries (source J): the judgement is labelled ours.
constexpr model::Message kMessages[] = {{"空话套话“{found}”（{category}）{suggestion}{note}"},
                                        {"可能是空话套话“{found}”（{category}；编者判断，请结合文意取舍）{suggestion}{note}"}};
constexpr model::Example kExamples[] = {{"各单位要高度重视，狠抓落实。", "各单位要在5月10日前完成排查，逐项报送整改清单。"}};

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "phrase.boilerplate",
    .family = model::Family::kPhrase,
    .severity = model::Severity::kWarning,
    .title = "空话套话",
    .summary = "词典中的空话套话",
    .description = "按 dictionaries/ 中声明 @rule phrase.boilerplate 的词条（分类、来源、建议）查找空话套话；跨 Word 文本段、"
                   "修订和空格匹配，不跨段落。有出处的词条为警告，编者判断的词条为提示；宜春规范中一律为错误。",
    .measures = "data：list、category、entry（词条）、suggestion。",
    .source = {"wenfeng 词典", "dictionaries/boilerplate.dict", "各词条注明来源"},
    .needs = model::Needs::kPhrases,
    .messages = kMessages,
    .examples = kExamples,
    .run = report_dictionary_hits,
})

}  // namespace wenfeng::rules
