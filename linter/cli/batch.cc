#include "cli/batch.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <thread>

#include "cli/inputs.h"

namespace wenfeng::cli {
namespace {

class FileSink final : public report::Sink {
 public:
  explicit FileSink(std::FILE* f) : f_(f) {}
  void write(std::string_view s) override {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) failed_ = true;
    std::fflush(f_);  // streamed: each file's result is out as soon as it is rendered
  }
  bool failed() const { return failed_; }

 private:
  std::FILE* f_;
  bool failed_ = false;
};

// A one-line progress bar on a terminal's stderr, redrawn at most every 100 ms; cleared
// before anything else is written to the same terminal.
class Progress {
 public:
  Progress(std::size_t total, bool on) : total_(total), on_(on) {}
  void clear() {
    if (on_ && drawn_) std::fputs("\r\033[K", stderr), drawn_ = false;
  }
  void step() {
    ++done_;
    if (!on_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(100) && done_ < total_) return;
    last_ = now;
    const std::size_t width = 30, filled = total_ ? done_ * width / total_ : width;
    std::string bar = "\r[" + std::string(filled, '#') + std::string(width - filled, ' ') + "] " +
                      std::to_string(done_) + "/" + std::to_string(total_) + " 个文件";
    std::fputs(bar.c_str(), stderr);
    std::fflush(stderr);
    drawn_ = true;
  }

 private:
  std::size_t total_, done_ = 0;
  bool on_, drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

constexpr std::size_t kProgressMinFiles = 20;  // a "long batch"
// A file with more findings than this is rendered on the emitting thread, streamed as it
// grows, rather than held whole in memory by a worker (a 100 MB draft's report).
constexpr std::size_t kMaxFindingsRenderedAhead = 20000;

unsigned options_jobs(const lint::Session& s) {
  return s.options().jobs ? s.options().jobs : std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

std::string error_line(const std::string& path, const Error& e) {
  return path + ": 错误[" + error_code_name(e.code) + "] " + e.message +
         (e.where.empty() ? "" : "（位置 " + e.where + "）") + "\n";
}

Result<lint::RunOptions> input_options(const Args& args) {
  lint::RunOptions o;
  if (args.get("--config") && args.has("--no-config"))
    return make_error(ErrorCode::kUsage, "--config 和 --no-config 不能同时使用");
  o.config_file = args.get("--config");
  o.no_config = args.has("--no-config");
  o.stdin_filename = args.get_or("--stdin-filename", "");
  auto read = readers::read_options(args.get("--xml-map"), args.get("--html-selector"));
  if (!read.ok()) return read.error();
  o.read = *read;
  if (auto j = args.get("--jobs")) o.jobs = static_cast<unsigned>(std::stoul(*j));  // validated by the table
  else o.jobs = std::max(1u, std::thread::hardware_concurrency());
  return o;
}

report::RenderOptions render_options(const Args& args) {
  report::RenderOptions ro;
  ro.pretty = args.has("--pretty");
  ro.english = args.has("--english");
  ro.quiet = args.has("--quiet");
  const std::string unit = args.get_or("--column-unit", "codepoint");
  ro.column_unit = unit == "utf16" ? report::ColumnUnit::kUtf16
                   : unit == "byte" ? report::ColumnUnit::kByte
                                    : report::ColumnUnit::kCodepoint;
  // https://no-color.org: NO_COLOR set and not empty turns colour off unless asked for.
  const std::string when = args.has("--no-color") ? "never" : args.get_or("--color", "auto");
  const char* no_color = std::getenv("NO_COLOR");
  ro.color = when == "always" ||
             (when == "auto" && !args.get("--output") && ::isatty(1) && !(no_color && *no_color));
  return ro;
}

int run_batch(const CommandSpec& spec, report::Command command, lint::RunOptions options, const Args& args,
              const FileHook& hook, bool render) {
  const report::Format* format = report::find_format(args.get_or("--format", "text"), command);
  if (!format) return usage_error(spec, "--format 只能是 " + report::format_names(command));
  if (args.files.empty()) return usage_error(spec, "请给出要处理的文件或文件夹（或 - 表示标准输入）");
  // The dictionaries load (Session::open) on a second thread while the inputs are expanded
  // (a stat a file, a walk a folder): neither needs the other, and both come before the first
  // file is checked. What each says is printed in the same order as one after the other. One
  // file needs no second thread (its start costs more than the stat it would overlap).
  std::optional<Result<std::unique_ptr<lint::Session>>> opened;
  auto open = [&] { opened.emplace(lint::Session::open(std::move(options), command == report::Command::kCheck)); };
  std::error_code ec;
  const bool overlap = args.files.size() > 1 || (args.files[0] != "-" && std::filesystem::is_directory(args.files[0], ec));
  std::thread opener;
  if (overlap) opener = std::thread(open);
  std::vector<std::string> warnings;
  const std::vector<std::string> paths = expand_inputs(args.files, &warnings);
  if (overlap) opener.join();
  else open();
  for (const auto& w : warnings) std::cerr << w;
  const report::RenderOptions ro = render_options(args);
  auto& session = *opened;
  if (!session.ok()) {
    std::cerr << "wenfeng " << spec.name << ": " << session.error().message << "\n";
    return 2;
  }
  std::FILE* file = stdout;
  // Without a report, -o is not the report's (annotate: the copy's path).
  const auto output = render ? args.get("--output") : std::nullopt;
  if (output) {
    file = std::fopen(output->c_str(), "wb");
    if (!file) {
      std::cerr << "wenfeng " << spec.name << ": 无法写入输出文件 " << *output << "\n";
      return 2;
    }
  }
  FileSink out(file);
  Progress progress(paths.size(), !ro.quiet && paths.size() >= kProgressMinFiles && ::isatty(2));
  const bool same_terminal = !output && ::isatty(1) && ::isatty(2);
  const auto started = std::chrono::steady_clock::now();
  auto renderer = render ? format->make(ro) : nullptr;
  if (renderer) renderer->begin(out);
  bool any_error = false, any_failing = false;
  std::size_t files = 0, errors = 0;
  // Tallies for --statistics only (a string key a finding: 315,000 of them on a 10 MB copy).
  const bool statistics = args.has("--statistics");
  std::map<std::string, std::size_t, std::less<>> by_rule;
  std::size_t by_severity[3] = {0, 0, 0};
  // Each file's report is rendered by the worker that checked it when the renderer can
  // (Renderer::concurrent) and nothing runs on the result first: the emitting thread only
  // writes the bytes, in input order, and the document is freed on the worker too.
  const bool ahead = renderer && renderer->concurrent() && !hook && paths.size() > 1 && options_jobs(**session) != 1;
  std::vector<std::optional<std::string>> rendered(ahead ? paths.size() : 0);
  std::size_t emitted = 0;
  const auto prepare = [&](std::size_t i, lint::FileResult& f) {
    if (f.report && f.report->findings.size() + f.report->overview.size() > kMaxFindingsRenderedAhead) return;
    std::string bytes;
    renderer->render(f, bytes);
    rendered[i] = std::move(bytes);
    f.doc.reset();
    f.input.clear();
  };
  (*session)->run(paths, [&](lint::FileResult&& f) {
    if (same_terminal) progress.clear();
    std::optional<Error> written;
    if (hook) written = hook(f);
    if (ahead && rendered[emitted]) {
      renderer->commit(f, *rendered[emitted], out);
      rendered[emitted].reset();
    } else if (renderer) {
      renderer->file(f, out);
    }
    ++emitted;
    ++files;
    if (written) {
      any_error = true;
      ++errors;
      progress.clear();
      std::cerr << error_line(f.path, *written);
    } else if (f.error) {
      any_error = true;
      ++errors;
      progress.clear();
      std::cerr << error_line(f.path, *f.error);
    } else if (f.fails()) {
      any_failing = true;
    }
    if (statistics && f.report)
      for (const auto& d : f.report->findings) {
        auto it = by_rule.find(d.rule_id());
        if (it == by_rule.end()) it = by_rule.emplace(std::string(d.rule_id()), 0).first;
        ++it->second;
        ++by_severity[static_cast<int>(d.severity)];
      }
    progress.step();
  }, ahead ? std::function<void(std::size_t, lint::FileResult&)>(prepare) : nullptr);
  progress.clear();
  if (renderer) renderer->end(out);
  if (output && std::fclose(file) != 0) any_error = true;
  if (out.failed()) {
    std::cerr << "wenfeng " << spec.name << ": 写入输出失败\n";
    any_error = true;
  }
  if (statistics) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char t[32];
    std::snprintf(t, sizeof t, "%.2f", secs);
    std::cerr << "统计：" << files << " 个文件（" << errors << " 个无法读取），用时 " << t << " 秒\n";
    for (const auto& [rule, n] : by_rule) {
      std::string r = rule;
      if (r.size() < 28) r.resize(28, ' ');
      std::cerr << "  " << r << " " << n << "\n";
    }
    std::cerr << "  合计 " << by_severity[2] << " 个错误，" << by_severity[1] << " 个警告，" << by_severity[0]
              << " 个提示\n";
  }
  // A file error outranks findings in the exit status.
  return any_error ? 2 : any_failing ? 1 : 0;
}

}  // namespace wenfeng::cli
