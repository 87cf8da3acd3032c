// punct.halfwidth — half-width , . ; : ? ! ( ) next to Chinese text (GB/T 15834-2011; SPEC.md
// §3 P1). Decimals, times, thousands separators, URLs, e-mail addresses, Latin spans and a
// leading "1." are exempt. One pass over the paragraph, no allocation per character.
#include <algorithm>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "rules/punct/link_scan.h"
#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"中文里应使用全角标点“{fix}”，不用半角“{found}”", "Use the full-width “{fix}” in Chinese text, not “{found}”"},
};
constexpr model::Example kExamples[] = {{"会议强调,要抓好落实.", "会议强调，要抓好落实。"}};
// A format rule that reports the same character (an ordinal "一." or "附件:") says more;
// a "..." is an ellipsis, not three full stops.
constexpr std::string_view kYieldsTo[] = {"format.", "punct.ellipsis"};

const char* full_width_of(char32_t c) {
  switch (c) {
    case U',': return "，";
    case U'.': return "。";
    case U';': return "；";
    case U':': return "：";
    case U'?': return "？";
    case U'!': return "！";
    case U'(': return "（";
    case U')': return "）";
    default: return nullptr;
  }
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_latin_or_digit(char32_t c) {
  return (c < 0x80 && ((c | 0x20) >= U'a' && (c | 0x20) <= U'z')) || is_digit(c) || (c >= 0xC0 && c < 0x250);
}

// Whether `t` holds "://", "www." or "@" (every match of the pattern below does): memchr for
// ':', 'w' and '@', which Chinese text has few of.
bool may_have_link(std::string_view t) {
  const char* const end = t.data() + t.size();
  if (std::memchr(t.data(), '@', t.size())) return true;
  auto any = [&](char first, std::string_view rest) {
    for (const char* p = t.data(); (p = static_cast<const char*>(std::memchr(p, first, static_cast<std::size_t>(end - p))));) {
      ++p;
      if (static_cast<std::size_t>(end - p) >= rest.size() && std::string_view(p, rest.size()) == rest) return true;
    }
    return false;
  };
  return any(':', "//") || any('w', "ww.");
}

// Spans that are URLs or e-mail addresses: the rule does not look inside them.
std::vector<std::pair<std::size_t, std::size_t>> exempt_spans(std::string_view t) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  if (!may_have_link(t)) return out;
  // The pattern's search is read by hand (link_scan.h), from a point no match can start
  // before (the letters before a "://", a "www.", the address characters before an "@").
  auto is_local = [](unsigned char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' ||
           ch == '%' || ch == '+' || ch == '-';
  };
  auto earliest = [&](std::size_t from) {
    std::size_t best = text::npos;
    if (std::size_t a = text::find_seq(t, "://", from); a != text::npos) {
      while (a > from && is_local(static_cast<unsigned char>(t[a - 1]))) --a;
      best = a;
    }
    if (std::size_t w = text::find_seq(t, "www.", from); w < best) best = w;
    if (std::size_t a = t.find('@', from); a != std::string_view::npos && a < best) {
      while (a > from && is_local(static_cast<unsigned char>(t[a - 1]))) --a;
      best = std::min(best, a);
    }
    return best;
  };
  std::size_t begin = 0, end = 0;
  for (std::size_t from = earliest(0); from != text::npos && punct::find_link(t, from, begin, end); from = earliest(end)) {
    out.emplace_back(begin, end);
    if (end >= t.size()) break;
  }
  return out;
}

// Closing marks a half-width comma or stop often follows (“最后一公里”, (试行),): the text before
// them says whether the mark is in Chinese text. The full-width ones are Chinese already.
bool is_closer(char32_t c) { return c == U'”' || c == U'’' || c == U')' || c == U'"' || c == U'\''; }

// The next code point after byte `at` that is not whitespace (0 at the end).
char32_t next_visible(std::string_view t, std::size_t at) {
  const char* p = t.data() + at;
  const char* e = t.data() + t.size();
  while (p < e) {
    const char32_t c = text::decode(p, e);
    if (!text::is_whitespace(c)) return c;
  }
  return 0;
}

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // The marks are found in one block scan (punct_scan.h: a block with no ASCII byte, most
    // of Chinese text, is passed over after one test); the spans exempt are found at the first.
    std::vector<std::pair<std::size_t, std::size_t>> exempt;
    bool exempt_found = false;
    std::size_t next_exempt = 0;
    char32_t prev = 0;            // previous code point that is not whitespace
    char32_t base = 0;            // previous code point that is neither whitespace nor a closer
    char32_t before = 0;          // the code point right before this one
    bool leading = true;          // nothing but whitespace so far
    bool digits_lead = false;     // the current digit run started the paragraph
    // Only the marks are visited: the state above is brought up to date over the run of
    // code points skipped since the previous mark by reading that run backwards, as far as
    // it needs (it holds no mark, so a mark is always the end of what is read).
    std::size_t from = 0;  // end of the last code point taken into the state
    punct::for_each_start<0>(t, punct::halfwidth_mask, punct::halfwidth_one, [&](std::size_t at) {
      if (!exempt_found) {
        exempt = exempt_spans(t);
        exempt_found = true;
      }
      if (at > from) {
        // The run [from, at): its last code point, its last non-whitespace one, its last that
        // is neither whitespace nor a closer, and where its trailing ASCII digits start.
        std::size_t b;
        before = text::cp_before(t, at, b);
        std::size_t p = at;
        bool found_prev = false, found_base = false;
        while (p > from && !found_base) {
          std::size_t q;
          const char32_t ch = text::cp_before(t, p, q);
          if (!text::is_whitespace(ch)) {
            if (!found_prev) prev = ch, found_prev = true;
            if (!is_closer(ch)) base = ch, found_base = true;
          }
          p = q;
        }
        // A run of ASCII digits ending the segment (its start is a new run: the code point
        // before `from` is a mark) started the paragraph when nothing but whitespace is
        // before it; only that run's value is ever read.
        std::size_t digits_from = at;
        while (digits_from > from && is_digit(static_cast<unsigned char>(t[digits_from - 1]))) --digits_from;
        if (digits_from < at) {
          bool ws_only = leading;
          for (std::size_t r = digits_from; ws_only && r > from;) {
            std::size_t q;
            if (!text::is_whitespace(text::cp_before(t, r, q))) ws_only = false;
            r = q;
          }
          digits_lead = ws_only;
        }
        // The segment is all whitespace when no `prev` was found in it.
        if (found_prev) leading = false;
      }
      std::size_t end;
      const char32_t ch = text::cp_at(t, at, end);
      const char* fix = full_width_of(ch);
      {
        while (next_exempt < exempt.size() && exempt[next_exempt].second <= at) ++next_exempt;
        const bool in_exempt = next_exempt < exempt.size() && exempt[next_exempt].first <= at;
        const char32_t next = in_exempt ? 0 : next_visible(t, end);
        const bool prev_digit = is_digit(prev), next_digit = is_digit(next);
        bool report = !in_exempt;
        // 3.14, 10:30, 1,000
        if ((ch == U'.' || ch == U':' || ch == U',') && prev_digit && next_digit) report = false;
        // "1." numbering at the start of a paragraph.
        if (ch == U'.' && is_digit(before) && digits_lead) report = false;
        // Chinese on at least one side, and not Latin on both.
        const bool left = text::is_cjk(prev) || (is_closer(prev) && text::is_cjk(base));
        const bool chinese = (ch == U'(' || ch == U')') ? left || text::is_cjk(next) : left;
        if (!chinese || (is_latin_or_digit(prev) && is_latin_or_digit(next))) report = false;
        if (report) {
          // Both values packed into the finding's one block (model::Pairs), no string copies.
          c.report(bi, at, end, 0, model::Args{{"fix", fix}, {"found", t.substr(at, end - at)}}).replace_with(fix);
        }
      }
      // A mark is not whitespace, not a digit; ')' is a closer.
      if (!is_closer(ch)) base = ch;
      prev = ch;
      leading = false;
      before = ch;
      from = end;
      return from;
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.halfwidth",
    .family = model::Family::kPunct,
    .severity = model::Severity::kError,
    .title = "半角标点",
    .summary = "中文里的半角 , . ; : ? ! ( )",
    .description = "GB/T 15834-2011：中文里用全角标点；小数、时间、千分位、网址、电子邮箱、英文片段和段首“1.”序数除外。"
                   "每条结果带可安全替换的全角标点（fix）。格式规则已指出的字符（如“一.”“附件:”）和省略号“...”不重复报告。",
    .measures = "指出半角标点，fix 为对应的全角标点。",
    .source = gbt15834("5.1 标点符号的形式（全角）"),
    .messages = kMessages,
    .fixable = true,
    .yields_to = kYieldsTo,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
