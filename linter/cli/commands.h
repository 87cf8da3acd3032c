// The command table (app.cc): each command's name, summary, usage, the options it takes
// (rows of the option table in args.cc) and its function. Help, "did you mean" and argument
// parsing read it; a command gets its parsed arguments and returns the exit status:
// 0 clean, 1 findings at/above --fail-on, 2 usage/input error.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/args.h"

namespace wenfeng::cli {

struct CommandSpec {
  std::string_view name;
  int (*run)(const Args&);
  std::string_view summary;  // Chinese, one line
  std::string_view usage;    // what follows "wenfeng NAME"
  std::vector<std::string_view> options;
  std::string format_choices;  // --format values, "text|json"
  std::string_view details = {};  // more help, after the options
};

const std::vector<CommandSpec>& command_table();
const CommandSpec* find_command(std::string_view name);
void print_help(const CommandSpec& c, std::ostream& out);
// "wenfeng check: MESSAGE" and a hint to --help, for usage errors; returns 2.
int usage_error(const CommandSpec& c, const std::string& message);

int run(int argc, char** argv);
// The arguments run() was given, argv[0] first (for `serve`, which runs wenfeng-serve).
const std::vector<std::string>& command_line();
int count_command(const Args& args);
int check_command(const Args& args);
int annotate_command(const Args& args);
int profiles_command(const Args& args);
int explain_command(const Args& args);
int rules_command(const Args& args);
int config_command(const Args& args);
int lsp_command(const Args& args);
int serve_command(const Args& args);
int version_command(const Args& args);

const char* build_commit();  // generated (cmake/build_info.cmake)

}  // namespace wenfeng::cli
