// The fast scans of rules/support.h against the slow ways they stand in for: the character
// classes on every code point, and the finders on random text of ASCII, 2-, 3- and 4-byte
// code points (members, near misses sharing their last bytes, ordinary Han and marks), at
// lengths around the 16- and 32-byte blocks and from every code point start.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

bool is_surrogate(char32_t c) { return c >= 0xD800 && c < 0xE000; }

TEST(RulesSupport, ClassesMatchIcuOnEveryCodePoint) {
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (is_surrogate(c)) continue;
    ASSERT_EQ(rules::is_digit(c), text::is_digit_nd(c)) << std::hex << static_cast<std::uint32_t>(c);
    // [\t\n\f\r\p{Z}], with Z asked of ICU (text::is_z).
    const bool z = c < 0x80 ? (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') : text::is_z(c);
    ASSERT_EQ(rules::is_regex_space(c), z) << std::hex << static_cast<std::uint32_t>(c);
    ASSERT_EQ(rules::is_icu_space(c), z || c == 0x0B || c == 0x85) << std::hex << static_cast<std::uint32_t>(c);
  }
}

// Random text from `pieces`, `n` pieces long.
std::string random_text(std::mt19937& r, const std::vector<std::string>& pieces, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += pieces[r() % pieces.size()];
  return s;
}

// The code point starts of `t`.
std::vector<std::size_t> starts(std::string_view t) {
  std::vector<std::size_t> v;
  for (const auto c : text::code_points(t)) v.push_back(c.begin);
  v.push_back(t.size());
  return v;
}

const std::vector<std::string> kCommon = {
    "a", "0", "9", "-", ".", " ", "的", "，", "。", "、", "“", "”", "—", "…", "《", "》", "（", "）", "é", "Ã", "©",
    "\u00A0", "\u3000", "\u2000", "\u200A", "\u200B", "\u202F", "\u205F", "\u2060", "\u1680", "\u3001", "\u300A",
    "\u2028", "\u0085", "\u000B", "\t", "\n", "０", "５", "٣", "०", "߀", "𝟘", "𠮷", "😀", "年", "月", "日", "十", "百",
    "千", "季", "度", "星", "期", "礼", "拜", "锟", "烫", "屯", "？", "?", "\uFFFD", "～", "~", "－", "–", "几", "几",
    "约", "左", "右", "%", "万", "亿", "丟", "厮", "\u00C3\u00A9"};

TEST(RulesSupport, TailSetFindsWhatACodePointWalkFinds) {
  struct Case {
    rules::TailSet set;
    std::vector<char32_t> cps;
    std::vector<unsigned char> leads;
  };
  const std::vector<Case> sets = {
      {rules::TailSet({U'～', U'~', U'—', U'-', U'－', U'–'}), {U'～', U'~', U'—', U'-', U'－', U'–'}, {}},
      {rules::TailSet({U'?', U'\uFFFD', U'？', U'锟', U'烫', U'屯'}, {0xC3}), {U'?', U'\uFFFD', U'？', U'锟', U'烫', U'屯'}, {0xC3}},
      {rules::TailSet({U'-', U'.', U'/'}), {U'-', U'.', U'/'}, {}},
      {rules::TailSet({U'、', U'几'}), {U'、', U'几'}, {}},
      {rules::TailSet({U'十', U'百', U'千'}), {U'十', U'百', U'千'}, {}},
      {rules::TailSet({U'日', U'月'}), {U'日', U'月'}, {}},
      {rules::TailSet({U'季', U'星', U'礼'}), {U'季', U'星', U'礼'}, {}},
      {rules::TailSet({U'𠮷', U'a', U'é'}), {U'𠮷', U'a', U'é'}, {}},
  };
  std::mt19937 r(16);
  for (const auto& [set, cps, leads] : sets) {
    auto member = [&](char32_t c, unsigned char lead) {
      for (auto m : cps)
        if (m == c) return true;
      for (auto b : leads)
        if (b == lead) return true;
      return false;
    };
    for (int round = 0; round < 3000; ++round) {
      const std::string t = random_text(r, kCommon, r() % 40);
      const auto at = starts(t);
      for (const std::size_t from : at) {
        std::size_t want = text::npos;
        for (std::size_t p = from; p < t.size();) {
          std::size_t next;
          const char32_t c = text::cp_at(t, p, next);
          if (member(c, static_cast<unsigned char>(t[p]))) {
            want = p;
            break;
          }
          p = next;
        }
        ASSERT_EQ(set.find(t, from), want) << t << " from " << from;
      }
      ASSERT_EQ(set.in(t), set.find(t) != text::npos);
    }
  }
}

TEST(RulesSupport, FindSpaceFindsWhatACodePointWalkFinds) {
  std::mt19937 r(32);
  for (int round = 0; round < 20000; ++round) {
    const std::string t = random_text(r, kCommon, r() % 50);
    for (const std::size_t from : starts(t)) {
      std::size_t want = text::npos;
      for (std::size_t p = from; p < t.size();) {
        std::size_t next;
        if (text::primary_class(text::cp_at(t, p, next)) == text::kSpace) {
          want = p;
          break;
        }
        p = next;
      }
      ASSERT_EQ(rules::find_space(t, from), want) << t << " from " << from;
    }
  }
  // Every space, alone, after CJK text of every length around the blocks.
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (is_surrogate(c) || text::primary_class(c) != text::kSpace) continue;
    for (std::size_t n = 0; n < 40; ++n) {
      std::string t;
      for (std::size_t k = 0; k < n; ++k) t += k % 3 ? "的" : "。";
      const std::size_t at = t.size();
      text::append_utf8(t, c);
      EXPECT_EQ(rules::find_space(t), at) << std::hex << static_cast<std::uint32_t>(c) << " after " << n;
    }
  }
}

// text::run_back and text::run_forward as they were before their ASCII fast path: every
// code point decoded.
template <typename Pred>
std::size_t decoding_run_back(std::string_view t, std::size_t at, Pred pred, std::size_t& n, std::size_t floor,
                              std::size_t max) {
  n = 0;
  while (at > floor && n < max) {
    std::size_t b;
    const char32_t c = text::cp_before(t, at, b);
    if (b < floor || !pred(c)) break;
    at = b;
    ++n;
  }
  return at;
}
template <typename Pred>
std::size_t decoding_run_forward(std::string_view t, std::size_t at, Pred pred, std::size_t& n, std::size_t max) {
  n = 0;
  while (at < t.size() && n < max) {
    std::size_t next;
    if (!pred(text::cp_at(t, at, next))) break;
    at = next;
    ++n;
  }
  return at;
}

TEST(RulesSupport, RunsAndDigitsMatchTheDecodingScans) {
  std::mt19937 r(48);
  for (int round = 0; round < 5000; ++round) {
    const std::string t = random_text(r, kCommon, r() % 30);
    for (const std::size_t at : starts(t)) {
      std::size_t n1 = 0, n2 = 0;
      for (std::size_t max : {std::size_t{2}, std::size_t{4}, static_cast<std::size_t>(-1)}) {
        ASSERT_EQ(rules::run_forward(t, at, rules::is_digit, n1, max), decoding_run_forward(t, at, text::is_digit_nd, n2, max));
        ASSERT_EQ(n1, n2);
        ASSERT_EQ(rules::run_back(t, at, rules::is_digit, n1, 0, max), decoding_run_back(t, at, text::is_digit_nd, n2, 0, max));
        ASSERT_EQ(n1, n2);
        const std::size_t floor = at / 2;
        ASSERT_EQ(rules::run_back(t, at, rules::is_icu_space, n1, floor, max),
                  decoding_run_back(t, at, text::is_icu_space, n2, floor, max));
        ASSERT_EQ(n1, n2);
      }
      std::size_t n3 = 0;
      ASSERT_EQ(rules::spaces_forward(t, at), decoding_run_forward(t, at, text::is_regex_space, n3, static_cast<std::size_t>(-1)));
      ASSERT_EQ(rules::spaces_back(t, at), decoding_run_back(t, at, text::is_regex_space, n3, 0, static_cast<std::size_t>(-1)));
      ASSERT_EQ(rules::digit_ends_at(t, at), at > 0 && text::is_digit_nd(text::cp_before(t, at)));
      ASSERT_EQ(rules::digit_starts_at(t, at), at < t.size() && text::is_digit_nd(text::cp_at(t, at)));
      std::size_t want = text::npos;
      for (std::size_t p = at; p < t.size();) {
        std::size_t next;
        if (text::is_digit_nd(text::cp_at(t, p, next))) {
          want = p;
          break;
        }
        p = next;
      }
      ASSERT_EQ(rules::next_digit(t, at), want) << t;
    }
  }
}

TEST(RulesSupport, ChineseDateLineMatchesItsPattern) {
  const text::Regex date = rules::fixed_regex(
      "^\\s*[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日\\s*$");
  const std::vector<std::string> ws = {"", "", " ", "\u3000", "\n", "\u0085", "\u000B", "\u2028", "\r\n", "a", "\t"};
  const std::vector<std::string> year = {"〇", "零", "二", "九", "二", "〇", "O", "十"};
  const std::vector<std::string> md = {"一", "十", "二", "三", "九", "〇", "1"};
  std::mt19937 r(64);
  int dates = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string t = random_text(r, ws, r() % 3) + random_text(r, year, r() % 4 ? 4 : 3 + r() % 3);
    t += r() % 8 ? "年" : "月";
    t += random_text(r, md, r() % 4 ? 1 + r() % 2 : r() % 4) + (r() % 8 ? "月" : "日");
    t += random_text(r, md, r() % 4 ? 1 + r() % 3 : r() % 5);
    t += (r() % 8 ? "日" : "号") + random_text(r, ws, r() % 3);
    text::Match m;
    const bool want = date.search(t, m);
    dates += want;
    ASSERT_EQ(rules::is_chinese_date_line(t), want) << t;
  }
  EXPECT_GT(dates, 100);
  EXPECT_FALSE(rules::is_chinese_date_line(""));
  EXPECT_TRUE(rules::is_chinese_date_line("二〇二六年一月二十日"));
}

}  // namespace
