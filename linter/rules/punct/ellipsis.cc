// punct.ellipsis — the ellipsis is "……" (GB/T 15834-2011 4.11; SPEC.md §3 P5): not "...",
// "。。。" or a single "…".
#include <string>
#include <vector>

#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"省略号应写作“……”（两个“…”，占两个字的位置），不是“{found}”"},
};
constexpr model::Example kExamples[] = {{"调研、座谈、走访...", "调研、座谈、走访……"}};

bool has_han(std::string_view t) {
  for (const auto cp : text::code_points(t))
    if (text::is_han(cp.cp)) return true;
  return false;
}

// Every match holds "...", "。。。", "···" or a run of … other than the correct two.
bool may_have_ellipsis(std::string_view t) {
  if (text::contains_any(t, {"...", "。。。", "···"})) return true;
  for (std::size_t at = text::find_seq(t, "…"); at != text::npos;) {
    std::size_t end = at;
    while (t.substr(end, 3) == "…") end += 3;
    if (end - at != 6) return true;
    at = text::find_seq(t, "…", end);
  }
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex ellipsis("(?<![.\\d])\\.{3,}(?![.\\d])|。{3,}|·{3,}|…{3,}|(?<!…)…(?!…)");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // A cheap whole-paragraph test first: one block scan for "..", "。。", "·" and "…"
    // (punct_scan.h), which every paragraph may_have_ellipsis passes holds.
    if (!punct::any_start<2>(t, punct::ellipsis_mask, punct::ellipsis_one) || !may_have_ellipsis(t)) continue;
    int chinese = -1;  // computed on the first ASCII dots
    for_each_match(c.m.commas_of(bi), *ellipsis, t, may_have_ellipsis, [&](const std::vector<text::Match>& g) {
      const std::string found(sv(t, g[0]));
      // ASCII dots only in Chinese text.
      if (found[0] == '.') {
        if (chinese < 0) chinese = has_han(t);
        if (!chinese) return;
      }
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", found}}).replace_with("……");
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.ellipsis",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "省略号",
    .summary = "省略号写作“……”",
    .description = "省略号写作“……”，不用“...”“。。。”或单个“…”。每条结果带替换（fix）。",
    .measures = "指出错误的省略号，fix 为“……”。",
    .source = gbt15834("4.11 省略号"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
