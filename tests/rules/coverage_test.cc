// The registry against its tests and documentation: every registered rule is documented,
// lives in linter/rules/<family>/<name>.cc and has a positive and a negative case in the
// case files; every rule id the golden samples or the case files name is registered.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "model/rule.h"
#include "phrases/dictionary.h"
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
  // scripts/new-rule marks what the author has to write with TODO.
  bool todo = false;
  for (std::string_view s : {r.title, r.summary, r.description, r.measures})
    todo |= s.find("TODO") != std::string_view::npos;
  for (const std::string* s : {&r.source.issuer, &r.source.document, &r.source.part})
    todo |= s->find("TODO") != std::string::npos;
  for (const auto& m : r.messages) todo |= m.zh.find("TODO") != std::string_view::npos;
  for (const auto& e : r.examples) todo |= (e.bad.find("TODO") != std::string_view::npos) ||
                                           (e.good.find("TODO") != std::string_view::npos);
  need(!todo, "no TODO left by scripts/new-rule");
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

// A dictionary declares the rule that reports its entries and their message; the rule
// declares the same message, so that docs/rules.md and explain show what users see.
TEST(RuleCoverage, DictionaryMessagesAreTheirRulesMessages) {
  auto set = wenfeng::phrases::load_phrase_set(wenfeng::phrases::dictionaries_dir());
  ASSERT_TRUE(set.ok()) << set.error().message;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& e : (*set)->entries) {
    if (!seen.insert({e.rule, e.message}).second) continue;
    const RuleInfo* r = wenfeng::model::find_rule(e.rule);
    ASSERT_NE(r, nullptr) << e.rule;
    EXPECT_EQ(r->needs, wenfeng::model::Needs::kPhrases) << e.rule;
    bool declared = false;
    for (const auto& m : r->messages) declared |= m.zh == e.message;
    EXPECT_TRUE(declared) << "list " << e.list << " reports " << e.rule << " with the message \"" << e.message
                          << "\", which the rule does not declare in its messages";
  }
  EXPECT_GE(seen.size(), 3u);
}

}  // namespace
