// format.numbering — 结构层次序数 一、 （一） 1. （1）: the form of each level, the order of
// levels, and gaps and repeats within a sequence, for typed ordinals and for the labels
// Word's automatic numbering generates (GB/T 9704-2012 7.3.3 正文).
#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/numerals.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kForm, kOrder, kRepeat, kGap, kStart };
constexpr model::Message kMessages[] = {
    {"第{level}层序数应写作“{fix}”，不是“{found}”{auto}（层次序数依次为 一、（一） 1. （1））"},
    {"层次序数顺序颠倒：“{this}”一层首次出现在“{deeper}”一层之后；顺序应为 一、→（一）→ 1. →（1）{auto}"},
    {"序数重复：“{found}”与上一个同层序数相同{auto}"},
    {"序数跳号：上一个同层序数是 {last}，这里是 {number}，缺 {expected}{auto}"},
    {"序数从 {number} 开始，前面没有同层的 1{auto}"},
};
constexpr model::Example kExamples[] = {{"一、总体要求\n（一）工作目标\n三、保障措施", "一、总体要求\n（一）工作目标\n二、保障措施"}};


struct Ordinal {
  int level = 0;      // 1..4
  int number = 0;
  std::size_t start = 0;   // where the ordinal begins, after the paragraph's indentation
  std::size_t length = 0;  // bytes of the scanned text up to the ordinal's end
  std::string wrong;  // non-empty when the form is wrong: what to write instead
  std::string text;
};

const char* kLevelForm[] = {"", "一、", "（一）", "1.", "（1）"};

bool is_cn_numeral(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七': case U'八': case U'九': case U'十':
      return true;
    default:
      return false;
  }
}

// The ordinal at the start of `t` (after white space), one of
//   ([一…十]{1,3})([、.．,，:：])  |  ([（(])([一…十]{1,3})([）)])(、?)
//   (\d{1,2})([.．、](?!\d))      |  ([（(])(\d{1,2})([）)])(、?)
// and the bracketed forms with the opening bracket left out ("1）", "一）"; group 3 or 9 empty)
// read directly: g[k] is the text of group k (empty when it did not take part), and the
// result is the ordinal's length in bytes, or 0.
std::size_t match_ordinal(std::string_view t, std::array<std::string_view, 13>& g) {
  g = {};
  std::size_t at = spaces_forward(t, 0), n = 0, next = 0;
  if (at >= t.size()) return 0;
  auto piece = [&](std::size_t a, std::size_t b) { return t.substr(a, b - a); };
  auto one_of = [&](std::size_t a, std::u32string_view set, std::size_t& b) {
    return a < t.size() && set.find(text::cp_at(t, a, b)) != std::u32string_view::npos;
  };
  const char32_t first = text::cp_at(t, at, next);
  // "一）", "1）": the opening bracket left out; read as the bracketed level, written wrong.
  auto lone_closer = [&](bool cn) {
    const std::size_t e = run_forward(t, at, cn ? is_cn_numeral : is_digit, n);
    std::size_t close = 0;
    if (n == 0 || n > (cn ? 3u : 2u) || !one_of(e, U"）)", close)) return std::size_t{0};
    std::size_t end = close;
    if (t.substr(close, 3) == "、") end += 3;
    const std::size_t base = cn ? 3 : 9;
    g[base + 1] = piece(at, e);
    g[base + 2] = piece(e, close);
    g[base + 3] = piece(close, end);
    return end;
  };
  if (is_cn_numeral(first)) {
    if (const std::size_t l = lone_closer(true)) return l;
    const std::size_t e = run_forward(t, at, is_cn_numeral, n);
    std::size_t m = 0;
    if (n > 3 || !one_of(e, U"、.．,，:：", m)) return 0;
    g[1] = piece(at, e);
    g[2] = piece(e, m);
    return m;
  }
  if (is_digit(first)) {
    if (const std::size_t l = lone_closer(false)) return l;
    const std::size_t e = run_forward(t, at, is_digit, n);
    std::size_t m = 0;
    if (n > 2 || !one_of(e, U".．、", m) || (m < t.size() && is_digit(text::cp_at(t, m)))) return 0;
    g[7] = piece(at, e);
    g[8] = piece(e, m);
    return m;
  }
  if (first != U'（' && first != U'(') return 0;
  const bool cn = next < t.size() && is_cn_numeral(text::cp_at(t, next));
  const std::size_t e = run_forward(t, next, cn ? is_cn_numeral : is_digit, n);
  std::size_t close = 0;
  if (n == 0 || n > (cn ? 3u : 2u) || !one_of(e, U"）)", close)) return 0;
  std::size_t end = close;
  if (t.substr(close, 3) == "、") end += 3;
  const std::size_t base = cn ? 3 : 9;
  g[base] = piece(at, next);
  g[base + 1] = piece(next, e);
  g[base + 2] = piece(e, close);
  g[base + 3] = piece(close, end);
  return end;
}

bool parse_ordinal(std::string_view t, Ordinal& o) {
  std::array<std::string_view, 13> g;
  const std::size_t length = match_ordinal(t, g);
  if (length == 0) return false;
  auto s = [&](std::size_t k) { return g[k]; };
  o.length = length;
  o.start = std::min(spaces_forward(t, 0), length);
  o.text = std::string(t.substr(o.start, length - o.start));
  if (!s(1).empty()) {
    o.level = 1;
    o.number = text::chinese_numeral_value(s(1));
    if (s(2) != "、") o.wrong = std::string(s(1)) + "、";
  } else if (!s(4).empty()) {
    o.level = 2;
    o.number = text::chinese_numeral_value(s(4));
    if (s(3) != "（" || s(5) != "）" || !s(6).empty()) o.wrong = "（" + std::string(s(4)) + "）";
  } else if (!s(7).empty()) {
    o.level = 3;
    o.number = std::atoi(std::string(s(7)).c_str());
    if (s(8) != ".") o.wrong = std::string(s(7)) + ".";
  } else if (!s(10).empty()) {
    o.level = 4;
    o.number = std::atoi(std::string(s(10)).c_str());
    if (s(9) != "（" || s(11) != "）" || !s(12).empty()) o.wrong = "（" + std::string(s(10)) + "）";
  }
  return o.level > 0 && o.number > 0;
}

void run(const lint::RuleContext& c) {
  std::array<int, 5> last{};   // last number at each level since its parent changed
  std::array<bool, 5> ever{};  // level used anywhere before
  bool attachment_list = false;  // inside the 附件说明 "附件：1.…" / "2.…"
  // A bulletin's items are numbered by the issue ("1.区水务局…", "7.关于…的调查"), not by the
  // text's levels, and each item (a research item with its 一、基本情况 / 二、存在的问题)
  // numbers its own text afresh.
  std::size_t item = 0;
  for (auto bi : c.m.paragraphs) {
    if (static_cast<int>(bi) <= c.m.preamble_end) continue;
    const auto& b = c.doc.blocks[bi];
    if (c.m.has_items) {
      while (item < c.m.items.size() && c.m.items[item].title_block < bi) ++item;
      if (item < c.m.items.size() && c.m.items[item].title_block == bi) {
        last = {};
        ever = {};
        attachment_list = false;
        continue;
      }
    }
    if (b.in_table) continue;
    const auto t = c.doc.block_text(bi);
    // The 附件说明 lists the attachments by its own numbers, and each attachment ("附件1")
    // numbers its text afresh.
    const std::string_view lead = trim_left(t);
    if (lead.substr(0, std::string_view("附件").size()) == "附件") {
      last = {};
      ever = {};
      const std::string_view rest = lead.substr(std::string_view("附件").size());
      attachment_list = rest.substr(0, 3) == "：" || rest.substr(0, 1) == ":";
      continue;
    }
    // The attachments' names under the 附件说明: "2.山洪灾害危险区转移责任人名单".
    if (attachment_list && !lead.empty() && lead[0] >= '0' && lead[0] <= '9' && t.find("。") == std::string_view::npos &&
        text::codepoint_count(t) <= 60)
      continue;
    attachment_list = false;
    // Word's automatic label, or the ordinal typed at the start of the paragraph.
    const bool from_label = !b.label.empty();
    Ordinal o;
    if (!parse_ordinal(from_label ? std::string_view(b.label) : t, o)) continue;
    const std::size_t end = from_label ? 0 : o.length;
    // A typed ordinal is reported (and rewritten) without the indentation before it.
    const std::size_t begin = from_label ? 0 : o.start;
    const std::string where = from_label ? "（自动编号）" : "";
    if (!o.wrong.empty()) {
      auto& d = c.report(bi, begin, end, kForm,
                         {{"level", std::to_string(o.level)}, {"fix", o.wrong}, {"found", o.text}, {"auto", where}});
      d.data = {{"level", std::to_string(o.level)}};
      // A typed ordinal can be rewritten in place; a generated label is fixed in Word's numbering.
      if (!from_label) d.replace_with(o.wrong);
      else d.data.emplace_back("fix", o.wrong);
    }
    const auto L = static_cast<std::size_t>(o.level);
    // Order of levels: a level first used after a deeper one.
    if (!ever[L])
      for (std::size_t m = L + 1; m <= 4; ++m)
        if (ever[m]) {
          c.report(bi, begin, end, kOrder, {{"this", kLevelForm[L]}, {"deeper", kLevelForm[m]}, {"auto", where}});
          break;
        }
    const int expected = last[L] + 1;
    if (last[L] > 0 && o.number == last[L]) {
      c.report(bi, begin, end, kRepeat, {{"found", o.text}, {"auto", where}});
    } else if (last[L] > 0 && o.number > expected) {
      c.report(bi, begin, end, kGap,
               {{"last", std::to_string(last[L])}, {"number", std::to_string(o.number)},
                {"expected", std::to_string(expected)}, {"auto", where}});
    } else if (last[L] == 0 && o.number > 1 && !ever[L]) {
      c.report(bi, begin, end, kStart, {{"number", std::to_string(o.number)}, {"auto", where}}).severity =
          model::Severity::kInfo;
    }
    last[L] = o.number;
    ever[L] = true;
    for (std::size_t m = L + 1; m <= 4; ++m) last[m] = 0;
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.numbering",
    .family = model::Family::kFormat,
    .severity = model::Severity::kWarning,
    .title = "结构层次序数",
    .summary = "层次序数 一、（一）1.（1）的写法、顺序、跳号和重复",
    .description = "GB/T 9704-2012 7.3.3：层次序数依次为“一、”“（一）”“1.”“（1）”；检查每层的写法（1. 不写成 1、）、层次顺序、"
                   "同层序数的跳号和重复，Word 自动编号生成的序数同样检查。手写序数写法错误时附带改写（fix）。",
    .measures = "data.level 为层级；写法错误时给出正确写法。",
    .source = gbt9704("7.3.3 正文（结构层次序数）"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
