// docs/rules.md is generated from the registry (`wenfeng rules --format markdown`); the
// checked-in copy must be current.
#include <gtest/gtest.h>

#include <sstream>

#include "support/cli_runner.h"

namespace {

TEST(RuleReference, IsCurrent) {
  const auto r = wenfeng::testing::run_cli({"rules", "--format", "markdown"});
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string checked_in = wenfeng::testing::read_file(wenfeng::testing::source_path("docs/rules.md"));
  if (r.out == checked_in) return;
  std::istringstream a(checked_in), b(r.out);
  std::string la, lb;
  int n = 1;
  while (true) {
    const bool ga = static_cast<bool>(std::getline(a, la)), gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) break;
    if (!ga || !gb || la != lb) break;
    ++n;
  }
  FAIL() << "docs/rules.md is not current: run scripts/gen-rules-doc and commit the result.\n"
         << "First difference at line " << n << ":\n  checked in: " << la << "\n  generated:  " << lb;
}

TEST(RuleReference, ListsEveryRuleWithItsSections) {
  const auto r = wenfeng::testing::run_cli({"rules", "--format", "markdown"});
  const auto text = wenfeng::testing::run_cli({"rules"});
  ASSERT_EQ(text.status, 0);
  std::istringstream ids(text.out);
  std::string line;
  int n = 0;
  while (std::getline(ids, line)) {
    const std::string id = line.substr(0, line.find('\t'));
    const auto at = r.out.find("\n### " + id + " — ");
    ASSERT_NE(at, std::string::npos) << id;
    const auto next = r.out.find("\n### ", at + 1);
    const std::string section = r.out.substr(at, next == std::string::npos ? std::string::npos : next - at);
    for (const char* part : {"- 默认级别：", "- 依据：", "- 报告：", "消息：", "各规范："})
      EXPECT_NE(section.find(part), std::string::npos) << id << " " << part;
    ++n;
  }
  EXPECT_GE(n, 30);
  // Parameters with types and defaults, profile settings and limits.
  EXPECT_NE(r.out.find("| `min_chars` | 整数 | 15 |"), std::string::npos);
  EXPECT_NE(r.out.find("- 级别：yichun document 类（document、document.…）error"), std::string::npos);
  EXPECT_NE(r.out.find("jinxiang · `news.member-research`：length.body ≤ 600 字（error）"), std::string::npos);
}

}  // namespace
