// One draft in every input format gives identical counts and findings; hostile markup is a
// clear error with exit status 2 while the other files are still checked.
#include <gtest/gtest.h>

#include <fstream>

#include "support/json_value.h"
#include "support/cli_runner.h"

using wenfeng::testing::JsonValue;
using wenfeng::testing::run_cli;

namespace {

// draft-portal.html, draft-br.html and draft-cdata.xml are the draft as portals and news
// systems publish it: menus, breadcrumb, info bar, credit line and footer around paragraphs
// set in <div>s or between <br>s, and an export with the body as HTML in CDATA.
const char* kFormats[] = {"draft.txt",       "draft.docx", "draft.xml", "draft.newsml.xml", "draft.html",
                          "draft.odt",       "draft.fodt", "draft-gb.xml", "draft-gb.html", "draft-portal.html",
                          "draft-br.html",   "draft-cdata.xml"};

JsonValue parse(const std::string& s) {
  auto v = JsonValue::parse(s);
  EXPECT_TRUE(v.ok()) << s.substr(0, 300);
  return v.ok() ? std::move(v).value() : JsonValue{};
}

TEST(FormatsCli, SameDraftSameCountsAndFindingsInEveryFormat) {
  std::vector<std::string> args = {"check", "--format", "json", "--profile", "jinxiang"};
  for (const char* f : kFormats) args.push_back(std::string("samples/formats/") + f);
  const auto r = run_cli(args);
  EXPECT_EQ(r.status, 1) << r.err;
  const auto j = parse(r.out);
  ASSERT_EQ(j["files"].items().size(), std::size(kFormats));
  const auto& ref = j["files"][0];
  ASSERT_GE(ref["findings"].items().size(), 3u);  // one finding per rule and paragraph (groups)
  const char* formats[] = {"text", "docx", "xml", "newsml", "html", "odt", "fodt", "xml", "html", "html", "html", "xml"};
  for (std::size_t i = 0; i < std::size(kFormats); ++i) {
    const auto& f = j["files"][i];
    SCOPED_TRACE(kFormats[i]);
    ASSERT_FALSE(f.has("error")) << f["error"]["message"].as_string();
    EXPECT_EQ(f["format"].as_string(), formats[i]);
    for (const auto& [k, v] : ref["counts"].members()) EXPECT_EQ(f["counts"][k].as_number(), v.as_number()) << k;
    EXPECT_EQ(f["body"]["figure"].as_number(), ref["body"]["figure"].as_number());
    EXPECT_EQ(f["kind"]["id"].as_string(), ref["kind"]["id"].as_string());
    ASSERT_EQ(f["findings"].items().size(), ref["findings"].items().size());
    for (std::size_t k = 0; k < ref["findings"].items().size(); ++k) {
      const auto& a = ref["findings"][k];
      const auto& b = f["findings"][k];
      for (const char* key : {"rule", "severity", "message", "excerpt"}) EXPECT_EQ(b[key].as_string(), a[key].as_string());
      for (const char* key : {"paragraph", "column", "length"}) EXPECT_EQ(b[key].as_number(), a[key].as_number());
      // Every finding has a source location; for markup it is the file's own line, for DOCX
      // the paragraph in its part (never a line of word/document.xml).
      EXPECT_GE(b["location"][f["format"].as_string() == "docx" ? "paragraph" : "line"].as_number(), 1);
      EXPECT_GE(b["location"]["column"].as_number(), 1);
    }
  }
  // The HTML location points into the page: the escorts sentence is on line 12.
  EXPECT_EQ(j["files"][4]["findings"][0]["location"]["line"].as_number(), 12);
}

TEST(FormatsCli, CountAgreesAcrossFormats) {
  std::vector<std::string> args = {"count", "--format", "json"};
  for (const char* f : kFormats) args.push_back(std::string("samples/formats/") + f);
  const auto j = parse(run_cli(args).out);
  for (std::size_t i = 1; i < std::size(kFormats); ++i)
    for (const auto& [k, v] : j["files"][0]["counts"].members())
      EXPECT_EQ(j["files"][i]["counts"][k].as_number(), v.as_number()) << kFormats[i] << " " << k;
}

TEST(FormatsCli, HostileMarkupExitsTwoAndOthersAreChecked) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/laughs.xml") << "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<l>&b;</l>";
  std::ofstream(dir + "/xxe.xml") << "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"http://127.0.0.1/x\">]><d>&x;</d>";
  std::ofstream(dir + "/wrong.xml", std::ios::binary) << "<?xml version=\"1.0\" encoding=\"UTF-8\"?><doc><p>\xCD\xA8\xA3\xBA</p></doc>";
  const auto r = run_cli({"check", "--format", "json", dir + "/laughs.xml", dir + "/xxe.xml", dir + "/wrong.xml",
                          "samples/formats/draft.html"});
  EXPECT_EQ(r.status, 2);
  const auto j = parse(r.out);
  EXPECT_EQ(j["files"][0]["error"]["code"].as_string(), "unsupported");
  EXPECT_NE(j["files"][0]["error"]["message"].as_string().find("实体"), std::string::npos);
  EXPECT_EQ(j["files"][1]["error"]["code"].as_string(), "unsupported");
  EXPECT_EQ(j["files"][2]["error"]["code"].as_string(), "encoding");
  EXPECT_TRUE(j["files"][3].has("findings"));
  const auto t = run_cli({"check", dir + "/laughs.xml"});
  EXPECT_EQ(t.status, 2);
  EXPECT_NE(t.err.find("laughs.xml: 错误[unsupported]"), std::string::npos) << t.err;
}

TEST(FormatsCli, XmlMapOnTheCommandLine) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/story.xml") << "<story><hed>县委书记到石门乡调研</hed><txt><para>本报讯 县委书记到石门乡调研茶产业。</para></txt></story>";
  const auto r = run_cli({"count", "--format", "json", "--xml-map", "title=//hed,body=//para", dir + "/story.xml"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(parse(r.out)["files"][0]["counts"]["paragraphs"].as_number(), 2);
  EXPECT_EQ(run_cli({"count", "--xml-map", "nonsense", dir + "/story.xml"}).status, 2);
}

}  // namespace
