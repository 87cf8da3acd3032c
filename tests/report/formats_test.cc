// The check formats behind the one output interface (report/formats.cc): SARIF validated
// against the official SARIF 2.1.0 schema for every sample, and the content each
// interchange format promises (columns in the right unit, fixes, rule metadata, exit
// status the same in every format).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "model/rule.h"
#include "report/json_writer.h"
#include "support/cli_runner.h"

using nlohmann::json;
using wenfeng::testing::run_cli;

namespace {

// Line 2: the half-width comma is code point 9, UTF-16 unit 10 and byte 26 (1-based).
const char* kDraft = "关于做好防汛工作的通知\n𠮷祥村、王家庄村,要在汛前完成巡查。\n";

std::string write_draft(const std::string& name = "draft.txt") {
  const std::string path = wenfeng::testing::temp_dir() + "/" + name;
  std::ofstream(path) << kDraft;
  return path;
}

std::string validator() {
  return "/usr/bin/python3 " + wenfeng::testing::source_path("tests/report/validate_sarif.py") + " " +
         wenfeng::testing::source_path("tests/report/sarif-schema-2.1.0.json");
}

// JSON escaping one byte at a time (valid UTF-8 in, as JsonWriter::escape writes it): the
// reference for its block-at-a-time paths.
std::string plain_escape(const std::string& s) {
  std::string want = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"') want += "\\\"";
    else if (c == '\\') want += "\\\\";
    else if (c == '\n') want += "\\n";
    else if (c == '\r') want += "\\r";
    else if (c == '\t') want += "\\t";
    else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      want += buf;
    } else want.push_back(ch);
  }
  return want + "\"";
}

// JSON strings are escaped sixteen bytes at a time where nothing needs escaping: every byte
// that does (a control byte, '"', '\\') is escaped wherever it falls in or after a block,
// as the byte-by-byte escaping does.
TEST(JsonFormat, EscapesEveryControlQuoteAndBackslashAtAnyOffset) {
  for (char special : {'"', '\\', '\n', '\t', '\x01', '\x1f'})
    for (std::size_t before = 0; before < 40; ++before)
      for (std::size_t after : {0u, 1u, 15u, 16u, 17u, 33u}) {
        std::string s;  // `before` bytes of Han and ASCII, no byte needing escape
        for (std::size_t k = 0; k < before / 4; ++k) s += "通";
        s.append(before - s.size(), 'x');
        s.push_back(special);
        for (std::size_t i = 0; i < after; ++i) s.push_back(static_cast<char>('a' + i % 26));
        std::string out;
        wenfeng::report::JsonWriter::escape(out, s);
        const std::string want = plain_escape(s);
        ASSERT_EQ(out, want) << "before " << before << " after " << after << " byte " << int(special);
      }
}

// Short strings of printable ASCII are written as they are (a path that skips the UTF-8
// check and the escaping loop): every ASCII byte at every place of strings up to 33 bytes
// long is escaped as the byte-by-byte escaping does, and a byte that is not UTF-8 still
// becomes U+FFFD.
TEST(JsonFormat, ShortAsciiStringsAsTheFullEscapingWritesThem) {
  for (int b = 0; b < 0x80; ++b)
    for (std::size_t len : {1u, 2u, 7u, 8u, 9u, 15u, 16u, 17u, 24u, 25u, 31u, 32u, 33u})
      for (std::size_t at = 0; at < len; at += 2) {
        std::string s(len, 'k');
        s[at] = static_cast<char>(b);
        std::string out;
        wenfeng::report::JsonWriter::escape(out, s);
        const std::string want = plain_escape(s);
        ASSERT_EQ(out, want) << "byte " << b << " len " << len << " at " << at;
      }
  // A lone byte 80–FF anywhere in a short string is not UTF-8: U+FFFD in its place.
  for (int b = 0x80; b < 0x100; ++b)
    for (std::size_t len : {1u, 8u, 9u, 17u, 32u})
      for (std::size_t at = 0; at < len; at += 3) {
        std::string s(len, 'k');
        s[at] = static_cast<char>(b);
        std::string out;
        wenfeng::report::JsonWriter::escape(out, s);
        std::string want(1, '"');
        want.append(at, 'k');
        want += "\xEF\xBF\xBD";
        want.append(len - at - 1, 'k');
        want += '"';
        ASSERT_EQ(out, want) << "byte " << b << " len " << len;
      }
}

TEST(SarifFormat, EverySampleValidatesAgainstTheSchema) {
  ASSERT_EQ(std::system("/usr/bin/python3 -c 'import jsonschema' 2>/dev/null"), 0)
      << "python3-jsonschema is needed: run scripts/bootstrap";
  const std::string dir = wenfeng::testing::temp_dir();
  std::string logs;
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(wenfeng::testing::source_path("samples"))) {
    if (!e.is_directory()) continue;
    const std::string name = e.path().filename().string();
    std::vector<std::string> args = {"check", "--format", "sarif", "-o", dir + "/" + name + ".sarif"};
    // Each issuer's samples under its own profile (as the golden test runs them).
    if (name != "formats" && name != "count" && !std::filesystem::exists(e.path() / ".wenfeng.yaml"))
      args.insert(args.end(), {"--profile", name});
    args.push_back("samples/" + name);
    const auto r = run_cli(args);
    EXPECT_LE(r.status, 1) << name << ": " << r.err;
    logs += " " + dir + "/" + name + ".sarif";
    ++n;
  }
  // A run with a file that cannot be read is still a valid log.
  run_cli({"check", "--format", "sarif", "-o", dir + "/missing.sarif", "samples/national/notice-ok.txt", "nosuch.txt"});
  logs += " " + dir + "/missing.sarif";
  ASSERT_GE(n, 7);
  const int status = std::system((validator() + logs + " > " + dir + "/validate.log 2>&1").c_str());
  EXPECT_EQ(status, 0) << wenfeng::testing::read_file(dir + "/validate.log");
  // The validator does reject an invalid log.
  json bad = json::parse(wenfeng::testing::read_file(dir + "/national.sarif"));
  bad["runs"][0]["results"][0]["level"] = "fatal";
  std::ofstream(dir + "/bad.sarif") << bad.dump();
  EXPECT_NE(std::system((validator() + " " + dir + "/bad.sarif > /dev/null 2>&1").c_str()), 0);
}

TEST(SarifFormat, RulesRegionsInUtf16AndFixes) {
  const std::string path = write_draft();
  const auto r = run_cli({"check", "--format", "sarif", path, "nosuch.txt"});
  EXPECT_EQ(r.status, 2);
  const json log = json::parse(r.out);
  EXPECT_EQ(log["version"], "2.1.0");
  const json& run = log["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), wenfeng::model::rules().size());
  for (const auto& rule : rules) {
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty()) << rule["id"];
    EXPECT_NE(rule["helpUri"].get<std::string>().find("rules.md#"), std::string::npos);
  }
  json comma;
  for (const auto& res : run["results"])
    if (res["ruleId"] == "punct.halfwidth") comma = res;
  ASSERT_FALSE(comma.is_null()) << r.out;
  EXPECT_EQ(rules[comma["ruleIndex"].get<std::size_t>()]["id"], "punct.halfwidth");
  EXPECT_EQ(comma["level"], "error");
  const json& region = comma["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["startLine"], 2);
  EXPECT_EQ(region["startColumn"], 10);
  EXPECT_EQ(region["endColumn"], 11);
  const json& rep = comma["fixes"][0]["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(rep["deletedRegion"]["startColumn"], 10);
  EXPECT_EQ(rep["insertedContent"]["text"], "，");
  EXPECT_EQ(comma["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().rfind("file:///", 0), 0u);
  EXPECT_FALSE(run["invocations"][0]["executionSuccessful"].get<bool>());
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["descriptor"]["id"], "not-found");
}

TEST(LineFormat, ColumnUnits) {
  const std::string path = write_draft();
  for (auto [unit, col] : {std::pair{"codepoint", 9}, {"utf16", 10}, {"byte", 26}}) {
    const auto r = run_cli({"check", "--format", "line", "--column-unit", unit, path});
    EXPECT_EQ(r.status, 1);
    const std::string want = path + ":2:" + std::to_string(col) + ": error: ";
    const auto at = r.out.find(want);
    ASSERT_NE(at, std::string::npos) << unit << "\n" << r.out;
    EXPECT_NE(r.out.find(" [punct.halfwidth]\n", at), std::string::npos) << r.out;
  }
  // Default: code points.
  EXPECT_NE(run_cli({"check", "--format", "line", path}).out.find(":2:9: error: "), std::string::npos);
  EXPECT_EQ(run_cli({"check", "--format", "line", "--column-unit", "bytes", path}).status, 2);
}

TEST(GithubFormat, WorkflowCommandsEscaped) {
  const std::string path = write_draft("a,b:c.txt");
  const auto r = run_cli({"check", "--format", "github", "--column-unit", "utf16", path, "nosuch.txt"});
  EXPECT_EQ(r.status, 2);
  const std::string file = path.substr(0, path.size() - 9) + "a%2Cb%3Ac.txt";
  EXPECT_NE(r.out.find("::error file=" + file + ",line=2,col=10,endLine=2,endColumn=11,title=punct.halfwidth::"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("::error file=nosuch.txt,title=wenfeng::"), std::string::npos) << r.out;
}

TEST(XmlFormats, CheckstyleAndJunit) {
  const std::string path = write_draft();
  const std::string clean = wenfeng::testing::source_path("samples/national/notice-ok.txt");
  auto r = run_cli({"check", "--format", "checkstyle", path, clean, "nosuch.txt"});
  EXPECT_EQ(r.status, 2);
  pugi::xml_document cs;
  ASSERT_TRUE(cs.load_string(r.out.c_str())) << r.out;
  const auto files = cs.child("checkstyle").children("file");
  ASSERT_EQ(std::distance(files.begin(), files.end()), 3);
  const auto err = cs.select_node("//file[1]/error[@source='wenfeng.punct.halfwidth']").node();
  ASSERT_TRUE(err);
  EXPECT_EQ(err.attribute("line").as_int(), 2);
  EXPECT_EQ(err.attribute("column").as_int(), 9);
  EXPECT_STREQ(err.attribute("severity").value(), "error");
  EXPECT_TRUE(cs.select_node("//file[3]/error[@source='wenfeng.input.not-found']"));

  r = run_cli({"check", "--format", "junit", path, clean, "nosuch.txt"});
  EXPECT_EQ(r.status, 2);
  pugi::xml_document ju;
  ASSERT_TRUE(ju.load_string(r.out.c_str())) << r.out;
  const auto suites = ju.select_nodes("/testsuites/testsuite");
  ASSERT_EQ(suites.size(), 3u);
  EXPECT_EQ(suites[0].node().attribute("failures").as_int(), 1);
  EXPECT_NE(std::string(suites[0].node().child("testcase").child("failure").text().get()).find("[punct.halfwidth]"),
            std::string::npos);
  EXPECT_EQ(suites[1].node().attribute("failures").as_int(), 0);
  EXPECT_EQ(suites[2].node().attribute("errors").as_int(), 1);
}

TEST(RdjsonFormat, ByteColumnsAndSuggestions) {
  const std::string path = write_draft();
  const auto r = run_cli({"check", "--format", "rdjson", path});
  EXPECT_EQ(r.status, 1);
  const json j = json::parse(r.out);
  EXPECT_EQ(j["source"]["name"], "wenfeng");
  json comma;
  for (const auto& d : j["diagnostics"])
    if (d["code"]["value"] == "punct.halfwidth") comma = d;
  ASSERT_FALSE(comma.is_null());
  EXPECT_EQ(comma["severity"], "ERROR");
  EXPECT_EQ(comma["location"]["range"]["start"]["column"], 26);
  EXPECT_EQ(comma["location"]["range"]["end"]["column"], 27);
  EXPECT_EQ(comma["suggestions"][0]["text"], "，");
}

TEST(JsonFormat, Utf16ColumnsDocxParagraphsAndNonUtf8Paths) {
  const std::string path = write_draft();
  auto j = json::parse(run_cli({"check", "--format", "json", path}).out);
  json comma;
  for (const auto& f : j["files"][0]["findings"])
    if (f["rule"] == "punct.halfwidth") comma = f;
  EXPECT_EQ(comma["column"], 9);
  EXPECT_EQ(comma["column_utf16"], 10);
  EXPECT_EQ(comma["length_utf16"], 1);
  EXPECT_EQ(comma["location"]["line"], 2);
  EXPECT_EQ(comma["location"]["column_byte"], 26);
  // DOCX: a paragraph of a part, not a line of XML.
  j = json::parse(run_cli({"check", "--format", "json", "samples/national/format-faults.docx"}).out);
  const json& loc = j["files"][0]["findings"][0]["location"];
  EXPECT_EQ(loc["part"], "word/document.xml");
  EXPECT_GE(loc["paragraph"].get<int>(), 1);
  EXPECT_FALSE(loc.contains("line"));
  // A file name in GBK bytes ("测试.txt"): still valid JSON, the bytes kept in path_bytes.
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string gbk = dir + "/\xB2\xE2\xCA\xD4.txt";
  std::ofstream(gbk) << kDraft;
  for (const char* cmd : {"check", "count"}) {
    const auto r = run_cli({cmd, "--format", "json", gbk});
    const json parsed = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << cmd;
    EXPECT_EQ(parsed["files"][0]["path"], dir + "/\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD.txt");
    EXPECT_EQ(parsed["files"][0]["path_bytes"], dir + "/\\xB2\\xE2\\xCA\\xD4.txt");
  }
  const auto s = run_cli({"check", "--format", "sarif", gbk});
  EXPECT_NE(s.out.find("%B2%E2%CA%D4.txt"), std::string::npos);
}

// Grouped findings (one rule and severity in one paragraph) in each format: every
// occurrence where an editor's error list wants each, one entry per group with its count
// where CI triages problems, fixes always per occurrence.
const char* kGrouped = "关于做好防汛工作的通知\n各村,各组,各户,要落实责任.\n请于5月1日前报送,逾期不候。\n";

std::string write_grouped(const std::string& name) {
  const std::string path = wenfeng::testing::temp_dir() + "/" + name;
  std::ofstream(path) << kGrouped;
  return path;
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(GroupedFindings, SarifOneResultPerGroupWithRelatedLocationsAndEveryFix) {
  const std::string path = write_grouped("g.txt");
  const std::string dir = wenfeng::testing::temp_dir();
  const auto r = run_cli({"check", "--format", "sarif", "-o", dir + "/g.sarif", path});
  EXPECT_EQ(r.status, 1) << r.err;
  const json log = json::parse(wenfeng::testing::read_file(dir + "/g.sarif"));
  std::vector<json> comma;
  for (const auto& res : log["runs"][0]["results"])
    if (res["ruleId"] == "punct.halfwidth") comma.push_back(res);
  ASSERT_EQ(comma.size(), 2u);  // line 2's four marks, line 3's one
  const json& group = comma[0];
  EXPECT_NE(group["message"]["text"].get<std::string>().find("本段同类共 4 处"), std::string::npos);
  EXPECT_EQ(group["locations"][0]["physicalLocation"]["region"]["startColumn"], 3);
  ASSERT_EQ(group["relatedLocations"].size(), 3u);
  EXPECT_EQ(group["relatedLocations"][0]["physicalLocation"]["region"]["startColumn"], 6);
  EXPECT_EQ(group["relatedLocations"][2]["physicalLocation"]["region"]["startColumn"], 15);
  EXPECT_EQ(group["properties"]["occurrences"], 4);
  ASSERT_EQ(group["fixes"].size(), 1u);  // one fix for the problem, made of every occurrence's replacement
  const json& reps = group["fixes"][0]["artifactChanges"][0]["replacements"];
  ASSERT_EQ(reps.size(), 4u);
  EXPECT_EQ(reps[3]["deletedRegion"]["startColumn"], 15);
  EXPECT_EQ(reps[3]["insertedContent"]["text"], "。");
  EXPECT_FALSE(comma[1].contains("relatedLocations"));
  EXPECT_EQ(comma[1]["fixes"][0]["artifactChanges"][0]["replacements"].size(), 1u);
  const int status = std::system((validator() + " " + dir + "/g.sarif > " + dir + "/v.log 2>&1").c_str());
  EXPECT_EQ(status, 0) << wenfeng::testing::read_file(dir + "/v.log");
}

TEST(GroupedFindings, LineListsEveryOccurrence) {
  const auto r = run_cli({"check", "--format", "line", write_grouped("g.txt")});
  EXPECT_EQ(count_of(r.out, "[punct.halfwidth]"), 5u) << r.out;
  for (int k = 1; k <= 4; ++k) EXPECT_NE(r.out.find("（本段同类共 4 处，此为第 " + std::to_string(k) + " 处）"), std::string::npos);
  EXPECT_NE(r.out.find(":2:15: error: "), std::string::npos);
  EXPECT_NE(r.out.find(":3:10: error: 中文里应使用全角标点“，”，不用半角“,” [punct.halfwidth]"), std::string::npos) << r.out;
}

TEST(GroupedFindings, GithubLeadsWithTheOverviewThenOnePerGroup) {
  auto r = run_cli({"check", "--format", "github", write_grouped("g.txt")});
  EXPECT_EQ(count_of(r.out, "title=punct.halfwidth::"), 2u) << r.out;
  EXPECT_NE(r.out.find("line=2,col=3,endLine=2,endColumn=4,title=punct.halfwidth::中文里应使用全角标点“，”，不用半角“,”"
                       "（本段同类共 4 处，另见第 6 列、第 9 列、第 15 列）"),
            std::string::npos)
      << r.out;
  // A web copy with half-width marks in most paragraphs: the overview comes first.
  r = run_cli({"check", "--format", "github", wenfeng::testing::source_path("samples/national/web-copy-faults.txt")});
  ASSERT_EQ(r.out.rfind("::error file=", 0), 0u);
  const std::string first = r.out.substr(0, r.out.find('\n'));
  EXPECT_NE(first.find("title=punct.halfwidth::全文 39 处半角标点，见于 8 段"), std::string::npos) << first;
  EXPECT_EQ(first.find(",col="), std::string::npos);
}

TEST(GroupedFindings, CheckstyleAndJunitOnePerGroup) {
  const std::string path = write_grouped("g.txt");
  auto r = run_cli({"check", "--format", "checkstyle", path});
  pugi::xml_document cs;
  ASSERT_TRUE(cs.load_string(r.out.c_str())) << r.out;
  const auto errors = cs.select_nodes("//error[@source='wenfeng.punct.halfwidth']");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].node().attribute("column").as_int(), 3);
  EXPECT_NE(std::string(errors[0].node().attribute("message").value()).find("（本段同类共 4 处）"), std::string::npos);
  r = run_cli({"check", "--format", "junit", path});
  pugi::xml_document ju;
  ASSERT_TRUE(ju.load_string(r.out.c_str())) << r.out;
  const auto failure = ju.select_node("//failure").node();
  ASSERT_TRUE(failure);
  EXPECT_NE(std::string(failure.attribute("message").value()).find("5 个问题（2 组）"), std::string::npos) << r.out;
  EXPECT_EQ(count_of(failure.text().get(), "[punct.halfwidth]"), 2u);
}

TEST(GroupedFindings, RdjsonRelatedLocationsAndASuggestionPerOccurrence) {
  const auto r = run_cli({"check", "--format", "rdjson", write_grouped("g.txt")});
  const json j = json::parse(r.out);
  std::vector<json> comma;
  for (const auto& d : j["diagnostics"])
    if (d["code"]["value"] == "punct.halfwidth") comma.push_back(d);
  ASSERT_EQ(comma.size(), 2u);
  EXPECT_EQ(comma[0]["location"]["range"]["start"]["column"], 7);  // bytes: 各村 is six
  ASSERT_EQ(comma[0]["related_locations"].size(), 3u);
  EXPECT_EQ(comma[0]["related_locations"][0]["location"]["range"]["start"]["column"], 14);
  ASSERT_EQ(comma[0]["suggestions"].size(), 4u);
  EXPECT_EQ(comma[0]["suggestions"][3]["text"], "。");
  EXPECT_FALSE(comma[1].contains("related_locations"));
}

TEST(AllFormats, SameExitStatus) {
  const std::string path = write_draft();
  const std::string clean = wenfeng::testing::source_path("samples/national/notice-ok.txt");
  for (const char* f : {"text", "json", "sarif", "line", "github", "checkstyle", "junit", "rdjson"}) {
    EXPECT_EQ(run_cli({"check", "--format", f, clean}).status, 0) << f;
    EXPECT_EQ(run_cli({"check", "--format", f, path}).status, 1) << f;
    EXPECT_EQ(run_cli({"check", "--format", f, path, "nosuch.txt"}).status, 2) << f;
  }
}

}  // namespace
