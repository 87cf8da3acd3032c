// text.stray-space — spaces between Chinese characters (NBSP and U+3000 included) and runs of
// spaces used for layout inside a line (GB/T 9704-2012 5.2.3). Indentation, trailing
// spaces, bylines "（记者 王晓）" and short name or signature lines are left alone.
#include <string>
#include <utility>
#include <vector>

#include "rules/support.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kBetweenHan, kLayout };
constexpr model::Message kMessages[] = {
    {"汉字之间有多余的{space}"},
    {"行内用 {run} 个空白字符排版；公文应使用段落格式而不是空格对齐"},
};
constexpr model::Example kExamples[] = {{"各单位要 认真落实", "各单位要认真落实"}};

const char* space_name(char32_t c) {
  if (c == U'\u3000') return "全角空格";
  if (c == U'\u00A0') return "不换行空格（NBSP）";
  if (c == U' ') return "空格";
  return "空白字符";
}

bool has_sentence_punct(std::string_view t) {
  for (const auto cp : text::code_points(t))
    switch (cp.cp) {
      case U'。': case U'，': case U'；': case U'：': case U'、': case U'！': case U'？':
      case U',': case U';': case U':': case U'!': case U'?':
        return true;
      default:
        break;
    }
  return false;
}

// Whether `t` holds a space (Unicode Zs: U+0020, NBSP, U+1680, U+2000–U+200A, U+202F,
// U+205F, U+3000), the only characters this rule reports; their first bytes are 20 C2 E1 E2 E3.
bool has_space(std::string_view t) {
  static const text::ByteSet lead = {0x20, 0xC2, 0xE1, 0xE2, 0xE3};
  return !text::for_each_lead(t, lead, [](char32_t ch, std::size_t, std::size_t) {
    return text::primary_class(ch) != text::kSpace;
  });
}

void run(const lint::RuleContext& c) {
  static const FixedRegex byline("[（(][^）)]{0,60}(?:记者|通讯员|摄影|摄|报道员|实习生)[^）)]{0,60}[）)]");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (!has_space(t)) continue;
    // Spaces inside a byline "（记者 王晓 通讯员 陈立）" follow newsroom convention. Found
    // when a run of spaces first needs it.
    std::vector<std::pair<std::size_t, std::size_t>> bylines;
    bool bylines_found = false;
    auto in_byline = [&](std::size_t at) {
      if (!bylines_found) {
        bylines_found = true;
        byline->for_each(t, [&](const std::vector<text::Match>& g) { bylines.emplace_back(g[0].begin, g[0].end); });
      }
      for (const auto& [a, b] : bylines)
        if (at > a && at < b) return true;
      return false;
    };
    // A short line (a name or signature line such as "副市长　高振华") uses spaces for layout.
    const bool short_line = text::codepoint_count(t) <= 16 && !has_sentence_punct(t);
    // Walk visible code points; a run of spaces is judged when the next visible one comes.
    bool leading = true;            // still in the indentation
    char32_t before = 0;            // the visible code point before the current run
    std::size_t run_len = 0, run_begin = 0, run_end = 0;
    char32_t run_first = 0;
    for (const auto cp : text::code_points(t)) {
      if (text::is_invisible(cp.cp)) continue;
      if (text::primary_class(cp.cp) == text::kSpace) {
        if (leading) continue;
        if (run_len == 0) {
          run_begin = cp.begin;
          run_first = cp.cp;
        }
        ++run_len;
        run_end = cp.end;
        continue;
      }
      if (leading && text::is_whitespace(cp.cp)) continue;  // tabs and breaks of the indentation
      if (run_len > 0 && !in_byline(run_begin) && !(short_line && run_len <= 2)) {
        if (text::is_cjk(before) && text::is_cjk(cp.cp)) {
          auto& d = run_len > 1 ? c.report(bi, run_begin, run_end, kLayout, {{"run", std::to_string(run_len)}})
                                : c.report(bi, run_begin, run_end, kBetweenHan, {{"space", space_name(run_first)}});
          if (run_len > 1) d.severity = model::Severity::kInfo;
          else d.replace_with("");
        } else if (run_len > 2) {
          c.report(bi, run_begin, run_end, kLayout, {{"run", std::to_string(run_len)}}).severity = model::Severity::kInfo;
        }
      }
      leading = false;
      run_len = 0;
      before = cp.cp;
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "text.stray-space",
    .family = model::Family::kText,
    .severity = model::Severity::kWarning,
    .title = "多余空格",
    .summary = "汉字之间的空格、行内用空格排版",
    .description = "汉字之间的空格（含全角空格和不换行空格）、行内用空格排版（提示级）；段首缩进、署名行和记者署名中的空格不查。"
                   "单个多余空格附带删除（fix）。",
    .measures = "指出空格；run 为连续空白字符数。",
    .source = gbt9704("5.2.3 行数和字数（版心内排版）"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
