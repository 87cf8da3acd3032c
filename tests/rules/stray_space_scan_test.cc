// text.stray-space visits only the runs of spaces and reads the state its judgment needs
// backwards from each run (and counts code points only up to what it compares). The rule as
// it was first written, walking every code point of the paragraph, is kept below as the
// oracle: on random drafts of spaces, invisible characters, Han, punctuation, bylines,
// article headings, contact and word-list lines, both must report the same findings.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "lint/body.h"
#include "lint/linter.h"
#include "profiles/profile.h"
#include "readers/text_reader.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

struct Found {
  std::uint32_t block = 0, offset = 0, length = 0;
  int message = 0;
  std::string args;
  int severity = -1;         // -1: the rule's default
  std::string fix = "\x01";  // "\x01": none
  auto key() const { return std::tie(block, offset, length, message, args, severity, fix); }
  bool operator<(const Found& o) const { return key() < o.key(); }
};

Found found(std::uint32_t b, std::size_t begin, std::size_t end, int message, std::string args, int severity,
            std::string fix) {
  return {b, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end - begin), message, std::move(args),
          severity, std::move(fix)};
}

std::string show(const std::vector<Found>& v) {
  std::ostringstream s;
  for (const auto& f : v)
    s << "[" << f.block << ":" << f.offset << "+" << f.length << " m" << f.message << " " << f.args << " s" << f.severity
      << " fix=" << (f.fix == "\x01" ? "-" : f.fix) << "]";
  return s.str();
}

// ---- The oracle: the rule's walk over every code point, as it was. ----

enum : std::uint8_t { kBetweenHan, kLayout };

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
// U+205F, U+3000), the only characters this rule reports; their first bytes are 20 C2 E1 E2 E3.
bool has_space(std::string_view t) {
  static const text::ByteSet lead = {0x20, 0xC2, 0xE1, 0xE2, 0xE3};
  return !text::for_each_lead(t, lead, [](char32_t ch, std::size_t, std::size_t) {
    return text::primary_class(ch) != text::kSpace;
  });
}

// Prose: a line with clauses in it, where a run of spaces can only be layout.
bool is_prose(std::string_view t) {
  return t.find("。") != std::string_view::npos || t.find("，") != std::string_view::npos ||
         t.find("；") != std::string_view::npos;
}

// Where a list of words separated by spaces starts — 主题词：安全生产 检查 请示, 出席：张三 李四
// 王五, 列席：赵　敏（县政府办公室）　孙　磊（县财政局） — or npos: after the last colon, words of
// Han characters (and ·), each with bracketed notes of Han, 、 and · in it; three or more, two
// after a list's own label. A continuation line (`whole_line`) has no colon and two or more.
bool is_list_label(std::string_view t) {
  std::string compact;
  for (const auto cp : text::code_points(t))
    if (!text::is_whitespace(cp.cp)) compact += std::string(t.substr(cp.begin, cp.end - cp.begin));
  for (const char* w : {"主题词", "关键词", "出席", "列席", "请假", "缺席", "参加", "参会", "出席人员", "列席人员", "参会人员",
                        "参加人员", "与会人员"})
    if (compact == w) return true;
  return false;
}

std::size_t word_list_start(std::string_view t, bool whole_line = false) {
  std::size_t start = 0, colon = std::string_view::npos;
  if (!whole_line)
    for (const auto cp : text::code_points(t))
      if (cp.cp == U'：' || cp.cp == U':') start = cp.end, colon = cp.begin;
  int words = 0, depth = 0;
  bool in_word = false;
  for (const auto cp : text::code_points(t.substr(start))) {
    const bool opener = cp.cp == U'（' || cp.cp == U'(', closer = cp.cp == U'）' || cp.cp == U')';
    if (depth > 0) {
      if (closer) depth = 0;
      else if (!text::is_han(cp.cp) && cp.cp != U'、' && cp.cp != U'·') return std::string_view::npos;
      continue;
    }
    if (opener) {
      if (!in_word) ++words;
      in_word = true;
      depth = 1;
      continue;
    }
    if (text::is_whitespace(cp.cp) || text::is_invisible(cp.cp)) {
      in_word = false;
      continue;
    }
    if (!text::is_han(cp.cp) && cp.cp != U'·') return std::string_view::npos;
    if (!in_word) ++words;
    in_word = true;
  }
  if (depth > 0) return std::string_view::npos;
  const int needed = whole_line ? 2 : colon != std::string_view::npos && is_list_label(t.substr(0, colon)) ? 2 : 3;
  return words >= needed ? start : std::string_view::npos;
}

// A bulletin's imprint line: the issuers, a run of spaces, the date ("…工委编　　　　2026年3月12日").
bool is_imprint_line(std::string_view t) {
  static const text::Regex date = std::move(text::Regex::compile(
      "(?:^|[ \\t\u3000]{2,})(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
      "[一二三四五六七八九十]{1,3}日)[ \\t\u3000]*$").value());
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

// Where a photo credit closing the line begins ("…打饭。　本报记者　韩雪　摄"), or npos: the
// text after the last 。！？）) is Han and spaces only, at most 24 code points (spaces at the end
// aside), at least 3 Han, ending in 摄 or 摄影, naming 记者/通讯员 or with a space before 摄.
std::size_t photo_credit_start(std::string_view t) {
  std::size_t start = 0;
  for (const auto cp : text::code_points(t))
    if (std::u32string_view(U"。！？）)").find(cp.cp) != std::u32string_view::npos) start = cp.end;
  std::u32string tail;
  for (const auto cp : text::code_points(t.substr(start))) tail += cp.cp;
  while (!tail.empty() && (tail.back() == U' ' || tail.back() == U'\t' || tail.back() == U'\u3000')) tail.pop_back();
  if (tail.size() > 24) return std::string_view::npos;
  std::size_t han = 0;
  for (char32_t c : tail) {
    if (text::is_han(c)) ++han;
    else if (!text::is_whitespace(c)) return std::string_view::npos;
  }
  const bool photo = tail.ends_with(U"摄") || tail.ends_with(U"摄影");
  if (!photo || han < 3) return std::string_view::npos;
  const std::size_t mark = tail.size() - (tail.ends_with(U"摄影") ? 2 : 1);
  const bool spaced = mark > 0 && text::is_whitespace(tail[mark - 1]);
  const bool named = tail.find(U"记者") != std::u32string::npos || tail.find(U"通讯员") != std::u32string::npos;
  return spaced || named ? start : std::string_view::npos;
}

void oracle(const model::Document& doc, const lint::Measurements& m, const profiles::Profile& profile,
            const model::KindChoice& kind, std::vector<Found>& out) {
  static const text::Regex byline = std::move(text::Regex::compile("[（(][^）)]{0,60}(?:记者|通讯员|摄影|摄|报道员|实习生)[^）)]{0,60}[）)]").value());
  std::size_t front = 0;
  bool prev_list = false;
  for (auto bi : m.paragraphs) {
    const auto t = doc.block_text(bi);
    const bool after_list = prev_list;
    prev_list = false;
    if (!has_space(t)) continue;
    // The 版头 (发文字号 …… 签发人) and the 版记 (印发 line) are laid out with spaces.
    while (front < m.front.size() && m.front[front] < bi) ++front;
    if (front < m.front.size() && m.front[front] == bi) continue;
    if (lint::is_closing_line(t) || is_imprint_line(t)) continue;
    std::size_t first_list = word_list_start(t);
    if (first_list == std::string_view::npos && after_list) first_list = word_list_start(t, true);
    prev_list = first_list != std::string_view::npos;
    // Spaces inside a byline "（记者 王晓 通讯员 陈立）" follow newsroom convention, and so do
    // the spaces after a dateline ("本报讯　11月3日…") and after an article's number
    // ("第一条　为…"). Found when a run of spaces first needs them.
    std::vector<std::pair<std::size_t, std::size_t>> bylines;
    bool bylines_found = false;
    auto in_byline = [&](std::size_t at) {
      if (!bylines_found) {
        bylines_found = true;
        if (t.find("（") != std::string_view::npos || t.find('(') != std::string_view::npos)
          byline.for_each(t, [&](const std::vector<text::Match>& g) { bylines.emplace_back(g[0].begin, g[0].end); });
        if (static_cast<int>(bi) == m.dateline_block) bylines.emplace_back(0, m.dateline_end);
        if (const std::size_t h = article_heading_end(t); h > 0) bylines.emplace_back(h, h + 1);
        if (const std::size_t p = photo_credit_start(t); p != std::string_view::npos) bylines.emplace_back(p, t.size());
      }
      for (const auto& [a, b] : bylines)
        if (at >= a && at < b) return true;
      return false;
    };
    // A short line (a name or signature line such as "副市长　高振华") uses spaces for layout,
    // and so does a line of a name list with its column of positions ("王　𠮷　县农业农村局…").
    auto after_official_title = [&](std::string_view head) {
      for (const auto& w : profile.vocabulary.official_titles)
        if (head.ends_with(w)) return true;
      return false;
    };
    // Letter-spaced names in a list of people ("和张　伟等", "李　明、王　芳"): a U+3000 between
    // Han A and B, a list mark beside the name (、和与及 before A, 、等 after B), the name set
    // apart on both sides, or two such names in the paragraph.
    std::vector<std::pair<std::size_t, bool>> name_spaces;  // (offset, set apart)
    {
      std::vector<text::CodePoint> v;
      for (const auto q : text::code_points(t)) v.push_back(q);
      auto at = [&](std::ptrdiff_t i) -> char32_t {
        return i >= 0 && i < static_cast<std::ptrdiff_t>(v.size()) ? v[static_cast<std::size_t>(i)].cp : 0;
      };
      const std::u32string_view before_marks = U"、和与及", after_marks = U"、等";
      for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(v.size()); ++i) {
        if (at(i) != U'\u3000' || !text::is_han(at(i - 1)) || !text::is_han(at(i + 1))) continue;
        const char32_t l = at(i - 2), r = at(i + 2);
        const bool mark_l = before_marks.find(l) != std::u32string_view::npos;
        const bool mark_r = after_marks.find(r) != std::u32string_view::npos;
        if (!mark_l && !mark_r) continue;
        const bool apart_l = l == 0 || !text::is_han(l) || mark_l || l == U'同';
        const bool apart_r = r == 0 || !text::is_han(r) || mark_r || std::u32string_view(U"和与及同").find(r) != std::u32string_view::npos;
        name_spaces.emplace_back(v[static_cast<std::size_t>(i)].begin, apart_l && apart_r);
      }
    }
    auto listed_name = [&](std::size_t offset) {
      for (const auto& [o, apart] : name_spaces)
        if (o == offset) return apart || name_spaces.size() >= 2;
      return false;
    };
    const bool no_punct = !has_sentence_punct(t);
    const std::size_t cps = text::codepoint_count(t);
    // The speaker's line under a speech's title ("县委常委、组织部长　刘某某"): titles joined by
    // 、, a space, the name.
    if (m.title_last >= 0 && static_cast<int>(bi) > m.title_last && static_cast<int>(bi) <= m.title_last + 2 &&
        cps <= 30 && !has_sentence_punct(without_enum_commas(t)))
      continue;
    // A news headline (the title of a draft that is no 公文, or of one whose kind is not known)
    // splits its two parts with one space where print breaks the line: "省委常委会召开会议
    // 研究部署春季农业生产工作". Only a 公文's title is held to GB/T 9704 here.
    const bool headline = m.title >= 0 && static_cast<int>(bi) >= m.title && static_cast<int>(bi) <= m.title_last &&
                          (!kind.known() || !model::is_document_kind(kind.id)) && no_punct;
    const bool short_line = cps <= 16 && no_punct;
    const bool name_column = cps <= 40 && no_punct;
    std::size_t visible = 0;  // visible code points so far
    const bool prose = is_prose(t);
    std::size_t list_start = std::string_view::npos;
    bool list_known = false;
    // Walk visible code points; a run of spaces is judged when the next visible one comes.
    bool leading = true;            // still in the indentation
    char32_t before = 0;            // the visible code point before the current run
    std::size_t before_begin = 0;   // and where it starts
    bool before_alone = false;      // `before` is a Han character after a space, punctuation or the start
    std::size_t run_len = 0, run_begin = 0, run_end = 0;
    char32_t run_first = 0;
    for (const auto cp : text::code_points(t)) {
      if (text::is_invisible(cp.cp)) continue;
      if (text::primary_class(cp.cp) == text::kSpace) {
        if (leading) continue;
        if (run_len == 0) {
          run_begin = cp.begin;
          run_first = cp.cp;
        }
        ++run_len;
        run_end = cp.end;
        continue;
      }
      if (leading && text::is_whitespace(cp.cp)) continue;  // tabs and breaks of the indentation
      if (run_len > 0 && !in_byline(run_begin) && !(short_line && run_len <= 2) && !(name_column && visible <= 4) &&
          !(headline && run_len == 1 && visible >= 4)) {
        if (!list_known) {
          list_start = first_list;
          // A contact line separates the office, the person and the number with spaces.
          if (const auto at = t.find("联系人"); at != std::string_view::npos) list_start = std::min(list_start, at);
          list_known = true;
        }
        const bool in_list = list_start != std::string_view::npos && run_begin >= list_start;
        if (text::is_cjk(before) && text::is_cjk(cp.cp) && !in_list) {
          // A two-character name spaced out to line up with three-character ones: "张　三".
          const char32_t after = peek(t, cp.end);
          // Also right after an official title in running text ("宣传部部长陈　静，副县长…").
          // The pad is one space or two U+0020 (as wide as one full-width space).
          const bool spaced_name = (run_len == 1 || (run_len == 2 && run_end - run_begin == 2)) &&
                                   text::is_han(cp.cp) && !text::is_han(after) &&
                                   (before_alone || after_official_title(t.substr(0, before_begin)));
          const bool listed = run_len == 1 && run_first == U'\u3000' && listed_name(run_begin);
          const bool titled = run_len == 1 && run_first == U'\u3000' && text::is_han(cp.cp) &&
                              std::u32string_view(U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤").find(before) != std::u32string_view::npos &&
                              after_official_title(t.substr(0, before_begin));
          // Joint issuers, one space between them ("中共某市委办公室　某市人民政府办公室关于…").
          bool issuers = false;
          if (run_len == 1) {
            std::size_t from = 0;
            for (const auto q : text::code_points(t.substr(0, run_begin)))
              if (text::is_whitespace(q.cp)) from = q.end;
            std::string_view next = t.substr(cp.begin);
            for (const auto q : text::code_points(next))
              if (text::is_whitespace(q.cp) || next.substr(q.begin).starts_with("关于")) {
                next = next.substr(0, q.begin);
                break;
              }
            issuers = lint::is_issuer_line(t.substr(from, run_begin - from)) && lint::is_issuer_line(next);
          }
          if (spaced_name || listed || titled || issuers) {
          } else if (run_len > 1) {
            if (prose && !label_follows(t, cp.begin))
              out.push_back(found(bi, run_begin, run_end, kLayout, "run=" + std::to_string(run_len) + ";", 0, "\x01"));
          } else if (!label_follows(t, cp.begin)) {
            out.push_back(found(bi, run_begin, run_end, kBetweenHan, std::string("space=") + space_name(run_first) + ";", -1, ""));
          }
        } else if (run_len > 2 && prose && !in_list) {
          out.push_back(found(bi, run_begin, run_end, kLayout, "run=" + std::to_string(run_len) + ";", 0, "\x01"));
        }
      }
      before_alone = text::is_han(cp.cp) && (before == 0 || run_len > 0 || !text::is_han(before));
      before_begin = cp.begin;
      ++visible;
      leading = false;
      run_len = 0;
      before = cp.cp;
    }
  }
}


// ---- Random drafts. ----

std::string random_line(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      " ", " ", "  ", "   ", "\u3000", "\u3000\u3000", "\u00A0", "\u2002", "\u202F", "\u200B", "\uFEFF", "\u00AD", "\t",
      "的", "张", "三", "县", "政府", "工作", "陈", "静", "王", "𠮷", "·", "，", "。", "；", "、", "：", ":", "!", "?",
      "（", "）", "(", ")", "记者", "通讯员", "摄", "第一条", "第12条", "第三章", "联系人", "电话", "副市长", "部长",
      "主题词", "a", "Z", "1", "2024", "年", "月", "日", "\u3001", "“", "”", "—", "…", "摄影", "报道员", "实习生",
      // Twenty code points: bylines near their 60-character limits.
      "一二三四五六七八九十一二三四五六七八九十", "张 三 李 四 王 五 赵 六 钱 七",
      // Attendee lists with their offices, joint issuers and imprint lines.
      "出席：", "列　席：", "（办公室）", "(县财政局)", "、", "县人民政府办公室", "中共某县委", "关于", "2026年3月12日",
      "二〇二六年一月二十日",
      // Letter-spaced names in a list of people.
      "和", "等", "与", "同", "和张\u3000伟等", "李\u3000明、", "副县长陈\u3000静牵头", "部长要\u3000求"};
  std::string s;
  const int n = 1 + static_cast<int>(rng() % 30);
  for (int i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

std::vector<Found> rule_findings(const lint::Report& r) {
  std::vector<Found> out;
  for (const auto& f : r.findings) {
    std::string args;
    for (const auto& [k, v] : f.args) args += std::string(k) + "=" + std::string(v) + ";";
    out.push_back(found(f.block, f.offset, f.offset + f.length, f.message, args,
                        f.severity == f.rule->severity ? -1 : static_cast<int>(f.severity),
                        f.fix ? f.fix->replacement.str() : "\x01"));
  }
  return out;
}

TEST(StraySpaceScan, SameFindingsAsTheWalk) {
  const profiles::Profile national = std::move(profiles::load_profile("national").value());
  std::mt19937 rng(16);
  int with_findings = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text;
    const int lines = 1 + static_cast<int>(rng() % 6);
    for (int l = 0; l < lines; ++l) {
      // One line in ten is long (a giant paragraph's runs far from its start).
      const int parts = rng() % 10 == 0 ? 40 : 1;
      for (int k = 0; k < parts; ++k) text += random_line(rng);
      text += "\n";
    }
    const auto doc = readers::build_text_document(text, "t.txt");
    const model::KindChoice kind{i % 3 == 0 ? "unknown" : "document", model::KindSource::kOption, ""};
    lint::Options o;
    o.only = {"text.stray-space"};
    const auto report = lint::lint_document(doc, national, kind, o);
    std::vector<Found> want;
    oracle(doc, report.m, national, kind, want);
    auto got = rule_findings(report);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    ASSERT_EQ(show(got), show(want)) << text;
    with_findings += !want.empty();
  }
  // The random drafts must exercise the rule, or the comparison proves nothing.
  EXPECT_GT(with_findings, 1000);
}

}  // namespace
