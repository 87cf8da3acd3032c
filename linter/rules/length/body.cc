// length.body — the body's length against the kind's limit, pointing at the first
// character over it.
#include <string>

#include "lint/body.h"
#include "rules/limits.h"
#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"正文 {figure} {unit}，超出{soft}上限 {limit} {unit}（多 {excess} {unit}）；类型 {kind}；从此处起超出上限{note}",
     "Body {figure} {unit}, over the {soft}limit of {limit} (by {excess}); kind {kind}; the excess starts here{note}"},
};
constexpr std::string_view kLimitKeys[] = {"length.body"};

void run(const lint::RuleContext& c) {
  const profiles::Limit* lim = c.limit("length.body");
  if (!lim) return;
  const std::uint64_t figure = c.m.body_figure;
  const auto max = static_cast<std::uint64_t>(lim->max);
  if (figure <= max) return;
  std::uint32_t block = static_cast<std::uint32_t>(std::max(c.m.title, 0)), offset = 0;
  lint::locate_unit(c.doc, c.m.body.spans, c.profile.unit, max, block, offset);
  const std::string u = unit_label(c.profile.unit);
  auto& d = c.report(block, offset, offset + to_sentence_end(c.doc.block_text(block), offset), 0,
                     {{"figure", std::to_string(figure)},
                      {"unit", u},
                      {"soft", lim->soft ? "默认软" : ""},
                      {"limit", std::to_string(max)},
                      {"excess", std::to_string(figure - max)},
                      {"kind", model::kind_note(c.kind)},
                      {"note", lim->soft ? "。说明：" + lim->note : ""}},
                     &lim->source);
  d.severity = lim->severity;
  d.document_level = true;
  d.data = {{"figure", std::to_string(figure)}, {"limit", std::to_string(max)},
            {"excess", std::to_string(figure - max)}, {"unit", c.profile.unit}, {"soft", lim->soft ? "true" : "false"}};
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "length.body",
    .family = model::Family::kLength,
    .severity = model::Severity::kError,
    .title = "正文篇幅",
    .summary = "正文字数与稿件类型的上限",
    .description = "按所选规范和稿件类型检查正文字数（默认 Word 兼容“字数”）。正文不含标题、电头（本报讯（记者…））、"
                   "编者按和图片说明（可在规范的 body_scope 中调整）。报告实测字数、上限、超出字数，并指向超出上限的第一个字。"
                   "上限、级别和依据来自规范中该类型的 limits.length.body；没有给出数字的规定用标明的默认软上限（soft）。",
    .measures = "data：figure（正文字数）、limit、excess、unit、soft。",
    .source = {"规范", "按稿件类型的限额", "见各规范 limits.length.body"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .limit_keys = kLimitKeys,
    .run = run,
})

}  // namespace wenfeng::rules
