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

// `t` without the ICU \s (White_Space) code points that end it.
std::string_view strip_spaces_back(std::string_view t) {
  while (!t.empty()) {
    std::size_t b;
    if (!is_icu_space(text::cp_before(t, t.size(), b))) break;
    t = t.substr(0, b);
  }
  return t;
}

}  // namespace

bool ends_with_organ(std::string_view t) {
  // Every name ends in a Han character, so a colon at the end can only be the optional one;
  // the longer names that end like a shorter one (各部门 and 部…) need no test of their own.
  std::string_view u = strip_spaces_back(t);
  if (u.ends_with("：")) u = strip_spaces_back(u.substr(0, u.size() - 3));
  else if (u.ends_with(':')) u = strip_spaces_back(u.substr(0, u.size() - 1));
  for (std::string_view w : {"各", "人民政府", "委员会", "各部门", "各单位", "直属机构", "办公室", "办公厅", "局", "委", "厅",
                             "部", "党组", "党委", "政府", "同志"})
    if (u.ends_with(w)) return true;
  return false;
}

namespace {

void run(const lint::RuleContext& c) {
  if (!c.is_document() || c.m.title < 0) return;
  for (auto bi : c.m.paragraphs) {
    if (static_cast<int>(bi) <= c.m.preamble_end) continue;
    const auto t = c.doc.block_text(bi);
    if (trim_left(t).empty()) continue;
    // Only the first non-empty paragraph after the title can be the 主送机关.
    std::size_t at = 0;
    const char32_t last = last_visible(t, at);
    if (text::codepoint_count(t) > 80 || t.find("。") != std::string_view::npos) return;
    if (!ends_with_organ(t) || last == U'：') return;
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
