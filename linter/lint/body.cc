#include "lint/body.h"

#include <algorithm>

#include "count/counter.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::lint {
namespace {

text::Regex compiled(const char* pattern) { return std::move(text::Regex::compile(pattern).value()); }

const text::Regex& dateline_regex() {
  // 本报讯（记者 王晓）… / 本报金乡5月6日讯 / 新华社北京5月1日电（记者 …）/ 金乡讯（通讯员 …）/
  // 本台消息（…）/ （记者 … 通讯员 …）: a dateline names the paper, or a date, or is followed by
  // a byline; "县供电公司…" is not one.
  static const text::Regex r = compiled(
      "^\\s*(?:(?:(?:本报|本台|本刊|本网|本站)(?:讯|消息)"
      "|(?:新华社|中新社|\\p{Han}{1,10}(?:报|台|网|社|中心))?\\p{Han}{0,8}[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:讯|电)"
      "|\\p{Han}{2,10}(?:讯|电|消息)(?=\\s*[（(][^）)]{0,60}(?:记者|通讯员|报道员)))"
      "\\s*(?:[（(][^）)]{0,60}[）)])?"
      "|[（(][^）)]{0,60}(?:记者|通讯员|报道员|供稿)[^）)]{0,60}[）)])"
      "\\s*[:：]?\\s*");
  return r;
}

const text::Regex& editor_note_regex() {
  static const text::Regex r = compiled("^\\s*[【\\[]?\\s*(?:编者按|编者的话|按语)\\s*[】\\]]?\\s*[:：]?");
  return r;
}

const text::Regex& caption_regex() {
  static const text::Regex r =
      compiled("^\\s*(?:图为|图片为|（图|\\(图|图：|图片：|\\[图\\]|【图】)|[（(][^）)]{0,30}摄[）)]\\s*$");
  return r;
}

// Whether caption_regex() can match: the line starts (after \s) with 图, （图, (图, [图 or 【图, or
// ends (before \s and a final line terminator) with 摄） or 摄). A superset of the pattern's
// two branches, tested in place before the regex runs.
bool may_be_caption(std::string_view t) {
  const std::size_t a = text::spaces_forward(t, 0);
  const std::string_view head = t.substr(a);
  for (std::string_view p : {"图", "（图", "(图", "[图", "【图"})
    if (head.starts_with(p)) return true;
  std::size_t b = t.size();
  for (;;) {
    std::size_t begin;
    const char32_t c = text::cp_before(t, b, begin);
    if (b == 0 || !text::is_icu_space(c)) break;
    b = begin;
  }
  const std::string_view tail = t.substr(0, b);
  return tail.ends_with("摄）") || tail.ends_with("摄)");
}

using text::is_icu_space;

// A cursor for the anchored scans of 发文字号 and 期号 lines below (what were ICU patterns,
// matched exactly: \s is is_icu_space, the digits are [0-9０-９]). Each class run
// is followed by something outside its class, so taking the longest run never needs to
// back off.
struct LineCursor {
  std::string_view t;
  std::size_t at = 0;
  template <typename Pred>
  std::size_t run(Pred pred) {
    std::size_t n;
    at = text::run_forward(t, at, pred, n);
    return n;
  }
  void spaces() { run(is_icu_space); }
  // Consumes one code point of `set` (or the text `lit`) when it comes next.
  bool one_of(std::u32string_view set) {
    if (at >= t.size()) return false;
    std::size_t next;
    if (set.find(text::cp_at(t, at, next)) == std::u32string_view::npos) return false;
    at = next;
    return true;
  }
  bool lit(std::string_view s) {
    if (t.substr(at, s.size()) != s) return false;
    at += s.size();
    return true;
  }
};

// ICU's line terminators: where . stops and $ may match before the last one.
bool is_line_terminator(char32_t c) { return (c >= 0x0A && c <= 0x0D) || c == 0x85 || c == 0x2028 || c == 0x2029; }
// ICU's $ (not multi-line) at `at`: the end, or before a line terminator (\r\n too) that ends `t`.
bool dollar(std::string_view t, std::size_t at) {
  if (at >= t.size()) return true;
  std::size_t next;
  const char32_t c = text::cp_at(t, at, next);
  if (!is_line_terminator(c)) return false;
  return next == t.size() || (c == U'\r' && next + 1 == t.size() && t[next] == '\n');
}
bool is_ascii_fw_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

// 金政办发〔2024〕12号, also written wrongly (（2024）, [24], 第12号): format.doc-number says how.
// The scan of ^\s*[\p{Han}×Ｘ○]{1,15}\s*[〔\[［（(【]\s*[0-9０-９]{2,4}\s*[〕\]］）)】]\s*第?\s*
// [0-9０-９]{1,4}\s*号(?:\s+签发人\s*[:：].*)?\s*$ .
bool doc_number_match(std::string_view t) {
  LineCursor c{t};
  c.spaces();
  const std::size_t organ = c.run([](char32_t x) { return text::is_han_script(x) || x == U'×' || x == U'Ｘ' || x == U'○'; });
  if (organ < 1 || organ > 15) return false;
  c.spaces();
  if (!c.one_of(U"〔[［（(【")) return false;
  c.spaces();
  if (const std::size_t year = c.run(is_ascii_fw_digit); year < 2 || year > 4) return false;
  c.spaces();
  if (!c.one_of(U"〕]］）)】")) return false;
  c.spaces();
  c.lit("第");
  c.spaces();
  if (const std::size_t serial = c.run(is_ascii_fw_digit); serial < 1 || serial > 4) return false;
  c.spaces();
  if (!c.lit("号")) return false;
  // \s*$ from `at`: the longest run of \s, then $ (a shorter run never does better).
  auto spaces_to_end = [&](std::size_t at) {
    LineCursor e{t, at};
    e.spaces();
    return dollar(t, e.at);
  };
  const std::size_t after = c.at;
  if (c.run(is_icu_space) >= 1 && c.lit("签发人")) {
    c.spaces();
    if (c.one_of(U":：")) {
      // .* runs to the first line terminator; a shorter .* ends no better.
      c.run([](char32_t x) { return !is_line_terminator(x); });
      if (spaces_to_end(c.at)) return true;
    }
  }
  return spaces_to_end(after);
}

std::string short_excerpt(std::string_view s, std::size_t max_cp = 24) {
  std::string out;
  const char* p = s.data();
  const char* e = p + s.size();
  std::size_t n = 0;
  while (p < e && n < max_cp) {
    const char* a = p;
    text::decode(p, e);
    out.append(a, p);
    ++n;
  }
  if (p < e) out += "…";
  return out;
}

// The text without leading and trailing whitespace and invisible characters.
// Trims from both ends: only the characters trimmed are decoded, not the whole line.
std::string_view trimmed(std::string_view t) {
  auto blank = [](char32_t c) { return text::is_whitespace(c) || text::is_invisible(c); };
  std::size_t a = 0;
  while (a < t.size()) {
    std::size_t next;
    if (!blank(text::cp_at(t, a, next))) break;
    a = next;
  }
  if (a == t.size()) return {};
  std::size_t b = t.size();
  while (b > a) {
    std::size_t begin;
    if (!blank(text::cp_before(t, b, begin))) break;
    b = begin;
  }
  return t.substr(a, b - a);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Shape of a line: visible code points, sentence punctuation, brackets left open.
struct Shape {
  std::size_t cps = 0;
  int full_stops = 0;      // 。
  bool stop_at_end = false;
  bool clause_punct = false;  // ，；：！？ and their half-width forms
  char32_t last = 0;
  int open = 0;            // 《“（〈【 minus their closers
};

// With a `limit`, stops at the limit+1-th visible code point: the caller only needs to know
// that the line is longer than `limit`, and the other fields are then incomplete.
Shape shape_of(std::string_view t, std::size_t limit = static_cast<std::size_t>(-1)) {
  Shape s;
  for (const auto c : text::code_points(t)) {
    if (text::is_whitespace(c.cp) || text::is_invisible(c.cp)) continue;
    if (++s.cps > limit) return s;
    s.last = c.cp;
    switch (c.cp) {
      case U'。': ++s.full_stops; break;
      case U'，': case U'；': case U'：': case U'！': case U'？':
      case U',': case U';': case U':': case U'!': case U'?':
        s.clause_punct = true;
        break;
      case U'《': case U'“': case U'（': case U'〈': case U'【': ++s.open; break;
      case U'》': case U'”': case U'）': case U'〉': case U'】': --s.open; break;
      default: break;
    }
  }
  s.stop_at_end = s.last == U'。';
  return s;
}

// A line that can be a title: short, no sentence inside it, not ending as a clause does.
bool title_shaped(std::string_view t) {
  const Shape s = shape_of(t, 60);  // a longer line is no title: no need to read it all
  if (s.cps == 0 || s.cps > 60) return false;
  if (s.full_stops > 1 || (s.full_stops == 1 && !s.stop_at_end)) return false;
  switch (s.last) {
    case U'，': case U'、': case U'；': case U'：': case U',': case U';': case U':':
      return false;
    default: break;
  }
  if (t.find("；") != std::string_view::npos) return false;
  return dateline_end(t) == 0;
}

bool ends_with_any(std::string_view t, const std::vector<std::string>& endings) {
  t = without_appended_doc_number(trimmed(t));
  while (ends_with(t, "。")) t.remove_suffix(3);
  for (const auto& e : endings)
    if (ends_with(t, e)) return true;
  return false;
}

// An issuer's name alone on a line (the 发文机关标志 of a letter-form document, above its 发文字号).
bool issuer_line(std::string_view t) {
  const std::string_view trimmed_t = trimmed(t);
  bool issuer_end = false;
  for (std::string_view e : {"委员会", "人民政府", "办公室", "办公厅", "政府", "党委", "党组", "党工委", "县委", "市委", "区委",
                             "省委", "局", "委", "厅", "部", "院", "会", "处", "中心", "管委会", "街道办事处"})
    if (ends_with(trimmed_t, e)) issuer_end = true;
  if (!issuer_end) return false;  // cheap test first; the shape decodes the line
  const Shape s = shape_of(t, 40);
  return !(s.cps == 0 || s.cps > 40 || s.clause_punct || s.full_stops);
}


// A 版头 line (not the issuer name alone: that needs the 发文字号 below it).
bool front_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  if (t.empty()) return false;
  // 份号: up to six digits alone.
  if (t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  const Shape s = shape_of(t, 40);  // every test below wants at most 40 code points
  // 密级和保密期限, 紧急程度: "秘密★1年", "特急", "机密 特急".
  if (s.cps <= 14) {
    bool marks = false;
    for (std::string_view w : {"绝密", "机密", "秘密", "特急", "加急", "特提", "平急"})
      if (starts_with(t, w)) marks = true;
    if (marks && !s.clause_punct && !s.full_stops) return true;
  }
  // 发文机关标志: "金乡县人民政府办公室文件", "中共金乡县委　金乡县人民政府文件" — an issuer's
  // name and 文件, not a title line such as "…关于精简会议文件".
  if (s.cps <= 40 && ends_with(t, "文件") && t.find("关于") == std::string_view::npos &&
      issuer_line(t.substr(0, t.size() - std::string_view("文件").size())))
    return true;
  if (starts_with(t, "签发人") && s.cps <= 20) return true;
  return is_doc_number_line(t);
}

int leading_number(std::string_view t);  // below: the number a numbered line starts with

// Main-text, non-directive, non-blank blocks, in order; a web page's info-bar lines go to
// `meta` instead.
std::vector<std::uint32_t> text_blocks(const model::Document& doc, std::size_t max, std::vector<std::uint32_t>* meta) {
  std::vector<std::uint32_t> out;
  for (std::size_t i = 0; i < doc.blocks.size() && out.size() < max; ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive || text::is_blank(doc.block_text(b))) continue;
    if (meta && is_info_bar_line(doc.block_text(b))) {
      meta->push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    out.push_back(static_cast<std::uint32_t>(i));
  }
  return out;
}

}  // namespace

bool is_issuer_line(std::string_view t) { return issuer_line(t); }

bool is_doc_number_line(std::string_view t) {
  // More than 240 bytes is more than 60 code points: a long paragraph is not counted through.
  if (t.find("号") == std::string_view::npos || t.size() > 240 || text::codepoint_count(t) > 60) return false;
  return doc_number_match(t);
}

bool is_issue_number_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  if (t.empty() || text::codepoint_count(t) > 24) return false;
  // The scan of ^[（(〔\[]?\s*(?:[0-9０-９]{4}\s*年?\s*)?[〕\]）)]?\s*(?:总\s*)?第\s*
  // [0-9０-９一二三四五六七八九十〇]{1,4}\s*期\s*[）)]?\s*(?:[（(]\s*总第\s*[0-9０-９]{1,5}\s*期\s*[）)])?$
  // (a run of digits there must be the year's four: nothing else may follow a digit).
  LineCursor c{t};
  c.one_of(U"（(〔[");
  c.spaces();
  if (const std::size_t year = c.run(is_ascii_fw_digit); year != 0) {
    if (year != 4) return false;
    c.spaces();
    c.lit("年");
    c.spaces();
  }
  c.one_of(U"〕]）)");
  c.spaces();
  if (c.lit("总")) c.spaces();
  if (!c.lit("第")) return false;
  c.spaces();
  if (const std::size_t n = c.run([](char32_t x) {
        return is_ascii_fw_digit(x) || std::u32string_view(U"一二三四五六七八九十〇").find(x) != std::u32string_view::npos;
      });
      n < 1 || n > 4)
    return false;
  c.spaces();
  if (!c.lit("期")) return false;
  c.spaces();
  c.one_of(U"）)");
  c.spaces();
  if (dollar(t, c.at)) return true;
  if (!c.one_of(U"（(")) return false;
  c.spaces();
  if (!c.lit("总第")) return false;
  c.spaces();
  if (const std::size_t n = c.run(is_ascii_fw_digit); n < 1 || n > 5) return false;
  c.spaces();
  if (!c.lit("期")) return false;
  c.spaces();
  return c.one_of(U"）)") && dollar(t, c.at);
}

// `meta` is filled in block order: a binary search, as every block of the document asks.
bool TitleInfo::in_meta(std::uint32_t block) const { return std::binary_search(meta.begin(), meta.end(), block); }

// A page's navigation: a breadcrumb or menu from the home page ("当前位置：首页 > 政务公开 >
// 通知公告", "首页 | 政务公开 | 通知公告"). Never a sentence, and never a table row written
// with "|" ("序号 | 单位 | 人数"), which has no 首页 or 位置 label.
static bool is_navigation_line(std::string_view t) {
  if (t.find("，") != std::string_view::npos || text::codepoint_count(t) > 80) return false;
  for (std::string_view label : {"当前位置", "您的位置", "您现在的位置", "你的位置", "你现在的位置", "所在位置"})
    if (starts_with(t, label)) {
      const std::string_view rest = t.substr(label.size());
      if (starts_with(rest, "：") || starts_with(rest, ":")) return true;
    }
  static constexpr std::string_view kSeparators[] = {"|", "｜", ">", "＞", "›", "»", "→", "/"};
  auto separator_at = [&](std::string_view x) {
    for (auto sep : kSeparators)
      if (starts_with(x, sep)) return sep.size();
    return std::size_t{0};
  };
  auto skip_spaces = [](std::string_view x) {
    while (!x.empty() && (x.front() == ' ' || x.front() == '\t' || starts_with(x, "\xE3\x80\x80")))
      x.remove_prefix(x.front() == ' ' || x.front() == '\t' ? 1 : 3);
    return x;
  };
  for (std::string_view home : {"首页", "网站首页", "主页"})
    if (starts_with(t, home)) {
      const std::string_view rest = skip_spaces(t.substr(home.size()));
      if (separator_at(rest) > 0) return true;
    }
  return false;
}

bool is_info_bar_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  if (t.empty() || t.size() > 400 || t.find("。") != std::string_view::npos) return false;
  if (text::codepoint_count(t) > 100) return false;
  if (is_navigation_line(t)) return true;
  // Every test below wants a labelled field: a colon after a label, or one of the labels
  // that stand alone (【打印】, 【关闭】, 打印本页, 关闭窗口, 分享到). A line with none of them
  // (most lines of a draft: this runs for each of the first lines) is no info bar.
  if (t.find("：") == std::string_view::npos && t.find(':') == std::string_view::npos &&
      t.find("【") == std::string_view::npos && t.find("打印本页") == std::string_view::npos &&
      t.find("关闭窗口") == std::string_view::npos && t.find("分享到") == std::string_view::npos)
    return false;
  if (leading_number(t) > 0 || starts_with(t, "（") || starts_with(t, "(")) return false;
  // Labels of a page's info bar. Strong ones name the page itself; a line needs one of them,
  // followed by a colon, and a second label of any sort (or, alone, a short line).
  static constexpr std::string_view kStrong[] = {"发布时间", "发布日期", "浏览次数", "浏览量", "阅读次数", "阅读量",
                                                 "点击数", "点击量", "点击率", "访问量", "信息来源", "文章来源", "更新时间",
                                                 "归档时间", "视力保护色", "索引号", "组配分类", "信息分类", "主题分类"};
  static constexpr std::string_view kOther[] = {"来源", "作者", "责任编辑", "编辑", "发布机构", "字号", "【打印】", "【关闭】",
                                                "打印本页", "关闭窗口", "分享到", "时间", "日期"};
  // The other labels are looked for where no strong one is (时间 inside 发布时间 is one label).
  std::string masked(t);
  for (auto w : kStrong)
    for (std::size_t p = masked.find(w); p != std::string::npos; p = masked.find(w, p + 1))
      masked.replace(p, w.size(), w.size(), '|');
  auto labelled = [&](std::string_view w, std::string_view in) {
    for (std::size_t p = in.find(w); p != std::string_view::npos; p = in.find(w, p + 1)) {
      const std::string_view rest = in.substr(p + w.size());
      if (w.starts_with("【") || w == "打印本页" || w == "关闭窗口" || w == "分享到" || rest.starts_with("：") ||
          rest.starts_with(":"))
        return true;
    }
    return false;
  };
  int strong = 0, other = 0;
  for (auto w : kStrong) strong += labelled(w, t);
  for (auto w : kOther) other += labelled(w, masked);
  // Three labelled fields on one short line ("来源:… 日期:… 字号:【") are the bar itself.
  if (strong == 0) return other >= 3;
  if (strong + other >= 2) return true;
  // A counter or switch left without its value by the copy ("浏览量:", "浏览次数：590").
  {
    std::size_t colon = t.find("：");
    std::size_t after = colon == std::string_view::npos ? std::string_view::npos : colon + 3;
    if (colon == std::string_view::npos && (colon = t.find(':')) != std::string_view::npos) after = colon + 1;
    if (colon != std::string_view::npos) {
      const std::string_view value = trimmed(t.substr(after));
      if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    }
  }
  // One label alone: a short line giving the page's date ("发布时间：2024-05-28").
  static const text::Regex date = compiled("[0-9]{4}\\s*[-/年.]\\s*[0-9]{1,2}\\s*[-/月.]\\s*[0-9]{1,2}");
  text::Match m;
  return text::codepoint_count(t) <= 40 && date.search(t, m);
}

std::vector<std::string> title_endings(const profiles::Profile& p) {
  std::vector<std::string> out = p.vocabulary.wenzhong;
  out.insert(out.end(), p.classifier.document_endings.begin(), p.classifier.document_endings.end());
  return out;
}

bool is_front_matter_line(std::string_view t) { return front_line(t); }

bool is_closing_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  for (std::string_view p : {"抄送", "抄报", "报送", "分送", "报", "送", "发"})
    if (starts_with(t, p)) {
      const std::string_view rest = t.substr(p.size());
      if (starts_with(rest, "：") || starts_with(rest, ":")) return true;
    }
  if (starts_with(t, "（共印") || starts_with(t, "(共印")) return true;
  // "金乡县人民政府办公室　　2024年5月6日印发"
  if (ends_with(t, "印发") && t.find("年") != std::string_view::npos) {
    const Shape s = shape_of(t, 50);  // counted once, and no further than the test needs
    if (s.cps <= 50 && !s.clause_punct) return true;
  }
  return false;
}

TitleInfo find_title(const model::Document& doc, const std::vector<std::string>& endings) {
  TitleInfo ti;
  // The title is near the top: the 版头 has at most six lines, the title three.
  const auto blocks = text_blocks(doc, 16, &ti.meta);
  std::size_t i = 0;
  auto text_of = [&](std::size_t k) { return doc.block_text(blocks[k]); };
  while (i < blocks.size()) {
    // An issuer's name alone is the 发文机关标志 over a 发文字号, or over the 签发人 line that an
    // upward document (请示, 报告) puts beside its number.
    const bool front = front_line(text_of(i)) ||
                       (issuer_line(text_of(i)) && i + 1 < blocks.size() &&
                        (is_doc_number_line(text_of(i + 1)) ||
                         (starts_with(trimmed(text_of(i + 1)), "签发人") && i + 2 < blocks.size() &&
                          is_doc_number_line(text_of(i + 2)))));
    if (!front) break;
    ti.front.push_back(blocks[i]);
    ++i;
  }
  if (!ti.front.empty()) ti.preamble_end = static_cast<int>(ti.front.back());
  if (i == blocks.size()) return ti;
  // A 纪要's masthead ("某某县人民政府" / "专题会议纪要" / "〔2025〕第6期") over its own title
  // ("关于研究…问题的会议纪要"): the lines down to the issue number are 版头, the line after it
  // the title when it has a title's shape and ends with a 文种. A bulletin's masthead (《大兴信息》
  // / 第23期 / 编印单位) is followed by no such line and stays the title.
  for (std::size_t n = i; n < blocks.size() && n <= i + 2; ++n) {
    if (blocks[n] != blocks[i] + (n - i) || !title_shaped(text_of(n))) break;
    if (n + 2 < blocks.size() && blocks[n + 1] == blocks[n] + 1 && is_issue_number_line(text_of(n + 1)) &&
        ends_with_any(text_of(n), endings) && title_shaped(text_of(n + 2)) && ends_with_any(text_of(n + 2), endings)) {
      for (std::size_t m = i; m <= n + 1; ++m) ti.front.push_back(blocks[m]);
      ti.preamble_end = static_cast<int>(ti.front.back());
      i = n + 2;
      break;
    }
  }
  // The title: the first line after the 版头 when it has a title's shape or role; a DOCX
  // Title paragraph a line or two further down (after a 版头 written some other way).
  std::size_t t = i;
  const auto role = [&](std::size_t k) { return doc.blocks[blocks[k]].role; };
  if (role(t) != model::Role::kTitle && !title_shaped(text_of(t))) {
    t = blocks.size();
    for (std::size_t k = i + 1; k < std::min(blocks.size(), i + 3); ++k)
      if (role(k) == model::Role::kTitle) t = k;
  }
  if (t == blocks.size()) {
    ti.lead = static_cast<int>(blocks[i]);
    return ti;
  }
  ti.first = ti.last = static_cast<int>(blocks[t]);
  // Continuation lines: adjacent, short, no punctuation, and completing the title — closing
  // a 《 or “ left open, a "——" subtitle, or the 文种 line under the issuer's name.
  std::string so_far(text_of(t));
  std::size_t k = t + 1;
  // Adjacent, or apart only by empty paragraphs (a web copy puts one between the lines).
  auto adjacent = [&](std::size_t j) {
    for (std::uint32_t b = blocks[j - 1] + 1; b < blocks[j]; ++b)
      if (!text::is_blank(doc.block_text(b))) return false;
    return true;
  };
  for (; k < blocks.size() && k <= t + 2; ++k) {
    if (!adjacent(k)) break;
    const std::string_view next = text_of(k);
    bool more = role(k) == model::Role::kTitle && role(k - 1) == model::Role::kTitle;
    if (!more) {
      const Shape s = shape_of(next, 40);
      const std::string_view tn = trimmed(next);
      if (s.cps == 0 || s.cps > 40 || s.clause_punct || s.full_stops || front_line(next)) break;
      // Joint issuers, one a line, over the 关于… line ("中共金乡县委办公室" / "金乡县人民政府办公室").
      const bool joint = issuer_line(text_of(k - 1)) && issuer_line(next) && k + 1 < blocks.size() &&
                         (starts_with(trimmed(text_of(k + 1)), "关于") || ends_with_any(text_of(k + 1), endings));
      more = shape_of(so_far).open > 0 || starts_with(tn, "——") || (issuer_line(so_far) && starts_with(tn, "关于")) ||
             joint || (issuer_line(text_of(k - 1)) && starts_with(tn, "关于")) ||
             (ends_with_any(next, endings) && !ends_with_any(so_far, endings) && !shape_of(so_far).clause_punct);
    }
    if (!more) break;
    so_far += next;
    ti.last = static_cast<int>(blocks[k]);
  }
  // A news headline of two or three lines above the 电头 (引题 "抓项目　强产业　促发展" over
  // 主题 "县委书记…调研…"): every short title-shaped line before the dateline is the title.
  if (k < blocks.size() && dateline_end(text_of(k)) == 0)
    for (std::size_t n = k; n < blocks.size() && n <= t + 2; ++n) {
      const std::string_view line = text_of(n);
      if (blocks[n] != blocks[n - 1] + 1 || !title_shaped(line)) break;
      const Shape s = shape_of(line, 40);
      if (s.cps > 40 || s.full_stops || text::contains_any(line, {"：", ":", "记者", "通讯员"}))
        break;
      if (n + 1 < blocks.size() && dateline_end(text_of(n + 1)) > 0) {
        ti.last = static_cast<int>(blocks[n]);
        k = n + 1;
        break;
      }
    }
  // A reporters' line of its own under the headline ("本报记者　韩某", "记者　王晓　通讯员　孙某"):
  // a byline, not the lead.
  while (k + 1 < blocks.size() && k <= t + 4) {
    const std::string_view line = text_of(k);
    const Shape s = shape_of(line, 30);
    if (s.cps > 30 || s.full_stops || dateline_end(line) > 0 || !text::contains_any(line, {"记者", "通讯员"}) ||
        text::contains_any(line, {"：", ":", "，"}))
      break;
    ti.bylines.push_back(blocks[k]);
    ++k;
  }
  ti.preamble_end = std::max(ti.preamble_end, ti.last);
  if (k < blocks.size()) ti.lead = static_cast<int>(blocks[k]);
  return ti;
}

std::string title_text(const model::Document& doc, const TitleInfo& t) {
  std::string out;
  if (t.first < 0) return out;
  for (int b = t.first; b <= t.last; ++b) {
    const auto& blk = doc.blocks[static_cast<std::size_t>(b)];
    if (blk.story == model::Story::kMain && !blk.directive) out += trimmed(doc.block_text(blk));
  }
  return out;
}

std::string_view without_appended_doc_number(std::string_view t) {
  const bool full = ends_with(t, "）");
  if (!full && !ends_with(t, ")")) return t;
  const std::string_view inner_end = t.substr(0, t.size() - (full ? 3 : 1));
  if (!ends_with(inner_end, "号")) return t;
  const std::size_t open = std::max(full ? inner_end.rfind("（") : std::string_view::npos,
                                    inner_end.rfind('(') == std::string_view::npos ? std::string_view::npos
                                                                                   : inner_end.rfind('('),
                                    [](std::size_t a, std::size_t b) {
                                      return a == std::string_view::npos || (b != std::string_view::npos && b > a);
                                    });
  if (open == std::string_view::npos || open == 0) return t;
  const std::string_view inside = inner_end.substr(open);
  // A 发文字号 holds its year in 〔〕 (or [] / ［］ as web pages write it) before 号.
  const bool year = inside.find("〔") != std::string_view::npos || inside.find('[') != std::string_view::npos ||
                    inside.find("［") != std::string_view::npos;
  if (!year || text::codepoint_count(inside) > 30) return t;
  return trimmed(t.substr(0, open));
}

std::size_t dateline_end(std::string_view t) {
  // Cheap guard: a dateline has 讯, 电, 消息 or a byline's parenthesis near the start.
  const std::string_view head = t.substr(0, text::step_forward(t, 0, 40));
  if (head.find("讯") == std::string_view::npos && head.find("电") == std::string_view::npos &&
      head.find("消息") == std::string_view::npos && head.find("（") == std::string_view::npos &&
      head.find('(') == std::string_view::npos)
    return 0;
  text::Match m;
  if (!dateline_regex().search(t, m) || m.end <= m.begin || m.end >= t.size()) return 0;
  return m.end;
}

model::Body body_of(const model::Document& doc, const profiles::BodyScope& scope, const TitleInfo& title,
                    std::vector<std::uint8_t>* whole, model::Counts* whole_counts) {
  model::Body body;
  std::size_t captions = 0, closing = 0;
  std::size_t front = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    const std::string_view t = doc.block_text(b);
    if (front < title.front.size() && title.front[front] == i) {
      ++front;
      if (scope.exclude_title) {
        body.excluded.push_back("版头“" + short_excerpt(trimmed(t)) + "”");
        continue;
      }
    }
    if (title.in_meta(static_cast<std::uint32_t>(i))) {
      body.excluded.push_back("网页信息栏“" + short_excerpt(trimmed(t)) + "”");
      continue;
    }
    if (title.in_title(static_cast<std::uint32_t>(i)) && scope.exclude_title) {
      if (static_cast<int>(i) == title.first) body.excluded.push_back("标题“" + short_excerpt(title_text(doc, title), 30) + "”");
      continue;
    }
    if (scope.exclude_headings && b.role == model::Role::kHeading) continue;
    const bool own_byline = std::find(title.bylines.begin(), title.bylines.end(), i) != title.bylines.end();
    if (b.role == model::Role::kByline || own_byline) {
      if (scope.exclude_dateline) {
        body.excluded.push_back("电头/署名“" + short_excerpt(t) + "”");
        continue;
      }
    }
    text::Match m;
    // Each pattern holds a word its paragraphs must contain: test that first (memchr).
    if (scope.exclude_editor_note && text::contains(t, "编者按") && editor_note_regex().search(t, m)) {
      body.excluded.push_back("编者按（第 " + std::to_string(i + 1) + " 段）");
      continue;
    }
    if (scope.exclude_captions && may_be_caption(t) && !text::is_blank(t) && caption_regex().search(t, m)) {
      ++captions;
      continue;
    }
    if (scope.exclude_title && !body.spans.empty() && is_closing_line(t)) {
      ++closing;
      continue;
    }
    if (text::is_blank(t) && body.spans.empty()) continue;
    model::Span s{static_cast<std::uint32_t>(i), 0};
    // The dateline opens the first counted paragraph (after any title and editor's note).
    const bool first = body.spans.empty() && !text::is_blank(t);
    if (scope.exclude_dateline && first) {
      if (const std::size_t e = dateline_end(t); e > 0) {
        s.begin = static_cast<std::uint32_t>(e);
        body.excluded.push_back("电头“" + std::string(trimmed(t.substr(0, e))) + "”");
      }
    }
    body.spans.push_back(s);
    const model::Counts c = count::count_text(t.substr(s.begin));
    body.counts += c;
    if (s.begin == 0 && whole && whole_counts) {
      (*whole)[i] = 1;
      *whole_counts += c;
    }
  }
  if (captions) body.excluded.push_back("图片说明 " + std::to_string(captions) + " 段");
  if (closing) body.excluded.push_back("版记 " + std::to_string(closing) + " 段");
  return body;
}

bool locate_unit(const model::Document& doc, const std::vector<model::Span>& spans, std::string_view unit,
                 std::uint64_t limit, std::uint32_t& block, std::uint32_t& offset) {
  std::uint64_t before = 0;
  for (const auto& s : spans) {
    const std::string_view t = doc.block_text(s.block).substr(s.begin);
    const std::uint64_t here = count::in_unit(count::count_text(t), unit);
    if (before + here > limit) {
      block = s.block;
      offset = s.begin + static_cast<std::uint32_t>(count::offset_of_unit(t, unit, limit - before));
      return true;
    }
    before += here;
  }
  return false;
}

namespace {

// The number a numbered item title starts with ("3." → 3, "十二、" → 12), or 0.
int leading_number(std::string_view t) {
  t = trimmed(t);
  int n = 0;
  std::size_t used = 0;
  for (const auto c : text::code_points(t)) {
    int d = -1;
    if (c.cp >= U'0' && c.cp <= U'9') d = static_cast<int>(c.cp - U'0');
    else if (c.cp >= U'０' && c.cp <= U'９') d = static_cast<int>(c.cp - U'０');
    if (d < 0) break;
    n = n * 10 + d;
    ++used;
    if (used > 3) return 0;
  }
  if (used > 0) return n;
  // Chinese numerals up to 九十九.
  static constexpr char32_t kDigits[] = U"〇一二三四五六七八九";
  int tens = 0, units = 0;
  bool any = false, ten = false;
  for (const auto c : text::code_points(t)) {
    if (c.cp == U'十') {
      if (ten) return 0;
      ten = true;
      tens = any ? units : 1;
      units = 0;
      any = true;
      continue;
    }
    int d = -1;
    for (int k = 0; k < 10; ++k)
      if (kDigits[k] == c.cp) d = k;
    if (d < 0) break;
    units = d;
    any = true;
  }
  return any ? tens * 10 + units : 0;
}

// How a paragraph is marked as an item title: a heading of some level, or title pattern p.
struct Marker {
  int kind = -1;   // 0 heading, 1 + p a title pattern; -1 none
  int level = 0;   // heading level
  int number = 0;  // the item's number when the marker is numbering
};

// A DOCX paragraph set apart by its type: every run with text in it bold, or in a 黑体 or
// 小标宋 face — how editors often mark item titles. Short, with no full stop inside.
bool emphasised(const model::Document& doc, const model::Block& b) {
  if (b.layout < 0 || static_cast<std::size_t>(b.layout) >= doc.layouts.size()) return false;
  const std::string_view t = doc.block_text(b);
  const Shape sh = shape_of(t, 50);
  if (sh.cps == 0 || sh.cps > 50 || sh.full_stops) return false;
  // A numbered heading ("（一）…", "1.…", "一、…") is a research item's own sub-heading.
  const std::string_view tt = trimmed(t);
  if (starts_with(tt, "（") || starts_with(tt, "(") || leading_number(tt) > 0) return false;
  const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
  if (L.runs.empty()) return false;
  auto heavy_face = [&](std::int16_t f) {
    if (f < 0 || static_cast<std::size_t>(f) >= doc.font_names.size()) return false;
    const std::string& n = doc.font_names[static_cast<std::size_t>(f)];
    return n.find("黑体") != std::string::npos || n.find("标宋") != std::string::npos;
  };
  for (std::size_t r = 0; r < L.runs.size(); ++r) {
    const std::size_t from = std::min<std::size_t>(L.runs[r].offset, t.size());
    const std::size_t to = r + 1 < L.runs.size() ? std::min<std::size_t>(L.runs[r + 1].offset, t.size()) : t.size();
    if (to <= from || text::is_blank(t.substr(from, to - from))) continue;
    if (!L.runs[r].bold && !heavy_face(L.runs[r].east_asian)) return false;
  }
  return true;
}

constexpr int kStyled = 1000;  // Marker::kind of an emphasised (bold) item title

bool non_item_bracket(std::string_view t) {
  for (std::string_view w : {"本期要目", "要目", "目录", "导读", "编者按", "按语"})
    if (t.find(w) != std::string_view::npos && text::codepoint_count(trimmed(t)) <= 12) return true;
  return false;
}

}  // namespace

std::vector<model::Item> split_items(const model::Document& doc, const profiles::ItemSpec& spec,
                                     const TitleInfo& title) {
  auto has_marker = [](const std::vector<std::string>& words, std::string_view t, std::string& which) {
    for (const auto& m : words)
      if (t.find(m) != std::string_view::npos) {
        which = m;
        return true;
      }
    return false;
  };
  auto research_title = [&](std::string_view t, std::string& why) {
    std::string w;
    if (has_marker(spec.research_markers, t, w)) {
      why = "标题含“" + w + "”";
      return true;
    }
    text::Match m;
    for (std::size_t p = 0; p < spec.research_regexes.size(); ++p)
      if (spec.research_regexes[p]->search(t, m)) {
        why = "标题含“" + std::string(trimmed(t.substr(m.begin, m.end - m.begin))) + "”";
        return true;
      }
    return false;
  };

  // The main-text paragraphs after the title, non-blank, not directives.
  std::vector<std::uint32_t> paras;
  for (std::size_t i = static_cast<std::size_t>(title.preamble_end + 1); i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive || title.in_title(static_cast<std::uint32_t>(i))) continue;
    if (text::is_blank(doc.block_text(b))) continue;
    paras.push_back(static_cast<std::uint32_t>(i));
  }

  std::vector<model::Item> items;
  Marker marker;  // the issue's item marker, set by its first item title
  bool section_research = false, open = false;
  std::string section_reason;
  for (std::size_t k = 0; k < paras.size(); ++k) {
    const std::uint32_t i = paras[k];
    const auto& b = doc.blocks[i];
    const std::string_view t = doc.block_text(b);
    text::Match m;
    if (editor_note_regex().search(t, m)) continue;  // 编者按 belongs to no item
    if (is_closing_line(t)) {                        // the 版记 ends the last item
      open = false;
      continue;
    }
    // A section heading (栏目): a heading with a deeper heading right under it, or a line the
    // profile names as one.
    bool section = false;
    for (const auto& r : spec.section_regexes)
      if (r->search(t, m)) section = true;
    if (!section && b.role == model::Role::kHeading && k + 1 < paras.size()) {
      const auto& nb = doc.blocks[paras[k + 1]];
      section = nb.role == model::Role::kHeading && nb.level > b.level;
    }
    if (section) {
      std::string w;
      section_research = has_marker(spec.research_sections, t, w) || has_marker(spec.research_markers, t, w);
      section_reason = section_research ? "所在栏目“" + short_excerpt(trimmed(t)) + "”含“" + w + "”" : "";
      open = false;
      continue;
    }
    Marker here;
    if (b.role == model::Role::kHeading) {
      here = {0, b.level, 0};
    } else {
      for (std::size_t p = 0; p < spec.title_regexes.size() && here.kind < 0; ++p)
        if (spec.title_regexes[p]->search(t, m) && !non_item_bracket(t)) here = {static_cast<int>(p) + 1, 0, leading_number(t)};
      // A bold line starts an item only when text follows it (not "第18期" above the first item).
      if (here.kind < 0 && k + 1 < paras.size() && emphasised(doc, b) &&
          doc.block_text(paras[k + 1]).find("。") != std::string_view::npos && !emphasised(doc, doc.blocks[paras[k + 1]]))
        here = {kStyled, 0, 0};
    }
    bool starts_item = false;
    if (here.kind >= 0) {
      if (marker.kind < 0) {
        starts_item = true;
      } else if (here.kind == marker.kind && here.level == marker.level) {
        // Numbered items follow in sequence; a research item's own 一、二、 do not.
        starts_item = marker.number == 0 || here.number == marker.number + 1;
      }
    }
    if (starts_item) {
      marker = here;
      model::Item it;
      it.title_block = i;
      it.title = std::string(t);
      std::string why;
      if (section_research) {
        it.research = true;
        it.research_reason = section_reason;
      } else if (research_title(t, why)) {
        it.research = true;
        it.research_reason = why;
      }
      if (spec.count_title) {
        it.spans.push_back({i, 0});
        it.counts += count::count_text(t);
      }
      items.push_back(std::move(it));
      open = true;
      continue;
    }
    if (!open) continue;  // the issue's front matter, or text after its 版记
    items.back().spans.push_back({i, 0});
    items.back().counts += count::count_text(t);
  }
  return items;
}

}  // namespace wenfeng::lint
