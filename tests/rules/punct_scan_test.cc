// The punct rules' block scans (linter/rules/punct/punct_scan.h) against their one-start
// tests, and punct.halfwidth's hand-read link search (link_scan.h) against the ICU pattern it
// replaces, on random text: ASCII, 2-, 3- and 4-byte UTF-8, empty, and lengths around the
// 16-byte blocks and the padded tail.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "rules/punct/link_scan.h"
#include "rules/punct/punct_scan.h"
#include "text/regex.h"

using namespace wenfeng;
using namespace wenfeng::rules;

namespace {

const std::vector<std::string>& scan_pieces() {
  static const std::vector<std::string> p = {
      ",", ".", ";", ":", "?", "!", "(", ")", "a", "7", " ", "-", "~", "\n", "·", "…", "。", "，", "、", "；", "：", "？",
      "！", "“", "”", "‘", "’", "（", "）", "《", "》", "〈", "〉", "【", "】", "〔", "〕", "—", "–", "－", "～", "〖", "」",
      "的", "中", "国", "一", "é", "\xC2\xA0", "😀", "𠀀", "ア", "ー", "\xEF\xBC\x8D", "\xE3\x80\x82\xE3", "\x82"};
  return p;
}

std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, std::size_t max_pieces) {
  std::string s;
  const std::size_t n = rng() % (max_pieces + 1);
  for (std::size_t i = 0; i < n; ++i) s += pieces[rng() % pieces.size()];
  return s;
}

// The starts visited, with fn going on from at + step (or stopping after `stop_after`).
template <std::size_t kReach, typename Mask, typename One>
void compare_scan(const char* name, Mask mask, One one) {
  std::mt19937 rng(std::hash<std::string>{}(name) & 0xFFFF);
  int with_starts = 0;
  for (int i = 0; i < 6000; ++i) {
    std::string t = random_text(rng, scan_pieces(), i % 3 == 0 ? 40 : 12);
    // The text is often a view into a longer buffer: the scan must not read past its end.
    const std::string buffer = t + "。。……..";
    const std::string_view view(buffer.data(), t.size());
    const std::size_t step = 1 + rng() % 4, stop_after = rng() % 8 == 0 ? rng() % 4 : 1000;
    auto run = [&](auto scan) {
      std::vector<std::size_t> seen;
      scan([&](std::size_t at) {
        seen.push_back(at);
        return seen.size() > stop_after ? punct::kStop : at + step;
      });
      return seen;
    };
    const auto got = run([&](auto fn) { punct::for_each_start<kReach>(view, mask, one, fn); });
    const auto want = run([&](auto fn) { punct::for_each_start_scalar(view, one, fn); });
    ASSERT_EQ(got, want) << name << " on [" << t << "] step " << step;
    EXPECT_EQ(punct::any_start<kReach>(view, mask, one), !want.empty()) << name;
    with_starts += !want.empty();
  }
  EXPECT_GT(with_starts, 1000) << name;
}

TEST(PunctScan, BlockScansMatchTheirOneStartTests) {
  compare_scan<0>("halfwidth", punct::halfwidth_mask, punct::halfwidth_one);
  compare_scan<2>("unpaired", punct::unpaired_mask, punct::unpaired_one);
  compare_scan<3>("doubled", punct::doubled_mask, punct::doubled_one);
  compare_scan<2>("ellipsis", punct::ellipsis_mask, punct::ellipsis_one);
  compare_scan<2>("dash", punct::dash_mask, punct::dash_one);
}

TEST(PunctScan, OneStartTestsFindTheMarks) {
  auto starts = [](std::string_view t, auto one) {
    std::vector<std::size_t> v;
    punct::for_each_start_scalar(t, one, [&](std::size_t at) {
      v.push_back(at);
      return at + 1;
    });
    return v;
  };
  EXPECT_EQ(starts("中,文.(x)", punct::halfwidth_one), (std::vector<std::size_t>{3, 7, 8, 10}));
  // “ ” （ and 《 are found; 。 ， and 的 are not.
  EXPECT_EQ(starts("“的。”，（《", punct::unpaired_one), (std::vector<std::size_t>{0, 9, 15, 18}));
  EXPECT_EQ(starts("的，，。", punct::doubled_one), (std::vector<std::size_t>{3, 6}));
  EXPECT_TRUE(punct::any_start<2>("的...", punct::ellipsis_mask, punct::ellipsis_one));
  EXPECT_TRUE(punct::any_start<2>("的。。", punct::ellipsis_mask, punct::ellipsis_one));
  EXPECT_TRUE(punct::any_start<2>("的…", punct::ellipsis_mask, punct::ellipsis_one));
  EXPECT_TRUE(punct::any_start<2>("··", punct::ellipsis_mask, punct::ellipsis_one));
  EXPECT_FALSE(punct::any_start<2>("的。的.", punct::ellipsis_mask, punct::ellipsis_one));
  // - ~ — – － ～ are found; 的 、 and ， are not.
  EXPECT_EQ(starts("-的~—、–，－～", punct::dash_one), (std::vector<std::size_t>{0, 4, 5, 11, 17, 20}));
}

TEST(PunctScan, LinkSearchMatchesThePattern) {
  auto compiled = text::Regex::compile(
      "(?:https?://|ftp://|www\\.)[^\\s\\p{Han}，。；、“”（）《》]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  ASSERT_TRUE(compiled);
  const text::Regex& re = compiled.value();
  const std::vector<std::string> pieces = {
      "http://", "https://", "ftp://", "www.", "http", "https:/", "ftp:", "ww", "w", "h", "f", "s", ":", "/", ".", "..",
      "@", "a", "Z", "b", "cn", "com", "0", "9", "_", "%", "+", "-", " ", "\t", "\u3000", "\u0085", "\u000B", "\u00A0",
      "中", "〇", "々", "，", "。", "；", "、", "“", "”", "（", "）", "《", "》", ",", "(", "é", "😀", "x@y", ".cn"};
  std::mt19937 rng(20261204);
  int found = 0;
  for (int i = 0; i < 20000; ++i) {
    const std::string t = random_text(rng, pieces, 14);
    for (std::size_t from = 0; from <= t.size(); ++from) {
      if (from < t.size() && (static_cast<unsigned char>(t[from]) & 0xC0) == 0x80) continue;  // inside a code point
      text::Match m;
      const bool want = re.search(t, m, from);
      std::size_t b = 0, e = 0;
      const bool got = punct::find_link(t, from, b, e);
      ASSERT_EQ(got, want) << "[" << t << "] from " << from;
      if (want) {
        ASSERT_EQ(b, m.begin) << "[" << t << "] from " << from;
        ASSERT_EQ(e, m.end) << "[" << t << "] from " << from;
        ++found;
      }
    }
  }
  EXPECT_GT(found, 5000);
}

}  // namespace
