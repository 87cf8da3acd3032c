// The DOCX layout estimator, one layout input at a time: grid arithmetic, character
// widths, line spacing, paragraph spacing, breaks, sections, tables, images, headers.
#include "layout/docx_layout.h"

#include <gtest/gtest.h>

#include "layout/pages.h"
#include "readers/docx_reader.h"
#include "readers/text_reader.h"
#include "support/docx_package.h"

using namespace wenfeng;

namespace {

const std::string kGbSect =
    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" "
    "w:left=\"1587\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
    "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-849\"/></w:sectPr>";
const std::string kPlainSect =
    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
    "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>";

std::string styles(int half_points) {
  return "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Liberation Serif\" w:eastAsia=\"Noto Serif CJK SC\"/>"
         "<w:sz w:val=\"" + std::to_string(half_points) +
         "\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
         "</w:pPr></w:pPrDefault></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
}

std::string han(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += "字";
  return s;
}

std::string para(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + text + "</w:t></w:r></w:p>";
}

layout::PageEstimate pages(const std::string& body, int half_points = 32, const std::string& header = "") {
  wenfeng::testing::DocxParts parts;
  parts.styles = styles(half_points);
  parts.body = body;
  parts.header = header;
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok());
  return layout::estimate_pages(*d);
}

TEST(DocxLayout, GbGridTwentyTwoLinesOfTwentyEightCharacters) {
  std::string body;
  for (int i = 0; i < 44; ++i) body += para(han(28));
  const auto p = pages(body + kGbSect);
  EXPECT_DOUBLE_EQ(p.estimate, 2.0);
  EXPECT_EQ(p.lines, 44u);
  // 29 characters need a second line.
  EXPECT_EQ(pages(para(han(29)) + kGbSect).lines, 2u);
  // The same 44 × 28 characters as text give the same grid arithmetic.
  std::string txt = "\n";
  for (int i = 0; i < 44; ++i) txt += han(26) + "\n";  // 2 cells of indent + 26
  EXPECT_NEAR(layout::estimate_pages(readers::build_text_document(txt, "t.txt")).estimate, 2.1, 0.11);
}

TEST(DocxLayout, WithoutGridCharactersAreOneEm) {
  // A4, 90 pt side margins: 415.3 pt wide; at 12 pt, 34 characters a line.
  EXPECT_EQ(pages(para(han(34)) + kPlainSect, 24).lines, 1u);
  EXPECT_EQ(pages(para(han(35)) + kPlainSect, 24).lines, 2u);
  // Digits are half as wide.
  EXPECT_EQ(pages(para(std::string(68, '8')) + kPlainSect, 24).lines, 1u);
}

TEST(DocxLayout, LineSpacingRules) {
  // Body height 697.9 pt. Exact 20 pt lines: 34 lines a page.
  std::string exact;
  for (int i = 0; i < 68; ++i) exact += para("字", "<w:spacing w:line=\"400\" w:lineRule=\"exact\"/>");
  EXPECT_NEAR(pages(exact + kPlainSect, 24).estimate, 2.0, 0.05);
  // Single spacing at 12 pt with a CJK font (1.448 em): 40 lines; 1.5 lines: 26.
  std::string single, one_half;
  for (int i = 0; i < 40; ++i) single += para("字");
  for (int i = 0; i < 40; ++i) one_half += para("字", "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>");
  EXPECT_NEAR(pages(single + kPlainSect, 24).estimate, 1.0, 0.05);
  EXPECT_NEAR(pages(one_half + kPlainSect, 24).estimate, 1.6, 0.1);
}

TEST(DocxLayout, ParagraphSpacingAndIndents) {
  std::string spaced;
  for (int i = 0; i < 20; ++i) spaced += para("字", "<w:spacing w:after=\"400\"/>");  // 20 pt after each
  std::string plain;
  for (int i = 0; i < 20; ++i) plain += para("字");
  EXPECT_GT(pages(spaced + kPlainSect, 24).estimate, pages(plain + kPlainSect, 24).estimate + 0.5);
  // A first-line indent of two characters pushes the 34th character to a second line.
  EXPECT_EQ(pages(para(han(33), "<w:ind w:firstLineChars=\"200\"/>") + kPlainSect, 24).lines, 2u);
  EXPECT_EQ(pages(para(han(32), "<w:ind w:firstLineChars=\"200\"/>") + kPlainSect, 24).lines, 1u);
}

TEST(DocxLayout, PageBreaksAndSections) {
  const std::string two = para("甲") + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + para("乙");
  EXPECT_GT(pages(two + kPlainSect, 24).estimate, 1.0);
  EXPECT_GT(pages(para("甲") + para("乙", "<w:pageBreakBefore/>") + kPlainSect, 24).estimate, 1.0);
  // A section's w:type says how that section starts: the second section here starts on a
  // new page (the default, nextPage) or continues on the same page (continuous).
  const std::string first_sect = "<w:sectPr><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\"/></w:sectPr>";
  const std::string cont_final =
      "<w:sectPr><w:type w:val=\"continuous\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\"/></w:sectPr>";
  EXPECT_GT(pages(para("甲", first_sect) + para("乙") + kPlainSect, 24).estimate, 1.0);
  EXPECT_LT(pages(para("甲", first_sect) + para("乙") + cont_final, 24).estimate, 1.0);
}

TEST(DocxLayout, TablesRowsAsTallAsTheirTallestCell) {
  auto row = [](int a, int b) {
    return "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" + para(han(a)) +
           "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" + para(han(b)) + "</w:tc></w:tr>";
  };
  // 100 pt cells less Word's default 5.4 pt margins each side hold 7 characters at 12 pt:
  // 40 characters take 6 lines, so each row is 6 + 1 lines of text.
  const auto short_rows = pages("<w:tbl>" + row(2, 2) + row(2, 2) + "</w:tbl>" + kPlainSect, 24);
  const auto tall_rows = pages("<w:tbl>" + row(2, 40) + row(40, 2) + "</w:tbl>" + kPlainSect, 24);
  EXPECT_GT(tall_rows.estimate, short_rows.estimate);
  EXPECT_EQ(tall_rows.lines, 14u);
}

TEST(DocxLayout, InlineImagesTakeTheirExtent) {
  const std::string image =
      "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"5000000\" cy=\"6350000\"/></wp:inline></w:drawing></w:r></w:p>";
  // 6,350,000 EMU = 500 pt: two such images do not fit on one page.
  EXPECT_GT(pages(image + image + kPlainSect, 24).estimate, 1.5);
}

TEST(DocxLayout, TallHeaderPushesTheBody) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += para("字");
  std::string header;
  for (int i = 0; i < 8; ++i) header += para("页眉");
  EXPECT_GT(pages(body + kPlainSect, 24, header).estimate, pages(body + kPlainSect, 24).estimate);
}

TEST(DocxLayout, SavedPagesAreOnlyACrossCheck) {
  wenfeng::testing::DocxParts parts;
  parts.styles = styles(24);
  parts.body = para("字") + kPlainSect;
  parts.app["Pages"] = "7";
  parts.app["Application"] = "Microsoft Office Word";
  auto d = readers::read_docx(*wenfeng::testing::build_docx(parts));
  const auto p = layout::estimate_pages(*d);
  EXPECT_LT(p.estimate, 1.0);
  EXPECT_EQ(p.saved.value_or(""), "7");
  EXPECT_EQ(p.saved_by.value_or(""), "Microsoft Office Word");
}

}  // namespace
