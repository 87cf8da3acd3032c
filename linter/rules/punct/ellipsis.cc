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

// Calls fn(begin, end) for each match of
//   (?<![.\d])\.{3,}(?![.\d])|。{3,}|·{3,}|…{3,}|(?<!…)…(?!…)
// in `t`, in order, read by hand: every match is a whole run of one mark (a run of three or
// more; of "." only with no \d, ICU's Nd, on either side; a lone "…"), and none holds a "，",
// so the paragraph needs no splitting into clauses. Only paragraphs that pass
// may_have_ellipsis come here, so the code points are simply read in turn.
template <typename F>
void for_each_ellipsis(std::string_view t, F fn) {
  for (std::size_t p = 0; p < t.size();) {
    std::size_t e;
    const char32_t c = text::cp_at(t, p, e);
    if (c != U'.' && c != U'。' && c != U'·' && c != U'…') {
      p = e;
      continue;
    }
    std::size_t n = 1;
    for (std::size_t next; e < t.size() && text::cp_at(t, e, next) == c; e = next) ++n;
    bool match = n >= 3 || (c == U'…' && n == 1);
    // The code point before a run is not its mark; only a run of "." cares what it is.
    if (match && c == U'.')
      match = !(p > 0 && text::is_digit_nd(text::cp_before(t, p))) && !(e < t.size() && text::is_digit_nd(text::cp_at(t, e)));
    if (match) fn(p, e);
    p = e;
  }
}

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // A cheap whole-paragraph test first: one block scan for "..", "。。", "·" and "…"
    // (punct_scan.h), which every paragraph may_have_ellipsis passes holds.
    if (!punct::any_start<2>(t, punct::ellipsis_mask, punct::ellipsis_one) || !may_have_ellipsis(t)) continue;
    int chinese = -1;  // computed on the first ASCII dots
    for_each_ellipsis(t, [&](std::size_t begin, std::size_t end) {
      const std::string found(t.substr(begin, end - begin));
      // ASCII dots only in Chinese text.
      if (found[0] == '.') {
        if (chinese < 0) chinese = has_han(t);
        if (!chinese) return;
      }
      c.report(bi, begin, end, 0, {{"found", found}}).replace_with("……");
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
