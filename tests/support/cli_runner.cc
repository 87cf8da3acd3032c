#include "support/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wenfeng::testing {
namespace {

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

}  // namespace

std::string source_path(const std::string& relative) { return std::string(WENFENG_SOURCE_DIR) + "/" + relative; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_dir() {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::temp_directory_path() /
             ("wenfeng_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  // Fresh: a directory left by an earlier run whose process had the same id is emptied.
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  std::filesystem::create_directories(dir);
  return dir.string();
}

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_file,
                  const std::string& workdir) {
  const std::string err_path = temp_dir() + "/stderr";
  std::string cmd = "cd " + quote(workdir) + " && " + quote(WENFENG_BINARY);
  for (const auto& a : args) cmd.append(" ").append(quote(a));  // not " " + …: GCC 12's -Wrestrict
  cmd += stdin_file.empty() ? " < /dev/null" : " < " + quote(stdin_file);
  cmd += " 2> " + quote(err_path);
  CliResult r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.err = read_file(err_path);
  return r;
}

}  // namespace wenfeng::testing
