#include "lsp/text_buffer.h"

#include <gtest/gtest.h>

using wenfeng::lsp::Encoding;
using wenfeng::lsp::TextBuffer;

TEST(LspTextBuffer, LinesAndOffsetsInEachEncoding) {
  const TextBuffer b("a𠮷b\r\n第二行\rthird\n");
  ASSERT_EQ(b.line_count(), 4u);
  EXPECT_EQ(b.line(0), "a𠮷b");
  EXPECT_EQ(b.line(1), "第二行");
  EXPECT_EQ(b.line(2), "third");
  EXPECT_EQ(b.line(3), "");
  // "b" is UTF-16 3, code point 2, byte 5.
  EXPECT_EQ(b.offset(0, 3, Encoding::kUtf16), 5u);
  EXPECT_EQ(b.offset(0, 2, Encoding::kUtf32), 5u);
  EXPECT_EQ(b.offset(0, 5, Encoding::kUtf8), 5u);
  // Inside the surrogate pair / the code point: moves to its end.
  EXPECT_EQ(b.offset(0, 2, Encoding::kUtf16), 5u);
  EXPECT_EQ(b.offset(0, 3, Encoding::kUtf8), 5u);
  // Past the end of a line: the line's end; past the last line: the text's end.
  EXPECT_EQ(b.offset(1, 99, Encoding::kUtf16), 8u + 9u);
  EXPECT_EQ(b.offset(9, 0, Encoding::kUtf16), b.text().size());
  EXPECT_EQ(wenfeng::lsp::units("a𠮷", Encoding::kUtf16), 3u);
  EXPECT_EQ(wenfeng::lsp::units("a𠮷", Encoding::kUtf32), 2u);
  EXPECT_EQ(wenfeng::lsp::units("a𠮷", Encoding::kUtf8), 5u);
}

TEST(LspTextBuffer, ReplaceReindexesLines) {
  TextBuffer b("一\n二\n");
  b.replace(b.offset(1, 0, Encoding::kUtf16), b.offset(1, 1, Encoding::kUtf16), "2\n3");
  EXPECT_EQ(b.text(), "一\n2\n3\n");
  EXPECT_EQ(b.line(2), "3");
  b.replace(0, 999, "");
  EXPECT_EQ(b.line_count(), 1u);
}
