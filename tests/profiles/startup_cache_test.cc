// The startup cache (base/cache.h): a profile or phrase set read back from it is the one a
// fresh load gives, and an edited, added, shadowing or damaged file is read again.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/cache.h"
#include "phrases/dictionary.h"
#include "phrases/scan.h"
#include "profiles/profile.h"
#include "readers/text_reader.h"
#include "support/cli_runner.h"

using namespace wenfeng;

namespace {

namespace fs = std::filesystem;

std::string write(const std::string& dir, const std::string& name, const std::string& text) {
  std::ofstream(dir + "/" + name, std::ios::binary | std::ios::trunc) << text;
  return dir + "/" + name;
}

// WENFENG_CACHE_DIR for the length of a test.
class CacheDir {
 public:
  explicit CacheDir(const std::string& dir) {
    if (const char* old = std::getenv("WENFENG_CACHE_DIR")) old_ = old;
    ::setenv("WENFENG_CACHE_DIR", dir.c_str(), 1);
  }
  ~CacheDir() {
    if (old_) ::setenv("WENFENG_CACHE_DIR", old_->c_str(), 1);
    else ::unsetenv("WENFENG_CACHE_DIR");
  }

 private:
  std::optional<std::string> old_;
};

std::size_t entries_in(const std::string& dir) {
  std::size_t n = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) n += it->path().extension() == ".bin";
  return n;
}

std::string bytes_of(const profiles::Profile& p) { return profiles::cache_form(p); }
std::string bytes_of(const phrases::PhraseSet& s) { return phrases::cache_form(s); }

std::vector<std::string> hits(const phrases::PhraseSet& set, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : phrases::find_hits(readers::build_text_document(text, "t.txt"), set))
    out.push_back(set.entries[h.entry].variant);
  return out;
}

const char* kDict =
    "@list own\n@rule phrase.boilerplate\n@message 套话“{found}”\n@source S = 测试\n@source S\n"
    "高度重视 | not_next=^(程度)\n";

TEST(StartupCache, EveryShippedProfileReadBackIsTheProfileLoaded) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::string fresh;
  for (const auto& id : profiles::list_profiles()) {
    {
      CacheDir off("off");
      auto p = profiles::load_profile(id);
      ASSERT_TRUE(p.ok()) << id << ": " << p.error().message;
      fresh = bytes_of(*p);
    }
    CacheDir on(dir);
    auto first = profiles::load_profile(id);  // built, and stored
    ASSERT_TRUE(first.ok()) << id;
    auto second = profiles::load_profile(id);  // read back
    ASSERT_TRUE(second.ok()) << id;
    EXPECT_EQ(bytes_of(*first), fresh) << id;
    EXPECT_EQ(bytes_of(*second), fresh) << id;
    // The item patterns, read back uncompiled, still match.
    for (const auto& [kid, kind] : second->kinds) {
      if (!kind.items) continue;
      for (std::size_t i = 0; i < kind.items->title_regexes.size(); ++i)
        EXPECT_EQ(kind.items->title_regexes[i]->pattern(), kind.items->title_patterns[i]) << id << " " << kid;
    }
  }
  EXPECT_EQ(entries_in(dir), profiles::list_profiles().size());
}

TEST(StartupCache, AnEditedProfileOrParentIsReadAgain) {
  const std::string dir = wenfeng::testing::temp_dir();
  CacheDir on(dir + "/cache");
  write(dir, "base.yaml", "id: base\nextends: national\nname: 甲\n");
  const std::string child = write(dir, "child.yaml", "id: child\nextends: ./base.yaml\n");
  auto p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "甲");
  ASSERT_EQ(entries_in(dir + "/cache"), 1u);
  // Same size, and perhaps the same modification time: the content decides.
  write(dir, "base.yaml", "id: base\nextends: national\nname: 乙\n");
  p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "乙");
  // A broken parent is an error, not the profile cached before.
  write(dir, "base.yaml", "id: base\nextends: national\nname: [乙\n");
  EXPECT_FALSE(profiles::load_profile(child).ok());
  write(dir, "base.yaml", "id: base\nextends: national\nname: 丙\n");
  p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "丙");
}

TEST(StartupCache, AParentIdThatNowResolvesElsewhereIsReadAgain) {
  const std::string dir = wenfeng::testing::temp_dir();
  CacheDir on(dir + "/cache");
  fs::create_directories(dir + "/ids");
  const char* old = std::getenv("WENFENG_PROFILES_DIR");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  ::setenv("WENFENG_PROFILES_DIR", (dir + "/ids").c_str(), 1);
  const std::string child = write(dir, "child.yaml", "id: child\nextends: parent\n");
  write(dir + "/ids", "parent.yaml", "id: parent\nextends: national\nname: 甲\n");
  auto p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "甲");
  // national, found in the data directory when the entry was stored, is now shadowed by a
  // file of the first folder searched.
  write(dir + "/ids", "parent.yaml", "id: parent\nextends: national\n");
  p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_NE(p->name, "影子");
  write(dir + "/ids", "national.yaml", "id: national\nname: 影子\n");
  p = profiles::load_profile(child);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->name, "影子");
  // `parent` names no file any more.
  fs::remove(dir + "/ids/parent.yaml");
  EXPECT_FALSE(profiles::load_profile(child).ok());
  if (saved) ::setenv("WENFENG_PROFILES_DIR", saved->c_str(), 1);
  else ::unsetenv("WENFENG_PROFILES_DIR");
}

TEST(StartupCache, ADictionaryFolderEditedOrGrownIsReadAgain) {
  const std::string dir = wenfeng::testing::temp_dir();
  CacheDir on(dir + "/cache");
  fs::create_directories(dir + "/dicts");
  write(dir + "/dicts", "a.dict", kDict);
  auto fresh = phrases::load_phrase_set(dir + "/dicts");
  ASSERT_TRUE(fresh.ok()) << fresh.error().message;
  auto back = phrases::load_phrase_set(dir + "/dicts");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(bytes_of(**back), bytes_of(**fresh));
  EXPECT_EQ(hits(**back, "要高度重视安全。"), std::vector<std::string>{"高度重视"});
  EXPECT_TRUE(hits(**back, "高度重视程度不够。").empty());  // the context regex, compiled on first use
  // Edited: another phrase.
  write(dir + "/dicts", "a.dict", std::string(kDict) + "狠抓落实\n");
  auto edited = phrases::load_phrase_set(dir + "/dicts");
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(hits(**edited, "狠抓落实。"), std::vector<std::string>{"狠抓落实"});
  // Grown: a new file in the folder.
  write(dir + "/dicts", "b.dict", "@list more\n@rule phrase.boilerplate\n@message 套话“{found}”\n@source S = 测试\n@source S\n扎实推进\n");
  auto grown = phrases::load_phrase_set(dir + "/dicts");
  ASSERT_TRUE(grown.ok()) << grown.error().message;
  EXPECT_EQ(hits(**grown, "扎实推进。"), std::vector<std::string>{"扎实推进"});
  // Broken: the error, not the set cached before.
  write(dir + "/dicts", "b.dict", "扎实推进\n");
  EXPECT_FALSE(phrases::load_phrase_set(dir + "/dicts").ok());
}

TEST(StartupCache, TheShippedSetReadBackFindsWhatAFreshOneFinds) {
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string text = "会议强调，要高度重视，狠抓落实。截止目前，已隆重召开三次会议。";
  std::string fresh_bytes;
  std::vector<std::string> fresh_hits;
  {
    CacheDir off("off");
    auto s = phrases::load_phrase_set(phrases::dictionaries_dir());
    ASSERT_TRUE(s.ok());
    fresh_bytes = bytes_of(**s);
    fresh_hits = hits(**s, text);
  }
  EXPECT_FALSE(fresh_hits.empty());
  CacheDir on(dir);
  ASSERT_TRUE(phrases::load_phrase_set(phrases::dictionaries_dir()).ok());
  auto back = phrases::load_phrase_set(phrases::dictionaries_dir());
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(entries_in(dir), 1u);
  EXPECT_EQ(bytes_of(**back), fresh_bytes);
  EXPECT_EQ(hits(**back, text), fresh_hits);
}

TEST(StartupCache, ADamagedEntryIsAMiss) {
  const std::string dir = wenfeng::testing::temp_dir();
  CacheDir on(dir + "/cache");
  fs::create_directories(dir + "/dicts");
  write(dir + "/dicts", "a.dict", kDict);
  ASSERT_TRUE(phrases::load_phrase_set(dir + "/dicts").ok());
  std::string entry;
  for (const auto& e : fs::directory_iterator(dir + "/cache")) entry = e.path().string();
  ASSERT_FALSE(entry.empty());
  const auto size = fs::file_size(entry);
  // Every byte flipped in turn would be slow; a spread of them, and truncations.
  for (std::uintmax_t at = 0; at < size; at += 1 + size / 61) {
    std::string bytes;
    {
      std::ifstream in(entry, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    std::string bad = bytes;
    bad[at] = static_cast<char>(bad[at] ^ 0x5a);
    write(dir + "/cache", fs::path(entry).filename().string(), bad);
    auto s = phrases::load_phrase_set(dir + "/dicts");  // rebuilt (and stored again)
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(hits(**s, "要高度重视。"), std::vector<std::string>{"高度重视"}) << "byte " << at;
    write(dir + "/cache", fs::path(entry).filename().string(), bytes.substr(0, at));
    s = phrases::load_phrase_set(dir + "/dicts");
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(hits(**s, "要高度重视。"), std::vector<std::string>{"高度重视"}) << "cut at " << at;
  }
}

TEST(StartupCache, AnUnwritableOrOffCacheChangesNothing) {
  const std::string dir = wenfeng::testing::temp_dir();
  {
    CacheDir bad("/proc/wenfeng-no-such-dir");
    auto p = profiles::load_profile("national");
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->id, "national");
  }
  {
    CacheDir off("off");
    EXPECT_TRUE(cache::directory().empty());
    ASSERT_TRUE(profiles::load_profile("national").ok());
  }
  // A command run with the cache in a read-only place works as without one.
  const std::string ro = dir + "/ro";
  fs::create_directories(ro);
  fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
  CacheDir on(ro);
  auto p = profiles::load_profile("national");
  EXPECT_TRUE(p.ok());
  fs::permissions(ro, fs::perms::owner_all);
}

TEST(StartupCache, HashesDependOnEveryByte) {
  std::string s(100, 'a');
  const auto h = cache::hash_bytes(s);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string t = s;
    t[i] = 'b';
    EXPECT_NE(cache::hash_bytes(t), h) << i;
  }
  EXPECT_NE(cache::hash_bytes(s.substr(0, 99)), h);
}

}  // namespace
