// An issuer whose kinds differ from Jinxiang's needs YAML only: tests/data/profiles/shili.yaml
// (an invented city's propaganda department) declares its kind ids, cue words, classifier
// rules, limits and prohibitions, and the built binary classifies, measures and reports
// its sample draft by them. tests/rules/cases/issuer-shili.txt checks the other kinds.
#include <gtest/gtest.h>

#include "support/cli_runner.h"
#include "support/json_value.h"

namespace {

using wenfeng::testing::JsonValue;
using wenfeng::testing::run_cli;

constexpr const char* kProfile = "tests/data/profiles/shili.yaml";
constexpr const char* kDraft = "tests/data/drafts/shili/leader-forum-long.txt";

JsonValue check_json(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"check", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(kDraft);
  const auto r = run_cli(args);
  EXPECT_EQ(r.status, 1) << r.err;
  auto j = JsonValue::parse(r.out);
  EXPECT_TRUE(j.ok()) << r.out.substr(0, 300);
  return j.ok() ? j.value()["files"][0] : JsonValue{};
}

const JsonValue* finding(const JsonValue& f, const std::string& rule) {
  for (const auto& x : f["findings"].items())
    if (x["rule"].as_string() == rule) return &x;
  return nullptr;
}

TEST(ProfileYamlOnly, OwnKindsClassifiedAndLimitedFromTheProfile) {
  const auto f = check_json({"--profile", kProfile, "--medium", "tv"});
  EXPECT_EQ(f["profile"]["id"].as_string(), "shili");
  // The issuer's own kind, guessed from its own cue words, and said so.
  EXPECT_EQ(f["kind"]["id"].as_string(), "news.leader-forum");
  EXPECT_EQ(f["kind"]["source"].as_string(), "classifier");
  EXPECT_EQ(f["kind"]["reason"].as_string(), "标题和导语含“市委书记”“市长”“博览会”");
  // The body leaves out the title, the byline (with 𠮷 in a name) and the caption.
  EXPECT_EQ(f["body"]["figure"].as_number(), 767);
  const JsonValue* body = finding(f, "length.body");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ((*body)["severity"].as_string(), "error");
  EXPECT_EQ((*body)["data"]["limit"].as_string(), "700");
  EXPECT_EQ((*body)["data"]["excess"].as_string(), "67");
  EXPECT_EQ((*body)["message"].as_string(),
            "正文 767 字，超出上限 700 字（多 67 字）；类型 news.leader-forum（推测：标题和导语含“市委书记”“市长”“博览会”；"
            "如不对请用 --kind 指定）；从此处起超出上限");
  EXPECT_EQ((*body)["source"]["issuer"].as_string(), "示例市委宣传部");
  EXPECT_EQ((*body)["source"]["part"].as_string(), "第二条（市主要领导出席论坛、博览会的报道不超过 700 字）");
  const JsonValue* tv = finding(f, "duration.tv");
  ASSERT_NE(tv, nullptr);
  EXPECT_EQ((*tv)["data"]["limit_minutes"].as_string(), "1.5");
  EXPECT_NE((*tv)["message"].as_string().find("超出上限 1.5 分钟"), std::string::npos) << (*tv)["message"].as_string();
}

TEST(ProfileYamlOnly, TheSameDraftUnderJinxiangIsAJinxiangKind) {
  const auto r = run_cli({"check", "--format", "json", "--profile", "jinxiang", kDraft});
  auto j = JsonValue::parse(r.out);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ(j.value()["files"][0]["kind"]["id"].as_string(), "news.main-leader-meeting");
}

TEST(ProfileYamlOnly, ProfilesAndExplainShowTheIssuersKinds) {
  auto r = run_cli({"profiles", kProfile});
  EXPECT_EQ(r.status, 0) << r.err;
  for (const char* k : {"news.leader-forum", "news.deputy-forum", "news.project-signing", "news.inspection",
                        "news.dept-routine", "bulletin.shili-express"})
    EXPECT_NE(r.out.find(std::string("    ") + k + "  "), std::string::npos) << k;
  r = run_cli({"explain", "length.body", "--profile", kProfile});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("news.deputy-forum：length.body ≤ 400 字（warning，默认软上限）"), std::string::npos) << r.out;
  // A kind the draft is given by hand must be one the issuer declares.
  r = run_cli({"check", "--profile", kProfile, "--kind", "news.nosuch", kDraft});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("news.nosuch"), std::string::npos);
}

}  // namespace
