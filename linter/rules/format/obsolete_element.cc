// format.obsolete-element — 主题词 (dropped in GB/T 9704-2012) and 抄报.
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"“主题词”是 1999 年标准的要素，GB/T 9704-2012 已删除，应去掉"},
    {"版记中应统一用“抄送”，不用“抄报”"},
};
constexpr model::Example kExamples[] = {{"主题词：农业　补贴　通知", "（删去主题词一行）"}};
const model::RuleSource kCopyTo = gbt9704("7.4.2 抄送机关");

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    const auto s = trim_left(t);
    const std::size_t at = t.size() - s.size();
    if (s.starts_with("主题词")) {
      c.report(bi, at, at + std::string_view("主题词").size(), 0, {});
    } else if (s.starts_with("抄报")) {
      c.report(bi, at, at + std::string_view("抄报").size(), 1, {}, &kCopyTo).severity = model::Severity::kInfo;
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.obsolete-element",
    .family = model::Family::kFormat,
    .severity = model::Severity::kError,
    .title = "已删除的要素",
    .summary = "主题词（2012 年已删除）；抄报（提示）",
    .description = "GB/T 9704-2012 删除了 1999 年标准中的“主题词”；版记中统一用“抄送”（“抄报”为提示级）。",
    .measures = "指出行首的“主题词”或“抄报”。",
    .source = gbt9704("前言 e)"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
