#include "text/regex.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace wenfeng::text {
namespace {

TEST(Regex, ByteOffsetsAndGroups) {
  auto r = Regex::compile("(\\p{Han}+)([0-9]+)");
  ASSERT_TRUE(r.ok());
  std::vector<Match> g;
  ASSERT_TRUE(r->search("ab县委12号", g));
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g[0].begin, 2u);
  EXPECT_EQ(g[1].end, 8u);
  EXPECT_EQ(g[2].begin, 8u);
  EXPECT_EQ(g[2].end, 10u);
  EXPECT_FALSE(r->search("ab县委12号", g, 10));
}

TEST(Regex, APatternMadeWhereAFreedOneWasUsesItsOwnMatcher) {
  // Patterns are created and freed in turn, as a server reloading profiles does, often at
  // the address of the last one; every search must use its own pattern's matchers.
  for (int i = 0; i < 200; ++i) {
    const std::string word = i % 2 ? "通知" : "报告";
    auto r = Regex::compile(word);
    ASSERT_TRUE(r.ok());
    Match m;
    ASSERT_TRUE(r->search("关于开展检查的通知和报告", m)) << i;
    EXPECT_EQ(m.begin, i % 2 ? 21u : 30u) << i;
  }
}

TEST(Regex, TrustedPatternsCompileOnFirstUseAndSearchFromThreads) {
  const Regex r = Regex::trusted("第[一二三四五六七八九十]+条");
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        Match m;
        found[static_cast<std::size_t>(t)] += r.search("总则第十二条规定", m) && m.begin == 6 && m.end == 18;
      }
    });
  for (auto& th : threads) th.join();
  for (int f : found) EXPECT_EQ(f, 500);
}

}  // namespace
}  // namespace wenfeng::text
