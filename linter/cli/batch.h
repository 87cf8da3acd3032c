// Running a command over its inputs: directories expanded (inputs.h), the session does the
// work, the chosen renderer writes each file's result as it comes (to stdout or -o FILE),
// unreadable files get one line on stderr, a progress bar on a terminal, statistics on
// request, and the exit status computed the same way in every format.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "lint/session.h"
#include "report/renderer.h"

namespace wenfeng::cli {

// "path: 错误[code] message（位置 where）\n" — how every command reports a file it could not use.
std::string error_line(const std::string& path, const Error& e);

// The options every file command shares: --jobs, --stdin-filename, --xml-map,
// --html-selector, --config, --no-config (a usage error is returned as an Error).
Result<lint::RunOptions> input_options(const Args& args);
// --format, --pretty, --color/--no-color/NO_COLOR, --english, --quiet, --column-unit.
report::RenderOptions render_options(const Args& args);

// Runs on each file's result before it is rendered (annotate, --fix: write_back.h); an
// error counts as the file's error.
using FileHook = std::function<std::optional<Error>(lint::FileResult&)>;

// 0 clean, 1 a finding at or above fail-on (check), 2 a file could not be used. With
// `render` false no report is written (the hook says what happened).
int run_batch(const CommandSpec& spec, report::Command command, lint::RunOptions options, const Args& args,
              const FileHook& hook = {}, bool render = true);

}  // namespace wenfeng::cli
