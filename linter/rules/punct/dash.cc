// punct.dash — the dash is "——" (GB/T 15834-2011 4.9; SPEC.md §3 P6): not "--", "－－", three
// or more dashes, or dashes with a space between.
#include <string>
#include <string_view>

#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"破折号应写作“——”（两个“—”，中间无空格），不是“{found}”"},
};
constexpr model::Example kExamples[] = {{"我们的目标--让群众满意", "我们的目标——让群众满意"}};

// The matches of (?<!-)--(?!-)|－－|—{3,}|—\s+—|-—|—-, in order: at each - or the first byte
// of — and －, the alternatives in turn; the search goes on from the end of a match. No match
// holds a "，", so a giant paragraph needs no splitting into clauses.
template <typename F>
void for_each_dash(std::string_view t, F fn) {
  constexpr std::string_view kEm = "—";
  auto at_em = [&](std::size_t at) { return t.compare(at, 3, kEm) == 0; };
  // The starts are found by punct_scan.h's block scan (a superset of - — －, tested here).
  punct::for_each_start<2>(t, punct::dash_mask, punct::dash_one, [&](std::size_t at) {
    std::size_t end = text::npos;
    if (t[at] == '-') {
      if (at + 1 < t.size() && t[at + 1] == '-' && (at == 0 || t[at - 1] != '-') && (at + 2 >= t.size() || t[at + 2] != '-'))
        end = at + 2;
      else if (at + 1 < t.size() && at_em(at + 1))
        end = at + 4;
    } else if (at_em(at)) {
      std::size_t run = at;
      while (run < t.size() && at_em(run)) run += 3;
      if (run - at >= 9) {
        end = run;
      } else {
        std::size_t n = 0;
        const std::size_t spaces = text::run_forward(t, at + 3, is_icu_space, n);
        if (n > 0 && at_em(spaces)) end = spaces + 3;
        else if (at + 3 < t.size() && t[at + 3] == '-') end = at + 4;
      }
    } else if (t.compare(at, 6, "－－") == 0) {
      end = at + 6;
    }
    if (end != text::npos) fn(at, end);
    return end != text::npos ? end : at + 1;
  });
}

// A "--" that is not a dash written with hyphens: the comment marker of a program listing
// (SQL, Lua: "id int -- 主键", "    -- 按月汇总", after an ASCII character and a space, or
// after the line's indentation), or a table cell's placeholder holding nothing but it.
// Listings pasted into Word often space with no-break spaces: those count as spaces here.
std::size_t blank_before(std::string_view t, std::size_t at) {  // bytes of spaces, tabs, NBSPs ending at `at`
  std::size_t b = at;
  while (b > 0) {
    if (t[b - 1] == ' ' || t[b - 1] == '\t') --b;
    else if (b >= 2 && t.compare(b - 2, 2, "\xC2\xA0") == 0) b -= 2;
    else break;
  }
  return at - b;
}
std::size_t blank_after(std::string_view t, std::size_t at) {
  std::size_t e = at;
  while (e < t.size()) {
    if (t[e] == ' ' || t[e] == '\t') ++e;
    else if (t.compare(e, 2, "\xC2\xA0") == 0) e += 2;
    else break;
  }
  return e - at;
}
bool code_or_placeholder(std::string_view t, std::size_t begin, std::size_t end) {
  if (blank_before(t, begin) == begin && end + blank_after(t, end) == t.size()) return true;  // "--" alone
  const std::size_t b = begin - blank_before(t, begin);
  if (b == 0 || t[b - 1] == '\n') return b < begin;  // indented, at the start of a line
  const auto prev = static_cast<unsigned char>(t[b - 1]);
  return b < begin && prev > ' ' && prev < 0x80;
}

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_dash(t, [&](std::size_t begin, std::size_t end) {
      if (end - begin == 2 && t[begin] == '-' && code_or_placeholder(t, begin, end)) return;
      c.report(bi, begin, end, 0, {{"found", std::string(t.substr(begin, end - begin))}}).replace_with("——");
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
