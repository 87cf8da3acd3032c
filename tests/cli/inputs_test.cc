// gitignore-style patterns of .wenfengignore (cli/inputs.h).
#include "cli/inputs.h"

#include <gtest/gtest.h>

using wenfeng::cli::glob_match;
using wenfeng::cli::IgnoreFile;

TEST(Glob, GitignoreWildcards) {
  EXPECT_TRUE(glob_match("*.txt", "a.txt"));
  EXPECT_FALSE(glob_match("*.txt", "dir/a.txt")) << "* stops at /";
  EXPECT_TRUE(glob_match("a?c", "abc"));
  EXPECT_TRUE(glob_match("稿?.txt", "稿一.txt")) << "? is one code point";
  EXPECT_FALSE(glob_match("a?c", "a/c"));
  EXPECT_TRUE(glob_match("[ab]x", "bx"));
  EXPECT_FALSE(glob_match("[!ab]x", "bx"));
  EXPECT_TRUE(glob_match("[a-c]x", "cx"));
  EXPECT_TRUE(glob_match("**/old", "old"));
  EXPECT_TRUE(glob_match("**/old", "x/y/old"));
  EXPECT_TRUE(glob_match("a/**/b", "a/b"));
  EXPECT_TRUE(glob_match("a/**/b", "a/x/y/b"));
  EXPECT_TRUE(glob_match("a/**", "a/x/y"));
  EXPECT_TRUE(glob_match("\\*.txt", "*.txt"));
  EXPECT_FALSE(glob_match("\\*.txt", "a.txt"));
}

TEST(IgnoreFile, GitignoreSemantics) {
  const IgnoreFile f = IgnoreFile::parse("# comment\n\n*.bak\nbuild/\n/top.txt\ndocs/*.txt\n!docs/keep.txt\n\\#hash.txt\n");
  EXPECT_EQ(f.match("a.bak", false), 1);
  EXPECT_EQ(f.match("x/y/a.bak", false), 1) << "no slash: any level";
  EXPECT_EQ(f.match("build", true), 1);
  EXPECT_EQ(f.match("build", false), 0) << "trailing /: folders only";
  EXPECT_EQ(f.match("x/build", true), 1);
  EXPECT_EQ(f.match("top.txt", false), 1);
  EXPECT_EQ(f.match("x/top.txt", false), 0) << "leading /: this folder only";
  EXPECT_EQ(f.match("docs/a.txt", false), 1);
  EXPECT_EQ(f.match("docs/keep.txt", false), -1) << "negated: re-included";
  EXPECT_EQ(f.match("x/docs/a.txt", false), 0) << "a middle slash anchors";
  EXPECT_EQ(f.match("#hash.txt", false), 1);
  EXPECT_EQ(f.match("a.txt", false), 0);
}
