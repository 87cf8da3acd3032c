#include "cli/batch.h"

#include <cstdio>
#include <iostream>
#include <thread>

namespace wenfeng::cli {
namespace {

class StdoutSink final : public report::Sink {
 public:
  void write(std::string_view s) override {
    std::fwrite(s.data(), 1, s.size(), stdout);
    std::fflush(stdout);
  }
};

}  // namespace

std::string error_line(const std::string& path, const Error& e) {
  return path + ": 错误[" + error_code_name(e.code) + "] " + e.message +
         (e.where.empty() ? "" : "（位置 " + e.where + "）") + "\n";
}

Result<unsigned> parse_jobs(const std::optional<std::string>& value) {
  if (!value) return std::max(1u, std::thread::hardware_concurrency());
  char* end = nullptr;
  const long n = std::strtol(value->c_str(), &end, 10);
  if (value->empty() || *end != '\0' || n < 1 || n > 1024)
    return make_error(ErrorCode::kUsage, "--jobs 应为 1–1024 的整数，实际为 “" + *value + "”");
  return static_cast<unsigned>(n);
}

int run_batch(const std::string& command_name, report::Command command, lint::RunOptions options,
              const std::vector<std::string>& paths, const report::Format* format, const report::RenderOptions& ro,
              const FileHook& hook) {
  auto session = lint::Session::open(std::move(options), command == report::Command::kCheck);
  if (!session.ok()) {
    std::cerr << "wenfeng " << command_name << ": " << session.error().message << "\n";
    return 2;
  }
  StdoutSink out;
  auto renderer = format ? format->make(ro) : nullptr;
  if (renderer) renderer->begin(out);
  bool any_error = false, any_failing = false;
  (*session)->run(paths, [&](lint::FileResult&& f) {
    std::optional<Error> written;
    if (hook) written = hook(f);
    if (renderer) renderer->file(f, out);
    if (written) {
      any_error = true;
      std::cerr << error_line(f.path, *written);
      return;
    }
    if (f.error) {
      any_error = true;
      std::cerr << error_line(f.path, *f.error);
    } else if (f.fails()) {
      any_failing = true;
    }
  });
  if (renderer) renderer->end(out);
  // A file error outranks findings in the exit status.
  return any_error ? 2 : any_failing ? 1 : 0;
}

}  // namespace wenfeng::cli
