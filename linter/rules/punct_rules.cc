// punct.halfwidth, punct.unpaired, punct.doubled, punct.ellipsis, punct.dash, punct.range,
// punct.enum-comma (GB/T 15834-2011; SPEC.md §3 P1–P10).
#include <string>
#include <vector>

#include "rules/rules.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

using model::Severity;

struct Char {
  char32_t c;
  std::size_t begin, end;
};

std::vector<Char> chars_of(std::string_view t) {
  std::vector<Char> v;
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const char* a = p;
    const char32_t c = text::decode(p, e);
    v.push_back({c, static_cast<std::size_t>(a - t.data()), static_cast<std::size_t>(p - t.data())});
  }
  return v;
}

bool is_cjk(char32_t c) { return text::is_asian(c) && c != U'\u3000'; }
bool is_latin_or_digit(char32_t c) { return (c < 0x80 && std::isalnum(static_cast<int>(c))) || (c >= 0xC0 && c < 0x250); }

// Spans inside the paragraph that are URLs, e-mail addresses or runs of Latin text: the
// half-width rule does not look inside them.
std::vector<std::pair<std::size_t, std::size_t>> exempt_spans(std::string_view t) {
  static const text::Regex re = fixed_regex(
      "(?:https?://|ftp://|www\\.)[^\\s\\p{Han}，。；、“”（）《》]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  std::vector<std::pair<std::size_t, std::size_t>> out;
  re.for_each(t, [&](const std::vector<text::Match>& g) { out.emplace_back(g[0].begin, g[0].end); });
  return out;
}

std::string full_width_of(char32_t c) {
  switch (c) {
    case U',': return "，";
    case U'.': return "。";
    case U';': return "；";
    case U':': return "：";
    case U'?': return "？";
    case U'!': return "！";
    case U'(': return "（";
    case U')': return "）";
    default: return {};
  }
}

// P1: half-width , . ; : ? ! ( ) next to Chinese text.
void halfwidth(const Context& c, std::uint32_t bi, std::string_view t, const std::vector<Char>& v,
               std::vector<model::Diagnostic>& out) {
  // A format rule that already reported this character (an ordinal "一." or "附件:") says
  // more than the generic half-width finding.
  std::vector<std::pair<std::size_t, std::size_t>> covered;
  for (const auto& d : out)
    if (d.block == bi && d.rule.rfind("format.", 0) == 0) covered.emplace_back(d.offset, d.offset + d.length);
  const auto exempt = exempt_spans(t);
  auto in_exempt = [&](std::size_t at) {
    for (const auto& [a, b] : exempt)
      if (at >= a && at < b) return true;
    return false;
  };
  auto prev_visible = [&](std::size_t i) -> char32_t {
    while (i-- > 0)
      if (!text::is_whitespace(v[i].c)) return v[i].c;
    return 0;
  };
  auto next_visible = [&](std::size_t i) -> char32_t {
    for (++i; i < v.size(); ++i)
      if (!text::is_whitespace(v[i].c)) return v[i].c;
    return 0;
  };
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char32_t ch = v[i].c;
    const std::string fix = full_width_of(ch);
    if (fix.empty() || in_exempt(v[i].begin)) continue;
    bool reported = false;
    for (const auto& [a, b] : covered) reported |= v[i].begin >= a && v[i].begin < b;
    if (reported) continue;
    const char32_t prev = prev_visible(i);
    const char32_t next = next_visible(i);
    const bool prev_digit = prev >= U'0' && prev <= U'9';
    const bool next_digit = next >= U'0' && next <= U'9';
    if ((ch == U'.' || ch == U':' || ch == U',') && prev_digit && next_digit) continue;  // 3.14, 10:30, 1,000
    // "1." numbering at the start of a paragraph.
    if (ch == U'.' && prev_digit) {
      std::size_t k = i;
      while (k > 0 && v[k - 1].c >= U'0' && v[k - 1].c <= U'9') --k;
      bool at_start = true;
      for (std::size_t m = 0; m < k; ++m) at_start &= text::is_whitespace(v[m].c);
      if (at_start) continue;
    }
    // Chinese on at least one side, and not Latin on both.
    bool chinese;
    if (ch == U'(') chinese = is_cjk(prev) || is_cjk(next);
    else if (ch == U')') chinese = is_cjk(prev) || is_cjk(next);
    else chinese = is_cjk(prev);
    if (!chinese) continue;
    if (is_latin_or_digit(prev) && is_latin_or_digit(next)) continue;
    std::string h;
    text::append_utf8(h, ch);
    auto d = finding("punct.halfwidth", Severity::kError, bi, v[i].begin, v[i].end,
                     "中文里应使用全角标点“" + fix + "”，不用半角“" + h + "”", gbt15834("5.1 标点符号的形式（全角）"));
    d.data = {{"fix", fix}};
    out.push_back(std::move(d));
  }
  (void)c;
}

// P2–P4: paired marks, nesting of quotes and book-title marks. Returns whether the
// paragraph ends inside an open “ (a quotation running on into the next paragraph).
struct Open {
  char32_t c;
  std::size_t begin, end;
};

char32_t closer_of(char32_t o) {
  switch (o) {
    case U'“': return U'”';
    case U'‘': return U'’';
    case U'（': return U'）';
    case U'《': return U'》';
    case U'〈': return U'〉';
    case U'【': return U'】';
    case U'〔': return U'〕';
    default: return 0;
  }
}
char32_t opener_of(char32_t cl) {
  switch (cl) {
    case U'”': return U'“';
    case U'’': return U'‘';
    case U'）': return U'（';
    case U'》': return U'《';
    case U'〉': return U'〈';
    case U'】': return U'【';
    case U'〕': return U'〔';
    default: return 0;
  }
}

std::string str(char32_t c) {
  std::string s;
  text::append_utf8(s, c);
  return s;
}

void unpaired(const Context& c, std::vector<model::Diagnostic>& out) {
  const auto src = gbt15834("4.1 引号、4.5 括号、4.15 书名号（成对使用与嵌套）");
  for (std::size_t k = 0; k < c.paragraphs.size(); ++k) {
    const auto bi = c.paragraphs[k];
    const auto t = c.doc.block_text(bi);
    const auto v = chars_of(t);
    std::vector<Open> stack;
    for (const auto& ch : v) {
      if (closer_of(ch.c)) {
        // Nesting: inner quotes are ‘’, inner book-title marks 〈〉.
        int bk = 0;
        char32_t innermost_quote = 0;
        for (const auto& o : stack) {
          bk += o.c == U'《';
          if (o.c == U'“' || o.c == U'‘') innermost_quote = o.c;
        }
        if (ch.c == U'“' && innermost_quote == U'“') {
          out.push_back(finding("punct.unpaired", Severity::kWarning, bi, ch.begin, ch.end,
                                "引号里面还要用引号时，里面一层用单引号“‘’”", src));
        }
        if (ch.c == U'《' && bk >= 1) {
          out.push_back(finding("punct.unpaired", Severity::kError, bi, ch.begin, ch.end,
                                "书名号里面还要用书名号时，里面一层用单书名号“〈〉”", src));
        }
        stack.push_back({ch.c, ch.begin, ch.end});
      } else if (char32_t o = opener_of(ch.c)) {
        // Find the nearest matching opener.
        std::size_t m = stack.size();
        while (m > 0 && stack[m - 1].c != o) --m;
        if (m == 0) {
          out.push_back(finding("punct.unpaired", Severity::kError, bi, ch.begin, ch.end,
                                "“" + str(ch.c) + "”没有对应的“" + str(o) + "”", src));
          continue;
        }
        for (std::size_t x = m; x < stack.size(); ++x)
          out.push_back(finding("punct.unpaired", Severity::kError, bi, stack[x].begin, stack[x].end,
                                "“" + str(stack[x].c) + "”在“" + str(ch.c) + "”之前没有闭合", src));
        stack.resize(m - 1);
      }
    }
    // An open “ at the end of a paragraph is a quotation running on when the next
    // paragraph begins with “ (GB/T 15834: 引文跨段时每段开头用前引号).
    bool runs_on = false;
    for (std::size_t n = k + 1; n < c.paragraphs.size(); ++n) {
      const auto nt = c.doc.block_text(c.paragraphs[n]);
      const char* p = nt.data();
      const char* e = p + nt.size();
      char32_t first = 0;
      while (p < e) {
        const char32_t x = text::decode(p, e);
        if (!text::is_whitespace(x) && !text::is_invisible(x)) { first = x; break; }
      }
      if (first == 0) continue;
      runs_on = first == U'“';
      break;
    }
    for (const auto& o : stack) {
      if (o.c == U'“' && runs_on) continue;
      out.push_back(finding("punct.unpaired", Severity::kError, bi, o.begin, o.end,
                            "“" + str(o.c) + "”没有对应的“" + str(closer_of(o.c)) + "”", src));
    }
  }
}

// P10 and P5/P6 glyph forms, P7 ranges, P8/P9 enumeration commas — regex-driven.
void pattern_rules(const Context& c, std::vector<model::Diagnostic>& out) {
  static const text::Regex doubled = fixed_regex("([，。、；：])\\1+|[，、；：][。，、；：]|。[，、；：]");
  static const text::Regex doubled_soft = fixed_regex("[？！]{2,}");
  static const text::Regex ellipsis = fixed_regex("(?<![.\\d])\\.{3,}(?![.\\d])|。{3,}|·{3,}|…{3,}|(?<!…)…(?!…)");
  static const text::Regex dash = fixed_regex("(?<!-)--(?!-)|－－|—{3,}|—\\s+—|-—|—-");
  static const text::Regex value_range = fixed_regex(
      "(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*([-－–—~]|-{2})\\s*(\\d+(?:\\.\\d+)?)\\s*"
      "(%|％|‰|万|亿|元|千克|公斤|克|吨|米|千米|公里|平方米|平方公里|亩|公顷|人|个|岁|天|小时|分钟|℃|摄氏度|倍|户|家|所|台|辆)");
  static const text::Regex year_range = fixed_regex("(?<!\\d)(\\d{4})\\s*([-－–~～])\\s*(\\d{4})\\s*年");
  static const text::Regex quoted_list = fixed_regex("[》”]、[《“]");
  static const text::Regex approx = fixed_regex(
      "(?<![第十])([一二三四五六七八九])、([一二三四五六七八九])(?=[十百千万]?[个天年岁人次月日号层级名位种项家户条])");
  const auto s15834 = [](const char* clause) { return gbt15834(clause); };
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    doubled.for_each(t, [&](const std::vector<text::Match>& g) {
      out.push_back(finding("punct.doubled", Severity::kError, bi, g[0].begin, g[0].end,
                            "标点重复或连用不当：“" + std::string(t.substr(g[0].begin, g[0].end - g[0].begin)) + "”",
                            s15834("5.1.2 点号的连用")));
    });
    doubled_soft.for_each(t, [&](const std::vector<text::Match>& g) {
      out.push_back(finding("punct.doubled", Severity::kInfo, bi, g[0].begin, g[0].end,
                            "问号、叹号叠用在公文中应避免：“" + std::string(t.substr(g[0].begin, g[0].end - g[0].begin)) + "”",
                            s15834("4.3、4.4 问号、叹号")));
    });
    ellipsis.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string found(t.substr(g[0].begin, g[0].end - g[0].begin));
      // Only in Chinese context for ASCII dots.
      if (found[0] == '.') {
        bool chinese = false;
        const char* p = t.data();
        const char* e = p + t.size();
        while (p < e) chinese |= text::is_han(text::decode(p, e));
        if (!chinese) return;
      }
      auto d = finding("punct.ellipsis", Severity::kWarning, bi, g[0].begin, g[0].end,
                       "省略号应写作“……”（两个“…”，占两个字的位置），不是“" + found + "”", s15834("4.11 省略号"));
      d.data = {{"fix", "……"}};
      out.push_back(std::move(d));
    });
    dash.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string found(t.substr(g[0].begin, g[0].end - g[0].begin));
      auto d = finding("punct.dash", Severity::kWarning, bi, g[0].begin, g[0].end,
                       "破折号应写作“——”（两个“—”，中间无空格），不是“" + found + "”", s15834("4.9 破折号"));
      d.data = {{"fix", "——"}};
      out.push_back(std::move(d));
    });
    value_range.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string mark(t.substr(g[2].begin, g[2].end - g[2].begin));
      auto d = finding("punct.range", Severity::kWarning, bi, g[2].begin, g[2].end,
                       "数值范围应用浪纹线“～”连接，不用“" + mark + "”", s15834("4.13 连接号（浪纹线）"));
      d.data = {{"fix", "～"}};
      out.push_back(std::move(d));
    });
    year_range.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string mark(t.substr(g[2].begin, g[2].end - g[2].begin));
      auto d = finding("punct.range", Severity::kWarning, bi, g[2].begin, g[2].end,
                       "年份的起止应用一字线“—”连接（如 2021—2025年），不用“" + mark + "”",
                       s15834("4.13 连接号（一字线）"));
      d.data = {{"fix", "—"}};
      out.push_back(std::move(d));
    });
    quoted_list.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::size_t comma = g[0].begin + 3;
      out.push_back(finding("punct.enum-comma", Severity::kWarning, bi, comma, comma + 3,
                            "并列的引号或书名号之间一般不用顿号", s15834("4.5.3.5 顿号")));
    });
    approx.for_each(t, [&](const std::vector<text::Match>& g) {
      // Adjacent numbers joined by 、 form an approximation (三四天), which takes no 顿号.
      static const char* order = "一二三四五六七八九";
      const std::string a(t.substr(g[1].begin, g[1].end - g[1].begin)), b(t.substr(g[2].begin, g[2].end - g[2].begin));
      const auto ia = std::string(order).find(a), ib = std::string(order).find(b);
      if (ib != ia + 3) return;
      const std::size_t comma = g[1].end;
      out.push_back(finding("punct.enum-comma", Severity::kError, bi, comma, comma + 3,
                            "相邻两个数字连用表示概数（如“" + a + b + "”），中间不用顿号", s15834("4.5.3.6 顿号（概数）")));
    });
  }
}

}  // namespace

void punct_rules(const Context& c, std::vector<model::Diagnostic>& out) {
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    halfwidth(c, bi, t, chars_of(t), out);
  }
  unpaired(c, out);
  pattern_rules(c, out);
}

}  // namespace wenfeng::rules
