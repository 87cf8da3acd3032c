// kind.unknown — the kind could not be determined, so no kind limit was checked; or a speech
// is known only as a speech, so the most lenient of the issuer's speech limits was.
#include <string>

#include "base/format.h"
#include "rules/limits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kUnknown, kGenericSpeech };
constexpr model::Message kMessages[] = {
    {"未能确定稿件类型（{reason}），未检查按类型规定的篇幅；请用 --kind 指定类型（wenfeng profiles {profile} 列出可用类型）",
     "Could not tell the kind of draft ({reason}); no kind limit was checked; give one with --kind (wenfeng profiles {profile} lists them)"},
    {"稿件只确定为一般讲话（{reason}），没有按讲话人分出讲话类型，按本规范讲话类最宽的时长上限 {limit} 分钟（{limit_kind}）检查；"
     "本规范的讲话类型：{kinds}，请用 --kind 指定",
     "Known only as a speech ({reason}), not by its speaker: checked against the issuer's most lenient speech limit of {limit} "
     "minutes ({limit_kind}); its kinds of speech: {kinds}; give one with --kind"},
};

// The issuer's kinds of speech with a time limit: "speech.main-leader（≤ 60 分钟）、speech.leader（≤ 40 分钟）".
std::string speech_kinds(const profiles::Profile& p) {
  std::string out;
  for (const auto& [id, k] : p.kinds) {
    auto it = k.limits.find("duration.speech");
    if (id.rfind("speech.", 0) != 0 || it == k.limits.end()) continue;
    out += (out.empty() ? "" : "、") + id + "（≤ " + short_number(it->second.max) + " 分钟）";
  }
  return out;
}

void run(const lint::RuleContext& c) {
  // A speech known only as a speech, where the issuer limits kinds of speech differently.
  std::string generic;
  if (c.kind.id == "speech" && c.kind.source == model::KindSource::kClassifier)
    if (const profiles::Limit* lim = generic_speech_limit(c.profile, generic)) {
      const auto anchor = static_cast<std::uint32_t>(std::max(c.m.title, 0));
      auto& d = c.report(anchor, 0, 0, kGenericSpeech,
                         {{"reason", c.kind.reason},
                          {"limit", short_number(lim->max)},
                          {"limit_kind", generic},
                          {"kinds", speech_kinds(c.profile)}},
                         &c.profile.source);
      d.document_level = true;
      d.data = {{"limit_minutes", short_number(lim->max)}, {"limit_kind", generic}};
      return;
    }
  if (c.kind.known()) return;
  const auto anchor = static_cast<std::uint32_t>(std::max(c.m.title, 0));
  c.report(anchor, 0, 0, 0,
           {{"reason", c.kind.reason.empty() ? std::string("没有可用线索") : c.kind.reason}, {"profile", c.profile.id}},
           &c.profile.source)
      .document_level = true;
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "kind.unknown",
    .family = model::Family::kKind,
    .severity = model::Severity::kInfo,
    .title = "未确定稿件类型",
    .summary = "无法确定稿件类型",
    .description = "既没有 --kind、.wenfeng.yaml、文档属性，分类器也无法判断时，提示用户指定类型；此时不检查按类型规定的篇幅。"
                   "讲话稿只看出是讲话、看不出讲话人，而规范对各类讲话规定了不同时长时，说明按最宽的上限检查，并提示指定类型。",
    .measures = "说明分类器看到了什么、缺什么。",
    .source = {"wenfeng", "稿件类型", "类型判定"},
    .messages = kMessages,
    .run = run,
})

}  // namespace wenfeng::rules
