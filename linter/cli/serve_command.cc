// `wenfeng serve [--host H] [--port P] [--token-file F] [--max-body MIB] [--max-expanded MIB]
//                [--timeout S] [--workers N] [--queue N] [--threads N] [--dictionaries DIR]`
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "serve/server.h"

namespace wenfeng::cli {
namespace {

// A whole number in [lo, hi] from an option, or an error naming the option.
Result<unsigned long> bounded(const Args& args, const std::string& name, unsigned long fallback, unsigned long lo,
                              unsigned long hi) {
  const auto v = args.get(name);
  if (!v) return fallback;
  char* end = nullptr;
  const unsigned long n = std::strtoul(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || n < lo || n > hi)
    return make_error(ErrorCode::kUsage, name + " 应为 " + std::to_string(lo) + "–" + std::to_string(hi) +
                                             " 的整数，实际为 “" + *v + "”");
  return n;
}

}  // namespace

int serve_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv,
                           {"--host", "--port", "--token-file", "--max-body", "--max-expanded", "--timeout",
                            "--workers", "--queue", "--threads", "--dictionaries"},
                           {});
  if (!parsed.ok()) {
    std::cerr << "wenfeng serve: " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  if (!args.files.empty()) {
    std::cerr << "wenfeng serve: 不接受文件参数；用法：wenfeng serve [--host 127.0.0.1] [--port 8080] "
                 "[--token-file F] [--max-body MiB] [--timeout 秒] [--workers N]\n";
    return 2;
  }
  serve::ServeOptions o;
  o.host = args.get_or("--host", o.host);
  o.dictionaries = args.get_or("--dictionaries", "");
  auto port = bounded(args, "--port", 8080, 0, 65535);
  auto max_body = bounded(args, "--max-body", 16, 1, 512);
  auto max_expanded = bounded(args, "--max-expanded", 256, 1, 1024);
  auto timeout = bounded(args, "--timeout", 30, 1, 3600);
  auto workers = bounded(args, "--workers", 0, 0, 1024);
  auto queue = bounded(args, "--queue", 64, 0, 100000);
  auto threads = bounded(args, "--threads", 64, 1, 1000);
  for (const auto* r : {&port, &max_body, &max_expanded, &timeout, &workers, &queue, &threads})
    if (!r->ok()) {
      std::cerr << "wenfeng serve: " << r->error().message << "\n";
      return 2;
    }
  o.port = static_cast<int>(*port);
  o.max_body = static_cast<std::size_t>(*max_body) << 20;
  o.max_expanded = static_cast<std::uint64_t>(*max_expanded) << 20;
  o.timeout_seconds = static_cast<unsigned>(*timeout);
  o.workers = static_cast<unsigned>(*workers);
  o.queue = static_cast<unsigned>(*queue);
  o.threads = static_cast<unsigned>(*threads);
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
