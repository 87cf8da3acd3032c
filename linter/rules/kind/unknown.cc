// kind.unknown — the kind could not be determined, so no kind limit was checked.
#include <string>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"未能确定稿件类型（{reason}），未检查按类型规定的篇幅；请用 --kind 指定类型（wenfeng profiles {profile} 列出可用类型）",
     "Could not tell the kind of draft ({reason}); no kind limit was checked; give one with --kind (wenfeng profiles {profile} lists them)"},
};

void run(const lint::RuleContext& c) {
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
    .description = "既没有 --kind、.wenfeng.yaml、文档属性，分类器也无法判断时，提示用户指定类型；此时不检查按类型规定的篇幅。",
    .measures = "说明分类器看到了什么、缺什么。",
    .source = {"wenfeng", "稿件类型", "类型判定"},
    .messages = kMessages,
    .run = run,
})

}  // namespace wenfeng::rules
