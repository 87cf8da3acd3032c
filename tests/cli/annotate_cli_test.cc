// `wenfeng annotate` and `check --annotate / --fix / --diff` as a user runs them: the
// input is never modified, outputs appear only when everything worked, exit statuses.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/cli_runner.h"
#include "support/docx_package.h"
#include "support/ooxml_inspect.h"

using namespace wenfeng::testing;
namespace fs = std::filesystem;

namespace {

std::string sample_copy(const std::string& dir) {
  const std::string path = dir + "/通知.docx";
  fs::copy_file(source_path("samples/national/format-faults.docx"), path);
  return path;
}

TEST(AnnotateCli, WritesACopyBesideTheInputAndLeavesTheInputAlone) {
  const std::string dir = temp_dir();
  const std::string in = sample_copy(dir);
  const std::string before = read_file(in);
  const auto r = run_cli({"annotate", in});
  EXPECT_EQ(r.status, 1) << r.err;  // the sample has errors
  EXPECT_NE(r.out.find("通知.wenfeng.docx"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("批注"), std::string::npos);
  EXPECT_EQ(read_file(in), before);
  const std::string out = read_file(dir + "/通知.wenfeng.docx");
  ASSERT_FALSE(out.empty());
  EXPECT_GT(comments(out).size(), 10u);
  // No temporary file is left behind.
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) (void)e, ++files;
  EXPECT_EQ(files, 2u);
}

TEST(AnnotateCli, OutputOverTheInputOnlyWithInPlace) {
  const std::string dir = temp_dir();
  const std::string in = sample_copy(dir);
  const std::string before = read_file(in);
  auto r = run_cli({"annotate", in, "-o", in});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--in-place"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(in), before);
  r = run_cli({"annotate", "--in-place", in});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(read_file(in), before);
  EXPECT_FALSE(comments(read_file(in)).empty());
  EXPECT_FALSE(fs::exists(dir + "/通知.wenfeng.docx"));
}

TEST(AnnotateCli, DocumentsThatCannotBeAnnotatedGetExit2AndNoOutput) {
  const std::string dir = temp_dir();
  const std::string ole = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
  std::string encrypted = ole;
  for (char c : std::string("EncryptedPackage")) encrypted += std::string{c, '\0'};
  std::string legacy = ole;
  for (char c : std::string("WordDocument")) legacy += std::string{c, '\0'};
  std::ofstream(dir + "/secret.docx", std::ios::binary) << encrypted;
  std::ofstream(dir + "/old.doc", std::ios::binary) << legacy;
  std::ofstream(dir + "/broken.docx", std::ios::binary) << read_file(source_path("samples/national/format-faults.docx")).substr(0, 900);
  std::ofstream(dir + "/draft.txt") << "关于防汛的通知\n各单位,认真落实。\n";
  const auto r = run_cli({"annotate", dir + "/secret.docx", dir + "/old.doc", dir + "/broken.docx", dir + "/draft.txt",
                          source_path("samples/national/format-faults.docx"), "-o", dir + "/x.docx"});
  EXPECT_EQ(r.status, 2);  // -o with several inputs
  const auto each = run_cli({"annotate", dir + "/secret.docx", dir + "/old.doc", dir + "/broken.docx", dir + "/draft.txt"});
  EXPECT_EQ(each.status, 2);
  for (const char* code : {"[encrypted]", "[legacy-format]", "[not-zip]", "[unsupported]"})
    EXPECT_NE(each.err.find(code), std::string::npos) << code << "\n" << each.err;
  for (const char* out : {"secret.wenfeng.docx", "old.wenfeng.doc", "broken.wenfeng.docx", "draft.wenfeng.txt"})
    EXPECT_FALSE(fs::exists(dir + "/" + out)) << out;
}

TEST(AnnotateCli, CheckFixOnTextWritesTheFixedFileAndReportsWhatIsLeft) {
  const std::string dir = temp_dir();
  const std::string in = dir + "/通知.txt";
  std::ofstream(in) << "关于做好防汛工作的通知\n各乡镇人民政府:\n会议要求...各单位要认真落实,确保安全.\n";
  const std::string before = read_file(in);
  auto d = run_cli({"check", "--fix", "--diff", in});
  EXPECT_EQ(d.status, 0) << d.err;
  EXPECT_EQ(d.out, "--- " + in + "\n+++ " + in +
                      "\n@@ -1,3 +1,3 @@\n 关于做好防汛工作的通知\n-各乡镇人民政府:\n-会议要求...各单位要认真落实,确保安全.\n"
                      "+各乡镇人民政府：\n+会议要求……各单位要认真落实，确保安全。\n");
  EXPECT_FALSE(fs::exists(dir + "/通知.wenfeng.txt"));
  const auto r = run_cli({"check", "--fix", "--format", "json", in});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("修正 4 处"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("\"findings\":[]"), std::string::npos) << r.out;
  EXPECT_EQ(read_file(dir + "/通知.wenfeng.txt"), "关于做好防汛工作的通知\n各乡镇人民政府：\n会议要求……各单位要认真落实，确保安全。\n");
  EXPECT_EQ(read_file(in), before);
  // check --annotate is for DOCX only; check --fix on a DOCX writes the tracked-change copy.
  EXPECT_EQ(run_cli({"check", "--annotate", in}).status, 2);
  const std::string docx = dir + "/稿.docx";
  fs::copy_file(source_path("samples/national/format-faults.docx"), docx);
  const auto x = run_cli({"check", "--fix", docx});
  EXPECT_NE(x.err.find("修订"), std::string::npos) << x.err;
  const std::string copy = read_file(dir + "/稿.wenfeng.docx");
  EXPECT_TRUE(comments(copy).empty());
  EXPECT_GT(count_elements(entry(copy, "word/document.xml"), "ins"), 5u);
}

TEST(AnnotateCli, StandardInputNeedsAnOutput) {
  const std::string src = source_path("samples/national/format-faults.docx");
  auto r = run_cli({"annotate", "--stdin-filename", "x.docx", "-"}, src);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("-o"), std::string::npos) << r.err;
  const std::string dir = temp_dir();
  r = run_cli({"annotate", "--stdin-filename", "x.docx", "-", "-o", dir + "/y.docx"}, src);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_FALSE(comments(read_file(dir + "/y.docx")).empty());
}

}  // namespace
