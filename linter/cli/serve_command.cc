// `wenfeng serve [--host H] [--port P] [--token-file F] [--max-body MIB] [--max-expanded MIB]
//                [--timeout S] [--queue-timeout S] [--workers N] [--queue N] [--threads N] [--dictionaries DIR]`
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "serve/server.h"

namespace wenfeng::cli {

int serve_command(const Args& args) {
  const CommandSpec& spec = *find_command("serve");
  if (!args.files.empty()) return usage_error(spec, "不接受文件参数（文稿在网页上或经 API 提交）");
  // Values are range-checked by the option table (args.cc).
  auto number = [&](const char* name, unsigned long fallback) {
    const auto v = args.get(name);
    return v ? std::strtoul(v->c_str(), nullptr, 10) : fallback;
  };
  serve::ServeOptions o;
  o.host = args.get_or("--host", o.host);
  o.dictionaries = args.get_or("--dictionaries", "");
  o.port = static_cast<int>(number("--port", 8080));
  o.max_body = static_cast<std::size_t>(number("--max-body", 16)) << 20;
  o.max_expanded = static_cast<std::uint64_t>(number("--max-expanded", 256)) << 20;
  o.timeout_seconds = static_cast<unsigned>(number("--timeout", 30));
  o.queue_timeout_seconds = static_cast<unsigned>(number("--queue-timeout", 120));
  o.workers = static_cast<unsigned>(number("--workers", 0));
  o.queue = static_cast<unsigned>(number("--queue", 64));
  o.threads = static_cast<unsigned>(number("--threads", 64));
  // The token comes from a file or the environment, never the command line (ps shows it).
  if (auto f = args.get("--token-file")) {
    std::ifstream in(*f);
    if (!in || !std::getline(in, o.token) || o.token.empty()) {
      std::cerr << "wenfeng serve: 无法从 " << *f << " 读取令牌（文件第一行即令牌）\n";
      return 2;
    }
  } else if (const char* env = std::getenv("WENFENG_SERVE_TOKEN"); env && *env) {
    o.token = env;
  }
  while (!o.token.empty() && (o.token.back() == '\r' || o.token.back() == ' ')) o.token.pop_back();
  return serve::serve(o);
}

}  // namespace wenfeng::cli
