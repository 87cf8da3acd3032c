// duration.tv — TV airtime of the body at the profile's TV rate, with --medium tv.
#include "rules/limits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"电视播报约 {duration}（正文 {figure} 字，按 {rate} 字/分钟估算），超出上限 {limit} 分钟（多 {over}，约合 {over_chars} 字）；类型 {kind}{band}"},
};
constexpr std::string_view kLimitKeys[] = {"duration.tv"};

void run(const lint::RuleContext& c) {
  if (c.m.durations.tv_seconds) report_duration(c, c.profile.tv_rate, true);
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "duration.tv",
    .family = model::Family::kDuration,
    .severity = model::Severity::kError,
    .title = "电视播报时长",
    .summary = "电视稿播报时长（--medium tv）",
    .description = "使用 --medium tv 时，按规范的电视语速（默认 290 字/分钟，rates.tv）把正文字数换算成播报时长，与稿件类型的上限比较。"
                   "上限和依据来自规范中该类型的 limits.duration.tv（max_minutes）。",
    .measures = "data：seconds（估算秒数）、limit_minutes、rate、figure（正文字数）、limit_chars（上限折合字数）。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.duration.tv"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .limit_unit = "分钟",
    .run = run,
})

}  // namespace wenfeng::rules
