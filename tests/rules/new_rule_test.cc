// scripts/new-rule: the files it writes for a new rule (run with --dry-run into a temporary
// folder) are a source that compiles against linter/ and a case file that parses with a
// positive and a negative case; it refuses what it must not write.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "support/cli_runner.h"
#include "support/rule_cases.h"

namespace {

namespace fs = std::filesystem;
using wenfeng::testing::source_path;

// Runs scripts/new-rule with `args`; the exit status.
int new_rule(const std::string& args, const std::string& log) {
  const std::string cmd = "cd '" + std::string(WENFENG_SOURCE_DIR) + "' && scripts/new-rule " + args + " > '" + log +
                          "' 2>&1";
  const int st = std::system(cmd.c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

TEST(NewRule, WritesASourceThatCompilesAndCasesThatParse) {
  const std::string dir = wenfeng::testing::temp_dir();
  ASSERT_EQ(new_rule("--dry-run '" + dir + "' text quote-style", dir + "/log"), 0)
      << wenfeng::testing::read_file(dir + "/log");
  const std::string source = dir + "/linter/rules/text/quote_style.cc";
  const std::string cases = dir + "/tests/rules/cases/text.quote-style.txt";
  ASSERT_TRUE(fs::exists(source));
  ASSERT_TRUE(fs::exists(cases));
  // Only those two files: the rule is one file, its cases another (and docs/rules.md).
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files += e.is_regular_file() && e.path().filename() != "log";
  EXPECT_EQ(files, 2);

  const std::string src = wenfeng::testing::read_file(source);
  EXPECT_NE(src.find(".id = \"text.quote-style\""), std::string::npos);
  EXPECT_NE(src.find(".family = model::Family::kText"), std::string::npos);
  EXPECT_NE(src.find("WENFENG_REGISTER_RULE"), std::string::npos);
  // The skeleton compiles against the tree's headers, warnings as errors.
  const std::string cc = std::string(WENFENG_CXX) + " -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Wshadow -Werror -I '" +
                         source_path("linter") + "' '" + source + "' > '" + dir + "/cc.log' 2>&1";
  EXPECT_EQ(std::system(cc.c_str()), 0) << wenfeng::testing::read_file(dir + "/cc.log");

  auto f = wenfeng::testing::parse_case_file(wenfeng::testing::read_file(cases), "text.quote-style.txt",
                                             "text.quote-style",
                                             [](std::string_view id) { return id == "text.quote-style"; });
  ASSERT_TRUE(f.ok()) << f.error().message;
  int positive = 0, negative = 0;
  for (const auto& c : f->cases)
    for (const auto& l : c.lines) {
      for (const auto& e : l.expect) positive += e.rule == "text.quote-style";
      negative += l.ok;
    }
  EXPECT_GT(positive, 0);
  EXPECT_GT(negative, 0);
}

TEST(NewRule, RefusesExistingRulesUnknownFamiliesAndBadNames) {
  const std::string dir = wenfeng::testing::temp_dir();
  for (const char* args : {"text garbled", "nosuch thing", "text Bad_Name", "text", "punct dash"}) {
    EXPECT_EQ(new_rule("--dry-run '" + dir + "' " + args, dir + "/log"), 2) << args;
    EXPECT_FALSE(wenfeng::testing::read_file(dir + "/log").empty()) << args;
  }
  EXPECT_FALSE(fs::exists(dir + "/linter")) << "nothing is written when the scaffold is refused";
}

}  // namespace
