// Fixes written into text, XML and HTML sources: the plan, encodings, line endings,
// places the writer must not guess, the diff, and how output files are named and written.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "fix/diff.h"
#include "fix/output_file.h"
#include "fix/plan.h"
#include "fix/text_fix.h"
#include "lint/session.h"
#include "model/rule.h"
#include "readers/encoding.h"
#include "support/cli_runner.h"

using namespace wenfeng;

namespace {

model::Diagnostic fixing(const char* rule, std::uint32_t block, std::uint32_t offset, std::uint32_t length,
                         const char* replacement) {
  model::Diagnostic d;
  d.rule = model::find_rule(rule);
  d.block = block;
  d.offset = offset;
  d.length = length;
  d.replace_with(replacement);
  return d;
}

TEST(FixPlan, TheLongestFixWinsAtOnePlaceAndOverlapsAreDropped) {
  // punct.halfwidth and punct.ellipsis both on "..." at the same offset: applying both
  // would give "。……" or "。。。".
  std::vector<model::Diagnostic> f = {fixing("punct.halfwidth", 0, 4, 1, "。"), fixing("punct.ellipsis", 0, 4, 3, "……"),
                                      fixing("punct.halfwidth", 0, 5, 1, "。"), fixing("punct.halfwidth", 0, 9, 1, "，"),
                                      fixing("punct.halfwidth", 1, 0, 1, "，")};
  const auto plan = fix::plan_fixes(f);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[0].finding, 1u);
  EXPECT_EQ(plan[0].replacement, "……");
  EXPECT_EQ(plan[1].begin, 9u);
  EXPECT_EQ(plan[2].block, 1u);
}

lint::FileResult check_file(const std::string& path) {
  lint::RunOptions o;
  o.keep_input = true;
  auto s = lint::Session::open(o, true);
  EXPECT_TRUE(s.ok());
  auto r = (*s)->check(path, nullptr);
  EXPECT_FALSE(r.error) << (r.error ? r.error->message : "");
  return r;
}

std::string write(const std::string& name, const std::string& bytes) {
  const std::string path = wenfeng::testing::temp_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

const std::string kDraft = "关于做好防汛工作的通知\r\n各乡镇人民政府:\r\n会议要求...各单位要认真落实,确保安全.\r\n";
const std::string kFixed = "关于做好防汛工作的通知\r\n各乡镇人民政府：\r\n会议要求……各单位要认真落实，确保安全。\r\n";

TEST(FixSource, KeepsTheEncodingTheBomAndTheLineEndings) {
  struct Case {
    const char* name;
    const char* charset;
    std::string bom;
  } cases[] = {{"utf8.txt", nullptr, ""},
               {"utf8bom.txt", nullptr, "\xEF\xBB\xBF"},
               {"utf16le.txt", "UTF-16LE", "\xFF\xFE"},
               {"utf16be.txt", "UTF-16BE", "\xFE\xFF"},
               {"gb.txt", "GB18030", ""}};
  for (const auto& c : cases) {
    auto encode = [&](const std::string& s) {
      return c.bom + (c.charset ? *readers::encode_strict(s, c.charset) : s);
    };
    const std::string path = write(c.name, encode(kDraft));
    const auto f = check_file(path);
    auto out = fix::fix_source(f.input, *f.doc, f.report->findings);
    ASSERT_TRUE(out.ok()) << c.name;
    EXPECT_EQ(out->bytes, encode(kFixed)) << c.name;
    EXPECT_EQ(out->applied, 4u) << c.name;
    EXPECT_EQ(out->skipped, 0u) << c.name;
  }
}

TEST(FixSource, MarkupIsFixedWhereTheSourceReadsAsTheText) {
  // The first paragraph has an entity before its comma in the same text node: the column
  // no longer maps one to one, so that fix is skipped, never guessed.
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"gb2312\"?>\n<article><title>关于做好防汛工作的通知</title>\n"
      "<body><p>A&amp;B公司,已完成检修。</p>\n<p>各单位要认真落实,确保安全。</p></body></article>\n";
  const std::string path = write("draft.xml", *readers::encode_strict(xml, "GB18030"));
  const auto f = check_file(path);
  auto out = fix::fix_source(f.input, *f.doc, f.report->findings);
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(out->applied, 1u);
  EXPECT_EQ(out->skipped, 1u);
  const auto back = readers::convert_strict(out->bytes, "GB18030");
  ASSERT_TRUE(back.ok());
  EXPECT_NE(back->find("各单位要认真落实，确保安全。"), std::string::npos);
  EXPECT_NE(back->find("A&amp;B公司,已完成检修。"), std::string::npos);
  EXPECT_NE(back->find("encoding=\"gb2312\""), std::string::npos);

  const std::string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>站点</title></head><body>"
                           "<article><h1>关于做好防汛工作的通知</h1><p>各单位要认真落实,确保安全。</p></article></body></html>\n";
  const auto h = check_file(write("draft.html", html));
  auto hout = fix::fix_source(h.input, *h.doc, h.report->findings);
  ASSERT_TRUE(hout.ok());
  EXPECT_EQ(hout->applied, 1u);
  EXPECT_NE(hout->bytes.find("<p>各单位要认真落实，确保安全。</p>"), std::string::npos);
}

TEST(FixDiff, UnifiedDiffOfChangedLines) {
  const std::string a = "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n十二\n";
  std::string b = a;
  b.replace(b.find("二"), 3, "贰");
  b.replace(b.find("十一"), 6, "拾壹");
  const std::string d = fix::unified_diff(a, b, "a/x.txt", "b/x.txt");
  EXPECT_EQ(d,
            "--- a/x.txt\n+++ b/x.txt\n@@ -1,5 +1,5 @@\n 一\n-二\n+贰\n 三\n 四\n 五\n"
            "@@ -8,5 +8,5 @@\n 八\n 九\n 十\n-十一\n+拾壹\n 十二\n");
  EXPECT_EQ(fix::unified_diff(a, a, "a", "b"), "");
}

TEST(FixOutput, PathsAndRefusals) {
  EXPECT_EQ(*fix::output_path("dir/通知.docx", std::nullopt, false), "dir/通知.wenfeng.docx");
  EXPECT_EQ(*fix::output_path("a.txt", std::string("b.txt"), false), "b.txt");
  const std::string in = write("in.txt", "x");
  EXPECT_FALSE(fix::output_path(in, in, false).ok());
  const std::string other_spelling = std::filesystem::path(in).parent_path().string() + "/./in.txt";
  EXPECT_FALSE(fix::output_path(in, other_spelling, false).ok());
  EXPECT_EQ(*fix::output_path(in, std::nullopt, true), in);
  EXPECT_FALSE(fix::output_path("-", std::nullopt, false).ok());
}

TEST(FixOutput, AtomicWriteKeepsModeAndLeavesNoTemporary) {
  const std::string in = write("mode.txt", "old");
  ::chmod(in.c_str(), 0640);
  ASSERT_TRUE(fix::write_atomically(in, "new", in).ok());
  EXPECT_EQ(wenfeng::testing::read_file(in), "new");
  struct stat st{};
  ::stat(in.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(in).parent_path())) (void)e, ++files;
  EXPECT_EQ(files, 1u);
  // A folder that does not exist: an error, nothing written.
  EXPECT_FALSE(fix::write_atomically(in + ".d/none/x.txt", "x").ok());
}

}  // namespace
