#include "report/position.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "readers/text_reader.h"

namespace wenfeng::report {
namespace {

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
