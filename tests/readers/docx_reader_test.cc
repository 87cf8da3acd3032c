// DOCX fixtures built in memory, one per awkward structure of the WordprocessingML format.
#include "readers/docx_reader.h"
#include "readers/docx_numbering.h"

#include <gtest/gtest.h>

#include "count/counter.h"
#include "readers/input.h"
#include "support/docx_package.h"

using namespace wenfeng;
using model::Role;
using model::Story;

namespace {

model::Document read(const wenfeng::testing::DocxParts& parts) {
  auto bytes = wenfeng::testing::build_docx(parts);
  EXPECT_TRUE(bytes.ok());
  auto doc = readers::read_docx(*bytes);
  EXPECT_TRUE(doc.ok()) << (doc.ok() ? "" : doc.error().message);
  return doc.ok() ? std::move(doc).value() : model::Document{};
}

model::Document read_body(const std::string& body) {
  wenfeng::testing::DocxParts p;
  p.body = body;
  return read(p);
}

std::string r(const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; }
std::string p(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }

std::vector<std::string> main_texts(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (b.story == Story::kMain) out.emplace_back(d.block_text(b));
  return out;
}

TEST(DocxReader, PhraseSplitAcrossRunsProofErrBookmarksHyperlinksSmartTagsSdt) {
  const std::string body = p(r("高度") + "<w:proofErr w:type=\"spellStart\"/>" + r("重") +
                             "<w:bookmarkStart w:id=\"0\" w:name=\"b\"/>" + r("视") + "<w:bookmarkEnd w:id=\"0\"/>" +
                             "<w:hyperlink r:id=\"x\">" + r("，狠") + "</w:hyperlink>" +
                             "<w:smartTag w:uri=\"u\" w:element=\"e\">" + r("抓") + "</w:smartTag>" +
                             "<w:sdt><w:sdtPr><w:alias w:val=\"标签文字\"/></w:sdtPr><w:sdtContent>" + r("落实") +
                             "</w:sdtContent></w:sdt>" + "<w:customXml w:element=\"c\">" + r("。") + "</w:customXml>");
  const auto d = read_body(body);
  ASSERT_EQ(main_texts(d).size(), 1u);
  EXPECT_EQ(main_texts(d)[0], "高度重视，狠抓落实。");
}

TEST(DocxReader, SpecialCharacters) {
  const auto d = read_body(p("<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/>"
                             "<w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:softHyphen/>"
                             "<w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/></w:r>"));
  EXPECT_EQ(main_texts(d)[0], "甲\t乙\n丙\nA\u2011B\u00AD\uF0FC");
}

TEST(DocxReader, WhitespaceOnlyTextIsKept) {
  const auto d = read_body(p(r("A") + "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" + r("B")));
  EXPECT_EQ(main_texts(d)[0], "A B");
}

TEST(DocxReader, TrackedChangesFinalView) {
  const auto d = read_body(p(r("原有") + "<w:ins w:id=\"1\" w:author=\"a\">" + r("新增") + "</w:ins>" +
                             "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除</w:delText></w:r></w:del>" +
                             "<w:moveFrom w:id=\"3\">" + r("移走") + "</w:moveFrom>" + "<w:moveTo w:id=\"4\">" +
                             r("移来") + "</w:moveTo>"));
  EXPECT_EQ(main_texts(d)[0], "原有新增移来");
}

TEST(DocxReader, PhraseSplitInsideTrackedInsertion) {
  const auto d = read_body(p(r("高") + "<w:ins w:id=\"1\">" + r("度") + "</w:ins>" +
                             "<w:del w:id=\"2\"><w:r><w:delText>不</w:delText></w:r></w:del>" + r("重视")));
  EXPECT_EQ(main_texts(d)[0], "高度重视");
}

TEST(DocxReader, DeletedParagraphMarkJoinsParagraphs) {
  const auto d = read_body("<w:p><w:pPr><w:rPr><w:del w:id=\"9\"/></w:rPr></w:pPr>" + r("前半") + "</w:p>" +
                           p(r("后半")) + p(r("另段")));
  EXPECT_EQ(main_texts(d), (std::vector<std::string>{"前半后半", "另段"}));
}

TEST(DocxReader, HiddenTextAndFieldCodesDropped) {
  const auto d = read_body(p(r("可见") + "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>" +
                             "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>显示</w:t></w:r>" +
                             "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                             "<w:r><w:instrText> PAGE </w:instrText></w:r>"
                             "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                             r("3") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                             "<w:fldSimple w:instr=\" DATE \">" + r("2024年5月1日") + "</w:fldSimple>"));
  EXPECT_EQ(main_texts(d)[0], "可见显示32024年5月1日");
}

TEST(DocxReader, NestedFieldInsideCodeIsDropped) {
  // { IF { PAGE } = 1 "一" "二" } shows only its result "一".
  const std::string b = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>"
                        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
                        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("1") +
                        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                        "<w:r><w:instrText> = 1 \"一\" \"二\"</w:instrText></w:r>"
                        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("一") +
                        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  EXPECT_EQ(main_texts(read_body(p(b)))[0], "一");
}

TEST(DocxReader, AlternateContentTextBoxReadOnceFromChoice) {
  const std::string box = "<w:txbxContent>" + p(r("框内文字")) + "</w:txbxContent>";
  const std::string body =
      p(r("锚段") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic>"
                    "<a:graphicData><wps:wsp><wps:txbx>" + box +
        "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>" + box +
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>" + r("后文")) +
      p(r("下一段"));
  const auto d = read_body(body);
  ASSERT_EQ(d.blocks.size(), 3u);
  EXPECT_EQ(d.block_text(0), "锚段后文");
  EXPECT_EQ(d.blocks[1].story, Story::kTextBox);
  EXPECT_EQ(d.block_text(1), "框内文字");
  EXPECT_EQ(d.block_text(2), "下一段");
  count::Scope s;
  EXPECT_EQ(count::count_document(d, s).zishu, 7u);
  s.textboxes = true;
  EXPECT_EQ(count::count_document(d, s).zishu, 11u);
}

TEST(DocxReader, AlternateContentFallbackWhenChoiceNotUnderstood) {
  const std::string body =
      p("<w:r><mc:AlternateContent><mc:Choice Requires=\"w16se\" "
        "xmlns:w16se=\"http://schemas.microsoft.com/office/word/2015/wordml/symex\">"
        "<w:t>选择</w:t></mc:Choice><mc:Fallback><w:t>备选</w:t></mc:Fallback></mc:AlternateContent></w:r>");
  EXPECT_EQ(main_texts(read_body(body))[0], "备选");
}

TEST(DocxReader, TablesAreCellParagraphs) {
  const auto d = read_body("<w:tbl><w:tblPr/><w:tr><w:tc><w:tcPr/>" + p(r("甲")) + "</w:tc><w:tc>" + p(r("乙")) +
                           "</w:tc></w:tr><w:tr><w:trPr><w:del w:id=\"1\"/></w:trPr><w:tc>" + p(r("删行")) +
                           "</w:tc></w:tr></w:tbl>" + p(r("表后")));
  EXPECT_EQ(main_texts(d), (std::vector<std::string>{"甲", "乙", "表后"}));
  EXPECT_EQ(d.blocks[0].role, Role::kTableCell);
  EXPECT_TRUE(d.blocks[1].in_table);
  EXPECT_FALSE(d.blocks[2].in_table);
}

TEST(DocxReader, NotesHeadersFootersCommentsAreSeparateStories) {
  wenfeng::testing::DocxParts parts;
  parts.body = p(r("正文") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>" +
                 "<w:commentRangeStart w:id=\"0\"/>" + r("批注处") + "<w:commentRangeEnd w:id=\"0\"/>");
  parts.footnotes = "<w:footnote w:type=\"separator\" w:id=\"-1\">" + p("<w:r><w:separator/></w:r>") +
                    "</w:footnote><w:footnote w:id=\"1\">" + p(r("脚注")) + "</w:footnote>";
  parts.endnotes = "<w:endnote w:id=\"1\">" + p(r("尾注")) + "</w:endnote>";
  parts.header = p(r("页眉"));
  parts.footer = p(r("页脚"));
  parts.comments = "<w:comment w:id=\"0\" w:author=\"x\">" + p(r("wenfeng-ignore")) + "</w:comment>";
  const auto d = read(parts);
  std::map<Story, std::string> by_story;
  for (const auto& b : d.blocks) by_story[b.story] += std::string(d.block_text(b));
  EXPECT_EQ(by_story[Story::kMain], "正文批注处");
  EXPECT_EQ(by_story[Story::kFootnote], "脚注");
  EXPECT_EQ(by_story[Story::kEndnote], "尾注");
  EXPECT_EQ(by_story[Story::kHeader], "页眉");
  EXPECT_EQ(by_story[Story::kFooter], "页脚");
  EXPECT_EQ(by_story[Story::kComment], "wenfeng-ignore");
  ASSERT_EQ(d.comments.size(), 1u);
  EXPECT_EQ(d.comments[0].begin_offset, std::string("正文").size());
  EXPECT_EQ(d.comments[0].end_offset, std::string("正文批注处").size());
  EXPECT_EQ(d.comments[0].text, "wenfeng-ignore\n");

  count::Scope s;
  EXPECT_EQ(count::count_document(d, s).zishu, 5u);
  s.notes = true;
  EXPECT_EQ(count::count_document(d, s).zishu, 9u);
  s.headers = true;
  EXPECT_EQ(count::count_document(d, s).zishu, 13u);
  s.comments = true;
  EXPECT_EQ(count::count_document(d, s).zishu, 14u);  // "wenfeng-ignore" is one run
}

const char* kStyles =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"a\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"my\"><w:name w:val=\"我的标题\"/>"
    "<w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"derived\"><w:name w:val=\"派生\"/><w:basedOn w:val=\"1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"list\"><w:name w:val=\"列表段\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>";

TEST(DocxReader, TitleAndHeadingsFromStyles) {
  wenfeng::testing::DocxParts parts;
  parts.styles = kStyles;
  parts.body = "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>" + r("标题") + "</w:p>" +
               "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr>" + r("一级") + "</w:p>" +
               "<w:p><w:pPr><w:pStyle w:val=\"my\"/></w:pPr>" + r("二级") + "</w:p>" +
               "<w:p><w:pPr><w:pStyle w:val=\"derived\"/></w:pPr>" + r("继承") + "</w:p>" +
               "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>" + r("直接") + "</w:p>" + p(r("正文"));
  const auto d = read(parts);
  ASSERT_EQ(d.blocks.size(), 6u);
  EXPECT_EQ(d.blocks[0].role, Role::kTitle);
  EXPECT_EQ(d.blocks[1].role, Role::kHeading);
  EXPECT_EQ(d.blocks[1].level, 1);
  EXPECT_EQ(d.blocks[2].level, 2);
  EXPECT_EQ(d.blocks[3].level, 1);
  EXPECT_EQ(d.blocks[4].level, 3);
  EXPECT_EQ(d.blocks[5].role, Role::kBody);
}

std::string lvl(int ilvl, const std::string& fmt, const std::string& text, int start = 1,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + fmt + "\"/><w:lvlText w:val=\"" + text + "\"/>" + extra + "</w:lvl>";
}

std::string numbered(const std::string& t, int num, int ilvl = 0) {
  return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num) + "\"/></w:numPr></w:pPr>" + r(t) + "</w:p>";
}

TEST(DocxReader, AutomaticNumberingLabelsNotCounted) {
  wenfeng::testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "chineseCounting", "%1、") +
      lvl(1, "chineseCounting", "（%2）") + lvl(2, "decimal", "%3.") + lvl(3, "decimal", "（%4）") +
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\">" + lvl(0, "decimalEnclosedCircle", "%1") + "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"2\">" + lvl(0, "upperRoman", "%1.") + lvl(1, "lowerLetter", "%1.%2)") +
      "</w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"
      "</w:lvlOverride></w:num>";
  parts.body = numbered("总体要求", 1) + numbered("指导思想", 1, 1) + numbered("目标", 1, 1) +
               numbered("细目", 1, 2) + numbered("小项", 1, 3) + numbered("重点任务", 1) +
               numbered("任务一", 1, 1) + numbered("圈一", 2) + numbered("圈二", 2) + numbered("罗马", 3) +
               numbered("字母", 3, 1) + numbered("五起", 4);
  const auto d = read(parts);
  std::vector<std::string> labels;
  for (const auto& b : d.blocks) labels.push_back(b.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"一、", "（一）", "（二）", "1.", "（1）", "二、", "（一）", "①", "②",
                                              "I.", "I.a)", "⑤"}));
  EXPECT_EQ(d.blocks[0].role, Role::kListItem);
  EXPECT_EQ(d.blocks[1].level, 2);
  // Labels are not part of the text.
  EXPECT_EQ(d.block_text(0), "总体要求");
  // Worked out: 4+4+2+2+2+4+3+2+2+2+2+2 = 31; the labels add nothing.
  EXPECT_EQ(count::count_document(d, {}).zishu, 31u);
}

TEST(DocxReader, NumberingFromParagraphStyle) {
  wenfeng::testing::DocxParts parts;
  parts.styles = kStyles;
  parts.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + lvl(0, "decimal", "%1.") +
                    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  parts.body = "<w:p><w:pPr><w:pStyle w:val=\"list\"/></w:pPr>" + r("甲") + "</w:p>" +
               "<w:p><w:pPr><w:pStyle w:val=\"list\"/></w:pPr>" + r("乙") + "</w:p>";
  const auto d = read(parts);
  EXPECT_EQ(d.blocks[0].label, "1.");
  EXPECT_EQ(d.blocks[1].label, "2.");
}

TEST(DocxReader, NumberFormats) {
  using readers::docx::format_number;
  EXPECT_EQ(format_number(1, "chineseCounting"), "一");
  EXPECT_EQ(format_number(10, "chineseCounting"), "十");
  EXPECT_EQ(format_number(11, "chineseCounting"), "十一");
  EXPECT_EQ(format_number(20, "chineseCountingThousand"), "二十");
  EXPECT_EQ(format_number(105, "chineseCountingThousand"), "一百零五");
  EXPECT_EQ(format_number(1010, "chineseCountingThousand"), "一千零一十");
  EXPECT_EQ(format_number(3, "ideographTraditional"), "丙");
  EXPECT_EQ(format_number(27, "upperLetter"), "AA");
  EXPECT_EQ(format_number(4, "lowerRoman"), "iv");
  EXPECT_EQ(format_number(1994, "upperRoman"), "MCMXCIV");
  EXPECT_EQ(format_number(20, "decimalEnclosedCircle"), "⑳");
  EXPECT_EQ(format_number(21, "decimalEnclosedCircle"), "21");
  EXPECT_EQ(format_number(12, "decimalFullWidth"), "１２");
  EXPECT_EQ(format_number(7, "unknownFormat"), "7");
}

TEST(DocxReader, PropertiesAreRead) {
  wenfeng::testing::DocxParts parts;
  parts.body = p(r("x"));
  parts.custom_properties["wenfeng.kind"] = "news.member-research";
  parts.core["category"] = "news.main-leader-meeting";
  parts.app["Pages"] = "3";
  parts.app["Application"] = "Microsoft Office Word";
  const auto d = read(parts);
  EXPECT_EQ(d.property("custom:wenfeng.kind").value_or(""), "news.member-research");
  EXPECT_EQ(d.property("core:category").value_or(""), "news.main-leader-meeting");
  EXPECT_EQ(d.property("app:Pages").value_or(""), "3");
}

TEST(DocxReader, SourcePositionsArePartParagraphOffset) {
  const auto d = read_body(p(r("第一段")) + p(r("第二") + r("段落")));
  const auto pos = d.position(1, static_cast<std::uint32_t>(std::string("第二段").size()));
  EXPECT_EQ(pos.source, "word/document.xml");
  EXPECT_EQ(pos.line, 2u);
  EXPECT_EQ(pos.column, 4u);
}

TEST(DocxReader, MalformedXmlNamesPartLineAndColumn) {
  auto bytes = wenfeng::testing::zip_files({{"word/document.xml", "<?xml version=\"1.0\"?>\n<w:document>\n<w:body><w:p></w:body>"}});
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kMalformedXml);
  EXPECT_EQ(d.error().where.rfind("word/document.xml:3:", 0), 0u) << d.error().where;
}

TEST(DocxReader, ZipWithoutDocumentXml) {
  auto bytes = wenfeng::testing::zip_files({{"hello.txt", "hi"}});
  auto d = readers::read_docx(*bytes);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kMissingPart);
}

TEST(DocxReader, TruncatedZip) {
  wenfeng::testing::DocxParts parts;
  parts.body = p(r("内容"));
  auto bytes = wenfeng::testing::build_docx(parts);
  const std::string cut = bytes->substr(0, bytes->size() / 2);
  auto d = readers::read_document(cut, "cut.docx");
  ASSERT_FALSE(d.ok());
  EXPECT_TRUE(d.error().code == ErrorCode::kNotZip || d.error().code == ErrorCode::kCorruptZip);
}

TEST(DocxReader, ZipBombCaps) {
  // 64 MiB of one repeated byte deflates to a tiny entry: refused by the ratio cap and,
  // with a smaller per-entry cap, by the actual inflated size.
  std::string huge(64u << 20, 'a');
  auto bytes = wenfeng::testing::zip_files({{"word/document.xml", huge}});
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kZipBomb);
  readers::ZipLimits small;
  small.max_entry_bytes = 1u << 20;
  small.max_ratio = 1u << 30;
  auto d2 = readers::read_docx(*bytes, small);
  ASSERT_FALSE(d2.ok());
  EXPECT_EQ(d2.error().code, ErrorCode::kZipBomb);
}

TEST(DocxReader, TooManyEntries) {
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 50; ++i) files.emplace_back(std::string(1, 'f').append(std::to_string(i)), "x");  // GCC 12 -Wrestrict
  auto bytes = wenfeng::testing::zip_files(files);
  readers::ZipLimits lim;
  lim.max_entries = 10;
  auto d = readers::read_docx(*bytes, lim);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().code, ErrorCode::kZipBomb);
}

}  // namespace
