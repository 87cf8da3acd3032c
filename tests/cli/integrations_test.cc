// The integrations shipped for editors and CI: the pre-commit hooks, the GitHub Actions
// example, Vim's errorformat (run in Neovim's quickfix), the efm-langserver and VS Code
// configurations.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli/inputs.h"
#include "support/cli_runner.h"

using wenfeng::testing::source_path;

namespace {

const char* kDraft = "关于做好防汛工作的通知\n𠮷祥村、王家庄村,要在汛前完成巡查。\n";

// Runs a shell command line with `wenfeng` meaning the built binary; returns the exit status.
int run_entry(std::string entry, const std::string& file) {
  entry.replace(0, std::string("wenfeng").size(), WENFENG_BINARY);
  const int st = std::system((entry + " '" + file + "' > /dev/null 2>&1").c_str());
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

TEST(Integrations, PreCommitHooks) {
  const YAML::Node hooks = YAML::LoadFile(source_path(".pre-commit-hooks.yaml"));
  ASSERT_TRUE(hooks.IsSequence());
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/bad.txt") << kDraft;
  const std::string clean = source_path("samples/national/notice-ok.txt");
  for (const auto& h : hooks) {
    const std::string id = h["id"].as<std::string>();
    EXPECT_EQ(h["language"].as<std::string>(), "system");
    const std::string entry = h["entry"].as<std::string>();
    ASSERT_EQ(entry.rfind("wenfeng check", 0), 0u) << entry;
    EXPECT_EQ(run_entry(entry, dir + "/bad.txt"), 1) << id;
    EXPECT_EQ(run_entry(entry, clean), 0) << id;
    // pre-commit matches `files` and `exclude` with Python's re.search.
    const std::regex files(h["files"].as<std::string>()), exclude(h["exclude"].as<std::string>());
    for (auto ext : wenfeng::cli::kInputExtensions)
      EXPECT_TRUE(std::regex_search("drafts/a" + std::string(ext), files)) << ext;
    EXPECT_FALSE(std::regex_search(std::string("a.doc"), files));
    EXPECT_TRUE(std::regex_search(std::string("drafts/~$a.docx"), exclude));
    EXPECT_FALSE(std::regex_search(std::string("drafts/a.docx"), exclude));
  }
}

TEST(Integrations, GithubActionsExampleUploadsTheSarifItWrites) {
  const YAML::Node wf = YAML::LoadFile(source_path("docs/ci/github-actions.yml"));
  EXPECT_EQ(wf["permissions"]["security-events"].as<std::string>(), "write");
  std::string sarif_written, sarif_uploaded;
  for (const auto& step : wf["jobs"]["check"]["steps"]) {
    if (step["run"]) {
      const std::string run = step["run"].as<std::string>();
      std::smatch m;
      if (std::regex_search(run, m, std::regex(R"(--format sarif -o (\S+))"))) sarif_written = m[1];
    }
    if (step["uses"] && step["uses"].as<std::string>().rfind("github/codeql-action/upload-sarif", 0) == 0)
      sarif_uploaded = step["with"]["sarif_file"].as<std::string>();
  }
  EXPECT_FALSE(sarif_written.empty());
  EXPECT_EQ(sarif_written, sarif_uploaded);
}

TEST(Integrations, VimErrorformatReadsByteColumns) {
  ASSERT_EQ(std::system("command -v nvim > /dev/null 2>&1"), 0) << "run scripts/bootstrap (Debian package neovim)";
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/draft.txt") << kDraft;
  // The plugin file sets makeprg and errorformat for text buffers; :make fills the quickfix
  // list, and each entry must point at the comma in Vim's own (byte) columns.
  std::ofstream(dir + "/t.vim") << "source " << source_path("editors/vim/wenfeng.vim") << "\n"
                                << "let $PATH = '" << std::string(WENFENG_BINARY).substr(0, std::string(WENFENG_BINARY).rfind('/'))
                                << ":' . $PATH\n"
                                << "edit " << dir << "/draft.txt\nset filetype=text\nsilent make!\n"
                                << "let q = filter(getqflist(), 'v:val.lnum == 2 && v:val.type ==? \"e\"')\n"
                                << "call writefile([json_encode(q)], '" << dir << "/qf.json')\nqa!\n";
  const int st = std::system(("cd '" + dir + "' && HOME='" + dir + "' timeout 60 nvim --headless --clean -n -i NONE -S '" +
                              dir + "/t.vim' > /dev/null 2>&1").c_str());
  ASSERT_EQ(st, 0);
  const auto q = nlohmann::json::parse(wenfeng::testing::read_file(dir + "/qf.json"));
  ASSERT_FALSE(q.empty()) << q.dump();
  bool comma = false;
  for (const auto& e : q)
    if (e["col"] == 26 && e["text"].get<std::string>().find("[punct.halfwidth]") != std::string::npos) comma = true;
  EXPECT_TRUE(comma) << q.dump();
}

TEST(Integrations, EfmAndVscodeConfigurations) {
  const YAML::Node efm = YAML::LoadFile(source_path("editors/efm/config.yaml"));
  const std::string cmd = efm["tools"]["wenfeng"]["lint-command"].as<std::string>();
  EXPECT_NE(cmd.find("--format line --column-unit utf16 --stdin-filename"), std::string::npos) << cmd;
  EXPECT_EQ(efm["tools"]["wenfeng"]["lint-formats"].size(), 3u);
  const auto pkg = nlohmann::json::parse(wenfeng::testing::read_file(source_path("editors/vscode/package.json")));
  const auto& props = pkg["contributes"]["configuration"]["properties"];
  for (const char* key : {"wenfeng.path", "wenfeng.profile", "wenfeng.kind", "wenfeng.medium"})
    EXPECT_TRUE(props.contains(key)) << key;
  EXPECT_NE(wenfeng::testing::read_file(source_path("editors/vscode/src/extension.ts")).find("args: [\"lsp\"]"),
            std::string::npos);
  EXPECT_NE(wenfeng::testing::read_file(source_path("editors/vscode/.gitignore")).find("node_modules/"), std::string::npos);
}

}  // namespace
