// Runs the built wenfeng binary (end-to-end tests): arguments, optional stdin, captures
// stdout, stderr and the exit status.
#pragma once

#include <string>
#include <vector>

namespace wenfeng::testing {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_file = "",
                  const std::string& workdir = WENFENG_SOURCE_DIR);

std::string source_path(const std::string& relative);
std::string read_file(const std::string& path);
std::string temp_dir();  // a fresh directory under the build tree's temp

}  // namespace wenfeng::testing
