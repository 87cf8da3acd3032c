// What check reports on a DOCX must be true of the text Word shows. Fixtures built in code,
// each modelled on a structure met in real Word-saved theses and specifications (equations
// in running text, a bomb that lies about its size); none is taken from such a file.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "count/counter.h"
#include "lint/linter.h"
#include "profiles/profile.h"
#include "readers/docx_reader.h"
#include "readers/zip_archive.h"
#include "support/docx_package.h"

using namespace wenfeng;

namespace {

std::string r(const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; }
std::string p(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }
std::string mr(const std::string& t) { return "<m:r><m:t>" + t + "</m:t></m:r>"; }
std::string math(const std::string& inner) { return "<m:oMath>" + inner + "</m:oMath>"; }

model::Document read_body(const std::string& body) {
  wenfeng::testing::DocxParts parts;
  parts.body = body;
  auto bytes = wenfeng::testing::build_docx(parts);
  EXPECT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok()) << (d.ok() ? "" : d.error().message);
  return d.ok() ? std::move(d).value() : model::Document{};
}

std::vector<std::string> rules_found(const model::Document& d) {
  auto prof = profiles::load_profile("national");
  EXPECT_TRUE(prof.ok());
  if (!prof.ok()) return {};
  const model::KindChoice kind{"unknown", model::KindSource::kNone, ""};
  const auto rep = lint::lint_document(d, *prof, kind, lint::Options{});
  std::vector<std::string> out;
  for (const auto& f : rep.findings) out.emplace_back(f.rule_id());
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& id) {
  for (const auto& x : v)
    if (x == id) return true;
  return false;
}

}  // namespace

// An inline equation between Chinese words: its characters are where Word shows them, so
// "设 k为" is not read as "设 为" (a space between two Chinese characters).
TEST(DocxFidelity, InlineEquationTextIsRead) {
  const auto d = read_body(p(r("设 ") + math("<m:sSup><m:e>" + mr("k") + "</m:e><m:sup>" + mr("2") +
                                             "</m:sup></m:sSup>") +
                             r("为全年检查的户数。")));
  ASSERT_EQ(d.blocks.size(), 1u);
  EXPECT_EQ(d.block_text(0), "设 k2为全年检查的户数。");
  EXPECT_FALSE(has(rules_found(d), "text.stray-space"));
}

// The two paragraphs differ only in their equations: read without them, they would be
// reported as the same paragraph.
TEST(DocxFidelity, ParagraphsDifferingInTheirEquationsAreNotDuplicates) {
  const std::string lead = "户的检查结果汇总后报送县应急管理局备案";
  const auto d = read_body(p(r("第") + math(mr("m")) + r(lead)) + p(r("第") + math(mr("n")) + r(lead)));
  ASSERT_EQ(d.blocks.size(), 2u);
  EXPECT_NE(d.block_text(0), d.block_text(1));
  EXPECT_FALSE(has(rules_found(d), "text.duplicate-paragraph"));
}

// Delimiters, n-ary operators and radicals are drawn by Word from their properties; hidden
// and deleted math runs are not shown; property elements give no text.
TEST(DocxFidelity, EquationStructureCharacters) {
  const std::string eq =
      "<m:d><m:dPr><m:ctrlPr/></m:dPr><m:e>" + mr("a") + "</m:e><m:e>" + mr("b") + "</m:e></m:d>" +
      "<m:d><m:dPr><m:begChr m:val=\"[\"/><m:endChr m:val=\"]\"/><m:sepChr m:val=\",\"/></m:dPr><m:e>" + mr("c") +
      "</m:e><m:e>" + mr("d") + "</m:e></m:d>" + "<m:nary><m:naryPr><m:chr m:val=\"\u2211\"/></m:naryPr><m:sub>" +
      mr("i") + "</m:sub><m:sup/><m:e>" + mr("x") + "</m:e></m:nary>" + "<m:rad><m:radPr><m:degHide m:val=\"1\"/></m:radPr><m:deg/><m:e>" +
      mr("y") + "</m:e></m:rad>" + "<m:r><w:rPr><w:vanish/></w:rPr><m:t>隐</m:t></m:r>" +
      "<m:f><m:num>" + mr("1") + "</m:num><m:den>" + mr("2") + "</m:den></m:f>";
  const auto d = read_body(p(r("式") + "<m:oMathPara>" + math(eq) + "</m:oMathPara>"));
  EXPECT_EQ(d.block_text(0), "式(a|b)[c,d]\u2211ix\u221Ay12");
}

// Prose rules stay out of a formula ("i=1,2,…,n" is not a Chinese ellipsis), but the text
// around it is still checked.
TEST(DocxFidelity, NoProseRuleInsideAnEquation) {
  const auto clean = read_body(p(r("对所有") + math(mr("i=1,2,\u2026,n")) + r("求和。")));
  EXPECT_EQ(clean.block_text(0), "对所有i=1,2,\u2026,n求和。");
  EXPECT_FALSE(has(rules_found(clean), "punct.ellipsis"));
  const auto prose = read_body(p(r("对所有") + math(mr("i")) + r("求和\u2026")));
  EXPECT_TRUE(has(rules_found(prose), "punct.ellipsis"));
}

// Nesting deeper than the reader recurses is still read (flat), and does not crash.
TEST(DocxFidelity, DeeplyNestedEquationIsBounded) {
  std::string eq = mr("z");
  for (int i = 0; i < 20000; ++i) eq = "<m:d><m:e>" + eq + "</m:e></m:d>";
  const auto d = read_body(p(r("式") + math(eq)));
  ASSERT_EQ(d.blocks.size(), 1u);
  const auto t = d.block_text(0);
  EXPECT_NE(t.find('z'), std::string_view::npos);
  EXPECT_LT(t.size(), 200u);
}

// A deflated part whose headers declare 1000 bytes but which inflates to 64 MiB: refused
// once it passes its declared size, not after inflating up to the part cap.
TEST(DocxFidelity, EntryInflatingPastItsDeclaredSizeIsRefused) {
  std::string big(64u << 20, ' ');
  auto bytes = wenfeng::testing::zip_files({{"word/document.xml", big}});
  ASSERT_TRUE(bytes.ok());
  std::string z = std::move(bytes).value();
  // Patch the uncompressed size in the local header (offset 22) and the central directory (24).
  auto patch = [&](std::size_t at) {
    const std::uint32_t v = 1000;
    for (int i = 0; i < 4; ++i) z[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  ASSERT_EQ(z.compare(0, 4, "PK\x03\x04"), 0);
  patch(22);
  const auto central = z.rfind("PK\x01\x02");
  ASSERT_NE(central, std::string::npos);
  patch(central + 24);
  auto zip = readers::ZipArchive::open(z);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  auto part = (*zip)->read("word/document.xml");
  ASSERT_FALSE(part.ok());
  EXPECT_EQ(part.error().code, ErrorCode::kZipBomb);
  EXPECT_NE(part.error().message.find("声明"), std::string::npos) << part.error().message;
}

// Text hidden by a style: a character style (and the styles it is based on) or the
// paragraph style's run properties; the run's own w:vanish w:val="0" shows it again.
TEST(DocxFidelity, TextHiddenByAStyleIsDropped) {
  wenfeng::testing::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"character\" w:styleId=\"HiddenBase\"><w:name w:val=\"Hidden Base\"/>"
      "<w:rPr><w:vanish/></w:rPr></w:style>"
      "<w:style w:type=\"character\" w:styleId=\"Note\"><w:name w:val=\"Note\"/><w:basedOn w:val=\"HiddenBase\"/>"
      "<w:rPr><w:b/></w:rPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Hidden\"><w:name w:val=\"Hidden Para\"/>"
      "<w:rPr><w:vanish/></w:rPr></w:style>";
  parts.body = p(r("请各单位") + "<w:r><w:rPr><w:rStyle w:val=\"Note\"/></w:rPr><w:t>（内部注释）</w:t></w:r>" +
                 "<w:r><w:rPr><w:rStyle w:val=\"Note\"/><w:vanish w:val=\"0\"/></w:rPr><w:t>按时</w:t></w:r>" +
                 r("报送。")) +
               "<w:p><w:pPr><w:pStyle w:val=\"Hidden\"/></w:pPr>" + r("隐藏段落") + "</w:p>";
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_GE(d->blocks.size(), 1u);
  EXPECT_EQ(d->block_text(0), "请各单位按时报送。");
  for (std::size_t i = 1; i < d->blocks.size(); ++i) EXPECT_EQ(d->block_text(i), "") << i;
}

// Every equation is read and becomes a suppression range, however many there are (the lint
// pass tests a finding against the ranges open where it is, not against all of them).
TEST(DocxFidelity, EveryEquationIsARange) {
  std::string body;
  for (int i = 0; i < 1500; ++i) body += p(r("甲") + math(mr("x")));
  const auto d = read_body(body);
  ASSERT_EQ(d.blocks.size(), 1500u);
  EXPECT_EQ(d.block_text(1499), "甲x");
  EXPECT_EQ(d.suppressions.size(), 1500u);
}
