#include "layout/pages.h"

#include "layout/docx_layout.h"

#include <cmath>

#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::layout {
namespace {

constexpr double kCellsPerLine = 28;
constexpr double kTitleCellsPerLine = 20;  // 156 mm / 22 pt
constexpr std::uint64_t kLinesPerPage = 22;

// Lines a paragraph takes: cells / cells-per-line, rounded up; manual breaks add lines.
std::uint64_t paragraph_lines(std::string_view t, double per_line, double indent) {
  double cells = indent;
  std::uint64_t lines = 0;
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const char32_t c = text::decode(p, e);
    const auto cls = text::primary_class(c);
    if (cls == text::kBreak) {
      lines += static_cast<std::uint64_t>(std::ceil(std::max(cells, 1.0) / per_line));
      cells = 0;
      continue;
    }
    if (cls == text::kInvisible || cls == text::kControlWs) continue;
    cells += (cls == text::kAsian || c == U'\u3000') ? 1.0 : (c == U'\t' ? 2.0 : 0.5);
  }
  lines += static_cast<std::uint64_t>(std::ceil(std::max(cells, 1.0) / per_line));
  return lines;
}

}  // namespace

PageEstimate estimate_pages(const model::Document& doc) {
  if (doc.format == "docx" && !doc.sections.empty()) return estimate_docx_pages(doc);
  PageEstimate pe;
  std::uint64_t lines = 0;
  for (const auto& b : doc.blocks) {
    if (b.story != model::Story::kMain || b.directive) continue;
    if (b.page_break_before && lines % kLinesPerPage != 0)
      lines += kLinesPerPage - lines % kLinesPerPage;
    const bool title = b.role == model::Role::kTitle;
    const double indent = (b.role == model::Role::kBody || b.role == model::Role::kListItem) ? 2 : 0;
    lines += paragraph_lines(doc.block_text(b), title ? kTitleCellsPerLine : kCellsPerLine, indent);
  }
  pe.lines = lines;
  pe.estimate = std::ceil(static_cast<double>(lines) * 10.0 / kLinesPerPage) / 10.0;
  if (auto p = doc.property("app:Pages")) pe.saved = *p;
  if (auto a = doc.property("app:Application")) pe.saved_by = *a;
  return pe;
}

}  // namespace wenfeng::layout
