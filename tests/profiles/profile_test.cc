#include "profiles/profile.h"
#include "profiles/yaml_caps.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/cli_runner.h"

using namespace wenfeng;

namespace {

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir + "/" + name) << text;
  return dir + "/" + name;
}

TEST(Profiles, EveryShippedProfileLoadsAndCarriesSources) {
  for (const auto& id : profiles::list_profiles()) {
    auto p = profiles::load_profile(id);
    ASSERT_TRUE(p.ok()) << id << ": " << p.error().message;
    EXPECT_EQ(p->chain.back(), "national");
    EXPECT_FALSE(p->source.issuer.empty()) << id;
    for (const auto& [kid, k] : p->kinds) {
      EXPECT_FALSE(k.name.empty()) << id << " " << kid;
      for (const auto& [rule, l] : k.limits) {
        EXPECT_FALSE(l.source.issuer.empty()) << kid << " " << rule;
        EXPECT_FALSE(l.source.part.empty()) << kid << " " << rule;
        if (l.soft) {
          EXPECT_FALSE(l.note.empty());
        }
      }
    }
  }
}

TEST(Profiles, IssuerRulesFromRulesMd) {
  auto j = profiles::load_profile("jinxiang");
  ASSERT_TRUE(j.ok());
  auto limit = [](const profiles::Profile& p, const char* kind, const char* rule) {
    const auto* k = p.kind(kind);
    return k && k->limits.count(rule) ? k->limits.at(rule).max : -1.0;
  };
  EXPECT_EQ(limit(*j, "news.main-leader-meeting", "length.body"), 800);
  EXPECT_EQ(limit(*j, "news.main-leader-meeting", "duration.tv"), 2);
  EXPECT_EQ(limit(*j, "news.main-leader-research", "length.body"), 800);
  EXPECT_EQ(limit(*j, "news.member-research", "length.body"), 600);
  EXPECT_EQ(limit(*j, "news.member-research", "duration.tv"), 1);
  EXPECT_EQ(limit(*j, "news.special-emergency", "length.body"), 800);
  EXPECT_EQ(limit(*j, "news.special-routine", "length.body"), 400);
  EXPECT_EQ(limit(*j, "news.special-routine", "duration.tv"), 1);
  EXPECT_EQ(limit(*j, "speech", "duration.speech"), 30);
  EXPECT_TRUE(j->kind("news.member-meeting")->limits.at("length.body").soft);
  EXPECT_EQ(j->kind("news.member-exhibition")->prohibitions[0].severity, model::Severity::kError);
  EXPECT_EQ(j->kind("news.member-visit")->prohibitions[0].severity, model::Severity::kWarning);
  auto d = profiles::load_profile("daxing");
  EXPECT_EQ(limit(*d, "bulletin.daxing-info", "length.pages"), 4);
  EXPECT_EQ(limit(*d, "bulletin.daxing-info", "length.item"), 120);
  EXPECT_EQ(limit(*d, "bulletin.daxing-info", "length.item-research"), 1500);
  EXPECT_EQ(limit(*d, "report.disclosure-monthly", "length.pages"), 4);
  EXPECT_EQ(limit(*d, "speech.main-report", "duration.speech"), 20);
  EXPECT_EQ(limit(*d, "speech.leader", "duration.speech"), 15);
  EXPECT_EQ(limit(*d, "speech.exchange", "duration.speech"), 5);
  auto y = profiles::load_profile("yichun");
  EXPECT_EQ(limit(*y, "speech.main-leader", "duration.speech"), 60);
  EXPECT_EQ(limit(*y, "speech.leader", "duration.speech"), 40);
  // RULES.md: boilerplate findings are errors in the office's documents only.
  const auto& yb = y->rules.at("phrase.boilerplate");
  EXPECT_FALSE(yb.severity);
  EXPECT_EQ(yb.severity_in("document"), model::Severity::kError);
  EXPECT_EQ(yb.severity_in("document.single-task"), model::Severity::kError);
  EXPECT_FALSE(yb.severity_in("speech.main-leader"));
  EXPECT_FALSE(yb.severity_in("documentary"));
  EXPECT_FALSE(yb.severity_in("unknown"));
  auto n = profiles::load_profile("national");
  EXPECT_EQ(limit(*n, "document", "length.body"), 5000);
  EXPECT_EQ(limit(*n, "document.single-task", "length.body"), 4000);
  EXPECT_EQ(limit(*n, "speech.main-report", "duration.speech"), 60);
  EXPECT_EQ(n->tv_rate, 290);
  EXPECT_EQ(n->speech_rate, 200);
  auto h = profiles::load_profile("hubei");
  EXPECT_TRUE(h->kind("report.research")->limits.at("length.body").soft);
}

TEST(Profiles, BrokenProfilesPointAtFileLineColumn) {
  const std::string dir = wenfeng::testing::temp_dir();
  struct Case {
    const char* yaml;
    const char* where;
  } cases[] = {
      {"id: x\nextends: national\nkinds:\n  document:\n    limits:\n      length.body: {max: lots}\n", ":6:"},
      {"id: x\nkinds:\n  document:\n    limitz: {}\n", ":4:"},
      {"id: x\nrates:\n  tv: [1, 2\n", ":"},
      {"id: x\nkinds:\n  document:\n    limits:\n      length.body: {max: 10, soft: true}\n", ":5:"},
      {"id: x\nkinds:\n  document:\n    prohibitions:\n      - rule: kind.nonsense\n", ":5:"},
      {"id: x\nextends: nosuchparent\n", "extends"},
      {"id: x\nrules:\n  punct.halfwidht: off\n", ":3:"},
      {"id: x\nrules:\n  phrase.boilerplate: {kinds: [document]}\n", ":3:"},
      {"id: x\nrules:\n  phrase.boilerplate: {kinds: {document: fatal}}\n", ":3:"},
  };
  for (const auto& c : cases) {
    const auto path = write(dir, "p.yaml", c.yaml);
    auto p = profiles::load_profile(path);
    ASSERT_FALSE(p.ok()) << c.yaml;
    EXPECT_EQ(p.error().code, ErrorCode::kConfig);
    EXPECT_NE(p.error().message.find(c.where), std::string::npos) << p.error().message;
  }
}

// A hostile profile's huge key or value is quoted cut short, not echoed whole: a fuzzer
// found a 120 KB key that the message repeated in full.
TEST(Profiles, HugeKeysAndValuesAreQuotedShort) {
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string huge(1000, 'k');  // YAML caps implicit keys at 1024 characters
  const std::string han = [] { std::string s; for (int i = 0; i < 300; ++i) s += "汉"; return s; }();
  const std::string cases[] = {
      "id: x\n" + huge + ": 1\n",
      "id: x\nrules:\n  " + huge + ": off\n",
      "id: x\nrates:\n  tv: " + han + "\n",
      "id: x\nkinds:\n  document:\n    limits:\n      " + han + ": {max: 1}\n",
  };
  for (const auto& yaml : cases) {
    const auto path = write(dir, "p.yaml", yaml);
    auto p = profiles::load_profile(path);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::kConfig);
    EXPECT_LT(p.error().message.size(), 600u) << p.error().message.substr(0, 600);
    EXPECT_NE(p.error().message.find("…”"), std::string::npos) << p.error().message.substr(0, 600);
  }
  EXPECT_EQ(profiles::quote_short("abc"), "“abc”");
  EXPECT_EQ(profiles::quote_short(han, 2), "“汉汉…”");
}

// A rule's severity per kind or kind family: the longest key wins, other kinds keep the
// plain severity; a child's plain severity replaces the parent's per-kind ones.
TEST(Profiles, RuleSeverityPerKind) {
  const std::string dir = wenfeng::testing::temp_dir();
  write(dir, "base.yaml",
        "id: base\nextends: national\nrules:\n"
        "  phrase.boilerplate: {severity: info, kinds: {document: error, speech: warning, speech.leader: info}}\n");
  write(dir, "child.yaml", "id: child\nextends: ./base.yaml\nrules:\n  phrase.boilerplate: warning\n");
  auto b = profiles::load_profile(dir + "/base.yaml");
  ASSERT_TRUE(b.ok()) << b.error().message;
  const auto& s = b->rule("phrase.boilerplate");
  EXPECT_EQ(s.severity_in("document"), model::Severity::kError);
  EXPECT_EQ(s.severity_in("document.single-task"), model::Severity::kError);
  EXPECT_EQ(s.severity_in("speech.main-leader"), model::Severity::kWarning);
  EXPECT_EQ(s.severity_in("speech.leader"), model::Severity::kInfo);
  EXPECT_EQ(s.severity_in("news.member-meeting"), model::Severity::kInfo);
  EXPECT_EQ(s.severity_in("speeches"), model::Severity::kInfo);
  EXPECT_NE(s.kind_severity_text().find("document"), std::string::npos);
  auto c = profiles::load_profile(dir + "/child.yaml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->rule("phrase.boilerplate").severity_in("document"), model::Severity::kWarning);
  EXPECT_TRUE(c->rule("phrase.boilerplate").kind_severity.empty());
}

TEST(Profiles, ExtendsCycleIsAnError) {
  const std::string dir = wenfeng::testing::temp_dir();
  write(dir, "a.yaml", "id: a\nextends: ./b.yaml\n");
  write(dir, "b.yaml", "id: b\nextends: ./a.yaml\n");
  auto p = profiles::load_profile(dir + "/a.yaml");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.error().message.find("循环"), std::string::npos) << p.error().message;
}

TEST(Profiles, ProjectConfigFoundWalkingUp) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::filesystem::create_directories(dir + "/a/b");
  write(dir, ".wenfeng.yaml", "profile: daxing\nkind: bulletin.daxing-info\nfail-on: warning\n");
  auto c = profiles::find_project_config(dir + "/a/b/draft.docx");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->profile.value_or(""), "daxing");
  EXPECT_EQ(c->kind.value_or(""), "bulletin.daxing-info");
  EXPECT_EQ(c->fail_on.value_or(""), "warning");
  write(dir, ".wenfeng.yaml", "profil: daxing\n");
  auto bad = profiles::find_project_config(dir + "/a/b/draft.docx");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find(".wenfeng.yaml:1:1"), std::string::npos) << bad.error().message;
}

}  // namespace
