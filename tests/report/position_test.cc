#include "report/position.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "readers/text_reader.h"

namespace wenfeng::report {
namespace {

// Columns and lengths (code points, UTF-16 units) are counted 32 and 16 bytes at a time:
// each equals the count made byte by byte, for findings anywhere in paragraphs of every
// length up to a few hundred bytes and one of 300 KB (past 255 blocks of 32).
TEST(Locator, ColumnsAndLengthsAsCountedByteByByte) {
  const std::string pieces[] = {"通", "a", "𠮷", "，", "Ω", "7", "é"};
  std::mt19937 rng(32);
  auto count = [](std::string_view s, std::uint32_t& cps, std::uint32_t& units) {
    cps = units = 0;
    for (unsigned char c : s) {
      cps += (c & 0xC0) != 0x80;
      units += ((c & 0xC0) != 0x80) + (c >= 0xF0);
    }
  };
  for (int round = 0; round < 120; ++round) {
    std::string text;
    const std::size_t len = round == 0 ? 300000 : rng() % 400;
    while (text.size() < len) text += pieces[rng() % std::size(pieces)];
    if (text.empty()) text.push_back('a');
    text.push_back('\n');
    auto doc = readers::read_text(text, "c.txt");
    ASSERT_TRUE(doc.ok());
    const std::string_view t = doc->block_text(doc->blocks[0]);
    const auto numbers = model::paragraph_numbers(*doc);
    std::vector<std::uint32_t> starts;
    for (std::uint32_t i = 0; i < t.size(); ++i)
      if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) starts.push_back(i);
    std::vector<std::uint32_t> at;
    for (int k = 0; k < 30; ++k) at.push_back(starts[rng() % starts.size()]);
    std::sort(at.begin(), at.end());
    Locator loc(*doc, numbers);
    for (const auto b : at) {
      model::Diagnostic d;
      d.block = 0;
      d.offset = b;
      d.length = std::min<std::uint32_t>(static_cast<std::uint32_t>(t.size()) - b, rng() % 300);
      const Position& p = loc.next(d, false);
      std::uint32_t cps, units, lcps, lunits;
      count(t.substr(0, b), cps, units);
      count(t.substr(b, d.length), lcps, lunits);
      ASSERT_EQ(p.column, cps + 1) << round << " " << b;
      ASSERT_EQ(p.column_utf16, units + 1) << round << " " << b;
      ASSERT_EQ(p.length, lcps) << round << " " << b;
      ASSERT_EQ(p.length_utf16, lunits) << round << " " << b;
      ASSERT_EQ(source_column(*doc, 0, b, ColumnUnit::kUtf16), units + 1) << round << " " << b;
    }
  }
}

// A title and one long paragraph of 1- to 4-byte characters, findings in runs that each go
// forward and then step back (a group's occurrences after another's), now and then one on
// the title in between (a document-level finding): every position must equal the one a
// fresh locator, walking from the paragraph's start, gives.
TEST(Locator, SteppingBackInALongParagraphGivesTheSamePositions) {
  const std::string pieces[] = {"通知", "a", "𠮷", "，", "Ω", "2024", "𩸽年"};
  std::mt19937 rng(7);
  std::string text;
  while (text.size() < 200000) text += pieces[rng() % std::size(pieces)];
  auto doc = readers::read_text("关于𠮷祥路的通知\n" + text + "\n", "p.txt");
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->blocks.size(), 2u);
  const std::string_view t = doc->block_text(doc->blocks[1]);
  std::vector<std::uint32_t> starts;  // code point starts
  for (std::uint32_t i = 0; i < t.size(); ++i)
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) starts.push_back(i);
  const auto numbers = model::paragraph_numbers(*doc);

  std::vector<model::Diagnostic> findings;
  for (int run = 0; run < 12; ++run) {
    std::vector<std::uint32_t> at;
    for (int k = 0; k < 40; ++k) at.push_back(starts[rng() % starts.size()]);
    std::sort(at.begin(), at.end());
    for (auto b : at) {
      if (rng() % 5 == 0) {
        model::Diagnostic title;
        title.block = 0;
        title.offset = 6;  // 𠮷
        title.length = 4;
        findings.push_back(title);
      }
      model::Diagnostic d;
      d.block = 1;
      d.offset = b;
      d.length = std::min<std::uint32_t>(6, static_cast<std::uint32_t>(t.size()) - b);
      while (d.offset + d.length < t.size() && (static_cast<unsigned char>(t[d.offset + d.length]) & 0xC0) == 0x80)
        ++d.length;
      findings.push_back(d);
    }
  }
  Locator walking(*doc, numbers);
  for (const auto& d : findings) {
    const Position got = walking.next(d);
    Locator fresh(*doc, numbers);
    const Position& want = fresh.next(d);
    ASSERT_EQ(got.paragraph, want.paragraph) << d.offset;
    ASSERT_EQ(got.column, want.column) << d.offset;
    ASSERT_EQ(got.column_utf16, want.column_utf16) << d.offset;
    ASSERT_EQ(got.length, want.length) << d.offset;
    ASSERT_EQ(got.column_byte, want.column_byte) << d.offset;
    ASSERT_EQ(got.excerpt, want.excerpt) << d.offset;
  }
}

}  // namespace
}  // namespace wenfeng::report
