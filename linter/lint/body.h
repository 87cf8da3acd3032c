// What counts as the body of a draft, where its title is, and how a bulletin issue splits
// into items.
//
// The title is found as an office writes it: after the 版头 (份号, 密级, 紧急程度, the
// 发文机关标志 "金乡县人民政府办公室文件", the 发文字号 and 签发人), one to three short lines
// ("金乡县人民政府办公室" / "关于…的通知", a title whose 《》 closes on its second line, a
// "——" subtitle); a long first paragraph is a lead, not a title.
//
// The body is the main text minus, by the profile's scope: the 版头; the title; the
// 电头/byline at the start of the lead paragraph ("本报讯（记者 …）", "本报金乡5月6日讯",
// "新华社北京5月1日电（记者 …）"); 编者按 paragraphs; photo captions ("图为…", "（…摄）");
// the 版记 (抄送, 印发). Every exclusion is reported.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/body.h"
#include "model/document.h"
#include "profiles/profile.h"

namespace wenfeng::lint {

// The title of a draft and what comes before it. Block indices, -1 when absent.
struct TitleInfo {
  int first = -1;         // first title line
  int last = -1;          // last title line (== first for a one-line title)
  int lead = -1;          // the first non-empty main-text block after the title and 版头
  int preamble_end = -1;  // the last block of the 版头 and title (rules on the body start after it)
  std::vector<std::uint32_t> front;  // 版头 blocks before the title
  std::vector<std::uint32_t> meta;   // a web page's info bar (来源：… 发布时间：… 浏览次数) near the top
  std::vector<std::uint32_t> bylines;  // reporters' lines between the title and the lead ("本报记者　韩某")
  std::vector<std::uint32_t> repeats;  // the title shown again under a portal's info bar, on one line or more
  bool in_meta(std::uint32_t block) const;
  bool in_title(std::uint32_t block) const {
    return first >= 0 && static_cast<int>(block) >= first && static_cast<int>(block) <= last;
  }
};

// What a document title may end with: the 文种 and the profile's other document endings (办法, 规定 …).
std::vector<std::string> title_endings(const profiles::Profile& p);

// Finds the title. `endings` (title_endings) tells a two-line 公文 title ("金乡县人民政府办公室"
// / "关于…的通知") from a title followed by its first line of text.
TitleInfo find_title(const model::Document& doc, const std::vector<std::string>& endings);
// The title lines joined (empty without a title).
std::string title_text(const model::Document& doc, const TitleInfo& t);

// Whether `a` and `b` are the same text, spaces (and invisible code points) aside.
bool same_but_spaces(std::string_view a, std::string_view b);

// A 版头 line: 份号, 密级, 紧急程度, 发文机关标志 ("…文件"), 发文字号, 签发人.
bool is_front_matter_line(std::string_view t);
// A web page's info bar, copied with the text: "来源：县政府办公室　发布时间：2024-05-10 16:32
// 浏览次数：1268", "发布日期：… 【打印】【关闭】", and its navigation ("当前位置：首页 > 通知公告",
// "首页 | 政务公开 | 通知公告"). Not the draft's text: no title, body or rule sees it.
bool is_info_bar_line(std::string_view t);
// An issue number alone: "第3期", "〔2025〕第6期", "2024年第5期（总第118期）".
bool is_issue_number_line(std::string_view t);
// A 发文字号 line: "金政办发〔2024〕12号", also written wrongly ("（2024）", "[24]", "第12号"),
// with a 签发人 after it or not.
bool is_doc_number_line(std::string_view t);
// An issuer's name alone ("北京市大兴区人民政府办公室", "金乡县农村人居环境整治工作领导小组办公室").
bool is_issuer_line(std::string_view t);
// A 版记 line: 抄送/抄报/报/送/发…：, "…印发", "（共印…份）".
bool is_closing_line(std::string_view t);

// A news lead's opening date clause: "7月24日,", "3月21日下午，", "2024年5月6日上午，".
bool opens_with_date(std::string_view t);
// The byte offset just past the dateline/byline at the start of a lead paragraph and the
// spaces after it ("本报讯（记者 王晓）", "本报金乡5月6日讯　"), or 0 when there is none.
std::size_t dateline_end(std::string_view t);
// `t` without the whitespace and invisible code points at either end (U+3000 indents too).
std::string_view trimmed_line(std::string_view t);
// A line that is a dateline and nothing else ("本报讯", "湖北日报讯 记者李新龙").
bool is_dateline_line(std::string_view t);
// `t` without a 发文字号 a web page appends to the title in brackets
// ("…的通知(岳办发〔2017〕2号)", "…的通知（国办发〔2024〕3号）"); else `t` itself.
std::string_view without_appended_doc_number(std::string_view t);

// With `whole` (one flag per block) and `whole_counts`: each paragraph counted whole into the
// body is flagged and its counts also added to `*whole_counts`, so that a caller summing every
// block (the document's counts) need not count it a second time, nor keep counts per block.
// With `lines` too (one per block), such a paragraph's grid lines (layout::grid_line) are
// counted in the same pass into (*lines)[block], for layout::estimate_pages.
model::Body body_of(const model::Document& doc, const profiles::BodyScope& scope, const TitleInfo& title,
                    std::vector<std::uint8_t>* whole = nullptr, model::Counts* whole_counts = nullptr,
                    std::vector<std::uint64_t>* lines = nullptr);

// Where unit number `limit` (0-based) of the body starts: the first character over a limit.
// Returns false when the body holds no more than `limit` units.
bool locate_unit(const model::Document& doc, const std::vector<model::Span>& spans, std::string_view unit,
                 std::uint64_t limit, std::uint32_t& block, std::uint32_t& offset);

// Splits a bulletin issue into items as its editors marked them. The first item title of
// the issue sets the marker — a heading level, 【…】, top-level numbering (1. / 一、), or
// (DOCX) a short paragraph set in bold or a 黑体/小标宋 face — and
// only paragraphs marked the same way start items: a research item's own 一、基本情况 /
// 二、存在的问题 stay inside it, and numbered items must follow in sequence. Section headings
// (栏目: a heading with a deeper heading right under it, or a line matching
// `section_patterns`) start no item; a research marker in a section heading or in an item
// title (research_markers, research_patterns) makes a research item. 编者按 and the 版记
// (报：… 送：…) belong to no item.
std::vector<model::Item> split_items(const model::Document& doc, const profiles::ItemSpec& spec,
                                     const TitleInfo& title);

}  // namespace wenfeng::lint
