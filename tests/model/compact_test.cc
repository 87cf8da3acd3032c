// The compact holders of the document model and the findings: Pairs (a finding's
// arguments and data), MaybeFix, Anchors and ShortString read back what was put in.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace wenfeng::model {
namespace {

std::vector<std::pair<std::string, std::string>> items(const Pairs& p) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, v] : p) out.emplace_back(std::string(k), std::string(v));
  return out;
}

TEST(Pairs, EmptyHoldsNothing) {
  const Pairs p;
  EXPECT_TRUE(p.empty());
  EXPECT_EQ(p.size(), 0u);
  EXPECT_EQ(p.begin(), p.end());
  EXPECT_FALSE(p.get("fix"));
  EXPECT_TRUE(Pairs({}).empty());
}

TEST(Pairs, ReadsBackInOrderWithLongAndEmptyValues) {
  const std::string long_value(70000, 'x');  // sizes above one and two bytes of LEB128
  const std::string name(200, 'n');
  Pairs p = {{"found", "讲得都很好"}, {"note", ""}, {name, long_value}, {"found", "second"}};
  ASSERT_EQ(p.size(), 4u);
  const auto v = items(p);
  EXPECT_EQ(v[0], std::make_pair(std::string("found"), std::string("讲得都很好")));
  EXPECT_EQ(v[1], std::make_pair(std::string("note"), std::string()));
  EXPECT_EQ(v[2], std::make_pair(name, long_value));
  EXPECT_EQ(v[3].second, "second");
  EXPECT_EQ(p.get("found"), std::optional<std::string_view>("讲得都很好"));  // the first of the name
  EXPECT_EQ(p.get(name)->size(), 70000u);
}

TEST(Pairs, AppendsCopiesAndCompares) {
  Pairs p;
  p.emplace_back("list", "confusable");
  p.push_back({"entry", "布署"});
  // A value viewing the pairs' own bytes survives the append.
  p.emplace_back("again", *p.get("list"));
  EXPECT_EQ(items(p).back(), std::make_pair(std::string("again"), std::string("confusable")));
  const Pairs q = p;
  EXPECT_EQ(q, p);
  Pairs r = {{"list", "confusable"}, {"entry", "布署"}};
  EXPECT_FALSE(r == p);
  r.emplace_back("again", "confusable");
  EXPECT_EQ(r, p);
  Pairs moved = std::move(r);
  EXPECT_EQ(moved, p);
  r = moved;  // assigned again after a move
  EXPECT_EQ(r, p);
}

// Pairs::hash (eight bytes at a time): equal pairs made apart hash alike, and pairs that
// differ in one byte anywhere (in a word or in the bytes after the last word) seldom do.
TEST(Pairs, HashIsEqualForEqualPairsAndSpreadsOtherwise) {
  std::set<std::size_t> hashes, low_bits;
  int made = 0;
  for (std::size_t len = 0; len < 40; ++len)
    for (std::size_t at = 0; at < std::max<std::size_t>(len, 1); ++at) {
      std::string v(len, 'a');
      if (len) v[at] = 'b';
      const Pairs p = {{"name", v}, {"limit", "800"}};
      const Pairs q = {{"name", v}, {"limit", "800"}};
      EXPECT_EQ(p.hash(), q.hash()) << len << " " << at;
      hashes.insert(p.hash());
      low_bits.insert(p.hash() % 1024);
      ++made;
    }
  EXPECT_EQ(hashes.size(), static_cast<std::size_t>(made));
  EXPECT_GT(low_bits.size(), 450u);  // of 781 pairs over 1024 slots: spread, not clustered
}

TEST(MaybeFix, NoneUntilSetAndAfterReset) {
  Diagnostic d;
  EXPECT_FALSE(d.fix);
  EXPECT_FALSE(d.fix.has_value());
  d.length = 3;
  d.replace_with("，");
  ASSERT_TRUE(d.fix);
  EXPECT_EQ(d.fix->offset, 0u);
  EXPECT_EQ(d.fix->length, 3u);
  EXPECT_EQ(d.fix->replacement, "，");
  const Diagnostic copy = d;
  EXPECT_TRUE(copy.fix);
  d.fix.reset();
  EXPECT_FALSE(d.fix);
  EXPECT_TRUE(copy.fix);
}

TEST(Anchors, OneInPlaceMoreInAVector) {
  Anchors a;
  EXPECT_TRUE(a.empty());
  a.push_back({0, 5, 1});
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a.front().line, 5u);
  a.push_back({4, 5, 9});
  a.push_back({8, 6, 1});
  ASSERT_EQ(a.size(), 3u);
  std::vector<std::uint32_t> offsets;
  for (const auto& x : a) offsets.push_back(x.text_offset);
  EXPECT_EQ(offsets, (std::vector<std::uint32_t>{0, 4, 8}));
  a.back().column = 2;
  EXPECT_EQ(a[2].column, 2u);
  const Anchors copy = a;
  a.pop_back();
  a.pop_back();
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a.back().line, 5u);
  EXPECT_EQ(copy.size(), 3u);
  EXPECT_EQ(copy[1].column, 9u);
  a = {SourceAnchor{0, 7, 1}};
  EXPECT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].line, 7u);
}

TEST(ShortString, HoldsAndComparesLikeAString) {
  ShortString s;
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.size(), 0u);
  EXPECT_EQ(s, "");
  s = std::string("（1）");
  EXPECT_FALSE(s.empty());
  EXPECT_EQ(s, "（1）");
  EXPECT_EQ(std::string_view(s), "（1）");
  EXPECT_EQ(s.substr(0, 3), "（");
  const ShortString t = s;
  EXPECT_TRUE(t == s);
  s = "";
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(t.str(), "（1）");
}

}  // namespace
}  // namespace wenfeng::model
