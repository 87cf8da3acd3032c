// The module graph of linter/, from its #include "module/…" lines: modules depend one way,
// downwards through the layers below, with no cycle; nothing includes cli/; cli/ only
// parses arguments and hands the work to lint::Session (no pipeline of its own).
#include <gtest/gtest.h>

#include <filesystem>
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/cli_runner.h"

namespace {

namespace fs = std::filesystem;

// Each module's layer: a module may include its own headers and those of lower layers.
// Modules in one layer are peers and do not include each other. A new module gets a row.
const std::map<std::string, int> kLayer = {
    {"base", 0},                                                                  // Result, parallelism
    {"text", 1},                                                                  // UTF-8, classes, regex
    {"model", 2},                                                                 // documents, findings, the rule registry
    {"count", 3}, {"layout", 3}, {"phrases", 3}, {"profiles", 3}, {"readers", 3},  // one concern each
    {"lint", 4}, {"fix", 4},                                                      // the pipeline; fixes in sources
    {"rules", 5},                                                                 // rules, registering into model
    {"report", 6}, {"annotate", 6},                                               // renderers; findings into DOCX
    {"lsp", 7},                                                                   // the language server (a front end)
    {"cli", 8},                                                                   // the command line
};

struct Include {
  std::string file;  // relative to the repository
  int line;
  std::string target;  // "module/file.h"
};

// Every quoted #include of every source under linter/.
std::vector<Include> includes() {
  std::vector<Include> out;
  const std::regex re(R"(^\s*#\s*include\s*"([^"]+)\")");
  const fs::path root = wenfeng::testing::source_path("linter");
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    const auto ext = e.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    std::ifstream in(e.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      std::smatch m;
      if (std::regex_search(line, m, re))
        out.push_back({"linter/" + fs::relative(e.path(), root).string(), n, m[1].str()});
    }
  }
  return out;
}

std::string module_of(const std::string& path_under_linter) {
  const auto slash = path_under_linter.find('/');
  return slash == std::string::npos ? "" : path_under_linter.substr(0, slash);
}

TEST(ModuleGraph, IncludesNameAModuleAndGoDownTheLayers) {
  const auto all = includes();
  ASSERT_GT(all.size(), 100u);
  for (const auto& i : all) {
    const std::string from = module_of(i.file.substr(std::string("linter/").size()));
    const std::string to = module_of(i.target);
    const std::string where = i.file + ":" + std::to_string(i.line) + ": #include \"" + i.target + "\"";
    ASSERT_TRUE(kLayer.count(from)) << "linter/" << from << "/ is not in kLayer (tests/structure/module_graph_test.cc)";
    EXPECT_TRUE(kLayer.count(to)) << where << " does not name a module (\"module/file.h\")";
    if (!kLayer.count(to)) continue;
    EXPECT_TRUE(fs::exists(wenfeng::testing::source_path("linter/" + i.target))) << where << ": no such file";
    if (from == to) continue;
    EXPECT_NE(to, "cli") << where << ": nothing includes cli/";
    EXPECT_LT(kLayer.at(to), kLayer.at(from))
        << where << ": " << from << " (layer " << kLayer.at(from) << ") may include only lower layers, not " << to
        << " (layer " << kLayer.at(to) << ")";
  }
}

// The layers rule out cycles; this names one if the table is ever loosened.
TEST(ModuleGraph, NoCycleBetweenModules) {
  std::map<std::string, std::set<std::string>> edges;
  for (const auto& i : includes()) {
    const std::string from = module_of(i.file.substr(std::string("linter/").size())), to = module_of(i.target);
    if (!from.empty() && !to.empty() && from != to) edges[from].insert(to);
  }
  std::map<std::string, int> state;  // 0 new, 1 on the path, 2 done
  std::vector<std::string> path;
  std::string cycle;
  std::function<void(const std::string&)> visit = [&](const std::string& m) {
    state[m] = 1;
    path.push_back(m);
    for (const auto& n : edges[m]) {
      if (!cycle.empty()) break;
      if (state[n] == 1) {
        for (auto it = std::find(path.begin(), path.end(), n); it != path.end(); ++it) cycle += *it + " → ";
        cycle += n;
      } else if (state[n] == 0) {
        visit(n);
      }
    }
    path.pop_back();
    state[m] = 2;
  };
  for (const auto& [m, _] : edges)
    if (state[m] == 0 && cycle.empty()) visit(m);
  EXPECT_EQ(cycle, "") << "modules include each other in a cycle";
}

// cli/ parses arguments and chooses inputs and outputs; reading, choosing the kind and
// linting happen in lint::Session (lint/session.h), so every front end shares them.
TEST(ModuleGraph, CliHoldsNoPipeline) {
  for (const auto& i : includes()) {
    if (i.file.rfind("linter/cli/", 0) != 0 || module_of(i.target) != "lint") continue;
    EXPECT_EQ(i.target, "lint/session.h") << i.file << ":" << i.line << ": cli/ reaches into the pipeline";
  }
  const std::regex pipeline(R"(\b(read_document|read_file_bytes|choose_kind|classify|lint_document|measure|find_project_config|load_phrase_set)\s*\()");
  for (const auto& e : fs::directory_iterator(wenfeng::testing::source_path("linter/cli"))) {
    std::ifstream in(e.path());
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      EXPECT_FALSE(std::regex_search(line, pipeline))
          << "linter/cli/" << e.path().filename().string() << ":" << n << ": pipeline step in cli/: " << line;
    }
  }
}

}  // namespace
