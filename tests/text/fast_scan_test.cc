// The vector paths of the shared scans (find_seq's 64- and 32-byte blocks and its last
// overlapping block, contains_any's one pass for several needles, find_invalid_utf8's
// 32-byte validation, step_forward's sixteen-byte count, display_width's fast ranges)
// against plain versions written here, on random texts long enough to reach every block
// loop and its tail: ASCII, two-, three- and four-byte UTF-8, invalid bytes, lengths
// around the 16-, 32- and 64-byte block boundaries.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/utf8_reference.h"
#include "text/charclass.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace {

namespace text = wenfeng::text;

// A random text of `len` pieces drawn from `pieces`.
std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, std::size_t len) {
  std::string t;
  for (std::size_t i = 0; i < len; ++i) t += pieces[rng() % pieces.size()];
  return t;
}

const std::vector<std::string> kValid = {"a", "1", " ", "\n", "，", "的", "了", "年", "é", "𠮷", "…", "。", "·", "\xC2\x80"};
const std::vector<std::string> kAny = {"a",    "，",   "的",   "é",    "𠮷",   "\x80", "\xBF", "\xC0", "\xC1", "\xE0",
                                       "\xED", "\xF0", "\xF4", "\xF5", "\xFF", "\xE4", "\xB8", "\xE0\x9F", "\xED\xA0",
                                       "\xF0\x8F", "\xF4\x90", "\xE4\xB8"};

// The lengths to try: every one up to 140 bytes' worth, then a few long ones.
std::size_t random_len(std::mt19937& rng) { return rng() % 8 == 0 ? 100 + rng() % 400 : rng() % 70; }

TEST(FastScan, FindSeqAgreesWithStringFindOnLongTexts) {
  std::mt19937 rng(1616);
  const std::vector<std::string> pieces = {"a", "b", "，", "的", "了", "年", "\xe5", "\xb9", ".", "的了"};
  for (int round = 0; round < 3000; ++round) {
    const std::string t = random_text(rng, pieces, random_len(rng));
    std::string needle = random_text(rng, pieces, 1 + rng() % 3);
    if (rng() % 3 == 0 && t.size() >= 4) {
      const std::size_t at = rng() % (t.size() - 3);
      needle = t.substr(at, 1 + rng() % std::min<std::size_t>(12, t.size() - at));
    }
    for (std::size_t from = 0; from <= t.size() + 1; from += 1 + rng() % 7) {
      const std::size_t want = from <= t.size() ? std::string_view(t).find(needle, from) : std::string::npos;
      ASSERT_EQ(text::find_seq(t, needle, from), want) << "t=" << t << " needle=" << needle << " from=" << from;
    }
  }
}

TEST(FastScan, FindSeqMatchAtEveryPlace) {
  // A single match at each offset of texts up to 200 bytes long, the very end included.
  for (std::size_t len = 0; len < 200; ++len)
    for (const std::string needle : {"的", "年份", "ab", "x"})
      for (std::size_t at = 0; at <= len; ++at) {
        const std::string u = std::string(at, 'a') + needle + std::string(len - at, 'c');
        ASSERT_EQ(text::find_seq(u, needle), at) << len << " " << at << " " << needle;
        ASSERT_EQ(text::find_seq(u, needle, at + 1), text::npos) << len << " " << at << " " << needle;
        ASSERT_EQ(text::find_seq(u.substr(0, u.size() - 1), needle, 0), len == at ? text::npos : at);
      }
}

TEST(FastScan, ContainsAnyAgreesWithFind) {
  std::mt19937 rng(1717);
  const std::vector<std::string> pieces = {"a", "，", "的", "了", "\xef\xbf\xbd", "。", ".", "·", "\xe9", "\xbd"};
  for (int round = 0; round < 4000; ++round) {
    const std::string t = random_text(rng, pieces, random_len(rng));
    std::vector<std::string> needles(1 + rng() % 8);
    for (auto& n : needles) {
      n = random_text(rng, pieces, 1 + rng() % 3);
      if (rng() % 5 == 0 && t.size() >= 2) {
        const std::size_t at = rng() % (t.size() - 1);
        n = t.substr(at, 1 + rng() % std::min<std::size_t>(9, t.size() - at));
      }
      if (rng() % 50 == 0) n.clear();
    }
    bool want = false;
    for (const auto& n : needles) want = want || std::string_view(t).find(n) != std::string::npos;
    // contains_any takes an initializer_list: the needles one by one, up to eight.
    const std::string_view v[8] = {needles[0],
                                   needles.size() > 1 ? needles[1] : needles[0],
                                   needles.size() > 2 ? needles[2] : needles[0],
                                   needles.size() > 3 ? needles[3] : needles[0],
                                   needles.size() > 4 ? needles[4] : needles[0],
                                   needles.size() > 5 ? needles[5] : needles[0],
                                   needles.size() > 6 ? needles[6] : needles[0],
                                   needles.size() > 7 ? needles[7] : needles[0]};
    bool got = false;
    switch (needles.size()) {
      case 1: got = text::contains_any(t, {v[0]}); break;
      case 2: got = text::contains_any(t, {v[0], v[1]}); break;
      case 3: got = text::contains_any(t, {v[0], v[1], v[2]}); break;
      case 4: got = text::contains_any(t, {v[0], v[1], v[2], v[3]}); break;
      case 5: got = text::contains_any(t, {v[0], v[1], v[2], v[3], v[4]}); break;
      case 6: got = text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5]}); break;
      case 7: got = text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5], v[6]}); break;
      default: got = text::contains_any(t, {v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]}); break;
    }
    ASSERT_EQ(got, want) << "round " << round << " t=" << t;
  }
}

TEST(FastScan, ContainsAnyNeedleAtTheVeryEnd) {
  for (std::size_t len = 0; len < 140; ++len) {
    const std::string base(len, 'x');
    EXPECT_TRUE(text::contains_any(base + "。。。", {"...", "。。。", "···"})) << len;
    EXPECT_TRUE(text::contains_any(base + "...", {"...", "。。。", "···"})) << len;
    EXPECT_TRUE(text::contains_any("..." + base, {"。。。", "..."})) << len;
    EXPECT_FALSE(text::contains_any(base + "。。", {"...", "。。。", "···"})) << len;
    EXPECT_FALSE(text::contains_any(base + "..", {"...", "。。。", "···"})) << len;
  }
}

std::size_t plain_find_invalid(std::string_view s) { return wenfeng::testing::reference_find_invalid_utf8(s); }

TEST(FastScan, FindInvalidUtf8AgreesWithThePlainCheck) {
  std::mt19937 rng(3232);
  for (int round = 0; round < 20000; ++round) {
    // Mostly valid text with a few bad pieces at random places (so that the valid prefix
    // spans several 32-byte blocks), or any bytes at all.
    std::string s = random_text(rng, kValid, random_len(rng) * (1 + rng() % 3));
    const int bad = static_cast<int>(rng() % 3);
    for (int k = 0; k < bad && !s.empty(); ++k) s.insert(rng() % (s.size() + 1), kAny[rng() % kAny.size()]);
    if (rng() % 6 == 0) s = random_text(rng, kAny, random_len(rng));
    if (rng() % 5 == 0 && !s.empty()) s.resize(rng() % s.size());  // cut, often inside a sequence
    ASSERT_EQ(text::find_invalid_utf8(s), plain_find_invalid(s)) << "round " << round;
  }
}

TEST(FastScan, FindInvalidUtf8EveryBytePairAfterALongValidRun) {
  // Each pair of bytes (and a third after it) at each place across a 32-byte boundary.
  const std::string run(61, 'a');
  for (int b0 = 0x80; b0 < 0x100; b0 += 1)
    for (int b1 : {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xE4, 0xF0, 0xFF})
      for (std::size_t cut = 58; cut < 62; ++cut) {
        std::string s = run.substr(0, cut);
        s += static_cast<char>(b0);
        s += static_cast<char>(b1);
        s += "\x80\x80" + run;
        ASSERT_EQ(text::find_invalid_utf8(s), plain_find_invalid(s)) << std::hex << b0 << " " << b1 << " " << cut;
        s.resize(cut + 2);
        ASSERT_EQ(text::find_invalid_utf8(s), plain_find_invalid(s)) << std::hex << b0 << " " << b1 << " " << cut;
      }
}

// step_forward as it was written: a step is one byte, then the continuation bytes after it.
std::size_t plain_step_forward(std::string_view s, std::size_t at, std::size_t n) {
  for (; n > 0 && at < s.size(); --n) {
    ++at;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

TEST(FastScan, StepForwardAgreesWithThePlainLoop) {
  std::mt19937 rng(4040);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng, rng() % 4 == 0 ? kAny : kValid, random_len(rng));
    for (std::size_t at = 0; at <= s.size() + 2; at += 1 + rng() % 5)
      for (std::size_t n : {0, 1, 2, 3, 5, 15, 16, 17, 20, 33, 40, 100, 1000})
        ASSERT_EQ(text::step_forward(s, at, n), plain_step_forward(s, at, n)) << round << " " << at << " " << n;
  }
}

// step_back as it was written: a step is one byte back, then the continuation bytes before it.
std::size_t plain_step_back(std::string_view s, std::size_t at, std::size_t n) {
  if (at > s.size()) at = s.size();
  for (; n > 0 && at > 0; --n) {
    --at;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  }
  return at;
}

TEST(FastScan, StepBackAgreesWithThePlainLoop) {
  std::mt19937 rng(4141);
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng, rng() % 4 == 0 ? kAny : kValid, random_len(rng));
    for (std::size_t at = 0; at <= s.size() + 2; at += 1 + rng() % 5)
      for (std::size_t n : {0, 1, 2, 3, 5, 15, 16, 17, 20, 33, 40, 100, 1000})
        ASSERT_EQ(text::step_back(s, at, n), plain_step_back(s, at, n)) << round << " " << at << " " << n;
  }
}

// The General Punctuation block's widths are looked up in a table made from ICU's answers.
TEST(FastScan, DisplayWidthOfGeneralPunctuationIsIcus) {
  for (char32_t cp = 0x1FF0; cp < 0x2080; ++cp) {
    int want;
    const auto gc = u_charType(static_cast<UChar32>(cp));
    const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
    if (text::is_invisible(cp) || gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK) want = 0;
    else want = (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
    ASSERT_EQ(text::display_width(cp), want) << std::hex << static_cast<std::uint32_t>(cp);
  }
  EXPECT_EQ(text::display_width(U'“'), 1);
  EXPECT_EQ(text::display_width(U'\u200B'), 0);  // zero width space: invisible
}

TEST(FastScan, DisplayWidthIsTheSumOfItsCodePoints) {
  std::mt19937 rng(5050);
  const std::vector<std::string> pieces = {"a", "\t", "\x7F", "，", "的", "䀀", "一", "鿿", "、", "【", "！", "～", "｡",
                                           "é", "\xCC\x81", "𠮷", "\xE2\x80\x8B", "\xFF", "\xE4\xB8", " "};
  for (int round = 0; round < 3000; ++round) {
    const std::string s = random_text(rng, pieces, random_len(rng));
    int want = 0;
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) want += text::display_width(text::decode(p, end));
    ASSERT_EQ(text::display_width(std::string_view(s)), want) << s;
  }
}

}  // namespace
