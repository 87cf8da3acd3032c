// Pages and exports as drafts really arrive: HTML saved from portals and news sites (body
// without <p>, <br>-set lines, logo <h1>, a speaker and date under the title, credit lines),
// and XML exports whose body is one element (HTML in CDATA, plain lines, DocTitle/DocContent).
#include <gtest/gtest.h>

#include "readers/html_reader.h"
#include "readers/xml_reader.h"

using namespace wenfeng;

namespace {

std::vector<std::string> texts(const model::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks)
    if (b.story == model::Story::kMain) out.emplace_back(d.block_text(b));
  return out;
}

const std::string kSiteTop =
    "<html><head><meta charset=\"utf-8\"><title>某县人民政府</title></head><body>"
    "<div class=\"menu\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li></ul></div>"
    "<div class=\"position\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/tzgg/\">通知公告</a></div>";
const std::string kSiteFoot =
    "<div class=\"foot\"><p>版权所有：某县人民政府　赣ICP备12345678号</p></div></body></html>";

TEST(WebPages, ParagraphsInDivsAreTheBodyNotThePage) {
  // A portal editor (TRS) sets each paragraph in its own <div> with <span>s: no <p> at all.
  const std::string html = kSiteTop +
                           "<div class=\"title\"><h3>关于开展校园安全检查的通知</h3></div>"
                           "<div class=\"sub\">时间：2026年11月18日　来源：县教体局</div>"
                           "<div class=\"TRS_Editor\">"
                           "<div style=\"text-indent:2em\"><span>各中小学：</span></div>"
                           "<div style=\"text-indent:2em\"><span>现决定开展校园安全专项检查。请认真自查。</span></div>"
                           "<div style=\"text-indent:2em\"><span>自查报告请于月底前报送。</span></div></div>"
                           "<div class=\"print\">【<a href=\"#\">打印本页</a>】【<a href=\"#\">关闭窗口</a>】</div>" +
                           kSiteFoot;
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"关于开展校园安全检查的通知", "各中小学：",
                                                 "现决定开展校园安全专项检查。请认真自查。", "自查报告请于月底前报送。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
}

TEST(WebPages, LinesSetApartByBreaksAreParagraphs) {
  // A news system's body: text between <br>s with &nbsp; indents, headline in <h2>, the
  // credit line after the body.
  const std::string html = kSiteTop +
                           "<div class=\"article\"><h2>全县森林防火工作会议召开</h2>"
                           "<div class=\"art-info\">2026-11-21 08:45　来源：县融媒体中心　作者：孙雨</div>"
                           "<div class=\"art-con\">&nbsp;&nbsp;本报讯 11月20日，会议召开。<br>\n"
                           "&nbsp;&nbsp;会议通报了全县情况。<br>\n&nbsp;&nbsp;会议作了部署。<br>\n</div>"
                           "<div class=\"editor\">（责任编辑：刘敏）</div></div>" +
                           kSiteFoot;
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"全县森林防火工作会议召开", "\u00A0\u00A0本报讯 11月20日，会议召开。",
                                                 "\u00A0\u00A0会议通报了全县情况。", "\u00A0\u00A0会议作了部署。"}));
  // The same in an old table layout: the cell holding the body is no table of the draft.
  const std::string table =
      "<html><body><table><tr><td><a href=\"/\">首页</a>｜<a href=\"/x\">新闻</a></td></tr></table>"
      "<table><tr><td align=\"center\"><b>石门乡推进秋冬种生产</b></td></tr>"
      "<tr><td class=\"nr\">今年以来，石门乡抓好秋冬种。<br>该乡组织农技人员指导。<br>目前已完成九成。<br></td></tr></table>"
      "<table><tr><td>版权所有<br>赣ICP备12340000号</td></tr></table></body></html>";
  auto t = readers::read_html(table, "t.html", "");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(texts(*t), (std::vector<std::string>{"石门乡推进秋冬种生产", "今年以来，石门乡抓好秋冬种。",
                                                 "该乡组织农技人员指导。", "目前已完成九成。"}));
  EXPECT_EQ(t->blocks[1].role, model::Role::kBody);
}

TEST(WebPages, ALogoInH1IsNoTitle) {
  const std::string html =
      "<html><body><div class=\"top\"><h1 class=\"logo\"><a href=\"/\">某县人民政府</a></h1></div>"
      "<div class=\"article\"><h2>县政府召开常务会议</h2><div class=\"info\">发布时间：2026-11-24</div>"
      "<div class=\"c\"><p>会议研究部署冬季工作。</p><p>副县长出席会议。</p></div></div></body></html>";
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"县政府召开常务会议", "会议研究部署冬季工作。", "副县长出席会议。"}));
}

TEST(WebPages, SpeakerAndDateUnderTheTitleAreKept) {
  // A speech page: title, speaker, date in styled <div>s above the body. The date is not the
  // title, and the speaker's line stays (kind detection reads the 署名, as in the text).
  const std::string html =
      "<html><body><div class=\"nav\">首页 | 领导讲话</div>"
      "<div class=\"wz_title\">在全县安全生产工作会议上的讲话</div><div class=\"wz_zz\">县长　李国强</div>"
      "<div class=\"wz_date\">（2026年11月15日）</div>"
      "<div class=\"wz_con\"><p>同志们：</p><p>今天召开全县安全生产工作会议。</p></div>"
      "<div class=\"gb\">【<a href=\"#\">打印</a>】【<a href=\"#\">关闭</a>】</div></body></html>";
  auto d = readers::read_html(html, "s.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"在全县安全生产工作会议上的讲话", "县长　李国强", "（2026年11月15日）",
                                                 "同志们：", "今天召开全县安全生产工作会议。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
}

TEST(WebPages, SectionsAndCreditLinesOfASocialMediaPage) {
  const std::string html =
      "<html><body><div class=\"area\"><h1 class=\"rich_media_title\">\n  青山县入选示范县\n</h1>"
      "<div id=\"meta\"><span>青山发布</span> <em>2026-11-25 18:00</em></div><div id=\"js_content\">"
      "<section><span>近日，名单公布，青山县榜上有名。</span></section>"
      "<section><span>省级财政将给予</span><strong>5000万元</strong><span>支持。</span></section>"
      "<p><br></p><section><span>来源：县融媒体中心</span></section>"
      "<section><span>编辑：刘敏　审核：孙雨</span></section></div></div></body></html>";
  auto d = readers::read_html(html, "w.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"青山县入选示范县", "近日，名单公布，青山县榜上有名。",
                                                 "省级财政将给予5000万元支持。"}));
}

TEST(WebPages, OneBreakInAParagraphStaysALineBreak) {
  const std::string html =
      "<html><body><div><p>第一段文字。</p><p>单位名称<br>2026年11月20日</p></div></body></html>";
  auto d = readers::read_html(html, "p.html", "");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d).back(), "单位名称\n2026年11月20日");
}

TEST(XmlExports, HtmlBodyInCdata) {
  auto d = readers::read_xml(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><articles><article id=\"1\"><title><![CDATA[县局开展食品安全检查]]></title>"
      "<author>黄丽</author><content><![CDATA[<p style=\"text-indent:2em\">本报讯 近日，县局开展检查。</p>"
      "<p>共检查356家。</p>]]></content><editor>刘敏</editor></article></articles>",
      "a.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"县局开展食品安全检查", "本报讯 近日，县局开展检查。", "共检查356家。"}));
  EXPECT_EQ(d->blocks[0].role, model::Role::kTitle);
}

TEST(XmlExports, PlainLinesInOneElement) {
  auto d = readers::read_xml("<item><headline>石门乡召开部署会</headline><text><![CDATA[　　本报讯 11月18日，会议召开。\n\n"
                             "　　会议要求逐项检查。\n　　会后成立督导组。]]></text></item>",
                             "i.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"石门乡召开部署会", "　　本报讯 11月18日，会议召开。",
                                                 "　　会议要求逐项检查。", "　　会后成立督导组。"}));
}

TEST(XmlExports, SystemNamedTitleAndContent) {
  // DocTitle / DocContent (any case, a name ending in title / content); a <description>
  // summary is read only when nothing else holds the body.
  auto d = readers::read_xml("<root><record><DocTitle>关于公布示范社名单的通知</DocTitle><description>摘要。</description>"
                             "<DocContent><![CDATA[<div><p>各乡镇：</p><p>现予公布。</p></div>]]></DocContent>"
                             "</record></root>",
                             "r.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"关于公布示范社名单的通知", "各乡镇：", "现予公布。"}));
  // Nothing to read is still an error naming what was looked for.
  EXPECT_FALSE(readers::read_xml("<root><a>1</a></root>", "e.xml", {}).ok());
}

TEST(XmlExports, NewsMlOtherDatelineStaysALine) {
  const std::string nml =
      "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><contentMeta><headline>标题</headline>"
      "<dateline>青山，11月20日</dateline></contentMeta><contentSet><inlineXML><html xmlns=\"http://www.w3.org/1999/xhtml\">"
      "<body><p>第一段。</p></body></html></inlineXML></contentSet></newsItem>";
  auto d = readers::read_xml(nml, "n.xml", {});
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(texts(*d), (std::vector<std::string>{"标题", "青山，11月20日", "第一段。"}));
  EXPECT_EQ(d->blocks[1].role, model::Role::kByline);
}

}  // namespace
