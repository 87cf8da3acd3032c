// Running a command over its inputs: the session does the work, the chosen renderer writes
// each file's result as it comes, unreadable files get one line on stderr, and the exit
// status is computed the same way in every format.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "lint/session.h"
#include "report/renderer.h"

namespace wenfeng::cli {

// "path: 错误[code] message（位置 where）\n" — how every command reports a file it could not use.
std::string error_line(const std::string& path, const Error& e);

// Runs on each file's result before it is rendered (annotate, --fix: write_back.h); an
// error counts as the file's error.
using FileHook = std::function<std::optional<Error>(lint::FileResult&)>;

// 0 clean, 1 a finding at or above fail-on (check), 2 a file could not be used. A null
// `format` renders nothing (the hook says what happened).
int run_batch(const std::string& command_name, report::Command command, lint::RunOptions options,
              const std::vector<std::string>& paths, const report::Format* format, const report::RenderOptions& ro,
              const FileHook& hook = {});

// --jobs N (a positive integer), or the number of cores.
Result<unsigned> parse_jobs(const std::optional<std::string>& value);

}  // namespace wenfeng::cli
