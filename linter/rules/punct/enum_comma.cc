// punct.enum-comma — 顿号 between quoted or 书名号 items, and inside approximations of
// adjacent numbers (GB/T 15834-2011; SPEC.md §3 P8, P9).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"并列的引号或书名号之间一般不用顿号"},
    {"相邻两个数字连用表示概数（如“{approx}”），中间不用顿号"},
};
constexpr model::Example kExamples[] = {{"学习《条例》、《规定》；用时三、四天", "学习《条例》《规定》；用时三四天"}};
const model::RuleSource kApprox = gbt15834("4.5.3.6 顿号（概数）");

// Whether some 、 has a code point of `before` right before it and one of `after` right after.
bool comma_between(std::string_view t, std::u32string_view before, std::u32string_view after) {
  for (std::size_t at = text::find_seq(t, "、"); at != text::npos; at = text::find_seq(t, "、", at + 3))
    if (at > 0 && at + 3 < t.size() && before.find(text::cp_before(t, at)) != std::u32string_view::npos &&
        after.find(text::cp_at(t, at + 3)) != std::u32string_view::npos)
      return true;
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex quoted_list("[》”]、[《“]");
  static const FixedRegex approx(
      "(?<![第十])([一二三四五六七八九])、([一二三四五六七八九])(?=[十百千万]?(?:[个天岁人次名位种项家户条]|年(?!级)))");
  static constexpr std::string_view kOrder = "一二三四五六七八九";
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (!text::contains(t, "、")) continue;
    for_each_match(*quoted_list, t, [](std::string_view s) { return comma_between(s, U"》”", U"《“"); }, [&](const std::vector<text::Match>& g) {
      const std::size_t comma = g[0].begin + 3;
      c.report(bi, comma, comma + 3, 0, {});
    });
    for_each_match(*approx, t, [](std::string_view s) { return comma_between(s, U"一二三四五六七八九", U"一二三四五六七八九"); },
                   [&](const std::vector<text::Match>& g) {
      // Adjacent numbers joined by 、 form an approximation (三四天), which takes no 顿号.
      // Ordinals are an abbreviation and keep it: 一、二级响应, 三、四月份, 五、六层, 一、二年级.
      const std::string_view a = sv(t, g[1]), b = sv(t, g[2]);
      if (kOrder.find(b) != kOrder.find(a) + 3) return;
      const std::size_t comma = g[1].end;
      c.report(bi, comma, comma + 3, 1, {{"approx", std::string(a) + std::string(b)}}, &kApprox).severity =
          model::Severity::kError;
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.enum-comma",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "顿号",
    .summary = "并列书名号、引号之间和概数中的顿号",
    .description = "并列的书名号、引号之间一般不用顿号；相邻数字连用表示概数（三四天）时不用顿号（错误；序数的缩略“一、二等奖”“一、二级”“三、四月”除外）。",
    .measures = "指出多余的顿号。",
    .source = gbt15834("4.5.3.5 顿号"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
