#include "layout/docx_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::layout {
namespace {

struct Geometry {
  double width = 0;        // column width, points
  double height = 0;       // body height, points
  int cols = 1;
  bool grid_lines = false;
  bool grid_chars = false;
  double pitch = 0;        // line pitch
  double char_pitch = 0;   // character pitch (grid_chars)
};

Geometry geometry(const model::Section& s, double normal_pt) {
  Geometry g;
  const double top = std::max(s.m_top, s.m_header + s.header_h);
  const double bottom = std::max(s.m_bottom, s.m_footer + s.footer_h);
  g.height = std::max(72.0, s.page_h - top - bottom);
  const double text_w = std::max(72.0, s.page_w - s.m_left - s.m_right - s.gutter);
  g.cols = std::max(1, s.cols);
  g.width = (text_w - (g.cols - 1) * s.col_space) / g.cols;
  g.grid_lines = (s.grid == "lines" || s.grid == "linesAndChars" || s.grid == "snapToChars") && s.line_pitch > 0;
  g.pitch = s.line_pitch;
  g.grid_chars = s.grid == "linesAndChars" || s.grid == "snapToChars";
  g.char_pitch = normal_pt + s.char_space / 4096.0;
  if (g.char_pitch <= 1) g.grid_chars = false;
  return g;
}

}  // namespace

double latin_width_em(char32_t c) {
  if (c == U' ') return 0.25;
  if (c >= U'0' && c <= U'9') return 0.5;
  if (c >= U'a' && c <= U'z') {
    switch (c) {
      case U'i': case U'j': case U'l': case U't': case U'f': case U'r': return 0.3;
      case U'm': case U'w': return 0.75;
      default: return 0.48;
    }
  }
  if (c >= U'A' && c <= U'Z') return (c == U'M' || c == U'W') ? 0.9 : (c == U'I' || c == U'J') ? 0.35 : 0.68;
  if (c == U'.' || c == U',' || c == U':' || c == U';' || c == U'\'' || c == U'|' || c == U'!') return 0.27;
  if (c == U'%') return 0.83;
  if (c == U'“' || c == U'”' || c == U'‘' || c == U'’') return 0.45;
  if (c == U'…' || c == U'—') return 1.0;
  if (c < 0x80) return 0.45;
  return 0.6;
}

PageEstimate estimate_docx_pages(const model::Document& doc) {
  PageEstimate pe;
  pe.method = "按 DOCX 版面（页面、页边距、文档网格、字号、行距、段距、缩进、表格、分页）估算";
  if (doc.sections.empty()) return pe;
  // The Normal font size sets the grid's character pitch.
  double normal_pt = 10.5;
  for (const auto& b : doc.blocks)
    if (b.story == model::Story::kMain && b.layout >= 0 && b.role == model::Role::kBody) {
      normal_pt = doc.layouts[static_cast<std::size_t>(b.layout)].font_pt;
      break;
    }
  // Header and footer content pushes the body when taller than the margin allows.
  std::vector<model::Section> sections = doc.sections;
  {
    std::map<std::uint16_t, double> by_part;
    for (const auto& b : doc.blocks) {
      if ((b.story != model::Story::kHeader && b.story != model::Story::kFooter) || b.layout < 0) continue;
      const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
      by_part[b.source] += L.font_pt * std::max(L.ea_factor, L.ascii_factor) + L.before + L.after;
      if (b.story == model::Story::kHeader)
        for (auto& s : sections) s.header_h = std::max(s.header_h, by_part[b.source]);
      else
        for (auto& s : sections) s.footer_h = std::max(s.footer_h, by_part[b.source]);
    }
  }

  double pages_full = 0;       // completed columns, as pages
  double y = 0;                // used height in the current column
  std::uint64_t lines = 0;
  std::size_t section = 0;
  Geometry g = geometry(sections[0], normal_pt);
  int column = 0;
  auto new_column = [&] {
    ++column;
    if (column >= g.cols) {
      pages_full += 1;
      column = 0;
    }
    y = 0;
  };
  auto new_page = [&] {
    if (y > 0 || column > 0) {
      pages_full += 1;
      column = 0;
    }
    y = 0;
  };

  // Height and line count of one paragraph laid out at width w.
  auto layout_paragraph = [&](const model::Block& b, double w, double& height, std::uint64_t& n_lines,
                              std::vector<double>& line_heights) {
    const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
    const double size = L.font_pt;
    // Line height.
    const std::string_view t = doc.block_text(b);
    bool has_cjk = false;
    for (const char* p = t.data(), *e = p + t.size(); p < e;) has_cjk |= text::is_asian(text::decode(p, e));
    const double single = size * (has_cjk || t.empty() ? L.ea_factor : L.ascii_factor);
    double lh = single;
    if (L.line_rule == 0) lh = single * L.line / 240.0;
    else if (L.line_rule == 1) lh = L.line / 20.0;
    else lh = std::max(single, L.line / 20.0);
    if (g.grid_lines && L.snap_to_grid && L.line_rule == 0) {
      // Word puts each line on whole grid lines: the pitch times the spacing multiple,
      // rounded up to the lines the font needs.
      const double per = std::max(1.0, std::ceil(single / g.pitch - 0.05));
      lh = per * g.pitch * std::max(1.0, L.line / 240.0);
    }
    lh = std::max(lh, L.image_h);
    // Character widths.
    // On a character grid an East Asian character takes one cell; a font slightly larger
    // than the pitch is squeezed into it (3号 on the GB/T 9704 grid), a much larger one
    // (a 2号 title) keeps its own width.
    const double em_cell = g.grid_chars && size <= g.char_pitch * 1.05 ? g.char_pitch : size;
    double first = L.ind_first;
    if (L.ind_first_chars != 0) first = L.ind_first_chars * em_cell;
    const double avail = std::max(size, w - L.ind_left - L.ind_right);
    // The first line starts `first` further in (a hanging indent: further out).
    double x = 0;
    double line_w = avail - first;
    n_lines = 1;
    for (const char* p = t.data(), *e = p + t.size(); p < e;) {
      const char32_t c = text::decode(p, e);
      const auto cls = text::primary_class(c);
      if (cls == text::kBreak) {
        ++n_lines;
        x = 0;
        line_w = avail;
        continue;
      }
      if (cls == text::kInvisible) continue;
      double cw;
      if (cls == text::kAsian || c == U'\u3000') cw = em_cell;
      else if (c == U'\t') cw = std::max(size, 2 * size - std::fmod(x, 2 * size));
      else cw = latin_width_em(c) * size;
      if (x + cw > line_w + 0.01 && x > 0) {
        ++n_lines;
        x = 0;
        line_w = avail;
      }
      x += cw;
    }
    line_heights.assign(n_lines, lh);
    height = lh * static_cast<double>(n_lines);
  };

  std::vector<double> lhs;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.layout < 0) continue;
    // Section starts.
    if (b.section != section && b.section < sections.size()) {
      section = b.section;
      const std::string& start = sections[section].start;
      g = geometry(sections[section], normal_pt);
      if (start != "continuous" && start != "nextColumn") new_page();
      else if (start == "nextColumn") new_column();
    }
    if (b.page_break_before) new_page();
    const auto& L = doc.layouts[static_cast<std::size_t>(b.layout)];
    if (L.table >= 0) {
      // A table row: every cell's paragraphs, the row as tall as its tallest cell.
      const std::int32_t table = L.table, row = L.row;
      std::map<std::int32_t, double> cell_h;
      std::size_t j = i;
      const double table_w = L.table_w > 0 ? std::min(L.table_w, g.width) : g.width;
      for (; j < doc.blocks.size(); ++j) {
        const auto& bj = doc.blocks[j];
        if (bj.story != model::Story::kMain || bj.layout < 0) continue;
        const auto& Lj = doc.layouts[static_cast<std::size_t>(bj.layout)];
        if (Lj.table != table || Lj.row != row) break;
        const double cw = (Lj.cell_w > 0 ? Lj.cell_w : table_w / std::max(1, Lj.cells_in_row)) - 10.8;  // cell margins
        double h = 0;
        std::uint64_t nl = 0;
        layout_paragraph(bj, cw, h, nl, lhs);
        cell_h[Lj.cell] += h + Lj.before + Lj.after;
        lines += nl;
      }
      double row_h = 0;
      for (const auto& [c, h] : cell_h) row_h = std::max(row_h, h);
      row_h += 1;  // borders
      if (y + row_h > g.height && y > 0) new_column();
      y += row_h;
      while (y > g.height) {  // a row taller than a page
        y -= g.height;
        new_column();
        y = std::max(0.0, y);
      }
      i = j - 1;
      continue;
    }
    double h = 0;
    std::uint64_t nl = 0;
    layout_paragraph(b, g.width, h, nl, lhs);
    lines += nl;
    // Spacing before (Word adds it to the previous paragraph's after; none at a column top).
    y += y > 0 ? L.before : 0;
    for (double lh : lhs) {
      if (y + lh > g.height + 0.01 && y > 0) new_column();
      y += lh;
    }
    y += L.after;
    if (y > g.height) y = g.height;
  }
  const double fraction = g.height > 0 ? std::min(1.0, y / g.height) : 0;
  const double total = pages_full + (column + fraction) / static_cast<double>(std::max(1, g.cols));
  pe.estimate = std::max(0.1, std::ceil(total * 10.0 - 1e-9) / 10.0);
  pe.lines = lines;
  if (auto p = doc.property("app:Pages")) pe.saved = *p;
  if (auto a = doc.property("app:Application")) pe.saved_by = *a;
  return pe;
}

}  // namespace wenfeng::layout
