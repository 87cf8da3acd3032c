// text.garbled — U+FFFD, runs of ? standing for lost characters, and classic mojibake (锟斤拷,
// 烫烫烫, UTF-8 read as Latin-1).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kReplacement, kQuestionMarks, kMojibake, kLatin1 };
constexpr model::Message kMessages[] = {
    {"含替换字符 U+FFFD（原字符在转换中丢失）；请核对原稿"},
    {"汉字之间的“{found}”疑似丢失的字符；请核对原稿"},
    {"“{found}”是编码转换错误留下的乱码；请核对原稿"},
    {"“{found}”像是 UTF-8 文字被当成 Latin-1 解读后的乱码；请核对原稿"},
};
constexpr model::Example kExamples[] = {{"关于锟斤拷的通知", "（按原稿恢复文字）"}};

// Every match holds U+FFFD, ? or ？, 锟, 烫, 屯, or Ã â å (C3 83, C3 A2, C3 A5).
// One pass: the lead byte C3 stands for Ã â å.
bool may_be_garbled(std::string_view t) {
  static const TailSet marks({U'?', U'\uFFFD', U'？', U'锟', U'烫', U'屯'}, {0xC3});
  return marks.in(t);
}

// A single "?" ending a question is a half-width question mark, not a lost character: after a
// question particle ("…呢?小编…") or in a sentence that asks ("…有没有…热爱,来承受…重担?面对…").
bool ends_question(std::string_view t, std::size_t at) {
  std::size_t begin;
  const char32_t before = text::cp_before(t, at, begin);
  if (std::u32string_view(U"吗呢么吧啊呀嘛").find(before) != std::u32string_view::npos) return true;
  std::size_t from = at;
  while (from > 0) {
    std::size_t b;
    const char32_t ch = text::cp_before(t, from, b);
    if (ch == U'。' || ch == U'！' || ch == U'？' || ch == U'!' || ch == U'?' || ch == U'；' || ch == U';') break;
    from = b;
  }
  const std::string_view sentence = t.substr(from, at - from);
  return text::contains_any(sentence, {"什么", "怎么", "怎样", "如何", "为什么", "为何", "是否", "能否", "可否", "有没有",
                                       "是不是", "能不能", "会不会", "要不要", "多少", "哪里", "哪些", "哪个", "谁"});
}

void run(const lint::RuleContext& c) {
  static const FixedRegex re(
      "\\x{FFFD}+|(?<=\\p{Han})[?？]{2,}(?=\\p{Han})|(?<=\\p{Han})\\?(?=\\p{Han})|(?:锟斤拷)+|烫{3,}|屯{3,}|"
      "(?:Ã[\\x{80}-\\x{BF}]|â€[\\x{9C}\\x{9D}\\x{98}\\x{99}\\x{A6}\\x{94}\\x{93}]|å[\\x{80}-\\x{BF}]){2,}");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    for_each_match(c.m.commas_of(bi), *re, t, may_be_garbled, [&](const std::vector<text::Match>& g) {
      const std::string found(sv(t, g[0]));
      std::uint8_t kind = kLatin1;
      if (found.find("\xEF\xBF\xBD") != std::string::npos) kind = kReplacement;
      else if (found[0] == '?' || found.rfind("？", 0) == 0) kind = kQuestionMarks;
      if (found == "?" && ends_question(t, g[0].begin)) return;
      else if (found.rfind("锟斤拷", 0) == 0 || found.rfind("烫烫烫", 0) == 0 || found.rfind("屯屯屯", 0) == 0) kind = kMojibake;
      c.report(bi, g[0].begin, g[0].end, kind, {{"found", found}});
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "text.garbled",
    .family = model::Family::kText,
    .severity = model::Severity::kError,
    .title = "乱码",
    .summary = "替换字符、丢字问号和编码乱码",
    .description = "替换字符 U+FFFD、汉字间代替丢失文字的问号、“锟斤拷”等编码转换错误留下的乱码。",
    .measures = "指出乱码。",
    .source = proofreading("乱码"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
