// End-to-end: `count` and `check` on a DOCX say which layout model gave the page estimate
// and show the page count the saving application stored (docProps/app.xml) beside it, but
// not a saved count that is stale. Fixtures modelled on the calibration files' patterns: a
// Word 2016 report with counted statistics, a WPS 12 one, and a WPS 10 file whose
// statistics were never counted (its template's "1" page beside 0 characters).
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_runner.h"
#include "support/docx_package.h"
#include "support/json_value.h"

using wenfeng::testing::JsonValue;
using wenfeng::testing::run_cli;

namespace {

std::string write_docx(const std::string& dir, const std::string& name, const std::string& application,
                       const std::string& pages, const std::string& characters) {
  wenfeng::testing::DocxParts parts;
  std::string body;
  for (int i = 0; i < 60; ++i)
    body += "<w:p><w:r><w:t>各乡镇人民政府要按照全县统一部署，认真做好防汛抗旱各项准备工作，确保安全度汛。</w:t></w:r></w:p>";
  parts.body = body +
               "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1800\" "
               "w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
               "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>";
  parts.app = {{"Application", application}, {"Pages", pages}, {"Characters", characters}};
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << *wenfeng::testing::build_docx(parts);
  return path;
}

JsonValue parse(const std::string& s) {
  auto v = JsonValue::parse(s);
  EXPECT_TRUE(v.ok()) << s;
  return v.ok() ? std::move(v).value() : JsonValue{};
}

TEST(PagesCli, CountAndCheckNameTheModelAndShowTheSavedCount) {
  const std::string dir = wenfeng::testing::temp_dir();
  const auto word = write_docx(dir, "word.docx", "Microsoft Office Word", "2", "1230");
  const auto wps = write_docx(dir, "wps.docx", "WPS Office_12.1.0.17900_F1E327BC-269C-435d-A152-05C5408002CA", "2", "1230");
  const auto stale = write_docx(dir, "stale.docx", "WPS Office_10.1.0.7401_F1E327BC-269C-435d-A152-05C5408002CA", "1", "0");

  const auto j = parse(run_cli({"count", "--format", "json", word, wps, stale}).out);
  ASSERT_EQ(j["files"].items().size(), 3u);
  const auto& pw = j["files"][0]["pages"];
  EXPECT_EQ(pw["model"].as_string(), "word-layout");
  EXPECT_EQ(pw["saved"].as_string(), "2");
  EXPECT_FALSE(pw["saved_stale"].as_bool());
  EXPECT_GT(pw["estimate"].as_number(), 1.0);  // 60 one-line paragraphs on a 44-line grid
  EXPECT_LT(pw["estimate"].as_number(), 2.0);
  EXPECT_EQ(j["files"][1]["pages"]["model"].as_string(), "wps-layout");
  EXPECT_TRUE(j["files"][2]["pages"]["saved_stale"].as_bool());

  // The table names the saved count beside the estimate, and the WPS model.
  const auto t = run_cli({"count", word, wps, stale});
  ASSERT_EQ(t.status, 0) << t.err;
  EXPECT_NE(t.out.find("（Word 保存 2 页）"), std::string::npos) << t.out;
  EXPECT_NE(t.out.find("（按 WPS 版式；WPS 保存 2 页）"), std::string::npos) << t.out;
  EXPECT_EQ(t.out.find("保存 1 页"), std::string::npos) << t.out;  // stale: not shown as a cross-check

  // check: the method (Word's or WPS's rules) and the saved count, or that it is stale.
  const auto cw = run_cli({"check", word});
  EXPECT_NE(cw.out.find("按 Word 版式规则估算"), std::string::npos) << cw.out;
  EXPECT_NE(cw.out.find("文档保存页数 2"), std::string::npos) << cw.out;
  EXPECT_EQ(cw.out.find("已过时"), std::string::npos) << cw.out;
  const auto cs = run_cli({"check", wps, stale});
  EXPECT_NE(cs.out.find("按 WPS 版式规则估算"), std::string::npos) << cs.out;
  EXPECT_NE(cs.out.find("文档保存页数 1（已过时，不作对照）"), std::string::npos) << cs.out;
}

}  // namespace
