// Comments and tracked-change fixes written into DOCX copies, checked by reading the copy
// back independently (support/ooxml_inspect.h) and by re-reading it with wenfeng.
#include "annotate/annotate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "annotate/xml_scan.h"
#include "fix/text_fix.h"
#include "lint/session.h"
#include "model/rule.h"
#include "readers/encoding.h"
#include "support/docx_package.h"
#include "support/cli_runner.h"
#include "support/ooxml_inspect.h"

using namespace wenfeng;
namespace t = wenfeng::testing;

namespace {

std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }
std::string rb(const std::string& text) { return "<w:r><w:rPr><w:b/></w:rPr><w:t>" + text + "</w:t></w:r>"; }
std::string p(const std::string& inner) { return "<w:p>" + inner + "</w:p>"; }
const std::string kTitle = p(r("关于做好防汛工作的通知"));

std::string docx(const t::DocxParts& parts) {
  auto b = t::build_docx(parts);
  EXPECT_TRUE(b.ok());
  return b.ok() ? *b : std::string();
}
std::string docx_body(const std::string& body) {
  t::DocxParts parts;
  parts.body = body;
  return docx(parts);
}

lint::FileResult check(const std::string& bytes) {
  lint::RunOptions o;
  o.stdin_filename = "draft.docx";
  o.keep_input = true;
  o.read.docx_run_map = true;
  auto s = lint::Session::open(o, true);
  EXPECT_TRUE(s.ok());
  auto f = (*s)->check("-", &bytes);
  EXPECT_FALSE(f.error) << (f.error ? f.error->message : "");
  return f;
}

annotate::Output annotate_ok(const lint::FileResult& f, annotate::Options o = {}) {
  o.date = "2024-05-06T08:00:00Z";
  auto out = annotate::annotate_docx(f.input, f, o);
  EXPECT_TRUE(out.ok()) << (out.ok() ? "" : out.error().message);
  return out.ok() ? std::move(out).value() : annotate::Output{};
}

std::vector<t::AnchoredComment> ours(const std::string& docx) {
  auto all = t::comments(docx);
  all.erase(std::remove_if(all.begin(), all.end(), [](const auto& c) { return c.author != "文风"; }), all.end());
  return all;
}

// The comment whose message mentions `rule`, anchored on `text`.
bool has_comment(const std::string& out, const std::string& rule, const std::string& text) {
  for (const auto& c : ours(out))
    if (c.text.find(rule) != std::string::npos && c.anchored == text && c.referenced) return true;
  return false;
}

std::vector<std::string> main_texts(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (b.story == model::Story::kMain) out.emplace_back(d.block_text(b));
  return out;
}

std::size_t count_rule(const lint::FileResult& f, std::string_view rule) {
  return static_cast<std::size_t>(std::count_if(f.report->findings.begin(), f.report->findings.end(),
                                                [&](const model::Diagnostic& d) { return d.rule_id() == rule; }));
}

// A synthetic finding of `rule` over `found` in block `block` (rules read only the main
// text; the writer must also place findings in text boxes, footnotes…).
void add_finding(lint::FileResult& f, std::uint32_t block, const std::string& found, const std::string& fix) {
  const auto text = f.doc->block_text(block);
  model::Diagnostic d;
  d.rule = model::find_rule("punct.halfwidth");
  d.severity = model::Severity::kError;
  d.block = block;
  d.offset = static_cast<std::uint32_t>(text.find(found));
  d.length = static_cast<std::uint32_t>(found.size());
  d.args = {{"fix", fix}, {"found", found}};
  d.replace_with(fix);
  auto& all = f.report->findings;
  all.push_back(d);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.block != b.block ? a.block < b.block : a.offset < b.offset;
  });
}

std::uint32_t block_of(const model::Document& d, model::Story story) {
  for (std::uint32_t i = 0; i < d.blocks.size(); ++i)
    if (d.blocks[i].story == story) return i;
  ADD_FAILURE() << "no block of story " << model::story_name(story);
  return 0;
}

TEST(Annotate, RunMapPointsAtTheSourceBytesThroughEntities) {
  const std::string bytes = docx_body(kTitle + p(r("A&amp;B,") + "<w:r><w:tab/><w:t>C</w:t></w:r>"));
  auto f = check(bytes);
  const auto& d = *f.doc;
  const std::string xml = t::entry(bytes, "word/document.xml");
  ASSERT_GE(d.origins.size(), 4u);
  std::vector<const model::TextOrigin*> para;
  for (const auto& o : d.origins)
    if (o.block == 1) para.push_back(&o);
  ASSERT_EQ(para.size(), 3u);
  EXPECT_EQ(xml.substr(para[0]->xml, 9), "A&amp;B,<");
  EXPECT_EQ(para[0]->length, 4u);  // "A&B," as read
  EXPECT_EQ(annotate::xml::text_offset(xml, para[0]->xml, 3), para[0]->xml + 7);  // the comma
  EXPECT_EQ(xml.substr(para[0]->run, 4), "<w:r");
  EXPECT_EQ(para[1]->kind, model::TextOrigin::kElement);
  EXPECT_EQ(xml.substr(para[1]->xml, 8), "<w:tab/>");
  EXPECT_EQ(xml.substr(para[2]->xml, 1), "C");
}

TEST(Annotate, SplitsARunWhereAFindingStartsAndEndsInsideIt) {
  const std::string bytes = docx_body(kTitle + p(rb("各单位要认真落实,确保安全。")));
  auto f = check(bytes);
  ASSERT_EQ(count_rule(f, "punct.halfwidth"), 1u);
  annotate::Options comments_only;
  comments_only.fixes = false;
  const auto out = annotate_ok(f, comments_only);
  EXPECT_TRUE(has_comment(out.docx, "punct.halfwidth", ","));
  // Three runs now, each still bold; the text reads as before.
  const std::string xml = t::entry(out.docx, "word/document.xml");
  EXPECT_EQ(t::count_elements(xml, "b"), 3u);
  const auto again = check(out.docx);
  EXPECT_EQ(main_texts(*again.doc), main_texts(*f.doc));
  EXPECT_EQ(again.report->m.counts.zishu, f.report->m.counts.zishu);

  const auto fixed = annotate_ok(f);
  EXPECT_EQ(fixed.stats.fixes, 1u);
  EXPECT_TRUE(has_comment(fixed.docx, "punct.halfwidth", "，"));
  const auto accepted = check(t::accept_all(fixed.docx));
  EXPECT_EQ(main_texts(*accepted.doc)[1], "各单位要认真落实，确保安全。");
  EXPECT_EQ(count_rule(accepted, "punct.halfwidth"), 0u);
}

TEST(Annotate, FindingAcrossThreeRuns) {
  const std::string bytes = docx_body(kTitle + p(r("会议要求.") + rb(".") + r(".各单位认真落实。")));
  auto f = check(bytes);
  ASSERT_EQ(count_rule(f, "punct.ellipsis"), 1u);
  annotate::Options comments_only;
  comments_only.fixes = false;
  EXPECT_TRUE(has_comment(annotate_ok(f, comments_only).docx, "punct.ellipsis", "..."));
  const auto out = annotate_ok(f);
  EXPECT_EQ(out.stats.fixes, 1u);
  EXPECT_TRUE(has_comment(out.docx, "punct.ellipsis", "……"));
  // Three deleted pieces (one per run) and one insertion.
  const std::string xml = t::entry(out.docx, "word/document.xml");
  EXPECT_EQ(t::count_elements(xml, "del"), 3u);
  EXPECT_EQ(t::count_elements(xml, "ins"), 1u);
  // Re-read: the final view is the fixed text; accepting everything leaves nothing to fix.
  std::string before, after;
  fix::fixed_paragraphs(*f.doc, f.report->findings, before, after);
  const auto again = check(out.docx);
  std::string now;
  for (const auto& t : main_texts(*again.doc)) now += t + "\n";
  EXPECT_EQ(now, after);
  const auto accepted = check(t::accept_all(out.docx));
  EXPECT_EQ(main_texts(*accepted.doc)[1], "会议要求……各单位认真落实。");
  for (const auto& d : accepted.report->findings) EXPECT_FALSE(d.fix) << d.rule_id();
}

TEST(Annotate, RunsOnTheSpanEdgesAreLeftAsTheyAre) {
  // 高度重视 spans three whole runs: the comment goes between runs, nothing is split.
  const std::string body = kTitle + p(r("各级要") + r("高度") + rb("重") + r("视") + r("安全生产工作。"));
  const std::string bytes = docx_body(body);
  auto f = check(bytes);
  ASSERT_EQ(count_rule(f, "phrase.boilerplate"), 1u) << "高度重视 should be in the boilerplate list";
  annotate::Options comments_only;
  comments_only.fixes = false;
  const auto out = annotate_ok(f, comments_only);
  EXPECT_TRUE(has_comment(out.docx, "phrase.boilerplate", "高度重视"));
  // Without the comment markers the part is the input's, byte for byte.
  std::string xml = t::entry(out.docx, "word/document.xml");
  for (const char* marker : {"<w:commentRangeStart ", "<w:commentRangeEnd ", "<w:r><w:commentReference "}) {
    for (std::size_t at; (at = xml.find(marker)) != std::string::npos;) {
      const std::size_t end = std::string(marker).find("<w:r>") == 0 ? xml.find("</w:r>", at) + 6 : xml.find("/>", at) + 2;
      xml.erase(at, end - at);
    }
  }
  EXPECT_EQ(xml, t::entry(bytes, "word/document.xml"));
}

TEST(Annotate, UntouchedEntriesAreCopiedAsStored) {
  t::DocxParts parts;
  parts.body = kTitle + p(r("各单位要认真落实,确保安全。"));
  parts.styles = "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>";
  parts.header = p(r("页眉"));
  // A picture stored uncompressed, as Word stores them: it must stay stored.
  const std::string bytes = t::with_stored_entry(docx(parts), "word/media/image1.png", std::string(4096, 'x'));
  const auto out = annotate_ok(check(bytes));
  const std::vector<std::string> changed = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
                                            "[Content_Types].xml"};
  const auto names = t::entry_names(out.docx);
  const auto before = t::entry_names(bytes);
  ASSERT_TRUE(std::equal(before.begin(), before.end(), names.begin()));  // same order, comments.xml added at the end
  EXPECT_EQ(names.back(), "word/comments.xml");
  for (const auto& n : before) {
    if (std::find(changed.begin(), changed.end(), n) != changed.end()) continue;
    EXPECT_EQ(t::raw_entry(out.docx, n), t::raw_entry(bytes, n)) << n;
  }
  EXPECT_NE(t::entry(out.docx, "[Content_Types].xml").find("/word/comments.xml"), std::string::npos);
  EXPECT_NE(t::entry(out.docx, "word/_rels/document.xml.rels").find("comments.xml"), std::string::npos);
}

TEST(Annotate, TablesTextBoxesAndFootnotes) {
  const std::string box_text = "框内说明,见附件。";
  const std::string textbox =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:extent cx=\"100\" cy=\"100\"/>"
      "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>" +
      p(r(box_text)) +
      "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>" +
      p(r(box_text)) + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  t::DocxParts parts;
  parts.body = kTitle +
               "<w:tbl><w:tr><w:tc><w:p>" + r("联系人") + r("张三,电话见后") + "</w:p></w:tc></w:tr></w:tbl>" +
               p(r("正文一句。") + textbox) +
               p(r("见注释") + "<w:r><w:footnoteReference w:id=\"1\"/></w:r>");
  parts.footnotes = "<w:footnote w:id=\"1\">" + p(r("注释内容,略。")) + "</w:footnote>";
  const std::string bytes = docx(parts);
  auto f = check(bytes);
  ASSERT_EQ(count_rule(f, "punct.halfwidth"), 1u);  // the table cell
  add_finding(f, block_of(*f.doc, model::Story::kTextBox), ",", "，");
  add_finding(f, block_of(*f.doc, model::Story::kFootnote), ",", "，");
  const auto out = annotate_ok(f);
  EXPECT_EQ(out.stats.fixes, 3u);
  int on_text = 0, on_note_mark = 0;
  for (const auto& c : ours(out.docx)) {
    if (c.part != "word/document.xml" || !c.referenced) continue;
    on_text += c.anchored == "，" && c.text.find("punct.halfwidth") != std::string::npos;
    // A footnote's finding is commented on its reference mark in the main text.
    on_note_mark += c.anchored.empty() && c.text.rfind("（脚注中）", 0) == 0;
  }
  EXPECT_EQ(on_text, 2);  // the table cell and the text box
  EXPECT_EQ(on_note_mark, 1);
  EXPECT_EQ(t::count_elements(t::entry(out.docx, "word/footnotes.xml"), "ins"), 1u);  // its fix stays there
  const auto accepted = check(t::accept_all(out.docx));
  for (const auto& b : accepted.doc->blocks) {
    if (b.story == model::Story::kComment) continue;  // wenfeng's messages quote the ","
    const auto text = accepted.doc->block_text(b);
    EXPECT_EQ(text.find(','), std::string_view::npos) << text;
  }
  EXPECT_EQ(accepted.doc->block_text(block_of(*accepted.doc, model::Story::kTextBox)), "框内说明，见附件。");
}

TEST(Annotate, KeepsPeoplesCommentsAndReplacesItsOwn) {
  t::DocxParts parts;
  parts.body = kTitle + p(r("各单位要") + "<w:commentRangeStart w:id=\"0\"/>" + r("认真落实") +
                          "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>" +
                          r(",确保安全。"));
  parts.comments = "<w:comment w:id=\"0\" w:author=\"张三\" w:initials=\"ZS\">" + p(r("这里再核实一下")) + "</w:comment>";
  const std::string bytes = docx(parts);
  const auto first = annotate_ok(check(bytes));
  const std::size_t n = ours(first.docx).size();
  EXPECT_EQ(n, first.stats.comments);
  auto person = [](const std::string& d) {
    for (const auto& c : t::comments(d))
      if (c.author == "张三") return c.anchored + "|" + c.text;
    return std::string("missing");
  };
  EXPECT_EQ(person(first.docx), "认真落实|这里再核实一下");
  // Annotating the annotated copy: wenfeng's comments replaced, the person's kept.
  annotate::Options comments_only;
  comments_only.fixes = false;
  const auto second = annotate_ok(check(first.docx), comments_only);
  EXPECT_EQ(second.stats.removed_comments, n);
  EXPECT_EQ(ours(second.docx).size(), second.stats.comments);
  EXPECT_EQ(person(second.docx), "认真落实|这里再核实一下");
  const std::string xml = t::entry(second.docx, "word/document.xml");
  EXPECT_EQ(t::count_elements(xml, "commentRangeStart"), second.stats.comments + 1);
  EXPECT_EQ(t::count_elements(xml, "commentReference"), second.stats.comments + 1);
}

TEST(Annotate, ExistingRevisions) {
  // A finding inside someone's insertion gets a comment but no fix of ours; one after a
  // deletion is fixed.
  const std::string body = kTitle +
                           p(r("各单位") + "<w:ins w:id=\"1\" w:author=\"李四\"><w:r><w:t>要认真,落实</w:t></w:r></w:ins>" +
                             r("。")) +
                           p(r("会议") + "<w:del w:id=\"2\" w:author=\"李四\"><w:r><w:delText>不</w:delText></w:r></w:del>" +
                             r("强调,要抓好落实。"));
  auto f = check(docx_body(body));
  ASSERT_EQ(count_rule(f, "punct.halfwidth"), 2u);
  const auto out = annotate_ok(f);
  EXPECT_EQ(out.stats.fixes, 1u);
  EXPECT_EQ(out.stats.fixes_skipped, 1u);
  EXPECT_TRUE(has_comment(out.docx, "未自动修订", ","));
  EXPECT_TRUE(has_comment(out.docx, "已按修订", "，"));
  const auto accepted = check(t::accept_all(out.docx));
  EXPECT_EQ(main_texts(*accepted.doc)[2], "会议强调，要抓好落实。");
  EXPECT_EQ(main_texts(*accepted.doc)[1], "各单位要认真,落实。");
}

TEST(Annotate, NumberingLabelFindingsCoverTheParagraph) {
  t::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string numbered = "<w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>";
  parts.body = kTitle + p(r("各乡镇人民政府：")) + "<w:p>" + numbered + r("加强组织领导") + "</w:p>" + p(r("一.明确工作责任"));
  auto f = check(docx(parts));
  ASSERT_GE(count_rule(f, "format.numbering"), 2u);
  const auto out = annotate_ok(f);
  EXPECT_TRUE(has_comment(out.docx, "format.numbering", "加强组织领导"));  // the generated "一." is not text
  const auto accepted = check(t::accept_all(out.docx));
  EXPECT_EQ(main_texts(*accepted.doc)[3], "一、明确工作责任");
}

TEST(Annotate, DocumentLevelFindingsGoInOneCommentOnTheTitle) {
  std::string body = kTitle;
  for (int i = 0; i < 12; ++i)
    body += p(r("各单位要进一步提高认识，切实把防汛工作摆上重要议事日程，逐级落实责任，确保安全度汛，"
                "做到组织到位、人员到位、物资到位、措施到位。"));
  t::DocxParts parts;
  parts.body = body;
  parts.custom_properties = {{"wenfeng.kind", "news.member-research"}};
  lint::FileResult f = check(docx(parts));
  bool document_level = false;
  for (const auto& d : f.report->findings) document_level |= d.document_level;
  ASSERT_TRUE(document_level);
  const auto out = annotate_ok(f);
  const auto all = ours(out.docx);
  const auto title = std::find_if(all.begin(), all.end(), [](const auto& c) { return c.anchored == "关于做好防汛工作的通知"; });
  ASSERT_NE(title, all.end());
  EXPECT_NE(title->text.find("文风检查"), std::string::npos);
  EXPECT_NE(title->text.find("稿件类型 news.member-research"), std::string::npos);
  EXPECT_EQ(title->initials, "WF");
  EXPECT_EQ(out.stats.findings, f.report->findings.size());
}

TEST(Annotate, CommentsOnlyKeepsTheCounts) {
  const std::string bytes = docx_body(kTitle + p(r("会议要求...各单位,认真落实.")) + p(r("截止目前,已完成(一期)工程。")));
  const auto f = check(bytes);
  annotate::Options comments_only;
  comments_only.fixes = false;
  const auto out = annotate_ok(f, comments_only);
  const auto again = check(out.docx);
  EXPECT_EQ(again.report->m.counts.zishu, f.report->m.counts.zishu);
  EXPECT_EQ(again.report->m.counts.chars_with_spaces, f.report->m.counts.chars_with_spaces);
  EXPECT_EQ(again.report->findings.size(), f.report->findings.size());
  EXPECT_EQ(ours(out.docx).size(), f.report->findings.size() + 1);  // + the summary on the title
}

TEST(Annotate, FixOnlyWritesNoComment) {
  const auto f = check(docx_body(kTitle + p(r("各单位,认真落实."))));
  annotate::Options o;
  o.comments = false;
  const auto out = annotate_ok(f, o);
  EXPECT_EQ(out.stats.comments, 0u);
  EXPECT_EQ(out.stats.fixes, 2u);
  EXPECT_TRUE(t::entry(out.docx, "word/comments.xml").empty());
  const std::string xml = t::entry(out.docx, "word/document.xml");
  EXPECT_NE(xml.find("w:author=\"文风\""), std::string::npos);
}

TEST(Annotate, RefusesWithoutRunMap) {
  lint::RunOptions o;
  o.stdin_filename = "draft.docx";
  o.keep_input = true;
  auto s = lint::Session::open(o, true);
  const std::string bytes = docx_body(kTitle + p(r("各单位,认真落实。")));
  const auto f = (*s)->check("-", &bytes);
  EXPECT_FALSE(annotate::annotate_docx(bytes, f, {}).ok());
}

// A large document: every finding becomes a comment, and the copy reads back the same.
TEST(Annotate, TenMegabyteDocument) {
  std::string body = kTitle;
  const std::string para = p(r("各单位要认真落实防汛责任") + rb("，确保人员安全,") + r("做到早部署、早落实。"));
  while (body.size() < (10u << 20)) body += para;
  const std::string bytes = docx_body(body);
  const auto f = check(bytes);
  const std::size_t halfwidth = count_rule(f, "punct.halfwidth");
  ASSERT_GT(halfwidth, 40000u);
  annotate::Options comments_only;
  comments_only.fixes = false;
  const auto out = annotate_ok(f, comments_only);
  EXPECT_EQ(out.stats.findings, f.report->findings.size());
  const auto again = check(out.docx);
  EXPECT_EQ(again.report->m.counts.zishu, f.report->m.counts.zishu);
  EXPECT_EQ(count_rule(again, "punct.halfwidth"), halfwidth);
  EXPECT_EQ(t::count_elements(t::entry(out.docx, "word/comments.xml"), "comment"), out.stats.comments);
}

}  // namespace

// The annotated copy opens in LibreOffice without repair: converting it to PDF with its
// comments succeeds and the PDF carries one note per comment.
namespace {

TEST(AnnotateLibreOffice, OpensAndShowsEveryComment) {
  if (std::system("command -v soffice >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "soffice (LibreOffice Writer) is not installed; scripts/bootstrap installs libreoffice-writer-nogui";
  const std::string box =
      "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" "
      "distR=\"0\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
      "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset></wp:positionH>"
      "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
      "<wp:extent cx=\"2000000\" cy=\"600000\"/><wp:wrapTopAndBottom/><wp:docPr id=\"1\" name=\"框\"/>"
      "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:wsp>"
      "<wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"2000000\" cy=\"600000\"/></a:xfrm>"
      "<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx><w:txbxContent>" +
      p(r("框内说明,见附件。")) +
      "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
      "</mc:Choice><mc:Fallback><w:pict><v:shape style=\"width:150pt;height:50pt\"><v:textbox><w:txbxContent>" +
      p(r("框内说明,见附件。")) + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
  t::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  parts.body = kTitle + p(r("各乡镇人民政府:")) +
               p(r("会议要求.") + rb(".") + r(".各单位") + "<w:ins w:id=\"1\" w:author=\"李四\"><w:r><w:t>要认真,落实</w:t></w:r></w:ins>" +
                 "<w:del w:id=\"2\" w:author=\"李四\"><w:r><w:delText>不</w:delText></w:r></w:del>" + rb("高度重视安全,确保(一期)工程。")) +
               "<w:tbl><w:tr><w:tc><w:p>" + r("联系人") + r("张三,电话见后") + "</w:p></w:tc></w:tr></w:tbl>" +
               "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>" + r("加强组织领导") + "</w:p>" +
               p(r("正文一句。") + box) + p(r("见注释") + "<w:commentRangeStart w:id=\"0\"/>" + r("此处") +
                                              "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>" +
                                              "<w:r><w:footnoteReference w:id=\"1\"/></w:r>");
  parts.footnotes = "<w:footnote w:id=\"1\">" + p(r("注释内容,略。")) + "</w:footnote>";
  parts.comments = "<w:comment w:id=\"0\" w:author=\"张三\" w:initials=\"ZS\">" + p(r("请核实")) + "</w:comment>";
  auto f = check(docx(parts));
  add_finding(f, block_of(*f.doc, model::Story::kTextBox), ",", "，");
  add_finding(f, block_of(*f.doc, model::Story::kFootnote), ",", "，");
  const auto out = annotate_ok(f);
  ASSERT_GE(out.stats.comments, 10u);
  const std::string dir = t::temp_dir();
  {
    std::FILE* fp = std::fopen((dir + "/annotated.docx").c_str(), "wb");
    ASSERT_TRUE(fp);
    std::fwrite(out.docx.data(), 1, out.docx.size(), fp);
    std::fclose(fp);
  }
  const std::string cmd = "cd '" + dir + "' && HOME='" + dir +
                          "' timeout 120 soffice --headless --convert-to "
                          "'pdf:writer_pdf_Export:{\"ExportNotes\":{\"type\":\"boolean\",\"value\":\"true\"}}' "
                          "--outdir '" + dir + "' annotated.docx >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string pdf = t::read_file(dir + "/annotated.pdf");
  ASSERT_FALSE(pdf.empty()) << "LibreOffice did not convert the annotated copy";
  std::size_t notes = 0;
  for (std::size_t at = 0; (at = pdf.find("/Subtype /Text", at)) != std::string::npos; ++at) ++notes;
  EXPECT_EQ(notes, out.stats.comments + 1);  // + the person's comment
}

}  // namespace

namespace {

// A fix that makes another: once "," is "，", the space before it is a stray space between
// Chinese characters. settle_fixes finds it, so accepting everything leaves nothing to fix.
TEST(Annotate, FixesThatFollowFromOtherFixesAreWrittenToo) {
  auto f = check(docx_body(kTitle + p(r("各单位要认真落实 ,确保安全。"))));
  ASSERT_EQ(count_rule(f, "text.stray-space"), 0u);
  EXPECT_EQ(annotate::settle_fixes(f), 1u);
  EXPECT_EQ(count_rule(f, "text.stray-space"), 1u);
  const auto out = annotate_ok(f);
  EXPECT_EQ(out.stats.fixes, 2u);
  const auto accepted = check(t::accept_all(out.docx));
  EXPECT_EQ(main_texts(*accepted.doc)[1], "各单位要认真落实，确保安全。");
  for (const auto& d : accepted.report->findings) EXPECT_FALSE(d.fix) << d.rule_id();
}

}  // namespace

namespace {

// A part stored in UTF-16 reads fine, but its byte offsets are not the file's: refused with
// a reason rather than written wrongly.
TEST(Annotate, RefusesAPartStoredInUtf16) {
  const std::string bytes = docx_body(kTitle + p(r("各单位,认真落实。")));
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& n : t::entry_names(bytes)) {
    std::string c = t::entry(bytes, n);
    if (n == "word/document.xml") {
      const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
      c.replace(0, decl.size(), "<?xml version=\"1.0\" encoding=\"UTF-16\" standalone=\"yes\"?>");
      c = "\xFF\xFE" + *readers::encode_strict(c, "UTF-16LE");
    }
    files.emplace_back(n, c);
  }
  const std::string utf16 = *t::zip_files(files);
  const auto f = check(utf16);
  ASSERT_EQ(count_rule(f, "punct.halfwidth"), 1u);
  const auto out = annotate::annotate_docx(f.input, f, {});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(out.error().message.find("UTF-16"), std::string::npos);
}

}  // namespace
