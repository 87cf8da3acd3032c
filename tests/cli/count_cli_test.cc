// End-to-end: the built binary on samples/, JSON compared field by field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/docx_package.h"
#include "support/json_value.h"
#include "support/cli_runner.h"

using wenfeng::testing::JsonValue;
using wenfeng::testing::run_cli;

namespace {

JsonValue parse(const std::string& s) {
  auto v = JsonValue::parse(s);
  EXPECT_TRUE(v.ok()) << s;
  return v.ok() ? std::move(v).value() : JsonValue{};
}

void expect_counts(const JsonValue& counts, const JsonValue& expected) {
  for (const auto& [k, v] : expected.members()) {
    ASSERT_TRUE(counts.has(k)) << k;
    EXPECT_EQ(counts[k].as_number(), v.as_number()) << k;
  }
  EXPECT_EQ(counts.members().size(), 6u);
}

TEST(CountCli, SameDraftInDocxUtf8AndGb18030GivesIdenticalGoldenCounts) {
  const auto golden = parse(wenfeng::testing::read_file(wenfeng::testing::source_path("tests/golden/count_notice.json")));
  const auto r = run_cli({"count", "--format", "json", "samples/count/notice.docx", "samples/count/notice.txt",
                          "samples/count/notice.gb18030.txt"});
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = parse(r.out);
  EXPECT_EQ(j["version"].as_number(), 1);
  ASSERT_EQ(j["files"].items().size(), 3u);
  const char* formats[] = {"docx", "text", "text"};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& f = j["files"][i];
    EXPECT_EQ(f["format"].as_string(), formats[i]);
    expect_counts(f["counts"], golden["counts"]);
  }
  EXPECT_EQ(j["files"][2]["encoding"].as_string(), "GB18030");
  EXPECT_EQ(j["total"]["zishu"].as_number(), 3 * golden["counts"]["zishu"].as_number());
}

TEST(CountCli, StdinWithFilenameChoosesReader) {
  const auto r = run_cli({"count", "--format", "json", "--stdin-filename", "n.docx", "-"},
                         wenfeng::testing::source_path("samples/count/notice.docx"));
  ASSERT_EQ(r.status, 0) << r.err;
  const auto j = parse(r.out);
  EXPECT_EQ(j["files"][0]["path"].as_string(), "n.docx");
  EXPECT_EQ(j["files"][0]["format"].as_string(), "docx");
}

TEST(CountCli, TextTableHasTotalLine) {
  const auto r = run_cli({"count", "samples/count/notice.txt", "samples/count/notice.docx"});
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("字数"), std::string::npos);
  EXPECT_NE(r.out.find("合计（2 个文件）"), std::string::npos);
}

TEST(CountCli, BadInputsAreReportedAndOthersStillCounted) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/empty.txt").close();
  std::ofstream(dir + "/legacy.doc", std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") +
                                                              std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  std::ofstream(dir + "/bad.txt", std::ios::binary) << "abc\xFF\xFE\xFF";
  std::ofstream(dir + "/fake.docx", std::ios::binary) << "PK\x03\x04 this is not really a zip";
  auto no_doc = wenfeng::testing::zip_files({{"a.txt", "x"}});
  std::ofstream(dir + "/nodoc.docx", std::ios::binary) << *no_doc;
  const auto before = wenfeng::testing::read_file(dir + "/bad.txt");

  const auto r = run_cli({"count", "--format", "json", dir + "/empty.txt", dir + "/legacy.doc", dir + "/bad.txt",
                          "samples/count/notice.txt", dir + "/fake.docx", dir + "/nodoc.docx",
                          dir + "/missing.txt"});
  EXPECT_EQ(r.status, 2);
  const auto j = parse(r.out);
  ASSERT_EQ(j["files"].items().size(), 7u);
  const char* codes[] = {"empty", "legacy-format", "encoding", nullptr, "not-zip", "missing-part", "not-found"};
  for (std::size_t i = 0; i < 7; ++i) {
    const auto& f = j["files"][i];
    if (!codes[i]) {
      EXPECT_TRUE(f.has("counts"));
      continue;
    }
    ASSERT_TRUE(f.has("error")) << i;
    EXPECT_FALSE(f.has("counts"));
    EXPECT_EQ(f["error"]["code"].as_string(), codes[i]) << f["error"]["message"].as_string();
    EXPECT_FALSE(f["error"]["message"].as_string().empty());
  }
  EXPECT_NE(j["files"][1]["error"]["message"].as_string().find("另存为"), std::string::npos);
  // Text mode names each failing file on stderr.
  const auto t = run_cli({"count", dir + "/bad.txt", "samples/count/notice.txt"});
  EXPECT_EQ(t.status, 2);
  EXPECT_NE(t.err.find("bad.txt: 错误[encoding]"), std::string::npos) << t.err;
  EXPECT_NE(t.out.find("notice.txt"), std::string::npos);
  // Inputs are never modified.
  EXPECT_EQ(wenfeng::testing::read_file(dir + "/bad.txt"), before);
}

TEST(CountCli, IncludeAddsStoriesAndRejectsUnknown) {
  wenfeng::testing::DocxParts parts;
  parts.body = "<w:p><w:r><w:t>正文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
  parts.footnotes = "<w:footnote w:id=\"1\"><w:p><w:r><w:t>注释</w:t></w:r></w:p></w:footnote>";
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/n.docx", std::ios::binary) << *wenfeng::testing::build_docx(parts);
  auto a = parse(run_cli({"count", "--format", "json", dir + "/n.docx"}).out);
  auto b = parse(run_cli({"count", "--format", "json", "--include", "notes", dir + "/n.docx"}).out);
  EXPECT_EQ(a["files"][0]["counts"]["zishu"].as_number(), 2);
  EXPECT_EQ(b["files"][0]["counts"]["zishu"].as_number(), 4);
  EXPECT_EQ(run_cli({"count", "--include", "bogus", dir + "/n.docx"}).status, 2);
}

TEST(CountCli, UsageErrorsExitTwo) {
  EXPECT_EQ(run_cli({"count"}).status, 2);
  EXPECT_EQ(run_cli({"count", "--format", "xml", "samples/count/notice.txt"}).status, 2);
  EXPECT_EQ(run_cli({"nosuchcommand"}).status, 2);
  EXPECT_EQ(run_cli({"count", "--bogus", "samples/count/notice.txt"}).status, 2);
}

}  // namespace
