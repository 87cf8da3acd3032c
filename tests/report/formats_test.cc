// The check formats behind the one output interface (report/formats.cc): SARIF validated
// against the official SARIF 2.1.0 schema for every sample, and the content each
// interchange format promises (columns in the right unit, fixes, rule metadata, exit
// status the same in every format).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "model/rule.h"
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
