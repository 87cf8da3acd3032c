// text.duplicate-paragraph's comparisons against the plain way: decode every code point,
// keep the Han characters and ASCII letters, compare the lists. Random text mixes Chinese,
// ASCII, two- and four-byte characters and invalid bytes, at lengths around the sixteen-byte
// blocks and eight-byte strides the fast paths take.
#include "rules/text/duplicate_paragraph.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "text/utf8.h"

using namespace wenfeng;
namespace dp = wenfeng::rules::duplicate;

namespace {

dp::Digest digest(std::string_view t) {
  static std::string scratch;  // as the rule keeps it: grown, never cleared
  return dp::normalised_digest(t, scratch);
}

std::vector<char32_t> kept_code_points(std::string_view t) {
  std::vector<char32_t> out;
  const char* p = t.data();
  const char* const e = p + t.size();
  while (p < e)
    if (const char32_t c = text::decode(p, e); dp::kept(c)) out.push_back(c);
  return out;
}

const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "的", "一", "中", "国", "县", "会", "议", "龥", "䶵", "䷀", "䷿", "㐀", "〇", "々", "豈", "兀", "⺀", "𠀀", "𪚥",
      "😀", "，", "。", "、", "；", "：", "“", "”", "（", "）", "《", "》", "…", "—", "　", "\u200B", "\uFEFF",
      "Ａ", "ａ", "１", "é", "ß", "a", "Z", "q", "0", "7", " ", "\t", ".", ",", "-", "%",
      "\x80", "\xBF", "\xE4\xB8", "\xE4", "\xED\xA0\x80", "\xE0\x80\x80", "\xE0\xA0\x80", "\xF0", "\xF0\x9F\x98",
      "\xC0\xAF", "\xFF", "\xEF\xBF\xBD", "\xE4\x41\x42", "\xE5\xB8\x41"};
  return p;
}

std::string random_text(std::mt19937& rng, bool valid_only) {
  std::string s;
  const int n = static_cast<int>(rng() % 40);
  for (int i = 0; i < n; ++i) {
    // Runs of Chinese characters, so the sixteen-byte blocks form.
    if (rng() % 3 == 0) {
      for (int k = static_cast<int>(rng() % 8); k > 0; --k) s += pieces()[rng() % 8];
      continue;
    }
    std::string piece = pieces()[rng() % pieces().size()];
    if (valid_only && text::find_invalid_utf8(piece) != std::string::npos) continue;
    s += piece;
  }
  return s;
}

// b from a with punctuation, digits and spaces changed: often the same kept characters.
std::string variant(std::mt19937& rng, const std::string& a) {
  static const std::vector<std::string> noise = {"，", "。", " ", "1", "23", "、", "\t", "；", ""};
  std::string b;
  const char* p = a.data();
  const char* const e = p + a.size();
  while (p < e) {
    const char* q = p;
    const char32_t c = text::decode(q, e);
    if (!dp::kept(c) && rng() % 2) b += noise[rng() % noise.size()];
    else b.append(p, q);
    if (rng() % 8 == 0) b += noise[rng() % noise.size()];
    p = q;
  }
  return b;
}

TEST(DuplicateParagraph, KeptCharactersAsDecoded) {
  std::mt19937 rng(16);
  int same = 0;
  for (int i = 0; i < 20000; ++i) {
    const bool valid = i % 2 == 0;
    const std::string a = random_text(rng, valid);
    const std::string b = rng() % 3 ? variant(rng, a) : random_text(rng, valid);
    const auto ka = kept_code_points(a), kb = kept_code_points(b);
    const auto da = digest(a), db = digest(b);
    ASSERT_EQ(da.kept, ka.size()) << a;
    ASSERT_EQ(dp::same_normalised(a, b), ka == kb) << a << " | " << b;
    ASSERT_EQ(dp::same_normalised(b, a), ka == kb) << a << " | " << b;
    if (ka == kb) {
      ++same;
      ASSERT_EQ(da.hash, db.hash) << a << " | " << b;
    }
    ASSERT_EQ(dp::exact_hash(a), dp::exact_hash(std::string(a))) << a;
    if (a != b) {
      EXPECT_NE(dp::exact_hash(a), dp::exact_hash(b)) << a << " | " << b;
    }
    // Every prefix (the block and stride ends fall everywhere).
    const std::size_t cut = a.empty() ? 0 : rng() % a.size();
    ASSERT_EQ(digest(std::string_view(a).substr(0, cut)).kept,
              kept_code_points(std::string_view(a).substr(0, cut)).size());
  }
  EXPECT_GT(same, 5000);  // the variants must often be the same, or the equal case is untested
}

TEST(DuplicateParagraph, EdgeCases) {
  EXPECT_EQ(digest("").kept, 0u);
  EXPECT_TRUE(dp::same_normalised("", ""));
  EXPECT_TRUE(dp::same_normalised("，。12 ", ""));
  EXPECT_FALSE(dp::same_normalised("的", ""));
  // U+4DC0–U+4DFF (Yijing hexagrams) sit among the ideographs but are no Han characters.
  EXPECT_EQ(digest("䷀䷁的").kept, 1u);
  EXPECT_EQ(digest("㐀〇豈𠀀aZ1").kept, 6u);
  // Equal over long stretches, then one character apart.
  const std::string base = "各乡镇要加强安全生产管理，落实企业主体责任。各乡镇要加强安全生产管理";
  EXPECT_TRUE(dp::same_normalised(base + "，落实", base + "；落实"));
  EXPECT_FALSE(dp::same_normalised(base + "落实", base + "落宝"));
  EXPECT_FALSE(dp::same_normalised(base + "落实", base + "落"));
  // A lead byte cut off at the end of the eight bytes compared.
  EXPECT_FALSE(dp::same_normalised("abcdefg的x", "abcdefg的y"));
  EXPECT_TRUE(dp::same_normalised("abcdefg的1", "abcdefg的2"));
}

}  // namespace
