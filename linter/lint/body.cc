#include "lint/body.h"

#include <algorithm>

#include "count/counter.h"
#include "layout/pages.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/runs.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::lint {

// The word lists of the loops below are string_view literals: no strlen at each call.
using namespace std::string_view_literals;
namespace {

text::Regex compiled(const char* pattern) { return std::move(text::Regex::compile(pattern).value()); }

const text::Regex& dateline_regex() {
  // 本报讯（记者 王晓）… / 本报金乡5月6日讯 / 新华社北京5月1日电（记者 …）/ 金乡讯（通讯员 …）/
  // 本台消息（…）/ 湖北日报讯 记者李新龙 / （记者 … 通讯员 …）: a dateline names the paper, or a
  // date, or is followed by a byline; "县供电公司…" is not one.
  static const text::Regex r = compiled(
      "^\\s*(?:(?:(?:本报|本台|本刊|本网|本站|\\p{Han}{1,10}(?:日报|晚报|报|网|台))(?:讯|消息)"
      // … and its reporters without brackets ("本报讯 记者 李洋 4月27日下午"): a role, names, a space.
      "(?:\\s*(?:(?:记者|通讯员|报道员)\\s*(?:\\p{Han}{2,4}[\\s　]+)+)+(?=\\S))?"
      "|(?:新华社|中新社|\\p{Han}{1,10}(?:报|台|网|社|中心))?\\p{Han}{0,8}[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?:讯|电)"
      "|\\p{Han}{2,10}(?:讯|电|消息)(?=\\s*[（(][^）)]{0,60}(?:记者|通讯员|报道员)))"
      "\\s*(?:[（(][^）)]{0,60}[）)]|(?:记者|通讯员)\\s*\\p{Han}{2,4}(?=\\s|$))?"
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
  for (std::string_view p : {"图"sv, "（图"sv, "(图"sv, "[图"sv, "【图"sv})
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

// The last byte of `p` is tested first (for a CJK word a continuation byte, which rarely
// matches by chance): most tests fail there, without a call of memcmp.
bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && (p.empty() || (s[p.size() - 1] == p.back() && s.compare(0, p.size(), p) == 0));
}
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && (p.empty() || (s.back() == p.back() && s.compare(s.size() - p.size(), p.size(), p) == 0));
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
  // False once past the limit (the shape is then returned as it is).
  auto step = [&](char32_t cp) {
    if (text::is_whitespace(cp) || text::is_invisible(cp)) return true;
    if (++s.cps > limit) return false;
    s.last = cp;
    switch (cp) {
      case U'。': ++s.full_stops; break;
      case U'，': case U'；': case U'：': case U'！': case U'？':
      case U',': case U';': case U':': case U'!': case U'?':
        s.clause_punct = true;
        break;
      case U'《': case U'“': case U'（': case U'〈': case U'【': ++s.open; break;
      case U'》': case U'”': case U'）': case U'〉': case U'】': --s.open; break;
      default: break;
    }
    return true;
  };
  const char* p = t.data();
  const char* const e = p + t.size();
  while (p < e) {
    // Five Chinese characters at a time where the next sixteen bytes hold them.
    if (e - p >= 16 && text::five_three_byte_sequences(reinterpret_cast<const unsigned char*>(p))) {
      for (int k = 0; k < 5; ++k, p += 3)
        if (!step(text::three_byte_code_point(reinterpret_cast<const unsigned char*>(p)))) return s;
      continue;
    }
    if (!step(text::decode(p, e))) return s;
  }
  s.stop_at_end = s.last == U'。';
  return s;
}

// A news lead's opening: a date, perhaps a time of day, then a comma ("7月24日,", "3月21日下午，",
// "2024年5月6日上午，"). A title never starts so.
bool opens_with_date_clause(std::string_view raw) {
  std::string_view t = trimmed(raw);
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t n = 0;
    while (i < t.size()) {
      std::size_t next;
      const char32_t c = text::cp_at(t, i, next);
      if (!((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９') ||
            std::u32string_view(U"〇一二三四五六七八九十").find(c) != std::u32string_view::npos))
        break;
      i = next;
      ++n;
    }
    return n;
  };
  auto lit = [&](std::string_view w) {
    if (t.substr(i).starts_with(w)) {
      i += w.size();
      return true;
    }
    return false;
  };
  std::size_t n = digits();
  if (n == 4 && lit("年")) n = digits();
  if (n == 0 || n > 2 || !lit("月")) return false;
  n = digits();
  if (n == 0 || n > 3 || !lit("日")) return false;
  for (std::string_view w : {"上午"sv, "下午"sv, "晚上"sv, "晚"sv, "早上"sv, "中午"sv, "凌晨"sv})
    if (lit(w)) break;
  return lit("，") || lit(",");
}

// A line that can be a title: short, no sentence inside it, not ending as a clause does.
// Whether a line opens with the ordinal of a heading of the text, "一、" or "（一）"
// (GB/T 9704-2012 7.3.3: 一、（一）1.（1） number the levels of the text). A title carries
// no such number: a copy that begins "一、迅速传达学习" lost its title and begins with a heading.
static bool opens_with_heading_ordinal(std::string_view t) {
  t = trimmed(t);
  bool bracket = false;
  for (std::string_view open : {"（"sv, "("sv})
    if (starts_with(t, open)) {
      t.remove_prefix(open.size());
      bracket = true;
      break;
    }
  std::size_t digits = 0;
  while (digits < 3) {
    bool numeral = false;
    for (std::string_view d : {"一"sv, "二"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv})
      if (starts_with(t, d)) {
        t.remove_prefix(d.size());
        numeral = true;
        break;
      }
    if (!numeral) break;
    ++digits;
  }
  if (digits == 0) return false;
  if (bracket) return starts_with(t, "）") || starts_with(t, ")");
  if (!starts_with(t, "、")) return false;
  // "一、二等奖获得者名单" lists two ordinals: no heading number.
  t.remove_prefix(std::string_view("、").size());
  for (std::string_view d : {"一"sv, "二"sv, "三"sv, "四"sv, "五"sv, "六"sv, "七"sv, "八"sv, "九"sv, "十"sv})
    if (starts_with(t, d)) return false;
  return true;
}

bool title_shaped(std::string_view t) {
  const Shape s = shape_of(t, 60);  // a longer line is no title: no need to read it all
  if (s.cps == 0 || s.cps > 60) return false;
  if (opens_with_heading_ordinal(t)) return false;
  if (s.full_stops > 1 || (s.full_stops == 1 && !s.stop_at_end)) return false;
  switch (s.last) {
    case U'，': case U'、': case U'；': case U'：': case U',': case U';': case U':':
      return false;
    default: break;
  }
  if (text::find_seq(t, "；") != std::string_view::npos) return false;
  // A sentence: clauses, and a full stop at the end (a news story's first sentence copied
  // without its headline: "7月24日,县委副书记、县长…主持召开县长办公会议,…参加会议。").
  if (s.clause_punct && s.stop_at_end && s.cps > 24) return false;
  if (opens_with_date_clause(t)) return false;
  return dateline_end(t) == 0 && !is_dateline_line(t);
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
  for (std::string_view e : {"委员会"sv, "人民政府"sv, "办公室"sv, "办公厅"sv, "政府"sv, "党委"sv, "党组"sv, "党工委"sv, "县委"sv, "市委"sv, "区委"sv,
                             "省委"sv, "局"sv, "委"sv, "厅"sv, "部"sv, "院"sv, "会"sv, "处"sv, "中心"sv, "管委会"sv, "街道办事处"sv})
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
    for (std::string_view w : {"绝密"sv, "机密"sv, "秘密"sv, "特急"sv, "加急"sv, "特提"sv, "平急"sv})
      if (starts_with(t, w)) marks = true;
    if (marks && !s.clause_punct && !s.full_stops) return true;
  }
  // 发文机关标志: "金乡县人民政府办公室文件", "中共金乡县委　金乡县人民政府文件" — an issuer's
  // name and 文件, not a title line such as "…关于精简会议文件".
  if (s.cps <= 40 && ends_with(t, "文件") && text::find_seq(t, "关于") == std::string_view::npos &&
      issuer_line(t.substr(0, t.size() - std::string_view("文件").size())))
    return true;
  if (starts_with(t, "签发人") && s.cps <= 20) return true;
  return is_doc_number_line(t);
}

int leading_number(std::string_view t);  // below: the number a numbered line starts with
bool info_bar_field_awaiting_value(std::string_view raw);  // below
bool info_bar_value_line(std::string_view raw);            // below
std::string_view valueless_field(std::string_view raw);    // below
bool bar_table_row(std::string_view raw);                  // below

// Main-text, non-directive, non-blank blocks, in order; a web page's info-bar lines go to
// `meta` instead.
std::vector<std::uint32_t> text_blocks(const model::Document& doc, std::size_t max, std::vector<std::uint32_t>* meta,
                                       const std::vector<std::string>& endings) {
  std::vector<std::uint32_t> out;
  bool awaiting_value = false;  // the last line was an info-bar field given without its value
  for (std::size_t i = 0; i < doc.blocks.size() && out.size() < max; ++i) {
    const auto& b = doc.blocks[i];
    // A table of contents is no title (its heading "目录" was taken for one).
    if (b.story != model::Story::kMain || b.directive || b.role == model::Role::kContents ||
        text::is_blank(doc.block_text(b)))
      continue;
    const std::string_view t = doc.block_text(b);
    if (meta) {
      // A field written as a list, its value on the next line ("• 发文字号:" / "镇政发〔2024〕7号"):
      // the value is the bar's when it is short, has no sentence in it and is no title.
      const bool value = awaiting_value && info_bar_value_line(t) && !ends_with_any(t, endings);
      awaiting_value = false;
      if (value || is_info_bar_line(t)) {
        awaiting_value = !value && info_bar_field_awaiting_value(t);
        meta->push_back(static_cast<std::uint32_t>(i));
        continue;
      }
    }
    out.push_back(static_cast<std::uint32_t>(i));
  }
  if (!meta || meta->empty()) return out;
  // One field alone ("来源：州人大") right above or below the rest of the bar is part of it.
  auto single_field = [](std::string_view raw) {
    const std::string_view t = trimmed(raw);
    // The rule under a bar copied as a table's first row ("---|---|---|---|").
    if (!t.empty() && t.find('|') != std::string_view::npos &&
        std::all_of(t.begin(), t.end(), [](char c) { return c == '-' || c == '|' || c == ':' || c == ' '; }))
      return true;
    if (text::codepoint_count(t) > 30) return false;
    for (std::string_view w : {"来源"sv, "作者"sv, "编辑"sv, "责任编辑"sv, "发布机构"sv, "时间"sv, "日期"sv})
      if (starts_with(t, w) && (starts_with(t.substr(w.size()), "：") || starts_with(t.substr(w.size()), ":")))
        return shape_of(t.substr(w.size() + 1), 30).full_stops == 0;
    return false;
  };
  auto blank_between = [&](std::uint32_t a, std::uint32_t b) {
    for (std::uint32_t j = std::min(a, b) + 1; j < std::max(a, b); ++j)
      if (!text::is_blank(doc.block_text(doc.blocks[j]))) return false;
    return true;
  };
  for (std::size_t j = 0; j < out.size();) {
    const auto next_meta = std::upper_bound(meta->begin(), meta->end(), out[j]);
    const bool beside = (next_meta != meta->end() && blank_between(out[j], *next_meta)) ||
                        (next_meta != meta->begin() && blank_between(*(next_meta - 1), out[j]));
    if (beside && single_field(doc.block_text(doc.blocks[out[j]]))) {
      meta->insert(next_meta, out[j]);
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(j));
      continue;
    }
    ++j;
  }
  return out;
}

}  // namespace

bool opens_with_date(std::string_view t) { return opens_with_date_clause(t); }

bool is_issuer_line(std::string_view t) { return issuer_line(t); }

bool is_doc_number_line(std::string_view t) {
  // More than 240 bytes is more than 60 code points: a long paragraph is not counted through.
  if (text::find_seq(t, "号") == std::string_view::npos || t.size() > 240 || text::codepoint_count(t) > 60) return false;
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
  if (text::find_seq(t, "，") != std::string_view::npos || text::codepoint_count(t) > 80) return false;
  for (std::string_view label : {"当前位置"sv, "您的位置"sv, "您现在的位置"sv, "你的位置"sv, "你现在的位置"sv, "所在位置"sv})
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
  // "扫一扫在手机打开当前页": the QR code under a portal's article.
  if (starts_with(t, "扫一扫") && text::codepoint_count(t) <= 20) return true;
  // A page's controls alone on a line ("返回顶部", "【打印】 【关闭】", "上一篇 下一篇").
  {
    std::string_view rest = t;
    bool any = false;
    while (!rest.empty()) {
      rest = skip_spaces(rest);
      if (rest.empty()) break;
      bool matched = false;
      for (std::string_view w : {"【返回顶部】"sv, "【返回】"sv, "【打印】"sv, "【关闭】"sv, "【打印本页】"sv, "【关闭窗口】"sv, "[打印]"sv,
                                 "[关闭]"sv, "[返回]"sv, "返回顶部"sv, "返回首页"sv, "返回上一页"sv, "返回列表"sv, "打印本页"sv, "关闭窗口"sv,
                                 "打印"sv, "关闭"sv, "返回"sv})
        if (starts_with(rest, w)) {
          rest.remove_prefix(w.size());
          matched = any = true;
          break;
        }
      if (!matched) {
        if (const std::size_t n = separator_at(rest); n > 0 && any) {
          rest.remove_prefix(n);
          continue;
        }
        any = false;
        break;
      }
    }
    if (any) return true;
  }
  for (std::string_view home : {"首页"sv, "网站首页"sv, "主页"sv})
    if (starts_with(t, home)) {
      const std::string_view rest = skip_spaces(t.substr(home.size()));
      if (separator_at(rest) > 0) return true;
    }
  return false;
}

// "16:40", "9:05:12" after a space or a date: a time of day, as a page stamps its entries.
static bool has_clock_time(std::string_view t) {
  for (std::size_t p = t.find(':'); p != std::string_view::npos; p = t.find(':', p + 1)) {
    if (p == 0 || p + 2 >= t.size()) continue;
    std::size_t a = p;
    while (a > 0 && t[a - 1] >= '0' && t[a - 1] <= '9') --a;
    const std::size_t hours = p - a;
    if (hours < 1 || hours > 2 || !(t[p + 1] >= '0' && t[p + 1] <= '9' && t[p + 2] >= '0' && t[p + 2] <= '9')) continue;
    if (p + 3 < t.size() && t[p + 3] >= '0' && t[p + 3] <= '9') continue;
    if (a == 0 || t[a - 1] == ' ' || t[a - 1] == '\t' || ends_with(t.substr(0, a), "日") || ends_with(t.substr(0, a), "\xE3\x80\x80"))
      return true;
  }
  return false;
}

// A line that is only a date and a time of day ("2024年04月06日 16:40", "2022-01-02 08:15"): a
// page's stamp. A document's own date (成文日期) never gives the hour.
static bool is_date_time_line(std::string_view t) {
  if (text::codepoint_count(t) > 24 || !has_clock_time(t)) return false;
  for (const auto c : text::code_points(t))
    if (!((c.cp >= U'0' && c.cp <= U'9') || c.cp == U'年' || c.cp == U'月' || c.cp == U'日' || c.cp == U'-' ||
          c.cp == U'/' || c.cp == U'.' || c.cp == U':' || text::is_whitespace(c.cp)))
      return false;
  return true;
}

// "2022-01-02", "2022/1/2": a date as a page stamps it.
static bool is_stamp_date(std::string_view t) {
  int parts = 0;
  std::size_t digits = 0, first = 0;
  for (char c : t) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if ((c == '-' || c == '/') && digits > 0 && digits <= 4) {
      if (parts == 0) first = digits;
      ++parts;
      digits = 0;
    } else {
      return false;
    }
  }
  return parts == 2 && first == 4 && digits >= 1 && digits <= 2;
}

// A page's section labels and greeting, copied with the text: "内容阅读", "信息搜索：",
// "欢迎来到某某网站！". None is ever a line of a draft.
static bool is_page_chrome_line(std::string_view t) {
  if (text::codepoint_count(t) > 40) return false;
  std::string_view u = t;
  while (!u.empty() && (u.back() == ':' || u.back() == ' ')) u.remove_suffix(1);
  if (ends_with(u, "：")) u.remove_suffix(3);
  // (返回顶部, 【打印】 and the other controls are is_navigation_line's.)
  for (std::string_view w : {"内容阅读"sv, "正文阅读"sv, "详细信息"sv, "信息搜索"sv, "站内搜索"sv, "收藏本页"sv, "加入收藏"sv, "设为首页"sv})
    if (u == w) return true;
  // A digital newspaper's page controls ("PDF 下一版»本期共8版(1-2-3-4-5-6-7-8)", "«上一版").
  if (text::find_seq(t, "上一版") != std::string_view::npos || text::find_seq(t, "下一版") != std::string_view::npos ||
      (text::find_seq(t, "本期共") != std::string_view::npos && text::find_seq(t, "版") != std::string_view::npos))
    return text::find_seq(t, "，") == std::string_view::npos && text::find_seq(t, ",") == std::string_view::npos;
  if (starts_with(u, "欢迎来到") || starts_with(u, "欢迎访问") || starts_with(u, "欢迎光临")) {
    while (ends_with(u, "!")) u.remove_suffix(1);
    while (ends_with(u, "！")) u.remove_suffix(3);
    for (std::string_view e : {"网站"sv, "网"sv, "门户"sv, "平台"sv})
      if (ends_with(u, e)) return true;
  }
  return false;
}

// A breadcrumb without a 首页 label: three or more levels ("学习啦 > 范文 > 行政公文 > 会议纪要").
static bool is_breadcrumb_line(std::string_view t) {
  if (text::codepoint_count(t) > 80 || text::find_seq(t, "，") != std::string_view::npos || text::find_seq(t, "。") != std::string_view::npos)
    return false;
  int levels = 0;
  for (std::string_view sep : {" > "sv, " ＞ "sv, " » "sv, " › "sv, "＞"sv, "»"sv, "›"sv})
    for (std::size_t p = t.find(sep); p != std::string_view::npos; p = t.find(sep, p + sep.size())) ++levels;
  return levels >= 3;
}

bool is_info_bar_line(std::string_view raw) {
  std::string_view t = trimmed(raw);
  // A bulleted field of the bar ("• 索引号:"): the bullet is the page's layout.
  for (std::string_view bullet : {"•"sv, "·"sv, "●"sv, "▪"sv})
    if (starts_with(t, bullet)) t = trimmed(t.substr(bullet.size()));
  // Bounds first: the tests below each count code points, and a draft's first paragraph may
  // be the whole draft.
  if (t.empty() || t.size() > 400 || text::find_seq(t, "。") != std::string_view::npos) return false;
  if (is_page_chrome_line(t) || is_breadcrumb_line(t) || is_date_time_line(t)) return true;
  if (text::codepoint_count(t) > 100) return false;
  if (is_navigation_line(t)) return true;
  if (!valueless_field(t).empty()) return true;
  if (bar_table_row(t)) return true;
  // Every test below wants a labelled field: a colon after a label, or one of the labels
  // that stand alone (【打印】, 【关闭】, 打印本页, 关闭窗口, 分享到). A line with none of them
  // (most lines of a draft: this runs for each of the first lines) is no info bar.
  if (text::find_seq(t, "：") == std::string_view::npos && t.find(':') == std::string_view::npos &&
      text::find_seq(t, "【") == std::string_view::npos && text::find_seq(t, "打印本页") == std::string_view::npos &&
      text::find_seq(t, "关闭窗口") == std::string_view::npos && text::find_seq(t, "分享到") == std::string_view::npos)
    return false;
  if (leading_number(t) > 0 || starts_with(t, "（") || starts_with(t, "(")) return false;
  // A bar laid out as a form spaces its labels out and its fields apart ("标　　题：…",
  // "文　　号：临政办发〔2026〕14号　　主 题 词："): the labels are read with the spaces taken out.
  const std::string_view spaced = t;
  std::string compact;
  if (t.find_first_of(" \t") != std::string_view::npos || t.find("\u3000") != std::string_view::npos) {
    compact.reserve(t.size());
    for (std::size_t p = 0; p < t.size();) {
      if (t[p] == ' ' || t[p] == '\t') { ++p; continue; }
      if (t.compare(p, 3, "\u3000") == 0) { p += 3; continue; }
      compact.push_back(t[p++]);
    }
    t = compact;
  }
  // A portal's 标题 field repeats the page's title after its label: the bar, not the title.
  if (starts_with(t, "标题：") || starts_with(t, "标题:")) return true;
  // Labels of a page's info bar. Strong ones name the page itself; a line needs one of them,
  // followed by a colon, and a second label of any sort (or, alone, a short line).
  static constexpr std::string_view kStrong[] = {"发布时间", "发布日期", "浏览次数", "浏览量", "阅读次数", "阅读量",
                                                 "点击数", "点击量", "点击率", "访问量", "信息来源", "文章来源", "更新时间",
                                                 "归档时间", "视力保护色", "索引号", "组配分类", "信息分类", "主题分类",
                                                 "体裁分类", "生成日期", "发文日期", "成文日期", "生效时间", "生效日期",
                                                 "废止时间", "废止日期", "发文机构", "发文机关", "发文字号", "文号", "有效性",
                                                 "时效性", "公开方式", "公开范围", "内容概述", "更新日期"};
  static constexpr std::string_view kOther[] = {"来源", "作者", "责任编辑", "编辑", "发布机构", "字号", "【打印】", "【关闭】",
                                                "打印本页", "关闭窗口", "分享到", "时间", "日期", "名称", "关键词",
                                                "分类", "主题词"};
  // The other labels are looked for where no strong one is (时间 inside 发布时间 is one label),
  // in a copy with the strong ones masked.
  auto labelled = [&](std::string_view w, std::string_view in) {
    for (std::size_t p = in.find(w); p != std::string_view::npos; p = in.find(w, p + 1)) {
      const std::string_view rest = in.substr(p + w.size());
      if (w.starts_with("【") || w == "打印本页" || w == "关闭窗口" || w == "分享到" || rest.starts_with("：") ||
          rest.starts_with(":"))
        return true;
    }
    return false;
  };
  // The same counts read from the colons of the line (a label is labelled where it ends right
  // before one): a line with a colon or two is not searched once per label. The masked copy is
  // needed only when one of the other labels is labelled in the line itself (a label labelled
  // in `masked` is labelled at the same place in `t`: masking writes no colon and no label).
  std::size_t colon_at[24];
  std::size_t colons = 0;
  bool listed = true;  // every colon is in colon_at
  for (std::size_t p = 0; p < t.size() && listed; ++p)
    if (t[p] == ':' || (t[p] == '\xEF' && t.substr(p, 3) == "：")) {
      if (colons == std::size(colon_at)) listed = false;
      else colon_at[colons++] = p;
    }
  auto before_colon = [&](std::string_view w) {
    for (std::size_t k = 0; k < colons; ++k)
      if (colon_at[k] >= w.size() && t.compare(colon_at[k] - w.size(), w.size(), w) == 0) return true;
    return false;
  };
  auto alone = [](std::string_view w) { return w.starts_with("【") || w == "打印本页" || w == "关闭窗口" || w == "分享到"; };
  int strong = 0, other = 0;
  for (auto w : kStrong) strong += listed ? before_colon(w) : labelled(w, t);
  bool any_other = !listed;
  for (auto w : kOther) any_other = any_other || (alone(w) ? t.find(w) != std::string_view::npos : before_colon(w));
  if (any_other) {
    std::string masked(t);
    for (auto w : kStrong)
      for (std::size_t p = masked.find(w); p != std::string::npos; p = masked.find(w, p + 1))
        masked.replace(p, w.size(), w.size(), '|');
    for (auto w : kOther) other += labelled(w, masked);
  }
  // Three labelled fields on one short line ("来源:… 日期:… 字号:【") are the bar itself; two
  // when the line also gives a clock time ("来源:县政府办 日期:2015-03-27 12:00") or a date
  // ("来源:新华网 2024-06-08 编辑:王磊"): a draft names no source and editor beside a date.
  static const text::Regex date = compiled("[0-9]{4}\\s*[-/年.]\\s*[0-9]{1,2}\\s*[-/月.]\\s*[0-9]{1,2}");
  text::Match m;
  if (strong == 0)
    return other >= 3 ||
           (other >= 2 && (has_clock_time(spaced) || (text::codepoint_count(t) <= 60 && date.search(t, m))));
  if (strong + other >= 2) return true;
  // A counter or switch left without its value by the copy ("浏览量:", "浏览次数：590").
  {
    std::size_t colon = text::find_seq(t, "：");
    std::size_t after = colon == std::string_view::npos ? std::string_view::npos : colon + 3;
    if (colon == std::string_view::npos && (colon = t.find(':')) != std::string_view::npos) after = colon + 1;
    if (colon != std::string_view::npos) {
      const std::string_view value = trimmed(t.substr(after));
      if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    }
  }
  // One label alone: a short line giving the page's date ("发布时间：2024-05-28").
  return text::codepoint_count(t) <= 40 && date.search(t, m);
}

namespace {

// The fields of a government portal's info bar written one a line, with or without their
// value ("• 发文机构:" / "县政府网站"). 内容概述 takes a paragraph, never a one-line value.
constexpr std::string_view kBarFields[] = {
    "索引号",   "主题分类", "组配分类", "信息分类", "体裁分类", "服务对象分类", "来源",     "信息来源", "发文机构",
    "发布机构", "发文机关", "成文机关", "发文字号", "文号",     "发文日期",     "成文日期", "发布日期", "发布时间",
    "生效日期", "废止日期", "有效性",   "时效性",   "公开方式", "公开范围",     "内容概述", "内容概要"};

// The line without a list bullet and spaces before it.
std::string_view unbulleted(std::string_view raw) {
  std::string_view t = trimmed(raw);
  for (bool again = true; again && !t.empty();) {
    again = false;
    for (std::string_view b : {"•"sv, "·"sv, "●"sv, "○"sv, "◆"sv, "◇"sv, "■"sv, "□"sv, "▪"sv, "*"sv, "-"sv})
      if (starts_with(t, b)) {
        t = trimmed(t.substr(b.size()));
        again = true;
      }
  }
  return t;
}

// The field's label when the line is a bar field given without its value ("发文字号:"), else "".
std::string_view valueless_field(std::string_view raw) {
  std::string_view t = unbulleted(raw);
  if (ends_with(t, "：")) t.remove_suffix(3);
  else if (ends_with(t, ":")) t.remove_suffix(1);
  else return {};
  t = trimmed(t);
  for (auto f : kBarFields)
    if (t == f) return f;
  return {};
}

// A portal's info bar copied as a table, label and value in cells of their own ("索引号: |
// GS5183/2020-771 | 部门: | 中川镇 |", "作者: | 日期: | 2020-10-20 |"): two or more cells
// that are a label and its colon alone. A draft's own table never labels its cells so.
bool bar_table_row(std::string_view raw) {
  std::string_view t = trimmed(raw);
  if (t.find('|') == std::string_view::npos || text::codepoint_count(t) > 100) return false;
  int labels = 0;
  while (!t.empty()) {
    const std::size_t bar = t.find('|');
    std::string_view cell = trimmed(t.substr(0, bar));
    t = bar == std::string_view::npos ? std::string_view{} : t.substr(bar + 1);
    if (ends_with(cell, "：")) cell.remove_suffix(3);
    else if (ends_with(cell, ":")) cell.remove_suffix(1);
    else continue;
    cell = trimmed(cell);
    bool known = false;
    for (auto f : kBarFields) known = known || cell == f;
    for (std::string_view f : {"部门"sv, "栏目"sv, "作者"sv, "日期"sv, "时间"sv, "编辑"sv, "发布机构"sv, "名称"sv, "关键词"sv, "分类"sv})
      known = known || cell == f;
    labels += known;
  }
  return labels >= 2;
}

bool info_bar_field_awaiting_value(std::string_view raw) {
  const std::string_view f = valueless_field(raw);
  return !f.empty() && f != "内容概述" && f != "内容概要";
}

bool info_bar_value_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  if (t.empty() || t.size() > 160 || text::codepoint_count(t) > 40) return false;
  for (std::string_view p : {"。"sv, "，"sv, "；"sv, "！"sv, "？"sv})
    if (t.find(p) != std::string_view::npos) return false;
  return leading_number(t) == 0 && valueless_field(t).empty();
}

}  // namespace

std::vector<std::string> title_endings(const profiles::Profile& p) {
  std::vector<std::string> out = p.vocabulary.wenzhong;
  out.insert(out.end(), p.classifier.document_endings.begin(), p.classifier.document_endings.end());
  return out;
}

bool is_front_matter_line(std::string_view t) { return front_line(t); }

bool is_closing_line(std::string_view raw) {
  const std::string_view t = trimmed(raw);
  for (std::string_view p : {"抄送"sv, "抄报"sv, "报送"sv, "分送"sv, "报"sv, "送"sv, "发"sv})
    if (starts_with(t, p)) {
      const std::string_view rest = t.substr(p.size());
      if (starts_with(rest, "：") || starts_with(rest, ":")) return true;
    }
  if (starts_with(t, "（共印") || starts_with(t, "(共印")) return true;
  // "金乡县人民政府办公室　　2024年5月6日印发"
  if (ends_with(t, "印发") && text::find_seq(t, "年") != std::string_view::npos) {
    const Shape s = shape_of(t, 50);  // counted once, and no further than the test needs
    if (s.cps <= 50 && !s.clause_punct) return true;
  }
  return false;
}

static TitleInfo find_title_at_top(const model::Document& doc, const std::vector<std::string>& endings) {
  TitleInfo ti;
  // The title is near the top: the 版头 has at most six lines, the title three.
  auto blocks = text_blocks(doc, 16, &ti.meta, endings);
  std::size_t i = 0;
  auto text_of = [&](std::size_t k) { return doc.block_text(blocks[k]); };
  // A page's summary of the text: the first line opens with the next one (its title) and runs on
  // into the text ("在…会议上的讲话用心用爱…同志们: 县不图强…" over "在…会议上的讲话").
  if (blocks.size() >= 2 && blocks[1] == blocks[0] + 1) {
    const std::string_view next = trimmed(text_of(1)), first = trimmed(text_of(0));
    if (title_shaped(next) && shape_of(next, 8).cps >= 8 && first.size() > next.size() && starts_with(first, next) &&
        shape_of(first, 60).cps > 60) {
      ti.meta.insert(std::upper_bound(ti.meta.begin(), ti.meta.end(), blocks[0]), blocks[0]);
      blocks.erase(blocks.begin());
    }
  }
  // A web page's headline stands right above its info bar ("来源：… 发布时间：…"); the short
  // lines above it are the site's masthead, slogan and menus, not the draft.
  for (std::size_t k = 1; k < blocks.size() && k < 10; ++k) {
    if (shape_of(text_of(k - 1), 60).cps > 60) break;
    const auto bar = std::upper_bound(ti.meta.begin(), ti.meta.end(), blocks[k]);
    // A headline has the text under its bar: a line with nothing after the bar below it (a
    // short notice's date over the page's 【打印】【关闭】) is no headline.
    if (bar == ti.meta.end() || k + 1 >= blocks.size() || blocks[k + 1] < *bar || !title_shaped(text_of(k))) continue;
    bool adjacent_bar = true;
    for (std::uint32_t j = blocks[k] + 1; j < *bar; ++j)
      if (!text::is_blank(doc.block_text(j))) adjacent_bar = false;
    if (!adjacent_bar) continue;
    // A headline set on two lines begins with its issuer and 关于 ("衡山县人民政府办公室关于印发
    // 衡山县城区" over "停车管理办法的通知"): its first line is the headline's, not the site's.
    std::size_t start = k;
    if (const std::string_view above = trimmed(text_of(k - 1));
        blocks[k - 1] + 1 == blocks[k] && above.find("关于") != std::string_view::npos && title_shaped(above) &&
        !ends_with_any(above, endings) && shape_of(above, 40).cps <= 40)
      start = k - 1;
    ti.meta.insert(ti.meta.end(), blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(start));
    std::sort(ti.meta.begin(), ti.meta.end());
    blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(start));
    break;
  }
  while (i < blocks.size()) {
    // An issuer's name alone is the 发文机关标志 over a 发文字号, or over the 签发人 line that an
    // upward document (请示, 报告) puts beside its number.
    // So is an issuer's name alone over a whole title that names its issuer itself (a portal's
    // page: "某县人民政府" / "某县人民政府办公室关于印发…的通知"), not over the 关于… line
    // that completes a title begun with the issuer's name.
    const bool front = front_line(text_of(i)) ||
                       (issuer_line(text_of(i)) && i + 1 < blocks.size() &&
                        (is_doc_number_line(text_of(i + 1)) ||
                         // Joint issuers one a line over the 发文字号 ("中共某市委办公室" /
                         // "某市人民政府办公室" / "某办文〔2026〕11号").
                         (issuer_line(text_of(i + 1)) && i + 2 < blocks.size() && is_doc_number_line(text_of(i + 2))) ||
                         (starts_with(trimmed(text_of(i + 1)), "签发人") && i + 2 < blocks.size() &&
                          is_doc_number_line(text_of(i + 2))) ||
                         (!starts_with(trimmed(text_of(i + 1)), "关于") && !issuer_line(text_of(i + 1)) &&
                          text_of(i + 1).find("关于") != std::string_view::npos && title_shaped(text_of(i + 1)) &&
                          ends_with_any(text_of(i + 1), endings))));
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
  // A copy that begins with the reporters' line ("记者 余艳华") lost its headline: that line is
  // a byline, not the title.
  while (i + 1 < blocks.size() && ti.front.empty()) {
    const std::string_view line = text_of(i);
    const Shape s = shape_of(line, 30);
    if (s.cps > 30 || s.full_stops || s.clause_punct || dateline_end(line) > 0) break;
    // It opens with the role ("记者", "本报记者", "通讯员"): a headline may name reporters too
    // ("县委常委会见来访记者").
    const std::string_view head = trimmed(line);
    bool role = false;
    for (std::string_view r : {"记者"sv, "通讯员"sv, "本报记者"sv, "本台记者"sv, "见习记者"sv, "特约记者"sv, "全媒体记者"sv, "融媒体记者"sv})
      role = role || starts_with(head, r);
    if (!role) break;
    ti.bylines.push_back(blocks[i]);
    ++i;
  }
  // The title: the first line after the 版头 when it has a title's shape or role; a DOCX
  // Title paragraph a line or two further down (after a 版头 written some other way).
  std::size_t t = i;
  // A plain-text reader's title role is its guess from the first line's last character;
  // the shape decides there (a news lead "3月21日下午，县长主持召开…" ends with no stop).
  const bool guessed_roles = doc.format == model::Format::kText;
  const auto role = [&](std::size_t k) {
    const model::Role r = doc.blocks[blocks[k]].role;
    return r == model::Role::kTitle && guessed_roles && !title_shaped(text_of(k)) ? model::Role::kBody : r;
  };
  if (role(t) != model::Role::kTitle && !title_shaped(text_of(t))) {
    t = blocks.size();
    for (std::size_t k = i + 1; k < std::min(blocks.size(), i + 3); ++k)
      if (role(k) == model::Role::kTitle) t = k;
  }
  if (t == blocks.size()) {
    // A copy that starts at its 电头, alone on the first line ("湖北日报讯 记者李新龙"): a
    // byline; the lead is the line after it.
    if (i + 1 < blocks.size() && is_dateline_line(text_of(i))) ti.bylines.push_back(blocks[i++]);
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
      // A last line closed with a stray full stop after its 文种 ("…大检查的通知。") is still the
      // title's (format.title reports the stop).
      const bool stop_after_wenzhong = s.full_stops == 1 && s.stop_at_end && ends_with_any(next, endings);
      if (s.cps == 0 || s.cps > 40 || s.clause_punct || (s.full_stops && !stop_after_wenzhong) || front_line(next)) break;
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
  // A page's date stamp under its headline ("2022-01-02"): a document dates itself in 年月日
  // at its end, a speech in brackets under its title.
  if (k < blocks.size() && is_stamp_date(trimmed(text_of(k)))) {
    ti.meta.insert(std::upper_bound(ti.meta.begin(), ti.meta.end(), blocks[k]), blocks[k]);
    ++k;
  }
  // A speech's speaker and date under its title ("县长　李国强", "（2024年6月18日）"), right
  // before its salutation ("同志们："): its byline, not spoken (nor counted).
  {
    auto salutation = [&](std::string_view x) {
      x = trimmed(x);
      for (std::string_view w : {"同志们："sv, "同志们:"sv, "同志们，朋友们"sv, "同志们、朋友们"sv, "各位领导"sv, "各位代表"sv,
                                 "各位委员"sv})
        if (starts_with(x, w)) return true;
      return false;
    };
    std::size_t n = k;
    while (n < blocks.size() && n < k + 3 && blocks[n] == blocks[n - 1] + 1 && !salutation(text_of(n))) {
      const Shape s = shape_of(text_of(n), 24);
      if (s.cps == 0 || s.cps > 24 || s.full_stops || s.clause_punct) break;
      ++n;
    }
    if (n > k && n < blocks.size() && salutation(text_of(n)))
      for (; k < n; ++k) ti.bylines.push_back(blocks[k]);
  }
  // A reporters' line of its own under the headline ("本报记者　韩某", "记者　王晓　通讯员　孙某"):
  // a byline, not the lead.
  while (k + 1 < blocks.size() && k <= t + 4) {
    const std::string_view line = text_of(k);
    const Shape s = shape_of(line, 30);
    if (!is_dateline_line(line) &&
        (s.cps > 30 || s.full_stops || dateline_end(line) > 0 || !text::contains_any(line, {"记者", "通讯员"}) ||
         text::contains_any(line, {"：", ":", "，"})))
      break;
    ti.bylines.push_back(blocks[k]);
    ++k;
  }
  // A portal's page shows the title, its info bar, then the document with its own title,
  // often broken over two lines ("柳州市住房和城乡建设委员会" / "2018年政府信息公开工作年度报告"):
  // lines that together say the title again, spaces aside, are that title, not text (the
  // first of them was read as an addressee without its colon).
  if (ti.bylines.empty() && k < blocks.size()) {
    // The text without spaces, at most `cap` bytes of it (a paragraph longer than the title
    // is no repeat of it: the lead may be the whole draft).
    auto squeezed = [](std::string_view x, std::size_t cap) {
      std::string out;
      for (const auto c : text::code_points(x)) {
        if (out.size() > cap) break;
        if (!text::is_whitespace(c.cp) && !text::is_invisible(c.cp)) out.append(x.substr(c.begin, c.end - c.begin));
      }
      return out;
    };
    const std::string whole = squeezed(title_text(doc, ti), std::string::npos);
    std::string said;
    for (std::size_t n = k; !whole.empty() && n < blocks.size() && n < k + 3; ++n) {
      said += squeezed(text_of(n), whole.size());
      if (said.size() > whole.size() || whole.compare(0, said.size(), said) != 0) break;
      if (said.size() == whole.size()) {
        for (std::size_t m = k; m <= n; ++m) ti.repeats.push_back(blocks[m]);
        ti.preamble_end = std::max(ti.preamble_end, static_cast<int>(blocks[n]));
        k = n + 1;
        break;
      }
    }
  }
  ti.preamble_end = std::max(ti.preamble_end, ti.last);
  if (k < blocks.size()) ti.lead = static_cast<int>(blocks[k]);
  return ti;
}

// A page's list of other articles under the text ("新闻推荐", "相关阅读", "上一篇："): that line
// and every line after it are the page, not the draft.
static bool is_page_tail_line(std::string_view raw) {
  if (raw.size() > 64) return false;
  std::string_view t = trimmed(raw);
  for (std::string_view w : {"上一篇"sv, "下一篇"sv})
    if (starts_with(t, w) && (starts_with(t.substr(w.size()), "：") || starts_with(t.substr(w.size()), ":"))) return true;
  while (ends_with(t, ":")) t.remove_suffix(1);
  while (ends_with(t, "：")) t.remove_suffix(3);
  for (std::string_view w : {"新闻推荐"sv, "相关新闻"sv, "相关阅读"sv, "相关文章"sv, "推荐阅读"sv, "热点推荐"sv, "热门推荐"sv, "精彩推荐"sv, "猜你喜欢"sv,
                             "相关稿件"sv})
    if (t == w) return true;
  return false;
}

// A newsroom's credit line closing a copied story: "责任编辑：张伟", "（责任编辑：陈静）",
// "编辑：刘洋　审核：王磊". Short, no sentence, opening with an editor's label and a colon.
static bool is_credit_line(std::string_view raw) {
  if (raw.size() > 160) return false;
  std::string_view t = trimmed(raw);
  for (std::string_view open : {"（", "(", "【", "["})
    if (starts_with(t, open)) t = trimmed(t.substr(open.size()));
  if (text::codepoint_count(t) > 40 || t.find("。") != std::string_view::npos || t.find("，") != std::string_view::npos)
    return false;
  for (std::string_view w : {"责任编辑", "值班编辑", "编辑", "审核", "审校", "校对", "初审", "复审", "终审", "监制"})
    if (starts_with(t, w) && (starts_with(t.substr(w.size()), "：") || starts_with(t.substr(w.size()), ":"))) return true;
  return false;
}

bool same_but_spaces(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  while (true) {
    while (i < a.size()) {
      std::size_t n;
      const char32_t c = text::cp_at(a, i, n);
      if (!text::is_whitespace(c) && !text::is_invisible(c)) break;
      i = n;
    }
    while (j < b.size()) {
      std::size_t n;
      const char32_t c = text::cp_at(b, j, n);
      if (!text::is_whitespace(c) && !text::is_invisible(c)) break;
      j = n;
    }
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    std::size_t ni, nj;
    text::cp_at(a, i, ni);
    text::cp_at(b, j, nj);
    if (a.substr(i, ni - i) != b.substr(j, nj - j)) return false;
    i = ni;
    j = nj;
  }
}

TitleInfo find_title(const model::Document& doc, const std::vector<std::string>& endings) {
  TitleInfo ti = find_title_at_top(doc, endings);
  // The title said again further down — a law site shows its headline, the issuer, then the
  // document's own title; a page titled with what a notice issues shows that name again over
  // the text it issues — is the title shown again, not text (nor a duplicated paragraph).
  if (ti.first >= 0) {
    const std::string whole = title_text(doc, ti);
    const int from = std::max(ti.last, ti.preamble_end);
    if (text::codepoint_count(whole) >= 8)
      for (std::size_t i = static_cast<std::size_t>(from + 1); i < doc.blocks.size(); ++i) {
        const auto& b = doc.blocks[i];
        if (b.story != model::Story::kMain || b.directive) continue;
        const std::string_view t = doc.block_text(b);
        if (t.size() > 2 * whole.size() + 16 || t.size() < whole.size() || !same_but_spaces(t, whole)) continue;
        if (std::find(ti.repeats.begin(), ti.repeats.end(), static_cast<std::uint32_t>(i)) == ti.repeats.end())
          ti.repeats.push_back(static_cast<std::uint32_t>(i));
      }
    std::sort(ti.repeats.begin(), ti.repeats.end());
  }
  const int after = std::max({ti.last, ti.lead, ti.preamble_end});
  for (std::size_t i = static_cast<std::size_t>(after + 1); i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive || !is_page_tail_line(doc.block_text(b))) continue;
    for (std::size_t j = i; j < doc.blocks.size(); ++j)
      if (doc.blocks[j].story == model::Story::kMain && !doc.blocks[j].directive && !text::is_blank(doc.block_text(j)))
        ti.meta.push_back(static_cast<std::uint32_t>(j));
    std::sort(ti.meta.begin(), ti.meta.end());
    ti.meta.erase(std::unique(ti.meta.begin(), ti.meta.end()), ti.meta.end());
    break;
  }
  // The credit lines a web copy ends with (责任编辑：…) are the page's, like its info bar.
  bool credits = false;
  for (std::size_t i = doc.blocks.size(); i-- > static_cast<std::size_t>(after + 1);) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    const std::string_view t = doc.block_text(b);
    if (text::is_blank(t)) continue;
    if (!is_credit_line(t)) break;
    ti.meta.push_back(static_cast<std::uint32_t>(i));
    credits = true;
  }
  if (credits) {
    std::sort(ti.meta.begin(), ti.meta.end());
    ti.meta.erase(std::unique(ti.meta.begin(), ti.meta.end()), ti.meta.end());
  }
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
  const bool year = text::find_seq(inside, "〔") != std::string_view::npos || inside.find('[') != std::string_view::npos ||
                    text::find_seq(inside, "［") != std::string_view::npos;
  if (!year || text::codepoint_count(inside) > 30) return t;
  return trimmed(t.substr(0, open));
}

// Cheap guard before the dateline regex: 讯, 电 or 消息 in the first 40 code points (and, with
// `brackets`, a byline's parenthesis).
static bool may_open_with_dateline(std::string_view t, bool brackets) {
  const std::string_view head = t.substr(0, text::step_forward(t, 0, 40));
  return text::find_seq(head, "讯") != std::string_view::npos || text::find_seq(head, "电") != std::string_view::npos ||
         text::find_seq(head, "消息") != std::string_view::npos ||
         (brackets && (text::find_seq(head, "（") != std::string_view::npos || head.find('(') != std::string_view::npos));
}

std::string_view trimmed_line(std::string_view t) { return trimmed(t); }

std::size_t dateline_end(std::string_view t) {
  if (!may_open_with_dateline(t, true)) return 0;
  text::Match m;
  if (!dateline_regex().search(t, m) || m.end <= m.begin || m.end >= t.size()) return 0;
  return m.end;
}

bool is_dateline_line(std::string_view t) {
  if (!may_open_with_dateline(t, false)) return false;
  text::Match m;
  return dateline_regex().search(t, m) && m.end > m.begin && text::is_blank(t.substr(m.end));
}

model::Body body_of(const model::Document& doc, const profiles::BodyScope& scope, const TitleInfo& title,
                    std::vector<std::uint8_t>* whole, model::Counts* whole_counts,
                    std::vector<std::uint64_t>* lines) {
  model::Body body;
  std::size_t captions = 0, closing = 0, contents = 0;
  std::size_t front = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    if (b.role == model::Role::kContents) {  // a table of contents repeats the titles
      contents += !text::is_blank(doc.block_text(b));
      continue;
    }
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
    if (scope.exclude_title &&
        std::find(title.repeats.begin(), title.repeats.end(), static_cast<std::uint32_t>(i)) != title.repeats.end()) {
      body.excluded.push_back("重复的标题“" + short_excerpt(trimmed(t)) + "”");
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
    const bool counted_whole = s.begin == 0 && whole && whole_counts;
    const model::Counts c = counted_whole && lines ? count::count_text(t, layout::grid_line(b), (*lines)[i])
                                                   : count::count_text(t.substr(s.begin));
    body.counts += c;
    if (counted_whole) {
      (*whole)[i] = 1;
      *whole_counts += c;
    }
  }
  if (captions) body.excluded.push_back("图片说明 " + std::to_string(captions) + " 段");
  if (closing) body.excluded.push_back("版记 " + std::to_string(closing) + " 段");
  if (contents) body.excluded.push_back("目录 " + std::to_string(contents) + " 段");
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
    return text::find_seq(n, "黑体") != std::string::npos || text::find_seq(n, "标宋") != std::string::npos;
  };
  for (std::size_t r = 0; r < L.runs.size(); ++r) {
    const std::size_t from = std::min<std::size_t>(L.runs[r].offset, t.size());
    const std::size_t to = r + 1 < L.runs.size() ? std::min<std::size_t>(L.runs[r + 1].offset, t.size()) : t.size();
    if (to <= from || text::is_blank(t.substr(from, to - from))) continue;
    if (!L.runs[r].bold && !heavy_face(L.runs[r].east_asian)) return false;
  }
  return true;
}

bool non_item_bracket(std::string_view t) {
  for (std::string_view w : {"本期要目"sv, "要目"sv, "目录"sv, "导读"sv, "编者按"sv, "按语"sv})
    if (t.find(w) != std::string_view::npos && text::codepoint_count(trimmed(t)) <= 12) return true;
  return false;
}

constexpr int kStyled = 1000;  // Marker::kind of an emphasised (bold) item title
constexpr int kBare = 1001;    // Marker::kind of a bare title line (bare_title_shape)

// A bare item title as a plain-text issue has it: a line of 5–40 code points with no sentence
// or clause end in it (。！？；, a final ：), no numbering ("一、" "1." "（一）" "一是" are a
// research item's sub-headings or a body's enumeration), not a bracketed or quoted line.
bool bare_title_shape(std::string_view t) {
  const std::string_view tt = trimmed(t);
  const Shape sh = shape_of(tt, 41);
  if (sh.cps < 5 || sh.cps > 40 || sh.full_stops || sh.open != 0) return false;
  for (std::string_view w : {"！"sv, "？"sv, "；"sv, "!"sv, "?"sv, ";"sv})
    if (tt.find(w) != std::string_view::npos) return false;
  if (sh.last == U'：' || sh.last == U':' || sh.last == U'，' || sh.last == U'、' || sh.last == U',') return false;
  if (starts_with(tt, "（") || starts_with(tt, "(") || starts_with(tt, "【") || leading_number(tt) > 0) return false;
  for (std::string_view w : {"一是"sv, "二是"sv, "三是"sv, "第"sv})
    if (starts_with(tt, w)) return false;
  return !non_item_bracket(tt);
}


}  // namespace

// Where an item's title ends in its first paragraph: after the 】 of "【…】", after the first
// full stop of a numbered headline with no comma in it ("1.区水务局完成12处易积水点改造。"), at
// the number's end when the item's text follows it at once ("1.3月6日，区…召开…。"), else at
// the paragraph's end (the paragraph is the title).
static std::size_t item_title_end(std::string_view t) {
  const std::size_t lead = t.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return t.size();
  if (t.compare(lead, 3, "【") == 0) {
    const std::size_t e = t.find("】", lead);
    return e == std::string_view::npos ? t.size() : e + 3;
  }
  std::size_t stop = t.size();
  for (std::string_view w : {"。", "！", "？"})
    if (const std::size_t at = t.find(w); at != std::string_view::npos && at < stop) stop = at;
  if (stop == t.size()) return t.size();
  const std::string_view head = t.substr(0, stop);
  if (head.find("，") == std::string_view::npos && head.find("；") == std::string_view::npos) return stop + 3;
  // No headline: the text starts after the item's number ("1." "2、").
  std::size_t p = lead;
  while (p < t.size() && ((t[p] >= '0' && t[p] <= '9'))) ++p;
  if (p < t.size() && (t[p] == '.' || t[p] == ' ')) ++p;
  else if (t.compare(p, 3, "．") == 0 || t.compare(p, 3, "、") == 0) p += 3;
  return p == lead ? 0 : p;
}

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
    if (b.role == model::Role::kContents) continue;  // a table of contents: its entries are no items
    if (text::is_blank(doc.block_text(b))) continue;
    paras.push_back(static_cast<std::uint32_t>(i));
  }

  // A plain issue whose items have bare titles (bare_title_shape), each after a blank line (or
  // first of all) and followed by its text, and no item marked any other way: no heading, no
  // bold title, no 【…】, and no numbered line after a blank line except inside a research
  // item (its own 一、二、). Two such titles at least; else the marks below are read.
  std::vector<std::uint8_t> bare(paras.size(), 0);
  bool bare_mode = false;
  {
    auto blank_before = [&](std::size_t k) {
      if (k == 0) return true;
      for (std::uint32_t j = paras[k - 1] + 1; j < paras[k]; ++j) {
        const auto& b = doc.blocks[j];
        if (b.story == model::Story::kMain && !b.directive && text::is_blank(doc.block_text(b))) return true;
      }
      return false;
    };
    std::size_t titles = 0;
    bool marked = false, numbered_apart = false, in_research = false;
    text::Match m;
    for (std::size_t k = 0; k < paras.size() && !marked; ++k) {
      const auto& b = doc.blocks[paras[k]];
      const std::string_view t = doc.block_text(b);
      if (b.role == model::Role::kHeading || !b.label.empty()) {
        marked = true;
        break;
      }
      if (k + 1 < paras.size() && emphasised(doc, b)) marked = true;
      bool numbered = false;
      for (const auto& r : spec.title_regexes)
        if (r->search(t, m) && !non_item_bracket(t)) {
          if (leading_number(t) > 0) numbered = true;
          else marked = true;
        }
      bool section = false;
      for (const auto& r : spec.section_regexes)
        if (r->search(t, m)) section = true;
      const bool apart = blank_before(k);
      if (numbered && apart && !in_research) numbered_apart = true;
      if (!section && apart && bare_title_shape(t) && k + 1 < paras.size() &&
          text::find_seq(doc.block_text(paras[k + 1]), "。") != std::string_view::npos &&
          !bare_title_shape(doc.block_text(paras[k + 1]))) {
        bare[k] = 1;
        ++titles;
        std::string why;
        in_research = research_title(t, why);
      }
    }
    bare_mode = titles >= 2 && !marked && !numbered_apart;
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
    if (bare_mode) {
      if (bare[k]) here = {kBare, 0, 0};
    } else if (b.role == model::Role::kHeading) {
      here = {0, b.level, 0};
    } else {
      // Items numbered by Word ("1." a numbering label, not text) are read with their label.
      std::string labelled;
      if (!b.label.empty()) labelled = std::string(std::string_view(b.label)) + std::string(t);
      const std::string_view lt = b.label.empty() ? t : std::string_view(labelled);
      for (std::size_t p = 0; p < spec.title_regexes.size() && here.kind < 0; ++p)
        if (spec.title_regexes[p]->search(lt, m) && !non_item_bracket(lt)) here = {static_cast<int>(p) + 1, 0, leading_number(lt)};
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
      } else if (here.kind > 0 && here.kind != kStyled && here.kind != kBare) {
        // The item's text run on after its title in the same paragraph ("【…】3月6日，…",
        // "1.区水务局完成…改造。区水务局对…") is the item's, counted without the title.
        if (const std::size_t e = item_title_end(t); e < t.size() && !text::is_blank(t.substr(e))) {
          it.spans.push_back({i, static_cast<std::uint32_t>(e)});
          it.counts += count::count_text(t.substr(e));
        }
      }
      if (here.kind == kBare)
        it.found_by = "按空行后的短标题行分条（未见【】、编号或标题样式；分条有误时请给标题加【】）";
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
