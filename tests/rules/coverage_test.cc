// The registry against its tests and documentation: every registered rule is documented,
// lives in linter/rules/<family>/<name>.cc and has a positive and a negative case in the
// case files; every rule id the golden samples or the case files name is registered.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "model/rule.h"
#include "support/cli_runner.h"
#include "support/json_value.h"
#include "support/rule_cases.h"

namespace {

using wenfeng::model::RuleInfo;

// What a rule's documentation lacks, or "" (docs/rules.md and `wenfeng explain` print these).
std::string undocumented(const RuleInfo& r) {
  std::string missing;
  auto need = [&](bool ok, const char* what) {
    if (!ok) missing += std::string(missing.empty() ? "" : ", ") + what;
  };
  need(!r.title.empty(), "title");
  need(!r.summary.empty(), "summary");
  need(!r.description.empty(), "description");
  need(!r.measures.empty(), "measures");
  need(!r.source.issuer.empty() && !r.source.document.empty(), "source");
  need(!r.messages.empty(), "messages");
  need(r.run != nullptr, "run");
  for (const auto& m : r.messages) need(!m.zh.empty(), "message text");
  for (const auto& p : r.params) need(!p.description.empty(), "parameter description");
  return missing;
}

TEST(RuleCoverage, EveryRuleIsDocumentedAndInItsFile) {
  ASSERT_GE(wenfeng::model::rules().size(), 30u);
  for (const RuleInfo* r : wenfeng::model::rules()) {
    const std::string id(r->id);
    const std::string family = wenfeng::model::family_name(r->family);
    EXPECT_EQ(id.substr(0, family.size() + 1), family + ".") << id << ": the id names its family";
    EXPECT_EQ(undocumented(*r), "") << id << " lacks these in its RuleInfo";
    // One file per rule: linter/rules/<family>/<name with - as _>.cc (scripts/new-rule).
    std::string file = id.substr(family.size() + 1);
    for (char& c : file)
      if (c == '-') c = '_';
    EXPECT_TRUE(std::filesystem::exists(wenfeng::testing::source_path("linter/rules/" + family + "/" + file + ".cc")))
        << id << " is not defined in linter/rules/" << family << "/" << file << ".cc";
  }
}

TEST(RuleCoverage, EveryRuleHasAPositiveAndANegativeCase) {
  std::map<std::string, int> positive, negative;
  const auto paths = wenfeng::testing::case_file_paths();
  ASSERT_FALSE(paths.empty());
  for (const auto& path : paths) {
    auto f = wenfeng::testing::load_case_file(path);
    ASSERT_TRUE(f.ok()) << f.error().message;
    for (const auto& c : f->cases)
      for (const auto& l : c.lines) {
        for (const auto& e : l.expect) ++positive[e.rule];
        if (l.ok)
          for (const auto& r : c.settings.check) ++negative[r];
      }
  }
  for (const RuleInfo* r : wenfeng::model::rules()) {
    const std::string id(r->id);
    EXPECT_GT(positive[id], 0) << id << " has no positive case (a \">> " << id
                               << "\" expectation) in tests/rules/cases/; scripts/new-rule writes the file";
    EXPECT_GT(negative[id], 0) << id << " has no negative case (a \">> ok\" line where it is checked) in "
                               << "tests/rules/cases/" << id << ".txt";
  }
}

TEST(RuleCoverage, IdsTheGoldenSamplesEmitAreRegisteredAndDocumented) {
  auto golden = wenfeng::testing::JsonValue::parse(
      wenfeng::testing::read_file(wenfeng::testing::source_path("tests/golden/check_samples.json")));
  ASSERT_TRUE(golden.ok());
  std::set<std::string> ids;
  for (const auto& c : golden->items())
    for (const auto& f : c["findings"].items()) ids.insert(f["rule"].as_string());
  ASSERT_GE(ids.size(), 10u);
  for (const auto& id : ids) {
    const RuleInfo* r = wenfeng::model::find_rule(id);
    ASSERT_NE(r, nullptr) << id << " appears in tests/golden/check_samples.json but is not registered";
    EXPECT_EQ(undocumented(*r), "") << id;
  }
}

}  // namespace
