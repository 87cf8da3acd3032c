// The command-line conventions integrators expect: help and version, "did you mean",
// validated values, directories, output to a file, colour, progress, quiet and
// statistics, configuration options and `wenfeng config`, standard input's configuration,
// streaming in input order.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/args.h"
#include "cli/commands.h"
#include "support/cli_runner.h"

using nlohmann::json;
using wenfeng::testing::run_cli;
namespace fs = std::filesystem;

namespace {

const char* kDraft = "关于做好防汛工作的通知\n𠮷祥村、王家庄村,要在汛前完成巡查。\n";

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs `wenfeng ARGS` on a pseudo-terminal (util-linux `script`), so that stdout and stderr
// are terminals; returns what the terminal showed.
std::string on_terminal(const std::string& args, const std::string& env = "") {
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string cmd = "cd " + quote(WENFENG_SOURCE_DIR) + " && " + env + " script -qec " +
                          quote(std::string(WENFENG_BINARY) + " " + args) + " /dev/null > " + dir + "/tty 2>&1 < /dev/null";
  EXPECT_NE(std::system(cmd.c_str()), -1);
  return wenfeng::testing::read_file(dir + "/tty");
}

std::vector<std::string> paths_of(const std::string& json_out) {
  std::vector<std::string> out;
  const json j = json::parse(json_out);
  for (const auto& f : j["files"]) out.push_back(f["path"]);
  return out;
}

TEST(Conventions, HelpForEveryCommand) {
  for (const auto& c : wenfeng::cli::command_table()) {
    const std::string name(c.name);
    const auto help = run_cli({"help", name});
    EXPECT_EQ(help.status, 0) << name;
    EXPECT_NE(help.out.find("用法：wenfeng " + name), std::string::npos) << help.out;
    for (auto o : c.options) EXPECT_NE(help.out.find(std::string(o)), std::string::npos) << name << " " << o;
    if (name == "help") continue;
    EXPECT_EQ(run_cli({name, "--help"}).out, help.out) << name;
    EXPECT_EQ(run_cli({name, "-h"}).out, help.out) << name;
  }
  // `check --help` lists every check format with its description.
  const auto check = run_cli({"check", "--help"});
  for (const char* f : {"sarif", "line", "github", "checkstyle", "junit", "rdjson"})
    EXPECT_NE(check.out.find(std::string("        ") + f), std::string::npos) << f;
  for (const char* a : {"--help", "-h", "help"}) {
    const auto r = run_cli({a});
    EXPECT_EQ(r.status, 0);
    EXPECT_NE(r.out.find("  lsp"), std::string::npos) << r.out;
  }
  EXPECT_EQ(run_cli({}).status, 2);
  const auto bad = run_cli({"help", "chekc"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("是不是 “check”"), std::string::npos) << bad.err;
}

TEST(Conventions, VersionAndCommit) {
  for (const char* a : {"-V", "--version"}) {
    const auto r = run_cli({a});
    EXPECT_EQ(r.status, 0);
    EXPECT_EQ(r.out.rfind(std::string("wenfeng ") + WENFENG_VERSION + " (", 0), 0u) << r.out;
  }
  const auto v = run_cli({"version"});
  EXPECT_EQ(v.status, 0);
  const auto at = v.out.find("commit ");
  ASSERT_NE(at, std::string::npos);
  const std::string commit = v.out.substr(at + 7, v.out.find('\n', at) - at - 7);
  EXPECT_EQ(commit, wenfeng::cli::build_commit());
  // A commit of this repository (the build's; the tests run from the source tree).
  ASSERT_NE(commit, "unknown");
  const std::string hash = commit.substr(0, commit.find('-'));
  EXPECT_EQ(hash.size(), 12u) << commit;
  EXPECT_EQ(std::system(("git -C " + quote(WENFENG_SOURCE_DIR) + " cat-file -e " + hash + "^{commit} 2>/dev/null").c_str()), 0)
      << commit;
}

TEST(Conventions, DidYouMean) {
  auto r = run_cli({"chek", "x.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("未知命令 “chek”；是不是 “check”？"), std::string::npos) << r.err;
  r = run_cli({"check", "--formt", "json", "x.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("未知选项 “--formt”；是不是 “--format”？"), std::string::npos) << r.err;
  r = run_cli({"check", "--format", "sarf", "x.txt"});
  EXPECT_NE(r.err.find("是不是 “sarif”"), std::string::npos) << r.err;
  r = run_cli({"check", "--fail-on", "warn", "x.txt"});
  EXPECT_NE(r.err.find("是不是 “warning”"), std::string::npos) << r.err;
  r = run_cli({"explain", "punct.halfwidht"});
  EXPECT_NE(r.err.find("是不是 “punct.halfwidth”"), std::string::npos) << r.err;
  // An option of another command is unknown here, and nothing close is suggested for noise.
  r = run_cli({"count", "--profile", "x", "a.txt"});
  EXPECT_EQ(r.status, 2);
  r = run_cli({"check", "--zzzzzz", "a.txt"});
  EXPECT_EQ(r.err.find("是不是"), std::string::npos) << r.err;
  EXPECT_EQ(wenfeng::cli::closest("--qiuet", {"--quiet", "--pretty"}), "--quiet");
}

TEST(Conventions, NumericOptionsValidated) {
  const std::string draft = wenfeng::testing::source_path("samples/national/notice-ok.txt");
  for (const char* bad : {"abc", "-3", "0", "4x", "", "99999", "99999999999999999999"}) {
    const auto r = run_cli({"check", "--jobs", bad, draft});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--jobs 应为 1–1024 的整数"), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
  }
  EXPECT_EQ(run_cli({"check", "--jobs", "2", draft}).status, 0);
  EXPECT_EQ(run_cli({"check", "--jobs=2", draft}).status, 0);
  EXPECT_EQ(run_cli({"count", "-j1", draft}).status, 0);
  EXPECT_EQ(run_cli({"check", "--jobs"}).status, 2);
  EXPECT_EQ(run_cli({"check", "--pretty=yes", draft}).status, 2);
}

TEST(Conventions, DirectoriesRecursedWithIgnores) {
  const std::string dir = wenfeng::testing::temp_dir();
  for (const char* d : {"sub", "sub/old", ".git", ".hidden", "drafts"}) fs::create_directories(dir + "/" + d);
  for (const char* f : {"a.txt", "sub/b.txt", "sub/old/c.txt", ".git/x.txt", ".hidden/y.txt", ".dot.txt",
                        "notes.md", "drafts/keep.txt", "drafts/skip.txt", "sub/d.html"})
    std::ofstream(dir + "/" + f) << kDraft;
  fs::copy_file(wenfeng::testing::source_path("samples/national/notice-ok.docx"), dir + "/e.docx");
  std::ofstream(dir + "/~$e.docx") << "owner file";  // Word's lock file: not a DOCX
  std::ofstream(dir + "/.wenfengignore") << "# drafts not to check\nold/\ndrafts/*.txt\n!drafts/keep.txt\n*.html\n";
  auto r = run_cli({"count", "--format", "json", dir});
  EXPECT_EQ(r.status, 0) << r.err;
  const std::vector<std::string> want = {dir + "/a.txt", dir + "/drafts/keep.txt", dir + "/e.docx", dir + "/sub/b.txt"};
  EXPECT_EQ(paths_of(r.out), want);
  // A nested .wenfengignore adds its own patterns, relative to its folder.
  std::ofstream(dir + "/sub/.wenfengignore") << "b.txt\n";
  r = run_cli({"count", "--format", "json", dir + "/"});
  EXPECT_EQ(paths_of(r.out), (std::vector<std::string>{dir + "/a.txt", dir + "/drafts/keep.txt", dir + "/e.docx"}));
  // Relative folders keep the user's spelling; a file named on the command line is read
  // even when ignored.
  r = run_cli({"count", "--format", "json", ".", "drafts/skip.txt"}, "", dir);
  EXPECT_EQ(paths_of(r.out),
            (std::vector<std::string>{"./a.txt", "./drafts/keep.txt", "./e.docx", "drafts/skip.txt"}));
}

// A .wenfengignore over the cap is passed over, and said so: the warning names the file and
// the cap, and the files it lists are read.
TEST(Conventions, OversizeIgnoreFileWarned) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/a.txt") << kDraft;
  std::ofstream(dir + "/b.txt") << kDraft;
  {
    std::ofstream ignore(dir + "/.wenfengignore");
    ignore << "a.txt\n";
    const std::string comment = "# " + std::string(1022, 'x') + "\n";
    for (int i = 0; i < 1024; ++i) ignore << comment;  // 1 MiB of comments after the pattern
  }
  ASSERT_GT(fs::file_size(dir + "/.wenfengignore"), std::size_t{1} << 20);
  auto r = run_cli({"count", "--format", "json", dir});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(paths_of(r.out), (std::vector<std::string>{dir + "/a.txt", dir + "/b.txt"}));
  EXPECT_NE(r.err.find(dir + "/.wenfengignore: 警告[too-large]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 MiB"), std::string::npos) << r.err;
  // Under the cap it applies, silently.
  std::ofstream(dir + "/.wenfengignore", std::ios::trunc) << "a.txt\n";
  r = run_cli({"count", "--format", "json", dir});
  EXPECT_EQ(paths_of(r.out), (std::vector<std::string>{dir + "/b.txt"}));
  EXPECT_EQ(r.err.find("警告"), std::string::npos) << r.err;
}

TEST(Conventions, OutputFile) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/a.txt") << kDraft;
  auto r = run_cli({"check", "--format", "json", "-o", dir + "/out.json", dir + "/a.txt"});
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(r.out.empty());
  EXPECT_EQ(json::parse(wenfeng::testing::read_file(dir + "/out.json"))["files"].size(), 1u);
  r = run_cli({"count", "--output=" + dir + "/c.txt", dir + "/a.txt"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(wenfeng::testing::read_file(dir + "/c.txt").find("字数"), std::string::npos);
  r = run_cli({"check", "-o", dir + "/no/such/dir/out.json", dir + "/a.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("无法写入输出文件"), std::string::npos);
}

TEST(Conventions, ColourOnTerminalsAndNoColor) {
  const std::string draft = wenfeng::testing::source_path("samples/national/format-faults.txt");
  const std::string esc = "\033[";
  EXPECT_EQ(run_cli({"check", draft}).out.find(esc), std::string::npos) << "a pipe gets no colour";
  EXPECT_NE(run_cli({"check", "--color", "always", draft}).out.find(esc), std::string::npos);
  EXPECT_NE(run_cli({"check", "--color", draft}).out.find(esc), std::string::npos) << "bare --color is always";
  EXPECT_NE(run_cli({"check", "--format", "line", "--color=always", draft}).out.find(esc), std::string::npos);
  EXPECT_NE(on_terminal("check " + quote(draft)).find(esc), std::string::npos) << "a terminal gets colour";
  EXPECT_EQ(on_terminal("check " + quote(draft), "NO_COLOR=1").find(esc), std::string::npos);
  EXPECT_NE(on_terminal("check " + quote(draft), "NO_COLOR=").find(esc), std::string::npos) << "empty NO_COLOR";
  EXPECT_NE(on_terminal("check --color always " + quote(draft), "NO_COLOR=1").find(esc), std::string::npos);
  EXPECT_EQ(on_terminal("check --color never " + quote(draft)).find(esc), std::string::npos);
  EXPECT_EQ(on_terminal("check --no-color " + quote(draft)).find(esc), std::string::npos);
  EXPECT_EQ(run_cli({"check", "--color", "sometimes", draft}).status, 2);
}

TEST(Conventions, ProgressQuietAndStatistics) {
  const std::string dir = wenfeng::testing::temp_dir();
  for (int i = 0; i < 25; ++i) std::ofstream(dir + "/d" + std::to_string(100 + i) + ".txt") << kDraft;
  std::ofstream(dir + "/clean.txt") << "关于做好防汛工作的通知\n各村要落实责任。\n";
  // A long batch on a terminal shows a progress bar on stderr; --quiet and a short batch do not.
  const std::string shown = on_terminal("check --format json -o " + quote(dir + "/out.json") + " " + quote(dir));
  EXPECT_NE(shown.find("/26 个文件"), std::string::npos) << shown;
  EXPECT_EQ(on_terminal("check -q --format json -o " + quote(dir + "/out.json") + " " + quote(dir)).find("个文件"),
            std::string::npos);
  EXPECT_EQ(on_terminal("check " + quote(dir + "/d100.txt")).find("/1 个文件"), std::string::npos);
  EXPECT_EQ(run_cli({"check", dir}).err.find("个文件"), std::string::npos) << "no bar when stderr is not a terminal";
  // --quiet: findings only, no per-file summaries.
  const auto normal = run_cli({"check", dir + "/d100.txt", dir + "/clean.txt"});
  const auto quiet = run_cli({"check", "--quiet", dir + "/d100.txt", dir + "/clean.txt"});
  EXPECT_NE(normal.out.find("个错误"), std::string::npos);
  EXPECT_EQ(quiet.out.find("个错误"), std::string::npos) << quiet.out;
  EXPECT_NE(quiet.out.find("[punct.halfwidth]"), std::string::npos);
  EXPECT_EQ(quiet.status, normal.status);
  // --statistics: counts by rule on stderr; stdout stays valid JSON.
  const auto stats = run_cli({"check", "--statistics", "--format", "json", dir + "/d100.txt", dir + "/d101.txt",
                              dir + "/missing.txt"});
  EXPECT_EQ(stats.status, 2);
  EXPECT_FALSE(json::parse(stats.out, nullptr, false).is_discarded());
  EXPECT_NE(stats.err.find("统计：3 个文件（1 个无法读取）"), std::string::npos) << stats.err;
  const auto at = stats.err.find("punct.halfwidth");
  ASSERT_NE(at, std::string::npos) << stats.err;
  EXPECT_EQ(stats.err.substr(stats.err.find_first_not_of(' ', at + 15), 2), "2\n");
}

TEST(Conventions, ConfigFileOptions) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/.wenfeng.yaml") << "profile: jinxiang\n";
  std::ofstream(dir + "/other.yaml") << "profile: daxing\nfail-on: warning\n";
  std::ofstream(dir + "/a.txt") << kDraft;
  auto profile = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"check", "--format", "json"});
    args.push_back(dir + "/a.txt");
    const auto r = run_cli(args);
    return r.out.empty() ? r.err : json::parse(r.out)["files"][0]["profile"]["id"].get<std::string>();
  };
  EXPECT_EQ(profile({}), "jinxiang");
  EXPECT_EQ(profile({"--config", dir + "/other.yaml"}), "daxing");
  EXPECT_EQ(profile({"--no-config"}), "national");
  EXPECT_EQ(profile({"--no-config", "--profile", "hubei"}), "hubei");
  auto r = run_cli({"check", "--config", dir + "/missing.yaml", dir + "/a.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("missing.yaml"), std::string::npos) << r.err;
  EXPECT_EQ(run_cli({"check", "--config", dir + "/other.yaml", "--no-config", dir + "/a.txt"}).status, 2);
}

TEST(Conventions, ConfigCommandShowsWhereEachSettingComesFrom) {
  const std::string dir = wenfeng::testing::temp_dir();
  fs::create_directories(dir + "/sub");
  std::ofstream(dir + "/.wenfeng.yaml") << "profile: daxing\nkind: bulletin.daxing-info\nignore: [狠抓落实]\n";
  auto r = run_cli({"config", "--format", "json", "--fail-on", "warning", dir + "/sub"});
  EXPECT_EQ(r.status, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["config_file"], dir + "/.wenfeng.yaml");
  EXPECT_EQ(j["settings"]["profile"]["value"], "daxing");
  EXPECT_EQ(j["settings"]["profile"]["source"], "config");
  EXPECT_EQ(j["settings"]["profile"]["where"], dir + "/.wenfeng.yaml");
  EXPECT_EQ(j["settings"]["kind"]["value"], "bulletin.daxing-info");
  EXPECT_EQ(j["settings"]["fail-on"]["source"], "option");
  EXPECT_EQ(j["settings"]["medium"]["source"], "default");
  EXPECT_EQ(j["settings"]["ignore"]["value"], "狠抓落实");
  r = run_cli({"config", "--no-config", "--format", "json", dir});
  j = json::parse(r.out);
  EXPECT_TRUE(j["config_file"].is_null());
  EXPECT_EQ(j["settings"]["profile"]["value"], "national");
  EXPECT_TRUE(j["settings"]["kind"]["value"].is_null());
  r = run_cli({"config", "--profile", "hubei", dir});
  EXPECT_NE(r.out.find("hubei    ← 命令行 --profile"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(dir + "/.wenfeng.yaml"), std::string::npos);
  // Standard input: the folder of --stdin-filename.
  r = run_cli({"config", "--format", "json", "--stdin-filename", dir + "/sub/x.txt", "-"});
  EXPECT_EQ(json::parse(r.out)["settings"]["profile"]["value"], "daxing");
}

TEST(Conventions, StdinConfigurationFromStdinFilenameFolder) {
  const std::string dir = wenfeng::testing::temp_dir();
  fs::create_directories(dir + "/drafts");
  std::ofstream(dir + "/drafts/.wenfeng.yaml") << "profile: daxing\n";
  const std::string input = dir + "/in.txt";
  std::ofstream(input) << kDraft;
  auto profile = [&](std::vector<std::string> args, const std::string& cwd) {
    const auto r = run_cli(args, input, cwd);
    return json::parse(r.out)["files"][0]["profile"]["id"].get<std::string>();
  };
  // The same text gets the same profile wherever the editor runs wenfeng from.
  for (const std::string& cwd : {dir, dir + "/drafts", std::string("/")})
    EXPECT_EQ(profile({"check", "--format", "json", "--stdin-filename", dir + "/drafts/x.txt", "-"}, cwd), "daxing")
        << cwd;
  EXPECT_EQ(profile({"check", "--format", "json", "--stdin-filename", "drafts/x.txt", "-"}, dir), "daxing");
  EXPECT_EQ(profile({"check", "--format", "json", "-"}, dir), "national");
  EXPECT_EQ(profile({"check", "--format", "json", "-"}, dir + "/drafts"), "daxing") << "no name: current folder";
}

TEST(Conventions, ResultsStreamInInputOrder) {
  // The second input is standard input, fed by a `cat` that waits on a FIFO nobody writes
  // yet (wenfeng itself refuses FIFOs: issue 15): the first file's result must be on stdout
  // while wenfeng still waits for it.
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/a.txt") << kDraft;
  ASSERT_EQ(::mkfifo((dir + "/slow.fifo").c_str(), 0600), 0);
  const std::string cmd = "cat " + quote(dir + "/slow.fifo") + " | " + quote(WENFENG_BINARY) +
                          " check --format line --jobs 2 --stdin-filename " + quote(dir + "/slow.txt") + " " +
                          quote(dir + "/a.txt") + " - 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  ASSERT_TRUE(p);
  pollfd pfd{::fileno(p), POLLIN, 0};
  const int ready = ::poll(&pfd, 1, 20000);
  std::string first;
  if (ready > 0) {
    char buf[4096];
    const ssize_t n = ::read(::fileno(p), buf, sizeof buf);
    if (n > 0) first.assign(buf, static_cast<std::size_t>(n));
  }
  // Let wenfeng finish: give the FIFO its text.
  { std::ofstream(dir + "/slow.fifo") << "通知\n各单位,请\n"; }
  std::string rest;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) rest.append(buf, n);
  ::pclose(p);
  EXPECT_GT(ready, 0) << "no output before the last input was readable";
  EXPECT_NE(first.find(dir + "/a.txt:2:9: error:"), std::string::npos) << first;
  EXPECT_EQ(first.find("slow.txt"), std::string::npos);
  EXPECT_NE((first + rest).find(dir + "/slow.txt:2:4: error:"), std::string::npos) << first << rest;
}

TEST(Conventions, SupplementaryCharactersAfterCjkAreUtf8) {
  // Regression: the UTF-8 check's fast path once took 𠮷's four-byte lead for a three-byte one.
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/a.txt") << "一二三四𠮷祥村\n";
  const auto r = run_cli({"count", "--format", "json", dir + "/a.txt"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
}

}  // namespace
