// format.title — the title: no final punctuation; a 公文 title ends with one of the 文种;
// "请示报告" is not a 文种 (GB/T 9704-2012 7.3.1, 《条例》第八条、第九条).
#include <string>

#include "lint/body.h"
#include "rules/support.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kEndPunct, kQingshiBaogao, kNoWenzhong };
constexpr model::Message kMessages[] = {
    {"标题末尾不加标点符号（此处为“{found}”）"},
    {"“请示报告”不是法定文种：请示和报告是两个文种，应分别行文（请示一文一事，报告不夹带请示事项）"},
    {"公文标题应以文种结尾（{wenzhong}）"},
};
constexpr model::Example kExamples[] = {{"关于做好防汛工作的通知。", "关于做好防汛工作的通知"},
                                        {"关于申请专项资金的请示报告", "关于申请专项资金的请示"}};
const model::RuleSource kKinds = tiaoli("第八条（公文种类）");
const model::RuleSource kTitleElements = tiaoli("第八条、第九条（七）");

void run(const lint::RuleContext& c) {
  if (c.m.title < 0) return;
  // A title may take two or three lines: its end is the last line's.
  const auto bi = static_cast<std::uint32_t>(c.m.title_last);
  const auto t = c.doc.block_text(bi);
  std::size_t at = 0;
  const char32_t last = last_visible(t, at);
  if (last == 0) return;
  const bool doc = c.is_document();
  const bool exclaim = last == U'！' || last == U'？' || last == U'!' || last == U'?';
  const std::string last_char = utf8(last);
  if (is_final_punct(last) || (doc && exclaim)) c.report(bi, at, at + last_char.size(), kEndPunct, {{"found", last_char}});
  if (!doc) return;
  for (auto b = static_cast<std::uint32_t>(c.m.title); b <= bi; ++b)
    if (const auto pos = c.doc.block_text(b).find("请示报告"); pos != std::string_view::npos) {
      c.report(b, pos, pos + std::string_view("请示报告").size(), kQingshiBaogao, {}, &kKinds).severity =
          model::Severity::kError;
      return;
    }
  // The title without its trailing punctuation (already reported above). Besides the 文种,
  // the profile's document endings (办法, 规定 …: documents issued with a 印发 notice).
  // A web page's title may carry the 发文字号 in brackets after the 文种 ("…的通知(岳办发〔2017〕2号)").
  const std::string_view trimmed = lint::without_appended_doc_number(
      t.substr(0, is_final_punct(last) || last == U'！' || last == U'？' ? at : at + last_char.size()));
  std::string list;
  for (const auto* words : {&c.profile.vocabulary.wenzhong, &c.profile.classifier.document_endings})
    for (const auto& w : *words) {
      if (trimmed.size() >= w.size() && trimmed.substr(trimmed.size() - w.size()) == w) return;
      if (words == &c.profile.vocabulary.wenzhong) list += (list.empty() ? "" : "、") + w;
    }
  c.report(bi, 0, t.size(), kNoWenzhong, {{"wenzhong", list}}, &kTitleElements);
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.title",
    .family = model::Family::kFormat,
    .severity = model::Severity::kWarning,
    .title = "公文标题",
    .summary = "标题末尾无标点；公文标题以文种结尾；“请示报告”不是文种",
    .description = "GB/T 9704-2012 7.3.1 与《条例》第八条、第九条：标题末尾不加标点；公文标题以 15 种文种之一结尾"
                   "（文种表在规范的 vocabulary.wenzhong 中）；“请示报告”不是文种（错误）。",
    .measures = "指出标题末尾的标点，或整个标题。",
    .source = gbt9704("7.3.1 标题"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
