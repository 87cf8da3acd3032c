// The grid page estimate's lines counted in the counting pass (count::count_text with a
// GridLine, as lint's measure does) against layout::estimate_pages' own pass, on random
// paragraphs of every character class: the same lines, and the same counts as count_text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "count/counter.h"
#include "layout/pages.h"
#include "readers/text_reader.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

std::string random_text(std::mt19937& rng, int max_chars) {
  // Han, full-width punctuation, the ideographic space, ASCII letters, digits and spaces,
  // tab, VT, CR, FF, NUL, DEL, U+2028/U+2029 breaks, NBSP, ZWSP, BOM, soft hyphen, a
  // supplementary Han, Latin-1 and kana.
  static const char32_t kPool[] = {U'中', U'国', U'的', U'，', U'。', U'“', U'”', U'（', U'\u3000', U'a', U'Z', U'7',
                                   U' ', U'\t', U'\v', U'\r', U'\f', 0x00, 0x7F, 0x2028, 0x2029, 0x00A0, 0x200B,
                                   0xFEFF, 0x00AD, 0x20000, 0x00E9, U'あ', U'〇', U'—', U'…', 0x0085};
  std::uniform_int_distribution<int> len(0, max_chars), pick(0, static_cast<int>(std::size(kPool)) - 1),
      han_run(0, 3);
  std::string s;
  const int n = len(rng);
  for (int i = 0; i < n; ++i) {
    if (han_run(rng) == 0) {  // runs of Han, so the five-at-a-time path is taken
      for (int k = 0; k < 7; ++k) text::append_utf8(s, U'文');
      continue;
    }
    text::append_utf8(s, kPool[pick(rng)]);
  }
  return s;
}

TEST(GridLines, CountingPassGivesTheEstimatesLines) {
  std::mt19937 rng(20261204);
  for (int round = 0; round < 400; ++round) {
    std::string txt;
    const int paragraphs = 1 + round % 9;
    for (int p = 0; p < paragraphs; ++p) txt += random_text(rng, round % 3 == 0 ? 200 : 40) + "\n";
    const model::Document doc = readers::build_text_document(txt, "t.txt");
    ASSERT_TRUE(layout::uses_grid(doc));
    std::vector<std::uint64_t> lines(doc.blocks.size(), 0);
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      const auto& b = doc.blocks[i];
      if (b.story != model::Story::kMain || b.directive) continue;
      const std::string_view t = doc.block_text(b);
      EXPECT_EQ(count::count_text(t, layout::grid_line(b), lines[i]), count::count_text(t)) << round << " " << i;
    }
    const auto plain = layout::estimate_pages(doc);
    const auto fused = layout::estimate_pages(doc, lines);
    ASSERT_EQ(fused.lines, plain.lines) << "round " << round;
    EXPECT_EQ(fused.estimate, plain.estimate);
  }
}

TEST(GridLines, TitleAndBodyShapes) {
  const model::Document doc = readers::build_text_document("关于做好冬季防火工作的通知\n\n各乡镇：\n" + std::string(90, 'a') + "\n", "t.txt");
  std::vector<std::uint64_t> lines(doc.blocks.size(), 0);
  for (std::size_t i = 0; i < doc.blocks.size(); ++i)
    if (doc.blocks[i].story == model::Story::kMain && !doc.blocks[i].directive)
      count::count_text(doc.block_text(doc.blocks[i]), layout::grid_line(doc.blocks[i]), lines[i]);
  EXPECT_EQ(layout::estimate_pages(doc, lines).lines, layout::estimate_pages(doc).lines);
  // 90 half-width letters after a body paragraph's 4 half cells of indent: 94 / 56 → 2 lines.
  model::GridLine body{56, 4};
  std::uint64_t n = 0;
  count::count_text(std::string(90, 'a'), body, n);
  EXPECT_EQ(n, 2u);
  count::count_text("", body, n);
  EXPECT_EQ(n, 1u);  // an empty paragraph takes a line
  count::count_text("一\v二\n三", model::GridLine{56, 0}, n);
  EXPECT_EQ(n, 3u);  // each manual break ends a line
}

}  // namespace
