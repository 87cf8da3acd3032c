// text.stray-space — spaces between Chinese characters (NBSP and U+3000 included) and runs of
// spaces used for layout inside a line (GB/T 9704-2012 5.2.3). Indentation, trailing
// spaces, bylines "（记者 王晓）" and short name or signature lines are left alone.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "lint/body.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kBetweenHan, kLayout };
constexpr model::Message kMessages[] = {
    {"汉字之间有多余的{space}"},
    {"行内用 {run} 个空白字符排版；公文应使用段落格式而不是空格对齐"},
};
constexpr model::Example kExamples[] = {{"各单位要 认真落实", "各单位要认真落实"}};

const char* space_name(char32_t c) {
  if (c == U'\u3000') return "全角空格";
  if (c == U'\u00A0') return "不换行空格（NBSP）";
  if (c == U' ') return "空格";
  return "空白字符";
}

bool is_punct_mark(char32_t c) {
  switch (c) {
    case U'。': case U'，': case U'；': case U'：': case U'、': case U'！': case U'？':
    case U',': case U';': case U':': case U'!': case U'?':
      return true;
    default:
      return false;
  }
}

bool has_sentence_punct(std::string_view t) {
  for (const auto cp : text::code_points(t))
    if (is_punct_mark(cp.cp)) return true;
  return false;
}

// `t` with its 、 taken out.
std::string without_enum_commas(std::string_view t) {
  std::string out;
  for (std::size_t p = 0;;) {
    const std::size_t q = t.find("、", p);
    out.append(t.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
    if (q == std::string_view::npos) return out;
    p = q + std::string_view("、").size();
  }
}

// Whether `t` holds a space (Unicode Zs: U+0020, NBSP, U+1680, U+2000–U+200A, U+202F,
// U+205F, U+3000), the only characters this rule reports (rules::find_space).
bool is_space(char32_t c) { return text::primary_class(c) == text::kSpace; }
bool has_space(std::string_view t) { return find_space(t) != text::npos; }

// Prose: a line with clauses in it, where a run of spaces can only be layout.
bool is_prose(std::string_view t) {
  return t.find("。") != std::string_view::npos || t.find("，") != std::string_view::npos ||
         t.find("；") != std::string_view::npos;
}

// Where a list of words separated by spaces starts — 主题词：安全生产 检查 请示, 出席：张三 李四
// 王五, 列席：赵　敏（县政府办公室）　孙　磊（县财政局） — or npos: after the last colon, words of
// Han characters only, each with an optional bracketed note (the attendee's office), no other
// punctuation; three or more, or two after a list's own label (主题词, 出席, 列席 …). With
// `label` null the whole line is read (a list's continuation line, two entries or more).
// Read backwards from the end: the walk stops at the last colon, or at the first code point
// after it that no list has (in prose, soon).
bool is_list_label(std::string_view t) {
  std::string compact;
  for (const auto cp : text::code_points(t))
    if (!text::is_whitespace(cp.cp)) compact.append(t.substr(cp.begin, cp.end - cp.begin));
  for (std::string_view w : {"主题词", "关键词", "出席", "列席", "请假", "缺席", "参加", "参会", "出席人员", "列席人员",
                             "参会人员", "参加人员", "与会人员"})
    if (compact == w) return true;
  return false;
}

std::size_t word_list_start(std::string_view t, bool whole_line = false) {
  int words = 0;
  bool in_word = false;
  int depth = 0;  // inside a bracketed note
  std::size_t at = t.size();
  while (at > 0) {
    std::size_t b;
    const char32_t c = text::cp_before(t, at, b);
    if (depth > 0) {
      if (c == U'（' || c == U'(') --depth;
      else if (!text::is_han(c) && c != U'、' && c != U'·') return std::string_view::npos;
      at = b;
      continue;
    }
    if (c == U'）' || c == U')') {
      ++depth;
      if (!in_word) ++words;
      in_word = true;
      at = b;
      continue;
    }
    if (!whole_line && (c == U'：' || c == U':')) {
      const int needed = is_list_label(t.substr(0, b)) ? 2 : 3;
      return words >= needed ? at : std::string_view::npos;
    }
    if (text::is_whitespace(c) || text::is_invisible(c)) {
      in_word = false;
    } else {
      if (!text::is_han(c) && c != U'·') return std::string_view::npos;
      if (!in_word) ++words;
      in_word = true;
    }
    at = b;
  }
  if (depth > 0) return std::string_view::npos;
  if (whole_line) return words >= 2 ? at : std::string_view::npos;
  return words >= 3 ? at : std::string_view::npos;
}

// A masthead or imprint line: the issuer (or issuers, one space apart) and, after a run of
// spaces, the date ("中共衡山县委组织部　县直机关工委编　　　　2026年3月12日"): laid out with spaces.
bool is_imprint_line(std::string_view t) {
  for (bool more = true; more;) {
    more = false;
    if (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1), more = true;
    else if (t.ends_with("\u3000")) t.remove_suffix(3), more = true;
  }
  if (!t.ends_with("日")) return false;
  static const text::Regex date = fixed_regex("(?:^|[ \t\u3000]{2,})(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$");
  text::Match m;
  return date.search(t, m);
}

// The code point at byte `at` and the one after it (0 at the end).
char32_t peek(std::string_view t, std::size_t at, std::size_t* next = nullptr) {
  if (at >= t.size()) return 0;
  const char* p = t.data() + at;
  const char32_t c = text::decode(p, t.data() + t.size());
  if (next) *next = static_cast<std::size_t>(p - t.data());
  return c;
}

// Where the heading of an article or chapter ends at the start of a paragraph ("第一条",
// "第三章", "第12条"): regulations set a space after it. 0 when there is none.
std::size_t article_heading_end(std::string_view t) {
  bool first = true, digits = false;
  for (const auto cp : text::code_points(t)) {
    if (first) {
      if (text::is_whitespace(cp.cp)) continue;
      if (cp.cp != U'第') return 0;
      first = false;
      continue;
    }
    const bool numeral = (cp.cp >= U'0' && cp.cp <= U'9') ||
                         std::u32string_view(U"〇零一二三四五六七八九十百千").find(cp.cp) != std::u32string_view::npos;
    if (numeral) {
      digits = true;
      continue;
    }
    return digits && (cp.cp == U'条' || cp.cp == U'章' || cp.cp == U'节' || cp.cp == U'款' || cp.cp == U'编') ? cp.end : 0;
  }
  return 0;
}

// A field label right after the space ("日　地点：…"): up to six Han characters and a colon.
bool label_follows(std::string_view t, std::size_t at) {
  for (int k = 0; k < 7 && at < t.size(); ++k) {
    std::size_t next = 0;
    const char32_t c = peek(t, at, &next);
    if (c == U'：' || c == U':') return k >= 2;
    if (!text::is_han(c)) return false;
    at = next;
  }
  return false;
}

// Calls fn(begin, end) for each byline in `t`, as the pattern
// [（(][^）)]{0,60}(?:记者|通讯员|摄影|摄|报道员|实习生)[^）)]{0,60}[）)] matches them: from an
// opening bracket to the first closing one after it, when a keyword lies in between with at
// most 60 code points before it and 60 after it. Searched on from the end of each byline.
template <typename F>
void for_each_byline(std::string_view t, F fn) {
  static constexpr std::string_view kWords[] = {"记者", "通讯员", "摄影", "摄", "报道员", "实习生"};
  auto is_closer = [](char32_t c) { return c == U'）' || c == U')'; };
  // The next （ and the next ( at or after a point, each searched on only when passed.
  std::size_t wide = 0, narrow = 0, from = 0;
  auto next_open = [&]() {
    if (wide != text::npos && wide < from) wide = text::find_seq(t, "（", from);
    if (narrow != text::npos && narrow < from) narrow = t.find('(', from);
    return std::min(wide, narrow);
  };
  wide = text::find_seq(t, "（");
  narrow = t.find('(');
  for (std::size_t at = std::min(wide, narrow); at != text::npos; at = next_open()) {
    const std::size_t inner = at + (t[at] == '(' ? 1 : 3);
    // The code points up to the first closer (at most 123 of them can be in a byline).
    std::size_t n = 0;
    const std::size_t closer = text::run_forward(t, inner, [&](char32_t c) { return !is_closer(c); }, n, 124);
    bool found = false;
    if (n <= 123 && closer < t.size()) {
      // A keyword starting k code points in (k <= 60) and ending m before the closer (m <= 60).
      std::size_t q = inner;
      for (std::size_t k = 0; k <= 60 && q < closer && !found; ++k) {
        for (const auto w : kWords) {
          if (t.compare(q, w.size(), w) != 0 || q + w.size() > closer) continue;
          const std::size_t after = n - k - text::codepoint_count(w);
          if (after <= 60) found = true;
        }
        std::size_t next;
        text::cp_at(t, q, next);
        q = next;
      }
    }
    if (found) {
      std::size_t end;
      text::cp_at(t, closer, end);
      fn(at, end);
      from = end;
    } else {
      from = inner;
    }
  }
}

// The reporters' names closing a story, in brackets with no keyword ("…其他事项。（朱某某 李某）"):
// two or more names of 2–4 Han, a space between each. Where the bracket opens, or npos.
std::size_t closing_names_begin(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  std::size_t open;
  if (t.ends_with(")")) open = t.rfind('(');
  else if (t.ends_with("）")) open = t.rfind("（");
  else return text::npos;
  if (open == std::string_view::npos) return text::npos;
  const std::size_t inner = open + (t[open] == '(' ? 1 : 3), close = t.size() - (t.back() == ')' ? 1 : 3);
  if (close <= inner || close - inner > 3 * 4 * 6 + 3 * 6) return text::npos;
  int names = 0, run = 0;
  for (const auto c : text::code_points(t.substr(inner, close - inner))) {
    if (text::is_han(c.cp)) {
      ++run;
    } else if (text::is_whitespace(c.cp)) {
      if (run > 0 && (run < 2 || run > 4)) return text::npos;
      names += run > 0;
      run = 0;
    } else {
      return text::npos;
    }
  }
  if (run > 0 && (run < 2 || run > 4)) return text::npos;
  names += run > 0;
  return names >= 2 ? open : text::npos;
}

// A photo's credit closing its caption without brackets ("图为…打饭。　本报记者　韩雪　摄",
// "记者 王晓 摄"): after the last sentence stop, up to 24 code points of Han and spaces ending in
// 摄 or 摄影, naming a reporter or with a space before 摄. Where the credit begins (the spaces before it included), or npos.
std::size_t photo_credit_begin(std::string_view t) {
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
  while (t.ends_with("\xE3\x80\x80")) t.remove_suffix(3);
  if (!t.ends_with("摄") && !t.ends_with("摄影")) return text::npos;
  std::size_t from = 0;
  for (std::string_view stop : {"。", "！", "？", "）", ")"})
    if (const std::size_t p = t.rfind(stop); p != std::string_view::npos) from = std::max(from, p + stop.size());
  int han = 0, cps = 0;
  for (const auto c : text::code_points(t.substr(from))) {
    if (++cps > 24) return text::npos;
    if (text::is_han(c.cp)) ++han;
    else if (!text::is_whitespace(c.cp)) return text::npos;
  }
  // A credit: a reporter named, or 摄 set apart by a space ("韩雪　摄"), not a sentence's 拍摄.
  const std::string_view tail = t.substr(from);
  const std::string_view before = tail.substr(0, tail.size() - (tail.ends_with("摄影") ? 6 : 3));
  std::size_t b;
  const bool spaced = !before.empty() && text::is_whitespace(text::cp_before(before, before.size(), b));
  if (!spaced && !text::contains_any(tail, {"记者", "通讯员"})) return text::npos;
  return han >= 3 ? from : text::npos;
}

// One of the commonest surnames (a name letter-spaced after an official title, "副县长陈　静牵头",
// is told from a word by it: "县长要　求" is no name). 高 and 于, words as often as names, are left out.
bool common_surname(char32_t c) {
  static constexpr std::u32string_view kSurnames = U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤";
  return kSurnames.find(c) != std::u32string_view::npos;
}

// A letter-spaced two-character name "A　B" (A at `a_begin`, B ending at `b_end`) named as
// the one who chairs, speaks or is invited: after 由, 请 (邀请 too) or set apart at its start
// (the paragraph's start, a space or punctuation before A), and followed by 同志, 主持, 发言,
// 讲话 or 出席 — or, after 由/请, by punctuation or the end. "请张　贴出通知" and "各方　发言"
// are words, not names: still reported.
bool called_name(std::string_view t, std::size_t a_begin, std::size_t b_end, bool a_alone) {
  const std::string_view head = t.substr(0, a_begin);
  const bool asked = head.ends_with("由") || head.ends_with("请");
  if (!asked && !a_alone) return false;
  const std::string_view tail = t.substr(b_end);
  for (std::string_view w : {"同志", "主持", "发言", "讲话", "出席"})
    if (tail.starts_with(w)) return true;
  return asked && (tail.empty() || !text::is_han(peek(t, b_end)));
}

// Two-character names letter-spaced with one full-width space to line up with three-character
// ones, in a list of people: "和张　伟等", "李　明、王　芳". Where such spaces are in `t` (their
// byte offsets, sorted): a U+3000 between two Han characters A and B, with a list's mark on
// either side of the name (、 和 与 及 before A; 、 等 after B), and the name set apart on
// both sides (the start, a non-Han character or one of 、 和 与 及 同 before, the end, a non-Han
// character or one of 、 等 和 与 及 同 after) — or, when the paragraph has two such names or
// more, set apart on the listed side only ("有李　明、王　芳参加"). "各部门、单　位要" and
// "群众和社　会发展" have one name-like pair, not set apart: still reported.
std::vector<std::size_t> listed_name_spaces(std::string_view t) {
  struct Candidate {
    std::size_t at;
    bool apart;
  };
  std::vector<Candidate> found;
  auto is_list_mark_before = [](char32_t c) { return c == U'、' || c == U'和' || c == U'与' || c == U'及'; };
  auto is_list_mark_after = [](char32_t c) { return c == U'、' || c == U'等'; };
  auto apart_before = [&](char32_t c) { return c == 0 || !text::is_han(c) || is_list_mark_before(c) || c == U'同'; };
  auto apart_after = [&](char32_t c) {
    return c == 0 || !text::is_han(c) || is_list_mark_after(c) || c == U'和' || c == U'与' || c == U'及' || c == U'同';
  };
  for (std::size_t at = text::find_seq(t, "\u3000"); at != text::npos; at = text::find_seq(t, "\u3000", at + 3)) {
    std::size_t a_begin = 0, l_begin = 0, b_end = 0, r_end = 0;
    const char32_t a = at > 0 ? text::cp_before(t, at, a_begin) : 0;
    const char32_t b = text::cp_at(t, at + 3, b_end);
    if (!text::is_han(a) || !text::is_han(b)) continue;
    const char32_t l = a_begin > 0 ? text::cp_before(t, a_begin, l_begin) : 0;
    const char32_t r = b_end < t.size() ? text::cp_at(t, b_end, r_end) : 0;
    const bool listed = is_list_mark_before(l) || is_list_mark_after(r);
    if (!listed) continue;
    found.push_back({at, apart_before(l) && apart_after(r)});
  }
  std::vector<std::size_t> out;
  for (const auto& f : found)
    if (f.apart || found.size() >= 2) out.push_back(f.at);
  return out;
}

void run(const lint::RuleContext& c) {
  std::size_t front = 0;
  bool prev_list = false;  // the paragraph before is a list of names or words (出席：…)
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    const bool after_list = prev_list;
    prev_list = false;
    if (!has_space(t)) continue;
    // The 版头 (发文字号 …… 签发人) and the 版记 (印发 line) are laid out with spaces, and so is
    // a bulletin's imprint line (the issuers, then the date).
    while (front < c.m.front.size() && c.m.front[front] < bi) ++front;
    if (front < c.m.front.size() && c.m.front[front] == bi) continue;
    if (lint::is_closing_line(t) || is_imprint_line(t)) continue;
    // A list of names or words, and the line that carries it on ("　　　　周　涛（县住房城乡
    // 建设局）　吴　刚（县财政局）" under "列　席：…"), separates its entries with spaces.
    std::size_t list_start = word_list_start(t);
    if (list_start == std::string_view::npos && after_list) list_start = word_list_start(t, true);
    prev_list = list_start != std::string_view::npos;
    // Spaces inside a byline "（记者 王晓 通讯员 陈立）" follow newsroom convention, and so do
    // the spaces after a dateline ("本报讯　11月3日…") and after an article's number
    // ("第一条　为…"). Found when a run of spaces first needs them.
    std::vector<std::pair<std::size_t, std::size_t>> bylines;
    bool bylines_found = false;
    auto in_byline = [&](std::size_t at) {
      if (!bylines_found) {
        bylines_found = true;
        for_each_byline(t, [&](std::size_t b, std::size_t e) { bylines.emplace_back(b, e); });
        if (static_cast<int>(bi) == c.m.dateline_block) bylines.emplace_back(0, c.m.dateline_end);
        if (const std::size_t s = closing_names_begin(t); s != text::npos) bylines.emplace_back(s, t.size());
        if (const std::size_t s = photo_credit_begin(t); s != text::npos) bylines.emplace_back(s, t.size());
        if (const std::size_t h = article_heading_end(t); h > 0) bylines.emplace_back(h, h + 1);
      }
      for (const auto& [a, b] : bylines)
        if (at >= a && at < b) return true;
      return false;
    };
    // A short line (a name or signature line such as "副市长　高振华") uses spaces for layout,
    // and so does a line of a name list with its column of positions ("王　𠮷　县农业农村局…").
    auto after_official_title = [&](std::string_view head) {
      for (const auto& w : c.profile.vocabulary.official_titles)
        if (head.ends_with(w)) return true;
      return false;
    };
    const bool no_punct = !has_sentence_punct(t);
    // Code points, counted up to 41: only compared with 16, 30 and 40.
    std::size_t cps = 0;
    for (std::size_t i = 0; i < t.size() && cps <= 40; ++i) cps += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
    // The speaker's line under a speech's title ("县委常委、组织部长　刘某某"): titles joined by
    // 、, a space, the name.
    if (c.m.title_last >= 0 && static_cast<int>(bi) > c.m.title_last && static_cast<int>(bi) <= c.m.title_last + 2 &&
        cps <= 30 && !has_sentence_punct(without_enum_commas(t)))
      continue;
    // A news headline (the title of a draft that is no 公文, or of one whose kind is not known)
    // splits its two parts with one space where print breaks the line: "省委常委会召开会议
    // 研究部署春季农业生产工作". Only a 公文's title is held to GB/T 9704 here.
    const bool headline = c.m.title >= 0 && static_cast<int>(bi) >= c.m.title && static_cast<int>(bi) <= c.m.title_last &&
                          (!c.kind.known() || !model::is_document_kind(c.kind.id)) && no_punct;
    const bool short_line = cps <= 16 && no_punct;
    const bool name_column = cps <= 40 && no_punct;
    const bool prose = is_prose(t);
    bool list_known = false;
    // Letter-spaced names in a list of people (listed_name_spaces), found when first needed.
    std::vector<std::size_t> name_spaces;
    bool names_found = false;
    auto listed_name = [&](std::size_t at) {
      if (!names_found) {
        names_found = true;
        name_spaces = listed_name_spaces(t);
      }
      return std::binary_search(name_spaces.begin(), name_spaces.end(), at);
    };
    // The visible code points (neither invisible nor a space, and after the indentation not
    // whitespace either) in order; a run of spaces (invisible code points inside it are
    // passed over) is judged when the next visible one comes. Only the runs are visited: the
    // state the judgment reads is brought up to the run's start by reading the stretch since
    // the last visible code point taken into it backwards, as far as it needs.
    std::size_t visible = 0;        // visible code points so far (counted up to kEnough: only compared with 4)
    constexpr std::size_t kEnough = 5;
    char32_t before = 0;            // the visible code point before the current run
    std::size_t before_begin = 0;   // and where it starts
    bool before_alone = false;      // `before` is a Han character after a space, punctuation or the start
    auto judge = [&](char32_t cp, std::size_t cp_begin, std::size_t cp_end, std::size_t run_len, std::size_t run_begin,
                     std::size_t run_end, char32_t run_first) {
      if (in_byline(run_begin) || (short_line && run_len <= 2) || (name_column && visible <= 4) ||
          (headline && run_len == 1 && visible >= 4))
        return;
      if (!list_known) {
        // A contact line separates the office, the person and the number with spaces.
        if (const auto at = text::find_seq(t, "联系人"); at != text::npos) list_start = std::min(list_start, at);
        list_known = true;
      }
      const bool in_list = list_start != std::string_view::npos && run_begin >= list_start;
      if (text::is_cjk(before) && text::is_cjk(cp) && !in_list) {
        // A two-character name spaced out to line up with three-character ones: "张　三".
        const char32_t after = peek(t, cp_end);
        // Also right after an official title in running text ("宣传部部长陈　静，副县长…").
        // The pad is one space, or two half-width ones (as wide as one full-width space; a run
        // of U+0020 alone has one byte a space).
        const bool spaced_name = ((run_len == 1 || (run_len == 2 && run_end - run_begin == 2)) && text::is_han(cp) &&
                                  !text::is_han(after) &&
                                  (before_alone || after_official_title(t.substr(0, before_begin)))) ||
                                 (run_len == 1 && run_first == U'\u3000' && listed_name(run_begin)) ||
                                 // … and one after an official title in running text ("由副县长陈　静牵头").
                                 (run_len == 1 && run_first == U'\u3000' && text::is_han(cp) && common_surname(before) &&
                                  after_official_title(t.substr(0, before_begin))) ||
                                 // … and one named as the one who chairs, speaks or is invited
                                 // ("会议由李　明主持", "请王　芳同志发言", "李　明同志：").
                                 (run_len == 1 && run_first == U'\u3000' && text::is_han(cp) && common_surname(before) &&
                                  called_name(t, before_begin, cp_end, before_alone));
        // Joint issuers named one after the other, a space between them ("中共某市委办公室　某市
        // 人民政府办公室关于…" in a joint document's title, GB/T 9704-2012 7.2.2 联合行文).
        auto between_issuers = [&]() {
          if (run_len != 1) return false;
          std::size_t from = 0;
          for (std::size_t p = run_begin; p > 0;) {
            std::size_t q;
            if (text::is_whitespace(text::cp_before(t, p, q))) {
              from = p;
              break;
            }
            p = q;
          }
          if (!lint::is_issuer_line(t.substr(from, run_begin - from))) return false;
          // … and the next one, up to a space or the 关于 of the title.
          std::string_view next = t.substr(cp_begin);
          for (std::size_t p = 0; p < next.size();) {
            std::size_t q;
            if (text::is_whitespace(text::cp_at(next, p, q)) || next.compare(p, 6, "关于") == 0) {
              next = next.substr(0, p);
              break;
            }
            p = q;
          }
          return lint::is_issuer_line(next);
        };
        if (spaced_name || between_issuers()) {
        } else if (run_len > 1) {
          if (prose && !label_follows(t, cp_begin))
            c.report(bi, run_begin, run_end, kLayout, {{"run", std::to_string(run_len)}}).severity =
                model::Severity::kInfo;
        } else if (!label_follows(t, cp_begin)) {
          c.report(bi, run_begin, run_end, kBetweenHan, {{"space", space_name(run_first)}}).replace_with("");
        }
      } else if (run_len > 2 && prose && !in_list) {
        c.report(bi, run_begin, run_end, kLayout, {{"run", std::to_string(run_len)}}).severity = model::Severity::kInfo;
      }
    };
    // The indentation: spaces, whitespace and invisible code points up to the first visible one.
    std::size_t from = 0;  // end of the last visible code point taken into the state
    {
      bool found = false;
      for (const auto cp : text::code_points(t)) {
        if (text::is_invisible(cp.cp) || text::is_whitespace(cp.cp)) continue;  // spaces included
        before_alone = text::is_han(cp.cp);
        before_begin = cp.begin;
        before = cp.cp;
        visible = 1;
        from = cp.end;
        found = true;
        break;
      }
      if (!found) continue;
    }
    while (true) {
      // The next space: its first byte is one of space_lead's.
      const std::size_t at = find_space(t, from);
      if (at == text::npos) break;
      std::size_t first_end = 0;
      const char32_t first = text::cp_at(t, at, first_end);
      // [from, at) holds no space: its visible code points are the ones that are not invisible.
      if (at > from) {
        std::size_t p = at, last_begin = 0;
        char32_t last = 0;
        int found = 0;
        while (p > from && found < 2) {
          std::size_t q;
          const char32_t ch = text::cp_before(t, p, q);
          if (!text::is_invisible(ch)) {
            if (found == 0) last = ch, last_begin = q;
            else before = ch;  // the visible code point before `last`, after no run
            ++found;
          }
          p = q;
        }
        if (found > 0) {
          // `before` is now the one before `last` (in the stretch, or the last one taken).
          before_alone = text::is_han(last) && !text::is_han(before);
          before = last;
          before_begin = last_begin;
          for (std::size_t r = from; visible < kEnough && r < at;) {
            std::size_t next;
            if (!text::is_invisible(text::cp_at(t, r, next))) ++visible;
            r = next;
          }
        }
      }
      // The run, up to the next visible code point.
      std::size_t run_len = 1, run_end = first_end, r = first_end;
      bool judged = false;
      while (r < t.size()) {
        std::size_t next;
        const char32_t ch = text::cp_at(t, r, next);
        if (text::is_invisible(ch)) {
          r = next;
          continue;
        }
        if (is_space(ch)) {
          ++run_len;
          run_end = next;
          r = next;
          continue;
        }
        judge(ch, r, next, run_len, at, run_end, first);
        before_alone = text::is_han(ch);  // after a run
        before_begin = r;
        before = ch;
        if (visible < kEnough) ++visible;
        from = next;
        judged = true;
        break;
      }
      if (!judged) break;  // trailing spaces
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "text.stray-space",
    .family = model::Family::kText,
    .severity = model::Severity::kWarning,
    .title = "多余空格",
    .summary = "汉字之间的空格、行内用空格排版",
    .description = "汉字之间的空格（含全角空格和不换行空格）、行内用空格排版（提示级）；段首缩进、署名行和记者署名中的空格不查。"
                   "单个多余空格附带删除（fix）。",
    .measures = "指出空格；run 为连续空白字符数。",
    .source = gbt9704("5.2.3 行数和字数（版心内排版）"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
