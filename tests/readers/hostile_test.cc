// Regression tests for the files that crashed, hung or exploded wenfeng (issue 15), each
// made by tests/support/hostile_files: every one must end in a clear error or a correct
// result, and the JSON must stay valid UTF-8.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "base/io.h"
#include "count/counter.h"
#include "readers/docx_numbering.h"
#include "readers/input.h"
#include "readers/xml_reader.h"
#include "support/cli_runner.h"
#include "support/docx_package.h"
#include "support/hostile_files.h"
#include "support/json_value.h"
#include "text/utf8.h"

using namespace wenfeng;
using wenfeng::testing::run_cli;

namespace {

std::string write_all(const std::vector<wenfeng::testing::HostileFile>& files, std::vector<std::string>& paths) {
  const std::string dir = wenfeng::testing::temp_dir();
  for (const auto& f : files) {
    std::ofstream(dir + "/" + f.name, std::ios::binary) << f.bytes;
    paths.push_back(dir + "/" + f.name);
  }
  return dir;
}

const model::Block* first_main(const model::Document& d) {
  for (const auto& b : d.blocks)
    if (b.story == model::Story::kMain) return &b;
  return nullptr;
}

TEST(Hostile, EveryDocumentEndsInItsErrorOrAReading) {
  for (const auto& f : wenfeng::testing::hostile_documents(false)) {
    ASSERT_FALSE(f.bytes.empty()) << f.name;
    auto d = readers::read_document(f.bytes, f.name);
    if (f.expect.empty()) {
      EXPECT_TRUE(d.ok()) << f.name << ": " << (d.ok() ? "" : d.error().message);
      if (d.ok()) {
        EXPECT_EQ(text::find_invalid_utf8(d->text), std::string_view::npos) << f.name;
      }
    } else {
      ASSERT_FALSE(d.ok()) << f.name << " (" << f.what << ") was read";
      EXPECT_STREQ(error_code_name(d.error().code), f.expect.c_str()) << f.name << ": " << d.error().message;
      EXPECT_FALSE(d.error().message.empty());
    }
  }
}

TEST(Hostile, CheckGivesValidJsonForEveryFileLargeOnesIncluded) {
  const auto files = wenfeng::testing::hostile_documents(true);
  std::vector<std::string> paths;
  write_all(files, paths);
  std::vector<std::string> args = {"check", "--format", "json", "--jobs", "2"};
  args.insert(args.end(), paths.begin(), paths.end());
  const auto r = run_cli(args);
  EXPECT_EQ(r.status, 2) << r.err;  // some files are refused: status 2, the others still checked
  EXPECT_EQ(text::find_invalid_utf8(r.out), std::string_view::npos);
  auto j = wenfeng::testing::JsonValue::parse(r.out);
  ASSERT_TRUE(j.ok()) << r.out.substr(0, 400);
  ASSERT_EQ((*j)["files"].items().size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& f = (*j)["files"][i];
    if (files[i].expect.empty()) {
      EXPECT_TRUE(f.has("findings")) << files[i].name << ": " << f["error"]["message"].as_string();
    } else {
      EXPECT_EQ(f["error"]["code"].as_string(), files[i].expect) << files[i].name;
    }
  }
}

TEST(Hostile, TruncatedUtf8InWordTextNamesThePart) {
  const auto files = wenfeng::testing::hostile_documents(false);
  for (const char* name : {"truncated-utf8-wt.docx", "truncated-utf8-text.odt", "surrogate-reference.docx"}) {
    const auto it = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.name == name; });
    ASSERT_NE(it, files.end());
    auto d = readers::read_document(it->bytes, it->name);
    ASSERT_FALSE(d.ok()) << name;
    EXPECT_EQ(d.error().code, ErrorCode::kEncoding);
    const std::string part = it->name.find(".odt") != std::string::npos ? "content.xml" : "word/document.xml";
    EXPECT_NE(d.error().message.find(part), std::string::npos) << d.error().message;
    EXPECT_EQ(d.error().where.rfind(part, 0), 0u) << d.error().where;
  }
}

TEST(Hostile, APartNamedByManyRelationshipsIsReadOnce) {
  const auto files = wenfeng::testing::hostile_documents(true);
  for (const auto& f : files) {
    if (f.name == "styles-named-six-times.docx") {
      auto d = readers::read_document(f.bytes, f.name);
      ASSERT_TRUE(d.ok()) << d.error().message;
      // The styles still apply (their tree was not freed by a second parse) and document.xml
      // was not read again as a header.
      ASSERT_NE(first_main(*d), nullptr);
      EXPECT_EQ(first_main(*d)->role, model::Role::kTitle);
      for (const auto& b : d->blocks) EXPECT_EQ(b.story, model::Story::kMain);
      EXPECT_EQ(d->blocks.size(), 2u);
    }
    if (f.name == "19000-headers.docx") {
      auto d = readers::read_document(f.bytes, f.name);
      ASSERT_TRUE(d.ok()) << d.error().message;
      count::Scope all;
      all.headers = true;
      const auto c = count::count_document(*d, all);
      EXPECT_EQ(c.zishu, 2u + 10000u);  // 正文 and the header's 10,000 characters, once
    }
  }
}

TEST(Hostile, NumberingIsClampedAsWordClampsIt) {
  const auto files = wenfeng::testing::hostile_documents(false);
  const auto it = std::find_if(files.begin(), files.end(), [](const auto& f) { return f.name == "numbering-bomb.docx"; });
  ASSERT_NE(it, files.end());
  auto d = readers::read_document(it->bytes, it->name);
  ASSERT_TRUE(d.ok()) << d.error().message;
  ASSERT_EQ(d->blocks.size(), 12u);
  // Letters: the start is clamped to 32767, 32767 = 1260·26 + 7 → "g" repeated, cut to 31.
  EXPECT_EQ(d->blocks[0].label, std::string(31, 'g') );
  EXPECT_EQ(d->blocks[1].label, std::string(31, 'h'));
  // INT_MIN start override → 0; 21 placeholders cut to 31 characters.
  EXPECT_EQ(d->blocks[4].label, std::string(21, '0'));
  EXPECT_EQ(d->blocks[5].label, std::string(21, '1'));
  // INT_MAX → 32767, then counting on; 21 × "32767" is cut to 31 characters.
  EXPECT_EQ(d->blocks[8].label.size(), 31u);
  EXPECT_EQ(d->blocks[8].label.substr(0, 10), "3276732767");
  EXPECT_EQ(d->blocks[9].label.substr(0, 10), "3276832768");
  for (const auto& b : d->blocks) EXPECT_LE(text::codepoint_count(b.label), 31u);
  EXPECT_EQ(readers::docx::format_number(2147483647, "lowerLetter").size(), 31u);
}

TEST(Hostile, ProfilesWithinCapsAndTheCapNamed) {
  std::vector<std::string> paths;
  const auto files = wenfeng::testing::hostile_profiles();
  write_all(files, paths);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto r = run_cli({"check", "--profile", paths[i], "samples/national/notice-ok.txt"});
    EXPECT_EQ(r.status, 2) << files[i].name;
    EXPECT_NE(r.err.find(files[i].expect), std::string::npos) << files[i].name << ": " << r.err;
    EXPECT_NE(r.err.find(files[i].name), std::string::npos) << r.err;
  }
  // The same bomb as a drafts folder's .wenfeng.yaml: that file is an error, named.
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string& bomb = files[0].bytes;
  std::ofstream(dir + "/.wenfeng.yaml") << "profile: national\n" << bomb.substr(bomb.find("a0:"));
  std::ofstream(dir + "/draft.txt") << "关于做好防汛工作的通知\n各乡镇：请做好防汛工作。\n";
  const auto r = run_cli({"check", "--format", "json", dir + "/draft.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("别名炸弹"), std::string::npos) << r.out;
}

TEST(Hostile, SpecialFilesAreRefusedWithoutWaiting) {
  const std::string dir = wenfeng::testing::temp_dir();
  ASSERT_EQ(::mkfifo((dir + "/fifo.txt").c_str(), 0600), 0);
  std::filesystem::create_symlink(dir + "/loop-b", dir + "/loop-a");
  std::filesystem::create_symlink(dir + "/loop-a", dir + "/loop-b");
  {
    std::ofstream(dir + "/huge.txt").put('x');
    std::filesystem::resize_file(dir + "/huge.txt", (600ull << 20));  // sparse: nothing written
  }
  EXPECT_EQ(readers::read_file_bytes(dir + "/fifo.txt").error().code, ErrorCode::kSpecialFile);
  EXPECT_EQ(readers::read_file_bytes("/dev/zero").error().code, ErrorCode::kSpecialFile);
  EXPECT_EQ(readers::read_file_bytes(dir + "/loop-a").error().code, ErrorCode::kSymlinkLoop);
  EXPECT_EQ(readers::read_file_bytes(dir + "/huge.txt").error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(readers::read_file_bytes(dir + "/missing").error().code, ErrorCode::kNotFound);
  const auto r = run_cli({"count", "--format", "json", dir + "/fifo.txt", "/dev/zero", dir + "/loop-a",
                          dir + "/huge.txt", "samples/count/notice.txt"});
  EXPECT_EQ(r.status, 2);
  auto j = wenfeng::testing::JsonValue::parse(r.out);
  ASSERT_TRUE(j.ok()) << r.out;
  const char* codes[] = {"special-file", "special-file", "symlink-loop", "too-large"};
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ((*j)["files"][i]["error"]["code"].as_string(), codes[i]) << i;
  EXPECT_TRUE((*j)["files"][4].has("counts"));
  // check and annotate given the loop alone (once an uncaught filesystem_error, exit 134),
  // by a relative name from its own folder too.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check", dir + "/loop-a"}, {"check", "loop-a"}, {"check", "--format", "json", "loop-a"},
           {"annotate", "loop-a"}, {"check", "--fix", "loop-a"}}) {
    const auto c = run_cli(args, "", dir);
    EXPECT_EQ(c.status, 2) << args.back() << c.err;
    EXPECT_NE((c.out + c.err).find("符号链接形成循环"), std::string::npos) << c.out << c.err;
  }
}

TEST(Hostile, AFifoAsProfileOrConfigIsRefusedWithoutWaiting) {
  // Nothing ever writes to these FIFOs: a run that opened one for reading would block (and
  // the test time out); each must be refused, named, with exit status 2.
  const std::string dir = wenfeng::testing::temp_dir();
  ASSERT_EQ(::mkfifo((dir + "/profile.yaml").c_str(), 0600), 0);
  auto r = run_cli({"check", "--profile", dir + "/profile.yaml", "samples/national/notice-ok.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("命名管道"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("不存在"), std::string::npos) << r.err;

  const std::string drafts = dir + "/drafts";
  std::filesystem::create_directories(drafts);
  ASSERT_EQ(::mkfifo((drafts + "/.wenfeng.yaml").c_str(), 0600), 0);
  std::ofstream(drafts + "/draft.txt") << "关于做好防汛工作的通知\n各乡镇：请做好防汛工作。\n";
  r = run_cli({"check", "--format", "json", drafts + "/draft.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("命名管道"), std::string::npos) << r.out << r.err;
  EXPECT_NE(r.out.find(".wenfeng.yaml"), std::string::npos) << r.out;
  r = run_cli({"check", "--config", drafts + "/.wenfeng.yaml", "samples/national/notice-ok.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("命名管道"), std::string::npos) << r.err;

  // A dictionary a profile names, as a FIFO.
  ASSERT_EQ(::mkfifo((dir + "/words.dict").c_str(), 0600), 0);
  std::ofstream(dir + "/with-dict.yaml") << "id: with-dict\nextends: national\nphrases:\n  dictionaries: [words.dict]\n";
  r = run_cli({"check", "--profile", dir + "/with-dict.yaml", "samples/national/notice-ok.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("命名管道"), std::string::npos) << r.err;
}

TEST(Hostile, StreamsAreReadWithACap) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string data(5000, 'a');
  ASSERT_EQ(::write(fds[1], data.data(), data.size()), static_cast<ssize_t>(data.size()));
  ::close(fds[1]);
  auto r = read_capped(fds[0], 4096, 0, "标准输入");
  ::close(fds[0]);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(r.error().message.find("4 KiB"), std::string::npos) << r.error().message;
  ASSERT_EQ(::pipe(fds), 0);
  ASSERT_EQ(::write(fds[1], data.data(), 4096), 4096);
  ::close(fds[1]);
  auto ok = read_capped(fds[0], 4096, 0, "标准输入");
  ::close(fds[0]);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->size(), 4096u);
}

TEST(Hostile, XmlMapIsCheckedOnceAsAUsageError) {
  for (const char* bad : {"title=", "body=count(//p)", "title=//h,title=//t", "body=//p[", "title=//h,,body=//p",
                          "items=string(//x)"})
    EXPECT_EQ(readers::parse_xml_map(bad).error().code, ErrorCode::kUsage) << bad;
  EXPECT_TRUE(readers::parse_xml_map("title=//headline,body=//p,kind=string(/doc/@kind)").ok());
  const auto r = run_cli({"check", "--xml-map", "body=//p[", "samples/formats/draft.xml", "samples/formats/draft.xml"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  std::size_t n = 0;
  for (std::size_t at = r.err.find("XPath"); at != std::string::npos; at = r.err.find("XPath", at + 1)) ++n;
  EXPECT_EQ(n, 1u) << r.err;
  EXPECT_EQ(run_cli({"check", "--html-selector", "count(//p)", "samples/formats/draft.html"}).status, 2);
}

TEST(Hostile, DepthErrorSaysWhatTheLimitIs) {
  const auto files = wenfeng::testing::hostile_documents(false);
  const auto it = std::find_if(files.begin(), files.end(), [](const auto& f) { return f.name == "deep.xml"; });
  auto d = readers::read_document(it->bytes, it->name);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().message.find("XML_PARSE_HUGE"), std::string::npos) << d.error().message;
  EXPECT_NE(d.error().message.find("层"), std::string::npos) << d.error().message;
}

}  // namespace
