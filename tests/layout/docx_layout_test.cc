// The DOCX layout estimator, one layout input at a time: grid arithmetic, character
// widths, line spacing, paragraph spacing, breaks, sections, tables, images, headers.
#include "layout/docx_layout.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

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

// A Latin glyph's advance counts in whole twips, the fraction dropped: Times New Roman's
// "a" is 0.444 em, 5.328 pt at 12 pt, counted 5.3 (106 twips). 78 of them (415.58 pt at
// exact widths) fit the 415.3 pt line; 79 (418.7 pt truncated) do not.
TEST(DocxLayout, LatinAdvancesInWholeTwips) {
  EXPECT_EQ(pages(para(std::string(78, 'a')) + kPlainSect, 24).lines, 1u);
  EXPECT_EQ(pages(para(std::string(79, 'a')) + kPlainSect, 24).lines, 2u);
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

// Word counts leftChars / rightChars in the Normal style's size, not in the text's (the
// twips it writes beside them are chars x the Normal size in every tuning file; first-line
// and hanging characters follow the text). At a 10.5 pt Normal, ten characters of left
// indent are 105 pt whatever the text's size: twelve 24 pt characters fit the 310.3 pt
// left (at 24 pt a character the indent would be 240 pt and the line would hold seven).
TEST(DocxLayout, SideIndentCharactersAreNormalStyleCharacters) {
  auto big = [](int n, const std::string& ind) {
    return "<w:p><w:pPr>" + ind + "</w:pPr><w:r><w:rPr><w:sz w:val=\"48\"/></w:rPr><w:t>" + han(n) +
           "</w:t></w:r></w:p>";
  };
  EXPECT_EQ(pages(big(12, "<w:ind w:leftChars=\"1000\" w:left=\"2100\"/>") + kPlainSect, 21).lines, 1u);
  EXPECT_EQ(pages(big(13, "<w:ind w:leftChars=\"1000\" w:left=\"2100\"/>") + kPlainSect, 21).lines, 2u);
  EXPECT_EQ(pages(big(12, "<w:ind w:rightChars=\"1000\" w:right=\"2100\"/>") + kPlainSect, 21).lines, 1u);
  // The twips beside the characters do not count: leftChars wins over a stale left.
  EXPECT_EQ(pages(big(12, "<w:ind w:leftChars=\"1000\" w:left=\"4800\"/>") + kPlainSect, 21).lines, 1u);
  // A first-line indent in characters is still the text's: two 24 pt characters.
  EXPECT_EQ(pages(big(15, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"420\"/>") + kPlainSect, 21).lines, 1u);
  EXPECT_EQ(pages(big(16, "<w:ind w:firstLineChars=\"200\" w:firstLine=\"420\"/>") + kPlainSect, 21).lines, 2u);
}

// Word: a line of text taller than one grid line sits in the middle of its whole grid
// lines; at a page foot the half of the rounding below its text is room below it. A 16 pt
// line (two 15.6 pt grid lines) after an exact spacer that leaves it 2 pt past the margin
// stays on the page; 9 pt past, it goes to the next. A one-grid-line line keeps its whole
// line.
TEST(DocxLayout, GridLineAtPageFootNeedsTextAndHalfTheRounding) {
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" "
      "w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
      "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  // The body is 697.9 pt; the spacer leaves `room` pt for the last line.
  auto doc = [&](double room, int half_points) {
    const int spacer = static_cast<int>(std::lround((697.9 - room) * 20));
    return "<w:p><w:pPr><w:spacing w:line=\"" + std::to_string(spacer) +
           "\" w:lineRule=\"exact\"/></w:pPr><w:r><w:t>字</w:t></w:r></w:p>"
           "<w:p><w:r><w:rPr><w:sz w:val=\"" + std::to_string(half_points) + "\"/></w:rPr><w:t>字</w:t></w:r></w:p>" + sect;
  };
  EXPECT_LT(pages(doc(31.2 - 2.0, 32), 21).estimate, 1.01);
  EXPECT_GT(pages(doc(31.2 - 9.0, 32), 21).estimate, 1.01);
  EXPECT_LT(pages(doc(31.2, 32), 21).estimate, 1.01);
  // 10.5 pt text takes one grid line: 0.5 pt short of it, it goes over.
  EXPECT_GT(pages(doc(15.6 - 0.5, 21), 21).estimate, 1.01);
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

// Word: a paragraph whose mark is hidden text (w:vanish in the mark's run properties) joins
// the next one; with nothing visible in it, it takes no room, neither its line nor its
// spacing. 34 exact 20 pt lines fill the 697.9 pt body; ten empty hidden-mark paragraphs
// with 13 pt before and after among them add nothing (460 pt otherwise). A mark set
// visible again (w:val="0"), or hidden text with visible text beside it, keeps its line.
TEST(DocxLayout, EmptyParagraphWithAHiddenMarkTakesNoRoom) {
  const std::string line = "<w:spacing w:before=\"260\" w:after=\"260\" w:line=\"400\" w:lineRule=\"exact\"/>";
  auto body = [&](const std::string& vanish, const std::string& text) {
    std::string b;
    for (int i = 0; i < 34; ++i) {
      b += para("字", "<w:spacing w:line=\"400\" w:lineRule=\"exact\"/>");
      if (i % 3 == 1 && i < 30)
        b += "<w:p><w:pPr>" + line + "<w:rPr>" + vanish + "</w:rPr></w:pPr>" + text + "</w:p>";
    }
    return b + kPlainSect;
  };
  const auto hidden = pages(body("<w:vanish/>", "<w:r><w:rPr><w:vanish/></w:rPr><w:t>字</w:t></w:r>"), 24);
  EXPECT_EQ(hidden.lines, 34u);
  EXPECT_LE(hidden.estimate, 1.0);
  EXPECT_EQ(pages(body("<w:vanish w:val=\"0\"/>", ""), 24).lines, 44u);
  EXPECT_EQ(pages(body("<w:vanish/>", "<w:r><w:t>字</w:t></w:r>"), 24).lines, 44u);
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
  // The section refers to its header (styles are rId1, the header rId2); a header part
  // no section refers to is never shown.
  std::string sect = kPlainSect;
  sect.insert(sect.find('>') + 1, "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>");
  EXPECT_GT(pages(body + sect, 24, header).estimate, pages(body + kPlainSect, 24).estimate);
  EXPECT_DOUBLE_EQ(pages(body + kPlainSect, 24, header).estimate, pages(body + kPlainSect, 24).estimate);
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

// When a saved page count cannot be trusted it is not shown beside the estimate: WPS 10
// files whose saved statistics were never counted (0 characters for a page of text) beside
// the template's "1", and Word files whose own page marks (the
// w:lastRenderedPageBreak where its last layout started each page) show two or more pages
// beyond the saved count. One page more than saved, or as many, is normal (marks of
// paragraphs edited since are left behind).
TEST(DocxLayout, SavedPagesThatLookStale) {
  auto saved = [](const std::string& body, const std::string& pages, const std::string& characters) {
    wenfeng::testing::DocxParts parts;
    parts.styles = styles(24);
    parts.body = body + kPlainSect;
    parts.app["Pages"] = pages;
    if (!characters.empty()) parts.app["Characters"] = characters;
    auto d = readers::read_docx(*wenfeng::testing::build_docx(parts));
    return layout::estimate_pages(*d);
  };
  const std::string text = para(han(300));
  EXPECT_FALSE(saved(text, "1", "300").saved_stale);
  EXPECT_FALSE(saved(text, "1", "").saved_stale);
  EXPECT_TRUE(saved(text, "1", "0").saved_stale);
  EXPECT_FALSE(saved(para(""), "1", "0").saved_stale);  // nothing to count
  // WPS 12 saves zero statistics beside the page count of its own layout.
  EXPECT_FALSE(saved(text, "3", "0").saved_stale);
  const std::string mark = "<w:p><w:r><w:lastRenderedPageBreak/><w:t>字</w:t></w:r></w:p>";
  std::string two_marks = text + mark + text + mark + text;  // Word started pages 2 and 3
  EXPECT_TRUE(saved(two_marks, "1", "900").saved_stale);
  EXPECT_FALSE(saved(two_marks, "2", "900").saved_stale);
  EXPECT_FALSE(saved(two_marks, "3", "900").saved_stale);
  // Marks in the cells of a row broken across pages are not counted page by page.
  const std::string row = "<w:tbl><w:tr><w:tc>" + mark + "</w:tc><w:tc>" + mark + "</w:tc></w:tr></w:tbl>";
  EXPECT_FALSE(saved(text + row + text + row + text, "2", "900").saved_stale);
  // But a one-page document has no mark at all: Word started a second page, beside a saved 1,
  // whether in a paragraph or in a row's cells (one page more than saved is stale only there).
  EXPECT_TRUE(saved(text + mark + text, "1", "600").saved_stale);
  EXPECT_FALSE(saved(text + mark + text, "2", "600").saved_stale);
  EXPECT_TRUE(saved(text + row + text, "1", "600").saved_stale);
  EXPECT_FALSE(saved(text + row + text, "2", "600").saved_stale);
  // Statistics of a text more than ten times as long are another document's (a 300-character
  // page saved with 3,100 characters and 9 pages); up to ten times stands.
  EXPECT_TRUE(saved(text, "9", "3100").saved_stale);
  EXPECT_FALSE(saved(text, "9", "2900").saved_stale);
  EXPECT_FALSE(saved(para(han(20)), "9", "3100").saved_stale);  // under 50 characters: not judged
}

// The estimate of a file of 12 pt text that `application` saved with `pages` pages and
// `characters` characters in its statistics.
layout::PageEstimate saved_by(const std::string& application, const std::string& body, const std::string& pages,
                              const std::string& characters, const std::string& sect = kPlainSect) {
  wenfeng::testing::DocxParts parts;
  parts.styles = styles(24);
  parts.body = body + sect;
  parts.app["Pages"] = pages;
  parts.app["Characters"] = characters;
  parts.app["Application"] = application;
  auto d = readers::read_docx(*wenfeng::testing::build_docx(parts));
  return layout::estimate_pages(*d);
}

// Word's own save gives its paragraphs revision ids (w:rsidR, w:rsidRDefault); a file named
// as Word's without any was written by another program from a template whose statistics it
// kept (pandoc's reference document: "Microsoft Word 12.0.0", 1 page, 475 characters). Its
// saved 1 is not Word's count; a larger saved count, or a file with revision ids, stands.
TEST(DocxLayout, SavedPagesOfAFileWordDidNotWrite) {
  auto saved = [](const std::string& body, const std::string& pages) {
    return saved_by("Microsoft Word 12.0.0", body, pages, "475");
  };
  const std::string plain = para(han(300));
  const std::string by_word = "<w:p w:rsidR=\"00A1B2C3\" w:rsidRDefault=\"00A1B2C3\"><w:r><w:t>" + han(300) + "</w:t></w:r></w:p>";
  EXPECT_TRUE(saved(plain, "1").saved_stale);
  EXPECT_FALSE(saved(by_word, "1").saved_stale);
  EXPECT_FALSE(saved(plain, "2").saved_stale);
}

// The estimate of a WPS 11 file of 12 pt text whose saved statistics give `pages` pages
// (and 100 characters).
layout::PageEstimate saved_by_wps(const std::string& body, const std::string& pages,
                                  const std::string& sect = kPlainSect) {
  return saved_by("WPS Office_11.1.0.9740", body, pages, "100", sect);
}

// A saved count is stale when the main text cannot fit in it, whatever the line heights:
// each paragraph at least one line at single spacing and its tallest inline picture (the
// pattern of WPS 10/11 files whose saved statistics predate most of their text: hundreds
// of paragraphs or a dozen screenshots saved as three or four pages, or 20 paragraphs and
// two 244 pt objects saved as one).
TEST(DocxLayout, SavedPagesTheTextCannotFitIn) {
  const auto saved = [](const std::string& body, const std::string& pages) { return saved_by_wps(body, pages); };
  // 100 one-character paragraphs at 12 pt (17.4 pt lines): 2.5 pages at least.
  std::string lines, spaced;
  for (int i = 0; i < 100; ++i) lines += para("字");
  EXPECT_TRUE(saved(lines, "1").saved_stale);
  EXPECT_TRUE(saved(lines, "2").saved_stale);
  EXPECT_FALSE(saved(lines, "3").saved_stale);
  EXPECT_FALSE(saved(lines, "4").saved_stale);
  // At 1.5 lines the estimate is 3.7 pages, but the least is still counted at single
  // spacing (2.5 pages): a saved 3 stands.
  for (int i = 0; i < 100; ++i) spaced += para("字", "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>");
  EXPECT_GT(saved(spaced, "3").estimate, 3.5);
  EXPECT_FALSE(saved(spaced, "3").saved_stale);
  // Three 500 pt pictures in paragraphs of their own: 2.1 pages at least.
  const std::string image =
      "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"5000000\" cy=\"6350000\"/></wp:inline></w:drawing></w:r></w:p>";
  EXPECT_TRUE(saved(image + image + image, "1").saved_stale);
  EXPECT_FALSE(saved(image + image + image, "2").saved_stale);  // within a quarter page of it
  EXPECT_FALSE(saved(image + image + image, "3").saved_stale);
  // Two of them (1.43 pages at least) in a saved 1 page: stale, though not a page over.
  EXPECT_TRUE(saved(image + image, "1").saved_stale);
  EXPECT_FALSE(saved(image + image, "2").saved_stale);
}

// A table of contents and the layout that both reach at least two pages past the saved count
// show a count made for a shorter text (a WPS 11 requirements document: entries up to page 15
// that agree with the layout, saved as 8). A table of contents alone is no witness: Word
// files keep the entries of a longer version.
TEST(DocxLayout, SavedPagesBelowTheTableOfContentsAndTheLayout) {
  const auto contents = [](const std::vector<int>& pages) {
    std::string out;
    for (std::size_t i = 0; i < pages.size(); ++i) {
      out += "<w:p>";
      if (i == 0)
        out += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o "
               "\"1-3\" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
      out += "<w:r><w:t>第" + std::to_string(i + 1) + "章</w:t></w:r><w:r><w:tab/><w:t>" + std::to_string(pages[i]) +
             "</w:t></w:r>";
      if (i + 1 == pages.size()) out += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
      out += "</w:p>";
    }
    return out;
  };
  std::string text;
  for (int i = 0; i < 15; ++i) text += para(han(300));
  const auto four = saved_by_wps(contents({1, 2, 4}) + text, "2");
  ASSERT_GT(four.estimate, 3.0);
  ASSERT_LE(four.estimate, 4.0);
  EXPECT_TRUE(four.saved_stale);
  EXPECT_FALSE(saved_by_wps(contents({1, 2, 4}) + text, "3").saved_stale);  // one page short: stands
  EXPECT_FALSE(saved_by_wps(text, "2").saved_stale);                        // no table of contents
  EXPECT_FALSE(saved_by_wps(contents({1, 2}) + text, "2").saved_stale);      // two entries: too few
  // Entries of a longer version over a text the saved count fits: the count stands.
  EXPECT_FALSE(saved_by_wps(contents({3, 6, 9}) + para(han(300)), "1").saved_stale);
}

// Pandoc's fixed statistics (its reference document's: 1 page, 83 words, 475 characters, 12
// lines, 8 paragraphs) are not a count of the text; WPS 12 rewrites the page count alone
// beside them, and that count stands.
TEST(DocxLayout, SavedPagesOfPandocsReferenceDocument) {
  const auto saved = [](const std::string& pages, const std::string& characters) {
    wenfeng::testing::DocxParts parts;
    parts.styles = styles(24);
    // Revision ids as Word's own save gives them, so that only the statistics are judged.
    parts.body = "<w:p w:rsidR=\"00A1B2C3\"><w:r><w:t>" + han(300) + "</w:t></w:r></w:p>" + kPlainSect;
    parts.app["Pages"] = pages;
    parts.app["Words"] = "83";
    parts.app["Characters"] = characters;
    parts.app["Lines"] = "12";
    parts.app["Paragraphs"] = "8";
    parts.app["Application"] = "Microsoft Word 12.0.0";
    auto d = readers::read_docx(*wenfeng::testing::build_docx(parts));
    return layout::estimate_pages(*d);
  };
  EXPECT_TRUE(saved("1", "475").saved_stale);
  EXPECT_FALSE(saved("9", "475").saved_stale);
  EXPECT_FALSE(saved("1", "476").saved_stale);
}

// Inline pictures in one paragraph take at least their area over the column width: a line
// is as tall as its tallest picture and no wider than the column (a WPS 11 design document:
// 19 screenshots the column's width in one paragraph, 5 pages of pictures, saved as 10 pages
// with 6 pages of text and tables besides).
TEST(DocxLayout, SavedPagesTheInlinePicturesOfAParagraphCannotFitIn) {
  const auto pictures = [](int n, const char* cx) {
    std::string runs;
    for (int i = 0; i < n; ++i)
      runs += std::string("<w:r><w:drawing><wp:inline><wp:extent cx=\"") + cx +
              "\" cy=\"2540000\"/></wp:inline></w:drawing></w:r>";
    return "<w:p>" + runs + "</w:p>";
  };
  // Six 400 x 200 pt pictures (the column is 415 pt): one a line, 1.7 pages at least.
  EXPECT_TRUE(saved_by_wps(pictures(6, "5080000"), "1").saved_stale);
  EXPECT_FALSE(saved_by_wps(pictures(6, "5080000"), "2").saved_stale);
  // Six 100 pt wide ones go four to a line: two lines of 200 pt fit in one page.
  EXPECT_FALSE(saved_by_wps(pictures(6, "1270000"), "1").saved_stale);
}

// The least pages the text can take end whole at a page break or a section that starts a
// new page (a WPS 11 design document: a cover page, a page break, then text and pictures that
// need 4.54 pages at least, saved as 5 pages). A continuous section does not end its page.
TEST(DocxLayout, SavedPagesTheTextCannotFitInEndAtPageBreaks) {
  const auto saved = [](const std::string& body, const std::string& pages, const std::string& sect = kPlainSect) {
    return saved_by_wps(body, pages, sect);
  };
  // 70 one-character paragraphs at 12 pt (17.4 pt lines): 1.75 pages at least.
  std::string text;
  for (int i = 0; i < 70; ++i) text += para("字");
  const std::string cover = para("字");
  EXPECT_FALSE(saved(cover + text, "2").saved_stale);  // 1.77 pages at least
  // A page break after the cover: 1 + 1.75 pages at least, so 2 pages cannot hold it.
  const std::string page_break = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  EXPECT_TRUE(saved(cover + page_break + text, "2").saved_stale);
  EXPECT_FALSE(saved(cover + page_break + text, "3").saved_stale);
  // The same with the break inside the cover's paragraph, or as pageBreakBefore.
  const std::string inside = "<w:p><w:r><w:t>字</w:t><w:br w:type=\"page\"/><w:t>字</w:t></w:r></w:p>";
  EXPECT_TRUE(saved(inside + text, "2").saved_stale);
  EXPECT_TRUE(saved(cover + para("字", "<w:pageBreakBefore/>") + text, "2").saved_stale);
  // A section break: a section that starts on a new page ends the cover's page (the type
  // is the next section's); a continuous one does not.
  const std::string cover_section =
      "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" "
      "w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:pPr>"
      "<w:r><w:t>字</w:t></w:r></w:p>";
  std::string continuous = kPlainSect;
  continuous.replace(continuous.find("<w:pgSz"), 0, "<w:type w:val=\"continuous\"/>");
  EXPECT_TRUE(saved(cover_section + text, "2").saved_stale);
  EXPECT_FALSE(saved(cover_section + text, "2", continuous).saved_stale);
}

// In the least pages a table row counts at least 10 pt (or its own height when less); the
// rows of a floating table not at all (text may run beside them).
TEST(DocxLayout, SavedPagesTheRowsCannotFitIn) {
  const auto saved = [](const std::string& body, const std::string& pages) { return saved_by_wps(body, pages); };
  // 100 rows of one 12 pt line: 1.43 pages at least at 10 pt a row.
  std::string rows;
  for (int i = 0; i < 100; ++i) rows += "<w:tr><w:tc>" + para("字") + "</w:tc></w:tr>";
  const std::string table = "<w:tbl>" + rows + "</w:tbl>" + para("");
  EXPECT_TRUE(saved(table, "1").saved_stale);
  EXPECT_FALSE(saved(table, "2").saved_stale);
  const std::string floating =
      "<w:tbl><w:tblPr><w:tblpPr w:vertAnchor=\"text\" w:tblpY=\"200\"/></w:tblPr>" + rows + "</w:tbl>" + para("");
  EXPECT_FALSE(saved(floating, "1").saved_stale);
}

// WPS counts characters as wenfeng does: saved statistics of more than 2.5 times the text's
// characters are a longer version's, and so is the page count saved with them. Word counts
// otherwise (up to 3.7 times on right counts), so it is not judged so.
TEST(DocxLayout, WpsStatisticsOfALongerVersion) {
  auto saved = [](const std::string& characters, const char* app) {
    wenfeng::testing::DocxParts parts;
    parts.styles = styles(24);
    parts.body = para(han(300)) + kPlainSect;
    parts.app["Pages"] = "3";
    parts.app["Characters"] = characters;
    parts.app["Application"] = app;
    auto d = readers::read_docx(*wenfeng::testing::build_docx(parts));
    return layout::estimate_pages(*d);
  };
  EXPECT_FALSE(saved("300", "WPS Office_10.1.0.6029").saved_stale);
  EXPECT_FALSE(saved("540", "WPS Office_10.1.0.6029").saved_stale);  // 1.8 times
  EXPECT_TRUE(saved("800", "WPS Office_10.1.0.6029").saved_stale);
  EXPECT_FALSE(saved("800", "Microsoft Office Word").saved_stale);
}

}  // namespace

// --- Word's rules for Chinese documents. Each fixture is generated here and modelled on a
// pattern seen in real Word- and WPS-saved files (named in a comment); none is copied.

namespace {

// Styles the way Chinese Word writes them: docDefaults with theme fonts (no theme part
// here, so the explicit fonts apply), Normal with 宋体 五号 unless told otherwise.
std::string cn_styles(const std::string& normal_rpr = "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
                      const std::string& normal_ppr = "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>",
                      const std::string& more = "") {
  return "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:eastAsiaTheme=\"minorEastAsia\"/>"
         "<w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"22\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
         "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/><w:pPr>" +
         normal_ppr + "</w:pPr><w:rPr>" + normal_rpr + "</w:rPr></w:style>" + more;
}

// Chinese Word's default page: A4, 72/90 pt margins, a line grid of 15.6 pt.
const std::string kCnSect =
    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
    "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
    "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";

layout::PageEstimate layout_of(wenfeng::testing::DocxParts parts) {
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok());
  return layout::estimate_pages(*d);
}

layout::PageEstimate cn_pages(const std::string& body, const std::string& styles_xml = cn_styles()) {
  wenfeng::testing::DocxParts parts;
  parts.styles = styles_xml;
  parts.body = body;
  return layout_of(parts);
}

}  // namespace

// The GB/T 9704 DOCX as python-docx writes it: docDefaults from its template (11 pt theme
// fonts, 10 pt after, 1.15 lines), Normal set to 16 pt 仿宋 single spacing, a 2号 title run
// in the first paragraph, the 22 × 28 grid (linePitch 579, charSpace -842). The character
// pitch comes from the Normal style, not from the first paragraph's largest run.
TEST(DocxLayout, PythonDocxGbDocumentMatchesTheGridArithmetic) {
  const std::string styles_xml =
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:eastAsiaTheme=\"minorEastAsia\" "
      "w:hAnsiTheme=\"minorHAnsi\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
      "<w:spacing w:after=\"200\" w:line=\"276\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr>"
      "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"FangSong\" "
      "w:hAnsi=\"FangSong\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/></w:rPr></w:style>";
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" "
      "w:left=\"1587\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/><w:cols w:space=\"720\"/>"
      "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"579\" w:charSpace=\"-842\"/></w:sectPr>";
  std::string body =
      "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii=\"方正小标宋简体\" "
      "w:eastAsia=\"方正小标宋简体\"/><w:sz w:val=\"44\"/></w:rPr><w:t>关于进一步加强基层治理工作的通知</w:t></w:r></w:p>";
  std::string txt = "关于进一步加强基层治理工作的通知\n";
  for (int i = 0; i < 60; ++i) {
    const std::string t = han(20 + (i * 37) % 90) + "，" + han(10 + i % 7) + "。";
    body += para(t, "<w:ind w:firstLine=\"640\"/>");
    txt += t + "\n";
  }
  const auto docx = cn_pages(body + sect, styles_xml);
  const auto text = layout::estimate_pages(readers::build_text_document(txt, "t.txt"));
  EXPECT_NEAR(docx.estimate, text.estimate, 0.2);
  EXPECT_GT(text.estimate, 3.0);
}

// Word: an inline picture's line on the line grid takes whole grid lines, but at the foot of
// a page it needs only the picture's height. 40 grid lines (624 pt) leave 73.9 pt of the
// 697.9 pt body; a 70 pt picture (five grid lines, 78 pt) still goes there, and ten lines
// follow on page 2 (1.3 pages; 1.4 with the picture moved over). A 75 pt picture does not fit.
namespace {

// `lines` one-line paragraphs, then `paragraph`, then ten more lines, on the 15.6 pt grid.
std::string lines_around(int lines, const std::string& paragraph) {
  std::string b;
  for (int i = 0; i < lines; ++i) b += para("字");
  b += paragraph;
  for (int i = 0; i < 10; ++i) b += para("字");
  return b + kCnSect;
}

// 40 lines, then a 200 pt wide inline picture EMU tall in a paragraph of its own, then more.
std::string picture_after_40_lines(int emu) {
  return lines_around(40, "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"2540000\" cy=\"" +
                              std::to_string(emu) + "\"/></wp:inline></w:drawing></w:r></w:p>");
}

}  // namespace

TEST(DocxLayout, PictureLineAtThePageFootNeedsOnlyThePicture) {
  EXPECT_NEAR(cn_pages(picture_after_40_lines(70 * 12700)).estimate, 1.3, 0.01);
  EXPECT_NEAR(cn_pages(picture_after_40_lines(75 * 12700)).estimate, 1.4, 0.01);
}

// ...but the picture stands on the line's baseline: below it the line still needs the
// paragraph mark's descent (10.5 pt Times New Roman, 2.3 pt). A 72.5 pt picture leaves 1.4 pt
// of the 73.9 pt: it goes to page 2 (fresh-3 t049's column-wide screenshots, a 150.1 pt one
// with 151.9 pt left, are on the next page in Word's marks). 71 pt still fits.
TEST(DocxLayout, PictureLineAtThePageFootNeedsTheMarksDescentBelowIt) {
  EXPECT_NEAR(cn_pages(picture_after_40_lines(71 * 12700)).estimate, 1.3, 0.01);
  EXPECT_NEAR(cn_pages(picture_after_40_lines(725 * 1270)).estimate, 1.4, 0.01);
}

// The same rule for a paragraph laid out again beside a wrapped object placed from the
// margin (its lines change there): what each line needs at the page foot follows its new
// lines. 38 grid lines, then 30 characters and a 400 pt wide picture: at the full measure
// one line of text and the picture's; beside a 200 x 25 pt square-wrapped box at the left
// (206 pt beside it, 19 characters a line) two lines of text, the picture on the third,
// 73.9 pt from the foot: a 70 pt picture still fits there (1.3 pages), a 75 pt one does not.
TEST(DocxLayout, PictureLineAtThePageFootBesideAWrappedObject) {
  auto body = [](int emu) {
    return lines_around(38, "<w:p><w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" behindDoc=\"0\">"
         "<wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
         "<wp:positionV relativeFrom=\"margin\"><wp:posOffset>7528560</wp:posOffset></wp:positionV>"
         "<wp:extent cx=\"2540000\" cy=\"317500\"/><wp:wrapSquare wrapText=\"bothSides\"/>"
         "<a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r><w:r><w:t>" + han(30) +
         "</w:t></w:r><w:r><w:drawing><wp:inline><wp:extent cx=\"5080000\" cy=\"" + std::to_string(emu) +
         "\"/></wp:inline></w:drawing></w:r></w:p>");
  };
  EXPECT_NEAR(cn_pages(body(70 * 12700)).estimate, 1.3, 0.01);
  EXPECT_NEAR(cn_pages(body(75 * 12700)).estimate, 1.4, 0.01);
}

// Thesis cover pages underline blanks with thousands of spaces: trailing spaces hang past
// the margin, so they never wrap onto new lines or pages.
TEST(DocxLayout, TrailingSpacesHang) {
  std::string cover;
  for (const char* label : {"题目：", "学院：", "专业：", "学号："})
    cover += "<w:p><w:r><w:t>" + std::string(label) + "</w:t></w:r><w:r><w:rPr><w:u w:val=\"single\"/></w:rPr>"
             "<w:t xml:space=\"preserve\">" + std::string(3900, ' ') + "</w:t></w:r></w:p>";
  const auto p = cn_pages(cover + kCnSect);
  EXPECT_EQ(p.lines, 4u);
  EXPECT_LT(p.estimate, 0.2);
  // Text after the spaces starts a new line, as in Word.
  EXPECT_EQ(cn_pages("<w:p><w:r><w:t xml:space=\"preserve\">姓名：" + std::string(400, ' ') + "张三</w:t></w:r></w:p>" +
                     kCnSect).lines,
            2u);
}

// Kinsoku (GB/T 15834): a full stop never starts a line, an opening bracket never ends
// one. 415.3 pt holds 39 五号 (10.5 pt) characters. Without compressPunctuation (not
// measured against Word) a 。 that does not fit hangs past the margin.
TEST(DocxLayout, LineBreakingRules) {
  EXPECT_EQ(cn_pages(para(han(39)) + kCnSect).lines, 1u);
  EXPECT_EQ(cn_pages(para(han(40)) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(han(39) + "。") + kCnSect).lines, 1u);  // hangs
  EXPECT_EQ(cn_pages(para(han(38) + "（" + han(3) + "）") + kCnSect).lines, 2u);
  // A Latin word is not broken: 30 Han (315 pt) and a 30-letter word (about 140 pt in
  // Times New Roman) do not share a line; as separate words they do.
  EXPECT_EQ(cn_pages(para(han(30) + "abcdefghijabcdefghijabcdefghij") + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(han(30) + "abcdefghij abcdefghij abcdefghij") + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(han(30) + "abcdef") + kCnSect).lines, 1u);
}

// w:overflowPunct off (Word's "Allow punctuation to extend past text extents" cleared): a
// 。 that does not fit no longer hangs past the margin (without compressPunctuation it
// does): it takes the Han character before it to the next line.
TEST(DocxLayout, OverflowPunctOffNothingHangs) {
  EXPECT_EQ(cn_pages(para(han(39) + "。") + kCnSect).lines, 1u);
  EXPECT_EQ(cn_pages(para(han(39) + "。", "<w:overflowPunct w:val=\"0\"/>") + kCnSect).lines, 2u);
}

// w:wordWrap off (Word's "Allow Latin text to wrap in the middle of a word"): a Latin word
// breaks where the line is full. 30 Han (315 pt) and a 30-letter word (about 140 pt): kept
// whole, the word goes to the second line and the 28 Han after it (294 pt) need a third;
// broken, the word's first letters fill the first line and the rest share the second.
TEST(DocxLayout, WordWrapOffBreaksLatinWords) {
  const std::string text = han(30) + "abcdefghijabcdefghijabcdefghij" + han(28);
  EXPECT_EQ(cn_pages(para(text) + kCnSect).lines, 3u);
  EXPECT_EQ(cn_pages(para(text, "<w:wordWrap w:val=\"0\"/>") + kCnSect).lines, 2u);
}

// No line break after a slash, in WPS (its autofit tables keep a column exactly as wide as a
// path joined by slashes) or Word (a URL is one word). 30 Han (315 pt) leave about 100 pt on
// the first line: the whole path (about 140 pt) goes to the next, and the 28 Han after it
// no longer fit beside it. Broken after its first slashes, the path would leave room for them.
TEST(DocxLayout, NoLineBreakAfterASlash) {
  auto lines_of = [](const std::string& app) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.app["Application"] = app;
    parts.body = para(han(30) + "abcdefghij/abcdefghij/abcdefghij" + han(28)) + kCnSect;
    return layout_of(parts).lines;
  };
  EXPECT_EQ(lines_of("Microsoft Office Word"), 3u);
  EXPECT_EQ(lines_of("WPS Office_12.1.0.25865_F1E327BC-269C-435d-A152-05C5408002CA"), 3u);
}

namespace {

// Chinese Word's settings.xml: characterSpacingControl compressPunctuation (62 of the 64
// calibration files).
layout::PageEstimate cn_compressed(const std::string& body) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  parts.settings = "<w:characterSpacingControl w:val=\"compressPunctuation\"/>";
  parts.body = body;
  return layout_of(parts);
}

}  // namespace

// Punctuation compression as Word's page breaks inside paragraphs show it (justified 宋体
// body text, 009, 014, 075, 082): a justified line takes one more character when setting
// its full-width marks at half width makes room, by at most one em; a left-aligned
// paragraph (w:jc="left", 084) is not compressed. 40 characters are 4.7 pt too wide.
TEST(DocxLayout, PunctuationCompressionInJustifiedLines) {
  const std::string one_mark = han(18) + "、" + han(21);  // 40 characters, one 、 gives 5.25 pt
  EXPECT_EQ(cn_compressed(para(one_mark) + kCnSect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(one_mark, "<w:jc w:val=\"left\"/>") + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(one_mark) + kCnSect).lines, 2u);  // no compressPunctuation
  EXPECT_EQ(cn_compressed(para(han(40)) + kCnSect).lines, 2u);  // no mark to compress
  // A 。 that does not fit: compressed at the line end in a justified line; in a
  // left-aligned one it does not hang but takes the character before it down.
  EXPECT_EQ(cn_compressed(para(han(39) + "。") + kCnSect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(han(39) + "。", "<w:jc w:val=\"left\"/>") + kCnSect).lines, 2u);
  // 41 characters are 15.2 pt too wide: three 、 could give 15.75 pt, but not more than one em.
  EXPECT_EQ(cn_compressed(para(han(10) + "、" + han(10) + "、" + han(10) + "、" + han(8)) + kCnSect).lines, 2u);
}

// On a character grid under compressPunctuation Word hangs a closing mark past the margin
// but not ：；！？: the colon takes the character before it to the next line (fresh-3 t317's
// "读文件的加" over "工：" in a narrow table column). 415.3 pt on the 10.5 pt character grid
// hold 39 五号 characters; a 40th 。 or ” hangs, a 40th ： does not.
TEST(DocxLayout, ColonDoesNotHangOnACharacterGrid) {
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/>"
      "<w:docGrid w:type=\"linesAndChars\" w:linePitch=\"312\"/></w:sectPr>";
  const std::string left = "<w:jc w:val=\"left\"/>";
  EXPECT_EQ(cn_compressed(para(han(39), left) + sect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(han(39) + "。", left) + sect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(han(39) + "”", left) + sect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(han(39) + "：", left) + sect).lines, 2u);
  EXPECT_EQ(cn_compressed(para(han(39) + "；") + sect).lines, 2u);
  EXPECT_EQ(cn_pages(para(han(39) + "：", left) + sect).lines, 1u);  // no compressPunctuation: it hangs
}

// A row of full-width full stops (U+FF0E) typed as leaders: under compressPunctuation Word
// sets each one after another at half width, left-aligned or justified (fresh-3 t167's
// hand-typed contents). Four Han, 68 dots and a Times New Roman "3" take 10.5 + 67 x 5.25
// + 42 + 5.25 = 409.5 pt at 五号, one line of 415.3; at full width more than one. With 70
// dots the first one's full width still counts: 420 pt, two lines.
TEST(DocxLayout, FullWidthFullStopRunsAreCompressed) {
  std::string dots;
  for (int i = 0; i < 68; ++i) dots += "．";
  const std::string left = "<w:jc w:val=\"left\"/>";
  EXPECT_EQ(cn_compressed(para(han(4) + dots + "3", left) + kCnSect).lines, 1u);
  EXPECT_EQ(cn_compressed(para(han(4) + dots + "3") + kCnSect).lines, 1u);
  // Without compressPunctuation the dots are full width: more than a line (the row, which
  // may not start a line, moves whole under the Han text and breaks where it must).
  EXPECT_GE(cn_pages(para(han(4) + dots + "3", left) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_compressed(para(han(4) + dots + "．．3", left) + kCnSect).lines, 2u);
  // Dots apart from each other keep their full width: 40 characters, two lines.
  std::string apart;
  for (int i = 0; i < 20; ++i) apart += han(1) + "．";
  EXPECT_EQ(cn_compressed(para(apart, left) + kCnSect).lines, 2u);
}

// autoSpaceDE / autoSpaceDN (on unless turned off): a quarter em between Han characters
// and Latin letters or digits next to them (084: "C919机型", "B737和A320"). 38 Han and
// three Times New Roman digits fill 414.75 of 415.3 pt; the two spaces take it over.
TEST(DocxLayout, SpaceBetweenHanAndDigits) {
  const std::string text = han(37) + "919" + han(1);
  EXPECT_EQ(cn_pages(para(text) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(text, "<w:autoSpaceDN w:val=\"0\"/>") + kCnSect).lines, 1u);
  // "abc" is 14.6 pt: 413.6 without the spaces, 418.8 with them.
  EXPECT_EQ(cn_pages(para(han(37) + "abc" + han(1)) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(para(han(37) + "abc" + han(1), "<w:autoSpaceDE w:val=\"0\"/>") + kCnSect).lines, 1u);
}

// Chinese Word's default grid: single lines are one 15.6 pt grid line up to 小四 (12 pt);
// 四号 (14 pt) needs two; 1.5 lines is 1.5 grid lines, unless the font needs more.
TEST(DocxLayout, LineGridHeights) {
  auto body = [](int n, const std::string& ppr) {
    std::string b;
    for (int i = 0; i < n; ++i) b += para("字", ppr);
    return b;
  };
  // 697.9 pt of body: 44 grid lines.
  EXPECT_NEAR(cn_pages(body(44, "") + kCnSect).estimate, 1.0, 0.05);
  EXPECT_NEAR(cn_pages(body(44, "") + kCnSect, cn_styles("<w:rFonts w:eastAsia=\"宋体\"/><w:sz w:val=\"24\"/>")).estimate,
              1.0, 0.05);
  EXPECT_NEAR(cn_pages(body(22, "") + kCnSect, cn_styles("<w:rFonts w:eastAsia=\"宋体\"/><w:sz w:val=\"28\"/>")).estimate,
              1.0, 0.05);
  const std::string one_half = "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>";
  EXPECT_NEAR(cn_pages(body(29, one_half) + kCnSect).estimate, 1.0, 0.05);  // 23.4 pt a line
  EXPECT_NEAR(cn_pages(body(22, one_half) + kCnSect, cn_styles("<w:rFonts w:eastAsia=\"仿宋\"/><w:sz w:val=\"28\"/>")).estimate,
              1.0, 0.05);  // 31.2 pt a line
  // snapToGrid off: the font's own height (10.5 × 1.3).
  EXPECT_NEAR(cn_pages(body(51, "<w:snapToGrid w:val=\"0\"/>") + kCnSect).estimate, 1.0, 0.05);
}

// Report and thesis headings: keep with next moves a heading at the foot of a page to the
// next; widow control never leaves one line of a paragraph alone.
TEST(DocxLayout, KeepWithNextAndWidowControl) {
  std::string fill;
  for (int i = 0; i < 43; ++i) fill += para("字");
  const std::string heading = para("第一章", "<w:keepNext/>");
  const std::string text = para(han(39 * 3));
  const auto kept = cn_pages(fill + heading + text + kCnSect);
  const auto loose = cn_pages(fill + para("第一章") + text + kCnSect);
  EXPECT_NEAR(kept.estimate, 1.1, 0.05);   // heading and 3 lines on page 2
  EXPECT_NEAR(loose.estimate, 1.1, 0.05);  // heading on page 1, 3 lines on page 2
  // 42 lines, then a 3-line paragraph and two lines: without widow control two of its lines
  // fit on page 1 (42 + 2, then 1 + 2); with it the paragraph moves whole, since moving only
  // its last line back would leave its first line alone (42, then 3 + 2).
  std::string fill42;
  for (int i = 0; i < 42; ++i) fill42 += para("字");
  const std::string tail = para("字") + para("字");
  const auto widow = cn_pages(fill42 + para(han(39 * 3), "<w:widowControl/>") + tail + kCnSect);
  const auto no_widow = cn_pages(fill42 + para(han(39 * 3)) + tail + kCnSect);
  EXPECT_NEAR(widow.estimate, 1.2, 0.02);     // 5 lines (78 pt) on page 2
  EXPECT_NEAR(no_widow.estimate, 1.1, 0.02);  // 3 lines
  // Four lines split two and two under widow control (42 + 2, then 2 + 2).
  EXPECT_NEAR(cn_pages(fill42 + para(han(39 * 4), "<w:widowControl/>") + tail + kCnSect).estimate, 1.1, 0.02);
}

// A thesis heading (keep with next, 14 pt after) over a body paragraph with 14 pt before:
// the chain that must fit on the page spaces them as the page does, by the larger of the
// two (14 pt), not their sum. 40 lines leave 73.9 pt: the heading, 14 pt and the body's
// first two lines take 60.8 pt and stay; summed spacing (74.8 pt) moved the heading.
TEST(DocxLayout, KeepWithNextChainCollapsesSpacing) {
  std::string fill;
  for (int i = 0; i < 40; ++i) fill += para("字");
  const std::string heading = para("第一章", "<w:keepNext/><w:spacing w:after=\"280\"/>");
  const std::string body = para(han(39 * 4), "<w:widowControl/><w:spacing w:before=\"280\"/>");
  EXPECT_NEAR(cn_pages(fill + heading + body + kCnSect).estimate, 1.1, 0.02);  // 2 lines on page 2
  // With 20 pt before the body the chain is 66.8 pt and still fits; with 30 pt, 76.8 pt and
  // the heading moves (page 2: heading, 30 pt, 4 lines).
  const std::string body20 = para(han(39 * 4), "<w:widowControl/><w:spacing w:before=\"400\"/>");
  const std::string body30 = para(han(39 * 4), "<w:widowControl/><w:spacing w:before=\"600\"/>");
  EXPECT_NEAR(cn_pages(fill + heading + body20 + kCnSect).estimate, 1.1, 0.02);
  EXPECT_NEAR(cn_pages(fill + heading + body30 + kCnSect).estimate, 1.2, 0.02);
}

// Requirement specifications and test reports: long tables whose header row repeats on
// every page (tblHeader) take more room than the same table without.
TEST(DocxLayout, RepeatedHeaderRows) {
  auto table = [](bool header) {
    std::string t = "<w:tbl><w:tblGrid><w:gridCol w:w=\"4000\"/><w:gridCol w:w=\"4000\"/></w:tblGrid>";
    for (int r = 0; r < 120; ++r) {
      // The header row: three lines of column titles.
      t += "<w:tr>" + std::string(r == 0 && header ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + "<w:tc>" +
           para(r == 0 ? han(50) : "编号") + "</w:tc><w:tc>" + para("说明") + "</w:tc></w:tr>";
    }
    return t + "</w:tbl>";
  };
  const auto with = cn_pages(table(true) + kCnSect);
  const auto without = cn_pages(table(false) + kCnSect);
  EXPECT_GT(with.estimate, without.estimate);
  EXPECT_GT(without.estimate, 2.0);
}

// HTML-style auto spacing (text pasted from web pages): 14 pt, collapsing between two
// paragraphs, none between list items.
TEST(DocxLayout, AutoSpacingCollapses) {
  std::string web, plain;
  for (int i = 0; i < 20; ++i) {
    web += para("字", "<w:spacing w:beforeAutospacing=\"1\" w:afterAutospacing=\"1\"/>");
    plain += para("字", "<w:spacing w:before=\"280\" w:after=\"0\"/>");
  }
  EXPECT_NEAR(cn_pages(web + kCnSect).estimate, cn_pages(plain + kCnSect).estimate, 0.05);
}

// A page break at the end of a paragraph leaves its mark on the next page (an empty line).
TEST(DocxLayout, PageBreakInsideAParagraph) {
  const auto p = cn_pages("<w:p><w:r><w:t>正文</w:t><w:br w:type=\"page\"/></w:r></w:p>" + kCnSect);
  EXPECT_NEAR(p.estimate, 1.1, 0.05);
  EXPECT_EQ(p.lines, 2u);
}

// Footnotes take room at the foot of the page.
TEST(DocxLayout, FootnotesTakeRoom) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "<w:p><w:r><w:t>字</w:t></w:r><w:r><w:footnoteReference w:id=\"" + std::to_string(i + 1) + "\"/></w:r></w:p>";
  parts.body = body + kCnSect;
  for (int i = 0; i < 40; ++i)
    parts.footnotes += "<w:footnote w:id=\"" + std::to_string(i + 1) + "\">" + para("注释") + "</w:footnote>";
  const auto with = layout_of(parts);
  parts.footnotes.clear();
  const auto without = layout_of(parts);
  EXPECT_GT(with.estimate, without.estimate + 0.5);
}

// Endnotes (ECMA-376 17.11): at the default position, docEnd, the referenced notes follow the
// main text's last paragraph under a separator line; the separator and continuation-separator
// entries are not notes, and a note nothing refers to is not shown. WPS 12 does the same; WPS 11
// leaves them out (calibration 118/119 are saved at the page count of their main text alone).
TEST(DocxLayout, EndnotesFollowTheMainText) {
  auto layout = [](bool referenced, const std::string& application) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    std::string body;
    for (int i = 0; i < 20; ++i)
      body += "<w:p><w:r><w:t>字</w:t></w:r>" +
              (referenced && i < 10 ? "<w:r><w:endnoteReference w:id=\"" + std::to_string(i + 1) + "\"/></w:r>"
                                    : std::string()) +
              "</w:p>";
    parts.body = body + kCnSect;
    // Separator entries with five paragraphs each: laid out as one separator line, not as notes.
    std::string five;
    for (int k = 0; k < 5; ++k) five += para("");
    parts.endnotes = "<w:endnote w:type=\"separator\" w:id=\"-1\">" + five +
                     "</w:endnote><w:endnote w:type=\"continuationSeparator\" w:id=\"0\">" + five + "</w:endnote>";
    // Notes 1-10 (referenced) hold three one-line paragraphs; notes 11-20 nothing refers to.
    for (int i = 1; i <= 20; ++i)
      parts.endnotes += "<w:endnote w:id=\"" + std::to_string(i) + "\">" + para("注释") + para("注释") + para("注释") +
                        "</w:endnote>";
    if (!application.empty()) parts.app["Application"] = application;
    return layout_of(parts).estimate;
  };
  // 20 main lines of the 44 a page; then the separator and 30 note lines: 51 lines.
  const double notes = 31 * 15.6 / 697.9;
  EXPECT_NEAR(layout(true, "") - layout(false, ""), notes, 0.03);
  EXPECT_NEAR(layout(true, "Microsoft Office Word") - layout(false, "Microsoft Office Word"), notes, 0.03);
  EXPECT_GT(layout(true, ""), 1.0);
  EXPECT_NEAR(layout(true, "WPS Office_12.1.0.20305") - layout(false, "WPS Office_12.1.0.20305"), notes, 0.05);
  EXPECT_DOUBLE_EQ(layout(true, "WPS Office_11.1.0.14036"), layout(false, "WPS Office_11.1.0.14036"));
}

// With settings.xml's w:endnotePr/w:pos sectEnd (ECMA-376 17.11.22) a section's notes follow
// its own last paragraph, before the next section's page break; with docEnd they wait for the
// document's end. A reference in a table cell counts as one in a paragraph.
TEST(DocxLayout, EndnotesAtSectionEnd) {
  auto layout = [](const std::string& pos, bool in_table) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    const std::string ref = "<w:p><w:r><w:t>字</w:t></w:r><w:r><w:endnoteReference w:id=\"1\"/></w:r></w:p>";
    std::string body = in_table ? "<w:tbl><w:tblPr><w:tblW w:w=\"8000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>"
                                  "<w:gridCol w:w=\"8000\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"8000\" "
                                  "w:type=\"dxa\"/></w:tcPr>" + ref + "</w:tc></w:tr></w:tbl>"
                                : ref;
    for (int i = 0; i < 4; ++i) body += para("字");
    // The first section ends here (a next-page break); the second holds five lines.
    body += "<w:p><w:pPr>" + kCnSect + "</w:pPr></w:p>";
    for (int i = 0; i < 5; ++i) body += para("字");
    parts.body = body + kCnSect;
    std::string note;
    for (int k = 0; k < 30; ++k) note += para("注释");
    parts.endnotes = "<w:endnote w:type=\"separator\" w:id=\"-1\">" + para("") + "</w:endnote><w:endnote w:id=\"1\">" +
                     note + "</w:endnote>";
    if (!pos.empty()) parts.settings = "<w:endnotePr><w:pos w:val=\"" + pos + "\"/></w:endnotePr>";
    return layout_of(parts).estimate;
  };
  // docEnd: page 2 holds the second section's 5 lines, the separator and 30 note lines.
  EXPECT_NEAR(layout("", false), 1.0 + 36 * 15.6 / 697.9, 0.1);  // estimates come in tenths
  EXPECT_NEAR(layout("docEnd", false), layout("", false), 0.001);
  // sectEnd: the notes end page 1; page 2 holds only the second section.
  EXPECT_NEAR(layout("sectEnd", false), 1.0 + 5 * 15.6 / 697.9, 0.1);
  EXPECT_NEAR(layout("sectEnd", true), layout("sectEnd", false), 0.05);
  EXPECT_NEAR(layout("", true), layout("", false), 0.05);
}

// A vertically merged cell's text runs down the rows it spans; when it holds more than
// they do, the last of them grows (the interview and requirement forms with a merged
// first column: 8 lines of 10.5 pt in a cell spanning three one-line rows make the table
// 8 lines tall, not 3).
TEST(DocxLayout, VerticallyMergedCellStretchesItsLastRow) {
  auto table = [](int lines) {
    std::string first;
    for (int i = 0; i < lines; ++i) first += para("合并");
    auto row = [](const std::string& merge, const std::string& cell0) {
      return "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>" + merge + "</w:tcPr>" + cell0 +
             "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"6000\" w:type=\"dxa\"/></w:tcPr>" + para("一行") + "</w:tc></w:tr>";
    };
    return "<w:tbl><w:tblPr><w:tblW w:w=\"8000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/>"
           "<w:gridCol w:w=\"6000\"/></w:tblGrid>" + row("<w:vMerge w:val=\"restart\"/>", first) +
           row("<w:vMerge/>", para("")) + row("<w:vMerge/>", para("")) + "</w:tbl>" + para("");
  };
  std::string tall, short_;
  for (int i = 0; i < 5; ++i) tall += table(8), short_ += table(1);
  const double line = 10.5 * 1.3;
  EXPECT_NEAR(cn_pages(tall + kCnSect).estimate, 5 * (8 * line + 0.5 + 15.6) / 697.9, 0.06);
  EXPECT_NEAR(cn_pages(short_ + kCnSect).estimate, 5 * (3 * (line + 0.5) + 15.6) / 697.9, 0.1);
}

// A paragraph whose last content is a page break ends on the page the break ends in Word
// 2013 and later (compatibility mode 15, ECMA-376 splitPgBreakAndParaMark unset): its mark
// takes no line on the next page, and a paragraph of nothing but a page break stays on the
// page before it. Word 2010 files (mode 14) move the mark to a line of its own. Modelled on
// theses whose chapters end with an empty page-break paragraph.
TEST(DocxLayout, PageBreakAndItsParagraphMark) {
  auto with_mode = [](const std::string& body, const std::string& mode) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.body = body + kCnSect;
    parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                     "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"" + mode + "\"/></w:compat>";
    return layout_of(parts);
  };
  std::string lines, next;
  for (int i = 0; i < 43; ++i) lines += para("正文");  // 43 of the page's 44 grid lines
  for (int i = 0; i < 4; ++i) next += para("下一页");   // 4 lines: 0.09 of a page, 5: 0.11
  const std::string ending = "<w:p><w:r><w:t>末行</w:t><w:br w:type=\"page\"/></w:r></w:p>" + next;
  EXPECT_DOUBLE_EQ(with_mode(lines + ending, "15").estimate, 1.1);
  EXPECT_DOUBLE_EQ(with_mode(lines + ending, "14").estimate, 1.2);
  const std::string alone = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + next;
  EXPECT_DOUBLE_EQ(with_mode(lines + alone, "15").estimate, 1.1);
  EXPECT_DOUBLE_EQ(with_mode(lines + alone, "14").estimate, 1.2);
  // Either way the text after the break starts page 2.
  EXPECT_DOUBLE_EQ(with_mode(para("字") + alone, "15").estimate, 1.1);
}

// A page break that closes the document still makes its page in Word 2013 and later: the
// paragraph of nothing but that break, being the last, puts its mark on a new page (a
// course-design template whose last paragraph is a page break: Word saves one page more
// than its text fills).
TEST(DocxLayout, ClosingPageBreakMakesAPage) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  std::string text;
  for (int i = 0; i < 10; ++i) text += para("正文");
  parts.body = text + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + kCnSect;
  parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                   "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
  EXPECT_NEAR(layout_of(parts).estimate, 1.1, 0.05);
  // Followed by text, the break-only paragraph stays on the page before (as before).
  parts.body = text + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + para("下一页") + kCnSect;
  EXPECT_NEAR(layout_of(parts).estimate, 1.1, 0.05);
}

// Word: a page break (w:br) that starts a paragraph is a character on the page where the
// paragraph starts, so it ends that page even when nothing else is on it: a document whose
// first paragraph opens with the break (a cover of nothing but a floating text box, then the
// title: fresh-3 t163) has its text on page 2; so too a paragraph opening with a break right
// after a break-only paragraph. pageBreakBefore at the top of a page makes no page.
TEST(DocxLayout, LeadingPageBreakEndsEvenAnEmptyPage) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                   "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
  std::string text;  // 10 paragraphs: with the title 0.3 of a page
  for (int i = 0; i < 10; ++i) text += para("正文");
  const std::string opening = "<w:p><w:r><w:br w:type=\"page\"/><w:t>标题</w:t></w:r></w:p>";
  parts.body = opening + text + kCnSect;
  EXPECT_NEAR(layout_of(parts).estimate, 1.3, 0.05);
  parts.body = para("标题", "<w:pageBreakBefore/>") + text + kCnSect;
  EXPECT_NEAR(layout_of(parts).estimate, 0.3, 0.05);
  const std::string alone = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  parts.body = text + alone + opening + text + kCnSect;
  EXPECT_NEAR(layout_of(parts).estimate, 2.3, 0.05);
  parts.body = text + alone + para("标题", "<w:pageBreakBefore/>") + text + kCnSect;
  EXPECT_NEAR(layout_of(parts).estimate, 1.3, 0.05);
}

namespace {

// The layout of a Chinese-styled body in compatibility mode 15 as saved by `app`.
auto mode15_saved_by(const std::string& body, const std::string& app) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  parts.body = body + kCnSect;
  parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                   "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
  parts.app["Application"] = app;
  return layout_of(parts);
}

}  // namespace

// A chapter that ends with a paragraph of nothing but a page break and then an empty
// paragraph holding the section break (a thesis template's chapter ending, saved by WPS 11
// with compatibility mode 15): Word puts the lone section-break mark on a page of its own,
// so the next section starts a page later; WPS does not (its own table of contents puts
// every later chapter one page earlier than such a page allows), and the empty
// paragraph takes no room there.
TEST(DocxLayout, WpsSectionBreakAfterAPageBreakAddsNoPage) {
  const std::string mid_sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/>"
      "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  const auto saved_by = mode15_saved_by;
  const std::string wps = "WPS Office_11.1.0.14036_F1E327BC-269C-435d-A152-05C5408002CA";
  std::string chapter, next;
  for (int i = 0; i < 20; ++i) chapter += para("第一章正文");
  for (int i = 0; i < 4; ++i) next += para("第二章正文");  // 4 grid lines: 0.09 of a page
  const std::string brk = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  const std::string sect_mark = "<w:p><w:pPr>" + mid_sect + "</w:pPr></w:p>";
  EXPECT_DOUBLE_EQ(saved_by(chapter + brk + sect_mark + next, "Microsoft Office Word").estimate, 2.1);
  EXPECT_DOUBLE_EQ(saved_by(chapter + brk + sect_mark + next, wps).estimate, 1.1);
  // Without the page break, or when the section-break paragraph holds text, WPS breaks
  // as Word does.
  EXPECT_DOUBLE_EQ(saved_by(chapter + sect_mark + next, wps).estimate, 1.1);
  const std::string sect_text = "<w:p><w:pPr>" + mid_sect + "</w:pPr><w:r><w:t>完</w:t></w:r></w:p>";
  EXPECT_DOUBLE_EQ(saved_by(chapter + brk + sect_text + next, wps).estimate, 2.1);
  EXPECT_DOUBLE_EQ(saved_by(chapter + brk + sect_text + next, "Microsoft Office Word").estimate, 2.1);
}

namespace {
// The estimate of BODY (on the Chinese default page) as saved by APP in compatibility MODE.
double estimate_in_mode(const std::string& body, const std::string& app, int mode) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  parts.body = body + kCnSect;
  parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                   "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"" +
                   std::to_string(mode) + "\"/></w:compat>";
  parts.app["Application"] = app;
  return layout_of(parts).estimate;
}
}  // namespace

// A paragraph of nothing but a page break that ends its section itself (a WPS 12 report's
// table of contents ended so, compatibility mode 14): Word before mode 15 moves the mark to
// a page of its own after the break, and the next section starts on the page after that;
// WPS has no such page (its saved count and its contents' 37 entries), and the mark takes no
// room. With text before the break, or in mode 15 (the mark stays on the break's page),
// nothing changes.
TEST(DocxLayout, WpsPageBreakThatEndsItsSectionAddsNoPage) {
  const std::string mid_sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:pgNumType w:start=\"1\"/>"
      "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  const std::string wps = "WPS Office_12.1.0.18276_F1E327BC-269C-435d-A152-05C5408002CA";
  const std::string word = "Microsoft Office Word";
  std::string contents, next;
  for (int i = 0; i < 20; ++i) contents += para("目录条目");
  for (int i = 0; i < 4; ++i) next += para("第一章正文");  // 4 grid lines: 0.09 of a page
  const std::string brk_sect = "<w:p><w:pPr>" + mid_sect + "</w:pPr><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  EXPECT_DOUBLE_EQ(estimate_in_mode(contents + brk_sect + next, word, 14), 2.1);
  EXPECT_DOUBLE_EQ(estimate_in_mode(contents + brk_sect + next, wps, 14), 1.1);
  EXPECT_DOUBLE_EQ(estimate_in_mode(contents + brk_sect + next, wps, 15), 1.1);
  const std::string text_brk_sect =
      "<w:p><w:pPr>" + mid_sect + "</w:pPr><w:r><w:t>完</w:t><w:br w:type=\"page\"/></w:r></w:p>";
  // Text before the break: WPS keeps the mark on the break's page in every mode (Round 19,
  // t231), so mode 14 lays it out as Word's mode 15 does.
  EXPECT_DOUBLE_EQ(estimate_in_mode(contents + text_brk_sect + next, wps, 14),
                   estimate_in_mode(contents + text_brk_sect + next, word, 15));
}

// A paragraph of nothing but a page break at the foot of a full page (compatibility mode
// 15, where its mark ends on the page the break ends): in Word's model its line does not
// fit and opens a page that holds only the break; WPS gives it no room, so the text after
// it starts the next page (a thesis chapter whose last figure fills its page, saved by
// WPS 12: its saved count and its table of contents have no blank page there).
TEST(DocxLayout, WpsPageBreakParagraphAtAFullPageFootTakesNoRoom) {
  const auto saved_by = mode15_saved_by;
  const std::string wps = "WPS Office_12.1.0.17900_F1E327BC-269C-435d-A152-05C5408002CA";
  std::string full, part, next;
  for (int i = 0; i < 44; ++i) full += para("正文");  // the page's 44 grid lines
  for (int i = 0; i < 43; ++i) part += para("正文");  // one line left
  for (int i = 0; i < 4; ++i) next += para("下一页");  // 4 lines: 0.09 of a page
  const std::string alone = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  EXPECT_DOUBLE_EQ(saved_by(full + alone + next, "Microsoft Office Word").estimate, 2.1);
  EXPECT_DOUBLE_EQ(saved_by(full + alone + next, wps).estimate, 1.1);
  // With room for its line, or with text before the break, WPS breaks as Word does.
  EXPECT_DOUBLE_EQ(saved_by(part + alone + next, wps).estimate, 1.1);
  EXPECT_DOUBLE_EQ(saved_by(part + alone + next, "Microsoft Office Word").estimate, 1.1);
  const std::string with_text = "<w:p><w:r><w:t>末行</w:t><w:br w:type=\"page\"/></w:r></w:p>";
  EXPECT_DOUBLE_EQ(saved_by(full + with_text + next, wps).estimate, 2.1);
}

// WPS keeps a page break's paragraph mark on the page of the break in every compatibility
// mode (Word before mode 15 moves it to a line of its own on the next page): a cover that
// ends in a paragraph of nothing but a page break, in a 15 pt font with 7.8 pt before, then
// a full page of contents. Word's model opens the contents page with the mark's 39 pt and
// overfills it; WPS fits it (fresh-3 t231, WPS 11 in mode 12: every contents entry on WPS's
// page only so). And the page a break-only paragraph stands on at the top still holds its
// break, so a break after it starts a new page (fresh-3 t171: text ending in a page break,
// then two break-only paragraphs, the last closing the document: 28 pages saved).
TEST(DocxLayout, WpsKeepsPageBreakMarkOnItsPageInEveryMode) {
  const std::string wps = "WPS Office_11.1.0.8696_F1E327BC-269C-435d-A152-05C5408002CA";
  const std::string word = "Microsoft Office Word";
  std::string cover, contents, next;
  for (int i = 0; i < 10; ++i) cover += para("封面");
  for (int i = 0; i < 44; ++i) contents += para("目录条目");  // the page's 44 grid lines
  for (int i = 0; i < 4; ++i) next += para("引言");           // 4 lines: 0.09 of a page
  const std::string alone =
      "<w:p><w:pPr><w:spacing w:before=\"156\"/><w:rPr><w:sz w:val=\"30\"/></w:rPr></w:pPr>"
      "<w:r><w:rPr><w:sz w:val=\"30\"/></w:rPr><w:br w:type=\"page\"/></w:r></w:p>";
  const std::string doc = cover + alone + contents + next;
  EXPECT_DOUBLE_EQ(estimate_in_mode(doc, word, 12), 2.2);  // 3 lines over onto page 3
  EXPECT_DOUBLE_EQ(estimate_in_mode(doc, wps, 12), 2.1);
  EXPECT_DOUBLE_EQ(estimate_in_mode(doc, wps, 14), 2.1);
  EXPECT_DOUBLE_EQ(estimate_in_mode(doc, wps, 15), estimate_in_mode(doc, word, 15));
  // Text ending in a page break, then two break-only paragraphs: four pages, the last one
  // holding the closing paragraph's mark.
  const std::string plain_break = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
  const std::string tail = "<w:p><w:r><w:t>末行</w:t><w:br w:type=\"page\"/></w:r></w:p>" + plain_break + plain_break;
  EXPECT_GT(estimate_in_mode(cover + tail, wps, 14), 3.0);
  EXPECT_LT(estimate_in_mode(cover + tail, wps, 14), 4.0);
  // Three break-only paragraphs in a row between two texts: each break ends a page, so the
  // closing text is on page 4, in Word's mode 15 and in WPS alike (the second and third
  // once took no page of their own: 2 pages).
  const std::string three = cover + plain_break + plain_break + plain_break + next;
  for (const auto& [app, mode] : {std::pair{word, 15}, std::pair{wps, 14}, std::pair{wps, 15}}) {
    const double pages = estimate_in_mode(three, app, mode);
    EXPECT_GT(pages, 3.0) << app << " " << mode;
    EXPECT_LT(pages, 3.2) << app << " " << mode;
  }
}

// A keep-with-next chain is decided at its first paragraph. When every paragraph keeps with
// the next (a data dictionary whose entries are all in heading styles) the chain is longer
// than a page: Word fills each page to its foot, and the chain's last paragraphs do not move
// to a new page of their own because they alone would fit one.
TEST(DocxLayout, KeepWithNextChainLongerThanAPageFillsThePages) {
  std::string body;
  for (int i = 0; i < 50; ++i) body += para("条目", "<w:keepNext/>");  // 50 grid lines, 44 a page
  body += para("完");
  // Page 1 holds 44 lines, page 2 the other 7 (0.16 of a page); before, the last 44 moved
  // to page 2 together and page 1 kept 7.
  EXPECT_DOUBLE_EQ(cn_pages(body + kCnSect).estimate, 1.2);
  // A chain that fits a page still moves whole: a heading kept with its two-line paragraph.
  std::string fill;
  for (int i = 0; i < 43; ++i) fill += para("正文");
  const std::string heading = para("标题", "<w:keepNext/>");
  EXPECT_DOUBLE_EQ(cn_pages(fill + heading + heading + para(han(60)) + kCnSect).estimate, 1.1);
}

// A chain longer than a page that does not fit in the room left starts the next page when
// there is text above it on this one, and Word breaks it where that page fills (an outline
// of headings with no text between them; a heading over a picture taller than the room).
// Under nothing but an empty paragraph at the top of a page it stays where it is.
TEST(DocxLayout, KeepWithNextChainLongerThanAPageStartsTheNextPageUnderText) {
  std::string chain;
  for (int i = 0; i < 50; ++i) chain += para("条目", "<w:keepNext/>");
  chain += para("完");
  std::string text;
  for (int i = 0; i < 20; ++i) text += para("正文");
  // Page 1: the 20 lines of text; page 2: 44 lines of the chain; page 3: its last 7.
  EXPECT_DOUBLE_EQ(cn_pages(text + chain + kCnSect).estimate, 2.2);
  // Under one empty paragraph: page 1 holds it and 43 lines of the chain, page 2 the other 8.
  EXPECT_DOUBLE_EQ(cn_pages("<w:p/>" + chain + kCnSect).estimate, 1.2);
}

namespace {

// The sectPr of a section ending inside the body (A4, the 312-twip line grid).
const std::string kMidSect =
    "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
    "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
    "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";

// A cover page of 44 grid lines (11.5 pt left), then `mark`, then 4 lines (0.09 of a page).
std::string cover_then(const std::string& mark) {
  std::string cover, next;
  for (int i = 0; i < 44; ++i) cover += para("封面");
  for (int i = 0; i < 4; ++i) next += para("正文");
  return cover + mark + next;
}

}  // namespace

// Word makes no page for the lone mark of a section break: an empty paragraph holding its
// section's sectPr that does not fit at the foot of a full page stays on that page, and the
// next section starts the next page (a cover page filled to its last grid line and closed by
// its section-break paragraph: Word's page marks put the next section on page 2).
TEST(DocxLayout, SectionBreakMarkStaysOnAFullPage) {
  auto build = [](const std::string& type, const std::string& mark_text, const std::string& app) {
    // A section's w:type says how it starts: the second section's is in the body's sectPr.
    const std::string mark = "<w:p><w:pPr>" + kMidSect + "</w:pPr>" +
                             (mark_text.empty() ? "" : "<w:r><w:t>" + mark_text + "</w:t></w:r>") + "</w:p>";
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    std::string last_sect = kCnSect;
    if (!type.empty()) last_sect.insert(std::string("<w:sectPr>").size(), "<w:type w:val=\"" + type + "\"/>");
    parts.body = cover_then(mark) + last_sect;
    parts.app["Application"] = app;
    return layout_of(parts).estimate;
  };
  const std::string word = "Microsoft Office Word";
  EXPECT_DOUBLE_EQ(build("", "", word), 1.1);            // next page: the text starts page 2
  EXPECT_DOUBLE_EQ(build("continuous", "", word), 1.1);  // continuous: likewise
  // A section-break paragraph with text takes its line on the next page.
  EXPECT_DOUBLE_EQ(build("", "完", word), 2.1);
  EXPECT_DOUBLE_EQ(build("continuous", "完", word), 1.2);
}

// The lone mark of a section break stays at the page foot whatever its keep properties: an
// empty heading paragraph (keep with next, keep lines together, space before) that holds the
// sectPr after a full page starts no keep chain and makes no page (fresh-2 r115: a one-page
// form closed by an empty heading-1 paragraph with 20 pt left for its 45 pt; Word saved 79
// pages, wenfeng 80.3 before, 79.3 after).
TEST(DocxLayout, SectionBreakMarkWithKeepsStaysOnAFullPage) {
  auto build = [](const std::string& keeps) {
    const std::string mark = "<w:p><w:pPr>" + keeps + "<w:spacing w:before=\"180\" w:after=\"180\"/>" + kMidSect +
                             "</w:pPr></w:p>";
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.body = cover_then(mark) + kCnSect;
    parts.app["Application"] = "Microsoft Office Word";
    return layout_of(parts).estimate;
  };
  EXPECT_DOUBLE_EQ(build(""), 1.1);
  EXPECT_DOUBLE_EQ(build("<w:keepNext/>"), 1.1);
  EXPECT_DOUBLE_EQ(build("<w:keepLines/>"), 1.1);
  EXPECT_DOUBLE_EQ(build("<w:keepNext/><w:keepLines/>"), 1.1);
}

// Word drops the space before of the first paragraph on a page that a section break starts,
// as on a page an automatic break starts; a page break keeps it. A second section whose
// heading has 20 pt before and 44 grid lines of text (686.4 of the 697.9 pt body) fills its
// page in Word; with the 20 pt its last line would need a third page (fresh-2 r115's
// chapters, each a next-page section under a heading with 9 pt before). WPS keeps the space.
TEST(DocxLayout, SectionStartDropsTheSpaceBefore) {
  auto build = [](bool section_break, const std::string& app) {
    std::string body = para("封面");
    std::string heading_ppr = "<w:spacing w:before=\"400\"/>";
    if (section_break) body += "<w:p><w:pPr>" + kCnSect + "</w:pPr></w:p>";
    else heading_ppr = "<w:pageBreakBefore/>" + heading_ppr;
    body += para("第一章", heading_ppr);
    for (int i = 0; i < 43; ++i) body += para("正文");
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.body = body + kCnSect;
    parts.app["Application"] = app;
    return layout_of(parts).estimate;
  };
  const std::string word = "Microsoft Office Word";
  EXPECT_DOUBLE_EQ(build(true, word), 2.0);    // next-page section: no space at the page top
  EXPECT_DOUBLE_EQ(build(false, word), 2.1);   // page break: the 20 pt stays
  EXPECT_DOUBLE_EQ(build(true, "WPS Office_11.1.0.9740"), 2.1);
}

// On a line grid a picture's line is the picture on whole grid lines: 1.5 line spacing
// adds nothing to it (a cover page of two large pictures in 1.5-spaced 三号 paragraphs fits
// one page in Word: 2 × 22 grid lines of 15.6 pt; the picture plus half a 三号 line each
// would not).
TEST(DocxLayout, PictureLineOnTheGridIgnoresTheSpacingMultiple) {
  const std::string picture =
      "<w:p><w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:rPr><w:sz w:val=\"32\"/></w:rPr></w:pPr>"
      "<w:r><w:rPr><w:sz w:val=\"32\"/></w:rPr><w:drawing><wp:inline><wp:extent cx=\"4318000\" cy=\"4318000\"/>"
      "</wp:inline></w:drawing></w:r></w:p>";
  EXPECT_NEAR(cn_pages(picture + picture + kCnSect).estimate, 2 * 22 * 15.6 / 697.9, 0.05);
  EXPECT_LE(cn_pages(picture + picture + kCnSect).estimate, 1.0);
}

// Pictures turned a quarter (landscape screenshots in reports) stand on their width.
TEST(DocxLayout, RotatedPictures) {
  auto picture = [](const char* rot) {
    return "<w:p><w:r><w:drawing><wp:inline><wp:extent cx=\"5000000\" cy=\"2000000\"/><a:graphic><a:graphicData>"
           "<pic:pic><pic:spPr><a:xfrm" + std::string(rot) + "><a:ext cx=\"5000000\" cy=\"2000000\"/></a:xfrm></pic:spPr>"
           "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
  };
  EXPECT_GT(cn_pages(picture(" rot=\"5400000\"") + kCnSect).estimate, cn_pages(picture("") + kCnSect).estimate + 0.2);
}

// Report templates start the body in an odd-page section after the cover and contents.
// Word prints a blank page there when the body would start on an even page, but its page
// count (and print layout) has none, so neither has the estimate.
TEST(DocxLayout, OddPageSectionAddsNoBlankPage) {
  const std::string first = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" "
                            "w:bottom=\"1440\" w:left=\"1800\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  const std::string odd = "<w:sectPr><w:type w:val=\"oddPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar "
                          "w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\"/>"
                          "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  std::string body;
  for (int i = 0; i < 3; ++i) body += para("封面");
  body += para("", first);
  for (int i = 0; i < 5; ++i) body += para("正文" + han(20));
  const auto p = cn_pages(body + odd);
  EXPECT_GT(p.estimate, 1.0);
  EXPECT_LE(p.estimate, 1.2);
}

// Numbered headings with HTML auto spacing (a "heading 2" pasted from a web page, numbered
// by the outline list) keep their 14 pt before and after between body paragraphs; only
// two neighbouring items of one list lose it.
TEST(DocxLayout, AutoSpacingOfNumberedHeadings) {
  wenfeng::testing::DocxParts parts;
  const std::string h2 = "<w:style w:type=\"paragraph\" w:styleId=\"21\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/>"
                         "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:before=\"100\" "
                         "w:beforeAutospacing=\"1\" w:after=\"100\" w:afterAutospacing=\"1\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
                         "<w:rPr><w:sz w:val=\"21\"/></w:rPr></w:style>";
  parts.styles = cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
                           "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>", h2);
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%2\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  auto body = [&](bool alternate) {
    std::string b;
    for (int i = 0; i < 10; ++i) {
      b += para("小节", "<w:pStyle w:val=\"21\"/>");
      if (alternate) b += para("正文");
    }
    return b + kCnSect;
  };
  parts.body = body(true);
  const auto apart = layout_of(parts);
  parts.body = body(false);
  const auto together = layout_of(parts);
  // Apart: 20 lines of 15.6 pt and 10 × 28 pt of spacing; together: 10 lines, no spacing
  // between the items (14 pt before the first and after the last only).
  EXPECT_NEAR(apart.estimate, (20 * 15.6 + 10 * 28) / 697.9, 0.06);
  EXPECT_NEAR(together.estimate, (10 * 15.6 + 28) / 697.9, 0.06);
}

// Software documents set 16.8 pt before and after every paragraph: between two paragraphs
// Word leaves the larger of the two, not their sum (seen in Word's page breaks).
TEST(DocxLayout, SpaceBetweenParagraphsIsTheLargerNotTheSum) {
  std::string body;
  for (int i = 0; i < 20; ++i) body += para("字", "<w:spacing w:before=\"336\" w:after=\"240\"/>");
  // 20 lines of 15.6 pt, 16.8 pt before the first, 19 gaps of 16.8, 12 pt after the last.
  EXPECT_NEAR(cn_pages(body + kCnSect).estimate, (20 * 15.6 + 16.8 + 19 * 16.8 + 12) / 697.9, 0.06);
}

// Word 2016's Chinese default font is 等线, a little taller than 宋体: Word sizes a line by
// the faces on it, so 小四 text in 等线 needs two lines of the 15.6 pt grid whether it is
// Chinese or digits, and so does a 小四 黑体 line with 等线 digits in it (the pattern of a
// requirements document whose Latin font is the theme's 等线); 小四 宋体 needs one.
TEST(DocxLayout, DengXianNeedsTwoGridLinesAtXiaoSiWhateverTheScript) {
  std::string chinese, digits, mixed, plain;
  for (int i = 0; i < 22; ++i) chinese += para("等线正文");
  for (int i = 0; i < 22; ++i) digits += para("2024");
  for (int i = 0; i < 22; ++i) mixed += para("第2步 登录系统");
  for (int i = 0; i < 22; ++i) plain += para("第二步：登录系统");
  const auto dengxian = cn_styles("<w:rFonts w:ascii=\"等线\" w:eastAsia=\"等线\"/><w:sz w:val=\"24\"/>");
  EXPECT_NEAR(cn_pages(chinese + kCnSect, dengxian).estimate, 1.0, 0.05);
  EXPECT_NEAR(cn_pages(digits + kCnSect, dengxian).estimate, 1.0, 0.05);
  const auto heiti = cn_styles("<w:rFonts w:ascii=\"等线\" w:eastAsia=\"黑体\"/><w:sz w:val=\"24\"/>");
  EXPECT_NEAR(cn_pages(mixed + kCnSect, heiti).estimate, 1.0, 0.05);
  EXPECT_NEAR(cn_pages(plain + kCnSect, heiti).estimate, 0.5, 0.05);
  EXPECT_NEAR(cn_pages(chinese + kCnSect, cn_styles("<w:rFonts w:eastAsia=\"宋体\"/><w:sz w:val=\"24\"/>")).estimate, 0.5,
              0.05);
}

// A list label is set in the paragraph mark's fonts with the numbering level's w:rPr over
// them: a Wingdings bullet in front of 小四 宋体 text whose mark's Latin font is 等线 leaves
// the line one grid line tall, while a decimal label in the mark's 等线 takes two.
TEST(DocxLayout, BulletIsSetInItsLevelsFont) {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles("<w:rFonts w:ascii=\"等线\" w:hAnsi=\"等线\" w:eastAsia=\"宋体\"/><w:sz w:val=\"24\"/>");
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>"
      "<w:lvlText w:val=\"\xEF\x81\xAC\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr>"
      "<w:rPr><w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\" w:hint=\"default\"/></w:rPr></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"420\" w:hanging=\"420\"/></w:pPr>"
      "</w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
  auto items = [](int num_id) {
    std::string b;
    for (int i = 0; i < 22; ++i)
      b += para("提高工作效率", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr>");
    return b + kCnSect;
  };
  parts.body = items(1);
  EXPECT_NEAR(layout_of(parts).estimate, 22 * 15.6 / 697.9, 0.05);
  parts.body = items(2);
  EXPECT_NEAR(layout_of(parts).estimate, 22 * 31.2 / 697.9, 0.05);
}

// Segoe UI (text pasted from a web page keeps it) is taller than Arial: its ascent and
// descent are 2210 + 514 of 2048 units, 1.33 em, so 小四 (12 pt) Latin text in it needs
// 15.96 pt and takes two lines of the 15.6 pt grid, where 11.5 pt (15.3 pt) still takes one
// and Arial's 12 pt (13.8 pt) one.
TEST(DocxLayout, SegoeUiNeedsTwoGridLinesAtXiaoSi) {
  std::string latin;
  for (int i = 0; i < 22; ++i) latin += para("Git, GitHub");
  auto in = [](const std::string& font, int half_points) {
    return cn_styles("<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"宋体\"/><w:sz w:val=\"" +
                     std::to_string(half_points) + "\"/>");
  };
  EXPECT_NEAR(cn_pages(latin + kCnSect, in("Segoe UI", 24)).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(latin + kCnSect, in("Segoe UI", 23)).estimate, 22 * 15.6 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(latin + kCnSect, in("Arial", 24)).estimate, 22 * 15.6 / 697.9, 0.05);
}

// Word sets a line that mixes faces as tall as the largest ascent plus the largest descent
// of its characters' faces, not as its tallest face: Segoe UI's Latin letters (1.079 em above
// the baseline) with 宋体's Chinese (0.291 em below it) make 1.37 em, 15.76 pt at 11.5 pt,
// two lines of the 15.6 pt grid, where either face alone (15.3 and 14.95 pt) takes one.
// Times New Roman (0.934 / 0.216) with 宋体 stays at 宋体's 1.3 em: one line at 小四.
TEST(DocxLayout, MixedFacesLineIsMaxAscentPlusMaxDescent) {
  auto in = [](const std::string& font, int half_points) {
    return cn_styles("<w:rFonts w:ascii=\"" + font + "\" w:hAnsi=\"" + font + "\" w:eastAsia=\"宋体\"/><w:sz w:val=\"" +
                     std::to_string(half_points) + "\"/>");
  };
  auto body = [](const std::string& text) {
    std::string b;
    for (int i = 0; i < 22; ++i) b += para(text);
    return b + kCnSect;
  };
  EXPECT_NEAR(cn_pages(body("Git 仓库"), in("Segoe UI", 23)).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(body("Git"), in("Segoe UI", 23)).estimate, 22 * 15.6 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(body("仓库"), in("Segoe UI", 23)).estimate, 22 * 15.6 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(body("Git 仓库"), in("Times New Roman", 24)).estimate, 22 * 15.6 / 697.9, 0.05);
  // 12 pt Courier New (descent 0.297 em) with 宋体 (ascent 1.009 em) is 15.67 pt: two grid
  // lines, by 0.06 pt (a thesis's code listing with Chinese comments, where Word's page
  // marks break the page exactly where two lines a comment leave no room).
  EXPECT_NEAR(cn_pages(body("/*登录*/"), in("Courier New", 24)).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(body("/**/"), in("Courier New", 24)).estimate, 22 * 15.6 / 697.9, 0.05);
}

// A font the saving Word did not have is laid out in the font it put in its place: Word
// 2010 without Office 2016's fonts writes 等线's font-table entry with no panose and the
// substitute as its altName (Arial Unicode MS), and its 五号 lines take two lines of the
// 15.6 pt grid. An entry with a panose is an installed font, and a Chinese font does not
// turn into a substitute without Chinese characters.
TEST(DocxLayout, MissingFontIsLaidOutInItsSubstitute) {
  std::string body;
  for (int i = 0; i < 22; ++i) body += para("等线正文");
  const auto dengxian = cn_styles("<w:rFonts w:ascii=\"等线\" w:eastAsia=\"等线\"/><w:sz w:val=\"21\"/>");
  auto with_fonts = [&](const std::string& styles_xml, const std::string& fonts) {
    wenfeng::testing::DocxParts parts;
    parts.styles = styles_xml;
    parts.body = body + kCnSect;
    parts.fonts = fonts;
    return layout_of(parts).estimate;
  };
  const std::string missing =
      "<w:font w:name=\"等线\"><w:altName w:val=\"Arial Unicode MS\"/><w:charset w:val=\"86\"/>"
      "<w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>";
  const std::string installed =
      "<w:font w:name=\"等线\"><w:altName w:val=\"DengXian\"/><w:panose1 w:val=\"02010600030101010101\"/>"
      "<w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>";
  EXPECT_NEAR(with_fonts(dengxian, ""), 0.5, 0.05);
  EXPECT_NEAR(with_fonts(dengxian, installed), 0.5, 0.05);
  EXPECT_NEAR(with_fonts(dengxian, missing), 1.0, 0.05);
  const auto fangsong = cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋_GB2312\"/><w:sz w:val=\"21\"/>");
  const std::string latin_substitute =
      "<w:font w:name=\"仿宋_GB2312\"><w:altName w:val=\"Times New Roman\"/><w:charset w:val=\"86\"/></w:font>";
  EXPECT_NEAR(with_fonts(fangsong, latin_substitute), with_fonts(fangsong, ""), 1e-9);
}

// 微软雅黑's Chinese characters are taller in Word than the font's 1.32 em: 五号 (10.5 pt)
// text in it takes two lines of the 15.6 pt grid (a design document's pseudo-code tables in
// 五号 微软雅黑: Word's pages hold 21 such lines, not 44), while its digits and an empty
// paragraph's mark take one (an empty 五号 微软雅黑 paragraph between two tables).
TEST(DocxLayout, YaHeiChineseNeedsTwoGridLinesAtWuHao) {
  std::string chinese, digits, empty;
  for (int i = 0; i < 22; ++i) chinese += para("显示投票标题");
  for (int i = 0; i < 22; ++i) digits += para("2024 10:30");
  for (int i = 0; i < 22; ++i) empty += "<w:p/>";
  const auto yahei = cn_styles("<w:rFonts w:ascii=\"微软雅黑\" w:eastAsia=\"微软雅黑\" w:hAnsi=\"微软雅黑\"/><w:sz w:val=\"21\"/>");
  EXPECT_NEAR(cn_pages(chinese + kCnSect, yahei).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(digits + kCnSect, yahei).estimate, 22 * 15.6 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(empty + kCnSect, yahei).estimate, 22 * 15.6 / 697.9, 0.05);
  // On a 19.35 pt grid 11 pt Chinese in it (18.9 pt) still takes one line, 小四 (20.6) two.
  const std::string wide_pitch =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:docGrid w:type=\"lines\" w:linePitch=\"387\"/></w:sectPr>";
  auto sized = [](int half_points) {
    return cn_styles("<w:rFonts w:ascii=\"微软雅黑\" w:eastAsia=\"微软雅黑\"/><w:sz w:val=\"" + std::to_string(half_points) + "\"/>");
  };
  std::string eighteen;
  for (int i = 0; i < 18; ++i) eighteen += para("性能分析");
  EXPECT_NEAR(cn_pages(eighteen + wide_pitch, sized(22)).estimate, 18 * 19.35 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(eighteen + wide_pitch, sized(24)).estimate, 18 * 38.7 / 697.9, 0.05);
}

// Without a grid 微软雅黑's Chinese line is 1.3 times the face's 1.32 em, 1.716 (fresh-3
// t239: 11 pt at 1.2 lines, Word's pages hold 28-30 lines, not the 33 of 1.55 em), and a
// line of its digits keeps 1.32.
TEST(DocxLayout, YaHeiChineseLineIsThirteenTenthsOfItsBox) {
  std::string chinese, digits;
  for (int i = 0; i < 30; ++i) chinese += para("需要先明确地址和商圈");
  for (int i = 0; i < 30; ++i) digits += para("2024 10:30");
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" w:bottom=\"1440\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>";
  const auto yahei = cn_styles("<w:rFonts w:ascii=\"微软雅黑\" w:eastAsia=\"微软雅黑\" w:hAnsi=\"微软雅黑\"/><w:sz w:val=\"22\"/>");
  auto tenths = [](double pages) { return std::ceil(pages * 10 - 1e-9) / 10; };
  EXPECT_DOUBLE_EQ(cn_pages(chinese + sect, yahei).estimate, tenths(30 * 11 * 1.716 / 697.9));  // 0.9 (0.8 at 1.55)
  EXPECT_DOUBLE_EQ(cn_pages(digits + sect, yahei).estimate, tenths(30 * 11 * 1.32 / 697.9));
}

// HarmonyOS Sans SC (1056 / 271 of 1000, 1.327 em) is set at 1.3 times that in Word, 1.725
// em, like 宋体's 1.0 em box at 1.3: 五号 text in it, Chinese or Latin, and its empty
// paragraphs take two lines of the 15.6 pt grid (fresh-3 t257: Word's pages hold 9 and 15
// text lines with 6 and 5 empty paragraphs). Unknown, it was set as Times New Roman: one.
TEST(DocxLayout, HarmonyOsSansNeedsTwoGridLinesAtWuHao) {
  std::string chinese, latin, empty;
  for (int i = 0; i < 22; ++i) chinese += para("概要设计说明书");
  for (int i = 0; i < 22; ++i) latin += para("BIBMS MySQL");
  for (int i = 0; i < 22; ++i) empty += "<w:p/>";
  const auto hos = cn_styles(
      "<w:rFonts w:ascii=\"HarmonyOS Sans SC\" w:eastAsia=\"HarmonyOS Sans SC\" w:hAnsi=\"HarmonyOS Sans SC\"/>"
      "<w:sz w:val=\"21\"/>");
  EXPECT_NEAR(cn_pages(chinese + kCnSect, hos).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(latin + kCnSect, hos).estimate, 22 * 31.2 / 697.9, 0.05);
  EXPECT_NEAR(cn_pages(empty + kCnSect, hos).estimate, 22 * 31.2 / 697.9, 0.05);
  // 小五 (9 pt, 15.5 pt) still takes one.
  const auto small = cn_styles("<w:rFonts w:ascii=\"HarmonyOS Sans SC\" w:eastAsia=\"HarmonyOS Sans SC\"/><w:sz w:val=\"18\"/>");
  EXPECT_NEAR(cn_pages(chinese + kCnSect, small).estimate, 22 * 15.6 / 697.9, 0.05);
}

// Table rows whose paragraphs keep with next stay with the next row (Word's way of keeping a
// table together), and a heading kept with such a table goes to the next page with all of
// it, not with its first row only (a design document's data dictionary: headings over small
// tables whose cells are set in a heading style).
TEST(DocxLayout, RowsKeptWithNextMoveTogether) {
  std::string filler;
  for (int i = 0; i < 36; ++i) filler += para("正文");  // 561.6 of 697.9 pt
  auto table = [](int rows, bool keep) {
    std::string t = "<w:tbl><w:tblPr><w:tblW w:w=\"8000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"8000\"/></w:tblGrid>";
    for (int r = 0; r < rows; ++r)
      t += "<w:tr><w:tc>" + para("字段", keep && r + 1 < rows ? "<w:keepNext/>" : "") + "</w:tc></w:tr>";
    return t + "</w:tbl>";
  };
  // 20 rows and the paragraph after them are more than the 136 pt left on page 1: kept
  // together they all start page 2 (about 1.5 pages), loose they fill page 1 (about 1.3).
  const std::string heading = para("标题", "<w:keepNext/>");
  const double kept = cn_pages(filler + table(20, true) + para("表后") + kCnSect).estimate;
  const double loose = cn_pages(filler + table(20, false) + para("表后") + kCnSect).estimate;
  EXPECT_GE(kept - loose, 0.15) << kept << " " << loose;
  EXPECT_GE(kept, 1.4);
  // A heading kept with such a table goes with all of it, not with its first row only.
  const double headed = cn_pages(filler + heading + table(20, true) + para("表后") + kCnSect).estimate;
  const double headed_loose = cn_pages(filler + heading + table(20, false) + para("表后") + kCnSect).estimate;
  EXPECT_GE(headed - headed_loose, 0.15) << headed << " " << headed_loose;
  EXPECT_NEAR(headed, kept + 15.6 / 697.9, 0.06);
}

// A tab does not make its line taller: 小四 黑体 lines that start with a tab in the 等线
// Latin font stay on one grid line (the form lines of the same requirements documents).
TEST(DocxLayout, TabDoesNotRaiseTheLine) {
  std::string tabbed;
  for (int i = 0; i < 22; ++i) tabbed += "<w:p><w:r><w:tab/></w:r><w:r><w:t>前置条件：登录后</w:t></w:r></w:p>";
  const auto heiti = cn_styles("<w:rFonts w:ascii=\"等线\" w:eastAsia=\"黑体\"/><w:sz w:val=\"24\"/>");
  EXPECT_NEAR(cn_pages(tabbed + kCnSect, heiti).estimate, 0.5, 0.05);
}

// The third case of the issue: a report on Chinese Word's default page (lines grid, pitch
// 15.6 pt) with a table of contents (a TOC field whose result is what is laid out), a page
// break, a Heading 1 as Chinese Word defines it (22 pt, 17 pt before, 16.5 pt after, 2.41
// lines), a table and body text. By hand: page 1 holds 10 contents lines (156 pt); page 2
// 17 + 2.41 × 15.6 + 16.5 for the heading, 10 rows of 10.5 × 1.3 pt text (rows do not
// snap to the grid without adjustLineHeightInTable; the table has no borders), and 20 body lines.
TEST(DocxLayout, LinesGridReportWithContentsHeadingsAndTable) {
  const std::string h1 =
      "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/><w:pPr><w:keepNext/>"
      "<w:keepLines/><w:spacing w:before=\"340\" w:after=\"330\" w:line=\"578\" w:lineRule=\"auto\"/><w:outlineLvl w:val=\"0\"/>"
      "</w:pPr><w:rPr><w:b/><w:sz w:val=\"44\"/></w:rPr></w:style>";
  std::string body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o "
                     "\"1-3\" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                     "<w:r><w:t>第一章 总则</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>1</w:t></w:r></w:p>";
  for (int i = 2; i <= 9; ++i) body += para("第" + std::to_string(i) + "章 分则\t" + std::to_string(i));
  body += "<w:p><w:r><w:t>附录</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>10</w:t></w:r><w:r><w:fldChar "
          "w:fldCharType=\"end\"/></w:r></w:p>";
  body += "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:pageBreakBefore/></w:pPr><w:r><w:t>第一章 总则</w:t></w:r></w:p>";
  body += "<w:tbl><w:tblPr><w:tblW w:w=\"8300\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4150\"/>"
          "<w:gridCol w:w=\"4150\"/></w:tblGrid>";
  for (int r = 0; r < 10; ++r)
    body += "<w:tr><w:tc>" + para("项目" + std::to_string(r)) + "</w:tc><w:tc>" + para("说明") + "</w:tc></w:tr>";
  body += "</w:tbl>";
  for (int i = 0; i < 20; ++i) body += para(han(30), "<w:ind w:firstLineChars=\"200\"/>");
  const auto p = cn_pages(body + kCnSect, cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
                                                    "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>", h1));
  const double page2 = 17 + 578 / 240.0 * 15.6 + 16.5 + 10 * (10.5 * 1.3) + 20 * 15.6;
  EXPECT_NEAR(p.estimate, 1 + page2 / 697.9, 0.06);
  EXPECT_EQ(std::ceil(p.estimate), 2);
}

// WPS sizes a line by the larger of a run's size and its complex-script size (w:szCs), so
// text whose szCs is larger than its size needs more grid lines there than in Word. The
// pattern of WPS 12 reports written from its default template: theme fonts (minorHAnsi /
// minorEastAsia, an empty a:ea with 宋体 for Hans), 小四 body runs with w:hint="eastAsia"
// and szCs 16 pt, on Chinese Word's default lines grid. Word: one grid line each (12 × 1.3
// = 15.6 pt); WPS: 16 × 1.3 = 20.8 pt, two grid lines. The model follows docProps/app.xml.
TEST(DocxLayout, WpsSizesLinesByTheComplexScriptSizeToo) {
  const std::string run_rpr = "<w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"32\"/>"
                              "<w:lang w:eastAsia=\"zh-CN\"/></w:rPr>";
  std::string body;
  for (int i = 0; i < 22; ++i)
    body += "<w:p w:rsidR=\"00A1B2C3\"><w:pPr>" + run_rpr + "</w:pPr><w:r>" + run_rpr +
            "<w:t>系统启动后显示登录窗口。</w:t></w:r></w:p>";  // Word's revision ids: Word wrote it
  const std::string wps_styles =
      "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\" "
      "w:eastAsiaTheme=\"minorEastAsia\" w:cstheme=\"minorBidi\"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"1\"><w:name w:val=\"Normal\"/><w:pPr><w:widowControl "
      "w:val=\"0\"/><w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\" w:hAnsiTheme=\"minorHAnsi\" "
      "w:eastAsiaTheme=\"minorEastAsia\" w:cstheme=\"minorBidi\"/><w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs "
      "w:val=\"24\"/></w:rPr></w:style>";
  auto as_saved_by = [&](const std::string& app) {
    wenfeng::testing::DocxParts parts;
    parts.styles = wps_styles;
    parts.body = body + kCnSect;
    parts.app["Application"] = app;
    parts.app["Pages"] = "1";
    return layout_of(parts);
  };
  const auto word = as_saved_by("Microsoft Office Word");
  EXPECT_EQ(word.model, "word-layout");
  EXPECT_NEAR(word.estimate, 22 * 15.6 / 697.9, 0.06);
  const auto wps = as_saved_by("WPS Office_12.1.0.17900_F1E327BC-269C-435d-A152-05C5408002CA");
  EXPECT_EQ(wps.model, "wps-layout");
  EXPECT_NE(wps.method.find("WPS"), std::string::npos);
  EXPECT_NEAR(wps.estimate, 22 * 31.2 / 697.9, 0.06);
  // count names the model beside the estimate when it is not Word's, and the saved value.
  EXPECT_EQ(layout::saved_note(word), "（Word 保存 1 页）");
  EXPECT_EQ(layout::saved_note(wps), "（按 WPS 版式；WPS 保存 1 页）");
  // One lookup of the application for the model and the note: Word for Mac is Word, other
  // applications save a page count of their own, named neutrally.
  EXPECT_EQ(layout::application_kind("Microsoft Macintosh Word"), "Word");
  EXPECT_EQ(layout::application_kind("WPS Office_11.1.0.9999"), "WPS");
  EXPECT_EQ(layout::application_kind("Tencent 3.3"), "");
  auto other = word;
  other.saved_by = "Tencent 3.3";
  EXPECT_EQ(layout::saved_note(other), "（文档保存 1 页）");
  other.saved_stale = true;
  EXPECT_EQ(layout::saved_note(other), "");
}

// Where a run or style sets w:szCs without w:sz, WPS keeps the size the text had for the
// line height. The pattern of WPS-saved tables of contents (fresh 109): the entries' runs
// carry szCs 16 pt and no sz over a 小四 style. WPS's own marks of where each entry sits
// agree with one 15.6 pt grid line an entry, not the two a 16 pt szCs would need.
TEST(DocxLayout, WpsIgnoresAComplexScriptSizeSetWithoutASize) {
  auto entries = [](const std::string& run_rpr) {
    std::string body;
    for (int i = 0; i < 22; ++i)
      body += "<w:p><w:r><w:rPr>" + run_rpr + "</w:rPr><w:t>第" + std::to_string(i + 1) + "节 系统设计</w:t></w:r></w:p>";
    return body;
  };
  const std::string normal = "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>";
  auto wps_pages = [&](const std::string& run_rpr) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles(normal);
    parts.body = entries(run_rpr) + kCnSect;
    parts.app["Application"] = "WPS Office_11.1.0.11194_F1E327BC-269C-435d-A152-05C5408002CA";
    return layout_of(parts).estimate;
  };
  // szCs alone: one grid line an entry, as without it.
  EXPECT_NEAR(wps_pages("<w:szCs w:val=\"32\"/>"), 22 * 15.6 / 697.9, 0.02);
  EXPECT_NEAR(wps_pages(""), 22 * 15.6 / 697.9, 0.02);
  // Beside a size in the same rPr it counts: 16 x 1.3 = 20.8 pt, two grid lines.
  EXPECT_NEAR(wps_pages("<w:sz w:val=\"24\"/><w:szCs w:val=\"32\"/>"), 22 * 31.2 / 697.9, 0.02);
}

// WPS measures the complex-script size in the complex-script font (w:cs, w:cstheme): a
// Chinese one (宋体) by its em box, a Latin one (Times New Roman, the theme's minorBidi) by
// its line height. 五号 runs with szCs 14 pt and w:cs 宋体 (fresh 055, WPS 12: theme
// minorEastAsia throughout) take one 15.6 pt grid line each (14 pt), not the two a 14 x 1.3
// pt line would need; with w:cs Times New Roman they take two (14 x 1.15 = 16.1 pt). An
// empty 五号 mark with szCs 18 pt in 宋体 (fresh 109, under its table of contents) still
// takes two (18 pt): its table of contents agrees only so.
TEST(DocxLayout, WpsMeasuresTheComplexScriptSizeInTheComplexScriptFont) {
  auto wps_pages = [&](const std::string& cs, int sz, int sz_cs, bool empty) {
    const std::string rpr = "<w:rPr><w:rFonts w:hint=\"eastAsia\" w:ascii=\"宋体\" w:hAnsi=\"宋体\" w:eastAsia=\"宋体\" " +
                            cs + "/><w:sz w:val=\"" + std::to_string(sz) + "\"/><w:szCs w:val=\"" +
                            std::to_string(sz_cs) + "\"/></w:rPr>";
    std::string body;
    for (int i = 0; i < 22; ++i)
      body += "<w:p><w:pPr>" + rpr + "</w:pPr>" + (empty ? "" : "<w:r>" + rpr + "<w:t>测试结果分析</w:t></w:r>") + "</w:p>";
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/><w:sz w:val=\"21\"/>");
    parts.body = body + kCnSect;
    parts.app["Application"] = "WPS Office_12.1.0.23542_F1E327BC-269C-435d-A152-05C5408002CA";
    return layout_of(parts).estimate;
  };
  EXPECT_NEAR(wps_pages("w:cs=\"宋体\"", 22, 28, false), 22 * 15.6 / 697.9, 0.02);
  EXPECT_NEAR(wps_pages("w:cs=\"宋体\"", 22, 28, true), 22 * 15.6 / 697.9, 0.02);
  EXPECT_NEAR(wps_pages("w:cs=\"Times New Roman\"", 22, 28, false), 22 * 31.2 / 697.9, 0.02);
  EXPECT_NEAR(wps_pages("w:cs=\"宋体\"", 21, 36, true), 22 * 31.2 / 697.9, 0.02);
  // Without w:cs the style's Times New Roman measures it.
  EXPECT_NEAR(wps_pages("", 22, 28, false), 22 * 31.2 / 697.9, 0.02);
}

// A docGrid with a linePitch and no type: no grid in Word; a line grid in WPS when the
// document is in compatibility mode 15. The pattern of WPS 12 specifications generated
// with 11 pt 微软雅黑 under w:docGrid w:linePitch="360" (fresh 070,
// 071: their tables of contents agree only with 18 pt lines); WPS 10 and compatibility
// modes 12 and 14 (fresh 002) keep no grid, nor does WPS 11 in mode 15 (Round 11 r025: a
// form one page over by the grid, on its saved count without it).
TEST(DocxLayout, WpsTakesATypelessPitchAsALineGridInCompatibilityMode15) {
  std::string body;
  for (int i = 0; i < 40; ++i) body += para("本系统定位于教学辅助。");
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" "
      "w:left=\"1440\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/><w:docGrid w:linePitch=\"360\" w:charSpace=\"0\"/></w:sectPr>";
  const std::string yahei = "<w:rFonts w:ascii=\"微软雅黑\" w:hAnsi=\"微软雅黑\" w:eastAsia=\"微软雅黑\"/><w:sz w:val=\"22\"/>";
  auto pages_of = [&](const std::string& app, int compat) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles(yahei);
    parts.body = body + sect;
    parts.app["Application"] = app;
    parts.settings = "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
                     "w:val=\"" + std::to_string(compat) + "\"/></w:compat>";
    return layout_of(parts).estimate;
  };
  const std::string wps = "WPS Office_12.1.0.26895_F1E327BC-269C-435d-A152-05C5408002CA";
  const double body_h = 841.9 - 2 * 72;
  auto tenths = [](double pages) { return std::ceil(pages * 10 - 1e-9) / 10; };
  // No grid: 微软雅黑's Chinese line, 11 x 1.716 = 18.876 pt in Word (36 lines on the first
  // page, 4 on the second), 11 x 1.32 = 14.52 pt in WPS (40 lines on one page).
  EXPECT_DOUBLE_EQ(pages_of("Microsoft Office Word", 15), tenths(1 + 4 * 18.876 / body_h));
  EXPECT_DOUBLE_EQ(pages_of(wps, 14), tenths(40 * 14.52 / body_h));
  // WPS in mode 15: 18 pt grid lines, 38 a page, two on the second.
  EXPECT_DOUBLE_EQ(pages_of(wps, 15), tenths(1 + 2 * 18 / body_h));
  // WPS 11 in mode 15 keeps no grid there, as Word does.
  EXPECT_DOUBLE_EQ(pages_of("WPS Office_11.1.0.9999_F1E327BC-269C-435d-A152-05C5408002CA", 15),
                   tenths(40 * 14.52 / body_h));
}

// Lines in table cells and the line grid: without adjustLineHeightInTable they keep their
// own height in a compatibility-mode-12 document and snap to the grid in mode 15 (Word
// 2013 and later do not read the legacy option). The pattern of thesis-proposal forms: one
// borderless row holding a whole section of 10.5 pt 宋体 at 1.5 lines on the 15.6 pt grid:
// 1.5 x 13.65 = 20.5 pt a line unsnapped, 1.5 x 15.6 = 23.4 pt snapped.
TEST(DocxLayout, TableLinesSnapToTheGridInCompatibilityMode15) {
  std::string cell;
  for (int i = 0; i < 40; ++i) cell += para(han(20), "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>");
  const std::string body = "<w:tbl><w:tblPr><w:tblW w:w=\"8300\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol "
                           "w:w=\"8300\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"8300\" w:type=\"dxa\"/></w:tcPr>" +
                           cell + "</w:tc></w:tr></w:tbl>" + para("") + kCnSect;
  auto pages_of = [&](const std::string& app, int compat, bool adjust) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.body = body;
    parts.app["Application"] = app;
    parts.settings = std::string("<w:compat>") + (adjust ? "<w:adjustLineHeightInTable/>" : "") +
                     "<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
                     "w:val=\"" + std::to_string(compat) + "\"/></w:compat>";
    return layout_of(parts).estimate;
  };
  auto tenths = [](double pages) { return std::ceil(pages * 10 - 1e-9) / 10; };
  const double unsnapped = tenths((40 * 1.5 * 10.5 * 1.3 + 15.6) / 697.9);  // the row, then the closing paragraph
  const double snapped = tenths((40 * 23.4 - 697.9 + 15.6) / 697.9 + 1);
  const std::string word = "Microsoft Office Word";
  EXPECT_DOUBLE_EQ(pages_of(word, 12, false), unsnapped);
  EXPECT_DOUBLE_EQ(pages_of(word, 12, true), snapped);
  EXPECT_DOUBLE_EQ(pages_of(word, 15, false), snapped);
  // WPS in mode 15 without the option: as in mode 12, unsnapped.
  const std::string wps = "WPS Office_11.1.0.10938_F1E327BC-269C-435d-A152-05C5408002CA";
  EXPECT_DOUBLE_EQ(pages_of(wps, 15, false), pages_of(wps, 12, false));
  EXPECT_LT(pages_of(wps, 15, false), pages_of(wps, 15, true));
}

// A superscript (a citation mark [12] after a sentence) leaves its auto-spaced line as tall
// as the others. A thesis's pages (12 pt 宋体 at 1.5 lines on a 16.3 pt grid, history
// h036-h039) hold 27 lines whether the marks are on them or not once its footer's closing
// 12 pt is counted; a raise of a third of the size (fitted on those pages while the footer
// was 12 pt short) makes its lines 4 pt taller and five of its versions a page over.
TEST(DocxLayout, ASuperscriptKeepsItsLineHeight) {
  auto pages_of = [&](const std::string& ppr, bool cite) {
    std::string body;
    for (int i = 0; i < 40; ++i)
      body += "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t>" + han(20) + "</w:t></w:r>" +
              (cite ? "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>[12]</w:t></w:r>" : "") + "</w:p>";
    return cn_pages(body + kCnSect).estimate;
  };
  auto tenths = [](double pages) { return std::ceil(pages * 10 - 1e-9) / 10; };
  // 10.5 pt: one 15.6 pt grid line each, with the mark or without; 44 such lines a page.
  EXPECT_DOUBLE_EQ(pages_of("", false), tenths(40 * 15.6 / 697.9));
  EXPECT_DOUBLE_EQ(pages_of("", true), pages_of("", false));
  const std::string spaced = "<w:spacing w:line=\"360\" w:lineRule=\"auto\"/>";
  EXPECT_DOUBLE_EQ(pages_of(spaced, true), pages_of(spaced, false));
}

// A superscript is set at 58% of its size, and takes that much of the line: 38 Han
// characters of 10.5 pt (399 pt) and a citation mark "[12]" in Times New Roman (17.5 pt at
// full size, 10.2 pt so) fit the 415.3 pt line; the same mark not raised does not.
TEST(DocxLayout, ASuperscriptTakesLessOfTheLine) {
  auto lines_of = [&](const std::string& rpr) {
    return cn_pages("<w:p><w:r><w:t>" + han(38) + "</w:t></w:r><w:r><w:rPr>" + rpr + "</w:rPr><w:t>[12]</w:t></w:r></w:p>" +
                    kCnSect)
        .lines;
  };
  EXPECT_EQ(lines_of("<w:vertAlign w:val=\"superscript\"/>"), 1u);
  EXPECT_EQ(lines_of("<w:vertAlign w:val=\"subscript\"/>"), 1u);
  EXPECT_EQ(lines_of(""), 2u);
}

// A picture on a line grid at 1.5 lines. Word sets it on whole grid lines (an 18 pt picture:
// two 15.6 pt lines); WPS gives it its own height plus the half line the multiple adds
// (18 + 7.8 pt). The pattern of WPS-saved specifications with screenshots at 1.5 lines
// (fresh 003, 129, 133).
TEST(DocxLayout, WpsSetsAPictureOnAGridAtItsOwnHeightPlusTheMultiple) {
  std::string body;
  for (int i = 0; i < 30; ++i)
    body += "<w:p><w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr><w:r><w:drawing><wp:inline>"
            "<wp:extent cx=\"2000000\" cy=\"228600\"/></wp:inline></w:drawing></w:r></w:p>";
  auto saved_by = [&](const std::string& app) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.body = body + kCnSect;
    parts.app["Application"] = app;
    return layout_of(parts).estimate;
  };
  // The estimate is rounded up to a tenth of a page.
  auto tenths = [](double pages) { return std::ceil(pages * 10 - 1e-9) / 10; };
  // Word: 22 pictures of 31.2 pt a page, 8 on the second.
  EXPECT_DOUBLE_EQ(saved_by("Microsoft Office Word"), tenths(1 + 8 * 31.2 / 697.9));
  // WPS: 27 of 25.8 pt a page, 3 on the second.
  EXPECT_DOUBLE_EQ(saved_by("WPS Office_11.1.0.11194_F1E327BC-269C-435d-A152-05C5408002CA"), tenths(1 + 3 * 25.8 / 697.9));
}

// Reports with a page number in the footer (Word's "Page Numbers (Bottom of Page)" gallery):
// the number's paragraph, then the empty paragraph the footer had. Text 四号 仿宋, 1.5 lines,
// two grid lines a line: 22 lines a page when the body keeps its 697.9 pt, 21 when the
// footer pushes it 13 pt up. The closing empty paragraph does not push it; a second line
// of text does.
TEST(DocxLayout, EmptyParagraphClosingAFooterDoesNotPushTheBody) {
  const std::string styles_xml =
      cn_styles("<w:rFonts w:ascii=\"仿宋\" w:eastAsia=\"仿宋\" w:hAnsi=\"仿宋\"/><w:sz w:val=\"28\"/>",
                "<w:widowControl w:val=\"0\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/>",
                "<w:style w:type=\"paragraph\" w:styleId=\"a6\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"a\"/>"
                "<w:pPr><w:snapToGrid w:val=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>");
  std::string body;
  for (int i = 0; i < 44; ++i) body += para(han(20));
  std::string sect = kCnSect;
  sect.insert(sect.find('>') + 1, "<w:footerReference w:type=\"default\" r:id=\"rId2\"/>");
  const std::string number =
      "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Page Numbers (Bottom of Page)\"/></w:docPartObj>"
      "</w:sdtPr><w:sdtContent><w:p><w:pPr><w:pStyle w:val=\"a6\"/><w:jc w:val=\"center\"/></w:pPr>"
      "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:sdtContent></w:sdt>";
  auto with_footer = [&](const std::string& footer) {
    wenfeng::testing::DocxParts parts;
    parts.styles = styles_xml;
    parts.body = body + sect;
    parts.footer = footer;
    return layout_of(parts);
  };
  EXPECT_DOUBLE_EQ(with_footer(number + "<w:p><w:pPr><w:pStyle w:val=\"a6\"/></w:pPr></w:p>").estimate, 2.0);
  // (Two lines of footer text: one line's push is within the room half a grid line's
  // rounding leaves below the last body line.)
  EXPECT_GT(with_footer(number + para("内部资料", "<w:pStyle w:val=\"a6\"/>") + para("内部资料", "<w:pStyle w:val=\"a6\"/>")).estimate, 2.0);
  // The closing empty paragraph sets no line, but its space after still pushes the body: a
  // footer whose two paragraphs each carry 12 pt after (a thesis's, history h036-h039). The
  // number's line and its 12 pt push the body 7 pt (22 lines still fit); the closing
  // paragraph's 12 pt push it 12 pt more (21 lines a page).
  std::string spaced = number;
  spaced.insert(spaced.find("<w:jc"), "<w:spacing w:after=\"240\"/>");
  EXPECT_DOUBLE_EQ(with_footer(spaced + "<w:p><w:pPr><w:pStyle w:val=\"a6\"/></w:pPr></w:p>").estimate, 2.0);
  EXPECT_GT(
      with_footer(spaced + "<w:p><w:pPr><w:pStyle w:val=\"a6\"/><w:spacing w:after=\"240\"/></w:pPr></w:p>").estimate,
      2.0);
  // A page number in a frame (w:framePr, 041's footers) is outside the footer's flow: the
  // line of text below it alone does not push the body.
  std::string framed = number;
  framed.insert(framed.find("<w:jc"), "<w:framePr w:wrap=\"around\" w:vAnchor=\"text\" w:hAnchor=\"margin\" "
                                      "w:xAlign=\"center\" w:y=\"1\"/>");
  EXPECT_DOUBLE_EQ(with_footer(framed + para("内部资料", "<w:pStyle w:val=\"a6\"/>")).estimate, 2.0);
}

// Default tab stops stand every defaultTabStop (21 pt here) from the margin, not from the
// indent: after a 10.5 pt left indent a tab at the line's start goes 10.5 pt, to 21 pt,
// and 37 Han characters (388.5 pt) still fit the 404.8 pt line; from the indent the tab
// would take 21 pt and wrap the last character.
TEST(DocxLayout, DefaultTabStopsCountFromTheMargin) {
  EXPECT_EQ(cn_pages("<w:p><w:pPr><w:ind w:left=\"210\"/></w:pPr><w:r><w:tab/><w:t>" + han(37) + "</w:t></w:r></w:p>" +
                     kCnSect)
                .lines,
            1u);
  EXPECT_EQ(cn_pages("<w:p><w:pPr><w:ind w:left=\"210\"/></w:pPr><w:r><w:tab/><w:t>" + han(38) + "</w:t></w:r></w:p>" +
                     kCnSect)
                .lines,
            2u);
}

// A table of contents line: the page number after the tab is set flush against a right
// tab stop at the margin (w:tabs in the TOC style, as Word's TOC styles and 119's entries
// have it). 38 Han characters (399 pt) and "123" fit the 415.3 pt line; with default stops
// the tab would go to 420 pt and wrap the number. A direct w:tab w:val="clear" removes
// the style's stop.
TEST(DocxLayout, RightTabStopSetsTheTextAfterItFlush) {
  const std::string toc_style =
      "<w:style w:type=\"paragraph\" w:styleId=\"toc1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"a\"/><w:pPr>"
      "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"8306\"/></w:tabs></w:pPr></w:style>";
  const std::string styles_xml = cn_styles(
      "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
      "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>", toc_style);
  auto entry = [&](const std::string& ppr) {
    return "<w:p><w:pPr><w:pStyle w:val=\"toc1\"/>" + ppr + "</w:pPr><w:r><w:t>" + han(38) +
           "</w:t></w:r><w:r><w:tab/><w:t>123</w:t></w:r></w:p>";
  };
  EXPECT_EQ(cn_pages(entry("") + kCnSect, styles_xml).lines, 1u);
  EXPECT_EQ(cn_pages(entry("<w:tabs><w:tab w:val=\"clear\" w:pos=\"8306\"/></w:tabs>") + kCnSect, styles_xml).lines,
            2u);
  // Text after a centred stop is centred on it: 10 Han (105 pt) centred at 200 pt end at
  // 252.5 pt, the next tab goes to 273 pt, and 13 more characters (136.5 pt) fit after it,
  // 15 do not (from a left stop at 200 pt the 13 would not fit either; with default
  // stops alone the 15 would).
  auto centred = [&](int n) {
    return cn_pages("<w:p><w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4000\"/></w:tabs></w:pPr><w:r><w:t>" + han(2) +
                    "</w:t><w:tab/><w:t>" + han(10) + "</w:t><w:tab/><w:t>" + han(n) + "</w:t></w:r></w:p>" + kCnSect)
        .lines;
  };
  EXPECT_EQ(centred(13), 1u);
  EXPECT_EQ(centred(15), 2u);
}

// A numbering level's own tab stop (Chinese Word's lists carry <w:tab w:val="num"/> in
// the level) is where the text after the label starts: at 63 pt, 33 Han characters fit
// after "1." (346.5 of 352.3 pt) and 34 do not; at the next default stop (21 pt) 37 would.
TEST(DocxLayout, ListLabelTabGoesToTheLevelsTabStop) {
  auto lines = [](int n) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    parts.numbering =
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1.\"/><w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"1260\"/></w:tabs>"
        "<w:ind w:left=\"0\" w:firstLine=\"0\"/></w:pPr></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
    parts.body = para(han(n), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>") + kCnSect;
    return layout_of(parts).lines;
  };
  EXPECT_EQ(lines(33), 1u);
  EXPECT_EQ(lines(34), 2u);
}

// The mark that ends a justified line that breaks is set half width on top of the one em
// the line's other marks may give up (014: a line with four ， ends on a fortieth
// character and a ，, 14.5 pt over the measure); the paragraph's last line does not break
// and gets the one em only (042: "购书失败。" does not join the line before it). Here 41
// characters are 15.2 pt over: three interior ， give one em (10.5 pt), the ， at the line
// end 5.25 pt more.
TEST(DocxLayout, LineEndMarkCompressesInJustifiedLines) {
  const std::string first39 = han(9) + "，" + han(9) + "，" + han(9) + "，" + han(9);
  // Not the last line: 41 characters on the first line, 39 on the second.
  EXPECT_EQ(cn_compressed(para(first39 + "字，" + han(39)) + kCnSect).lines, 2u);
  // The last line: the unit 字。 does not fit 15.2 pt over (one em at most), 4.7 pt over it does.
  EXPECT_EQ(cn_compressed(para(first39 + "字。") + kCnSect).lines, 2u);
  EXPECT_EQ(cn_compressed(para(han(39) + "。") + kCnSect).lines, 1u);
  // Left-aligned lines are not compressed at all.
  EXPECT_EQ(cn_compressed(para(first39 + "字，" + han(39), "<w:jc w:val=\"left\"/>") + kCnSect).lines, 3u);
}

// Spaces never start a line, even after a line that compression let run past the measure:
// 39 characters and a 。 set half width fill 414.75 pt of 415.3, and two spaces in runs of
// their own after it hang (fresh r115: a paragraph ending "…等功能。" and two spaces took a
// third line of nothing).
TEST(DocxLayout, SpacesAfterACompressedLineEndHang) {
  const std::string space = "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>";
  EXPECT_EQ(cn_compressed("<w:p><w:r><w:t>" + han(39) + "。</w:t></w:r>" + space + space + "</w:p>" + kCnSect).lines, 1u);
  // The same on the second line of a paragraph.
  EXPECT_EQ(
      cn_compressed("<w:p><w:r><w:t>" + han(39) + han(39) + "。</w:t></w:r>" + space + space + "</w:p>" + kCnSect).lines,
      2u);
}

// Word lets the spaces of a justified line shrink to 80% of their width for one more word
// to fit (fresh 085's numbered references, fresh-2 r115's English abstract; a history
// thesis bounds it at 20%). 18 words "nnnn" of 10.5 pt Times New Roman (21 pt each, 17
// spaces of 2.625 pt) are 422.6 pt, 7.3 pt over the 415.3 pt line: 20% of the spaces
// gives 8.9 pt. A last word one letter longer is 12.6 pt over; a left-aligned line does
// not shrink, nor does the paragraph's last line (it is not justified): 18 words alone
// take two lines, 35 words two (18 on the first, shrunk, 17) and 36 words three.
TEST(DocxLayout, JustifiedLineSpacesShrinkForOneMoreWord) {
  auto words = [](int n, const std::string& last) {
    std::string t;
    for (int i = 0; i < n; ++i) t += "nnnn ";
    return t + last;
  };
  auto p = [](const std::string& text, const std::string& ppr = "") {
    return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
           "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
  };
  EXPECT_EQ(cn_pages(p(words(34, "nnnn")) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(p(words(35, "nnnn")) + kCnSect).lines, 3u);
  EXPECT_EQ(cn_pages(p(words(17, "nnnn")) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(p(words(17, "nnnnn")) + kCnSect).lines, 2u);
  EXPECT_EQ(cn_pages(p(words(17, "nnnn"), "<w:jc w:val=\"left\"/>") + kCnSect).lines, 2u);
  // The shrunk line breaks as before: the next word starts the second line.
  EXPECT_EQ(cn_pages(p(words(18, "nnnn")) + kCnSect).lines, 2u);
}

// A header spans the text width (415.3 pt here): 54 characters of 15 pt make two lines
// of it, as two short paragraphs do, and push the body alike (at 400 pt they made three
// and cost every page a line).
TEST(DocxLayout, HeaderLinesSpanTheTextWidth) {
  std::string body;
  for (int i = 0; i < 350; ++i) body += para("字");
  std::string sect = kPlainSect;
  sect.insert(sect.find('>') + 1, "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>");
  const auto two_lines = pages(body + sect, 30, para(han(54)));
  EXPECT_DOUBLE_EQ(two_lines.estimate, pages(body + sect, 30, para("页眉") + para("页眉")).estimate);
  EXPECT_GT(pages(body + sect, 30, para("页眉") + para("页眉") + para("页眉")).estimate, two_lines.estimate);
}

// Custom tab stops merge through the style and direct formatting, by position, and a
// paragraph keeps at most 64 of them, as Word does (a style with thousands costs nothing).
TEST(DocxLayout, TabStopsMergeAndAreCapped) {
  std::string many;
  for (int i = 1; i <= 5000; ++i) many += "<w:tab w:val=\"left\" w:pos=\"" + std::to_string(i * 20) + "\"/>";
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
                           "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>",
                           "<w:style w:type=\"paragraph\" w:styleId=\"t\"><w:name w:val=\"t\"/><w:pPr><w:tabs>"
                           "<w:tab w:val=\"right\" w:pos=\"8306\"/><w:tab w:val=\"left\" w:pos=\"2000\"/></w:tabs></w:pPr></w:style>");
  parts.body = para("字", "<w:pStyle w:val=\"t\"/><w:tabs><w:tab w:val=\"clear\" w:pos=\"2000\"/>"
                         "<w:tab w:val=\"center\" w:pos=\"4000\"/></w:tabs>") +
               para("字", "<w:tabs>" + many + "</w:tabs>") + kCnSect;
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok());
  std::vector<const model::ParagraphLayout*> main;
  for (const auto& b : d->blocks)
    if (b.story == model::Story::kMain && b.layout >= 0) main.push_back(&d->layouts[static_cast<std::size_t>(b.layout)]);
  ASSERT_EQ(main.size(), 2u);
  ASSERT_EQ(main[0]->tabs.size(), 2u);  // the style's 2000 cleared, 4000 added, in order
  EXPECT_FLOAT_EQ(main[0]->tabs[0].pos, 200.f);
  EXPECT_EQ(main[0]->tabs[0].kind, 2);
  EXPECT_FLOAT_EQ(main[0]->tabs[1].pos, 415.3f);
  EXPECT_EQ(main[0]->tabs[1].kind, 1);
  EXPECT_EQ(main[1]->tabs.size(), 64u);
}

namespace {

// What the reader gives each row of the first table for its horizontal borders, and the
// first cell paragraph's mark size and space after, row by row.
struct RowInfo {
  double border = 0, font_pt = 0, after = 0;
};
std::vector<RowInfo> table_rows(const std::string& body, const std::string& more_styles = "") {
  wenfeng::testing::DocxParts parts;
  // Normal takes its 10.5 pt from docDefaults: a size of its own would override the table
  // style's (NormalStyleOverridesTheTableStyleInCells).
  parts.styles = cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/>",
                           "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>", more_styles);
  parts.body = body + kCnSect;
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok());
  std::vector<RowInfo> rows;
  if (!d.ok()) return rows;
  for (const auto& b : d->blocks) {
    if (b.story != model::Story::kMain || b.layout < 0) continue;
    const auto& L = d->layouts[static_cast<std::size_t>(b.layout)];
    if (L.table != 0 || L.cell != 0) continue;
    rows.push_back({L.row_border, L.font_pt, L.after});
  }
  return rows;
}

// A table of `rows` rows of two cells; `tbl_pr` inside tblPr, `tr_extra(r)` at the start of
// each row (trPr, tblPrEx), `tc_pr(r)` in each cell's tcPr.
std::string bordered_table(int rows, const std::string& tbl_pr, const std::function<std::string(int)>& tr_extra = {},
                           const std::function<std::string(int)>& tc_pr = {}) {
  std::string t = "<w:tbl><w:tblPr>" + tbl_pr + "<w:tblW w:w=\"8300\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>"
                  "<w:gridCol w:w=\"4150\"/><w:gridCol w:w=\"4150\"/></w:tblGrid>";
  for (int r = 0; r < rows; ++r) {
    t += "<w:tr>" + (tr_extra ? tr_extra(r) : std::string());
    for (int c = 0; c < 2; ++c)
      t += "<w:tc><w:tcPr><w:tcW w:w=\"4150\" w:type=\"dxa\"/>" + (tc_pr ? tc_pr(r) : std::string()) + "</w:tcPr>" +
           para(c == 0 ? "项目" : "说明") + "</w:tc>";
    t += "</w:tr>";
  }
  return t + "</w:tbl>" + para("");
}

std::string borders(const char* element, int top, int bottom, int inside) {
  auto b = [](const char* side, int sz) {
    return std::string("<w:") + side + (sz < 0 ? " w:val=\"nil\"/>" : " w:val=\"single\" w:sz=\"" + std::to_string(sz) + "\" w:space=\"0\" w:color=\"auto\"/>");
  };
  return std::string("<w:") + element + ">" + b("top", top) + b("left", 4) + b("bottom", bottom) + b("right", 4) +
         b("insideH", inside) + b("insideV", 4) + "</w:" + element + ">";
}

// Word's "Table Grid" as Chinese Word saves it (styleId a3, ½ pt borders everywhere).
const std::string kTableGrid =
    "<w:style w:type=\"table\" w:styleId=\"a3\"><w:name w:val=\"Table Grid\"/><w:tblPr>" + borders("tblBorders", 4, 4, 4) +
    "</w:tblPr></w:style>";

}  // namespace

// Each row is as tall as its tallest cell plus the horizontal border above it (w:sz in
// eighths of a point), the last row also the border below it. Most calibration tables are
// "Table Grid" (½ pt); report templates draw 1 pt and heavier rules.
TEST(DocxLayout, TableRowsAddTheirBorders) {
  const auto grid = table_rows(bordered_table(3, "<w:tblStyle w:val=\"a3\"/>"), kTableGrid);
  ASSERT_EQ(grid.size(), 3u);
  EXPECT_DOUBLE_EQ(grid[0].border, 0.5);
  EXPECT_DOUBLE_EQ(grid[1].border, 0.5);
  EXPECT_DOUBLE_EQ(grid[2].border, 1.0);  // the border between rows and the bottom one
  // No style, no borders: nothing added.
  const auto plain = table_rows(bordered_table(2, ""));
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_DOUBLE_EQ(plain[0].border, 0);
  EXPECT_DOUBLE_EQ(plain[1].border, 0);
  // The table's own borders over the style's: 1½ pt top, 1 pt inside, 2¼ pt bottom.
  const auto own = table_rows(bordered_table(3, "<w:tblStyle w:val=\"a3\"/>" + borders("tblBorders", 12, 18, 8)), kTableGrid);
  ASSERT_EQ(own.size(), 3u);
  EXPECT_DOUBLE_EQ(own[0].border, 1.5);
  EXPECT_DOUBLE_EQ(own[1].border, 1.0);
  EXPECT_DOUBLE_EQ(own[2].border, 1.0 + 2.25);
  // A row's table-level exceptions (tblPrEx) over the table's borders.
  const auto ex = table_rows(bordered_table(2, borders("tblBorders", 4, 4, 4), [](int r) {
    return r == 1 ? "<w:tblPrEx>" + borders("tblBorders", 4, 4, 24) + "</w:tblPrEx>" : std::string();
  }));
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_DOUBLE_EQ(ex[1].border, 3.0 + 0.5);
  // A cell's tcBorders over everything: nil top and bottom in every cell leave no rule,
  // a cell's 3 pt bottom on the first row sets the edge between the rows.
  const auto cells = table_rows(bordered_table(2, borders("tblBorders", 4, 4, 4), {}, [](int r) {
    return r == 0 ? borders("tcBorders", -1, 24, -1) : borders("tcBorders", -1, -1, -1);
  }));
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_DOUBLE_EQ(cells[0].border, 0);
  EXPECT_DOUBLE_EQ(cells[1].border, 3.0);
  // The row heights reach the page count: 100 rows of one 13.65 pt line fit two pages
  // without borders (1,365 pt), and need a third with 3 pt rules (1,668 pt).
  EXPECT_EQ(std::ceil(cn_pages(bordered_table(100, "") + kCnSect).estimate), 2);
  EXPECT_EQ(std::ceil(cn_pages(bordered_table(100, borders("tblBorders", 24, 24, 24)) + kCnSect).estimate), 3);
}

// A cell's own margins (w:tcMar) override the table's (w:tblCellMar) on every side, and its
// top and bottom ones make the row taller: 100 rows of one 13.65 pt line fit two pages
// (1,365 pt) and need a third with 3 pt above and below the text in every cell (1,965 pt).
TEST(DocxLayout, CellMarginsOverrideTheTablesAndMakeRowsTaller) {
  auto mar = [](int top, int bottom) {
    return "<w:tcMar><w:top w:w=\"" + std::to_string(top) + "\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
           "<w:bottom w:w=\"" + std::to_string(bottom) + "\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tcMar>";
  };
  const std::string table_mar =
      "<w:tblCellMar><w:top w:w=\"60\" w:type=\"dxa\"/><w:bottom w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar>";
  auto sheets = [](const std::string& body) { return std::ceil(cn_pages(body + kCnSect).estimate); };
  EXPECT_EQ(sheets(bordered_table(100, "")), 2);
  EXPECT_EQ(sheets(bordered_table(100, "", {}, [&](int) { return mar(60, 60); })), 3);
  EXPECT_EQ(sheets(bordered_table(100, table_mar)), 3);
  EXPECT_EQ(sheets(bordered_table(100, table_mar, {}, [&](int) { return mar(0, 0); })), 2);
  // A tcMar without top and bottom keeps the table's.
  const std::string sides = "<w:tcMar><w:left w:w=\"108\" w:type=\"dxa\"/></w:tcMar>";
  EXPECT_EQ(sheets(bordered_table(100, table_mar, {}, [&](int) { return sides; })), 3);
}

// Table style conditional formatting (w:tblStylePr) as the built-in "Light Grid" and "Grid
// Table 4" styles define it: the header row bold, at single spacing with no space after,
// and a heavier rule under it; turned on by tblLook, in its named attributes (Word 2010
// and later) or its hex value (Word 2007). Under every cell paragraph's own style.
TEST(DocxLayout, TableStyleHeaderRowFormatting) {
  const std::string style =
      "<w:style w:type=\"table\" w:styleId=\"lg\"><w:name w:val=\"Light Grid\"/><w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
      "<w:tblPr><w:tblStyleRowBandSize w:val=\"1\"/>" + borders("tblBorders", 8, 8, 8) + "</w:tblPr>"
      "<w:tblStylePr w:type=\"firstRow\"><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
      "</w:pPr><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr><w:tcPr>" + borders("tcBorders", 8, 18, -1) + "</w:tcPr></w:tblStylePr>"
      "<w:tblStylePr w:type=\"lastRow\"><w:rPr><w:sz w:val=\"28\"/></w:rPr></w:tblStylePr></w:style>";
  auto look = [](const std::string& l) { return "<w:tblStyle w:val=\"lg\"/><w:tblLook " + l + "/>"; };
  const auto on = table_rows(bordered_table(3, look("w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:noVBand=\"1\"")), style);
  ASSERT_EQ(on.size(), 3u);
  EXPECT_DOUBLE_EQ(on[0].font_pt, 16);
  EXPECT_DOUBLE_EQ(on[0].after, 0);
  EXPECT_DOUBLE_EQ(on[0].border, 1.0);
  EXPECT_DOUBLE_EQ(on[1].border, 2.25);  // the header's bottom rule is wider than insideH
  EXPECT_DOUBLE_EQ(on[1].font_pt, 10.5);
  EXPECT_DOUBLE_EQ(on[1].after, 6);
  EXPECT_DOUBLE_EQ(on[2].font_pt, 10.5);  // lastRow is off
  // The hex form alone: 0x0060 is firstRow and lastRow.
  const auto hex = table_rows(bordered_table(3, look("w:val=\"0060\"")), style);
  ASSERT_EQ(hex.size(), 3u);
  EXPECT_DOUBLE_EQ(hex[0].font_pt, 16);
  EXPECT_DOUBLE_EQ(hex[2].font_pt, 14);
  // Named attributes win over the hex value.
  const auto off = table_rows(bordered_table(3, look("w:val=\"0060\" w:firstRow=\"0\" w:lastRow=\"0\"")), style);
  ASSERT_EQ(off.size(), 3u);
  EXPECT_DOUBLE_EQ(off[0].font_pt, 10.5);
  EXPECT_DOUBLE_EQ(off[0].after, 6);
  EXPECT_DOUBLE_EQ(off[1].border, 1.0);
  EXPECT_DOUBLE_EQ(off[2].font_pt, 10.5);
  // A paragraph style's own size overrides the table style's formats.
  std::string styled = bordered_table(1, look("w:firstRow=\"1\""));
  const std::string from = "<w:p><w:r><w:t>项目";
  styled.replace(styled.find(from), from.size(), "<w:p><w:pPr><w:pStyle w:val=\"t\"/></w:pPr><w:r><w:t>项目");
  const auto own = table_rows(styled, style + "<w:style w:type=\"paragraph\" w:styleId=\"t\"><w:name w:val=\"t\"/>"
                                              "<w:basedOn w:val=\"a\"/><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>");
  ASSERT_EQ(own.size(), 1u);
  EXPECT_DOUBLE_EQ(own[0].font_pt, 12);
}

// Banded rows (band1Horz / band2Horz, tblStyleRowBandSize rows a band) count from the row
// after the header; noHBand turns them off.
TEST(DocxLayout, TableStyleBandedRows) {
  const std::string style =
      "<w:style w:type=\"table\" w:styleId=\"bd\"><w:name w:val=\"Banded\"/><w:tblPr><w:tblStyleRowBandSize w:val=\"2\"/>"
      "</w:tblPr><w:tblStylePr w:type=\"band1Horz\"><w:rPr><w:sz w:val=\"24\"/></w:rPr></w:tblStylePr>"
      "<w:tblStylePr w:type=\"band2Horz\"><w:rPr><w:sz w:val=\"28\"/></w:rPr><w:tcPr>" + borders("tcBorders", 16, 16, 4) +
      "</w:tcPr></w:tblStylePr></w:style>";
  const auto rows = table_rows(bordered_table(6, "<w:tblStyle w:val=\"bd\"/><w:tblLook w:val=\"0420\"/>"), style);
  ASSERT_EQ(rows.size(), 6u);
  const double sizes[] = {10.5, 12, 12, 14, 14, 12};
  for (std::size_t r = 0; r < 6; ++r) EXPECT_DOUBLE_EQ(rows[r].font_pt, sizes[r]) << r;
  // band2's 2 pt top above row 3, its ½ pt insideH inside the band, its 2 pt bottom below row 4.
  EXPECT_DOUBLE_EQ(rows[3].border, 2.0);
  EXPECT_DOUBLE_EQ(rows[4].border, 0.5);
  EXPECT_DOUBLE_EQ(rows[5].border, 2.0);
  const auto none = table_rows(bordered_table(3, "<w:tblStyle w:val=\"bd\"/><w:tblLook w:val=\"0620\"/>"), style);
  ASSERT_EQ(none.size(), 3u);
  EXPECT_DOUBLE_EQ(none[1].font_pt, 10.5);
}

// A section with no header part at all lays nothing out at the header distance: with a
// 28.35 pt top margin under a 42.55 pt header distance the body still starts at the margin
// (and a footer distance over the bottom margin pushes nothing without a footer). 39 exact
// 20 pt lines fill 780 of the 785.2 pt between the margins; a header of one line pushes
// the body below it and the last lines to a second page.
TEST(DocxLayout, NoHeaderPartDoesNotPushTheBody) {
  std::string body;
  for (int i = 0; i < 39; ++i) body += para("字", "<w:spacing w:line=\"400\" w:lineRule=\"exact\"/>");
  const std::string sect =
      "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"567\" w:right=\"1800\" w:bottom=\"567\" "
      "w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr>";
  EXPECT_DOUBLE_EQ(cn_pages(body + sect).estimate, 1.0);
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles();
  std::string with_ref = sect;
  with_ref.insert(with_ref.find('>') + 1, "<w:headerReference w:type=\"default\" r:id=\"rId2\"/>");
  parts.body = body + with_ref;
  parts.header = para("页眉");
  EXPECT_GT(layout_of(parts).estimate, 1.0);
}

// Contextual spacing ignores a paragraph's space after before a paragraph of its own style
// as well as its space before after one: 20 list items of 12 pt before and after stack with
// only the first one's space before and the last one's space after.
TEST(DocxLayout, ContextualSpacingDropsTheSpaceAfterToo) {
  const std::string list_style =
      "<w:style w:type=\"paragraph\" w:styleId=\"a9\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"a\"/>"
      "<w:pPr><w:spacing w:before=\"240\" w:after=\"240\"/><w:ind w:left=\"720\"/><w:contextualSpacing/></w:pPr></w:style>";
  std::string body;
  for (int i = 0; i < 20; ++i) body += para("列表项", "<w:pStyle w:val=\"a9\"/>");
  const auto p = cn_pages(body + kCnSect, cn_styles("<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>",
                                                    "<w:widowControl w:val=\"0\"/><w:jc w:val=\"both\"/>", list_style));
  EXPECT_NEAR(p.estimate, (20 * 15.6 + 24) / 697.9, 0.06);
}

// HTML auto spacing adds nothing before a cell's first paragraph or after its last: 20
// rows of one auto-spaced line are as tall as 20 rows of one plain line (28 pt a row more
// before, 560 pt in all).
TEST(DocxLayout, AutoSpacingNotAtTheEdgesOfACell) {
  auto table = [](const std::string& ppr) {
    std::string t = "<w:tbl><w:tblPr><w:tblW w:w=\"8300\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"8300\"/></w:tblGrid>";
    for (int r = 0; r < 20; ++r)
      t += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"8300\" w:type=\"dxa\"/></w:tcPr>" + para("单元格", ppr) + "</w:tc></w:tr>";
    return t + "</w:tbl>" + para("") + kCnSect;
  };
  const auto plain = cn_pages(table(""));
  const auto autospaced =
      cn_pages(table("<w:spacing w:before=\"100\" w:beforeAutospacing=\"1\" w:after=\"100\" w:afterAutospacing=\"1\"/>"));
  EXPECT_LT(plain.estimate, 0.7);
  EXPECT_NEAR(autospaced.estimate, plain.estimate, 0.11);
}

// An at-least row height is the whole row, its borders inside it: 29 rows of at least 23 pt
// with 3 pt rules and one short line each take 667 pt and fit one page (with the rules on
// top, 754 pt, they did not). Rows their content makes taller still add the rules (above).
TEST(DocxLayout, AtLeastRowHeightHoldsItsBorders) {
  const auto p = cn_pages(bordered_table(29, borders("tblBorders", 24, 24, 24),
                                         [](int) { return std::string("<w:trPr><w:trHeight w:val=\"460\"/></w:trPr>"); }) +
                          kCnSect);
  EXPECT_LE(p.estimate, 1.0);
  EXPECT_GT(p.estimate, 0.9);
}

namespace {
// A paragraph anchoring a text box that wraps top and bottom: `cy` EMU tall as saved,
// `lines` paragraphs of exact 15 pt lines inside, growing to fit them when `fit`.
std::string text_box_para(long cy, int lines, bool fit, const std::string& ppr = "", long dist = 0) {
  std::string inner;
  for (int i = 0; i < lines; ++i) inner += para("框", "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>");
  const std::string d = std::to_string(dist);
  return "<w:p><w:pPr><w:spacing w:line=\"300\" w:lineRule=\"exact\"/>" + ppr +
         "</w:pPr><w:r><w:t>题</w:t></w:r><w:r><w:drawing><wp:anchor distT=\"" + d + "\" distB=\"" + d +
         "\" behindDoc=\"0\"><wp:extent cx=\"5000000\" cy=\"" + std::to_string(cy) +
         "\"/><wp:wrapTopAndBottom/><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" + inner +
         "</w:txbxContent></wps:txbx><wps:bodyPr>" + (fit ? "<a:spAutoFit/>" : "") +
         "</wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>";
}
}  // namespace

TEST(DocxLayout, TextBoxThatFitsItsTextGrowsToIt) {
  // Saved 100 pt tall; its 30 lines of 15 pt and the 7.2 pt of default insets are 457.2 pt.
  const double fixed = pages(text_box_para(1270000, 30, false) + kPlainSect, 24).estimate;
  const double fit = pages(text_box_para(1270000, 30, true) + kPlainSect, 24).estimate;
  EXPECT_NEAR(fixed, (15 + 100) / 697.9, 0.06);
  EXPECT_NEAR(fit, (15 + 457.2) / 697.9, 0.06);
  // A box taller than its text keeps its extent.
  EXPECT_NEAR(pages(text_box_para(1270000, 2, true) + kPlainSect, 24).estimate, fixed, 0.01);
  // Top and bottom wrapping keeps distT above and distB below the box (50 pt each here;
  // estimates go up to tenths of a page).
  EXPECT_NEAR(pages(text_box_para(1270000, 30, false, "", 635000) + kPlainSect, 24).estimate - fixed, 100 / 697.9,
              0.1);
}

// Word: a top-and-bottom object placed from its paragraph whose band starts inside the
// paragraph's lines sends the line it meets, and those after it, below the object; the room
// above the band is lost. 24 exact 15 pt lines, then a 15 pt line anchoring a 300 pt box,
// then one more line: 360 + 300 + 15 + 15 = 690 pt fit the 697.9 pt page; a box 10 pt down
// from its paragraph's top meets that paragraph's line, which goes below it, and the 10 pt
// lost put the last line on page 2 (estimates go up to tenths). An empty paragraph that
// only anchors the object keeps its mark where it was.
TEST(DocxLayout, TopAndBottomObjectCuttingItsParagraphsLineSendsItBelow) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto doc = [&](const std::string& position) {
    std::string body;
    for (int i = 0; i < 24; ++i) body += para("字", line);
    body += "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:t>题</w:t></w:r><w:r><w:drawing><wp:anchor distT=\"0\" "
            "distB=\"0\" behindDoc=\"0\">" + position + "<wp:extent cx=\"5000000\" cy=\"3810000\"/>"
            "<wp:wrapTopAndBottom/><a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r></w:p>";
    body += para("字", line);
    return pages(body + kPlainSect, 24).estimate;
  };
  auto down = [](long emu) {
    return "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>" + std::to_string(emu) + "</wp:posOffset></wp:positionV>";
  };
  EXPECT_LE(doc(""), 1.0);
  EXPECT_LE(doc(down(0)), 1.0);
  EXPECT_GT(doc(down(127000)), 1.0);  // 10 pt down: the line (0-15 pt) meets the band
  // 20 pt down: the band starts below the paragraph's line, which stays above it.
  EXPECT_LE(doc(down(254000)), 1.0);
  // An empty paragraph holding only the anchor keeps its mark where it was.
  auto empty = [&](const std::string& position) {
    std::string body;
    for (int i = 0; i < 24; ++i) body += para("字", line);
    body += "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" behindDoc=\"0\">" +
            position + "<wp:extent cx=\"5000000\" cy=\"3810000\"/><wp:wrapTopAndBottom/><a:graphic><a:graphicData/>"
            "</a:graphic></wp:anchor></w:drawing></w:r></w:p>";
    body += para("字", line);
    return pages(body + kPlainSect, 24).estimate;
  };
  EXPECT_LE(empty(down(127000)), 1.0);
  // A page-relative position is not the paragraph's.
  EXPECT_LE(doc("<wp:positionV relativeFrom=\"page\"><wp:posOffset>127000</wp:posOffset></wp:positionV>"), 1.0);
}

// Word: top-and-bottom objects placed down from their paragraphs stand at their offsets, and
// only the lines their bands meet go below them; two set side by side, anchored in two
// consecutive empty paragraphs, share one stretch of the page. A heading line, then two
// 400 pt pictures 5 pt below the tops of the two empty paragraphs after it (one at the left
// margin, one 220 pt to the right), then a line of text: 15 + 5 + 400 + 15 + 15 pt (the text
// below the lower band) fit the 697.9 pt page; the two heights added up (845 pt) do not.
// A line of text between the two anchors goes below the first band, and the second object,
// placed from it, no longer fits beside the first.
TEST(DocxLayout, TopAndBottomObjectsSideBySideShareTheirBand) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto pic = [&](int x_pt) {
    return "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" behindDoc=\"0\">"
           "<wp:positionH relativeFrom=\"column\"><wp:posOffset>" + std::to_string(x_pt * 12700) +
           "</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>63500"
           "</wp:posOffset></wp:positionV><wp:extent cx=\"2540000\" cy=\"5080000\"/><wp:wrapTopAndBottom/>"
           "<a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r></w:p>";
  };
  const std::string side_by_side = para("题", line) + pic(0) + pic(220) + para("字", line);
  EXPECT_LE(pages(side_by_side + kPlainSect, 24).estimate, 1.0);
  // The text after them goes below the lower band: 25 more lines (375 pt) need a page more.
  std::string more = para("题", line) + pic(0) + pic(220);
  for (int i = 0; i < 25; ++i) more += para("字", line);
  EXPECT_GT(pages(more + kPlainSect, 24).estimate, 1.0);
  // One above the other: a line of text between the anchors goes below the first band.
  const std::string stacked = para("题", line) + pic(0) + para("字", line) + pic(220) + para("字", line);
  EXPECT_GT(pages(stacked + kPlainSect, 24).estimate, 1.0);
}

// A display equation (m:oMathPara) takes lines of its own, one for each of its equations:
// 45 exact 15 pt lines leave 22.9 pt of the page, room for one line: a paragraph of text
// with two short equations inline fits it; with the two as a display it is three lines and
// runs on to page 2.
TEST(DocxLayout, DisplayEquationTakesLinesOfItsOwn) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto doc = [&](const std::string& math) {
    std::string body;
    for (int i = 0; i < 45; ++i) body += para("字", line);
    body += "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:t>式为</w:t></w:r>" + math + "</w:p>";
    return pages(body + kPlainSect, 24).estimate;
  };
  const std::string x = "<m:oMath><m:r><m:t>x=1</m:t></m:r></m:oMath>";
  const std::string y = "<m:oMath><m:r><m:t>y=2</m:t></m:r></m:oMath>";
  EXPECT_LE(doc(x + y), 1.0);
  EXPECT_GT(doc("<m:oMathPara>" + x + y + "</m:oMathPara>"), 1.0);
  // A display that is the whole paragraph starts no empty line before it.
  std::string alone;
  for (int i = 0; i < 45; ++i) alone += para("字", line);
  alone += "<w:p><w:pPr>" + line + "</w:pPr><m:oMathPara>" + x + "</m:oMathPara></w:p>";
  EXPECT_LE(pages(alone + kPlainSect, 24).estimate, 1.0);
}

// behindDoc is the z-order only: a picture drawn behind the text that wraps tight (or top
// and bottom) still pushes the text; "Behind Text" (wrapNone) pushes nothing. A 400 pt
// picture as wide as the text after 30 exact 15 pt lines: it does not fit under them, so its
// paragraph starts page 2 (1 + 415 / 697.9); without it the paragraph ends page 1.
TEST(DocxLayout, BehindDocPictureThatWrapsPushesTheText) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto doc = [&](const std::string& wrap, bool behind) {
    std::string body;
    for (int i = 0; i < 30; ++i) body += para("字", line);
    body += "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:t>图</w:t></w:r><w:r><w:drawing><wp:anchor distT=\"0\" "
            "distB=\"0\" behindDoc=\"" + std::string(behind ? "1" : "0") +
            "\"><wp:extent cx=\"5800000\" cy=\"5080000\"/>" + wrap +
            "<a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r></w:p>";
    return pages(body + kPlainSect, 24).estimate;
  };
  const double pushed = 1 + 415 / 697.9;
  EXPECT_NEAR(doc("<wp:wrapTight wrapText=\"bothSides\"/>", true), pushed, 0.1);
  EXPECT_NEAR(doc("<wp:wrapTight wrapText=\"bothSides\"/>", false), pushed, 0.1);
  EXPECT_NEAR(doc("<wp:wrapTopAndBottom/>", true), pushed, 0.1);
  EXPECT_LT(doc("<wp:wrapNone/>", true), 1.0);
}

// Square wrapping: Word sets text beside the picture only where the room left between it
// (with distL and distR, 9 pt here) and the column's edge, on a side wrapText allows, is at
// least 72 pt; else the text goes below it. A 400 pt tall picture after 30 exact 15 pt
// lines in a 415 pt column: beside it, its paragraph's line ends page 1; below it, the
// paragraph starts page 2 (1 + 415 / 697.9).
TEST(DocxLayout, SquareWrappedPictureLetsTextBesideItOnlyWhereThereIsRoom) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto pic = [](int w_pt, const std::string& pos, const std::string& wrap_text) {
    return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" behindDoc=\"0\">" +
           pos + "<wp:extent cx=\"" + std::to_string(w_pt * 12700) +
           "\" cy=\"5080000\"/><wp:wrapSquare wrapText=\"" + wrap_text +
           "\"/><a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r>";
  };
  auto at = [](const std::string& from, int x_pt) {
    return "<wp:positionH relativeFrom=\"" + from + "\"><wp:posOffset>" + std::to_string(x_pt * 12700) +
           "</wp:posOffset></wp:positionH>";
  };
  auto doc = [&](const std::string& pics) {
    std::string body;
    for (int i = 0; i < 30; ++i) body += para("字", line);
    body += "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:t>图</w:t></w:r>" + pics + "</w:p>";
    return pages(body + kPlainSect, 24).estimate;
  };
  const double pushed = 1 + 415 / 697.9;
  // 300 pt wide, 100 pt from the column's left: 91 pt beside it on the left.
  EXPECT_LT(doc(pic(300, at("column", 100), "bothSides")), 1.0);
  // The same place from the page's edge (90 pt margin).
  EXPECT_LT(doc(pic(300, at("page", 190), "bothSides")), 1.0);
  // 57 pt from the left: 48 pt on the left, 49 pt on the right.
  EXPECT_NEAR(doc(pic(300, at("column", 57), "bothSides")), pushed, 0.1);
  // 91 pt on the left, but text only on its right.
  EXPECT_NEAR(doc(pic(300, at("column", 100), "right")), pushed, 0.1);
  // A narrow picture at the right margin with text only on its right: no room.
  EXPECT_NEAR(doc(pic(150, "<wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>", "right")),
              pushed, 0.1);
  EXPECT_LT(doc(pic(150, "<wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>", "left")),
            1.0);
}

// Lines beside a square-wrapped picture are set in the room it leaves: a 200 x 300 pt
// picture at the column's left edge (9 pt distL/distR) leaves 206 pt on its right, 17
// characters of 12 pt a line where the 415 pt column takes 34. Its rectangle runs down from
// its anchor paragraph's top by wp:positionV; the exact 15 pt lines that meet it are
// shortened, the lines below it and the paragraphs after it return to the full measure.
TEST(DocxLayout, LinesBesideASquareWrappedPictureAreShortened) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto pic = [](int w_pt, int h_pt, const std::string& h_pos, int y_pt, const std::string& wrap_text) {
    return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" behindDoc=\"0\">" +
           h_pos + "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>" + std::to_string(y_pt * 12700) +
           "</wp:posOffset></wp:positionV><wp:extent cx=\"" + std::to_string(w_pt * 12700) + "\" cy=\"" +
           std::to_string(h_pt * 12700) + "\"/><wp:wrapSquare wrapText=\"" + wrap_text +
           "\"/><a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r>";
  };
  const std::string at_left = "<wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>";
  const std::string at_right = "<wp:positionH relativeFrom=\"margin\"><wp:align>right</wp:align></wp:positionH>";
  auto lines = [&](int chars, const std::string& pics, int more_chars = 0) {
    std::string body = "<w:p><w:pPr>" + line + "</w:pPr>" + pics + "<w:r><w:t>" + han(chars) + "</w:t></w:r></w:p>";
    if (more_chars > 0) body += para(han(more_chars), line);
    return pages(body + kPlainSect, 24).lines;
  };
  // 680 characters: 20 full lines; beside the picture 20 lines of 17, then 10 full ones.
  EXPECT_EQ(lines(680, ""), 20u);
  EXPECT_EQ(lines(680, pic(200, 300, at_left, 0, "bothSides")), 30u);
  // At the right margin with text on its left only: the same room on the other side.
  EXPECT_EQ(lines(680, pic(200, 300, at_right, 0, "left")), 30u);
  // 150 pt down from the paragraph: its first 10 lines (340 characters) are full.
  EXPECT_EQ(lines(340, pic(200, 150, at_left, 0, "bothSides")), 15u);
  EXPECT_EQ(lines(340, pic(200, 150, at_left, 150, "bothSides")), 10u);
  // The next paragraph runs on beside it: 19 lines of 17 characters, then 11 full lines.
  EXPECT_EQ(lines(34, pic(200, 300, at_left, 0, "bothSides"), 680), 1u + 30u);
  // Two pictures each leaving room alone but only 37 pt between them: the text line goes
  // below both, 300 pt down.
  const std::string two = pic(180, 300, at_left, 0, "bothSides") + pic(180, 300, at_right, 0, "bothSides");
  EXPECT_EQ(lines(34, two), 1u);
  EXPECT_NEAR(pages("<w:p><w:pPr>" + line + "</w:pPr>" + two + "<w:r><w:t>" + han(34) + "</w:t></w:r></w:p>" + kPlainSect, 24)
                  .estimate,
              0.5, 0.01);
}

// A VML shape square-wrapped (w10:wrap) is placed by its CSS: mso-position-horizontal
// (or margin-left) across the column, margin-top down from its anchor paragraph,
// mso-wrap-distance-left/right (VML's default 9 pt); lines beside it are shortened as beside a
// DrawingML picture. A 200 x 300 pt shape at the column's left, text on its right: 680
// characters take 20 lines of 17 and 10 full ones. Without a w10:wrap the older rule stays
// (beside it, full lines: it takes under 55% of the column).
TEST(DocxLayout, LinesBesideASquareWrappedVmlShapeAreShortened) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto lines = [&](const std::string& pos, const std::string& wrap) {
    const std::string shape =
        "<w:r><w:pict><v:shape style=\"position:absolute;margin-top:0;width:200pt;height:300pt;" + pos +
        "mso-position-horizontal-relative:text;mso-position-vertical-relative:text\">" + wrap + "</v:shape></w:pict></w:r>";
    return pages("<w:p><w:pPr>" + line + "</w:pPr>" + shape + "<w:r><w:t>" + han(680) + "</w:t></w:r></w:p>" + kPlainSect, 24)
        .lines;
  };
  const std::string square =
      "<w10:wrap xmlns:w10=\"urn:schemas-microsoft-com:office:word\" type=\"square\" side=\"right\"/>";
  EXPECT_EQ(lines("mso-position-horizontal:left;", square), 30u);
  EXPECT_EQ(lines("margin-left:0;", square), 30u);
  // Text on its left only, where there is none: below it, full lines.
  EXPECT_EQ(lines("mso-position-horizontal:left;",
                  "<w10:wrap xmlns:w10=\"urn:schemas-microsoft-com:office:word\" type=\"square\" side=\"left\"/>"),
            20u);
  EXPECT_EQ(lines("mso-position-horizontal:left;", ""), 20u);
}

// A wrapped picture placed down from the page or its margin stands on its anchor
// paragraph's page; the lines on that page whose bands meet it are shortened. Ten exact 15
// pt lines, then 680 characters anchoring a 200 x 300 pt picture at the column's left: 150
// pt down the body (the margin is 72 pt) every line of theirs that meets it takes 17
// characters (20 lines, then 10 full); at the body's top, the first 150 pt of it are beside
// the ten lines above, which are full (their paragraph does not anchor it: it is placed
// once its anchor's page is known), and 10 lines of 17 then 15 full ones.
TEST(DocxLayout, PicturePlacedFromThePageShortensTheLinesItMeets) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto lines = [&](const std::string& from, int y_pt) {
    const std::string pic =
        "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" behindDoc=\"0\">"
        "<wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
        "<wp:positionV relativeFrom=\"" + from + "\"><wp:posOffset>" + std::to_string(y_pt * 12700) +
        "</wp:posOffset></wp:positionV><wp:extent cx=\"2540000\" cy=\"3810000\"/><wp:wrapSquare "
        "wrapText=\"bothSides\"/><a:graphic><a:graphicData/></a:graphic></wp:anchor></w:drawing></w:r>";
    std::string body;
    for (int i = 0; i < 10; ++i) body += para(han(34), line);
    body += "<w:p><w:pPr>" + line + "</w:pPr>" + pic + "<w:r><w:t>" + han(680) + "</w:t></w:r></w:p>";
    return pages(body + kPlainSect, 24).lines;
  };
  EXPECT_EQ(lines("page", 72 + 150), 10u + 30u);
  EXPECT_EQ(lines("margin", 150), 10u + 30u);
  EXPECT_EQ(lines("page", 72), 10u + 25u);
}

// A wrapped picture stands on its anchor paragraph's page: a paragraph that starts a later
// page is set at the full measure however far down the picture reaches from its anchor.
// 40 exact 15 pt lines, the anchor (one line at 600 pt) of a 200 x 300 pt picture at the
// column's left, 170 characters beside it (10 lines of 17, five of them on the next page),
// then 680 characters on page 2: 20 full lines (beside a picture running on from page 1
// they would take 25).
TEST(DocxLayout, ParagraphOnALaterPageThanTheAnchorIsNotBesideItsPicture) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  const std::string pic =
      "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" behindDoc=\"0\">"
      "<wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
      "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
      "<wp:extent cx=\"2540000\" cy=\"3810000\"/><wp:wrapSquare wrapText=\"bothSides\"/><a:graphic><a:graphicData/>"
      "</a:graphic></wp:anchor></w:drawing></w:r>";
  std::string body;
  for (int i = 0; i < 40; ++i) body += para("字", line);
  body += "<w:p><w:pPr>" + line + "</w:pPr>" + pic + "<w:r><w:t>" + han(17) + "</w:t></w:r></w:p>";
  body += para(han(170), line) + para(han(680), line);
  EXPECT_EQ(pages(body + kPlainSect, 24).lines, 40u + 1u + 10u + 20u);
}

TEST(DocxLayout, KeepWithNextCountsTheFloatsItCarries) {
  // 26 exact 15 pt lines leave 307.9 pt; a keep-with-next heading line with a 280 pt box
  // fits there (295 pt) but not with the next paragraph's first two lines (325 pt): the
  // heading goes to the next page with its box and the five lines, 370 pt.
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  std::string body;
  for (int i = 0; i < 26; ++i) body += para("字", line);
  body += text_box_para(3556000, 1, false, "<w:keepNext/>");
  body += para(han(34 * 5 - 2), "<w:widowControl/>" + line);
  // (Estimates go up to tenths; without the box in the chain the five lines alone start
  // page 2, 1.2.)
  EXPECT_NEAR(pages(body + kPlainSect, 24).estimate, 1 + 370 / 697.9, 0.1);
}

// An empty paragraph is as tall as its mark in the mark's Latin font: 44 empty 26 pt marks,
// Times New Roman over 楷体_GB2312, take two 15.6 pt grid lines each (29.9 pt) and fill 1.97
// pages of 697.9 pt; by the East Asian font's 1.3 em (33.8 pt) they would take three grid
// lines, 14 a page (15 with the last one needing its text and half the rounding). The same
// paragraphs with text keep the East Asian height: three pages.
TEST(DocxLayout, EmptyParagraphIsAsTallAsItsMarkInItsLatinFont) {
  const std::string rpr =
      "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"楷体_GB2312\"/>"
      "<w:sz w:val=\"52\"/><w:szCs w:val=\"52\"/></w:rPr>";
  std::string empty, text;
  for (int i = 0; i < 44; ++i) {
    empty += "<w:p><w:pPr>" + rpr + "</w:pPr></w:p>";
    text += "<w:p><w:pPr>" + rpr + "</w:pPr><w:r>" + rpr + "<w:t>封面</w:t></w:r></w:p>";
  }
  EXPECT_NEAR(cn_pages(empty + kCnSect).estimate, 44 * 31.2 / 697.9, 0.06);
  EXPECT_GT(cn_pages(text + kCnSect).estimate, 2.5);
}

// Table cell spacing (w:tblCellSpacing): Word stores half the gap between two cells, and the
// gap at the table's edges is as wide as between cells. Each row adds the gap above it, the
// last row the gap below it too, and each cell's text keeps half a gap clear on either
// side. 15 twips (HTML's default 2 px cellspacing, pasted web tables: fresh 119's four
// tables, calibration 085's) are a 1.5 pt gap. The table's value applies to every row; a
// row's trPr or tblPrEx sets its own; nil is none.
TEST(DocxLayout, TableCellSpacingSeparatesRows) {
  const std::string spacing = "<w:tblCellSpacing w:w=\"15\" w:type=\"dxa\"/>";
  const auto rows = table_rows(bordered_table(3, spacing));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_DOUBLE_EQ(rows[0].border, 1.5);
  EXPECT_DOUBLE_EQ(rows[1].border, 1.5);
  EXPECT_DOUBLE_EQ(rows[2].border, 3.0);
  // With ½ pt borders (Table Grid) the gaps come on top of them.
  const auto grid = table_rows(bordered_table(3, "<w:tblStyle w:val=\"a3\"/>" + spacing), kTableGrid);
  ASSERT_EQ(grid.size(), 3u);
  EXPECT_DOUBLE_EQ(grid[0].border, 2.0);
  EXPECT_DOUBLE_EQ(grid[2].border, 4.0);
  // A row's own spacing, in trPr or tblPrEx, and nil.
  const auto own = table_rows(bordered_table(3, spacing, [](int r) {
    if (r == 0) return std::string("<w:trPr><w:tblCellSpacing w:w=\"40\" w:type=\"dxa\"/></w:trPr>");
    if (r == 1) return std::string("<w:tblPrEx><w:tblCellSpacing w:w=\"0\" w:type=\"nil\"/></w:tblPrEx>");
    return std::string();
  }));
  ASSERT_EQ(own.size(), 3u);
  EXPECT_DOUBLE_EQ(own[0].border, 4.0);
  EXPECT_DOUBLE_EQ(own[1].border, 0.0);
  EXPECT_DOUBLE_EQ(own[2].border, 3.0);
  // On the page: fifty one-line rows (10.5 pt 宋体, 13.65 pt) fill 682.5 of the 697.9 pt
  // body; 1.5 pt more each take them onto a second page.
  auto pages_of = [](const std::string& tbl_pr) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    std::string t = bordered_table(50, tbl_pr);
    t.erase(t.rfind("<w:p>"));  // no paragraph after the table
    parts.body = t + kCnSect;
    return layout_of(parts).estimate;
  };
  EXPECT_LE(pages_of(""), 1.0);
  EXPECT_GT(pages_of(spacing), 1.0);
}

namespace {

// The first table cell paragraph's size and justification, as the reader resolves them,
// under the given Normal style, table style and settings.
struct CellFormat {
  double font_pt = 0;
  bool justified = false;
};
CellFormat cell_format(const std::string& normal_rpr, const std::string& normal_ppr, const std::string& table_style,
                       const std::string& settings, const std::string& pstyle = "", const std::string& more = "") {
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles(normal_rpr, normal_ppr, table_style + more);
  parts.settings = settings;
  std::string t = bordered_table(1, "<w:tblStyle w:val=\"ts\"/>");
  if (!pstyle.empty()) {
    const std::string from = "<w:p><w:r><w:t>项目";
    t.replace(t.find(from), from.size(), "<w:p><w:pPr><w:pStyle w:val=\"" + pstyle + "\"/></w:pPr><w:r><w:t>项目");
  }
  parts.body = t + kCnSect;
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok());
  if (!d.ok()) return {};
  for (const auto& b : d->blocks) {
    if (b.story != model::Story::kMain || b.layout < 0) continue;
    const auto& L = d->layouts[static_cast<std::size_t>(b.layout)];
    if (L.table == 0 && L.cell == 0) return {L.font_pt, L.justified};
  }
  return {};
}

}  // namespace

// Word's style hierarchy in table cells (ECMA-376 §17.7.2): docDefaults, then the table
// style, then the paragraph style — Normal too — then direct formatting. Cell text in a
// 10.5 pt justified Normal is 10.5 pt and justified whatever the table style says (fresh
// 107's use-case tables: its justified Normal compresses the ， and “” of a 31-em line into
// a 30.7-em cell, as Word's page marks show; fresh 034). Without overrideTableStyleFont-
// SizeAndJustification (Word 2010 files) the table style's size wins over a Normal of 12 pt
// and its justification over a left-aligned Normal ([MS-DOCX]; the size measured in Word
// by docx4j).
TEST(DocxLayout, NormalStyleOverridesTheTableStyleInCells) {
  const std::string rpr10 = "<w:rFonts w:ascii=\"Arial\" w:eastAsia=\"宋体\"/><w:sz w:val=\"21\"/>";
  const std::string rpr12 = "<w:rFonts w:ascii=\"Arial\" w:eastAsia=\"宋体\"/><w:sz w:val=\"24\"/>";
  const std::string both = "<w:jc w:val=\"both\"/>", left = "<w:jc w:val=\"left\"/>";
  const std::string ts =
      "<w:style w:type=\"table\" w:styleId=\"ts\"><w:name w:val=\"Grid 1\"/><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
      "<w:rPr><w:sz w:val=\"18\"/></w:rPr><w:tblPr>" + borders("tblBorders", 4, 4, 4) + "</w:tblPr></w:style>";
  const std::string ts_plain =
      "<w:style w:type=\"table\" w:styleId=\"ts\"><w:name w:val=\"Grid 1\"/><w:tblPr>" + borders("tblBorders", 4, 4, 4) +
      "</w:tblPr></w:style>";
  const std::string w2013 =
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
      "w:val=\"15\"/><w:compatSetting w:name=\"overrideTableStyleFontSizeAndJustification\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"1\"/></w:compat>";
  // A table style that sets neither: Normal's size and justification.
  auto c = cell_format(rpr10, both, ts_plain, "");
  EXPECT_DOUBLE_EQ(c.font_pt, 10.5);
  EXPECT_TRUE(c.justified);
  // A 10.5 pt justified Normal over a 9 pt centred table style: Normal's.
  c = cell_format(rpr10, both, ts, "");
  EXPECT_DOUBLE_EQ(c.font_pt, 10.5);
  EXPECT_TRUE(c.justified);
  // A 12 pt left-aligned Normal: the table style's 9 pt and centring in a Word 2010 file,
  // Normal's own in a Word 2013 one.
  c = cell_format(rpr12, left, ts, "");
  EXPECT_DOUBLE_EQ(c.font_pt, 9);
  EXPECT_FALSE(c.justified);
  c = cell_format(rpr12, left, ts, w2013);
  EXPECT_DOUBLE_EQ(c.font_pt, 12);
  EXPECT_FALSE(c.justified);
  // A paragraph style that sets its own 12 pt keeps it; one that inherits Normal's 12 pt
  // takes the table style's.
  const std::string own =
      "<w:style w:type=\"paragraph\" w:styleId=\"own\"><w:name w:val=\"own\"/><w:basedOn w:val=\"a\"/>"
      "<w:rPr><w:sz w:val=\"24\"/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"inh\"><w:name w:val=\"inh\"/><w:basedOn w:val=\"a\"/></w:style>";
  EXPECT_DOUBLE_EQ(cell_format(rpr12, left, ts, "", "own", own).font_pt, 12);
  EXPECT_DOUBLE_EQ(cell_format(rpr12, left, ts, "", "inh", own).font_pt, 9);
  // On the page: 31 em of text with six full-width marks in a 30.7 em cell (10.5 pt,
  // 322.4 pt) fits one line only when the justified Normal lets its marks compress.
  wenfeng::testing::DocxParts parts;
  parts.styles = cn_styles(rpr10, both, ts_plain);
  parts.settings = "<w:characterSpacingControl w:val=\"compressPunctuation\"/>";
  const std::string text = "1、用户点击页面上方“设置，xyz”键，打开下拉框，显示全部的选项";
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ts\"/><w:tblW w:w=\"6663\" w:type=\"dxa\"/></w:tblPr><w:tblGrid>"
            "<w:gridCol w:w=\"6663\"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"6663\" w:type=\"dxa\"/></w:tcPr>"
            "<w:p><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t>" + text + "</w:t></w:r></w:p>"
            "</w:tc></w:tr></w:tbl>";
  parts.body = body + kCnSect;
  EXPECT_EQ(layout_of(parts).lines, 40u);
}

// Under overrideTableStyleFontSizeAndJustification (Word 2013 and later) the paragraph
// style's size and justification are what it resolves to, docDefaults under it, and they
// beat the table style's even where the style chain sets neither (fresh-3 t119: a "Table
// Grid" of 10 pt over docDefaults of 10.5 pt and a Normal without a size; Word's page breaks
// show its cells' JSON lines wrapping as 10.5 pt lines do). A Word 2010 file keeps the table
// style's.
TEST(DocxLayout, ResolvedParagraphStyleBeatsTheTableStyleUnderWord2013) {
  const std::string rpr = "<w:rFonts w:ascii=\"Arial\" w:eastAsia=\"宋体\"/>";  // no size: docDefaults' 10.5 pt
  const std::string ppr = "<w:widowControl w:val=\"0\"/>";                       // no jc: left
  const std::string ts =
      "<w:style w:type=\"table\" w:styleId=\"ts\"><w:name w:val=\"Table Grid\"/><w:pPr><w:jc w:val=\"both\"/></w:pPr>"
      "<w:rPr><w:sz w:val=\"20\"/></w:rPr><w:tblPr>" + borders("tblBorders", 4, 4, 4) + "</w:tblPr></w:style>";
  const std::string w2013 =
      "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
      "w:val=\"15\"/><w:compatSetting w:name=\"overrideTableStyleFontSizeAndJustification\" "
      "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"1\"/></w:compat>";
  auto c = cell_format(rpr, ppr, ts, w2013);
  EXPECT_DOUBLE_EQ(c.font_pt, 10.5);
  EXPECT_FALSE(c.justified);
  c = cell_format(rpr, ppr, ts, "");
  EXPECT_DOUBLE_EQ(c.font_pt, 10);
  EXPECT_TRUE(c.justified);
  // On the page: 14 characters in a cell 143 pt wide are one line at 10 pt (140 pt) and two
  // at 10.5 pt (147 pt); 40 such one-cell tables.
  auto lines = [&](const std::string& settings) {
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles(rpr, ppr, ts);
    parts.settings = settings;
    std::string body;
    for (int i = 0; i < 40; ++i)
      body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"ts\"/><w:tblW w:w=\"3076\" w:type=\"dxa\"/>"
              "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3076\"/></w:tblGrid><w:tr><w:tc>"
              "<w:tcPr><w:tcW w:w=\"3076\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>" + han(14) + "</w:t></w:r></w:p>"
              "</w:tc></w:tr></w:tbl><w:p/>";
    parts.body = body + kCnSect;
    return layout_of(parts).lines;
  };
  EXPECT_EQ(lines(""), 80u);
  EXPECT_EQ(lines(w2013), 120u);
}

// Paragraph borders (w:pBdr): a top border's space and width go above the paragraph's first
// line and a bottom border's below its last (a code listing's boxed snippets: 7 pt space and
// a 3/4 pt rule on each side, 15.5 pt a snippet). Consecutive paragraphs with the same
// borders are one box: the top border above the first only, the bottom below the last
// only, and between them the between border if one is set.
TEST(DocxLayout, ParagraphBordersAddTheirSpaceAndWidth) {
  const std::string side = " w:val=\"single\" w:sz=\"6\" w:space=\"7\" w:color=\"auto\"/>";
  const std::string box = "<w:pBdr><w:top" + side + "<w:left" + side + "<w:bottom" + side + "<w:right" + side + "</w:pBdr>";
  const std::string boxed_between = "<w:pBdr><w:top" + side + "<w:bottom" + side +
                                    "<w:between w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>";
  auto repeat = [](int n, const std::string& s) {
    std::string r;
    for (int i = 0; i < n; ++i) r += s;
    return r;
  };
  // 11 boxed paragraphs, each followed by an empty one: 22 lines of 15.6 pt on the grid
  // (343.2 pt, 0.49 page) and 11 × 15.5 pt of borders (0.74 page).
  const double plain = cn_pages(repeat(11, para(han(4)) + "<w:p/>") + kCnSect).estimate;
  const double boxed = cn_pages(repeat(11, para(han(4), box) + "<w:p/>") + kCnSect).estimate;
  EXPECT_NEAR(boxed - plain, 11 * 15.5 / 697.9, 0.1);
  // One box of 43 paragraphs: 670.8 + 15.5 pt fits the 697.9 pt page; of 44, 686.4 + 15.5 pt
  // does not (without the borders it would).
  EXPECT_LE(cn_pages(repeat(43, para(han(4), box)) + kCnSect).estimate, 1.0);
  EXPECT_GT(cn_pages(repeat(44, para(han(4), box)) + kCnSect).estimate, 1.0);
  EXPECT_LE(cn_pages(repeat(44, para(han(4))) + kCnSect).estimate, 1.0);
  // A between border (1 pt space, 1 pt rule) between each two: 40 paragraphs take
  // 624 + 15.5 + 39 × 2 pt, over the page; the same box without it fits.
  EXPECT_GT(cn_pages(repeat(40, para(han(4), boxed_between)) + kCnSect).estimate, 1.0);
  EXPECT_LE(cn_pages(repeat(40, para(han(4), box)) + kCnSect).estimate, 1.0);
  // A side of none adds nothing.
  EXPECT_NEAR(cn_pages(repeat(11, para(han(4), "<w:pBdr><w:top w:val=\"none\" w:sz=\"0\" w:space=\"0\"/></w:pBdr>") +
                                      "<w:p/>") + kCnSect).estimate,
              plain, 0.001);
}

// w:hint="eastAsia" sets the symbol blocks shared by Latin and Chinese text (box drawing,
// arrows, circled numbers: U+2010-U+2BFF) in the East Asian font, full width (ECMA-376
// §17.3.2.26): a box-drawing diagram typed as text, 60 characters a row at 10.5 pt, takes two
// lines of the 415.3 pt column a row (630 pt), not one. Without the hint the Latin font's
// narrower advance keeps each row on one line.
TEST(DocxLayout, HintEastAsiaSetsBoxDrawingFullWidth) {
  std::string row;
  for (int i = 0; i < 60; ++i) row += "─";
  auto body = [&](const std::string& rpr) {
    std::string b;
    for (int i = 0; i < 10; ++i) b += "<w:p><w:r><w:rPr>" + rpr + "</w:rPr><w:t>" + row + "</w:t></w:r></w:p>";
    return b + kCnSect;
  };
  EXPECT_EQ(cn_pages(body("<w:rFonts w:hint=\"eastAsia\"/>")).lines, 20u);
  EXPECT_EQ(cn_pages(body("")).lines, 10u);
}

// A floating table anchored to the page (w:tblpPr vertAnchor page) that opens a page stands
// at tblpY from the page's top edge: what tblpY exceeds the top margin lies above it, and
// the paragraph after a nearly page-long table goes over (the history set's weekly-report
// form at 75.9 pt under a 72 pt margin). Anchored to the margin, tblpY counts from the
// margin; in the text flow, or at a tblpY inside the margin, the table starts the body.
TEST(DocxLayout, FloatingTableAnchoredToThePageStandsAtItsPosition) {
  auto table = [](const std::string& tblp) {
    std::string rows;
    for (int i = 0; i < 16; ++i)
      rows += "<w:tr><w:trPr><w:trHeight w:val=\"700\" w:hRule=\"exact\"/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"8000\" "
              "w:type=\"dxa\"/></w:tcPr>" + para("行") + "</w:tc></w:tr>";
    return "<w:tbl><w:tblPr>" + tblp + "<w:tblW w:w=\"8000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"8000\"/>"
           "</w:tblGrid>" + rows + "</w:tbl>" + para("");
  };
  const auto in_flow = pages(table("") + kPlainSect, 24);
  const auto page = pages(table("<w:tblpPr w:leftFromText=\"180\" w:rightFromText=\"180\" w:vertAnchor=\"page\" "
                                "w:horzAnchor=\"page\" w:tblpX=\"1800\" w:tblpY=\"4040\"/>") + kPlainSect, 24);
  const auto margin = pages(table("<w:tblpPr w:vertAnchor=\"margin\" w:horzAnchor=\"margin\" w:tblpY=\"2600\"/>") +
                            kPlainSect, 24);
  const auto inside_margin = pages(table("<w:tblpPr w:vertAnchor=\"page\" w:horzAnchor=\"page\" w:tblpX=\"1800\" "
                                         "w:tblpY=\"1000\"/>") + kPlainSect, 24);
  EXPECT_LT(in_flow.estimate, 1.0);
  EXPECT_LT(inside_margin.estimate, 1.0);
  EXPECT_NEAR(inside_margin.estimate, in_flow.estimate, 0.001);
  EXPECT_GT(page.estimate, 1.0);
  EXPECT_GT(margin.estimate, 1.0);
}

// Word's autofit leaves no column narrower than its widest unit of text that cannot break,
// as Word measures it: with pair kerning (w:kern, on in Chinese Word's docDefaults), which
// the advance widths here leave out. A column that a unit is measured wider than by less
// than 1% is that unit as Word measured it: the unit fits. "NVARCHAR2" in 10.5 pt Times New
// Roman is 64.0 pt; 45 rows of it take one line each (13.65 pt, one page) in a 63.7 pt
// cell (1490 twips less 2 × 108 margins, 0.5% short), two (two pages) in a 62.9 pt one
// (1.7% short), in a fixed table (no autofit: the saved width is the author's), or in WPS.
TEST(DocxLayout, AutofitColumnHoldsAUnitMeasuredSlightlyWider) {
  auto pages_of = [](int col, const std::string& tbl_pr, const std::string& app = "") {
    std::string t = "<w:tbl><w:tblPr>" + tbl_pr +
                    "<w:tblW w:w=\"8306\" w:type=\"dxa\"/><w:tblCellMar><w:left w:w=\"108\" w:type=\"dxa\"/>"
                    "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w=\"" +
                    std::to_string(col) + "\"/><w:gridCol w:w=\"" + std::to_string(8306 - col) + "\"/></w:tblGrid>";
    for (int r = 0; r < 45; ++r)
      t += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(col) + "\" w:type=\"dxa\"/></w:tcPr>" +
           para("NVARCHAR2") + "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(8306 - col) +
           "\" w:type=\"dxa\"/></w:tcPr>" + para("字") + "</w:tc></w:tr>";
    wenfeng::testing::DocxParts parts;
    parts.styles = cn_styles();
    if (!app.empty()) parts.app["Application"] = app;
    parts.body = t + "</w:tbl>" + para("") + kCnSect;
    return layout_of(parts).estimate;
  };
  EXPECT_LE(pages_of(1490, ""), 1.0);
  EXPECT_LE(pages_of(1490, "<w:tblLayout w:type=\"autofit\"/>"), 1.0);
  EXPECT_GT(pages_of(1474, ""), 1.0);
  EXPECT_GT(pages_of(1490, "<w:tblLayout w:type=\"fixed\"/>"), 1.0);
  EXPECT_GT(pages_of(1490, "", "WPS Office_11.1.0.11194_F1E327BC-269C-435d-A152-05C5408002CA"), 1.0);
  EXPECT_LE(pages_of(1520, "<w:tblLayout w:type=\"fixed\"/>"), 1.0);  // 65.2 pt: fits anyway
}

// Word: top-and-bottom objects in one paragraph set side by side share one band: the room
// they take is the union of their vertical extents, not the sum of their heights (fresh-3
// t055's pairs of phone screenshots). A line of text with two 400 pt pictures placed 72 pt
// from the top of the page, one at the left margin and one 220 pt to the right, then 15
// lines: 15 + 400 + 225 pt fit the 697.9 pt page; the heights added up (815 pt + 225) do not,
// nor do the two pictures one below the other. Placed from the paragraph 10 pt down (their
// band cuts its line, which goes below them) they share their band likewise.
TEST(DocxLayout, TopAndBottomObjectsSideBySideInOneParagraphTakeOneBand) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto pic = [](int x_pt, const std::string& from, int y_pt) {
    return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" behindDoc=\"0\"><wp:positionH relativeFrom=\"column\">"
           "<wp:posOffset>" + std::to_string(x_pt * 12700) + "</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"" +
           from + "\"><wp:posOffset>" + std::to_string(y_pt * 12700) + "</wp:posOffset></wp:positionV>"
           "<wp:extent cx=\"2540000\" cy=\"5080000\"/><wp:wrapTopAndBottom/><a:graphic><a:graphicData/></a:graphic>"
           "</wp:anchor></w:drawing></w:r>";
  };
  auto doc = [&](const std::string& pics) {
    std::string body = "<w:p><w:pPr>" + line + "</w:pPr><w:r><w:t>字</w:t></w:r>" + pics + "</w:p>";
    for (int i = 0; i < 15; ++i) body += para("字", line);
    return pages(body + kPlainSect, 24).estimate;
  };
  EXPECT_LE(doc(pic(0, "page", 72) + pic(220, "page", 72)), 1.0);
  EXPECT_LE(doc(pic(0, "page", 72) + pic(220, "page", 80)), 1.0);  // tops 8 pt apart: 408 pt
  EXPECT_GT(doc(pic(0, "page", 72) + pic(220, "page", 472)), 1.0);  // one below the other
  EXPECT_LE(doc(pic(0, "paragraph", 10) + pic(220, "paragraph", 10)), 1.0);
  EXPECT_GT(doc(pic(0, "paragraph", 10) + pic(220, "paragraph", 410)), 1.0);
}

// Word: a paragraph with text places the top-and-bottom objects it anchors from its top,
// where it starts, and its first line then goes below the bands it meets, its own and those
// of the paragraphs before: two pictures side by side, the first anchored 15 pt below a
// line of text (just under it), the second at 0 pt in the caption paragraph after it (fresh-3
// t055's pairs of phone screenshots), take one band. A heading, that line, the two 400 pt
// pictures (at the left margin and 220 pt to the right), the caption under both and 15 lines:
// 15 + 15 + 400 + 15 + 225 pt fit the 697.9 pt page; the second picture placed from the
// caption's line, below the first, does not. With 17 lines after them (the caption under the
// band, not beside it) the page is full.
TEST(DocxLayout, TopAndBottomObjectsOfConsecutiveTextParagraphsShareTheirBand) {
  const std::string line = "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>";
  auto pic = [](int x_pt, int y_pt) {
    return "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" behindDoc=\"0\"><wp:positionH relativeFrom=\"column\">"
           "<wp:posOffset>" + std::to_string(x_pt * 12700) + "</wp:posOffset></wp:positionH><wp:positionV "
           "relativeFrom=\"paragraph\"><wp:posOffset>" + std::to_string(y_pt * 12700) + "</wp:posOffset></wp:positionV>"
           "<wp:extent cx=\"2540000\" cy=\"5080000\"/><wp:wrapTopAndBottom/><a:graphic><a:graphicData/></a:graphic>"
           "</wp:anchor></w:drawing></w:r>";
  };
  auto doc = [&](int lines_after) {
    std::string body = para("题", line) + "<w:p><w:pPr>" + line + "</w:pPr>" + pic(0, 15) + "<w:r><w:t>结果如下</w:t></w:r></w:p>" +
                       "<w:p><w:pPr>" + line + "</w:pPr>" + pic(220, 0) + "<w:r><w:t>图1 图2</w:t></w:r></w:p>";
    for (int i = 0; i < lines_after; ++i) body += para("字", line);
    return pages(body + kPlainSect, 24).estimate;
  };
  EXPECT_LE(doc(15), 1.0);
  EXPECT_GT(doc(17), 1.0);
}

// Three one-line rows of a one-column table (`tblp` its w:tblpPr, `tblw` its w:tblW, `width`
// its grid column, twips), then 44 exact 15 pt lines (660 pt of a 697.9 pt page).
namespace {
double floating_table_doc(const std::string& tblp, const std::string& tblw, int width, const std::string& app = "",
                          int rows = 3, const std::string& after = "") {
  std::string t = "<w:tbl><w:tblPr>" + tblp + "<w:tblW w:w=\"" + tblw +
                  "\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"" + std::to_string(width) +
                  "\"/></w:tblGrid>";
  for (int r = 0; r < rows; ++r)
    t += "<w:tr><w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/></w:tcPr>" + para("号") +
         "</w:tc></w:tr>";
  t += "</w:tbl>";
  if (!after.empty()) {
    t += after;
  } else {
    for (int i = 0; i < 44; ++i) t += para("字", "<w:spacing w:line=\"300\" w:lineRule=\"exact\"/>");
  }
  wenfeng::testing::DocxParts parts;
  parts.styles = styles(24);
  if (!app.empty()) parts.app["Application"] = app;
  parts.body = t + kPlainSect;
  return layout_of(parts).estimate;
}
}  // namespace

// Word sets text beside a floating table anchored to the text (w:tblpPr vertAnchor text) as
// beside a square-wrapped object when at least 72 pt is left beside it: the paragraphs after
// it run beside its rows, which take no room of their own (fresh-3 t091's cover). Three
// one-line rows of a 133 pt table at the margin, then 44 exact 15 pt lines (660 pt): beside
// the table they fit the 697.9 pt page; a table the column's width, one in the flow, or the
// same file saved by WPS put the last lines on page 2.
TEST(DocxLayout, TextRunsBesideANarrowFloatingTable) {
  auto doc = [](const std::string& tblp, int width, const std::string& app = "") {
    return floating_table_doc(tblp, std::to_string(width), width, app);
  };
  const std::string beside =
      "<w:tblpPr w:leftFromText=\"180\" w:rightFromText=\"180\" w:vertAnchor=\"text\" w:horzAnchor=\"margin\" w:tblpY=\"136\"/>";
  EXPECT_LE(doc(beside, 2660), 1.0);
  EXPECT_LE(doc("<w:tblpPr w:vertAnchor=\"text\" w:tblpXSpec=\"right\" w:tblpY=\"136\"/>", 2660), 1.0);
  EXPECT_GT(doc(beside, 8306), 1.0);  // nothing left beside it
  EXPECT_GT(doc("", 2660), 1.0);      // not floating
  EXPECT_GT(doc(beside, 2660, "WPS Office_11.1.0.11194_F1E327BC-269C-435d-A152-05C5408002CA"), 1.0);
}

// A floating table longer than the text beside it keeps the rest of its height: at the end
// of the text or at a page break the rows below the text take their room in the flow again,
// from the last one up. 200 rows (about 4 pages in the flow) beside one short paragraph are
// still about 4 pages; before a page break and one more paragraph, one page more.
TEST(DocxLayout, FloatingTableLongerThanTheTextBesideKeepsItsHeight) {
  const std::string beside =
      "<w:tblpPr w:leftFromText=\"180\" w:rightFromText=\"180\" w:vertAnchor=\"text\" w:horzAnchor=\"margin\" w:tblpY=\"136\"/>";
  const std::string tail = para("字");
  const double flow = floating_table_doc("", "2660", 2660, "", 200, tail);
  ASSERT_GT(flow, 3.0);
  EXPECT_NEAR(floating_table_doc(beside, "2660", 2660, "", 200, tail), flow, 0.2);
  const std::string broken = tail + "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" + para("字");
  EXPECT_GT(floating_table_doc(beside, "2660", 2660, "", 200, broken), std::ceil(flow - 0.2));
  // A page break inside the paragraph beside it cuts the band off as well.
  const std::string inside = "<w:p><w:r><w:t>字</w:t><w:br w:type=\"page\"/><w:t>字</w:t></w:r></w:p>";
  EXPECT_GT(floating_table_doc(beside, "2660", 2660, "", 200, inside), std::ceil(flow - 0.2));
}

// tblpXSpec aligns a floating table within horzAnchor's frame (ECMA-376 17.4.57), as
// wp:align places a picture: right of the page is the page's right edge, 90 pt right of the
// margin's. A 380 pt table there leaves 125 pt beside it (the text runs beside); at the
// margin's right edge 35 pt (the text goes below). A twips value that is no number (nan)
// is not given: tblW w="nan" leaves the grid's width.
TEST(DocxLayout, FloatingTableAlignedWithinItsHorizontalAnchor) {
  const auto doc = [](const std::string& tblp, const std::string& tblw, int width) {
    return floating_table_doc(tblp, tblw, width);
  };
  const auto right_of = [](const std::string& frame) {
    return "<w:tblpPr w:vertAnchor=\"text\" w:horzAnchor=\"" + frame + "\" w:tblpXSpec=\"right\" w:tblpY=\"136\"/>";
  };
  EXPECT_LE(doc(right_of("page"), "7600", 7600), 1.0);
  EXPECT_GT(doc(right_of("margin"), "7600", 7600), 1.0);
  const std::string beside = "<w:tblpPr w:vertAnchor=\"text\" w:horzAnchor=\"margin\" w:tblpY=\"136\"/>";
  EXPECT_LE(doc(beside, "nan", 2660), 1.0);
  EXPECT_GT(doc(beside, "nan", 8306), 1.0);
}
