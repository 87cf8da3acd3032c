#include "phrases/matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

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

namespace {

// A keep that drops spaces and takes lead bytes E4–E9 as three bytes wherever three are left
// (whole3), other bytes one by one: scan_kept must find what scan finds in the kept bytes.
struct DropSpaces {
  static bool whole3(unsigned char b) { return static_cast<unsigned char>(b - 0xE4) <= 5; }
  bool operator()(const char*& p, const char* e) const {
    const auto b = static_cast<unsigned char>(*p);
    if (whole3(b) && e - p >= 3) {
      p += 3;
      return true;
    }
    ++p;
    return b != ' ';
  }
};

TEST(Matcher, ScanKeptAgreesWithScanOfTheKeptBytes) {
  const std::vector<std::string> alphabet = {"高", "度", "重", "视", " ", "，", "a", "\xE4", "\xE4\xB8", "\x80", "𠀀"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    Matcher m;
    for (int k = 0; k < 6; ++k) {
      std::string pat;
      for (int n = 1 + static_cast<int>(rng() % 3); n > 0; --n) pat += alphabet[rng() % alphabet.size()];
      if (pat.find(' ') == std::string::npos) m.add(pat);
    }
    m.build();
    for (int i = 0; i < 20; ++i) {
      std::string t;
      for (int n = static_cast<int>(rng() % 30); n > 0; --n) t += alphabet[rng() % alphabet.size()];
      std::string kept;
      for (const char *p = t.data(), *e = p + t.size(); p < e;) {
        const char* a = p;
        if (DropSpaces{}(p, e)) kept.append(a, p);
      }
      std::vector<wenfeng::phrases::RawMatch> raw;
      m.scan_kept(t, DropSpaces{}, raw);
      std::set<std::pair<std::uint32_t, std::uint32_t>> got;
      for (const auto& r : raw) got.insert({r.pattern, r.end});
      ASSERT_EQ(got, scan_all(m, kept)) << t;
      ASSERT_EQ(raw.size(), got.size()) << t;
    }
  }
}

}  // namespace
