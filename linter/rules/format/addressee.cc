// format.addressee — 主送机关: the line after the title ends with a full-width colon
// (GB/T 9704-2012 7.3.2).
#include "rules/support.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"主送机关最后一个机关名称后应标全角冒号“：”，不用半角“:”"},
    {"主送机关最后一个机关名称后应标全角冒号“：”"},
};
constexpr model::Example kExamples[] = {{"各乡镇人民政府，县政府各部门", "各乡镇人民政府，县政府各部门："}};

void run(const lint::RuleContext& c) {
  if (!c.is_document() || c.m.title < 0) return;
  static const FixedRegex organ(
      "(各|人民政府|委员会|各部门|各单位|直属机构|办公室|办公厅|局|委|厅|部|党组|党委|政府|同志)\\s*[：:]?\\s*$");
  for (auto bi : c.m.paragraphs) {
    if (static_cast<int>(bi) <= c.m.preamble_end) continue;
    const auto t = c.doc.block_text(bi);
    if (trim_left(t).empty()) continue;
    // Only the first non-empty paragraph after the title can be the 主送机关.
    std::size_t at = 0;
    const char32_t last = last_visible(t, at);
    if (text::codepoint_count(t) > 80 || t.find("。") != std::string_view::npos) return;
    text::Match m;
    if (!organ->search(t, m) || last == U'：') return;
    if (last == U':') {
      c.report(bi, at, at + 1, 0, {}).replace_with("：");
    } else {
      c.report(bi, at, at + utf8(last).size(), 1, {});
    }
    return;
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.addressee",
    .family = model::Family::kFormat,
    .severity = model::Severity::kError,
    .title = "主送机关",
    .summary = "主送机关后标全角冒号",
    .description = "GB/T 9704-2012 7.3.2：主送机关最后一个机关名称后标全角冒号。只看标题后的第一个非空段落；"
                   "半角冒号附带可安全替换的全角冒号（fix）。",
    .measures = "指出主送机关行末的字符。",
    .source = gbt9704("7.3.2 主送机关"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
