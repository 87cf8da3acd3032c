#include "layout/docx_layout.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "layout/fonts.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::layout {
namespace {

// Kinsoku (GB/T 15834 and Word's default Simplified Chinese lists): characters that may not
// start a line, and characters that may not end one.
bool no_line_start(char32_t c) {
  switch (c) {
    case U'!': case U'%': case U')': case U',': case U'.': case U':': case U';': case U'?': case U']': case U'}':
    case U'°': case U'·': case U'’': case U'”': case U'…': case U'‰': case U'′': case U'″': case U'℃': case U'∶':
    case U'、': case U'。': case U'〃': case U'〉': case U'》': case U'」': case U'』': case U'】': case U'〕':
    case U'〗': case U'〙': case U'〞': case U'！': case U'＂': case U'％': case U'＇': case U'）': case U'，':
    case U'．': case U'：': case U'；': case U'？': case U'］': case U'｀': case U'｜': case U'｝': case U'～':
    case U'々': case U'ー': case U'—':
      return true;
    default:
      return false;
  }
}
bool no_line_end(char32_t c) {
  switch (c) {
    case U'$': case U'(': case U'[': case U'{': case U'£': case U'¥': case U'‘': case U'“': case U'〈': case U'《':
    case U'「': case U'『': case U'【': case U'〔': case U'〖': case U'〘': case U'〝': case U'＄': case U'（':
    case U'［': case U'｛': case U'￡': case U'￥':
      return true;
    default:
      return false;
  }
}
// Full-width colon, semicolon, exclamation and question marks: on a character grid under
// compressPunctuation Word does not hang them past the margin (see the hanging in
// Engine::paragraph); elsewhere they hang like the other closing marks.
bool middle_mark(char32_t c) { return c == U'：' || c == U'；' || c == U'！' || c == U'？'; }
// How much of their width the spaces of a justified Word line may give up (see shrink_spaces).
constexpr double kSpaceShrink = 0.2;
// Full-width punctuation that compressPunctuation may set half-width (justified lines).
bool cjk_punct(char32_t c) {
  return (c >= 0x3001 && c <= 0x3003) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) ||
         c == U'，' || c == U'：' || c == U'；' || c == U'！' || c == U'？' || c == U'（' || c == U'）' ||
         c == U'“' || c == U'”' || c == U'‘' || c == U'’';
}
// Characters shared by Latin and Chinese text: w:hint="eastAsia" sets them in the East Asian
// font (ECMA-376 §17.3.2.26), where they are full width: punctuation (“” … —), and the symbol
// blocks from General Punctuation to Miscellaneous Symbols and Arrows (U+2010-U+2BFF: arrows,
// mathematical operators, box drawing, geometric shapes), the spaces and format characters of
// General Punctuation left out. Box-drawing diagrams typed as text (a WPS 12 design document's
// architecture charts, 79 characters a line under hint eastAsia) are two to three lines a row
// so, one before.
bool shared_punct(char32_t c) {
  if (c >= 0x2010 && c <= 0x2BFF) return !(c >= 0x2028 && c <= 0x202F) && !(c >= 0x205F && c <= 0x206F);
  return c == U'·' || c == U'×' || c == U'÷' || c == U'§';
}

}  // namespace

bool saved_by_wps(const model::Document& doc) {
  const auto app = doc.property("app:Application");
  return app && application_kind(*app) == "WPS";
}

namespace {

// The major version in a WPS Application string ("WPS Office_12.1.0.26895_…"), 0 when it
// names none.
int wps_major(const std::string& app) {
  const std::string tag = "WPS Office_";
  const auto at = app.find(tag);
  if (at == std::string::npos) return 0;
  int v = 0;
  for (std::size_t i = at + tag.size(); i < app.size() && i < at + tag.size() + 3 && app[i] >= '0' && app[i] <= '9'; ++i)
    v = v * 10 + (app[i] - '0');
  return v;
}

struct Geometry {
  double width = 0;        // column width, points
  double height = 0;       // body height, points
  int cols = 1;
  double pitch = 0;        // line pitch when the section has a line grid, else 0
  double char_pitch = 0;   // character pitch when it has a character grid, else 0
  double grid_delta = 0;   // charSpace / 4096: what the grid adds to every character
  double left = 90;        // the left margin: where the column starts on the page
  double page_w = 595.3;
  double top = 72;         // where the body starts down the page
  double m_top = 72;       // the top margin
};

struct Settings {
  bool compress = false;          // characterSpacingControl compressPunctuation…
  bool snap_in_tables = false;    // adjustLineHeightInTable, or Word in compatibility mode 15
  double tab = 21;                // defaultTabStop, points
  bool mark_with_break = false;   // a paragraph ending in a page break ends on that page
  // Saved by WPS Office (docProps/app.xml Application): its rules where they differ from
  // Word's. WPS writes no page marks (w:lastRenderedPageBreak), so what is known of its
  // layout comes from its saved page counts and tables of contents:
  // - line height: also the runs' complex-script size (w:szCs) in their complex-script
  //   font, even on lines without complex-script text (WPS 12 reports: 小四 runs with
  //   szCs 16 pt); a Chinese complex-script font by its em box;
  // - line ends: a mark that may not start a line hangs past the margin, adjacent
  //   full-width marks are set half width, no autoSpace between Han and Latin (Word's
  //   kinsoku, one-em compression and quarter-em autoSpace put a WPS 11 thesis a page over);
  // - section breaks: an empty paragraph that ends its section right after a page-break
  //   paragraph takes no room and the break adds no page (Word gives the mark a page);
  // - grid line heights are Word's (whole grid lines, max(ceil(s / pitch), multiple)):
  //   not measured separately. The only WPS files whose lines' glyphs exceed the pitch by
  //   a little (12 pt 微软雅黑, 15.84 pt on the 15.6 pt grid: two grid lines in Word) have
  //   stale saved counts, and the one current WPS table of contents (36 entries) agrees.
  // - a w:docGrid with a linePitch and no type, in a compatibility-mode-15 document, is a
  //   line grid (Word: no grid). Three WPS 12 files of one repository, their tables of
  //   contents agreeing entry for entry only so (fresh 070, 071 and a third not in the
  //   set); the same grid in compatibility mode 12 (fresh 002, WPS 10) and 14 (a WPS 12
  //   file of another repository), and in WPS 11 in mode 15, is no grid, as in Word.
  bool wps = false;
  bool typeless_pitch_is_grid = false;
};

// One paragraph laid out: its line heights and the page or column breaks after lines.
struct Lines {
  std::vector<double> h;
  std::vector<std::uint8_t> brk;  // per line: 0 none, 1 page break after, 2 column break after
  // per line: how much less than its height it needs at the foot of a page (Word, see
  // finish_line)
  std::vector<double> slack;
  std::vector<std::uint32_t> at;  // per line: code points of the text before it (for the trace)
  std::vector<float> text, object;  // per line: tallest glyph's single-line height, tallest object (trace)
  std::uint64_t text_lines = 0;
  double widest = 0;  // the widest unit of text (no break inside it) plus the paragraph's indents
};

// A square-, tight- or through-wrapped object the lines of a paragraph may run beside:
// its wrap rectangle down the page [top, bottom) from the paragraph's first line (distT,
// distB in), across the column [l, r) (distL, distR in), and the sides text may take
// (wrapText: 0 both sides, 1 left, 2 right, 3 the larger).
struct Beside {
  double top = 0, bottom = 0, l = 0, r = 0;
  std::uint8_t wrap_text = 0;
  std::size_t anchor = 0;  // the block of its anchor paragraph
};
// The least room beside a wrapped object that Word sets text in (Round 11: above 27 pt,
// at most 106 pt; 72 chosen).
constexpr double kBesideMin = 72;

class Engine {
 public:
  explicit Engine(const model::Document& doc) : doc_(doc) {
    fonts_.reserve(doc.font_names.size());
    // A font the saving Word did not have was laid out in the font it put in its place, which
    // the font table names (Formats::load_font_table): 等线 without its panose, altName Arial
    // Unicode MS, on machines without Office 2016's fonts. A Chinese font stays itself where
    // the named substitute has no Chinese characters.
    for (const auto& n : doc.font_names) {
      FontMetrics m = font_metrics(n);
      if (const auto sub = doc.property("fonttable:substitute:" + n)) {
        const FontMetrics alt = font_metrics(*sub);
        if (alt.east_asian || !m.east_asian) m = alt;
      }
      fonts_.push_back(m);
    }
    auto prop = [&](const char* k) { return doc.property(k).value_or(""); };
    const std::string csc = prop("settings:characterSpacingControl");
    settings_.compress = csc.rfind("compress", 0) == 0;
    // Word 2013 and later (compatibility mode 15) end a paragraph whose last content is a
    // page break on the page the break ends (ECMA-376 splitPgBreakAndParaMark unset);
    // Word 2010 files move its mark to a line of its own on the next page. WPS keeps the
    // mark on the break's page in every compatibility mode: fresh-3 t231 (WPS 11, mode 12)
    // has a cover ending in a paragraph of nothing but a page break, then a contents page
    // that Word's rule overfills by 4 pt with the break's mark on top (7.8 pt before, a
    // 31.2 pt line); without the mark all 28 contents entries agree with WPS's numbers (12
    // one page late before) and the count falls 10.4 -> 10.0 for 10. Mode-12/14 WPS files
    // with such paragraphs move only within their saved count elsewhere.
    const int compat = std::atoi(prop("settings:compatibilityMode").c_str());
    settings_.wps = saved_by_wps(doc);
    settings_.mark_with_break = (compat >= 15 || settings_.wps) && prop("settings:splitPgBreakAndParaMark") != "1";
    // Lines in table cells snap to the line grid under adjustLineHeightInTable, and in Word
    // always in compatibility mode 15, where that legacy option is not read: thesis-proposal
    // forms of one repository (a whole section in one row across pages) without the option
    // fit Word's saved counts and page marks only so in mode 15 (four files, 2 pages short
    // before), and only without it in mode 12 (a fifth: one page over with it). WPS: not
    // seen (a mode-15 WPS file of another repository goes two pages over with it).
    settings_.snap_in_tables = prop("settings:adjustLineHeightInTable") == "1" || (!settings_.wps && compat >= 15);
    // WPS 11 (r025, WPS 11.1, mode 15: 6.8 pages by the grid, saved 6, 5.8 without it)
    // keeps no grid there, as Word does; WPS 12 takes it as a line grid.
    settings_.typeless_pitch_is_grid = settings_.wps && compat >= 15 && wps_major(prop("app:Application")) != 11;
    const double tab = std::strtod(prop("settings:defaultTabStop").c_str(), nullptr) / 20.0;
    if (tab > 1 && tab < 500) settings_.tab = tab;
  }

  const Settings& settings() const { return settings_; }

  FontMetrics latin(std::int16_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < fonts_.size() ? fonts_[static_cast<std::size_t>(id)]
                                                                    : FontMetrics{1.15, 0, LatinWidths::kSerif, false};
  }
  // WPS: the single-line height of a complex-script font (w:cs, w:cstheme) per point of
  // w:szCs. A Chinese face counts by its em box (宋体's ascent and descent make 1.0 em),
  // not by the 1.3 em line Word gives its Chinese text; a Latin face (Times New Roman, the
  // theme's minorBidi) by its line height. None given: the document default's Times New Roman.
  double complex_line(std::int16_t id) const {
    const FontMetrics f = latin(id);
    return id >= 0 && f.east_asian ? 1.0 : f.line;
  }
  FontMetrics east_asian(std::int16_t id) const {
    return id >= 0 && static_cast<std::size_t>(id) < fonts_.size() ? fonts_[static_cast<std::size_t>(id)] : FontMetrics{};
  }

  // Lays out paragraph `b` at width `w`. `pitch` > 0 snaps lines to a line grid;
  // `char_pitch` > 0 puts East Asian characters on a character grid.
  // `beside`: wrapped objects whose rectangles the lines may overlap (none: every line
  // at the full measure).
  void paragraph(const model::Block& b, const model::ParagraphLayout& L, double w, double pitch, double char_pitch,
                 double grid_delta, Lines& out, const std::vector<Beside>* beside = nullptr) const;

 private:
  const model::Document& doc_;
  std::vector<FontMetrics> fonts_;
  Settings settings_;
  bool record_ = std::getenv("WENFENG_LAYOUT_TRACE") != nullptr;  // line starts and heights, for the trace
};

void Engine::paragraph(const model::Block& b, const model::ParagraphLayout& L, double w, double pitch,
                       double char_pitch, double grid_delta, Lines& out, const std::vector<Beside>* beside) const {
  out.h.clear();
  out.brk.clear();
  out.slack.clear();
  out.at.clear();
  out.text.clear();
  out.object.clear();
  out.text_lines = 0;
  out.widest = 0;
  const std::string_view t = doc_.block_text(b);
  if (!L.snap_to_grid) pitch = 0, char_pitch = 0;

  // The size a character unit of indent is measured in: the first run's (or the mark's).
  const double first_size = L.runs.empty() ? L.font_pt : L.runs.front().size;
  const double unit = char_pitch > 0 ? char_pitch : first_size;
  // Word measures leftChars / rightChars in the Normal style's size, not the text's: the
  // twips it writes beside them are chars x that size in every file of the tuning sets
  // (a 42 pt title with leftChars 589 is indented 123.9 pt, 5.89 x 21 never x 42); first
  // line and hanging characters follow the text.
  const double side_unit = char_pitch > 0 ? char_pitch : (doc_.normal_font_pt > 0 ? doc_.normal_font_pt : 10.5);
  const double left = L.ind_left_chars != 0 ? L.ind_left_chars * side_unit : L.ind_left;
  const double right = L.ind_right_chars != 0 ? L.ind_right_chars * side_unit : L.ind_right;
  const double first = L.ind_first_chars != 0 ? L.ind_first_chars * unit : L.ind_first;
  const double avail = std::max(first_size, w - left - right);
  // Default tab stops stand every defaultTabStop from the margin, not from the indent
  // (ECMA-376 §17.15.1.25; Word's ruler): with a left indent of 28 pt and 21 pt stops, a
  // tab at the indent goes to 42 pt, 14 pt on.
  auto next_tab_stop = [&](double pos) { return (std::floor(pos / settings_.tab + 1e-6) + 1) * settings_.tab; };
  // Where a tab at `pos` (from the margin) goes, and the stop's kind: the first custom stop
  // past it (custom stops clear the default ones before them), else the next default
  // stop; on the first line a hanging indent is a stop too (the text after a tab or a list
  // label lines up with the left indent).
  auto tab_stop = [&](double pos, bool first_line) {
    std::uint8_t kind = 0;
    double stop = next_tab_stop(pos);
    for (const auto& ts : L.tabs)
      if (ts.pos > pos + 0.01) {
        stop = ts.pos, kind = ts.kind;
        break;
      }
    if (first_line && first < 0 && pos < left - 0.01 && left < stop) stop = left, kind = 0;
    return std::pair<double, std::uint8_t>(stop, kind);
  };

  // Line state. The first line is `first` narrower (a hanging indent: wider).
  double x = 0;
  double line_w = avail - first;
  double obj_h = 0;                 // tallest object on the line
  double text_h = 0;                // tallest text glyph on the line (single-line height)
  double text_asc = 0, text_desc = 0;  // the largest ascent and descent of the line's glyphs
  bool line_has_content = false;
  double line_sq = 0;               // what the line's full-width marks could give up (compression)
  double line_spc = 0;              // what the spaces between the line's units are wide
  std::uint32_t cp = 0;             // code points read so far
  std::uint32_t line_at = 0;        // code points before the line's first unit
  // A right (1), centred (2) or decimal (3) tab stop pending on the line: the text from
  // tab_from is set to end (be centred) at tab_to.
  std::uint8_t tab_align = 0;
  double tab_from = 0, tab_to = 0;
  auto align_tab = [&] {
    if (tab_align == 0) return;
    const double seg = x - tab_from;
    x = std::max(x, tab_align == 2 ? tab_to + seg / 2 : tab_to);
    tab_align = 0;
  };

  // The paragraph mark's line height (an empty line, or a line that only holds the mark).
  const auto mark_latin = latin(L.mark_latin), mark_ea = east_asian(L.mark_east_asian);
  // WPS sizes a line by its text and also by the runs' complex-script size (w:szCs) in
  // their complex-script font, even where the line holds no complex-script text; Word by
  // the text alone. With a Chinese complex-script font a szCs a little over the size adds
  // nothing: fresh 055's 五号 runs with szCs 14 pt and w:cs 宋体 take one grid line each
  // (its saved count agrees only so), as do fresh 035's 小四 runs with szCs 14 pt; an
  // empty 五号 mark with szCs 18 pt in 宋体 still takes two (fresh 109's table of
  // contents), and 小四 runs with szCs 16 pt in the theme's minorBidi (Calibri) two
  // (calibration 133, 134, fresh 134).
  const bool wps = settings_.wps;
  const double mark_cs = wps ? L.font_cs_pt * complex_line(L.mark_complex) : 0.0;
  const double mark_h = std::max(L.font_pt * std::max(mark_latin.line, mark_ea.line), mark_cs);
  // A line that holds nothing but the mark is as tall as the mark in its Latin font: the mark
  // is not an East Asian character. Empty 26 pt marks in Times New Roman over 宋体 or
  // 楷体_GB2312 (covers of calibration 077 and fresh 126) take two 15.6 pt grid lines on
  // Word's pages, not the three the East Asian font's 1.3 em would need; paragraph starts
  // agreeing with Word's marks rise on both sets (Round 9).
  const double empty_h = std::max(L.font_pt * mark_latin.line, mark_cs);
  // Word sets a line as tall as the largest ascent plus the largest descent of the faces of
  // its characters (and its list label's), not as its tallest face (fonts.cc gives each
  // face's split): a line of 11.5 pt Segoe UI Latin (1.079 em above the baseline) with 宋体
  // Chinese (0.291 em below it) is 1.37 em, 15.76 pt, two lines of the 15.6 pt grid, where
  // either face alone takes one. The history's 项目计划书 family (pasted web text, Segoe UI
  // over 宋体, 11.5 pt, at least 20.25 pt) was 3-4 pages short at one line each: h607 49.0
  // for 53, h619 46.6 for 50, h628 40.5 for 45; so 53.0, 49.2, 43.8, and h625's one page
  // mark agrees (27 of 27 paragraph starts). Faces whose ascent is under 宋体's 1.009 em and
  // descent under its 0.291 (Times New Roman, Arial, Calibri, Cambria) change nothing beside
  // it. WPS: not seen (history h190, stale, would go 1.0 -> 1.1 for 1), so WPS keeps the
  // tallest face.
  const bool mixed_faces = !wps;
  // A list label is set in the mark's fonts with its numbering level's w:rPr over them: a
  // bullet in Wingdings or Symbol is as tall as that font, not as the mark's Latin font.
  const auto label_latin = L.label_latin >= 0 ? latin(L.label_latin) : mark_latin;
  const auto label_ea = L.label_east_asian >= 0 ? east_asian(L.label_east_asian) : mark_ea;
  const double label_pt = L.label_pt > 0 ? L.label_pt : L.font_pt;
  const double label_h = std::max(label_pt * std::max(label_latin.line, label_ea.line), mark_cs);

  // Lines beside wrapped objects (Word: square, tight and through wrapping) are set in the
  // room the objects leave: the stretches of the line between them and the text's edges
  // that their wrapText leaves open (left: only the side left of the object, right: only
  // the right, largest: the larger), each at least kBesideMin wide, taken together
  // (bothSides puts text on either side). A line is beside an object where its band (its
  // top, one line of the paragraph's spacing down) meets the object's rectangle; below it
  // the lines return to the full measure. A line with text where no stretch is wide enough
  // goes down below the objects it meets (the lowest first) and is that much taller; an
  // empty line (a paragraph mark) stays where it is, as Word's marks show beside three
  // pictures side by side (calibration 024).
  double line_y = 0;       // the line's top, from the paragraph's first line
  double line_skip = 0;    // how far down the line moved to find room
  // A line's height before it is set: the mark's line, on the grid, at the line spacing.
  const double est_h = [&] {
    if (L.line_rule == 1) return L.line / 20.0;
    const double mult = L.line_rule == 0 ? std::max(1.0, L.line / 240.0) : 1.0;
    double h = pitch > 0 ? std::max(std::ceil(mark_h / pitch - 1e-3), mult) * pitch : mark_h * mult;
    if (L.line_rule == 2) h = std::max(h, L.line / 20.0);
    return h;
  }();
  std::vector<std::pair<double, double>> blocked;
  auto measure = [&](bool first_line) {
    const double full = first_line ? avail - first : avail;
    line_skip = 0;
    if (!beside || beside->empty()) return full;
    const double start = left + (first_line ? first : 0.0), end = w - right;
    double y = line_y;
    for (std::size_t round = 0; round <= beside->size(); ++round) {
      blocked.clear();
      double lowest = 1e18;
      for (const auto& o : *beside) {
        if (!(y < o.bottom - 0.01 && y + est_h > o.top + 0.01)) continue;
        double a = o.l, c = o.r;
        const bool left_larger = o.l - start >= end - o.r;
        if (o.wrap_text == 1 || (o.wrap_text == 3 && left_larger)) c = 1e18;
        if (o.wrap_text == 2 || (o.wrap_text == 3 && !left_larger)) a = -1e18;
        blocked.emplace_back(a, c);
        lowest = std::min(lowest, o.bottom);
      }
      if (blocked.empty()) break;
      std::sort(blocked.begin(), blocked.end());
      double room = 0, from = start;
      for (const auto& [a, c] : blocked) {
        const double stretch = std::min(a, end) - from;
        if (stretch >= kBesideMin) room += stretch;
        from = std::max(from, c);
        if (from >= end) break;
      }
      if (end - from >= kBesideMin) room += end - from;
      if (room > 0) {
        line_skip = y - line_y;
        return std::max(first_size, std::min(full, room));
      }
      y = lowest;
    }
    line_skip = y - line_y;
    return full;
  };
  line_w = measure(true);

  auto finish_line = [&](std::uint8_t brk) {
    double s = std::max(text_h, 0.0);
    if (mixed_faces) s = std::max(s, text_asc + text_desc);
    if (s <= 0 && obj_h <= 0) s = empty_h;
    double lh;
    const double mult = L.line / 240.0;
    if (L.line_rule == 1) {
      lh = L.line / 20.0;
    } else if (L.line_rule == 0) {
      if (pitch > 0) {
        const double n = std::max(1.0, std::ceil(std::max(s, 0.0) / pitch - 1e-3));
        lh = std::max(n, mult) * pitch;
        // A picture's line. Word: the picture on whole grid lines (the spacing multiple adds
        // nothing to it: a 1.5-spaced cover page of pictures fits Word's page only so).
        // WPS: the picture's own height plus what the spacing multiple adds to a grid line,
        // (m - 1) x pitch, not rounded up to whole lines (fresh 003, 129, 133: screenshots
        // at 1.5 lines).
        if (obj_h > 0)
          lh = std::max(lh, wps ? obj_h + std::max(mult - 1, 0.0) * pitch : std::ceil(obj_h / pitch - 1e-3) * pitch);
      } else {
        lh = s * mult;
        if (obj_h > 0) lh = std::max(lh, obj_h + (mult - 1) * std::max(s, mark_h));
      }
    } else {
      double base = std::max(s, obj_h);
      if (pitch > 0) base = std::max(1.0, std::ceil(base / pitch - 1e-3)) * pitch;
      lh = std::max(L.line / 20.0, base);
    }
    if (line_has_content) lh += line_skip;
    // Word: a picture's line on the line grid takes whole grid lines, but at the foot of a
    // page it needs only the picture's own height (the rounding is room below it): a 643.5 pt
    // diagram under its heading on a 695.1 pt page (42 grid lines, 655.2 pt, would not fit).
    // The picture stands on the line's baseline, so below it the line still needs its
    // descent: the text's, or on a line of nothing but pictures the paragraph mark's (in its
    // Latin font, as an empty line's height). Fresh-3 t049's column-wide screenshots (10.5 pt
    // marks): a 150.1 pt one with 151.9 pt left goes to the next page in Word's marks, where
    // the picture alone fitted (paragraph starts 213 -> 276 of 278); fresh 082 (-1 -> 0).
    // The rounding itself stays the picture's (its descent inside the whole grid lines: a
    // picture and descent rounded up to grid lines loses 12 equal Word counts net).
    double fit_h = lh;
    if (!wps && pitch > 0 && L.line_rule == 0 && obj_h > 0) {
      const double n = std::max(1.0, std::ceil(std::max(s, 0.0) / pitch - 1e-3));
      const double text_lh = std::max(n, mult) * pitch;
      const double rounded = std::ceil(obj_h / pitch - 1e-3) * pitch;
      const double below = text_desc > 0 ? text_desc : L.font_pt * mark_latin.desc();
      if (rounded > text_lh + 0.01) fit_h = std::min(lh, lh - (rounded - std::max(obj_h + below, text_lh)));
    }
    // Word: a line of text taller than one grid line takes whole grid lines and sits in their
    // middle; at the foot of a page the half of the rounding below its text is room below
    // it, so the line fits when its text and the half above do (fresh-3 t237's cover ends
    // on a 16 pt line 1.8 pt past the margin, t285/t287's 1.5-spaced 14 pt lines and
    // calibration 041's break where Word's marks have them: paragraph starts agreeing
    // 10 -> 153 of 153 on 041). A line of one grid line keeps its whole line (h299, h359,
    // h385 would lose their last line's page).
    if (!wps && pitch > 0 && L.line_rule == 0 && obj_h <= 0 && s > pitch + 0.01)
      fit_h = std::min(fit_h, lh - (std::ceil(s / pitch - 1e-3) * pitch - s) / 2);
    out.slack.push_back(lh - fit_h);
    out.h.push_back(lh);
    out.brk.push_back(brk);
    line_y += lh;
    if (record_) {
      out.at.push_back(line_at);
      out.text.push_back(static_cast<float>(s));
      out.object.push_back(static_cast<float>(obj_h));
    }
    line_at = cp;
    ++out.text_lines;
    tab_align = 0;
    x = 0;
    line_w = measure(false);
    line_sq = 0;
    line_spc = 0;
    text_h = obj_h = 0;
    text_asc = text_desc = 0;
    line_has_content = false;
  };

  // A unit: characters between two break opportunities. Its trailing spaces hang past the
  // margin (Word never wraps a line for spaces: a run of thousands of underlined spaces on
  // a cover page stays on its line).
  // Punctuation compression (characterSpacingControl compressPunctuation, justified
  // paragraphs, no character grid): a line takes one more unit when setting its full-width
  // marks (、。，：；！？ and brackets) at no less than half width makes room, by at most one
  // em. Without it (a left-aligned paragraph) a 。 or ， that does not fit takes the character
  // before it to the next line: nothing hangs past the margin, and there is no compression
  // of adjacent marks. Word's page breaks inside paragraphs fit only so (084 left-aligned,
  // 009, 014, 042, 075, 082, 085 justified: bench/pages_linebreaks.py).
  // Measured only so (compressPunctuation, no character grid, Word): elsewhere — WPS (its
  // 119 fits only so), a character grid, no compressPunctuation — a mark that may not
  // start a line hangs past the margin as before; WPS also sets adjacent marks half width
  // and adds no autoSpace.
  const bool word_rules = !settings_.wps && settings_.compress && char_pitch <= 0;
  const bool squeeze = word_rules && L.justified;
  // Word, justified paragraphs: the spaces between a line's words may shrink to 80% of
  // their width for one more unit to fit (a line's word spaces, whatever the script; not
  // WPS). The files bracket the figure: a numbered reference in 宋体 (fresh
  // 085) keeps "multi-" on a line only with 19.8% of its nine spaces given up, and a history
  // thesis's lines (h037) would take a word Word moved on at 21%; fresh-2 r115's English
  // abstract lines need 7.6% (bench/pages_linebreaks.py: 3 of 3 there now agree).
  // Only a line that breaks is justified, so only it shrinks: the paragraph's last line
  // keeps its spaces whole, and a last word that fits only by shrinking them goes to a line
  // of its own (history h049/h051: "certificate." on its own line, every paragraph start
  // agreeing only so, 101 -> 106 of 106; the 毕设初稿 thesis's one-line references take two
  // lines, its reference pages hold Word's 40-41 lines; h030 48.0 -> 48.1 for 49).
  const bool shrink_spaces = !settings_.wps && L.justified;
  double u_asc = 0, u_desc = 0;
  double u_w = 0, u_sp = 0, u_h = 0, u_obj = 0, u_sq = 0, u_em = 0, u_hang = 0, u_end_sq = 0;
  bool last_unit = false;  // the paragraph's last unit: its line does not break
  bool u_open = false, u_object = false;
  std::uint32_t u_at = 0;  // code points before the unit
  // What the line's full-width marks may give up for the unit to fit (justified lines under
  // compressPunctuation): up to one em from the marks inside the line, and the line-end
  // mark's half on top when the line breaks (014's lines that end in a ， hold up to 1.5 em
  // over the measure); the paragraph's last line, which does not break, gets the one em
  // only (042's "购书失败。" stays on a line of its own).
  auto squeeze_room = [&] {
    if (last_unit) return std::min(u_em, line_sq + u_sq);
    return std::min(u_em, line_sq + u_sq - u_end_sq) + u_end_sq;
  };
  auto place_unit = [&] {
    if (!u_open) return;
    u_open = false;
    const double over = x + u_w - line_w;
    // A unit of nothing but spaces (after a line that compression let run past the
    // measure) hangs like any trailing spaces: it never starts a line.
    const bool blank = u_w <= 0 && !u_object;
    const bool fits = blank || over <= 0.01 || (squeeze && line_has_content && over <= squeeze_room() + 0.01) ||
                      (shrink_spaces && !last_unit && line_has_content && over <= kSpaceShrink * line_spc + 0.01) ||
                      (u_hang > 0 && over - u_hang <= 0.01);
    if (!fits && line_has_content) finish_line(0);
    if (!line_has_content) line_at = u_at;
    if (!u_object) out.widest = std::max(out.widest, u_w + left + right + (out.h.empty() ? std::max(first, 0.0) : 0.0));
    double width = u_w;
    // Wider than a whole line (a long Latin word, a URL): it breaks anywhere.
    while (!u_object && x + width > line_w + 0.01 && width > line_w && line_w > 1) {
      text_h = std::max(text_h, u_h);
      text_asc = std::max(text_asc, u_asc);
      text_desc = std::max(text_desc, u_desc);
      obj_h = std::max(obj_h, u_obj);
      width -= line_w - x;
      finish_line(0);
    }
    x += width + u_sp;
    line_spc += u_sp;
    line_sq += u_sq;
    text_h = std::max(text_h, u_h);
    text_asc = std::max(text_asc, u_asc);
    text_desc = std::max(text_desc, u_desc);
    obj_h = std::max(obj_h, u_obj);
    line_has_content = true;
    u_w = u_sp = u_h = u_obj = u_sq = u_em = u_hang = u_end_sq = 0;
    u_asc = u_desc = 0;
    u_object = false;
  };
  auto add = [&](double cw, double gh, double ga, double gd, bool space, double sq, double em, bool hang_ok) {
    if (!u_open) u_at = cp - 1;
    if (space) {
      u_sp += cw;
    } else {
      if (u_sp > 0) {  // spaces inside a unit (no break allowed there) count
        u_w += u_sp;
        u_sp = 0;
      }
      u_w += cw;
      u_sq += sq;
      u_end_sq = sq;
      u_hang = hang_ok ? cw : 0;
      u_em = std::max(u_em, em);
    }
    u_h = std::max(u_h, gh);
    u_asc = std::max(u_asc, ga);
    u_desc = std::max(u_desc, gd);
    u_open = true;
  };

  // The list label, in the mark's font, then its suffix.
  if (!b.label.empty()) {
    double lw = 0;
    for (const char* p = b.label.data(), *e = p + b.label.size(); p < e;) {
      const char32_t c = text::decode(p, e);
      const bool asian = text::primary_class(c) == text::kAsian;
      text_asc = std::max(text_asc, label_pt * (asian ? label_ea.han_asc() : label_latin.asc()));
      text_desc = std::max(text_desc, label_pt * (asian ? label_ea.han_desc() : label_latin.desc()));
      lw += text::primary_class(c) == text::kAsian ? (char_pitch > 0 ? char_pitch : label_pt)
                                                   : latin_advance(c, label_latin.latin) * label_pt;
    }
    const double start = first;  // relative to the left indent
    double end = start + lw;
    if (L.label_suffix == 0) {
      // The tab after the label: to the hanging indent, else to the next stop (a numbering
      // level's own w:tabs, 'num' stops among them, or the paragraph's), else a default one.
      const auto [stop, kind] = tab_stop(left + end, true);
      (void)kind;
      end = stop - left;
    } else if (L.label_suffix == 1) {
      end += 0.25 * L.font_pt;
    }
    x = std::max(0.0, end - first);
    text_h = std::max(text_h, label_h);
    line_has_content = true;
  }

  std::size_t run = 0, obj = 0, pbrk = 0, cbrk = 0, lbrk = 0;
  model::RunFormat mark_run;
  mark_run.size = static_cast<float>(L.font_pt);
  mark_run.size_cs = static_cast<float>(L.font_cs_pt);
  mark_run.latin = L.mark_latin;
  mark_run.east_asian = L.mark_east_asian;
  mark_run.complex = L.mark_complex;
  const model::RunFormat* rf = L.runs.empty() ? &mark_run : &L.runs[0];
  FontMetrics lat = latin(rf->latin), ea = east_asian(rf->east_asian);
  char32_t prev = 0;
  bool prev_cjk = false, prev_space = false, ended_on_break = false, last_forced = false;
  bool prev_han = false, prev_alnum = false;  // for autoSpaceDE/DN
  const char* base = t.data();
  for (const char* p = base, *e = base + t.size(); p <= e;) {
    const auto off = static_cast<std::uint32_t>(p - base);
    // Forced breaks and objects at this offset.
    while (obj < L.inlines.size() && L.inlines[obj].offset <= off) {
      place_unit();
      const double ow = std::min<double>(L.inlines[obj].w, avail);
      u_w = ow;
      u_obj = L.inlines[obj].h;
      u_open = u_object = true;
      place_unit();
      ++obj;
      prev = 0, prev_cjk = true, prev_space = false;
      prev_han = prev_alnum = false;
    }
    std::uint8_t forced = 0;
    while (pbrk < L.page_breaks.size() && L.page_breaks[pbrk] <= off) forced = 1, ++pbrk;
    while (cbrk < L.column_breaks.size() && L.column_breaks[cbrk] <= off) forced = forced ? forced : 2, ++cbrk;
    if (forced) {
      place_unit();
      finish_line(forced);
      prev = 0, prev_cjk = false, prev_space = false;
      prev_han = prev_alnum = false;
      ended_on_break = true;
      last_forced = true;
    }
    // A display equation's lines (model::ParagraphLayout::line_breaks): the line before it
    // ends, an ordinary line end, and no empty line is made where none has begun.
    {
      bool end_line = false;
      while (lbrk < L.line_breaks.size() && L.line_breaks[lbrk] <= off) end_line = true, ++lbrk;
      if (end_line && p != e) {
        place_unit();
        if (line_has_content || x > 0.01) {
          finish_line(0);
          prev = 0, prev_cjk = false, prev_space = false;
          prev_han = prev_alnum = false;
          last_forced = false;
        }
      }
    }
    if (p == e) break;
    ended_on_break = false;
    while (run + 1 < L.runs.size() && L.runs[run + 1].offset <= off) {
      ++run;
      rf = &L.runs[run];
      lat = latin(rf->latin);
      ea = east_asian(rf->east_asian);
    }
    const char32_t c = text::decode(p, e);
    ++cp;
    const auto cls = text::primary_class(c);
    if (cls == text::kInvisible) continue;
    if (c == U'\n' || c == U'\v' || c == U'\r' || cls == text::kBreak) {
      place_unit();
      finish_line(0);
      prev = 0, prev_cjk = false, prev_space = false;
      prev_han = prev_alnum = false;
      ended_on_break = true;
      last_forced = false;
      continue;
    }
    const double size = rf->size;
    const double cs_h = wps ? rf->size_cs * complex_line(rf->complex) : 0.0;  // WPS: szCs sizes the line too
    const bool space = c == U' ' || c == U'\u2002' || c == U'\u2003' || c == U'\u2009';
    const bool cjk = cls == text::kAsian || c == U'\u3000' || (rf->hint_east_asian && shared_punct(c));
    double cw;
    double gh, ga, gd;
    if (c == U'\t') {
      place_unit();
      // Where the tab starts, from the margin: x counts from the line's start, which is
      // the left indent plus, on the first line, the first-line (or hanging) indent.
      align_tab();
      const bool first_line = out.h.empty();
      const double origin = left + (first_line ? first : 0.0);
      const double pos = origin + x;
      const auto [stop, kind] = tab_stop(pos, first_line);
      if (kind != 0) {
        // Right, centred and decimal stops: the text after the tab ends (is centred) at
        // the stop; it takes its place when the next tab comes, or the line ends.
        tab_align = kind, tab_from = x, tab_to = stop - origin;
        cw = 0;
      } else {
        cw = stop - pos;
      }
      if (x + cw > line_w + 0.01 && line_has_content) {
        finish_line(0);
        cw = next_tab_stop(left) - left;
      }
      x += cw;
      line_has_content = true;  // a tab does not make its line taller
      prev = c, prev_cjk = false, prev_space = true;
      prev_han = prev_alnum = false;
      continue;
    }
    if (cjk) {
      if (char_pitch > 0) {
        // On a character grid an East Asian character takes one cell; a font a little
        // larger than the pitch is squeezed into it (3号 on the GB/T 9704 grid), a much
        // larger one (a 2号 title) keeps its width plus what the grid adds.
        cw = size <= char_pitch * 1.05 ? char_pitch : size + grid_delta;
      } else {
        cw = size * rf->scale;
        if (wps && settings_.compress && prev_cjk && cjk_punct(c) && cjk_punct(prev)) cw *= 0.5;
        // Word, compressPunctuation: a full-width full stop (U+FF0E) right after another
        // is set at half width (the blank half of the one before gives way, as between
        // adjacent full stops in East Asian layout), on left-aligned lines as on justified
        // ones. A table of contents typed by hand with rows of ．as leaders (fresh-3 t167,
        // 宋体 四号, left-aligned, 22-48 dots an entry) fills each line to 399-410 of
        // 415.3 pt so, and Word's marks put the title and 21 entries on one page (page 3
        // starts at the 22nd, as wenfeng's does now); at full width each entry took 2-3 lines
        // and the contents 3 pages (25.5 for 24 -> 23.5). Only ． runs are measured: adjacent pairs of other marks (、。，）《)
        // were rejected in Round 4 for justified body text.
        if (!wps && settings_.compress && prev_cjk && c == U'\uFF0E' && prev == U'\uFF0E') cw *= 0.5;
      }
      // 微软雅黑's taller Chinese line is Word's; WPS keeps the face's 1.32 (a WPS 12 file's
      // table of contents, 微软雅黑 throughout, agrees entry for entry only so).
      gh = std::max(size * (wps ? ea.line : ea.han_line()), cs_h);
      ga = size * (wps ? ea.asc() : ea.han_asc());
      gd = size * (wps ? ea.desc() : ea.han_desc());
    } else {
      const FontMetrics& f = lat;
      cw = latin_advance(c, f.latin) * size * rf->scale;
      // Word (and WPS) measure a Latin glyph's advance in whole twips, the fraction dropped:
      // a line holds what the truncated widths let it. Fresh-2 r033 (Word 2007, text off the
      // grid): Word's page 5 holds a 10-line paragraph of Chinese with Latin words that the
      // truncated widths set in 9 lines; at exact widths the page's last paragraph runs onto
      // page 6 and the page break after it makes a page more (22.5 for 22 -> 21.5; paragraph
      // starts agreeing 63 -> 132 of 239). Rounded to the nearest twip r033 stays over.
      // Fresh-2 r115 81.3 -> 80.3 (saved 79), fresh 013 (WPS) 18.1 -> 18.0 for 18; paragraph
      // starts: fresh-2 tuning 4,667 -> 4,737, history
      // 27,568 -> 27,612 (h025-h034, h436 up; h049/h051 down 5), fresh tuning 10,107 ->
      // 10,101 (125 down 6), calibration unchanged; no page count lost.
      cw = std::floor(cw * 20.0 + 1e-6) / 20.0;
      gh = std::max(size * f.line, cs_h);
      ga = size * f.asc();
      gd = size * f.desc();
    }
    // A superscript or subscript (w:vertAlign) is set at a smaller size, 58% of the run's
    // (the proportion LibreOffice gives Word's vertAlign runs): citation marks [17] after
    // the sentences of a thesis take that much less of a line. History h023-h040 (one
    // repository, five documents): mid-paragraph page breaks at a wenfeng line start 232 ->
    // 313 of 475 (at 50% 311, 55% 312, 62% and 67% 301); elsewhere fresh-2 r031 loses one of
    // its line starts. A character-grid cell stays a cell.
    if (rf->vert != 0 && !(cjk && char_pitch > 0)) cw *= 0.58;
    cw += rf->spacing;
    // autoSpaceDE / autoSpaceDN: Word puts a quarter em between a Han character and a Latin
    // letter or digit next to it (without a character grid; 084's page breaks inside
    // paragraphs fit only so).
    const bool alnum = c < 0x80 && (std::isalnum(static_cast<int>(c)) != 0);
    const bool han = cls == text::kAsian && !cjk_punct(c) && !no_line_start(c) && !no_line_end(c) && c != U'\u3000';
    if (!wps && char_pitch <= 0 && ((han && prev_alnum) || (alnum && prev_han))) {
      const bool digit = (han ? prev : c) < 0x80 && std::isdigit(static_cast<int>(han ? prev : c)) != 0;
      if (digit ? L.auto_space_dn : L.auto_space_de) cw += 0.25 * size;
    }
    prev_han = han;
    prev_alnum = alnum;
    // Break opportunity before c? After a hyphen, not after a slash, in WPS and Word alike.
    // WPS's autofit tables keep a column exactly as wide as a path or names joined by
    // slashes (fresh 013's "/api/achievements/:id…", 132.1 pt; history h005's
    // "PENDING/COMPLETED/FAILED", 149.2 pt), which it would not have widened to if it could
    // break them (autofit_needs), while hyphenated names wrap in columns narrower than they
    // are (fresh 014). Word sets a URL as one word (its No-Width Optional Break is the way to
    // let it break at a slash): fresh-2 r027's URLs in a fixed table column, broken where
    // they reach the cell's edge, fill Word's page as its marks show (1.04 of the page
    // broken at slashes, 0.99 so).
    // w:wordWrap off (Word's "Allow Latin text to wrap in the middle of a word"): a Latin
    // word breaks between any two of its characters, as Han text does.
    const bool mid_word = !L.word_wrap && !prev_space && !space && prev != 0;
    const bool opportunity = u_open && !no_line_start(c) && !no_line_end(prev) &&
                             (prev_space ? !space : (cjk || prev_cjk || prev == U'-' || mid_word));
    if (opportunity) place_unit();
    // w:overflowPunct off (Word's "Allow punctuation to extend past text extents" cleared):
    // no mark hangs past the margin; one that does not fit takes the character before it on.
    // On a character grid under compressPunctuation (where word_rules is off and marks
    // hang), Word hangs the closing marks (。，、． and closing quotes and brackets) but not
    // ：；！？, which take the character before them to the next line: fresh-3 t317's
    // data-dictionary tables (a 10 pt grid, left-aligned 11 pt labels in a 67.9 pt column) set
    // "读文件的加工：" as "读文件的加" over "工：" in Word's marks, where the hanging colon kept
    // one line (paragraph starts 802 -> 814 of 820, 19.9 -> 20.3 for 21), while a closing ”
    // ending a full line of the same file still hangs (its page 8 holds its rows only so;
    // hanging only 。，、． loses that). Fresh 019 and history h444 -1 -> 0, no file lost.
    // Not seen without compressPunctuation, nor in WPS: they hang as before.
    add(cw, gh, ga, gd, space, cjk && cjk_punct(c) ? 0.5 * cw : 0.0, size,
        !word_rules && L.overflow_punct && cjk && no_line_start(c) && (wps || !settings_.compress || !middle_mark(c)));
    prev = c;
    prev_cjk = cjk;
    prev_space = space;
  }
  last_unit = true;
  place_unit();
  // The last line; after a line break at the very end the mark takes a line of its own,
  // and after a page or column break too in Word 2010 files.
  if (line_has_content || out.h.empty() || (ended_on_break && !(settings_.mark_with_break && last_forced)))
    finish_line(0);
}

// A negative header_h (footer_h): the section has no header (footer) at all, so the
// header (footer) distance pushes nothing and the body starts at the margin.
// `typeless_pitch_is_grid`: a docGrid with a linePitch and no type is a line grid (WPS in
// compatibility mode 15; Word takes it as no grid).
Geometry geometry(const model::Section& s, double normal_pt, double header_h, double footer_h,
                  bool typeless_pitch_is_grid) {
  Geometry g;
  const double top = header_h < 0 ? s.m_top : std::max(s.m_top, s.m_header + header_h);
  const double bottom = footer_h < 0 ? s.m_bottom : std::max(s.m_bottom, s.m_footer + footer_h);
  g.height = std::max(72.0, s.page_h - top - bottom);
  const double text_w = std::max(72.0, s.page_w - s.m_left - s.m_right - s.gutter);
  g.cols = std::max(1, s.cols);
  g.width = s.col_w > 0 && g.cols > 1 ? s.col_w : (text_w - (g.cols - 1) * s.col_space) / g.cols;
  g.width = std::max(36.0, g.width);
  g.left = s.m_left;
  g.page_w = s.page_w;
  g.top = top;
  g.m_top = s.m_top;
  const bool grid_lines = s.grid == "lines" || s.grid == "linesAndChars" || s.grid == "snapToChars" ||
                          (s.grid.empty() && typeless_pitch_is_grid);
  if (grid_lines && s.line_pitch > 1) g.pitch = s.line_pitch;
  if ((s.grid == "linesAndChars" || s.grid == "snapToChars") && g.pitch > 0) {
    g.grid_delta = s.char_space / 4096.0;
    g.char_pitch = normal_pt + g.grid_delta;
    if (g.char_pitch <= 1) g.char_pitch = 0;
  }
  return g;
}

// Flows paragraphs and table rows into columns and pages.
class Flow {
 public:
  void set(const Geometry& g) { g_ = g; }
  const Geometry& geometry() const { return g_; }
  double room() const { return g_.height - y_ - notes_; }
  bool at_top() const { return y_ <= 0.01 && column_ == 0 ? true : y_ <= 0.01; }

  void new_column() {
    ++column_;
    if (column_ >= g_.cols) {
      pages_ += 1;
      column_ = 0;
    }
    y_ = 0;
    notes_ = 0;
    ++breaks_;
  }
  void new_page(bool even_empty = false) {
    if (even_empty || y_ > 0.01 || column_ > 0 || notes_ > 0) {
      pages_ += 1;
      column_ = 0;
    }
    y_ = 0;
    notes_ = 0;
    ++breaks_;
  }
  void advance(double h) { y_ += h; }
  void clamp() { y_ = std::min(y_, g_.height); }
  void add_notes(double h) {
    notes_ += h;
    while (y_ + notes_ > g_.height + 0.01 && y_ > 0) {  // notes that overflow continue on the next page
      const double over = y_ + notes_ - g_.height;
      new_column();
      notes_ = std::min(over, g_.height);
    }
  }
  double y() const { return y_; }
  unsigned long breaks() const { return breaks_; }
  int page() const { return static_cast<int>(pages_); }
  double pages() const {
    const double fraction = g_.height > 0 ? std::min(1.0, (y_ + notes_) / g_.height) : 0;
    return pages_ + (column_ + fraction) / static_cast<double>(std::max(1, g_.cols));
  }

 private:
  Geometry g_;
  double pages_ = 0, y_ = 0, notes_ = 0;
  int column_ = 0;
  unsigned long breaks_ = 0;
};

// What an autofit table's columns must hold (tblLayout absent or autofit, ECMA-376 17.4.64),
// for the trace and, in Word files, for a column up to 1% narrower than its widest unit
// (estimate_docx_pages: Word measured that unit with kerning): per grid column, the widest unit of text that cannot break in any of its
// one-column cells, plus the cell's margins. Word and WPS lay such a table out by their
// autofit algorithm and save the result as w:tblGrid, which the cells here take: a column
// below what its content needs is widened to it, the others get it plus a common share f
// of what their preferred width (w:tcW) holds beyond it, f such that the table fills the
// text column (fresh 035, 021, 070, 071, WPS; fresh 011, 034, calibration 031, 038, Word:
// every column's f agrees to 0.01). So the saved grid is the layout and nothing else is
// recomputed; the trace shows where a column is exactly as wide as its content (the application could
// not break it there) or narrower (it could). Empty for a fixed table.
std::vector<double> autofit_needs(const Engine& engine, const model::Document& doc, std::size_t first,
                                  const Geometry& g, double pitch) {
  const std::int32_t table = doc.layouts[static_cast<std::size_t>(doc.blocks[first].layout)].table;
  if (table < 0 || static_cast<std::size_t>(table) >= doc.tables.size()) return {};
  const auto& grid = doc.tables[static_cast<std::size_t>(table)];
  if (!grid.autofit || grid.cols.empty()) return {};
  std::vector<double> need(grid.cols.size(), 0.0);
  Lines probe;
  for (std::size_t j = first; j < doc.blocks.size(); ++j) {
    const auto& b = doc.blocks[j];
    if (b.story != model::Story::kMain || b.layout < 0) continue;
    const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
    if (L.table != table) break;
    if (L.nested || L.v_merge == 2 || L.grid_span != 1 || L.grid_col < 0 ||
        static_cast<std::size_t>(L.grid_col) >= need.size())
      continue;
    engine.paragraph(b, L, 1e6, pitch, g.char_pitch, g.grid_delta, probe);
    auto& n = need[static_cast<std::size_t>(L.grid_col)];
    n = std::max(n, probe.widest + L.cell_margin_l + L.cell_margin_r);
  }
  return need;
}

}  // namespace

PageEstimate estimate_docx_pages(const model::Document& doc) {
  PageEstimate pe;
  // The model follows the application that saved the file (docProps/app.xml Application):
  // WPS where it lays out differently, else Word.
  const bool wps = saved_by_wps(doc);
  pe.model = wps ? "wps-layout" : "word-layout";
  pe.method = std::string(wps ? "按 WPS 版式规则估算" : "按 Word 版式规则估算") +
              "（页面、文档网格、字体度量、行距、段距、缩进、避头尾、孤行控制、与下段同页、表格、图片、页眉页脚、脚注）";
  if (doc.sections.empty()) return pe;
  const Engine engine(doc);
  const double normal_pt = doc.normal_font_pt > 0 ? doc.normal_font_pt : 10.5;
  Lines lines;

  // WENFENG_LAYOUT_TRACE=1 prints header and footer paragraph heights and where each
  // paragraph and row starts (calibration aid).
  static const bool trace = std::getenv("WENFENG_LAYOUT_TRACE") != nullptr;
  // Header and footer heights per part (they push the body when taller than the margin).
  // Empty paragraphs that close a footer (the one Word's page-number gallery leaves after
  // the number) set no line there: the page breaks Word marked in documents whose footer is
  // a page number over such a paragraph match only without its line (027, 028, 031, 085).
  // Their space before and after still counts: a thesis whose footer paragraphs (the number
  // and the closing empty one, 9 pt at 1.5 lines) each carry 12 pt after holds, on Word's
  // pages, 27 lines of 24.45 pt and 41-line reference pages, mostly not 28 lines: its body
  // is 680.8 pt with that 12 pt, 692.8 pt without (history h023-h040, one repository:
  // pages_fit 356 -> 403 of 658 pages consistent; with the whole empty paragraph, 665.3 pt,
  // its pages of 26 lines and a heading do not fit).
  std::map<std::uint16_t, double> part_h, trailing_empty_h, trailing_space;
  // Headers and footers span the text width (their right tab stops, as a page number set
  // flush right, stand at its end); the first section's, for all of them.
  const auto& s0 = doc.sections[0];
  const double header_w = std::max(72.0, s0.page_w - s0.m_left - s0.m_right - s0.gutter);
  for (const auto& b : doc.blocks) {
    if ((b.story != model::Story::kHeader && b.story != model::Story::kFooter) || b.layout < 0) continue;
    const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
    if (L.table >= 0 && L.cell > 0) continue;  // a table in a header: count its first column
    // A framed paragraph (w:framePr: the page number Word's gallery puts in a frame, 041) is
    // positioned outside the flow and takes no height from the header or footer.
    if (L.framed) continue;
    engine.paragraph(b, L, header_w, 0, 0, 0, lines);
    double h = L.before + L.after;
    for (double lh : lines.h) h += lh;
    const bool empty = doc.block_text(b).empty() && L.inlines.empty() && L.floats.empty() && L.table < 0;
    if (b.story == model::Story::kFooter && empty) {
      trailing_empty_h[b.source] += h;  // counted whole only if something follows it in the footer
      trailing_space[b.source] += L.before + L.after;
    } else {
      part_h[b.source] += h + trailing_empty_h[b.source];
      trailing_empty_h[b.source] = 0;
      trailing_space[b.source] = 0;
    }
    if (trace) {
      const auto t = doc.block_text(b);
      std::fprintf(stderr, "%s %s h %.1f lines %zu %s\n", b.story == model::Story::kHeader ? "HDR" : "FTR",
                   doc.sources[b.source].c_str(), h, lines.h.size(),
                   std::string(t.substr(0, std::min<std::size_t>(t.size(), 30))).c_str());
    }
  }
  std::map<std::string, std::uint16_t> source_of;
  for (std::size_t i = 0; i < doc.sources.size(); ++i) source_of[doc.sources[i]] = static_cast<std::uint16_t>(i);
  auto part_height = [&](const std::string& part) {
    auto it = source_of.find(part);
    if (it == source_of.end()) return 0.0;
    auto h = part_h.find(it->second);
    auto sp = trailing_space.find(it->second);
    return (h == part_h.end() ? 0.0 : h->second) + (sp == trailing_space.end() ? 0.0 : sp->second);
  };
  // Footnote heights by id.
  std::map<std::int32_t, double> note_h;
  {
    const Geometry g0 = geometry(doc.sections[0], normal_pt, 0, 0, engine.settings().typeless_pitch_is_grid);
    for (const auto& b : doc.blocks) {
      if (b.story != model::Story::kFootnote || b.layout < 0) continue;
      const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
      engine.paragraph(b, L, g0.width, 0, 0, 0, lines);
      double h = L.before + L.after;
      for (double lh : lines.h) h += lh;
      note_h[L.note_id] += h;
    }
  }
  std::vector<Geometry> geos;
  {
    std::string header, footer;
    for (const auto& s : doc.sections) {
      if (!s.header_default.empty()) header = s.header_default;
      if (!s.footer_default.empty()) footer = s.footer_default;
      // Without any header (footer) part Word lays nothing out there: the header distance
      // does not push the body (086: no header, header distance 42.6 pt over a 28.4 pt top
      // margin; its task-sheet page fits only with the body from the margin).
      const bool no_header = header.empty() && s.header_first.empty();
      const bool no_footer = footer.empty() && s.footer_first.empty();
      geos.push_back(geometry(s, normal_pt, no_header ? -1.0 : part_height(header), no_footer ? -1.0 : part_height(footer),
                              engine.settings().typeless_pitch_is_grid));
    }
  }

  // The main text as a list of paragraphs and table rows, laid out.
  struct Item {
    std::size_t block = 0;       // first block
    std::size_t main_index = 0;  // its index among main-text blocks (for the trace)
    bool row = false;
    std::int32_t table = -1;
    std::vector<double> h;       // line heights (a row: one entry, its height)
    std::vector<double> slack;   // what each line needs less at a page's foot (Lines::slack), or empty
    std::vector<std::uint8_t> brk;
    std::vector<std::uint32_t> at;  // line starts (trace only)
    std::vector<float> text, object;
    double before = 0, after = 0, notes = 0, floats = 0;
    bool keep_next = false, keep_lines = false, widow = false, hard_break_before = false;
    // The paragraph starts with a w:br page break (not a table's): the break is a character
    // on the page the paragraph starts, and ends that page even when nothing else is on it;
    // after_break: a break-only paragraph before it ended its page already.
    bool leading_br = false, after_break = false;
    bool wps_break_only = false;  // WPS: a paragraph of nothing but a page break, no room of its own
    bool header_row = false, cant_split = false, contextual = false, before_auto = false, after_auto = false;
    bool fixed = false;          // a row of exact height
    std::uint8_t float_anchor = 0;  // a floating table's first row: its vertical anchor (ParagraphLayout)
    double float_y = 0;             // and tblpY
    bool section_mark = false;   // an empty paragraph that carries its section's break
    double bdr_first = 0, bdr_last = 0;  // what borders added to the first and last lines
    // Laid out beside wrapped objects anchored in paragraphs down to this block (the first
    // of them); npos: at the full measure.
    std::size_t wrap_anchor = static_cast<std::size_t>(-1);
    bool empty_para = false;     // no text, no inline or floating object
    bool has_text = false;       // text or an inline object
    // Top-and-bottom objects placed down from this paragraph whose bands start below its
    // lines, or in a paragraph of nothing but its mark (see `bands` in the page loop): the
    // band's top below the paragraph's top, and its height.
    std::vector<std::pair<double, double>> bands;
    std::uint16_t section = 0;
    const model::ShortString* style = nullptr;
  };
  std::vector<Item> items;
  items.reserve(doc.blocks.size());
  std::uint64_t text_lines = 0;
  // Spacing before/after; "auto" (HTML) spacing is 14 pt, none between list items.
  auto spacing = [&](const model::ParagraphLayout& L, const Geometry& g, bool after, bool list = false) {
    const double lines_unit = g.pitch > 0 ? g.pitch : 12.0;
    const double v = after ? (L.after_lines >= 0 ? L.after_lines * lines_unit : L.after)
                           : (L.before_lines >= 0 ? L.before_lines * lines_unit : L.before);
    return (after ? L.after_auto : L.before_auto) ? (list ? 0.0 : 14.0) : v;
  };
  // A float's height; a text box that grows to fit its text (spAutoFit) is at least as tall
  // as its text laid out at its width inside the insets, on the section's grid: the extent
  // saved with it can be older than the text (079's thirteen IPO boxes all say 135 pt for
  // 13-16 lines of text, and Word's pages break as if each were 13-16 grid lines tall).
  Lines box_lines;
  auto float_h = [&](const model::Float& f, const Geometry& g) {
    if (!f.fit || f.box_first < 0 || f.box_count <= 0) return f.h;
    const double w = std::max(12.0, f.w - f.inset_h);
    double content = 0;
    const auto end = std::min<std::size_t>(doc.blocks.size(), static_cast<std::size_t>(f.box_first) +
                                                                  static_cast<std::size_t>(f.box_count));
    for (std::size_t j = static_cast<std::size_t>(f.box_first); j < end; ++j) {
      const auto& bj = doc.blocks[j];
      if (bj.story != model::Story::kTextBox || bj.layout < 0) continue;
      const auto& Lj = doc.layouts[static_cast<std::size_t>(bj.layout)];
      if (Lj.table >= 0 && Lj.cell > 0) continue;  // a table in the box: its first column
      engine.paragraph(bj, Lj, w, g.pitch, g.char_pitch, g.grid_delta, box_lines);
      content += spacing(Lj, g, false) + spacing(Lj, g, true);
      for (double lh : box_lines.h) content += lh;
    }
    return std::max(f.h, content + f.inset_v + f.dist_v);
  };
  // Square, tight and through wrapping: Word sets text beside the object where the room
  // left between it (with distL, distR) and the column's edge, on a side its wrapText
  // allows, is at least kBesideMin wide; where no side has that much the text goes below it.
  // h534 (a 283 pt logo 115 pt from the left of a 442 pt column, 106 pt left beside it:
  // Word's cover keeps its empty paragraphs beside it); fresh 066 (a 357 pt picture with
  // 13 and 27 pt beside it: Word puts the text below). An object whose place across the
  // page is not known keeps the older rule: text beside it when it takes at most 55% of
  // the column. Each object counts alone: calibration 024's three 97 pt pictures side by
  // side in one paragraph (32 pt left at the edges, 3 pt between) push nothing in Word's
  // marks (counted together they put its paragraph starts from P91 a page late, not P99).
  // Where an object `w` wide stands across the column (its left edge, from the column's):
  // `x` from the column or margin, or from the page's edge when `page`, unless aligned
  // (1 left, 2 centre, 3 right) within that frame. Pictures (wp:positionH) and floating
  // tables (w:tblpPr tblpX / tblpXSpec from horzAnchor) alike.
  auto place_across = [](bool page, std::uint8_t align, double x, double w, const Geometry& g) {
    const double o0 = page ? -g.left : 0.0;
    const double o1 = page ? g.page_w - g.left : g.width;
    if (align == 1) return o0;
    if (align == 2) return (o0 + o1 - w) / 2;
    if (align == 3) return o1 - w;
    return x + o0;
  };
  auto span_of = [&](const model::Float& f, const Geometry& g, double& l, double& r) {
    if (f.h_from == 0) return false;
    const double x = place_across(f.h_from == 2, f.h_align, f.x, f.w, g);
    l = x - f.dist_l;
    r = x + f.w + f.dist_r;
    return true;
  };
  // The room text may take beside an object spanning [l, r) across the column: on its left
  // and on its right as its wrapText allows (0 both sides, 1 left, 2 right, 3 the larger).
  auto room_beside = [](double l, double r, std::uint8_t wrap_text, const Geometry& g) {
    const double before = l, after = g.width - std::max(0.0, r);
    const bool left = wrap_text == 0 || wrap_text == 1 || (wrap_text == 3 && before >= after);
    const bool right = wrap_text == 0 || wrap_text == 2 || (wrap_text == 3 && after > before);
    return std::max({0.0, left ? before : 0.0, right ? after : 0.0});
  };
  // The wrapped objects whose rectangles reach below the text laid out so far (in a
  // coordinate running down the text from the first of them), and the text's bottom there.
  std::vector<Beside> wrap_active, wrap_local;
  double wrap_y = 0, wrap_after = 0;
  std::uint16_t wrap_section = 0;
  // Top-and-bottom objects keep text out of the band across the column from their top to
  // their bottom (distT and distB included); objects side by side share one band, so the
  // room they take is the union of their vertical extents, not the sum of their heights
  // (fresh-3 t055: pairs and threes of phone screenshots side by side under their
  // paragraph, each pair's band one picture tall in Word's marks). Extents by their
  // offsets from the same reference (wp:positionV relativeFrom); an object whose place
  // down the page is not known adds its height.
  auto union_h = [](std::vector<std::pair<double, double>> spans) {
    std::sort(spans.begin(), spans.end());
    double h = 0, top = 0, bottom = 0;
    bool open = false;
    for (const auto& [t, b] : spans) {
      if (open && t <= bottom) {
        bottom = std::max(bottom, b);
        continue;
      }
      if (open) h += bottom - top;
      top = t;
      bottom = b;
      open = true;
    }
    return open ? h + bottom - top : h;
  };
  // `bands_apart`: leave out the objects that go into the page as bands (see `bands`).
  auto floats_h = [&](const model::ParagraphLayout& L, const Geometry& g, bool bands_apart = false) {
    double h = 0;
    std::array<std::vector<std::pair<double, double>>, 4> extents;  // by wp:positionV relativeFrom
    for (const auto& f : L.floats) {
      if (f.wrap == 1) {
        if (bands_apart && f.v_from == 1 && f.y >= 0) continue;
        const double fh = float_h(f, g);
        if (f.v_from == 0 || f.v_from >= extents.size()) h += fh;
        else extents[f.v_from].emplace_back(f.y - f.dist_t, f.y - f.dist_t + fh);
        continue;
      }
      if (f.wrap != 2) continue;
      double l = 0, r = 0;
      if (!span_of(f, g, l, r)) {
        if (f.w > g.width * 0.55) h += float_h(f, g);
        continue;
      }
      if (room_beside(l, r, f.wrap_text, g) < kBesideMin) h += float_h(f, g);
    }
    for (auto& e : extents) h += union_h(std::move(e));
    return h;
  };
  // Word: a top-and-bottom object placed down from its anchor paragraph (wp:positionV
  // relativeFrom paragraph or line, an offset) whose band, distT above it, starts inside the
  // paragraph's own lines: the lines wholly above the band stay there, the first line the
  // band meets and those after it go below the object, and the room between the last line
  // above and the band is left empty. floats_h counts the object's height; this is that
  // room (space before included: the paragraph's top is where its spacing starts). Fresh
  // 079: thirteen IPO text boxes 37.2 pt below a heading whose 13 pt before and 31.2 pt
  // line they cut: Word's table of contents and marks start each such heading on the
  // next page where 20.6 pt more does not fit (table of contents entries on another page
  // than Word's 74 -> 1 of 149; history h454, h455, longer versions: 223 -> 55 of 472, 160
  // -> 86 of 380). A band starting in the space before, or below the paragraph's lines (it
  // then meets the text after), is left as it was, and so is a paragraph with no text (its
  // mark and anchors only): fresh 089 and h462 anchor each figure 4-20 pt down in an empty
  // 23.4 pt paragraph, and moving the mark below it puts both a page over Word's count
  // (entries off 29 -> 43 of 63).
  auto band_gap = [](const model::ParagraphLayout& L, const Item& it) {
    double gap = 0;
    for (const auto& f : L.floats) {
      if (f.wrap != 1 || f.v_from != 1 || !(f.y > 0)) continue;
      const double top = f.y - f.dist_t;
      double bottom = it.before;  // the last line wholly above the band ends here
      if (top <= bottom) continue;
      bool meets = false;
      for (double lh : it.h) {
        if (bottom + lh > top + 0.01) {
          meets = true;
          break;
        }
        bottom += lh;
      }
      if (meets) gap = std::max(gap, top - bottom);
    }
    return gap;
  };
  // What a paragraph item takes from its layout for pagination: keeps, widow control, the
  // style contextual spacing compares (main text and endnotes alike).
  auto keeps_of = [](Item& it, const model::Block& b, const model::ParagraphLayout& L) {
    it.keep_next = L.keep_next;
    it.keep_lines = L.keep_lines;
    it.widow = L.widow_control;
    it.contextual = L.contextual;
    it.style = &b.style;
  };
  bool pending_break = false;
  // Vertically merged cells: what a cell that starts a merge holds, against the height of
  // the rows it spans so far; when the merge ends, the last of its rows grows by what did
  // not fit (Word lets a merged cell's text run down its rows, then stretches the last).
  struct Span {
    double content = 0, rows = 0;
    std::size_t last_item = 0;
  };
  std::map<std::int32_t, Span> spans;  // by the merged cell's first grid column
  std::int32_t span_table = -1;
  std::vector<double> span_need;  // the current table's autofit_needs (Word files)
  std::int32_t beside_table = -1;  // a floating table text runs beside (Word), and its wrap_active entry
  std::size_t beside_index = 0;
  std::size_t beside_anchor = 0;  // the block of its first row (its wrap_active entry's anchor)
  // Before the text beside a floating table is cut off (a page or section break, the end of
  // the text), the part of the table still below the text takes its room in the flow: the
  // rows gave their heights to the band, and a table longer than the text beside it would
  // otherwise lose the rest. They give it back from the last row up, so that the part below
  // the text still breaks across pages row by row.
  std::vector<std::pair<std::size_t, double>> beside_rows;  // (item, height given to the band)
  auto keep_beside_table_height = [&](double y) {
    if (beside_table < 0) return;
    for (const auto& o : wrap_active) {
      if (o.anchor != beside_anchor) continue;
      double rest = o.bottom - y;
      for (auto r = beside_rows.rbegin(); r != beside_rows.rend() && rest > 0.01; ++r) {
        const double back = std::min(r->second, rest);
        if (r->first < items.size() && !items[r->first].h.empty()) items[r->first].h[0] += back;
        rest -= back;
      }
      break;
    }
    beside_table = -1;
    beside_rows.clear();
  };
  auto close_spans = [&](const std::map<std::int32_t, bool>* keep) {
    for (auto s = spans.begin(); s != spans.end();) {
      if (keep && keep->count(s->first)) {
        ++s;
        continue;
      }
      if (s->second.content > s->second.rows && !items[s->second.last_item].h.empty() && !items[s->second.last_item].fixed)
        items[s->second.last_item].h[0] += s->second.content - s->second.rows;
      s = spans.erase(s);
    }
  };
  std::vector<std::size_t> main_index(doc.blocks.size(), 0);
  {
    std::size_t m = 0;
    for (std::size_t i = 0; i < doc.blocks.size(); ++i)
      if (doc.blocks[i].story == model::Story::kMain) main_index[i] = m++;
  }
  std::size_t last_main_block = doc.blocks.size();
  for (std::size_t i = doc.blocks.size(); i-- > 0;)
    if (doc.blocks[i].story == model::Story::kMain && doc.blocks[i].layout >= 0) {
      last_main_block = i;
      break;
    }
  auto last_main = [&](std::size_t i) { return i == last_main_block; };
  // The main-text paragraph after block i (nullptr: none).
  auto next_main = [&](std::size_t i) -> const model::Block* {
    for (std::size_t m = i + 1; m < doc.blocks.size(); ++m)
      if (doc.blocks[m].story == model::Story::kMain && doc.blocks[m].layout >= 0) return &doc.blocks[m];
    return nullptr;
  };
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.layout < 0) continue;
    const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
    const Geometry& g = geos[std::min<std::size_t>(b.section, geos.size() - 1)];
    const bool textless = doc.block_text(b).empty() && L.inlines.empty();  // no text, no inline object
    // Word: a paragraph whose mark is hidden text (w:vanish) joins the next paragraph; with
    // nothing visible in it, it takes no room at all, its spacing and grid lines neither
    // (a project plan's 35 hidden numbered headings, each with 13 pt before and after,
    // fill Word's pages by its marks only so). The paragraph that ends a section or the
    // document, or holds a break, keeps its place.
    if (L.mark_hidden && L.table < 0 && !b.page_break_before && !pending_break && !last_main(i) &&
        L.inlines.empty() && L.floats.empty() && L.page_breaks.empty() && L.column_breaks.empty() &&
        L.notes.empty() && L.endnotes.empty() && textless) {
      if (const auto* next = next_main(i); next && next->section == b.section) continue;
    }
    Item it;
    it.block = i;
    it.main_index = main_index[i];
    it.section = b.section;
    it.hard_break_before = b.page_break_before || pending_break;
    // WPS: an empty paragraph that ends its section right after a paragraph of nothing but
    // a page break takes no room, and the section break adds no page of its own (Word puts
    // the section-break paragraph alone on a new page). A WPS 11 thesis whose chapter ends
    // so has each later chapter one page earlier in its own table of contents than a page
    // for the lone mark allows. So too a paragraph of nothing but a page break that ends its
    // section itself, where Word (compatibility modes before 15) moves its mark to a page of
    // its own after the break and starts the next section on the page after that: WPS 12's
    // saved counts and tables of contents have no such page (fresh-3 t263: a contents
    // section ended so, all 37 entries one page nearer than the blank page allows, 17.0 ->
    // 16.0 for 16; t261, of the same template, 13.0 -> 11.0 for 11).
    // (WPS keeps a break's mark on its page in every mode, mark_with_break, so own_break is
    // reached for WPS only under splitPgBreakAndParaMark; break_only below covers the rest.)
    bool merged_break = false;
    const bool own_break = b.page_break_before && L.leading_break && !engine.settings().mark_with_break;
    if ((pending_break || own_break) && engine.settings().wps && L.table < 0 && textless &&
        L.floats.empty()) {
      if (const auto* next = next_main(i)) {
        const std::string& start = next->section < doc.sections.size() ? doc.sections[next->section].start : std::string();
        merged_break = next->section != b.section && start != "continuous" && start != "nextColumn";
      }
      if (merged_break) it.hard_break_before = false;
    }
    it.leading_br = b.page_break_before && L.leading_break && L.table < 0 && !merged_break;
    it.after_break = it.leading_br && pending_break;
    const bool pending_in = pending_break && !merged_break;
    pending_break = false;
    bool break_only = false;  // a paragraph of nothing but a page break, its mark on the page before
    if (engine.settings().mark_with_break && b.page_break_before && L.leading_break && L.table < 0 &&
        textless && !last_main(i)) {
      // A paragraph of nothing but a page break ends on the page the break ends; the next
      // paragraph starts the new page. As the document's last paragraph it still makes
      // that page (Word counts the empty page after a closing page break: fresh 126, saved
      // 3 pages for two pages of text and a final page-break paragraph), so its mark goes
      // there as in Word 2010 files. After another such paragraph it starts the page that
      // one's break began (its own break then ends that page): two in a row make two pages.
      it.hard_break_before = pending_in;
      it.leading_br = false;
      it.after_break = false;
      pending_break = true;
      break_only = true;
    }
    if (L.table >= 0) {
      // A table row: every cell's paragraphs, the row as tall as its tallest cell.
      const std::int32_t table = L.table, row = L.row;
      std::map<std::int32_t, double> cell_h;
      std::map<std::int32_t, bool> merged_on;        // by grid column: merges continuing here
      std::map<std::int32_t, double> merge_starts;  // by grid column: what a merge's first cell holds
      const double pitch = engine.settings().snap_in_tables ? g.pitch : 0;
      if (table != span_table) {
        close_spans(nullptr);
        span_table = table;
        const bool trace2 = trace && std::getenv("WENFENG_LAYOUT_TRACE")[0] == '2';
        span_need = engine.settings().wps && !trace2 ? std::vector<double>{} : autofit_needs(engine, doc, i, g, pitch);
        if (trace2) {
          const auto& need = span_need;
          if (!need.empty()) {
            std::fprintf(stderr, "   table %d autofit: content needs / grid column", table);
            for (std::size_t c = 0; c < need.size(); ++c)
              std::fprintf(stderr, " %.1f/%.1f", need[c], doc.tables[static_cast<std::size_t>(table)].cols[c]);
            std::fprintf(stderr, "\n");
          }
        }
      }
      const double table_w = L.table_w > 0 ? std::min(L.table_w, g.width * 1.2) : g.width;
      std::size_t j = i;
      bool first_in_cell = true;
      std::int32_t last_cell = -1;
      int keep_all = 1;  // every paragraph of the row keeps with the next
      double prev_after = 0;  // the previous paragraph's space after in the same cell
      // A table nested in a cell: its rows stack, each as tall as its tallest cell.
      std::int32_t inner_row = -1;
      std::map<std::int32_t, double> inner_h;
      auto flush_inner = [&] {
        double h = 0;
        for (const auto& [c, v] : inner_h) h = std::max(h, v);
        if (last_cell >= 0) cell_h[last_cell] += h;
        inner_h.clear();
        inner_row = -1;
      };
      for (; j < doc.blocks.size(); ++j) {
        const auto& bj = doc.blocks[j];
        if (bj.story != model::Story::kMain || bj.layout < 0) continue;
        const auto& Lj = doc.layouts[static_cast<std::size_t>(bj.layout)];
        if (Lj.table != table || Lj.row != row) break;
        first_in_cell = Lj.cell != last_cell;
        if (inner_row >= 0 && (first_in_cell || !Lj.nested || Lj.inner_row != inner_row)) flush_inner();
        last_cell = Lj.cell;
        double cw = std::max(12.0, (Lj.cell_w > 0 ? Lj.cell_w : table_w / std::max(1, Lj.cells_in_row)) -
                                       Lj.cell_margin_l - Lj.cell_margin_r);
        // Word's autofit leaves no column narrower than its widest unit of text that cannot
        // break, as Word measures it: with the pair kerning that w:kern turns on (the zh-CN
        // Normal template's docDefaults set it from 1 pt, so nearly every file has it), which
        // the advance widths here leave out. A saved column a unit is measured wider than by
        // less than 1% is that unit's width as Word measured it, and the unit fits (fresh-3 t233:
        // 66 columns of Calibri names, NVARCHAR2 at 53.5 pt in a 53.2 pt cell, each 0.1-0.8%
        // over; Word's pages hold them on one line). WPS keeps the saved widths (no evidence).
        if (!engine.settings().wps && !Lj.nested && Lj.grid_span == 1 && Lj.grid_col >= 0 &&
            static_cast<std::size_t>(Lj.grid_col) < span_need.size()) {
          const double unit = span_need[static_cast<std::size_t>(Lj.grid_col)] - Lj.cell_margin_l - Lj.cell_margin_r;
          if (unit > cw && unit <= cw * 1.01) cw = unit;
        }
        if (!Lj.nested && !Lj.keep_next) keep_all = 0;
        if (Lj.v_merge == 2 && !Lj.nested) {  // continues a vertically merged cell above
          merged_on[Lj.grid_col] = true;
          continue;
        }
        engine.paragraph(bj, Lj, cw, pitch, g.char_pitch, g.grid_delta, lines);
        double h = 0;
        for (double lh : lines.h) h += lh;
        for (const auto& o : Lj.floats)
          if (o.wrap == 1) h += float_h(o, g);
        double cell_before = spacing(Lj, g, false), cell_after = spacing(Lj, g, true);
        // HTML auto spacing adds nothing after the last paragraph of a cell (Word's documented
        // rule) nor before its first: 085's four auto-spaced lines in one cell of its last page.
        if (Lj.before_auto && first_in_cell) cell_before = 0;
        if (Lj.after_auto) {
          bool last_in_cell = true;
          for (std::size_t q = j + 1; q < doc.blocks.size(); ++q) {
            const auto& bq = doc.blocks[q];
            if (bq.story != model::Story::kMain || bq.layout < 0) continue;
            const auto& Lq = doc.layouts[static_cast<std::size_t>(bq.layout)];
            last_in_cell = Lq.table != table || Lq.row != row || Lq.cell != Lj.cell;
            break;
          }
          if (last_in_cell) cell_after = 0;
        }
        h += cell_before + cell_after - (first_in_cell ? 0.0 : std::min(cell_before, prev_after));
        prev_after = cell_after;
        if (first_in_cell) h += Lj.cell_margin_t + Lj.cell_margin_b;
        if (trace && std::getenv("WENFENG_LAYOUT_TRACE")[0] == '2') {
          const auto t = doc.block_text(bj);
          std::string at;  // the lines' starts, in code points (for comparing with Word's marks)
          for (std::size_t q = 1; q < lines.at.size() && at.size() < 200; ++q) at += " " + std::to_string(lines.at[q]);
          std::fprintf(stderr, "   cell %d width %.1f lines %zu h %.1f %s |%s\n", Lj.cell, cw, lines.h.size(), h,
                       std::string(t.substr(0, std::min<std::size_t>(t.size(), 24))).c_str(), at.c_str());
        }
        // A cell starting a vertical merge spreads over the rows it spans: its first line
        // here, the rest when the merge ends.
        if (Lj.v_merge == 1 && !Lj.nested) {
          merge_starts[Lj.grid_col] += h;
          h = !first_in_cell ? 0.0 : std::min(h, lines.h.empty() ? h : lines.h[0] + Lj.cell_margin_t + Lj.cell_margin_b);
        }
        if (Lj.nested) {
          inner_row = Lj.inner_row;
          inner_h[Lj.inner_cell] += h + 0.5;
        } else {
          cell_h[Lj.cell] += h;
        }
        text_lines += lines.text_lines;
      }
      if (inner_row >= 0) flush_inner();
      double row_h = 0;
      for (const auto& [c, h] : cell_h) row_h = std::max(row_h, h);
      // An at-least row height (trHeight) is the row's whole height, its borders inside it:
      // the borders add to the content only (086's form rows of 31.2 pt, ¾ pt rules, fill
      // its landscape page as Word's marks show only so).
      if (L.row_rule == 1 && L.row_h > 0) row_h = L.row_h + L.row_border;
      else row_h = std::max(row_h + L.row_border, L.row_h);
      close_spans(&merged_on);
      for (auto& [col, span] : spans) {
        span.rows += row_h;
        span.last_item = items.size();
      }
      for (const auto& [col, content] : merge_starts) spans[col] = Span{content, row_h, items.size()};
      // Word sets text beside a floating table anchored to the text (w:tblpPr vertAnchor
      // text) as beside a square-wrapped object: where at least kBesideMin is left across
      // the column beside it (tblpX from horzAnchor or tblpXSpec, with leftFromText and
      // rightFromText), the paragraphs after it run beside its rows, which take no room of
      // their own in the flow; its band starts tblpY below where the text stands. Fresh-3
      // t091: a 133 pt table of archive numbers at the left of a cover, five empty centred
      // paragraphs beside it; Word's cover holds the rest of its paragraphs only so
      // (paragraph starts agreeing 38 -> 110 of 114). Of the 97 text-anchored floating tables
      // in the Word files of the sets, one other (history h285) leaves that much room.
      if (!engine.settings().wps && L.float_anchor == 1 && !L.nested) {
        if (L.row == 0) {
          beside_table = -1;
          const double tw = L.table_w > 0 ? L.table_w : g.width;
          // tblpXSpec aligns within horzAnchor's frame (ECMA-376 17.4.57): right of the page
          // is the page's right edge, not the margin's.
          const double x = place_across(L.float_h_from == 2, L.float_x_spec, L.float_x, tw, g);
          const double l = x - L.float_dist_l, r = x + tw + L.float_dist_r;
          // A band placed more than a page away from the text (a hostile tblpY) would meet
          // no line and lose the table; such a table keeps its rows in the flow.
          if (std::abs(L.float_y) <= g.height && room_beside(l, r, 0, g) >= kBesideMin && wrap_active.size() < 64) {
            const double top = wrap_y + L.float_y;
            wrap_active.push_back({top, top, l, r, 0, i});
            beside_table = table;
            beside_index = wrap_active.size() - 1;
            beside_anchor = i;
            beside_rows.clear();
          }
        }
        if (beside_table == table && beside_index < wrap_active.size()) {
          wrap_active[beside_index].bottom += row_h;
          beside_rows.emplace_back(items.size(), row_h);
          row_h = 0;
        }
      }
      it.fixed = L.row_rule == 1 && L.row_h > 0;
      it.row = true;
      it.table = table;
      it.h.push_back(row_h);
      it.brk.push_back(0);
      if (!wrap_active.empty()) wrap_y += row_h, wrap_after = 0;
      it.header_row = L.header_row;
      it.cant_split = L.cant_split;
      if (L.row == 0) {
        it.float_anchor = L.float_anchor;
        it.float_y = L.float_y;
      }
      // Keep with next on every paragraph of a row keeps the row with the next one (Word's
      // way of keeping a table together: the rows' paragraphs set to keep with next).
      it.keep_next = keep_all != 0;
      items.push_back(std::move(it));
      i = j - 1;
      continue;
    }
    close_spans(nullptr);
    span_table = -1;
    // Wrapped objects the lines may run beside: those still reaching below this paragraph's
    // top, and its own (placed from it by wp:positionV); at a page break none.
    if (it.hard_break_before || (b.section != wrap_section && doc.sections[b.section].start != "continuous")) {
      keep_beside_table_height(wrap_y);
      wrap_active.clear();
    }
    wrap_section = b.section;
    const double text_top = wrap_y + std::max(0.0, spacing(L, g, false) - wrap_after);
    std::erase_if(wrap_active, [&](const Beside& o) { return o.bottom <= text_top + 0.01; });
    for (const auto& f : L.floats) {
      double l = 0, r = 0;
      if (f.wrap != 2 || f.v_from != 1 || !span_of(f, g, l, r) || room_beside(l, r, f.wrap_text, g) < kBesideMin) continue;
      const double top = text_top + f.y - f.dist_t;
      if (wrap_active.size() < 64) wrap_active.push_back({top, top + f.dist_t + float_h(f, g) + f.dist_b, l, r, f.wrap_text, i});
    }
    wrap_local.clear();
    for (const auto& o : wrap_active) {
      wrap_local.push_back({o.top - text_top, o.bottom - text_top, o.l, o.r, o.wrap_text, o.anchor});
      it.wrap_anchor = std::min(it.wrap_anchor, o.anchor);
    }
    engine.paragraph(b, L, g.width, g.pitch, g.char_pitch, g.grid_delta, lines, wrap_local.empty() ? nullptr : &wrap_local);
    if (trace)
      for (const auto& o : wrap_local)
        std::fprintf(stderr, "W %zu beside [%.1f, %.1f) across [%.1f, %.1f) of %.1f: %zu lines\n", it.main_index, o.top,
                     o.bottom, o.l, o.r, g.width, lines.h.size());
    if (wrap_active.empty()) {
      wrap_y = wrap_after = 0;
    } else {
      wrap_y = text_top;
      for (double lh : lines.h) wrap_y += lh;
      wrap_after = spacing(L, g, true);
      wrap_y += wrap_after;
      for (auto k : lines.brk)
        if (k) {
          keep_beside_table_height(wrap_y);
          wrap_active.clear();
        }
    }
    text_lines += lines.text_lines;
    it.h = lines.h;
    it.brk = lines.brk;
    // WPS: a paragraph of nothing but a page break (followed by more text) takes no room, so
    // at the foot of a full page it does not spill onto a page of its own before the break
    // (Word's model keeps its line: where it does not fit it opens a page that holds only the
    // break). Fresh-2 r061 (WPS 12, compatibility mode 15): a chapter whose last figure fills
    // its page to 8 pt from the foot, then such a paragraph; the conclusion after it starts
    // the next page in WPS's saved count (52 pages, 52.3 with the blank page, 51.3 without),
    // and the four table-of-contents entries after it come one page nearer WPS's numbers.
    const bool wps_break_only = break_only && engine.settings().wps;
    it.slack = lines.slack;
    if (merged_break || wps_break_only) it.h.assign(1, 0.0), it.brk.assign(1, 0), it.slack.clear();
    it.wps_break_only = wps_break_only;
    if (trace) it.at = lines.at, it.text = lines.text, it.object = lines.object;
    const bool list = !b.label.empty() || b.role == model::Role::kListItem;
    {
      // HTML auto spacing: none between two items of one list (same style, both numbered);
      // a numbered heading between body paragraphs keeps its 14 pt.
      auto neighbour_in_list = [&](int dir) {
        for (std::size_t m = i; dir < 0 ? m > 0 : m + 1 < doc.blocks.size();) {
          m = dir < 0 ? m - 1 : m + 1;
          const auto& bm = doc.blocks[m];
          if (bm.story != model::Story::kMain || bm.layout < 0) continue;
          return !bm.in_table && (!bm.label.empty() || bm.role == model::Role::kListItem) && bm.style == b.style;
        }
        return false;
      };
      it.before = merged_break ? 0.0 : spacing(L, g, false, list && neighbour_in_list(-1));
      it.after = merged_break ? 0.0 : spacing(L, g, true, list && neighbour_in_list(1));
      if (wps_break_only) it.before = it.after = 0;
    }
    it.before_auto = L.before_auto;
    it.after_auto = L.after_auto;
    keeps_of(it, b, L);
    for (auto id : L.notes)
      if (auto n = note_h.find(id); n != note_h.end()) it.notes += n->second;
    it.has_text = !textless;
    {
      // Top-and-bottom objects placed from the paragraph at its top or below its lines (or
      // in a paragraph of nothing but its mark) stand where they are placed: their bands, not
      // their heights, go into the page (see `bands` below). A paragraph whose own lines a
      // band cuts (band_gap: it starts below the paragraph's top, inside its lines) keeps all
      // its objects' heights as before.
      double lines_bottom = it.before;
      for (double lh : it.h) lines_bottom += lh;
      bool cut = false;
      for (const auto& f : L.floats)
        if (f.wrap == 1 && f.v_from == 1 && f.y > 0 && it.has_text && f.y - f.dist_t < lines_bottom - 0.01) cut = true;
      it.floats = floats_h(L, g, !cut) + (textless ? 0.0 : band_gap(L, it));
      for (const auto& f : L.floats) {
        if (cut || f.wrap != 1 || f.v_from != 1 || !(f.y >= 0)) continue;
        it.bands.emplace_back(std::max(0.0, static_cast<double>(f.y - f.dist_t)), float_h(f, g));
      }
      if (it.floats < 0.01) it.floats = 0;
    }
    it.empty_para = textless && L.floats.empty();
    // Word: an empty paragraph whose mark is its section's break (the sectPr it carries)
    // and not the document's last paragraph.
    if (!engine.settings().wps && !last_main(i) && it.empty_para && !it.h.empty()) {
      for (std::size_t m = i + 1; m < doc.blocks.size(); ++m) {
        const auto& bm = doc.blocks[m];
        if (bm.story != model::Story::kMain || bm.layout < 0) continue;
        it.section_mark = bm.section != b.section;
        break;
      }
    }
    items.push_back(std::move(it));
  }

  if (!wrap_active.empty()) keep_beside_table_height(wrap_y);
  close_spans(nullptr);
  // Endnotes (ECMA-376 17.11.2, 17.11.22): with w:endnotePr's default position, docEnd, Word
  // sets them after the main text's last paragraph, under the separator (the endnotes.xml entry
  // of type separator; it and the continuation separator are not notes), each note's paragraphs
  // in the order of the notes' first references, in the last section's geometry. Notes nothing
  // refers to are not shown. No Word file in the sets has endnotes: the Word case rests on the
  // generated fixture (tests/layout) and the standard.
  // WPS 12 does so too: fresh-2 r069 (WPS 12.1.0.20305), 27 references at the end of a thesis,
  // the last entry of its table of contents agreeing and the saved count 34 reached only so
  // (31.6 without, 33.9 with). WPS 11 leaves them out of the count it saves: calibration 118
  // and 119 (WPS 11.1.0.13703 and .14036, one family: 119 holds 118's text and its 22
  // referenced notes, 4,475 characters of 12 pt) are saved at 5 and 17 pages, which their main
  // text alone fills (4.6 and 16.3; 119's table of contents agrees up to its last entry) and
  // which no layout of the notes (at least 1.2 pages) would leave.
  const bool endnotes_shown = !wps || wps_major(doc.property("app:Application").value_or("")) >= 12;
  // With w:pos sectEnd (settings.xml's w:endnotePr) each section's notes follow its own last
  // paragraph instead, in its geometry; a section with nothing laid out carries its notes on.
  if (endnotes_shown && !items.empty()) {
    const bool sect_end = doc.property("settings:endnotePos").value_or("") == "sectEnd";
    const std::size_t nsec = geos.size();
    std::vector<std::vector<std::int32_t>> refs(nsec);  // per section (docEnd: all in the last)
    std::set<std::int32_t> seen;
    for (const auto& b : doc.blocks) {
      if (b.story != model::Story::kMain || b.layout < 0) continue;
      const std::size_t sec = sect_end ? std::min<std::size_t>(b.section, nsec - 1) : nsec - 1;
      for (auto id : doc.layouts[static_cast<std::size_t>(b.layout)].endnotes)
        if (seen.insert(id).second) refs[sec].push_back(id);
    }
    std::map<std::int32_t, std::vector<std::size_t>> note_blocks;
    if (!seen.empty())
      for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
        const auto& b = doc.blocks[i];
        if (b.story != model::Story::kEndnote || b.layout < 0) continue;
        const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
        if (L.table >= 0 || !seen.count(L.note_id)) continue;
        note_blocks[L.note_id].push_back(i);
      }
    // Trace indices after every main-text block's, so that tools reading the trace by
    // paragraph number never take a note for a main-text paragraph.
    std::size_t m = main_index.empty() ? 0 : main_index[last_main_block < doc.blocks.size() ? last_main_block : 0] + 1;
    // The separator and the notes of `ids`, laid out in section `sec`.
    auto note_items = [&](const std::vector<std::int32_t>& ids, std::uint16_t sec) {
      std::vector<Item> out;
      const Geometry& g = geos[std::min<std::size_t>(sec, nsec - 1)];
      for (auto id : ids) {
        auto nb = note_blocks.find(id);
        if (nb == note_blocks.end()) continue;
        for (std::size_t i : nb->second) {
          const auto& b = doc.blocks[i];
          const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
          if (out.empty()) {
            // The separator paragraph: one single line of the Normal style's size.
            Item sep;
            sep.block = i;
            sep.main_index = m++;
            sep.section = sec;
            const double line = normal_pt * 1.3;
            sep.h.push_back(g.pitch > 0 ? std::ceil(line / g.pitch - 0.01) * g.pitch : line);
            sep.brk.push_back(0);
            out.push_back(std::move(sep));
          }
          engine.paragraph(b, L, g.width, g.pitch, g.char_pitch, g.grid_delta, lines);
          text_lines += lines.text_lines;
          Item it;
          it.block = i;
          it.main_index = m++;
          it.section = sec;
          it.h = lines.h;
          it.brk = lines.brk;
          if (trace) it.at = lines.at, it.text = lines.text, it.object = lines.object;
          it.before = spacing(L, g, false);
          it.after = spacing(L, g, true);
          keeps_of(it, b, L);
          it.floats = floats_h(L, g);
          out.push_back(std::move(it));
        }
      }
      return out;
    };
    if (!sect_end) {
      auto notes = note_items(refs[nsec - 1], items.back().section);
      for (auto& it : notes) items.push_back(std::move(it));
    } else if (!seen.empty()) {
      std::vector<Item> merged;
      merged.reserve(items.size() + note_blocks.size() + 1);
      std::vector<std::int32_t> pending;  // notes of sections laid out so far
      std::size_t next_sec = 0;
      for (std::size_t k = 0; k < items.size(); ++k) {
        const std::uint16_t sec = items[k].section;
        merged.push_back(std::move(items[k]));
        const bool last_of_section = k + 1 == items.size() || items[k + 1].section != sec;
        if (!last_of_section) continue;
        for (; next_sec < nsec && next_sec <= sec; ++next_sec)
          pending.insert(pending.end(), refs[next_sec].begin(), refs[next_sec].end());
        if (k + 1 == items.size())
          for (; next_sec < nsec; ++next_sec)
            pending.insert(pending.end(), refs[next_sec].begin(), refs[next_sec].end());
        auto notes = note_items(pending, sec);
        pending.clear();
        for (auto& it : notes) merged.push_back(std::move(it));
      }
      items = std::move(merged);
    }
  }
  // Contextual spacing (ECMA-376 §17.3.1.9) ignores a paragraph's own space after before a
  // paragraph of the same style, as it ignores its space before after one (below): 119's
  // List Paragraph items (12 pt before and after, contextualSpacing) stack with no space.
  for (std::size_t k = 0; k + 1 < items.size(); ++k) {
    Item& a = items[k];
    const Item& c = items[k + 1];
    if (a.contextual && !a.row && !c.row && a.style && c.style && *a.style == *c.style) a.after = 0;
  }
  // Paragraph borders (ECMA-376 §17.3.1.24): a top border's space and width go above the
  // first line, a bottom border's below the last, inside the spacing before and after.
  // Consecutive paragraphs with the same borders and indents are one bordered group: the top
  // border only above the first, the bottom only below the last, and between two of them
  // the between border if there is one. Word only: two WPS files of the fresh tuning set
  // (001, 129: boxed command listings, 1 pt space) each go a page over their saved count
  // with it, and WPS writes no page marks to tell how it sets them.
  if (!engine.settings().wps) {
    auto layout_of = [&](const Item& it) -> const model::ParagraphLayout* {
      if (it.row || it.h.empty()) return nullptr;
      const auto& b = doc.blocks[it.block];
      if (b.layout < 0 || b.in_table) return nullptr;
      const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
      return L.bdr_key != 0 ? &L : nullptr;
    };
    auto same_group = [](const model::ParagraphLayout& a, const model::ParagraphLayout& c) {
      return a.bdr_key == c.bdr_key && std::fabs(a.ind_left - c.ind_left) < 0.05 &&
             std::fabs(a.ind_right - c.ind_right) < 0.05 && a.ind_left_chars == c.ind_left_chars &&
             a.ind_right_chars == c.ind_right_chars;
    };
    for (std::size_t k = 0; k < items.size(); ++k) {
      const model::ParagraphLayout* L = layout_of(items[k]);
      if (!L) continue;
      const model::ParagraphLayout* prev = k > 0 ? layout_of(items[k - 1]) : nullptr;
      const model::ParagraphLayout* next = k + 1 < items.size() ? layout_of(items[k + 1]) : nullptr;
      const bool joined_above = prev && !items[k].hard_break_before && same_group(*prev, *L);
      const bool joined_below = next && !items[k + 1].hard_break_before && same_group(*L, *next);
      items[k].bdr_first = joined_above ? L->bdr_between : L->bdr_top;
      items[k].h.front() += items[k].bdr_first;
      if (!joined_below) items[k].h.back() += L->bdr_bottom, items[k].bdr_last = L->bdr_bottom;
    }
  }

  // Pagination.
  // A keep-with-next chain is followed at most this many items ahead (besides up to a page
  // of height), so thousands of near-zero-height kept paragraphs or rows (1-twip exact
  // lines) stay linear; real chains are a few headings, or a table kept together.
  constexpr std::size_t kMaxKeepChain = 256;
  Flow flow;
  flow.set(geos[0]);
  std::vector<Beside> page_wrap;  // wrapped objects placed from the current page or its margin
  unsigned long page_wrap_breaks = 0;
  std::vector<unsigned long> block_breaks(doc.blocks.size(), 0);  // flow.breaks() where a paragraph's lines start
  std::uint16_t section = 0;
  bool after_hard_break = true;  // the first page starts like one after a hard break
  std::int32_t table = -1;
  double header_rows = 0;
  bool header_rows_done = false;
  auto height_of = [](const Item& it) {
    double h = 0;
    for (double lh : it.h) h += lh;
    return h;
  };
  // Word: a top-and-bottom object placed down from its paragraph stands at its offset from
  // the paragraph's top, and only the lines (or rows) its band meets go below it; two
  // objects side by side (anchored in consecutive paragraphs, each at its own offset) share
  // one stretch of the page rather than adding their heights, and the marks of paragraphs
  // that only anchor them stay where they are. Fresh-2 r081 (Word): section 4.2, a heading
  // over four screenshots set two by two (the first pair 66 and 33.8 pt below the heading
  // and the empty paragraph after it), fills one page in Word's marks; their heights added
  // up make 906 pt and a page more (26.5 -> 25.5 for 26; the pages after it start where
  // Word's do again). The bands of the current page: (top, bottom) in the flow, by top.
  std::vector<std::pair<double, double>> bands;
  unsigned long band_breaks = ~0ul;
  // A line of height `line` at the flow's position goes below every band it meets.
  auto below_bands = [&](double line, double H) {
    if (bands.empty()) return;
    if (band_breaks != flow.breaks()) {
      bands.clear();
      return;
    }
    // One pass in order of top finds where the line clears them all: y only grows, so a band
    // passed over (ending above y) stays clear, and the first band below the line ends it.
    double y = flow.y();
    for (const auto& [top, bottom] : bands) {
      if (top >= y + line - 0.01) break;
      if (bottom > y + 0.01) y = bottom;
    }
    if (y <= flow.y()) return;
    if (y > H - 0.01) flow.new_column();
    else flow.advance(y - flow.y());
  };
  unsigned long text_breaks = ~0ul;  // flow.breaks() when the last paragraph with text or row was placed
  for (std::size_t k = 0; k < items.size(); ++k) {
    Item& it = items[k];
    if (trace) {
      const auto t = doc.block_text(it.block);
      std::fprintf(stderr, "%s %zu page %.3f h %.1f n %zu H %.1f %s\n", it.row ? "R" : "P", it.main_index, flow.pages(),
                   height_of(it), it.h.size(), flow.geometry().height, std::string(t.substr(0, std::min<std::size_t>(t.size(), 30))).c_str());
      if (std::getenv("WENFENG_LAYOUT_TRACE")[0] == '2' && !it.row) {
        const auto& L = doc.layouts[static_cast<std::size_t>(doc.blocks[it.block].layout)];
        // The space before as the flow takes it: contextual spacing drops it after a
        // paragraph of the same style (below), which pages_fit.py cannot see from styles.
        const bool same_style = it.contextual && k > 0 && !items[k - 1].row && items[k - 1].style && it.style &&
                                *items[k - 1].style == *it.style;
        std::fprintf(stderr,
                     "   before %.1f after %.1f line %.0f/%d mark %.1f ind %.1f/%.1f/%.1f chars %.2f width %.1f keep %d%d%d%d grid %.2f\n",
                     same_style ? 0.0 : it.before, it.after, L.line, L.line_rule, L.font_pt, L.ind_left, L.ind_right, L.ind_first,
                     L.ind_first_chars, flow.geometry().width, it.keep_next, it.keep_lines, it.widow, it.contextual,
                     L.snap_to_grid ? flow.geometry().pitch : 0.0);
        std::fprintf(stderr, "   markfont latin %s ea %s\n",
                     L.mark_latin >= 0 ? doc.font_names[static_cast<std::size_t>(L.mark_latin)].c_str() : "-",
                     L.mark_east_asian >= 0 ? doc.font_names[static_cast<std::size_t>(L.mark_east_asian)].c_str() : "-");
        for (const auto& r : L.runs)
          std::fprintf(stderr, "   run @%u %.1f pt latin %s ea %s\n", r.offset, r.size,
                       r.latin >= 0 ? doc.font_names[static_cast<std::size_t>(r.latin)].c_str() : "-",
                       r.east_asian >= 0 ? doc.font_names[static_cast<std::size_t>(r.east_asian)].c_str() : "-");
        for (std::size_t q = 0; q < it.h.size(); ++q)
          std::fprintf(stderr, "   line %.1f at %u s %.2f o %.1f\n", it.h[q], q < it.at.size() ? it.at[q] : 0u,
                       q < it.text.size() ? it.text[q] : 0.f, q < it.object.size() ? it.object[q] : 0.f);
      }
    }
    // Section starts.
    if (it.section != section && it.section < doc.sections.size()) {
      section = it.section;
      const std::string& start = doc.sections[section].start;
      flow.set(geos[section]);
      if (start == "continuous") {
      } else if (start == "nextColumn") {
        flow.new_column();
        after_hard_break = true;
      } else {
        // nextPage, oddPage, evenPage: a new page. Word's page count leaves out the blank page
        // an odd- or even-page section break prints: print layout shows none, and neither
        // Word nor WPS counts one.
        flow.new_page();
        // Word: a page that a section break starts drops its first paragraph's space before,
        // as a page an automatic break starts does; only a page break (a w:br, pageBreakBefore)
        // keeps it. Word's marks: fresh-2 r115's chapters are sections whose heading has 9 pt
        // before, and Word's page 15 (a chapter's first page) fits only so; fresh 085, 107,
        // calibration 079, history h271-h283, h287, h412, h553, h562/h563, h593: paragraph
        // starts agreeing rise on every one (none falls). WPS keeps it (not measured: its
        // files carry no page marks).
        after_hard_break = engine.settings().wps;
      }
    }
    if (it.hard_break_before) {
      // Word: a paragraph that starts with a page break (w:br) has the break on the page
      // where it starts, so that page ends there even when nothing else is on it: the
      // document's first page (a cover of nothing but a floating text box, then the title
      // paragraph opening with a page break: fresh-3 t163, Word's marks start the title on
      // page 2), or a page a break-only paragraph or a section break has just started.
      // pageBreakBefore does not: at the top of a page it makes no page.
      // WPS's break-only paragraph takes no room, yet the page it stands on at the top holds
      // its break: the next break starts a page after it, not on it (fresh-3 t171, WPS 12,
      // mode 14: text ending in a page break, then two break-only paragraphs, saved 28 pages,
      // 27 if the second break fell on the first's empty page). A section break that started
      // the page itself adds no page after it (merged_break), so only within one section.
      const bool held = k > 0 && items[k - 1].wps_break_only && items[k - 1].section == it.section && flow.y() <= 0.01;
      if (it.after_break) flow.new_page(held);
      flow.new_page(it.leading_br || (held && !it.after_break));
      after_hard_break = true;
    }
    const double H = flow.geometry().height;
    if (it.row) {
      below_bands(it.h.empty() ? 0.0 : it.h[0], H);
      if (it.table != table) {
        table = it.table;
        header_rows = 0;
        header_rows_done = false;
      }
      double rh = it.h[0];
      int row_start = -1;
      // The trace names each floating table's first row: its paragraph, vertical anchor (1
      // text, 2 margin, 3 page), where the flow stands, tblpY, the body's top and height, and
      // the rows' total height (for studying where Word places such tables).
      if (it.float_anchor != 0 && trace) {
        double th = 0;
        for (std::size_t m = k; m < items.size() && items[m].row && items[m].table == it.table; ++m) th += items[m].h[0];
        std::fprintf(stderr, "FT %zu anchor %d page %d y %.1f tblpY %.1f top %.1f H %.1f table %.1f\n", it.main_index,
                     static_cast<int>(it.float_anchor), flow.page(), flow.y(), it.float_y, flow.geometry().top, H, th);
      }
      // A floating table anchored to the page or the margin (w:tblpPr vertAnchor page or
      // margin) whose first row opens a page stands at tblpY on it: below the body's top by
      // what tblpY exceeds it (history: the SPM-PSP weekly reports' 18-row form at 75.9 pt
      // from the page's edge under a 72 pt margin, three Word versions and one WPS saved at
      // 2 pages, their last empty paragraph pushed over; 25 shorter versions stay at 1).
      if ((it.float_anchor == 2 || it.float_anchor == 3) && flow.y() <= 0.01) {
        const double off = it.float_anchor == 3 ? it.float_y - flow.geometry().top : it.float_y;
        if (off > 0.01 && off < H / 2) flow.advance(off);
      }
      if (it.header_row && !header_rows_done) header_rows += rh;
      else header_rows_done = true;
      // A row kept with the next (its paragraphs keep with next) moves to the next page with
      // the rows and the paragraph it is kept with when they do not fit together.
      if (it.keep_next && flow.y() > 0.01) {
        double chain = rh;
        std::size_t m = k + 1;
        for (; m < items.size() && m - k <= kMaxKeepChain && items[m].keep_next && chain < H; ++m)
          chain += height_of(items[m]) + (items[m].row ? 0.0 : items[m].before + items[m].after);
        if (m < items.size() && !items[m].hard_break_before && items[m].section == it.section && !items[m].h.empty()) {
          const Item& next = items[m];
          chain += next.row ? next.h[0] : next.before + next.floats + next.h[0];
        }
        if (chain > flow.room() + 0.01 && chain <= H - (header_rows_done ? header_rows : 0.0)) {
          flow.new_column();
          if (header_rows_done && header_rows > 0 && header_rows < H / 2) flow.advance(header_rows);
        }
      }
      if (rh > flow.room() + 0.01 && flow.y() > 0.01) {
        const double min_piece = std::min(rh, 2 * 15.6);
        if (it.cant_split || flow.room() < min_piece || rh <= H * 0.25) {
          flow.new_column();
          if (header_rows_done && header_rows > 0 && header_rows < H / 2) flow.advance(header_rows);
        } else {
          // The row breaks across the page.
          row_start = flow.page();
          rh -= flow.room();
          flow.new_column();
          if (header_rows_done && header_rows > 0 && header_rows < H / 2) flow.advance(header_rows);
        }
      }
      while (rh > flow.room() + 0.01) {
        if (row_start < 0) row_start = flow.page();
        rh -= flow.room();
        flow.new_column();
        if (header_rows > 0 && header_rows < H / 2) flow.advance(header_rows);
      }
      if (trace) std::fprintf(stderr, "S R %zu %d %d %.1f %.1f\n", it.main_index, row_start < 0 ? flow.page() : row_start,
                              flow.page(), it.h[0], H);
      flow.advance(rh);
      text_breaks = flow.breaks();
      after_hard_break = false;
      continue;
    }
    table = -1;
    // Spacing before: none at the top of a page after a natural break; contextual spacing
    // drops it (and the previous paragraph's after) between paragraphs of one style.
    // A paragraph with text, or an empty one anchoring no band of its own, goes below the
    // bands its first line meets; an empty paragraph that anchors one stays (fresh 089 and
    // history h462: figures in empty paragraphs, where Word's marks keep the mark in place).
    // A paragraph with text that anchors bands of its own places them from its top, where it
    // starts, and only then does its first line go below the bands it meets, its own and
    // those of the paragraphs before (below, where the bands are placed). Word: two phone
    // screenshots side by side, the first anchored 21 pt below a line of text, the second at
    // 0 pt in the caption paragraph after it (fresh-3 t055, figures 6-2 and 6-3), take one
    // band with the caption under both. Placed from the caption's line, below the first, the
    // second went to the next page, and the pages after it with it (34.4 pages for 33; 32.4).
    const bool own_bands_first = it.has_text && !it.bands.empty();
    if ((it.has_text || it.bands.empty()) && !own_bands_first) below_bands(it.before + (it.h.empty() ? 0.0 : it.h[0]), H);
    double before = it.before;
    if (it.contextual && k > 0 && !items[k - 1].row && items[k - 1].style && it.style &&
        *items[k - 1].style == *it.style) {
      before = 0;
    }
    if (flow.y() <= 0.01 && !after_hard_break) before = 0;
    const double total = height_of(it);
    // Between two paragraphs the larger of the first's space after and the second's space
    // before (ECMA-376 §17.3.1.33; what Word's page breaks show), not their sum: the
    // previous paragraph's space after is already on the page.
    auto collapsed = [&](double b) {
      return k > 0 && !items[k - 1].row && flow.y() > 0.01 ? b - std::min(b, items[k - 1].after) : b;
    };
    // Keep with next: this paragraph and the first lines of the next must share a page. The
    // spacing inside the chain collapses as it does on the page (the larger of one
    // paragraph's space after and the next one's space before): summing both moved a
    // heading with 14 pt after and a body paragraph with 14 pt before to the next page
    // where Word's marks show it kept on the page with two lines of its body.
    // The floats that push the text (placed before a paragraph's lines) are in the chain too:
    // 079's headings over their IPO text boxes go to the next page with the box. Table rows
    // whose paragraphs keep with next carry the chain on (fresh 061: two headings over a
    // table whose cells are in a heading style go to the next page with it and the table after).
    // The chain is decided at its first paragraph. Word: a paragraph kept with the previous
    // one (that one keeps with next) starts no chain of its own; a chain longer than a page
    // flows on and breaks where the pages fill, and the part of it left when a page breaks
    // inside it does not move to a new page because it would fit one (history h018/h019:
    // every paragraph keeps with next and Word's pages are full to the foot; h599: an
    // outline of 35 headings that Word breaks where its pages fill, where 0.87 of a page
    // was left empty before the last 15).
    const bool in_chain = k > 0 && items[k - 1].keep_next && !it.hard_break_before && items[k - 1].section == it.section;
    // The lone mark of a section break starts no chain: it stays at the foot of its page
    // whatever its keep properties (below; fresh-2 r115: an empty heading-1 paragraph
    // holding a sectPr after a one-page form, 20 pt left for its 45 pt).
    if (it.keep_next && flow.y() > 0.01 && !in_chain && !it.section_mark) {
      double chain = collapsed(before) + total + it.floats;
      for (const auto& band : it.bands) chain = std::max(chain, band.first + band.second);
      double last_after = it.after;
      std::size_t m = k + 1;
      while (m < items.size() && m - k <= kMaxKeepChain && items[m].keep_next && chain < H) {
        if (items[m].row) chain += last_after + height_of(items[m]), last_after = 0;
        else chain += std::max(last_after, items[m].before) + items[m].floats + height_of(items[m]), last_after = items[m].after;
        ++m;
      }
      if (m < items.size() && !items[m].hard_break_before && items[m].section == it.section) {
        const Item& next = items[m];
        chain += next.row ? last_after : std::max(last_after, next.before) + next.floats;
        // The next paragraph's first lines: two under widow control (three when it has three,
        // which cannot break), else one.
        const std::size_t need = next.widow ? (next.h.size() == 3 ? 3 : 2) : 1;
        for (std::size_t q = 0; q < std::min(need, next.h.size()); ++q) chain += next.h[q];
      } else {
        chain += last_after;
      }
      // A chain longer than a page still starts the next page when there is text above it on
      // this one (Word then breaks it where that page fills); under nothing but empty
      // paragraphs it stays. Word's marks: h020 (every page start as Word's only so), h599
      // (an outline of 35 headings starting a page with 0.27 of one left), h284 (a heading
      // over a picture taller than the room); fresh 115 (a heading over an 833 pt picture:
      // 25.5 -> 26.5 pages, saved 27). h018's chain head under one empty paragraph at the
      // top of a page stays where it is.
      const bool text_above = text_breaks == flow.breaks();
      if (chain > flow.room() + 0.01 && (chain <= H || text_above)) {
        flow.new_column();
        before = 0;
      }
    }
    if (!it.bands.empty()) {
      // The objects stand on the page where the paragraph's first line does (a line that
      // does not fit takes the paragraph, and the objects placed from it, to the next page).
      // When the lowest of them does not fit below the paragraph's top there, their heights
      // go in before its lines as before (Word moves such an object on; fresh 089 and h462,
      // a figure at a page's foot, keep Word's page starts only so).
      double reach = 0;
      for (const auto& band : it.bands) reach = std::max(reach, band.first + band.second);
      if (it.has_text && !it.h.empty() && flow.y() > 0.01 && collapsed(before) + it.h[0] > flow.room() + 0.01) {
        flow.new_column();
        before = 0;
      }
      auto place_bands = [&] {
        if (flow.y() + reach <= H + 0.01) {
          if (band_breaks != flow.breaks()) bands.clear();
          for (const auto& [off, bh] : it.bands) bands.emplace_back(flow.y() + off, flow.y() + off + bh);
          std::sort(bands.begin(), bands.end());
          band_breaks = flow.breaks();
        } else {
          std::vector<std::pair<double, double>> extents;
          for (const auto& [off, bh] : it.bands) extents.emplace_back(off, off + bh);
          const double heights = union_h(std::move(extents));
          if (heights > flow.room() && flow.y() > 0.01) flow.new_column();
          flow.advance(std::min(heights, H));
        }
      };
      place_bands();
      if (own_bands_first) {
        // The first line under the bands; when that takes it to the next page, its objects go
        // there with it, placed from the page's top as before.
        const auto breaks = flow.breaks();
        below_bands(it.before + (it.h.empty() ? 0.0 : it.h[0]), H);
        if (flow.breaks() != breaks) {
          place_bands();
          below_bands(it.before + (it.h.empty() ? 0.0 : it.h[0]), H);
        }
      }
    }
    if (it.floats > 0) {
      if (it.floats > flow.room() && flow.y() > 0.01) flow.new_column();
      flow.advance(std::min(it.floats, H));
    }
    if (it.keep_lines && !it.section_mark && flow.y() > 0.01 && collapsed(before) + total > flow.room() + 0.01 &&
        total <= H) {
      flow.new_column();
      before = 0;
    }
    before = collapsed(before);
    // A section-break paragraph that does not fit stays at the foot of the page it follows:
    // Word makes no page for the lone mark of a section break (calibration 027 and fresh
    // 089: the empty paragraph holding the cover's sectPr, two grid lines tall with 10-21 pt
    // left, is on the cover page in Word's marks, the next section's first paragraph starts
    // page 2).
    if (it.section_mark && flow.y() > 0.01 && before + it.h[0] > flow.room() + 0.01) {
      if (trace) std::fprintf(stderr, "S P %zu %d %d %.1f %.1f\n", it.main_index, flow.page(), flow.page(), 0.0, H);
      flow.advance(flow.room());
      flow.clamp();
      after_hard_break = false;
      continue;
    }
    flow.advance(before);
    if (flow.y() > H) flow.new_column();
    // Wrapped objects placed from the page or its margin (wp:positionV) stand on the page of
    // their anchor paragraph: the lines of the paragraphs on that page whose bands meet
    // them are set beside them (Engine::paragraph), laid out again here, where the
    // paragraph's place on the page is known. Only the current page's objects are kept.
    if (page_wrap_breaks != flow.breaks()) page_wrap.clear();
    if (const auto& bk = doc.blocks[it.block]; bk.story == model::Story::kMain && bk.layout >= 0) {
      const auto& L = doc.layouts[static_cast<std::size_t>(bk.layout)];
      const Geometry& g = flow.geometry();
      for (const auto& f : L.floats) {
        double l = 0, r = 0;
        if (f.wrap != 2 || (f.v_from != 2 && f.v_from != 3) || !span_of(f, g, l, r) ||
            room_beside(l, r, f.wrap_text, g) < kBesideMin || page_wrap.size() >= 64)
          continue;
        const double top = f.y + (f.v_from == 2 ? g.m_top : 0.0) - g.top - f.dist_t;
        page_wrap.push_back({top, top + f.dist_t + float_h(f, g) + f.dist_b, l, r, f.wrap_text, it.block});
        page_wrap_breaks = flow.breaks();
      }
      std::erase_if(page_wrap, [&](const Beside& o) { return o.bottom <= flow.y() + 0.01; });
      // Lines set beside objects anchored earlier (Engine::paragraph, placed from their
      // anchors before pagination) that start a later column or page than the anchor: the
      // objects stand on the anchor's page, these lines take the full measure.
      block_breaks[it.block] = flow.breaks();
      const bool stale = it.wrap_anchor < block_breaks.size() && block_breaks[it.wrap_anchor] != flow.breaks();
      if ((!page_wrap.empty() || stale) && !it.h.empty() && !(it.h.size() == 1 && it.h[0] <= 0)) {
        wrap_local.clear();
        for (const auto& o : page_wrap)
          wrap_local.push_back({o.top - flow.y(), o.bottom - flow.y(), o.l, o.r, o.wrap_text, o.anchor});
        engine.paragraph(bk, L, g.width, g.pitch, g.char_pitch, g.grid_delta, lines,
                         wrap_local.empty() ? nullptr : &wrap_local);
        if (!lines.h.empty() && lines.h.size() == lines.brk.size()) {
          text_lines += lines.text_lines;
          text_lines -= std::min<std::uint64_t>(text_lines, it.h.size());
          it.h = lines.h;
          it.brk = lines.brk;
          it.slack = lines.slack;  // per line of the new lines (a picture's line may move)
          it.h.front() += it.bdr_first;  // borders added after layout stay
          it.h.back() += it.bdr_last;
          it.wrap_anchor = static_cast<std::size_t>(-1);
        }
      }
    }
    // Lines, with widow and orphan control.
    const std::size_t n = it.h.size();
    std::size_t j = 0;
    int start_page = -1;
    while (j < n) {
      std::size_t fit = 0;
      double used = 0;
      auto needs = [&](std::size_t q) { return q < it.slack.size() ? it.h[q] - it.slack[q] : it.h[q]; };
      while (j + fit < n && used + needs(j + fit) <= flow.room() + 0.01) {
        used += it.h[j + fit];
        ++fit;
        if (it.brk[j + fit - 1]) break;
      }
      const bool forced = fit > 0 && it.brk[j + fit - 1] != 0;
      if (j + fit < n && !forced) {
        if (it.widow) {
          // Widow control keeps two lines on each side of a page break: the last line does
          // not go alone (a widow), and moving it back must not leave the first line alone
          // (an orphan), so a paragraph of three lines never breaks across pages.
          if (n - (j + fit) == 1 && fit >= 2) fit -= 1;                   // widow: the last line alone
          if (j == 0 && fit == 1 && n >= 2) fit = 0;                      // orphan: the first line alone
        }
        if (fit == 0 && flow.y() <= 0.01) fit = 1;  // taller than a page
        used = 0;
        for (std::size_t q = 0; q < fit; ++q) used += it.h[j + q];
      }
      if (start_page < 0 && fit > 0) start_page = flow.page();
      flow.advance(used);
      j += fit;
      if (forced) {
        if (it.brk[j - 1] == 1) flow.new_page();
        else flow.new_column();
        after_hard_break = true;
        continue;
      }
      if (j < n) {
        flow.new_column();
        after_hard_break = false;
      }
    }
    if (trace) std::fprintf(stderr, "S P %zu %d %d %.1f %.1f\n", it.main_index, start_page < 0 ? flow.page() : start_page,
                            flow.page(), before + total + it.after, H);
    if (!it.empty_para) text_breaks = flow.breaks();
    if (it.notes > 0) flow.add_notes(it.notes);
    if (it.brk.empty() || !it.brk.back()) flow.advance(it.after);  // none when it ended on a break
    flow.clamp();
    after_hard_break = false;
  }
  // Objects reaching below the document's last line end its last page there.
  if (band_breaks == flow.breaks())
    for (const auto& band : bands)
      if (band.second > flow.y()) flow.advance(std::min(band.second, flow.geometry().height) - flow.y());
  const double total = flow.pages();
  pe.estimate = std::max(0.1, std::ceil(total * 10.0 - 1e-9) / 10.0);
  pe.lines = text_lines;
  // Pages Word's last layout marked: one, and one more for every paragraph outside tables
  // where it started a page (a row broken across pages marks every cell).
  // A mark in a table's cells still says Word's layout had a second page.
  std::uint64_t marked = 0;
  bool marked_in_table = false;
  for (const auto& b : doc.blocks)
    if (b.story == model::Story::kMain && b.layout >= 0 && doc.layouts[static_cast<std::size_t>(b.layout)].rendered_break) {
      if (b.in_table) marked_in_table = true;
      else ++marked;
    }
  // The fewest pages the main text can take whatever the line heights: every paragraph
  // outside tables is at least one line (one grid line, or its line at single spacing)
  // and at least its tallest inline picture, packed with nothing between them (a table row
  // at least 10 pt, below). A saved
  // count a whole page below it cannot describe this text (WPS 10/11 files whose saved
  // statistics predate most of their text: 443 paragraphs saved as 3 pages).
  // A page break, or a section that starts a new page, ends its page whatever is on it: the
  // bound rounds up to whole pages there (calibration 121, WPS 11: a cover page, a page
  // break, then text and six inline pictures that need 4.54 pages at least; saved 5 pages,
  // with statistics of 12 lines and 3 paragraphs).
  double least = 0;
  std::size_t least_section = items.empty() ? 0 : items.front().section;
  const auto whole_page = [&] { least = std::ceil(least - 1e-9); };
  for (const Item& it : items) {
    if (it.section != least_section) {
      least_section = it.section;
      const std::string& start = it.section < doc.sections.size() ? doc.sections[it.section].start : std::string();
      if (start != "continuous" && start != "nextColumn") whole_page();
    }
    if (it.hard_break_before) whole_page();
    if (it.row && !it.h.empty()) {
      // A table row at least 10 pt, or its own height when less (an exact height, text
      // under 7.5 pt): a line of any text larger than that is taller (WPS 11 files whose
      // saved statistics predate most of their rows: fresh 018, history h079-h081). A
      // floating table's rows are left out: text may run beside them.
      if (doc.layouts[static_cast<std::size_t>(doc.blocks[it.block].layout)].float_anchor != 0) continue;
      const Geometry& g = geos[std::min<std::size_t>(it.section, geos.size() - 1)];
      least += std::min(it.h[0], 10.0) / (g.height * std::max(1, g.cols));
      continue;
    }
    if (it.row || it.h.empty()) continue;
    const auto& L = doc.layouts[static_cast<std::size_t>(doc.blocks[it.block].layout)];
    const Geometry& g = geos[std::min<std::size_t>(it.section, geos.size() - 1)];
    double line = it.h[0];
    if (L.line_rule == 0 && L.line > 240) line = it.h[0] * 240.0 / L.line;
    if (g.pitch > 0 && L.snap_to_grid) line = std::min(line, g.pitch);
    // Inline pictures: at least the tallest, and at least their area over the column width
    // (a line is as tall as its tallest picture and no wider than the column, so the lines
    // holding them take at least the sum of height x width / column width): 19 pictures
    // the column's width in one paragraph take 19 pictures' height, not one (fresh-3 t061).
    double area = 0;
    for (const auto& o : L.inlines) {
      const double h = std::min<double>(o.h, g.height);
      line = std::max(line, h);
      if (g.width > 0) area += h * std::min(1.0, static_cast<double>(o.w) / g.width);
    }
    line = std::max(line, area);
    least += line / (g.height * std::max(1, g.cols));
    // A page break inside the paragraph: the page it ends is whole.
    for (std::size_t q = 0; q + 1 < it.brk.size(); ++q)
      if (it.brk[q] == 1) whole_page();
  }
  read_saved_pages(doc, pe, marked > 0 ? marked + 1 : marked_in_table ? 2 : 0, least);
  if (trace) std::fprintf(stderr, "LEAST %.2f\n", least);
  return pe;
}

}  // namespace wenfeng::layout
