// format.doc-number, format.date, format.obsolete-element, format.attachment,
// format.title, format.addressee (GB/T 9704-2012, 《党政机关公文处理工作条例》).
#include <string>

#include "rules/rules.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

using model::Severity;

std::string_view sv(std::string_view t, const text::Match& m) { return t.substr(m.begin, m.end - m.begin); }

// 发文字号: 机关代字 + 〔年份〕 + 顺序号 + 号, in the 版头 line or cited in the text.
void doc_number(const Context& c, std::vector<model::Diagnostic>& out) {
  static const text::Regex re = fixed_regex(
      "(\\p{Han}{1,12})(\\s*)([〔\\[\\(（【［﹝])(\\s*)(\\d{2,4})(\\s*)([〕\\]\\)）】］﹞])(\\s*)(第?)(\\s*)(\\d+)(\\s*)号");
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    re.for_each(t, [&](const std::vector<text::Match>& g) {
      std::vector<std::string> problems;
      const std::string open(sv(t, g[3])), close(sv(t, g[7]));
      if (open != "〔" || close != "〕") problems.push_back("年份应用六角括号“〔〕”括入，不用“" + open + close + "”");
      if (sv(t, g[5]).size() != 4) problems.push_back("年份应标全称（4 位）");
      if (!sv(t, g[9]).empty()) problems.push_back("顺序号前不加“第”");
      const auto seq = sv(t, g[11]);
      if (seq.size() > 1 && seq[0] == '0') problems.push_back("顺序号不编虚位（1 不编为 01）");
      for (int k : {2, 4, 6, 8, 10, 12})
        if (!sv(t, g[static_cast<std::size_t>(k)]).empty()) {
          problems.push_back("发文字号内不应有空格");
          break;
        }
      if (problems.empty()) return;
      std::string msg = "发文字号“" + std::string(sv(t, g[0])) + "”格式不规范：";
      for (std::size_t i = 0; i < problems.size(); ++i) msg += (i ? "；" : "") + problems[i];
      auto d = finding("format.doc-number", Severity::kError, bi, g[0].begin, g[0].end, msg,
                       gbt9704("7.2.5 发文字号"));
      out.push_back(std::move(d));
    });
  }
}

// 成文日期 and dates in the text (2012 rule: Arabic numerals, no leading zeros).
void dates(const Context& c, std::vector<model::Diagnostic>& out) {
  static const text::Regex chinese = fixed_regex(
      "([〇零OoＯ0０一二三四五六七八九]{4})年([一二三四五六七八九十\\d０-９]{1,3})月([一二三四五六七八九十\\d０-９]{1,3})日");
  static const text::Regex leading_zero =
      fixed_regex("(?<![\\d０-９])(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日)?|(?<![\\d０-９])\\d{1,2}日");
  static const text::Regex dashed = fixed_regex("(?<![\\d.A-Za-z])(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])");
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    chinese.for_each(t, [&](const std::vector<text::Match>& g) {
      const std::string year(sv(t, g[1]));
      const std::string whole(sv(t, g[0]));
      std::string msg;
      bool arabic_part = false;
      for (int k : {2, 3})
        for (char ch : sv(t, g[static_cast<std::size_t>(k)])) arabic_part |= (ch >= '0' && ch <= '9');
      const bool zero_wrong = year.find("零") != std::string::npos || year.find('0') != std::string::npos ||
                              year.find('O') != std::string::npos || year.find('o') != std::string::npos ||
                              year.find("Ｏ") != std::string::npos || year.find("０") != std::string::npos;
      if (arabic_part) {
        msg = "日期“" + whole + "”混用汉字和阿拉伯数字；成文日期应全部用阿拉伯数字（如 2024年5月1日）";
      } else {
        msg = "日期“" + whole + "”是 1999 年标准的汉字写法；GB/T 9704-2012 要求用阿拉伯数字将年、月、日标全";
        if (zero_wrong) msg += "；另外，汉字写法中的“〇”被写成了“0”“O”或“零”";
      }
      out.push_back(finding("format.date", Severity::kWarning, bi, g[0].begin, g[0].end, msg,
                            gbt9704("7.3.5.4 成文日期中的数字")));
    });
    leading_zero.for_each(t, [&](const std::vector<text::Match>& g) {
      static const text::Regex zero = fixed_regex("(?<![\\d])0\\d(?=[月日])");
      text::Match z;
      if (!zero.search(sv(t, g[0]), z)) return;
      out.push_back(finding("format.date", Severity::kWarning, bi, g[0].begin, g[0].end,
                            "日期“" + std::string(sv(t, g[0])) + "”中的月、日不编虚位（1 不编为 01）",
                            gbt9704("7.3.5.4 成文日期中的数字")));
    });
    dashed.for_each(t, [&](const std::vector<text::Match>& g) {
      const int month = std::atoi(std::string(sv(t, g[3])).c_str());
      const int day = std::atoi(std::string(sv(t, g[4])).c_str());
      if (month < 1 || month > 12 || day < 1 || day > 31) return;
      const std::string fix = std::string(sv(t, g[1])) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
      auto d = finding("format.date", Severity::kInfo, bi, g[0].begin, g[0].end,
                       "日期“" + std::string(sv(t, g[0])) + "”在公文正文中宜写作“" + fix + "”",
                       gbt9704("7.3.5.4 成文日期中的数字"));
      d.data = {{"fix", fix}};
      out.push_back(std::move(d));
    });
  }
}

bool starts_with(std::string_view t, std::string_view p) { return t.substr(0, p.size()) == p; }

std::string_view trim_left(std::string_view t) {
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const char* a = p;
    const char32_t ch = text::decode(p, e);
    if (!text::is_whitespace(ch) && !text::is_invisible(ch)) return t.substr(static_cast<std::size_t>(a - t.data()));
  }
  return {};
}

std::size_t offset_in(std::string_view whole, std::string_view part) {
  return static_cast<std::size_t>(part.data() - whole.data());
}

// 主题词 (and 抄报) were dropped in 2012.
void obsolete(const Context& c, std::vector<model::Diagnostic>& out) {
  for (auto bi : c.paragraphs) {
    const auto t = c.doc.block_text(bi);
    const auto s = trim_left(t);
    if (starts_with(s, "主题词")) {
      out.push_back(finding("format.obsolete-element", Severity::kError, bi, offset_in(t, s),
                            offset_in(t, s) + std::string_view("主题词").size(),
                            "“主题词”是 1999 年标准的要素，GB/T 9704-2012 已删除，应去掉", gbt9704("前言 e)")));
    } else if (starts_with(s, "抄报")) {
      out.push_back(finding("format.obsolete-element", Severity::kInfo, bi, offset_in(t, s),
                            offset_in(t, s) + std::string_view("抄报").size(),
                            "版记中应统一用“抄送”，不用“抄报”", gbt9704("7.4.2 抄送机关")));
    }
  }
}

char32_t last_visible(std::string_view t, std::size_t& at) {
  char32_t last = 0;
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const char* a = p;
    const char32_t ch = text::decode(p, e);
    if (!text::is_whitespace(ch) && !text::is_invisible(ch)) {
      last = ch;
      at = static_cast<std::size_t>(a - t.data());
    }
  }
  return last;
}

bool is_end_punct(char32_t ch) {
  switch (ch) {
    case U'。': case U'，': case U'；': case U'：': case U'、': case U'.': case U',': case U';': case U':':
      return true;
    default:
      return false;
  }
}

// 附件说明: "附件：名称", "附件：1.名称", names without final punctuation.
void attachments(const Context& c, std::vector<model::Diagnostic>& out) {
  static const text::Regex numbered = fixed_regex("^\\s*(?:附件[：:]\\s*)?(\\d+)\\s*([.．、])\\s*\\S");
  bool in_list = false;
  for (std::size_t k = 0; k < c.paragraphs.size(); ++k) {
    const auto bi = c.paragraphs[k];
    const auto t = c.doc.block_text(bi);
    const auto s = trim_left(t);
    const bool head = starts_with(s, "附件");
    if (!head && !in_list) continue;
    if (head) {
      // "附件1" on its own line heads the attachment itself, not the 附件说明.
      const auto rest = s.substr(std::string_view("附件").size());
      if (rest.empty() || (rest[0] >= '0' && rest[0] <= '9')) { in_list = false; continue; }
      const std::size_t base = offset_in(t, s);
      if (starts_with(rest, ":")) {
        auto d = finding("format.attachment", Severity::kError, bi, base + 6, base + 7,
                         "附件说明中“附件”后应用全角冒号“：”", gbt9704("7.3.3 附件说明"));
        d.data = {{"fix", "："}};
        out.push_back(std::move(d));
      } else if (!starts_with(rest, "：")) {
        continue;  // 附件 used as an ordinary word
      }
      std::size_t colon_len = starts_with(rest, ":") ? 1 : 3;
      const auto name = trim_left(rest.substr(colon_len));
      if (name.empty()) {
        out.push_back(finding("format.attachment", Severity::kError, bi, base, t.size(),
                              "“附件：”后没有附件名称", gbt9704("7.3.3 附件说明")));
        continue;
      }
      in_list = true;
    } else {
      std::vector<text::Match> g;
      if (!numbered.search(s, g)) { in_list = false; continue; }
    }
    std::size_t at = 0;
    const char32_t last = last_visible(t, at);
    if (is_end_punct(last)) {
      std::string p;
      text::append_utf8(p, last);
      out.push_back(finding("format.attachment", Severity::kWarning, bi, at, at + p.size(),
                            "附件名称后不加标点符号（此处为“" + p + "”）", gbt9704("7.3.3 附件说明")));
    }
    std::vector<text::Match> g;
    if (numbered.search(s, g) && sv(s, g[2]) != ".") {
      const std::size_t base = offset_in(t, s);
      out.push_back(finding("format.attachment", Severity::kWarning, bi, base + g[2].begin, base + g[2].end,
                            "多个附件的序号用阿拉伯数字加小圆点（如“附件：1.××××”），不用“" + std::string(sv(s, g[2])) + "”",
                            gbt9704("7.3.3 附件说明")));
    }
  }
}

constexpr const char* kWenzhong[] = {"决议", "决定", "命令", "令", "公报", "公告", "通告", "意见",
                                     "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要"};

// 标题: no final punctuation, ends with one of the 15 文种, never "请示报告".
void title(const Context& c, std::vector<model::Diagnostic>& out) {
  if (c.title < 0) return;
  const auto bi = static_cast<std::uint32_t>(c.title);
  const auto t = c.doc.block_text(bi);
  std::size_t at = 0;
  const char32_t last = last_visible(t, at);
  if (last == 0) return;
  const bool doc = c.is_document();
  if (is_end_punct(last) || (doc && (last == U'！' || last == U'？' || last == U'!' || last == U'?'))) {
    std::string p;
    text::append_utf8(p, last);
    out.push_back(finding("format.title", Severity::kWarning, bi, at, at + p.size(),
                          "标题末尾不加标点符号（此处为“" + p + "”）", gbt9704("7.3.1 标题")));
  }
  if (!doc) return;
  if (const auto pos = t.find("请示报告"); pos != std::string_view::npos) {
    out.push_back(finding("format.title", Severity::kError, bi, pos, pos + std::string_view("请示报告").size(),
                          "“请示报告”不是法定文种：请示和报告是两个文种，应分别行文（请示一文一事，报告不夹带请示事项）",
                          tiaoli("第八条（公文种类）")));
    return;
  }
  // The title without its trailing punctuation (already reported above).
  std::string last_char;
  text::append_utf8(last_char, last);
  const std::string_view trimmed =
      t.substr(0, is_end_punct(last) || last == U'！' || last == U'？' ? at : at + last_char.size());
  for (const char* w : kWenzhong) {
    const std::string_view ws(w);
    if (trimmed.size() >= ws.size() && trimmed.substr(trimmed.size() - ws.size()) == ws) return;
  }
  out.push_back(finding("format.title", Severity::kWarning, bi, 0, t.size(),
                        "公文标题应以文种结尾（决议、决定、命令（令）、公报、公告、通告、意见、通知、通报、报告、请示、批复、"
                        "议案、函、纪要）",
                        tiaoli("第八条、第九条（七）")));
}

// 主送机关: the line after the title ends with a full-width colon.
void addressee(const Context& c, std::vector<model::Diagnostic>& out) {
  if (!c.is_document() || c.title < 0) return;
  static const text::Regex organ = fixed_regex(
      "(各|人民政府|委员会|各部门|各单位|直属机构|办公室|办公厅|局|委|厅|部|党组|党委|政府|同志)\\s*[：:]?\\s*$");
  for (std::size_t k = 0; k < c.paragraphs.size(); ++k) {
    const auto bi = c.paragraphs[k];
    if (static_cast<int>(bi) <= c.title) continue;
    const auto t = c.doc.block_text(bi);
    if (trim_left(t).empty()) continue;
    // Only the first non-empty paragraph after the title can be the 主送机关.
    std::size_t at = 0;
    const char32_t last = last_visible(t, at);
    if (text::codepoint_count(t) > 80 || t.find("。") != std::string_view::npos) return;
    text::Match m;
    if (!organ.search(t, m)) return;
    if (last == U'：') return;
    if (last == U':') {
      auto d = finding("format.addressee", Severity::kError, bi, at, at + 1,
                       "主送机关最后一个机关名称后应标全角冒号“：”，不用半角“:”", gbt9704("7.3.2 主送机关"));
      d.data = {{"fix", "："}};
      out.push_back(std::move(d));
    } else {
      std::string p;
      text::append_utf8(p, last);
      out.push_back(finding("format.addressee", Severity::kError, bi, at, at + p.size(),
                            "主送机关最后一个机关名称后应标全角冒号“：”", gbt9704("7.3.2 主送机关")));
    }
    return;
  }
}

}  // namespace

void format_rules(const Context& c, std::vector<model::Diagnostic>& out) {
  doc_number(c, out);
  dates(c, out);
  obsolete(c, out);
  attachments(c, out);
  title(c, out);
  addressee(c, out);
}

}  // namespace wenfeng::rules
