// The subcommand table. Each command gets its arguments (after the subcommand name) and
// returns the process exit status: 0 clean, 1 findings at/above --fail-on, 2 usage/input error.
#pragma once

#include <string>
#include <vector>

namespace wenfeng::cli {

int run(int argc, char** argv);
int count_command(const std::vector<std::string>& args);
int check_command(const std::vector<std::string>& args);
int profiles_command(const std::vector<std::string>& args);
int explain_command(const std::vector<std::string>& args);
int rules_command(const std::vector<std::string>& args);
int serve_command(const std::vector<std::string>& args);

}  // namespace wenfeng::cli
