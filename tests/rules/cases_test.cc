// Runs every rule case file (tests/rules/cases/*.txt, format in tests/rules/README.md)
// through the real pipeline: one test per file, one failure per mismatch, each naming the
// case file's line.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/rule_cases.h"

namespace {

using wenfeng::testing::case_file_paths;

class RuleCases : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleCases, File) {
  auto file = wenfeng::testing::load_case_file(GetParam());
  ASSERT_TRUE(file.ok()) << file.error().message;
  for (const auto& m : wenfeng::testing::run_case_file(*file)) ADD_FAILURE() << m;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string n = std::filesystem::path(info.param).stem().string();
  for (char& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Each, RuleCases, ::testing::ValuesIn(case_file_paths()), test_name);

// The parser rejects what it cannot read, naming the line.
TEST(RuleCaseFormat, ErrorsNameTheLine) {
  using wenfeng::testing::parse_case_file;
  const std::pair<const char*, int> bad[] = {
      {"标题\n>> no.such-rule\n", 2},
      {">> punct.dash\n", 1},
      {"标题\n正文--\n>> punct.dash @x\n", 3},
      {"标题\n正文--\n>> punct.dash \"--\n", 3},
      {"标题\n正文--\n>> punct.dash bogus\n", 3},
      {"标题\n正文\n>> ok\n>> punct.dash\n", 4},
      {"标题\n@kind document\n", 2},
      {"@colour red\n标题\n", 1},
      {"标题\n正文--\n>> format.date\n", 3},  // not in @check
      {"=== empty\n", 1},
  };
  for (const auto& [text, line] : bad) {
    auto f = parse_case_file(text, "x.txt", "punct.dash");
    ASSERT_FALSE(f.ok()) << text;
    EXPECT_NE(f.error().message.find("x.txt:" + std::to_string(line) + ":"), std::string::npos)
        << text << "\n" << f.error().message;
  }
}

// A wrong expectation, a missing one and an unexpected finding are each reported.
TEST(RuleCaseFormat, MismatchesAreReported) {
  using wenfeng::testing::parse_case_file;
  using wenfeng::testing::run_case_file;
  auto ok = parse_case_file("关于工作的通知\n目标--建设\n>> punct.dash @3+2 \"--\" warning fix=—— ~不是“--”\n目标——建设\n>> ok\n",
                            "x.txt", "punct.dash");
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_TRUE(run_case_file(*ok).empty());
  auto wrong = parse_case_file("关于工作的通知\n目标--建设\n>> punct.dash @4\n", "x.txt", "punct.dash");
  ASSERT_TRUE(wrong.ok());
  auto m = run_case_file(*wrong);
  ASSERT_EQ(m.size(), 2u);  // the expectation not met, and the finding not expected
  EXPECT_NE(m[0].find("x.txt:3: expected >> punct.dash @4"), std::string::npos) << m[0];
  EXPECT_NE(m[0].find(">> punct.dash @3+2 \"--\" warning fix=——"), std::string::npos) << m[0];
  EXPECT_NE(m[1].find("x.txt:2: unexpected finding"), std::string::npos) << m[1];
  auto missing = parse_case_file("关于工作的通知\n目标——建设\n>> punct.dash\n", "x.txt", "punct.dash");
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(run_case_file(*missing).size(), 1u);
  auto kind = parse_case_file("@expect-kind document option\n@kind document\n关于工作的通知\n正文。\n>> ok\n", "x.txt",
                              "punct.dash");
  ASSERT_TRUE(kind.ok());
  EXPECT_TRUE(run_case_file(*kind).empty());
  auto wrong_kind = parse_case_file("@expect-kind speech\n关于工作的通知\n正文。\n>> ok\n", "x.txt", "punct.dash");
  ASSERT_TRUE(wrong_kind.ok());
  ASSERT_EQ(run_case_file(*wrong_kind).size(), 1u);
  EXPECT_NE(run_case_file(*wrong_kind)[0].find("kind document (classifier"), std::string::npos);
}

}  // namespace
