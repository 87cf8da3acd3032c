// text.stray-space, text.duplicate-paragraph, text.garbled.
#include <string>
#include <unordered_map>

#include "rules/rules.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

using model::Severity;

bool is_cjk(char32_t c) { return text::is_asian(c) && c != U'\u3000'; }

const char* space_name(char32_t c) {
  if (c == U'\u3000') return "全角空格";
  if (c == U'\u00A0') return "不换行空格（NBSP）";
  if (c == U' ') return "空格";
  return "空白字符";
}

// Spaces between CJK characters, or runs of spaces used for layout inside a line.
// Leading indentation and trailing spaces are left alone.
void stray_spaces(const Context& c, std::vector<model::Diagnostic>& out) {
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    struct Ch {
      char32_t c;
      std::size_t b, e;
    };
    std::vector<Ch> v;
    const char* p = t.data();
    const char* e = p + t.size();
    while (p < e) {
      const char* a = p;
      const char32_t ch = text::decode(p, e);
      if (text::is_invisible(ch)) continue;
      v.push_back({ch, static_cast<std::size_t>(a - t.data()), static_cast<std::size_t>(p - t.data())});
    }
    // Spaces inside a byline "（记者 王晓 通讯员 陈立）" follow newsroom convention.
    std::vector<std::pair<std::size_t, std::size_t>> bylines;
    {
      static const text::Regex byline = fixed_regex("[（(][^）)]{0,60}(?:记者|通讯员|摄影|摄|报道员|实习生)[^）)]{0,60}[）)]");
      byline.for_each(t, [&](const std::vector<text::Match>& g) { bylines.emplace_back(g[0].begin, g[0].end); });
    }
    auto in_byline = [&](std::size_t at) {
      for (const auto& [a, b] : bylines)
        if (at > a && at < b) return true;
      return false;
    };
    // A short line (a name or signature line such as "副市长　高振华") uses spaces for layout.
    static const text::Regex sentence_punct = fixed_regex("[。，；：、！？,;:!?]");
    text::Match sp;
    const bool short_line = text::codepoint_count(t) <= 16 && !sentence_punct.search(t, sp);
    std::size_t i = 0;
    while (i < v.size() && text::is_whitespace(v[i].c)) ++i;  // indentation
    while (i < v.size()) {
      if (text::primary_class(v[i].c) != text::kSpace) { ++i; continue; }
      std::size_t j = i;
      while (j < v.size() && text::primary_class(v[j].c) == text::kSpace) ++j;
      if (j == v.size()) break;  // trailing
      const char32_t before = v[i - 1].c, after = v[j].c;
      const std::size_t run = j - i;
      if (in_byline(v[i].b) || (short_line && run <= 2)) {
        i = j;
        continue;
      }
      if (is_cjk(before) && is_cjk(after)) {
        auto d = finding("text.stray-space", run > 1 ? Severity::kInfo : Severity::kWarning, bi, v[i].b, v[j - 1].e,
                         run > 1 ? "行内用 " + std::to_string(run) + " 个空白字符排版；公文应使用段落格式而不是空格对齐"
                                 : std::string("汉字之间有多余的") + space_name(v[i].c),
                         gbt9704("5.2.3 行数和字数（版心内排版）"));
        if (run == 1) d.data = {{"fix", ""}};
        out.push_back(std::move(d));
      } else if (run > 2) {
        out.push_back(finding("text.stray-space", Severity::kInfo, bi, v[i].b, v[j - 1].e,
                              "行内用 " + std::to_string(run) + " 个空白字符排版；公文应使用段落格式而不是空格对齐",
                              gbt9704("5.2.3 行数和字数（版心内排版）")));
      }
      i = j;
    }
  }
}

// Normalised paragraph: no whitespace, punctuation or digits (near-duplicates differ only
// in those).
std::string normalised(std::string_view t) {
  std::string out;
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const char* a = p;
    const char32_t ch = text::decode(p, e);
    if (text::is_han(ch) || (ch < 0x80 && std::isalpha(static_cast<int>(ch)))) out.append(a, p);
  }
  return out;
}

void duplicates(const Context& c, std::vector<model::Diagnostic>& out) {
  std::unordered_map<std::string, std::uint32_t> exact, near;
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (text::codepoint_count(t) < 15) continue;  // short lines (signatures, dates) repeat legitimately
    const std::string n = normalised(t);
    if (text::codepoint_count(n) < 10) continue;
    auto [it, fresh] = exact.emplace(std::string(t), bi);
    if (!fresh) {
      out.push_back(finding("text.duplicate-paragraph", Severity::kWarning, bi, 0, t.size(),
                            "本段与第 " + std::to_string(c.numbers[it->second]) + " 段完全相同",
                            {"wenfeng", "文稿校对规则", "重复段落"}));
      continue;
    }
    auto [nit, nfresh] = near.emplace(n, bi);
    if (!nfresh)
      out.push_back(finding("text.duplicate-paragraph", Severity::kInfo, bi, 0, t.size(),
                            "本段与第 " + std::to_string(c.numbers[nit->second]) +
                                " 段只差标点、空格或数字，疑似重复",
                            {"wenfeng", "文稿校对规则", "重复段落"}));
  }
}

// U+FFFD, runs of ? standing for lost characters, and classic mojibake.
void garbled(const Context& c, std::vector<model::Diagnostic>& out) {
  static const text::Regex re = fixed_regex(
      "\\x{FFFD}+|(?<=\\p{Han})[?？]{2,}(?=\\p{Han})|(?<=\\p{Han})\\?(?=\\p{Han})|(?:锟斤拷)+|烫{3,}|屯{3,}|"
      "(?:Ã[\\x{80}-\\x{BF}]|â€[\\x{9C}\\x{9D}\\x{98}\\x{99}\\x{A6}\\x{94}\\x{93}]|å[\\x{80}-\\x{BF}]){2,}");
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    re.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string found(t.substr(g[0].begin, g[0].end - g[0].begin));
      std::string why = "疑似乱码“" + found + "”";
      if (found.find("\xEF\xBF\xBD") != std::string::npos) why = "含替换字符 U+FFFD（原字符在转换中丢失）";
      else if (found[0] == '?' || found.rfind("？", 0) == 0) why = "汉字之间的“" + found + "”疑似丢失的字符";
      else if (found.rfind("锟斤拷", 0) == 0 || found.rfind("烫烫烫", 0) == 0 || found.rfind("屯屯屯", 0) == 0) why = "“" + found + "”是编码转换错误留下的乱码";
      else why = "“" + found + "”像是 UTF-8 文字被当成 Latin-1 解读后的乱码";
      out.push_back(finding("text.garbled", Severity::kError, bi, g[0].begin, g[0].end,
                            why + "；请核对原稿", {"wenfeng", "文稿校对规则", "乱码"}));
    });
  }
}

}  // namespace

void text_rules(const Context& c, std::vector<model::Diagnostic>& out) {
  stray_spaces(c, out);
  duplicates(c, out);
  garbled(c, out);
}

}  // namespace wenfeng::rules
