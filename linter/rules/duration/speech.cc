// duration.speech — speaking time of a speech's body at the profile's speech rate.
#include "rules/limits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"讲话约 {duration}（正文 {figure} 字，按 {rate} 字/分钟估算），超出上限 {limit} 分钟（多 {over}，约合 {over_chars} 字）；类型 {kind}{band}"},
};
constexpr std::string_view kLimitKeys[] = {"duration.speech"};

void run(const lint::RuleContext& c) {
  if (!c.m.durations.speech_minutes) return;
  // A speech known only as a speech: the issuer's most lenient speech limit, said so.
  std::string generic;
  // (Not when the issuer's own limit is on `speech` itself, or no issuer below national set one.)
  if (c.kind.id == "speech")
    if (const profiles::Limit* lim = generic_speech_limit(c.profile, generic)) {
      report_duration(c, c.profile.speech_rate, false, lim,
                      "；类型只确定为一般讲话，按本规范讲话类最宽的上限（" + generic +
                          "）检查，如是其他领导讲话等请用 --kind 指定",
                      generic);
      return;
    }
  report_duration(c, c.profile.speech_rate, false);
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "duration.speech",
    .family = model::Family::kDuration,
    .severity = model::Severity::kError,
    .title = "讲话时长",
    .summary = "讲话稿的讲话时长",
    .description = "讲话类稿件按规范的讲话语速（默认 200 字/分钟，rates.speech）把正文字数换算成时长，与上限比较，"
                   "并给出 180–220 字/分钟的区间。上限和依据来自规范中该类型的 limits.duration.speech（max_minutes）；"
                   "只确定为一般讲话（speech）而该类型没有本规范自己的上限时，按规范讲话类最宽的上限检查并说明。"
                   "上级规范（如 national 的会议主报告 1 小时）被本规范改写的上限、以及 speech 类的上限仍然有效：超出的每个上限都写明依据，"
                   "级别取所超上限中最重的。",
    .measures = "data：seconds、limit_minutes、rate、figure、limit_chars；另超出其他上限时 also_exceeded（分钟:规范，逗号分隔；同一数字的几个规范用 + 连接）；其他规范的上限与所报上限数字相同时 same_limit（规范，逗号分隔）。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.duration.speech"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .limit_unit = "分钟",
    .run = run,
})

}  // namespace wenfeng::rules
