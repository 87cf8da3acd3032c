// text::find_seq (16 candidate starts at a time) and text::ByteSet::find against the plain
// searches they replace, on random text over a small alphabet of ASCII and CJK bytes (so
// that partial matches, matches at every alignment and near the end all occur).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/charclass.h"
#include "text/scan.h"

namespace {

using wenfeng::text::find_seq;

TEST(FindSeq, AgreesWithStringFind) {
  std::mt19937 rng(16);
  const std::string pieces[] = {"a", "b", "，", "的", "了", "年", "\xe5", "\xb9", "."};
  for (int round = 0; round < 3000; ++round) {
    std::string t, needle;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) t += pieces[rng() % std::size(pieces)];
    const int nlen = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < nlen; ++i) needle += pieces[rng() % std::size(pieces)];
    if (rng() % 4 == 0 && t.size() >= 3) needle = t.substr(rng() % (t.size() - 2), 1 + rng() % 3);
    for (std::size_t from = 0; from <= t.size() + 1; ++from) {
      const std::size_t want = from <= t.size() ? std::string_view(t).find(needle, from) : std::string::npos;
      ASSERT_EQ(find_seq(t, needle, from), want) << "t=" << t << " needle=" << needle << " from=" << from;
    }
  }
}

TEST(FindSeq, EmptyNeedleAndLongText) {
  EXPECT_EQ(find_seq("abc", "", 1), 1u);
  EXPECT_EQ(find_seq("abc", "", 4), std::string::npos);
  std::string t(1000, 'x');
  t += "通知";
  EXPECT_EQ(find_seq(t, "通知"), 1000u);
  EXPECT_EQ(find_seq(t, "通知", 1001), std::string::npos);
  EXPECT_EQ(find_seq(t, "知"), 1003u);
}

TEST(ByteSet, AgreesWithPlainSearch) {
  const wenfeng::text::ByteSet marks = {',', '.', ';', ':', '?', '!', '(', ')'};
  std::mt19937 rng(7);
  const char alphabet[] = "ab,.;:?!()\xe4\xb8\x80 ";
  for (int round = 0; round < 2000; ++round) {
    std::string t;
    const int len = static_cast<int>(rng() % 70);
    for (int i = 0; i < len; ++i) t += alphabet[rng() % (sizeof alphabet - 1)];
    for (std::size_t from = 0; from <= t.size(); ++from)
      ASSERT_EQ(marks.find(t, from), t.find_first_of(",.;:?!()", from)) << t << " from " << from;
  }
}

// CharSet::find against a plain search for each member, from every offset (also from inside
// a code point), on text over ASCII, the dashes and characters that share their lead or last
// bytes (“ and ： lead with E2 and EF, 贝 ends with 0x9D like “).
TEST(CharSet, AgreesWithPlainSearch) {
  const wenfeng::text::CharSet dashes = {U'-', U'－', U'–', U'—', U'~', U'～'};
  const std::string members[] = {"-", "－", "–", "—", "~", "～"};
  std::mt19937 rng(16);
  const std::string pieces[] = {"a", "1", "-", "~", "－", "–", "—", "～", "“", "”", "：", "，", "贝", "年", "\xe2\x80"};
  for (int round = 0; round < 3000; ++round) {
    std::string t;
    const int len = static_cast<int>(rng() % 50);
    for (int i = 0; i < len; ++i) t += pieces[rng() % std::size(pieces)];
    for (std::size_t from = 0; from <= t.size(); ++from) {
      std::size_t want = std::string::npos;
      for (const auto& m : members) want = std::min(want, std::string_view(t).find(m, from));
      ASSERT_EQ(dashes.find(t, from), want) << t << " from " << from;
    }
  }
  EXPECT_TRUE(dashes.has(U'～'));
  EXPECT_FALSE(dashes.has(U'，'));
}

// contains_any's one pass over up to eight needles of different lengths against a search
// for each, on text long and short (the pass needs the longest needle plus 15 bytes).
TEST(ContainsAny, AgreesWithEachSearch) {
  std::mt19937 rng(23);
  const std::string pieces[] = {"a", "?", "？", "锟", "斤", "烫", "，", "\xc3", "\xa2", "年"};
  for (int round = 0; round < 5000; ++round) {
    std::string t;
    const int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) t += pieces[rng() % std::size(pieces)];
    std::vector<std::string> needles;
    const int count = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < count; ++k) {
      std::string n;
      const int nlen = 1 + static_cast<int>(rng() % 3);
      for (int i = 0; i < nlen; ++i) n += pieces[rng() % std::size(pieces)];
      needles.push_back(n);
    }
    bool want = false;
    for (const auto& n : needles) want = want || t.find(n) != std::string::npos;
    std::vector<std::string_view> v(needles.begin(), needles.end());
    // initializer_list from a runtime count: the cases by size.
    bool got = false;
    switch (v.size()) {
      case 1: got = wenfeng::text::contains_any(t, {v[0]}); break;
      case 2: got = wenfeng::text::contains_any(t, {v[0], v[1]}); break;
      case 3: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2]}); break;
      case 4: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2], v[3]}); break;
      case 5: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2], v[3], v[4]}); break;
      case 6: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5]}); break;
      case 7: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5], v[6]}); break;
      default: got = wenfeng::text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]}); break;
    }
    ASSERT_EQ(got, want) << t << " round " << round;
  }
}

}  // namespace

// text.duplicate-paragraph takes U+4E00–U+9FFF as Han without the class table: the table
// must say the same of every code point there.
TEST(CharClass, UnifiedIdeographsAreAllHan) {
  for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) ASSERT_TRUE(wenfeng::text::is_han(c)) << std::hex << static_cast<std::uint32_t>(c);
  EXPECT_FALSE(wenfeng::text::is_han(0x4DC0));  // Yijing hexagram symbols, between Extension A and the block
}
