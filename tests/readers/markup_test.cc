// XML, NewsML-G2, HTML, ODT and FODT readers, including hostile input.
#include <gtest/gtest.h>

#include "count/counter.h"
#include "readers/html_reader.h"
#include "readers/input.h"
#include "readers/odt_reader.h"
#include "readers/xml_reader.h"
#include "support/docx_package.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

std::vector<std::string> texts(const model::Document& d, model::Story story = model::Story::kMain) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (b.story == story) out.emplace_back(d.block_text(b));
  return out;
}

TEST(XmlReader, DefaultMapForSimpleDrafts) {
  auto d = readers::read_xml("<?xml version=\"1.0\"?>\n<doc kind=\"news.member-research\">\n<title>标题</title>\n"
                             "<body>\n<p>第一段，<b>加粗</b>文字。</p>\n<p>第二段。</p>\n</body>\n</doc>\n",
                             "a.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"标题", "第一段，加粗文字。", "第二段。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
  EXPECT_EQ(d->property("xml:kind").value_or(""), "news.member-research");
  // Findings can be located in the source: line 5, column of "第一段".
  const auto pos = d->position(1, 0);
  EXPECT_EQ(pos.line, 5u);
  EXPECT_EQ(pos.column, 4u);
}

TEST(XmlReader, XPathMapFromCommandLine) {
  auto m = readers::parse_xml_map("title=//headline,body=//para,kind=/story/meta/@type");
  ASSERT_TRUE(m.ok());
  auto d = readers::read_xml("<story><meta type=\"document\"/><headline>关于某事的通知</headline>"
                             "<text><para>甲。</para><para>乙。</para></text></story>",
                             "s.xml", *m);
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"关于某事的通知", "甲。", "乙。"}));
  EXPECT_EQ(d->property("xml:kind").value_or(""), "document");
  EXPECT_FALSE(readers::parse_xml_map("colour=//x").ok());
  auto bad = readers::read_xml("<a/>", "x.xml", readers::XmlMap{"//[", "", "", ""});
  EXPECT_FALSE(bad.ok());
}

TEST(XmlReader, NewsMlHeadlineBylineDatelineBodyAndGenre) {
  const std::string nml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\" version=\"1\" standard=\"NewsML-G2\">"
      "<contentMeta><headline>县委书记到石门乡调研</headline><by>记者 孙雨</by><dateline>青山11月12日电</dateline>"
      "<genre qcode=\"wenfeng:news.main-leader-research\"/></contentMeta>"
      "<contentSet><inlineXML contenttype=\"application/xhtml+xml\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<body><p>第一段。</p><p>第二段。</p></body></html></inlineXML></contentSet></newsItem>";
  auto d = readers::read_xml(nml, "n.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->format, model::Format::kNewsml);
  // A dateline ending in 电/讯 runs into the lead, as printed (the 电头 opens the first paragraph).
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"县委书记到石门乡调研", "记者 孙雨", "青山11月12日电第一段。", "第二段。"}));
  EXPECT_EQ(d->blocks[1].role, model::Role::kByline);
  EXPECT_EQ(d->property("xml:kind").value_or(""), "news.main-leader-research");
}

TEST(HtmlReader, MainContentTitleAndDroppedParts) {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>网站标题</title><style>p{}</style></head><body>"
      "<header><nav><a>首页</a><a>要闻</a></nav></header>"
      "<div id=\"side\"><p>侧栏链接</p></div>"
      "<article><h1>新闻标题</h1><p>第一段\n   文字。</p><p>第二段<br>换行。</p></article>"
      "<footer>版权所有</footer><script>var a='高度重视';</script></body></html>";
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"新闻标题", "第一段 文字。", "第二段\n换行。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
  auto sel = readers::read_html(html, "p.html", "//div[@id='side']");
  ASSERT_TRUE(sel.ok());
  EXPECT_EQ(texts(*sel), (std::vector<std::string>{"新闻标题", "侧栏链接"}));
  EXPECT_FALSE(readers::read_html(html, "p.html", "//nothing").ok());
}

TEST(HtmlReader, APageTitleIsNotTheDraftsTitle) {
  // No <h1>: the page's <title> (a site name) is not counted; the first paragraph is the title.
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>调研成果_某县人民政府门户网站</title></head><body>"
      "<div><p><strong>关于冷链物流的调研报告</strong></p><p>第一段文字。</p><p>第二段文字。</p></div></body></html>";
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"关于冷链物流的调研报告", "第一段文字。", "第二段文字。"}));
  EXPECT_EQ(d->property("html:title").value_or(""), "调研成果_某县人民政府门户网站");
}

TEST(HtmlReader, ATitleBlockAboveTheArticleIsTheTitle) {
  // No <h1>, the title in a styled block above the article, then the info bar: the title
  // block is the draft's title (not the site name above it, nor the info bar, nor <title>).
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>index.html</title></head><body>"
      "<div class=\"head\"><a href=\"/\">某县人民政府</a></div>"
      "<div class=\"box\"><div class=\"t1\">关于做好高温天气防范工作的通知</div>"
      "<div class=\"t2\">发布日期：2024-07-02　信息来源：县政府办公室　【打印】【关闭】</div></div>"
      "<div class=\"content\"><p>各乡镇人民政府：</p><p>第一段文字。</p><p>第二段文字。</p></div></body></html>";
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"关于做好高温天气防范工作的通知", "各乡镇人民政府：", "第一段文字。", "第二段文字。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
  // A breadcrumb or a long paragraph right above the article is no title.
  const std::string crumb =
      "<html><body><div>首页 &gt; 政务公开</div><div class=\"content\"><p>第一段文字。</p><p>第二段文字。</p></div></body></html>";
  auto c = readers::read_html(crumb, "p.html", "");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(texts(*c), (std::vector<std::string>{"第一段文字。", "第二段文字。"}));
  // Nor a menu of links in a column before the article.
  const std::string menu =
      "<html><body><ul><li><a href=\"/a\">政府信息公开指南</a></li><li><a href=\"/b\">政府信息公开年报</a></li></ul>"
      "<div class=\"content\"><p>第一段文字。</p><p>第二段文字。</p></div></body></html>";
  auto mn = readers::read_html(menu, "p.html", "");
  ASSERT_TRUE(mn.ok());
  EXPECT_EQ(texts(*mn), (std::vector<std::string>{"第一段文字。", "第二段文字。"}));
}

TEST(HtmlReader, MetaCharsetGbk) {
  // 通知 in GBK, declared by a meta charset.
  auto d = readers::read_html("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                              "</head><body><p>\xCD\xA8\xD6\xAA</p></body></html>",
                              "g.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), std::vector<std::string>{"通知"});
}

TEST(HtmlReader, ACharsetThatNamesNoEncodingIsIgnoredAndNeverEchoed) {
  // Found by fuzzing: a quoted charset running on over binary bytes was taken as the name
  // (ICU's alias matching still found GB18030 in it) and written raw into the output.
  const std::string html = std::string("<html><head><meta charset=\"gb18030\xA0\x80") + std::string(3, '\0') +
                           "utf-8\"></head><body><p>通知</p></body></html>";
  auto d = readers::read_html(html, "c.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  // Read as undeclared: the stray bytes make it evidently GB18030, and that is what it says.
  EXPECT_EQ(d->encoding, "GB18030 (undeclared)");
  // In XML the declaration binds: an implausible name is an encoding error, in valid UTF-8.
  auto x = readers::read_document("<?xml version=\"1.0\" encoding=\"utf\xFF-8\"?><doc><p>通知</p></doc>", "c.xml");
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.error().code, ErrorCode::kEncoding);
  EXPECT_EQ(text::find_invalid_utf8(x.error().message), std::string_view::npos);
}

std::string odf(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content "
         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
         "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
         "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:body><office:text>" +
         body + "</office:text></office:body></office:document-content>";
}

TEST(OdtReader, ParagraphsHeadingsListsTablesChangesNotesFrames) {
  const std::string body =
      "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion><text:p>删掉的</text:p>"
      "</text:deletion></text:changed-region></text:tracked-changes>"
      "<text:p text:style-name=\"Title\">标题</text:p>"
      "<text:h text:outline-level=\"1\">一、总体要求</text:h>"
      "<text:p>高<text:span>度</text:span><text:change text:change-id=\"c1\"/>重视<text:s text:c=\"2\"/>甲<text:tab/>乙"
      "<text:line-break/>丙<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
      "<text:note-body><text:p>脚注文字</text:p></text:note-body></text:note>"
      "<draw:frame><draw:text-box><text:p>框内</text:p></draw:text-box></draw:frame></text:p>"
      "<text:list><text:list-item><text:p>列表项</text:p></text:list-item></text:list>"
      "<table:table><table:table-row><table:table-cell><text:p>单元格</text:p></table:table-cell></table:table-row></table:table>";
  auto zip = wenfeng::testing::zip_files({{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", odf(body)}});
  auto d = readers::read_document(*zip, "a.odt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->format, model::Format::kOdt);
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"标题", "一、总体要求", "高度重视  甲\t乙\n丙", "列表项", "单元格"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
  EXPECT_EQ(d->blocks[1].role, model::Role::kHeading);
  EXPECT_EQ(texts(*d, model::Story::kFootnote), std::vector<std::string>{"脚注文字"});
  EXPECT_EQ(texts(*d, model::Story::kTextBox), std::vector<std::string>{"框内"});
  for (const auto& b : d->blocks) {
    if (std::string(d->block_text(b)) == "列表项") {
      EXPECT_EQ(b.role, model::Role::kListItem);
    } else if (std::string(d->block_text(b)) == "单元格") {
      EXPECT_TRUE(b.in_table);
    }
  }
  // A flat ODT with the same body reads the same.
  std::string flat = odf(body);
  flat.replace(flat.find("office:document-content "), 24, "office:document ");
  flat.replace(flat.rfind("office:document-content"), 23, "office:document");
  auto f = readers::read_document(flat, "a.fodt");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_EQ(texts(*f), texts(*d));
}

struct Hostile {
  const char* name;
  std::string bytes;
  ErrorCode code;
};

TEST(MarkupSafety, HostileInputsAreClearErrors) {
  std::string deep = "<a>";
  for (int i = 0; i < 100000; ++i) deep += "<b>";
  const Hostile cases[] = {
      {"laughs.xml",
       "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">\n"
       "]>\n<lolz>&lol2;</lolz>",
       ErrorCode::kUnsupported},
      {"xxe.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<d><p>&x;</p></d>",
       ErrorCode::kUnsupported},
      {"xxe.html", "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body><p>&x;</p></body></html>",
       ErrorCode::kUnsupported},
      {"deep.xml", deep, ErrorCode::kMalformedXml},
      {"utf8-declared.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><title>\xCD\xA8\xD6\xAA\xA3\xBA</title></doc>",
       ErrorCode::kEncoding},
      {"gb-declared.xml", "<?xml version=\"1.0\" encoding=\"GB2312\"?><doc><title>通知</title></doc>", ErrorCode::kEncoding},
      {"bad-gb.xml", "<?xml version=\"1.0\" encoding=\"GBK\"?><doc><title>\xCD\xFF</title></doc>", ErrorCode::kEncoding},
      {"truncated.xml", "<?xml version=\"1.0\"?>\n<doc>\n<title>标题</title>\n<body><p>正文", ErrorCode::kMalformedXml},
      {"truncated.fodt", "<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"o\"><office:body>", ErrorCode::kMalformedXml},
  };
  for (const auto& c : cases) {
    auto d = readers::read_document(c.bytes, c.name);
    ASSERT_FALSE(d.ok()) << c.name;
    EXPECT_EQ(d.error().code, c.code) << c.name << ": " << d.error().message;
    EXPECT_FALSE(d.error().message.empty());
  }
  // A truncated ODT is a damaged container.
  auto zip = wenfeng::testing::zip_files({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                {"content.xml", odf("<text:p>正文</text:p>")}});
  auto cut = readers::read_document(zip->substr(0, zip->size() / 2), "cut.odt");
  ASSERT_FALSE(cut.ok());
  EXPECT_TRUE(cut.error().code == ErrorCode::kNotZip || cut.error().code == ErrorCode::kCorruptZip);
}

TEST(MarkupSafety, MalformedXmlNamesTheLine) {
  auto d = readers::read_document("<?xml version=\"1.0\"?>\n<doc>\n<p>甲</q>\n</doc>", "m.xml");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().where.rfind("m.xml:3", 0), 0u) << d.error().where;
}

}  // namespace
