// End-to-end `wenfeng check` on every profile's samples, JSON compared field by field with
// tests/golden/check_samples.json; plus exit codes, output formats and kind sources.
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
  EXPECT_TRUE(v.ok()) << s.substr(0, 500);
  return v.ok() ? std::move(v).value() : JsonValue{};
}

TEST(CheckCli, GoldenSamplesFieldByField) {
  const auto golden = parse(wenfeng::testing::read_file(wenfeng::testing::source_path("tests/golden/check_samples.json")));
  ASSERT_GE(golden.items().size(), 30u);
  for (const auto& c : golden.items()) {
    std::vector<std::string> args = {"check", "--format", "json"};
    for (const auto& a : c["args"].items()) args.push_back(a.as_string());
    args.push_back(c["path"].as_string());
    const auto r = run_cli(args);
    SCOPED_TRACE(c["path"].as_string());
    EXPECT_EQ(r.status, c["exit"].as_number()) << r.err;
    const auto f = parse(r.out)["files"][0];
    EXPECT_EQ(f["kind"]["id"].as_string(), c["kind"]["id"].as_string());
    EXPECT_EQ(f["kind"]["source"].as_string(), c["kind"]["source"].as_string());
    EXPECT_FALSE(f["kind"]["reason"].as_string().empty());
    EXPECT_EQ(f["body"]["figure"].as_number(), c["body_figure"].as_number());
    EXPECT_EQ(f["pages"]["estimate"].as_number(), c["pages"].as_number());
    ASSERT_EQ(f["findings"].items().size(), c["findings"].items().size());
    for (std::size_t i = 0; i < c["findings"].items().size(); ++i) {
      const auto& want = c["findings"][i];
      const auto& got = f["findings"][i];
      for (const char* k : {"rule", "severity", "message"}) EXPECT_EQ(got[k].as_string(), want[k].as_string()) << k;
      for (const char* k : {"paragraph", "column", "length"}) EXPECT_EQ(got[k].as_number(), want[k].as_number()) << k;
      for (const auto& [k, v] : want["data"].members()) EXPECT_EQ(got["data"][k].as_string(), v.as_string()) << k;
      EXPECT_FALSE(got["excerpt"].as_string().empty());
      EXPECT_FALSE(got["source"]["issuer"].as_string().empty()) << got["rule"].as_string();
    }
  }
}

TEST(CheckCli, TextAndDocxOfOneDraftAgree) {
  for (const char* base : {"samples/jinxiang/research-main-long", "samples/daxing/info-issue-over",
                           "samples/daxing/info-issue-pages"}) {
    const std::string profile = std::string(base).find("jinxiang") != std::string::npos ? "jinxiang" : "daxing";
    const auto a = parse(run_cli({"check", "--format", "json", "--profile", profile, std::string(base) + ".txt"}).out);
    const auto b = parse(run_cli({"check", "--format", "json", "--profile", profile, std::string(base) + ".docx"}).out);
    const auto& fa = a["files"][0]["findings"];
    const auto& fb = b["files"][0]["findings"];
    ASSERT_EQ(fa.items().size(), fb.items().size()) << base;
    for (std::size_t i = 0; i < fa.items().size(); ++i) {
      EXPECT_EQ(fa[i]["rule"].as_string(), fb[i]["rule"].as_string());
      EXPECT_EQ(fa[i]["excerpt"].as_string(), fb[i]["excerpt"].as_string());
      // The pages message names its estimation method, which differs by format.
      if (fa[i]["rule"].as_string() != "length.pages")
        EXPECT_EQ(fa[i]["message"].as_string(), fb[i]["message"].as_string());
      else
        EXPECT_EQ(fa[i]["data"]["estimate"].as_string(), fb[i]["data"]["estimate"].as_string());
    }
  }
}

TEST(CheckCli, LengthFindingStatesFigureLimitExcessKindAndSource) {
  const auto r = run_cli({"check", "--profile", "jinxiang", "samples/jinxiang/research-main-long.txt"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("错误[length.body] 正文 999 字，超出上限 800 字（多 199 字）"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("news.main-leader-research（推测：标题和导语含“县委书记”"), std::string::npos);
  EXPECT_NE(r.out.find("依据：中共金乡县委"), std::string::npos);
  EXPECT_NE(r.out.find("samples/jinxiang/research-main-long.txt:段8:列5: "), std::string::npos);
  // The caret line sits under the excerpt.
  EXPECT_NE(r.out.find("    ^~"), std::string::npos);
}

TEST(CheckCli, KindFromOptionConfigDocumentAndCategory) {
  // --kind wins over everything.
  auto j = parse(run_cli({"check", "--format", "json", "--profile", "jinxiang", "--kind", "news.special-routine",
                          "samples/jinxiang/research-main-ok.txt"}).out);
  EXPECT_EQ(j["files"][0]["kind"]["source"].as_string(), "option");
  // .wenfeng.yaml in samples/yichun picks the profile; the byline "副市长　高振华" the kind.
  j = parse(run_cli({"check", "--format", "json", "samples/yichun/leader-speech.txt"}).out);
  EXPECT_EQ(j["files"][0]["profile"]["id"].as_string(), "yichun");
  EXPECT_EQ(j["files"][0]["kind"]["id"].as_string(), "speech.leader");
  EXPECT_EQ(j["files"][0]["kind"]["source"].as_string(), "classifier");
  // A folder's .wenfeng.yaml can also give the kind of every draft in it.
  {
    const std::string dir = wenfeng::testing::temp_dir() + "/speeches";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/.wenfeng.yaml") << "profile: yichun\nkind: speech.main-leader\n";
    std::ofstream(dir + "/s.txt") << wenfeng::testing::read_file(wenfeng::testing::source_path("samples/yichun/leader-speech.txt"));
    j = parse(run_cli({"check", "--format", "json", dir + "/s.txt"}).out);
    EXPECT_EQ(j["files"][0]["kind"]["id"].as_string(), "speech.main-leader");
    EXPECT_EQ(j["files"][0]["kind"]["source"].as_string(), "config");
  }
  // The DOCX custom property wenfeng.kind.
  j = parse(run_cli({"check", "--format", "json", "--profile", "jinxiang", "samples/jinxiang/member-exhibition.docx"}).out);
  EXPECT_EQ(j["files"][0]["kind"]["source"].as_string(), "document");
  // The core category, when it names a kind.
  wenfeng::testing::DocxParts parts;
  parts.body = "<w:p><w:r><w:t>一份稿件</w:t></w:r></w:p><w:p><w:r><w:t>正文。</w:t></w:r></w:p>";
  parts.core["category"] = "news.member-visit";
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/c.docx", std::ios::binary) << *wenfeng::testing::build_docx(parts);
  j = parse(run_cli({"check", "--format", "json", "--profile", "jinxiang", dir + "/c.docx"}).out);
  EXPECT_EQ(j["files"][0]["kind"]["id"].as_string(), "news.member-visit");
  EXPECT_EQ(j["files"][0]["kind"]["source"].as_string(), "document");
  EXPECT_EQ(j["files"][0]["findings"][0]["rule"].as_string(), "kind.not-reportable");
}

TEST(CheckCli, UnknownKindGivesInfoAndSuggestsKind) {
  // A story naming a leader without an activity: which limit applies cannot be told.
  const std::string path = wenfeng::testing::temp_dir() + "/unknown.txt";
  std::ofstream(path) << "副县长王芳一行\n本报讯 5月5日，副县长王芳一行来到东河村，看望慰问困难群众。\n";
  const auto r = run_cli({"check", "--format", "json", path});
  EXPECT_EQ(r.status, 0);
  const auto f = parse(r.out)["files"][0];
  EXPECT_EQ(f["kind"]["id"].as_string(), "unknown");
  EXPECT_EQ(f["findings"][0]["rule"].as_string(), "kind.unknown");
  EXPECT_NE(f["findings"][0]["message"].as_string().find("--kind"), std::string::npos);
  // --fail-on info turns the info into a failing status.
  EXPECT_EQ(run_cli({"check", "--fail-on", "info", path}).status, 1);
  // A meeting story naming no leader is news, and no kind-based length applies.
  const auto n = parse(run_cli({"check", "--format", "json", "samples/count/notice.txt"}).out)["files"][0];
  EXPECT_EQ(n["kind"]["id"].as_string(), "news");
  EXPECT_NE(n["kind"]["reason"].as_string().find("本报讯"), std::string::npos);
}

TEST(CheckCli, ExitCodesAreTheSameInEveryFormat) {
  for (const char* fmt : {"text", "json"}) {
    EXPECT_EQ(run_cli({"check", "--format", fmt, "--profile", "jinxiang", "samples/jinxiang/research-main-ok.txt"}).status, 0);
    EXPECT_EQ(run_cli({"check", "--format", fmt, "--profile", "jinxiang", "samples/jinxiang/research-main-long.txt"}).status, 1);
    EXPECT_EQ(run_cli({"check", "--format", fmt, "--profile", "jinxiang", "samples/jinxiang/research-main-long.txt",
                       "samples/nonexistent.docx"}).status, 2);
    // Warnings fail only with --fail-on warning.
    EXPECT_EQ(run_cli({"check", "--format", fmt, "--profile", "daxing", "samples/daxing/foreign-affairs.txt"}).status, 0);
    EXPECT_EQ(run_cli({"check", "--format", fmt, "--fail-on", "warning", "--profile", "daxing",
                       "samples/daxing/foreign-affairs.txt"}).status, 1);
  }
}

TEST(CheckCli, BadProfileOrKindIsAUsageError) {
  auto r = run_cli({"check", "--profile", "nosuch", "samples/count/notice.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("jinxiang"), std::string::npos);  // lists the available profiles
  r = run_cli({"check", "--profile", "jinxiang", "--kind", "news.nosuch", "samples/count/notice.txt"});
  EXPECT_EQ(r.status, 2);
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/broken.yaml") << "id: broken\nextends: national\nkinds:\n  document:\n    limits:\n"
                                         "      length.body: {max: many}\n";
  r = run_cli({"check", "--profile", dir + "/broken.yaml", "samples/count/notice.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("broken.yaml:6:"), std::string::npos) << r.err;
}

TEST(CheckCli, UserProfileByPathExtendsAnIssuer) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/mine.yaml") << "id: mine\nextends: jinxiang\nkinds:\n  news.main-leader-research:\n"
                                       "    limits:\n      length.body: {max: 300, part: 本单位规定}\n";
  const auto f = parse(run_cli({"check", "--format", "json", "--profile", dir + "/mine.yaml",
                                "samples/jinxiang/research-main-ok.txt"}).out)["files"][0];
  EXPECT_EQ(f["profile"]["id"].as_string(), "mine");
  EXPECT_EQ(f["profile"]["chain"].items().size(), 3u);
  ASSERT_EQ(f["findings"].items().size(), 1u);
  EXPECT_EQ(f["findings"][0]["data"]["limit"].as_string(), "300");
  EXPECT_EQ(f["findings"][0]["source"]["part"].as_string(), "本单位规定");
}

TEST(CheckCli, ProfilesAndExplain) {
  auto r = run_cli({"profiles"});
  EXPECT_EQ(r.status, 0);
  for (const char* id : {"national", "jinxiang", "daxing", "yichun", "hengshan", "hubei"})
    EXPECT_NE(r.out.find(std::string(id) + "  "), std::string::npos) << id;
  EXPECT_NE(r.out.find("length.item ≤ 120 字"), std::string::npos);
  r = run_cli({"explain", "length.body", "--profile", "jinxiang"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("news.member-research：length.body ≤ 600 字"), std::string::npos) << r.out;
  EXPECT_EQ(run_cli({"explain", "no.such-rule"}).status, 2);
}

TEST(CheckCli, StdinAndMixedBadInput) {
  const auto r = run_cli({"check", "--format", "json", "--profile", "jinxiang", "--stdin-filename", "x.txt", "-",
                          "samples/no-such-draft.txt"},
                         wenfeng::testing::source_path("samples/jinxiang/member-exhibition.txt"));
  EXPECT_EQ(r.status, 2);
  const auto j = parse(r.out);
  EXPECT_EQ(j["files"][0]["kind"]["id"].as_string(), "news.member-exhibition");
  EXPECT_EQ(j["files"][1]["error"]["code"].as_string(), "not-found");
}

}  // namespace

namespace {

TEST(CheckCli, GroupedFindingsWithOccurrencesAndAnOverview) {
  const auto r = run_cli({"check", "--format", "json", "samples/national/web-copy-faults.txt"});
  EXPECT_EQ(r.status, 1);
  const auto f = parse(r.out)["files"][0];
  const auto& findings = f["findings"];
  ASSERT_GE(findings.items().size(), 3u);
  // The overview leads: one document-level finding for the rule firing in most paragraphs.
  EXPECT_EQ(findings[0]["rule"].as_string(), "punct.halfwidth");
  EXPECT_TRUE(findings[0]["document_level"].as_bool());
  EXPECT_NE(findings[0]["message"].as_string().find("全文 39 处半角标点"), std::string::npos)
      << findings[0]["message"].as_string();
  // Then one finding per rule and paragraph, with every occurrence.
  double occurrences = 0;
  for (std::size_t i = 1; i < findings.items().size(); ++i) {
    const auto& x = findings[i];
    if (x["rule"].as_string() != "punct.halfwidth") continue;
    occurrences += x["count"].as_number();
    if (x["count"].as_number() > 1) {
      EXPECT_EQ(x["occurrences"].items().size(), static_cast<std::size_t>(x["count"].as_number()));
      EXPECT_FALSE(x["occurrences"][1]["data"]["fix"].as_string().empty());
    } else {
      EXPECT_FALSE(x.has("occurrences"));
    }
  }
  EXPECT_EQ(occurrences, 39);
  // The summary counts every occurrence.
  EXPECT_EQ(f["summary"]["errors"].as_number(), 40);
  // Text output starts with the summary by severity and rule.
  const auto t = run_cli({"check", "samples/national/web-copy-faults.txt"});
  EXPECT_EQ(t.out.rfind("samples/national/web-copy-faults.txt：错误 40 处（punct.halfwidth 39、format.attachment 1）", 0), 0u)
      << t.out.substr(0, 300);
  EXPECT_NE(t.out.find("（本段同类共 8 处）"), std::string::npos);
  EXPECT_NE(t.out.find("同段其余 7 处：列 36“,”"), std::string::npos);
}

TEST(CheckCli, ProfilesShowWhatAnIssuerAddsAndRemoves) {
  auto r = run_cli({"profiles", "yichun"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("去掉 “求真务实”"), std::string::npos) << r.out;
  r = run_cli({"profiles", "jinxiang"});
  EXPECT_NE(r.out.find("增加 “讲得[都]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("第三部分（讲话力戒空话、套话）"), std::string::npos);
  // The national hour behind the county's 30 minutes.
  EXPECT_NE(r.out.find("仍受 national 的上限约束：duration.speech ≤ 60 分钟"), std::string::npos) << r.out;
  r = run_cli({"profiles", "national"});
  EXPECT_NE(r.out.find("不增不减"), std::string::npos);
}

TEST(CheckCli, ExplainAPhrase) {
  auto r = run_cli({"explain", "求真务实", "--profile", "yichun"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("规范 yichun 去掉了此词条"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(".wenfeng.yaml 中写 ignore: [求真务实]"), std::string::npos);
  EXPECT_NE(r.out.find("# wenfeng-ignore: 求真务实"), std::string::npos);
  EXPECT_NE(r.out.find("allow: [求真务实]"), std::string::npos);
  r = run_cli({"explain", "讲得都很好", "--profile", "jinxiang"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("中共金乡县委"), std::string::npos) << r.out;
  EXPECT_EQ(run_cli({"explain", "风和日丽"}).status, 2);
  // A rule's explanation says how to allow its phrases.
  r = run_cli({"explain", "phrase.boilerplate", "--profile", "yichun"});
  EXPECT_NE(r.out.find("一个发文机关"), std::string::npos);
}

TEST(CheckCli, DaxingResearchItemIsOneItem) {
  const auto f = parse(run_cli({"check", "--format", "json", "--profile", "daxing", "samples/daxing/info-research-ok.txt"}).out)["files"][0];
  EXPECT_EQ(f["kind"]["id"].as_string(), "bulletin.daxing-info");
  EXPECT_EQ(f["findings"].items().size(), 0u);
  const auto t = run_cli({"check", "--profile", "daxing", "samples/daxing/info-research-ok.txt"});
  EXPECT_NE(t.out.find("信息 4 条（其中调研类 1 条）"), std::string::npos) << t.out;
}

}  // namespace
