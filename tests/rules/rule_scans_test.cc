// The pattern rules skip paragraphs with prefilters and some read their matches by hand
// (format.doc-number, format.numbering's ordinals, text.duplicate-paragraph's hashing).
// Each is checked here against the rule as first written with ICU patterns (kept below as
// the oracle) on random text drawn from the characters the patterns look at: the findings
// (position, message, arguments, severity, fix) must be the same.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>
#include <sstream>

#include "lint/linter.h"
#include "profiles/profile.h"
#include "readers/text_reader.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/numerals.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

struct Found {
  std::uint32_t block = 0, offset = 0, length = 0;
  int message = 0;
  std::string args;
  int severity = -1;  // -1: the rule's default
  std::string fix = "\x01";  // "\x01": none
  bool operator<(const Found& o) const {
    return std::tie(block, offset, length, message, args) < std::tie(o.block, o.offset, o.length, o.message, o.args);
  }
  bool operator==(const Found& o) const {
    return block == o.block && offset == o.offset && length == o.length && message == o.message && args == o.args &&
           severity == o.severity && fix == o.fix;
  }
};

std::string show(const std::vector<Found>& v) {
  std::ostringstream s;
  for (const auto& f : v)
    s << "[" << f.block << ":" << f.offset << "+" << f.length << " m" << f.message << " " << f.args << " s" << f.severity
      << " fix=" << (f.fix == "\x01" ? "-" : f.fix) << "]";
  return s.str();
}

std::string args(const model::Args& a) {
  std::string s;
  for (const auto& [k, v] : a) s += std::string(k) + "=" + std::string(v) + ";";
  return s;
}

const text::Regex& re(const char* p) {
  static std::map<std::string, text::Regex> cache;
  auto it = cache.find(p);
  if (it == cache.end()) it = cache.emplace(p, std::move(text::Regex::compile(p).value())).first;
  return it->second;
}
std::string sv(std::string_view t, const text::Match& m) { return std::string(t.substr(m.begin, m.end - m.begin)); }

using Oracle = std::function<void(std::uint32_t, std::string_view, std::vector<Found>&)>;

Found at(std::uint32_t b, std::size_t begin, std::size_t end, int m, model::Args a) {
  Found f;
  f.block = b;
  f.offset = static_cast<std::uint32_t>(begin);
  f.length = static_cast<std::uint32_t>(end - begin);
  f.message = m;
  f.args = args(a);
  return f;
}

// ---- The oracles: the rules' pattern code as it was before the scans. ----

void doc_number(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(\\p{Han}{1,12})(\\s*)([〔\\[\\(（【［﹝])(\\s*)(\\d{2,4})(\\s*)([〕\\]\\)）】］﹞])(\\s*)(第?)(\\s*)(\\d+)(\\s*)号")
      .for_each(t, [&](const std::vector<text::Match>& g) {
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
        std::string joined;
        for (std::size_t i = 0; i < problems.size(); ++i) joined += (i ? "；" : "") + problems[i];
        out.push_back(at(b, g[0].begin, g[0].end, 0, {{"found", sv(t, g[0])}, {"problems", joined}}));
      });
}

void date(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  const bool has_ri = t.find("日") != std::string_view::npos;
  if (has_ri || t.find("月") != std::string_view::npos) {
    re("([〇零OoＯ0０一二三四五六七八九]{4})年([一二三四五六七八九十\\d０-９]{1,3})月([一二三四五六七八九十\\d０-９]{1,3})日")
        .for_each(t, [&](const std::vector<text::Match>& g) {
          const std::string year = sv(t, g[1]);
          bool arabic_part = false;
          for (int k : {2, 3})
            for (char ch : sv(t, g[static_cast<std::size_t>(k)])) arabic_part |= (ch >= '0' && ch <= '9');
          bool zero_wrong = false;
          for (std::string_view z : {"零", "0", "O", "o", "Ｏ", "０"}) zero_wrong |= year.find(z) != std::string::npos;
          out.push_back(at(b, g[0].begin, g[0].end, arabic_part ? 0 : zero_wrong ? 2 : 1, {{"found", sv(t, g[0])}}));
        });
    re("(?<![\\d０-９])(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}日)?|(?<![\\d０-９])\\d{1,2}日")
        .for_each(t, [&](const std::vector<text::Match>& g) {
          text::Match z;
          if (!re("(?<![\\d])0\\d(?=[月日])").search(t.substr(g[0].begin, g[0].end - g[0].begin), z)) return;
          out.push_back(at(b, g[0].begin, g[0].end, 3, {{"found", sv(t, g[0])}}));
        });
  }
  re("(?<![\\d.A-Za-z])(\\d{4})([-./])(\\d{1,2})\\2(\\d{1,2})(?![\\d.])").for_each(t, [&](const std::vector<text::Match>& g) {
    const int month = std::atoi(sv(t, g[3]).c_str());
    const int day = std::atoi(sv(t, g[4]).c_str());
    if (month < 1 || month > 12 || day < 1 || day > 31) return;
    const std::string fix = sv(t, g[1]) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
    Found f = at(b, g[0].begin, g[0].end, 4, {{"found", sv(t, g[0])}, {"fix", fix}});
    f.severity = 0;
    f.fix = fix;
    out.push_back(f);
  });
}

void punct_range(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*([-－–—~]|-{2})\\s*(\\d+(?:\\.\\d+)?)\\s*"
     "(%|％|‰|万|亿|元|千克|公斤|克|吨|米|千米|公里|平方米|平方公里|亩|公顷|人|个|岁|天|小时|分钟|℃|摄氏度|倍|户|家|所|台|辆)")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        Found f = at(b, g[2].begin, g[2].end, 0, {{"found", sv(t, g[2])}});
        f.fix = "～";
        out.push_back(f);
      });
  re("(?<!\\d)(\\d{4})\\s*([-－–~～])\\s*(\\d{4})\\s*年").for_each(t, [&](const std::vector<text::Match>& g) {
    Found f = at(b, g[2].begin, g[2].end, 1, {{"found", sv(t, g[2])}});
    f.fix = "—";
    out.push_back(f);
  });
}

void number_range(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*[～~—\\-－–]\\s*(\\d+(?:\\.\\d+)?)\\s*(%|％|万|亿)")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        out.push_back(at(b, g[0].begin, g[0].end, 0,
                         {{"found", sv(t, g[0])}, {"unit", sv(t, g[3])}, {"from", sv(t, g[1])}, {"to", sv(t, g[2])}}));
      });
}

void approx(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(?<!\\d)(\\d)、?(\\d)(?=(个|天|年|岁|人|次|月)(?![\\d]))|\\d+几|几\\d+").for_each(t, [&](const std::vector<text::Match>& g) {
    const std::string found = sv(t, g[0]);
    if (found.find("几") == std::string::npos) {
      if (found.find("、") == std::string::npos) return;
      const int a = t[g[1].begin] - '0', c = t[g[2].begin] - '0';
      if (c != a + 1) return;
    }
    out.push_back(at(b, g[0].begin, g[0].end, 0, {{"found", found}}));
  });
  if (t.find("左右") == std::string_view::npos) return;
  re("约\\s*[\\d０-９.．一二三四五六七八九十百千万亿两]+\\s*\\p{Han}{0,4}?左右").for_each(t, [&](const std::vector<text::Match>& g) {
    Found f = at(b, g[0].begin, g[0].end, 1, {{"found", sv(t, g[0])}});
    f.severity = 0;
    out.push_back(f);
  });
}

void doubled(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("([，。、；：])\\1+|[，、；：][。，、；：]|。[，、；：]").for_each(t, [&](const std::vector<text::Match>& g) {
    out.push_back(at(b, g[0].begin, g[0].end, 0, {{"found", sv(t, g[0])}}));
  });
  re("[？！]{2,}").for_each(t, [&](const std::vector<text::Match>& g) {
    Found f = at(b, g[0].begin, g[0].end, 1, {{"found", sv(t, g[0])}});
    f.severity = 0;
    out.push_back(f);
  });
}

void ellipsis(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  int chinese = -1;
  re("(?<![.\\d])\\.{3,}(?![.\\d])|。{3,}|·{3,}|…{3,}|(?<!…)…(?!…)").for_each(t, [&](const std::vector<text::Match>& g) {
    const std::string found = sv(t, g[0]);
    if (found[0] == '.') {
      if (chinese < 0) {
        chinese = 0;
        for (const auto cp : text::code_points(t)) chinese |= text::is_han(cp.cp);
      }
      if (!chinese) return;
    }
    Found f = at(b, g[0].begin, g[0].end, 0, {{"found", found}});
    f.fix = "……";
    out.push_back(f);
  });
}

void dash(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(?<!-)--(?!-)|－－|—{3,}|—\\s+—|-—|—-").for_each(t, [&](const std::vector<text::Match>& g) {
    // Not a dash: a "--" alone in its paragraph, or a program's comment marker (after an
    // ASCII character and a space, or after a line's indentation).
    if (sv(t, g[0]) == "--") {
      text::Match m;
      if (re("^[ \\t\\x{A0}]*--[ \\t\\x{A0}]*\\z").search(t, m)) return;
      const std::string before(t.substr(0, g[0].begin));
      if (re("(?:^|\\n)[ \\t\\x{A0}]+\\z").search(before, m) || re("[\\x{21}-\\x{7F}][ \\t\\x{A0}]+\\z").search(before, m))
        return;
    }
    Found f = at(b, g[0].begin, g[0].end, 0, {{"found", sv(t, g[0])}});
    f.fix = "——";
    out.push_back(f);
  });
}

void garbled(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("\\x{FFFD}+|(?<=\\p{Han})[?？]{2,}(?=\\p{Han})|(?<=\\p{Han})\\?(?=\\p{Han})|(?:锟斤拷)+|烫{3,}|屯{3,}|"
     "(?:Ã[\\x{80}-\\x{BF}]|â€[\\x{9C}\\x{9D}\\x{98}\\x{99}\\x{A6}\\x{94}\\x{93}]|å[\\x{80}-\\x{BF}]){2,}")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        const std::string found = sv(t, g[0]);
        int kind = 3;
        if (found.find("\xEF\xBF\xBD") != std::string::npos) kind = 0;
        else if (found[0] == '?' || found.rfind("？", 0) == 0) kind = 1;
        else if (found.rfind("锟斤拷", 0) == 0 || found.rfind("烫烫烫", 0) == 0 || found.rfind("屯屯屯", 0) == 0) kind = 2;
        out.push_back(at(b, g[0].begin, g[0].end, kind, {{"found", found}}));
      });
}

void enum_comma(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  static constexpr std::string_view kOrder = "一二三四五六七八九";
  if (t.find("、") == std::string_view::npos) return;
  re("[》”]、[《“]").for_each(t, [&](const std::vector<text::Match>& g) {
    out.push_back(at(b, g[0].begin + 3, g[0].begin + 6, 0, {}));
  });
  re("(?<![第十])([一二三四五六七八九])、([一二三四五六七八九])(?=[十百千万]?(?:[个天岁人次名位种项家户条]|年(?!级)))")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        const std::string a = sv(t, g[1]), c = sv(t, g[2]);
        if (kOrder.find(c) != kOrder.find(a) + 3) return;
        Found f = at(b, g[1].end, g[1].end + 3, 1, {{"approx", a + c}});
        f.severity = 2;
        out.push_back(f);
      });
}

void year(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  if (t.find("年") == std::string_view::npos) return;
  // A year in Chinese numerals with a zero look-alike (二O一八年) is no short year.
  re("(?<![\\d〇零一二三四五六七八九])(\\d{2}|(?<![〇零一二三四五六七八九][OoＯｏ0０○◯])[〇零一二三四五六七八九]{2})年"
     "(?=\\d{1,2}月|[一二三四五六七八九十]{1,2}月)")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        out.push_back(at(b, g[0].begin, g[0].end, 0, {{"found", sv(t, g[0])}}));
      });
  re("[〇零一二三四五六七八九]([OoＯｏ0０○◯])[〇零一二三四五六七八九]{2}年").for_each(t, [&](const std::vector<text::Match>& g) {
    out.push_back(at(b, g[1].begin, g[1].end, 1, {{"found", sv(t, g[0])}, {"zero", sv(t, g[1])}}));
  });
}

void arabic(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  re("(?<![第一二三四五六七八九十百千两零数几])([一二三四五六七八九十百千两零]*[十百千]零?[一二三四五六七八九]?)"
     "(公里|千米|米|千克|公斤|吨|平方米|平方公里|公顷|万元|亿元|摄氏度)")
      .for_each(t, [&](const std::vector<text::Match>& g) {
        // Only a count written out in full: the strict numeral parser decides (百亿, 三四十 are none).
        if (text::chinese_numeral_value(sv(t, g[1]), text::NumeralForm::kStrict) < 0) return;
        out.push_back(at(b, g[0].begin, g[0].end, 0, {{"found", sv(t, g[0])}}));
      });
}

// ---- Random paragraphs over the characters the patterns look at. ----

const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "0", "1", "2", "3", "4", "5", "9", "01", "2024", "12", "０", "１", "٣", "〇", "零", "一", "二", "三", "四", "九",
      "十", "百", "千", "两", "O", "o", "Ｏ", "年", "月", "日", "号", "第", "发", "宜", "政", "文", "〔", "〕", "[", "]",
      "(", ")", "（", "）", "【", "】", "［", "］", "﹝", "﹞", "-", "--", "－", "–", "—", "——", "~", "～", ".", "．",
      "/", "、", "，", "。", "；", "：", ":", ",", "？", "?", "！", "…", "……", "·", " ", "\u3000", "\t", "\u00A0",
      "公里", "米", "千米", "千克", "万元", "亿元", "%", "％", "万", "亿", "个", "天", "人", "次", "℃", "几", "约",
      "左右", "锟斤拷", "烫", "屯", "\uFFFD", "Ã©", "Ã", "â€œ", "å…", "《", "》", "“", "”", "a", "Z", "的", "县",
      "摄氏度", "平方公里", "小时", "级", "⺀", "々"};
  return p;
}

// Half the pieces from the rule's own small alphabet (so its structures form often), the
// rest from everything above.
std::string random_paragraph(std::mt19937& rng, const std::vector<std::string>& own) {
  std::string s;
  const int n = 1 + static_cast<int>(rng() % 24);
  for (int i = 0; i < n; ++i)
    s += (rng() % 4 != 0 && !own.empty()) ? own[rng() % own.size()] : pieces()[rng() % pieces().size()];
  return s;
}

std::vector<Found> rule_findings(const model::Document& d, const std::string& rule) {
  static const profiles::Profile national = std::move(profiles::load_profile("national").value());
  lint::Options o;
  o.only = {rule};
  std::vector<Found> out;
  for (const auto& f : lint::lint_document(d, national, {"document", model::KindSource::kOption, ""}, o).findings) {
    Found x;
    x.block = f.block;
    x.offset = f.offset;
    x.length = f.length;
    x.message = f.message;
    x.args = args(f.args);
    x.severity = f.severity == f.rule->severity ? -1 : static_cast<int>(f.severity);
    if (f.fix) x.fix = f.fix->replacement;
    out.push_back(x);
  }
  return out;
}

using Maker = std::function<std::string(std::mt19937&)>;

// One of `options`, or nothing one time in `skip`.
std::string any(std::mt19937& rng, const std::vector<std::string>& options, unsigned skip = 0) {
  if (skip && rng() % skip == 0) return "";
  return options[rng() % options.size()];
}

void check_rule(const std::string& rule, const Oracle& oracle, const std::vector<std::string>& own,
                const Maker& make = nullptr) {
  const model::RuleInfo* info = model::find_rule(rule);
  ASSERT_NE(info, nullptr) << rule;
  std::mt19937 rng(std::hash<std::string>{}(rule) & 0xFFFF);
  int with_findings = 0;
  for (int i = 0; i < 2500; ++i) {
    std::string text;
    const int paragraphs = 1 + static_cast<int>(rng() % 3);
    for (int p = 0; p < paragraphs; ++p) {
      // One paragraph in twenty is long (over 2 KB: searched clause by clause).
      const int pieces = rng() % 20 == 0 ? 90 : 1;
      for (int k = 0; k < pieces; ++k)
        text += (make && rng() % 2 ? random_paragraph(rng, own) + make(rng) + random_paragraph(rng, own)
                                   : random_paragraph(rng, own)) +
                (pieces > 1 && rng() % 2 ? "，" : "");
      text += "\n";
    }
    const auto doc = readers::build_text_document(text, "t.txt");
    std::vector<Found> want;
    for (std::uint32_t b = 0; b < doc.blocks.size(); ++b) oracle(b, doc.block_text(b), want);
    for (auto& f : want)
      if (f.severity == static_cast<int>(info->severity)) f.severity = -1;
    auto got = rule_findings(doc, rule);
    std::stable_sort(want.begin(), want.end());
    std::stable_sort(got.begin(), got.end());
    ASSERT_EQ(show(got), show(want)) << rule << " on: " << text;
    with_findings += !want.empty();
  }
  // The random text must exercise the rule, or the comparison proves nothing.
  EXPECT_GT(with_findings, 40) << rule;
}

TEST(RuleScans, DocNumber) {
  check_rule("format.doc-number", doc_number,
             {"宜发", "政", "〔", "〕", "[", "]", "（", "）", "2008", "08", "20245", "13", "013", "第", "号", " ", "\u3000",
              "１２", "办公室", "，"},
             [](std::mt19937& r) {
               const std::vector<std::string> ws = {"", "", "", " ", "\u3000"};
               std::string x;
               for (unsigned i = r() % 15; i > 0; --i) x += any(r, {"宜", "发", "政", "办", "〇", "々"});
               x += any(r, ws) + any(r, {"〔", "[", "(", "（", "【", "［", "﹝", "〕"}) + any(r, ws);
               x += any(r, {"2008", "08", "8", "20245", "２００８", "200"}) + any(r, ws);
               x += any(r, {"〕", "]", ")", "）", "】", "］", "﹞", "〔"}) + any(r, ws) + any(r, {"第"}, 2) + any(r, ws);
               x += any(r, {"13", "013", "1", "", "0"}) + any(r, ws) + any(r, {"号", "号", "文"});
               return x;
             });
}
TEST(RuleScans, Date) {
  check_rule("format.date", date,
             {"二〇二四", "二零二四", "2000", "2024", "年", "五", "十二", "05", "5", "01", "月", "日", "-", ".", "/", "0",
              "１", "a", "12", "31"},
             [](std::mt19937& r) {
               // Dashed dates: a fifth digit or a letter before, three-digit parts, mixed marks,
               // digits of other scripts, a "." or digit after.
               const std::string mark = any(r, {"-", ".", "/"});
               return any(r, {"", "", "1", "a", "Z", ".", "-", "的"}) + any(r, {"2024", "２０２４", "٢٠٢٤", "202", "2024"}) +
                      mark + any(r, {"5", "05", "13", "123", "0", "５"}) + (r() % 5 ? mark : any(r, {"-", ".", "/"})) +
                      any(r, {"1", "10", "31", "32", "100", "0", "１"}) + any(r, {"", "", ".", "5", "日", "-", ".5"});
             });
}
TEST(RuleScans, PunctRange) {
  check_rule("punct.range", punct_range,
             {"25", "3.5", "2021", "2025", "-", "--", "－", "–", "—", "~", "～", " ", "℃", "%", "年", "千米", "米", "小时",
              "个", "."},
             [](std::mt19937& r) {
               // Value ranges: --, ---, a . or digit before, fractions, units that start alike.
               const std::vector<std::string> ws = {"", "", " ", "\u3000"};
               return any(r, {"", "", ".", "1", "第"}) + any(r, {"25", "3.5", "３", "٣", "1.", "0"}) + any(r, ws) +
                      any(r, {"-", "--", "---", "－", "–", "—", "~", "～"}) + any(r, ws) + any(r, {"30", "4.5", "５", "x"}) +
                      any(r, ws) + any(r, {"平方米", "平方公里", "平方", "千米", "千克", "千", "公斤", "公顷", "摄氏度", "分钟", "辆", "年"});
             });
}
TEST(RuleScans, NumberRange) {
  check_rule("number.range", number_range,
             {"18", "2.5", "-", "～", "~", "—", "－", " ", "%", "％", "万", "亿", ".", "３", "٣", "\u3000", "–", "1."});
}
TEST(RuleScans, Approx) {
  check_rule("number.approx", approx, {"3", "4", "5", "、", "几", "个", "天", "年", "约", "左右", "三百", " ", "人"},
             [](std::mt19937& r) {
               // Digits of other scripts (߀ and ० have consecutive first bytes DF and E0), \s
               // as ICU has it (U+000B, U+0085), Han between the number and 左右.
               const std::vector<std::string> ws = {"", "", " ", "\u3000", "\u000B", "\u0085", "\t"};
               if (r() % 2)
                 return any(r, {"", "1", "几", "约"}) + any(r, {"3", "٣", "߀", "３", "12"}) + any(r, {"、", "", "、、"}) +
                        any(r, {"4", "٤", "०", "４", "0"}) + any(r, {"个", "天", "月", "几", "人", "的"}) +
                        any(r, {"", "5", "的", "٣"});
               std::string x = "约" + any(r, ws) + any(r, {"3", "三百", "１０", "2.5", "．", "两千万", "", "十"}) + any(r, ws);
               for (unsigned i = r() % 6; i > 0; --i) x += any(r, {"人", "元", "左", "个", "〇", "a"});
               return x + any(r, {"左右", "左右", "右", "左"});
             });
}
TEST(RuleScans, Doubled) { check_rule("punct.doubled", doubled, {"，", "。", "、", "；", "：", "？", "！", "的"}); }
TEST(RuleScans, Ellipsis) { check_rule("punct.ellipsis", ellipsis, {".", "...", "。", "·", "…", "3", "的"}); }
TEST(RuleScans, Dash) {
  // \s as ICU has it: U+000B and U+0085 too (the old prefilter missed them).
  check_rule("punct.dash", dash,
             {"-", "－", "—", " ", "的", "\u000B", "\u0085", "\u3000", "\t", "——", "---", "，", "\u00A0", "a", "--"});
}
TEST(RuleScans, Garbled) {
  check_rule("text.garbled", garbled, {"?", "？", "的", "锟斤拷", "烫", "屯", "\uFFFD", "Ã©", "â€œ", "å…", "a"});
}
TEST(RuleScans, EnumComma) {
  check_rule("punct.enum-comma", enum_comma,
             {"》", "”", "、", "《", "“", "三", "四", "五", "十", "第", "天", "百", "个", "的"});
}
TEST(RuleScans, Year) {
  check_rule("number.year", year, {"24", "2024", "二四", "〇", "年", "3", "12", "月", "十", "一", "的", "O", "○", "０"},
             [](std::mt19937& r) {
               return any(r, {"", "1", "二", "的"}) + any(r, {"24", "二四", "〇五", "２４", "2"}) + "年" +
                      any(r, {"3", "12", "123", "十", "十一", "三", "的"}) + any(r, {"月", "日"});
             });
}
TEST(RuleScans, Arabic) {
  check_rule("number.arabic", arabic,
             {"三", "十", "百", "千", "两", "五", "零", "数", "几", "第", "公里", "米", "千克", "万元", "的"});
}

// format.numbering reads the ordinal at a paragraph's start by hand. One body paragraph
// after a title gets a form finding when the form is wrong and a start finding when it
// starts above 1: the oracle derives both from the original pattern.

void numbering(std::uint32_t b, std::string_view t, std::vector<Found>& out) {
  if (b == 0) return;  // the title
  std::vector<text::Match> g;
  // The bracketed forms also with the opening bracket left out ("1）", "一）").
  if (!re("^\\s*(?:([一二三四五六七八九十]{1,3})([、.．,，:：])|([（(])?([一二三四五六七八九十]{1,3})([）)])(、?)"
          "|(\\d{1,2})([.．、](?!\\d))|([（(])?(\\d{1,2})([）)])(、?))")
           .search(t, g))
    return;
  auto s = [&](std::size_t k) { return g[k].begin == std::string_view::npos ? std::string() : sv(t, g[k]); };
  // The finding starts at the ordinal, after the paragraph's indentation.
  std::vector<text::Match> indent;
  const std::size_t start = re("^\\s*").search(t, indent) ? indent[0].end : 0;
  const std::string text(t.substr(start, g[0].end - start));
  int level = 0, number = 0;
  std::string wrong;
  if (!s(1).empty()) {
    level = 1, number = text::chinese_numeral_value(s(1));
    if (s(2) != "、") wrong = s(1) + "、";
  } else if (!s(4).empty()) {
    level = 2, number = text::chinese_numeral_value(s(4));
    if (s(3) != "（" || s(5) != "）" || !s(6).empty()) wrong = "（" + s(4) + "）";
  } else if (!s(7).empty()) {
    level = 3, number = std::atoi(s(7).c_str());
    if (s(8) != ".") wrong = s(7) + ".";
  } else if (!s(10).empty()) {
    level = 4, number = std::atoi(s(10).c_str());
    if (s(9) != "（" || s(11) != "）" || !s(12).empty()) wrong = "（" + s(10) + "）";
  }
  if (level == 0 || number <= 0) return;
  if (!wrong.empty()) {
    Found f = at(b, start, g[0].end, 0, {{"level", std::to_string(level)}, {"fix", wrong}, {"found", text}, {"auto", ""}});
    f.fix = wrong;
    out.push_back(f);
  }
  if (number > 1) {
    Found f = at(b, start, g[0].end, 4, {{"number", std::to_string(number)}, {"auto", ""}});
    f.severity = 0;
    out.push_back(f);
  }
}

TEST(RuleScans, NumberingOrdinals) {
  std::mt19937 rng(11);
  int with_findings = 0;
  const std::vector<std::string> own = {" ", "\u3000", "一", "二", "十", "三", "（", "(", "）", ")", "1", "12", "123",
                                        "３", "、", ".", "．", ",", "，", ":", "：", "5", "的"};
  for (int i = 0; i < 6000; ++i) {
    const std::string text = "关于做好有关工作的通知\n" + random_paragraph(rng, own) + "\n";
    const auto doc = readers::build_text_document(text, "t.txt");
    std::vector<Found> want;
    for (std::uint32_t b = 0; b < doc.blocks.size(); ++b) numbering(b, doc.block_text(b), want);
    for (auto& f : want)
      if (f.severity == static_cast<int>(model::Severity::kWarning)) f.severity = -1;
    auto got = rule_findings(doc, "format.numbering");
    std::stable_sort(want.begin(), want.end());
    std::stable_sort(got.begin(), got.end());
    ASSERT_EQ(show(got), show(want)) << text;
    with_findings += !want.empty();
  }
  EXPECT_GT(with_findings, 200);
}

// The first byte of every space (Zs) is one that text.stray-space's prefilter looks for.
TEST(RuleScans, SpaceLeadBytes) {
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    if (text::primary_class(c) != text::kSpace) continue;
    std::string s;
    text::append_utf8(s, c);
    const auto lead = static_cast<unsigned char>(s[0]);
    EXPECT_TRUE(lead == 0x20 || lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3) << std::hex << static_cast<std::uint32_t>(c);
  }
  // The phrase scan copies U+4000–U+9FFF without classifying them: they are all kept.
  for (char32_t c = 0x4000; c <= 0x9FFF; ++c) {
    const auto cls = text::primary_class(c);
    EXPECT_TRUE(cls == text::kAsian || cls == text::kOther) << std::hex << static_cast<std::uint32_t>(c);
  }
}

// format.addressee's test of the line's end, read by hand, against its pattern on random
// ends: names and their parts, colons, every kind of \s, and other text.
TEST(RuleScans, AddresseeOrgan) {
  const text::Regex& organ =
      re("(各|人民政府|委员会|各部门|各单位|直属机构|办公室|办公厅|局|委|厅|部|党组|党委|政府|同志)\\s*[：:]?\\s*$");
  const std::vector<std::string> pieces = {
      "各", "人民政府", "委员会", "各部门", "各单位", "直属机构", "办公室", "办公厅", "局", "委", "厅", "部", "党组", "党委", "政府",
      "同志", "人民", "机构", "单位", "部门", "员会", "：", ":", "：", ":", " ", "\u3000", "\t", "\n", "\r", "\u000B", "\u0085",
      "\u00A0", "\u2028", "\u200B", "，", "。", "x", "1", "乡镇", "县", "、"};
  std::mt19937 rng(1616);
  int matched = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string t;
    const int n = 1 + static_cast<int>(rng() % 6);
    for (int k = 0; k < n; ++k) t += pieces[rng() % pieces.size()];
    text::Match m;
    const bool want = organ.search(t, m);
    ASSERT_EQ(rules::ends_with_organ(t), want) << t;
    matched += want;
  }
  EXPECT_GT(matched, 2000);
  EXPECT_LT(matched, 18000);
}

}  // namespace
