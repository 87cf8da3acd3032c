#include "phrases/matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

using wenfeng::phrases::Matcher;

namespace {

std::set<std::pair<std::uint32_t, std::uint32_t>> scan_all(const Matcher& m, const std::string& t) {
  std::set<std::pair<std::uint32_t, std::uint32_t>> out;
  m.scan(t, [&](const wenfeng::phrases::RawMatch& r) { out.insert({r.pattern, r.end}); });
  return out;
}

TEST(Matcher, OverlappingAndNestedPatterns) {
  Matcher m;
  const auto he = m.add("he"), she = m.add("she"), his = m.add("his"), hers = m.add("hers");
  m.build();
  const auto got = scan_all(m, "ushers");
  EXPECT_EQ(got, (std::set<std::pair<std::uint32_t, std::uint32_t>>{{she, 4}, {he, 4}, {hers, 6}}));
  (void)his;
}

TEST(Matcher, ChinesePatternsMatchOnCharacterBoundaries) {
  Matcher m;
  const auto a = m.add("高度重视"), b = m.add("重视"), c = m.add("视");
  m.build();
  const auto got = scan_all(m, "要高度重视安全");
  const std::uint32_t end = static_cast<std::uint32_t>(std::string("要高度重视").size());
  EXPECT_TRUE(got.count({a, end}));
  EXPECT_TRUE(got.count({b, end}));
  EXPECT_TRUE(got.count({c, end}));
  EXPECT_EQ(got.size(), 3u);
}

TEST(Matcher, AgreesWithNaiveSearchOnRandomText) {
  // Small alphabet so that patterns overlap a lot.
  const char* alphabet[] = {"甲", "乙", "丙", "a", "b"};
  std::mt19937 rng(7);
  auto random_string = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += alphabet[rng() % 5];
    return s;
  };
  Matcher m;
  std::vector<std::string> pats;
  for (int i = 0; i < 60; ++i) {
    pats.push_back(random_string(1 + static_cast<int>(rng() % 4)));
    m.add(pats.back());
  }
  m.build();
  for (int round = 0; round < 20; ++round) {
    const std::string t = random_string(200);
    std::set<std::pair<std::uint32_t, std::uint32_t>> naive;
    for (std::uint32_t p = 0; p < pats.size(); ++p)
      for (std::size_t pos = t.find(pats[p]); pos != std::string::npos; pos = t.find(pats[p], pos + 1))
        naive.insert({p, static_cast<std::uint32_t>(pos + pats[p].size())});
    EXPECT_EQ(scan_all(m, t), naive);
  }
}

TEST(Matcher, EmptyMatcherFindsNothing) {
  Matcher m;
  m.build();
  EXPECT_TRUE(scan_all(m, "任何文字").empty());
}

}  // namespace
