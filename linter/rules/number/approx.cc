// number.approx — approximations written with digits (3、4天, 10几天 → 三四天, 十几天) and 约 …
// 左右 on one number (GB/T 15835-2011 4.2; SPEC.md §3 N2, N10).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"概数“{found}”应用汉字（如“三四天”“十几天”）"},
    {"“约”和“左右”同用于一个数，语义重复：“{found}”"},
};
constexpr model::Example kExamples[] = {{"用时3、4天，约300人左右", "用时三四天，约300人"}};
const model::RuleSource kAbout = gbt15835("4.2 概数和约数");

// Every reported approximation holds a digit、digit or a 几 next to a digit: paragraphs
// without one never reach the pattern.
bool may_have_approx(std::string_view t) {
  for (std::string_view mark : {std::string_view("、"), std::string_view("几")}) {
    const bool both = mark == "、";
    for (std::size_t at = text::find_seq(t, mark); at != text::npos; at = text::find_seq(t, mark, at + 3)) {
      const bool before = at > 0 && text::is_digit_nd(text::cp_before(t, at));
      const bool after = at + 3 < t.size() && text::is_digit_nd(text::cp_at(t, at + 3));
      if (both ? before && after : before || after) return true;
    }
  }
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex approx_digits("(?<!\\d)(\\d)、?(\\d)(?=(个|天|年|岁|人|次|月)(?![\\d]))|\\d+几|几\\d+");
  static const FixedRegex about("约\\s*[\\d０-９.．一二三四五六七八九十百千万亿两]+\\s*\\p{Han}{0,4}?左右");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_match(*approx_digits, t, may_have_approx, [&](const std::vector<text::Match>& g) {
      const std::string found(sv(t, g[0]));
      if (found.find("几") == std::string::npos) {
        // Only adjacent digits joined by 、 (3、4) form an approximation.
        if (found.find("、") == std::string::npos) return;
        const int a = t[g[1].begin] - '0', b = t[g[2].begin] - '0';
        if (b != a + 1) return;
      }
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", found}});
    });
    if (!text::contains(t, "左右") || !text::contains(t, "约")) continue;
    for_each_match(*about, t, [&](const std::vector<text::Match>& g) {
      c.report(bi, g[0].begin, g[0].end, 1, {{"found", std::string(sv(t, g[0]))}}, &kAbout).severity =
          model::Severity::kInfo;
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.approx",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "概数与约数",
    .summary = "概数用汉字；“约”和“左右”不同用",
    .description = "概数用汉字（三四天、十几天）；“约”和“左右”不同用于一个数（提示级）。",
    .measures = "指出概数或约数。",
    .source = gbt15835("4.2.2 概数"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
