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
// Counted in half cells (a Han or full-width character is two, other characters one).
std::uint64_t paragraph_lines(std::string_view t, double per_line, double indent) {
  const auto per_line2 = static_cast<std::uint64_t>(per_line * 2);
  std::uint64_t half_cells = static_cast<std::uint64_t>(indent * 2);
  std::uint64_t lines = 0;
  auto finish_line = [&] { lines += std::max<std::uint64_t>(1, (half_cells + per_line2 - 1) / per_line2); };
  const char* p = t.data();
  const char* e = p + t.size();
  while (p < e) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      ++p;
      if (b == '\n' || b == '\v') {
        finish_line();
        half_cells = 0;
      } else if (b == '\t') {
        half_cells += 4;
      } else if (b >= 0x20 && b != 0x7F) {
        half_cells += 1;
      }
      continue;
    }
    const char32_t c = text::decode(p, e);
    const auto cls = text::primary_class(c);
    if (cls == text::kBreak) {
      finish_line();
      half_cells = 0;
    } else if (cls == text::kAsian || c == U'\u3000') {
      half_cells += 2;
    } else if (cls != text::kInvisible && cls != text::kControlWs) {
      half_cells += 1;
    }
  }
  finish_line();
  return lines;
}

}  // namespace

PageEstimate estimate_pages(const model::Document& doc) {
  if (doc.format == model::Format::kDocx && !doc.sections.empty()) return estimate_docx_pages(doc);
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
