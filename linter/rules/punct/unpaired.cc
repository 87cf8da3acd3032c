// punct.unpaired — paired marks balance and nest (GB/T 15834-2011; SPEC.md §3 P2–P4): “”
// ‘’ （） 《》 〈〉 【】 〔〕; quotes inside quotes are ‘’, book titles inside book titles are
// 〈〉; a quotation running over paragraphs opens each paragraph with “ and is allowed.
// Linear in the paragraph: the open marks are kept on a stack with one index stack per kind.
#include <array>
#include <string>
#include <vector>

#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kInnerQuote, kInnerBook, kNoOpener, kNotClosedBefore, kNotClosed };
constexpr model::Message kMessages[] = {
    {"引号里面还要用引号时，里面一层用单引号“‘’”"},
    {"书名号里面还要用书名号时，里面一层用单书名号“〈〉”"},
    {"“{found}”没有对应的“{pair}”"},
    {"“{found}”在“{closer}”之前没有闭合"},
    {"“{found}”没有对应的“{pair}”"},
};
constexpr model::Example kExamples[] = {{"学习《关于《条例》的说明》", "学习《关于〈条例〉的说明》"}};

constexpr std::array<char32_t, 7> kOpeners = {U'“', U'‘', U'（', U'《', U'〈', U'【', U'〔'};
constexpr std::array<char32_t, 7> kClosers = {U'”', U'’', U'）', U'》', U'〉', U'】', U'〕'};

int opener_kind(char32_t c) {
  for (std::size_t i = 0; i < kOpeners.size(); ++i)
    if (kOpeners[i] == c) return static_cast<int>(i);
  return -1;
}
int closer_kind(char32_t c) {
  for (std::size_t i = 0; i < kClosers.size(); ++i)
    if (kClosers[i] == c) return static_cast<int>(i);
  return -1;
}

struct Open {
  int kind;
  std::uint32_t block, begin, end;
};

// Whether the first visible character of the next non-blank paragraph after position k is “.
bool next_paragraph_opens_quote(const lint::RuleContext& c, std::size_t k) {
  for (std::size_t n = k + 1; n < c.m.paragraphs.size(); ++n)
    for (const auto cp : text::code_points(c.doc.block_text(c.m.paragraphs[n])))
      if (!text::is_whitespace(cp.cp) && !text::is_invisible(cp.cp)) return cp.cp == U'“';
  return false;
}

// A list label closed by a lone bracket at the start of a paragraph: "1）", "一）", "a)". It
// is a numbering form (format.numbering asks for "（1）"), not a bracket left unpaired.
bool is_label_closer(std::string_view t, std::size_t at) {
  std::size_t from = text::spaces_forward(t, 0);
  if (from >= at) return false;
  const std::string_view label = t.substr(from, at - from);
  std::size_t n = 0;
  bool digits = true, numerals = true, latin = label.size() == 1 && ((label[0] | 0x20) >= 'a' && (label[0] | 0x20) <= 'z');
  for (const auto cp : text::code_points(label)) {
    ++n;
    digits = digits && text::is_digit_nd(cp.cp);
    numerals = numerals && std::u32string_view(U"一二三四五六七八九十").find(cp.cp) != std::u32string_view::npos;
  }
  return latin || (digits && n <= 2) || (numerals && n <= 3);
}

// ’ right after a Latin letter with no ‘ open is an apostrophe (adults’, don’t), as Word's
// smart quotes write it.
bool is_apostrophe(std::string_view t, std::size_t at) {
  if (at == 0) return false;
  const auto b = static_cast<unsigned char>(t[at - 1]);
  return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

void run(const lint::RuleContext& c) {
  std::vector<Open> stack;
  std::array<std::vector<std::uint32_t>, 7> by_kind;  // indices into `stack`, per kind
  std::vector<std::uint32_t> quotes;                  // indices of “ and ‘ in `stack`
  bool carry = false;  // the previous paragraph was a title line continued on this one
  for (std::size_t k = 0; k < c.m.paragraphs.size(); ++k) {
    const auto bi = c.m.paragraphs[k];
    const auto t = c.doc.block_text(bi);
    if (!carry) {
      stack.clear();
      for (auto& v : by_kind) v.clear();
      quotes.clear();
    }
    // A title over two lines ("关于印发《…" / "…》的通知") pairs its marks as one line.
    carry = c.m.title >= 0 && static_cast<int>(bi) >= c.m.title && static_cast<int>(bi) < c.m.title_last;
    auto pop_to = [&](std::size_t size) {
      while (stack.size() > size) {
        const Open& o = stack.back();
        by_kind[static_cast<std::size_t>(o.kind)].pop_back();
        if (o.kind <= 1) quotes.pop_back();
        stack.pop_back();
      }
    };
    // Every paired mark is three bytes starting with E2 (“”‘’), E3 (《》〈〉【】〔〕) or EF (（）)
    // and ending in 0x88–0x9D: only the code points the block scan finds of that shape are
    // decoded (punct_scan.h), not every full-width mark.
    auto visit = [&](char32_t ch, std::size_t begin, std::size_t end) {
      // The marks are U+2018–U+201D, U+3008–U+3015 and U+FF08–U+FF09: the other punctuation
      // that leads with E2, E3 or EF (。，、：) is passed over without the two lookups.
      if (!((ch >= 0x2018 && ch <= 0x201D) || (ch >= 0x3008 && ch <= 0x3015) || ch == 0xFF08 || ch == 0xFF09)) return true;
      const text::CodePoint cp{ch, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
      if (const int ok = opener_kind(cp.cp); ok >= 0) {
        // Nesting: inner quotes are ‘’, inner book-title marks 〈〉.
        const bool inside_double_quote = !quotes.empty() && stack[quotes.back()].kind == 0;
        if (ok == 0 && inside_double_quote) c.report(bi, cp.begin, cp.end, kInnerQuote, {}).severity = model::Severity::kWarning;
        if (ok == 3 && !by_kind[3].empty()) c.report(bi, cp.begin, cp.end, kInnerBook, {});
        by_kind[static_cast<std::size_t>(ok)].push_back(static_cast<std::uint32_t>(stack.size()));
        if (ok <= 1) quotes.push_back(static_cast<std::uint32_t>(stack.size()));
        stack.push_back({ok, bi, cp.begin, cp.end});
      } else if (const int ck = closer_kind(cp.cp); ck >= 0) {
        const auto& same = by_kind[static_cast<std::size_t>(ck)];
        if (same.empty()) {
          if ((ck == 2 && is_label_closer(t, cp.begin)) || (ck == 1 && is_apostrophe(t, cp.begin))) return true;
          c.report(bi, cp.begin, cp.end, kNoOpener, {{"found", utf8(cp.cp)}, {"pair", utf8(kOpeners[static_cast<std::size_t>(ck)])}});
          return true;
        }
        const std::size_t m = same.back();
        for (std::size_t x = m + 1; x < stack.size(); ++x)
          c.report(stack[x].block, stack[x].begin, stack[x].end, kNotClosedBefore,
                   {{"found", utf8(kOpeners[static_cast<std::size_t>(stack[x].kind)])}, {"closer", utf8(cp.cp)}});
        pop_to(m);
      }
      return true;
    };
    punct::for_each_start<2>(t, punct::unpaired_mask, punct::unpaired_one, [&](std::size_t at) {
      std::size_t end;
      const char32_t ch = text::cp_at(t, at, end);
      visit(ch, at, end);
      return end;
    });
    if (carry) continue;
    // An open “ at the end of a paragraph is a quotation running on when the next
    // paragraph begins with “ (GB/T 15834: 引文跨段时每段开头用前引号).
    bool runs_on_checked = false, runs_on = false;
    for (const auto& o : stack) {
      if (o.kind == 0) {
        if (!runs_on_checked) {
          runs_on = next_paragraph_opens_quote(c, k);
          runs_on_checked = true;
        }
        if (runs_on) continue;
      }
      c.report(o.block, o.begin, o.end, kNotClosed,
               {{"found", utf8(kOpeners[static_cast<std::size_t>(o.kind)])}, {"pair", utf8(kClosers[static_cast<std::size_t>(o.kind)])}});
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.unpaired",
    .family = model::Family::kPunct,
    .severity = model::Severity::kError,
    .title = "成对标点",
    .summary = "引号、括号、书名号成对并正确嵌套",
    .description = "引号、括号、书名号等成对使用并正确嵌套（引号内用‘’，书名号内用〈〉）；跨段引文每段开头用前引号，"
                   "这样的未闭合引号不报。",
    .measures = "指出没有配对的标点。",
    .source = gbt15834("4.1 引号、4.5 括号、4.15 书名号（成对使用与嵌套）"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
