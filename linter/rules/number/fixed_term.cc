// number.fixed-term — quarters and weekdays written with Arabic digits (第3季度, 星期5): in
// these set terms the number is a Chinese numeral (GB/T 15835-2011 4.2.3; SPEC.md §3 N4:
// 定型词语 keep 汉字, 星期五). A warning in a 公文, a hint elsewhere; the fix writes the numeral.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"“{found}”是定型说法，其中的数字用汉字：“{fixed}”"},
};
constexpr model::Example kExamples[] = {{"2025年第4季度", "2025年第四季度"}, {"每周星期5下午", "每周星期五下午"}};

// The digit of a 季度 or 星期 as its numeral (季度 1–4, 星期 1–7 with 7 as 日), or "".
std::string numeral(char32_t d, bool weekday) {
  static constexpr std::u32string_view kAscii = U"1234567";
  static constexpr std::u32string_view kFull = U"１２３４５６７";
  static const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "日"};
  auto at = kAscii.find(d);
  if (at == std::u32string_view::npos) at = kFull.find(d);
  if (at == std::u32string_view::npos || at >= (weekday ? 7u : 4u)) return "";
  return kNumerals[at];
}

// Whether `t` holds 季度, 星期 or 礼拜: one pass over their first characters.
bool has_term(std::string_view t) {
  static const TailSet firsts = {U'季', U'星', U'礼'};
  for (std::size_t at = firsts.find(t); at != text::npos; at = firsts.find(t, at + 3)) {
    const std::string_view rest = t.substr(at);
    if (rest.starts_with("季度") || rest.starts_with("星期") || rest.starts_with("礼拜")) return true;
  }
  return false;
}

void run(const lint::RuleContext& c) {
  // A lone digit: not part of a number (13季度), a range (1-3季度, 1至3季度) or a list (1、2季度).
  static const FixedRegex term(
      "(?<![0-9０-９.．\\-－—～~至到、])(第)?([0-9０-９])(季度)(?![0-9０-９])|"
      "(?<![0-9０-９.．\\-－—～~至到、])(星期|礼拜)([0-9０-９])(?![0-9０-９])");
  const bool document = model::is_document_kind(c.kind.id);
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (!has_term(t)) continue;
    for_each_match(c.m.commas_of(bi), *term, t, [&](const std::vector<text::Match>& g) {
      // An unmatched group has no position in the text.
      auto part = [&](std::size_t k) {
        return g[k].begin <= g[k].end && g[k].end <= t.size() ? std::string(sv(t, g[k])) : std::string();
      };
      const bool weekday = !part(4).empty();
      char32_t d = 0;
      const std::string digit = part(weekday ? 5 : 2);
      for (const auto cp : text::code_points(digit)) d = cp.cp;
      const std::string n = numeral(d, weekday);
      if (n.empty()) return;
      const std::string fixed =
          weekday ? part(4) + n : part(1) + n + part(3);
      auto& f = c.report(bi, g[0].begin, g[0].end, 0, {{"found", std::string(sv(t, g[0]))}, {"fixed", fixed}});
      f.replace_with(fixed);
      if (!document) f.severity = model::Severity::kInfo;
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.fixed-term",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "定型说法用汉字数字",
    .summary = "季度、星期中的数字用汉字（第三季度、星期五）",
    .description = "GB/T 15835-2011：定型的词语中的数字用汉字。季度、星期写作“第三季度”“四季度”“星期五”，不写“第3季度”“星期5”；"
                   "公文中为警告，其他稿件为提示。数字范围（1—3季度）、多位数和列举（第1、2季度）不查。",
    .measures = "指出用阿拉伯数字写的季度、星期，并给出汉字写法（可自动修正）。",
    .source = gbt15835("4.2.3 已定型的含汉字数字的词语"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
