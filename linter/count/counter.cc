#include "count/counter.h"

#include <algorithm>

#include "text/charclass.h"
#include "text/runs.h"
#include "text/utf8.h"

namespace wenfeng::count {

namespace {

// Classes of ASCII bytes, looked up without decoding.
// A tab counts in 字符数(计空格) as a space does: the counts Word and WPS saved in real
// files differ from the spaces-only count by exactly the number of tabs.
constexpr std::uint8_t ascii_class(unsigned char b) {
  if (b == ' ' || b == '\t') return text::kSpace;
  if (b == '\n' || b == '\v') return text::kBreak;
  if (b == '\r' || b == '\f') return text::kControlWs;
  if (b < 0x20 || b == 0x7F) return text::kInvisible;
  return text::kOther;
}

// The counting loop; with kLines it also adds up the half cells of the page grid's lines as
// layout/pages.cc's paragraph_lines does (same classes, same order), in the same pass.
template <bool kLines>
Counts count_impl(std::string_view s, const GridLine& grid, std::uint64_t* lines_out) {
  Counts c;
  const char* p = s.data();
  const char* const end = p + s.size();
  bool in_run = false;
  std::uint64_t asian = 0, han = 0, runs = 0, visible = 0, spaces = 0;
  model::GridLineCells grid_cells(grid);
  auto tally = [&](std::uint8_t cls) {
    switch (cls & text::kPrimaryMask) {
      case text::kOther:
        runs += !in_run;
        in_run = true;
        ++visible;
        break;
      case text::kAsian:
        in_run = false;
        ++asian;
        han += (cls & text::kHan) != 0;
        ++visible;
        break;
      case text::kSpace:
      case text::kBreak:
        in_run = false;
        ++spaces;
        break;
      case text::kControlWs:
        in_run = false;
        break;
      default:  // kInvisible: transparent
        break;
    }
  };
  // The page grid's cells of a non-ASCII code point of class `cls`.
  auto cells = [&](char32_t cp, std::uint8_t cls) {
    if constexpr (kLines) grid_cells.other(cp, cls & text::kPrimaryMask);
    else (void)cp, (void)cls;
  };
  const std::uint8_t* const bmp = text::detail::kBmpClass;
  while (p < end) {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
      tally(ascii_class(b));
      if constexpr (kLines) grid_cells.ascii(b);
      ++p;
      continue;
    }
    // Five Chinese characters at a time where the next sixteen bytes hold them.
    if (end - p >= 16 && text::five_three_byte_sequences(reinterpret_cast<const unsigned char*>(p))) {
      for (int k = 0; k < 5; ++k, p += 3) {
        const char32_t cp = text::three_byte_code_point(reinterpret_cast<const unsigned char*>(p));
        const std::uint8_t cls = bmp[cp];
        tally(cls);
        cells(cp, cls);
      }
      continue;
    }
    const char32_t cp = text::decode(p, end);
    const std::uint8_t cls = text::classify(cp);
    tally(cls);
    cells(cp, cls);
  }
  c.zishu = asian + runs;
  c.hanzi = han;
  c.non_cjk_words = runs;
  c.chars_no_spaces = visible;
  c.chars_with_spaces = visible + spaces;
  c.paragraphs = visible > 0 ? 1 : 0;
  if constexpr (kLines) *lines_out = grid_cells.finish();
  return c;
}

}  // namespace

Counts count_text(std::string_view s) { return count_impl<false>(s, GridLine{}, nullptr); }

Counts count_text(std::string_view s, const GridLine& grid, std::uint64_t& lines) {
  return count_impl<true>(s, grid, &lines);
}

bool Scope::includes(model::Story s) const {
  switch (s) {
    case model::Story::kMain: return true;
    case model::Story::kFootnote:
    case model::Story::kEndnote: return notes;
    case model::Story::kTextBox: return textboxes;
    case model::Story::kHeader:
    case model::Story::kFooter: return headers;
    case model::Story::kComment: return comments;
  }
  return false;
}

Counts count_document(const model::Document& doc, const Scope& scope) {
  Counts total;
  for (const auto& b : doc.blocks)
    if (scope.includes(b.story) && !b.directive) total += count_text(doc.block_text(b));
  return total;
}

}  // namespace wenfeng::count

namespace wenfeng::count {

std::uint64_t in_unit(const Counts& c, std::string_view unit) {
  if (unit == "hanzi") return c.hanzi;
  if (unit == "chars_no_spaces") return c.chars_no_spaces;
  return c.zishu;
}

std::size_t offset_of_unit(std::string_view s, std::string_view unit, std::uint64_t n) {
  const char* const begin = s.data();
  const char* p = begin;
  const char* const end = p + s.size();
  std::uint64_t seen = 0;
  bool in_run = false;
  while (p < end) {
    const char* at = p;
    const std::uint8_t cls = text::classify(text::decode(p, end));
    const auto primary = cls & text::kPrimaryMask;
    bool starts_unit = false;
    if (unit == "hanzi") {
      starts_unit = (cls & text::kHan) != 0;
    } else if (unit == "chars_no_spaces") {
      starts_unit = primary == text::kAsian || primary == text::kOther;
    } else {
      starts_unit = primary == text::kAsian || (primary == text::kOther && !in_run);
    }
    if (primary == text::kOther) in_run = true;
    else if (primary != text::kInvisible) in_run = false;
    if (starts_unit) {
      if (seen == n) return static_cast<std::size_t>(at - begin);
      ++seen;
    }
  }
  return s.size();
}

}  // namespace wenfeng::count
