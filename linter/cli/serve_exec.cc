// `wenfeng serve` in the wenfeng program: runs wenfeng-serve, the same program with the web
// service linked in, from the folder this binary is in (an installed bin/, or build/), with
// the same arguments and environment. Keeping the HTTP and TLS libraries out of wenfeng
// saves every other command their load and initialisation (CMakeLists.txt). Programs
// without the service (tests, generator, benchmarks) get this definition too.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"

namespace wenfeng::cli {

// Weak: in wenfeng-serve, cli/serve_command.cc defines the command itself.
[[gnu::weak]] int serve_command(const Args&) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string server = ec ? std::string("wenfeng-serve") : (self.parent_path() / "wenfeng-serve").string();
  std::vector<std::string> args = command_line();
  if (args.empty()) args.emplace_back("wenfeng");
  args[0] = server;
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(server.c_str(), argv.data());
  std::cerr << "wenfeng serve: 无法运行 " << server << "（" << std::strerror(errno)
            << "）；wenfeng-serve 应与 wenfeng 安装在同一文件夹\n";
  return 2;
}

}  // namespace wenfeng::cli
