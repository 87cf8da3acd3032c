// number.year — a year cut short (24年3月, 九〇年) instead of 2024年 (GB/T 15835-2011 5.2.1;
// SPEC.md §3 N7).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"年份“{found}”应写全（如“2024年”），不能简写"}};
constexpr model::Example kExamples[] = {{"24年3月启动", "2024年3月启动"}};

bool is_cn_digit(char32_t d) { return std::u32string_view(U"〇零一二三四五六七八九").find(d) != std::u32string_view::npos; }

// Every match is a 年 after two digits of one kind (not after a third) and before a month.
bool may_have_short_year(std::string_view t) {
  for (std::size_t at = text::find_seq(t, "年"); at != text::npos; at = text::find_seq(t, "年", at + 3)) {
    std::size_t n = 0;
    std::size_t from = text::run_back(t, at, text::is_digit_nd, n, 0, 2);
    if (n != 2) from = text::run_back(t, at, is_cn_digit, n, 0, 2);
    if (n != 2) continue;
    const char32_t b = text::cp_before(t, from);
    if (from > 0 && (text::is_digit_nd(b) || is_cn_digit(b))) continue;
    if (at + 3 >= t.size()) continue;
    const char32_t m = text::cp_at(t, at + 3);
    if (text::is_digit_nd(m) || std::u32string_view(U"一二三四五六七八九十").find(m) != std::u32string_view::npos) return true;
  }
  return false;
}

void run(const lint::RuleContext& c) {
  static const FixedRegex short_year(
      "(?<![\\d〇零一二三四五六七八九])(\\d{2}|[〇零一二三四五六七八九]{2})年(?=\\d{1,2}月|[一二三四五六七八九十]{1,2}月)");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_match(*short_year, t, may_have_short_year, [&](const std::vector<text::Match>& g) {
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", std::string(sv(t, g[0]))}});
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.year",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "年份简写",
    .summary = "年份不能简写",
    .description = "年份不能简写（24年3月 → 2024年3月）。",
    .measures = "指出简写的年份。",
    .source = gbt15835("5.2.1 年份（不应简写）"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
