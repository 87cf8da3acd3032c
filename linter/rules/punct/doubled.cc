// punct.doubled — doubled or clashing 点号 (GB/T 15834-2011 5.1.2; SPEC.md §3 P10): ，， 。。
// 、、 and the like are errors; ？？ ！！ are allowed by the standard but avoided in 公文 (info).
#include <string>
#include <vector>

#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"标点重复或连用不当：“{found}”"},
    {"问号、叹号叠用在公文中应避免：“{found}”"},
};
constexpr model::Example kExamples[] = {{"请各单位认真落实，，按时报送。", "请各单位认真落实，按时报送。"}};
const model::RuleSource kQuestion = gbt15834("4.3、4.4 问号、叹号");

// Every match is two adjacent marks of ，。、；： (bit 1) or of ？！ (bit 2); the marks start
// with E3 or EF. One pass over `t` answers both.
constexpr std::u32string_view kHard = U"，。、；：";
constexpr std::u32string_view kSoft = U"？！";
unsigned adjacent_marks(std::string_view t) {
  unsigned found = 0;
  // Only the starts where a code point led by E3 or EF is followed by another are looked at
  // (punct_scan.h): every mark of both lists starts with E3 or EF and is three bytes, so a
  // mark followed by a Han character, or by “ ” (E2), is passed over in the block scan.
  punct::for_each_start<3>(t, punct::doubled_mask, punct::doubled_one, [&](std::size_t b) {
    const std::size_t e = b + 3;
    const char32_t ch = text::cp_at(t, b);
    const bool hard = kHard.find(ch) != std::u32string_view::npos;
    const bool soft = !hard && kSoft.find(ch) != std::u32string_view::npos;
    if (!hard && !soft) return e;
    const char32_t next = text::cp_at(t, e);
    if (hard && kHard.find(next) != std::u32string_view::npos) found |= 1;
    if (soft && kSoft.find(next) != std::u32string_view::npos) found |= 2;
    return found == 3 ? punct::kStop : b + 1;
  });
  return found;
}

// Calls fn(run, offset) for each run of two or more of `marks` in `t`: a match of the
// patterns below is made of marks only, and they have no look-around, so searching the
// runs finds the same matches.
template <typename F>
void for_each_run(std::string_view t, std::u32string_view marks, F fn) {
  static const text::ByteSet lead = {0xE3, 0xEF};
  std::size_t run_begin = 0, run_end = 0, count = 0;
  auto flush = [&] {
    if (count >= 2) fn(t.substr(run_begin, run_end - run_begin), run_begin);
    count = 0;
  };
  text::for_each_lead(t, lead, [&](char32_t ch, std::size_t b, std::size_t e) {
    if (marks.find(ch) == std::u32string_view::npos) return true;
    if (count == 0 || b != run_end) {
      flush();
      run_begin = b;
    }
    run_end = e;
    ++count;
    return true;
  });
  flush();
}

void run(const lint::RuleContext& c) {
  static const FixedRegex doubled("([，。、；：])\\1+|[，、；：][。，、；：]|。[，、；：]");
  static const FixedRegex doubled_soft("[？！]{2,}");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    const unsigned adjacent = adjacent_marks(t);
    if (adjacent & 1)
      for_each_run(t, kHard, [&](std::string_view r, std::size_t base) {
        doubled->for_each(r, [&](const std::vector<text::Match>& g) {
          c.report(bi, base + g[0].begin, base + g[0].end, 0, {{"found", std::string(sv(r, g[0]))}});
        });
      });
    if (adjacent & 2)
      for_each_run(t, kSoft, [&](std::string_view r, std::size_t base) {
        doubled_soft->for_each(r, [&](const std::vector<text::Match>& g) {
          c.report(bi, base + g[0].begin, base + g[0].end, 1, {{"found", std::string(sv(r, g[0]))}}, &kQuestion).severity =
              model::Severity::kInfo;
        });
      });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.doubled",
    .family = model::Family::kPunct,
    .severity = model::Severity::kError,
    .title = "标点连用",
    .summary = "点号重复或不当连用",
    .description = "“，，”“。。”等点号重复或不当连用为错误；“？？”“！！”在公文中提示避免。",
    .measures = "指出连用的标点。",
    .source = gbt15834("5.1.2 点号的连用"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
