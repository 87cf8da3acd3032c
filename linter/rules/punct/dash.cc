// punct.dash — the dash is "——" (GB/T 15834-2011 4.9; SPEC.md §3 P6): not "--", "－－", three
// or more dashes, or dashes with a space between.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"破折号应写作“——”（两个“—”，中间无空格），不是“{found}”"},
};
constexpr model::Example kExamples[] = {{"我们的目标--让群众满意", "我们的目标——让群众满意"}};

// Every match holds "--", "－－", "———", "-—", "—-" or a — followed by white space.
bool may_have_dash(std::string_view t) {
  if (text::contains_any(t, {"--", "－－", "———", "-—", "—-"})) return true;
  for (std::size_t at = text::find_seq(t, "—"); at != text::npos; at = text::find_seq(t, "—", at + 3))
    if (at + 3 < t.size() && text::is_regex_space(text::cp_at(t, at + 3))) return true;
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex dash("(?<!-)--(?!-)|－－|—{3,}|—\\s+—|-—|—-");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_match(*dash, t, may_have_dash, [&](const std::vector<text::Match>& g) {
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", std::string(sv(t, g[0]))}}).replace_with("——");
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.dash",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "破折号",
    .summary = "破折号写作“——”",
    .description = "破折号写作“——”，不用“--”“－－”。每条结果带替换（fix）。",
    .measures = "指出错误的破折号，fix 为“——”。",
    .source = gbt15834("4.9 破折号"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
