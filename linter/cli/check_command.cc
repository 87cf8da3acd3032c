// `wenfeng check [--profile P] [--kind K] [--medium tv] [--format F] [--fail-on error|warning|info]
//                [--stdin-filename NAME] [--jobs N] [--dictionaries DIR] [--xml-map M]
//                [--html-selector XPATH] FILE…|-`
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/batch.h"
#include "cli/commands.h"

namespace wenfeng::cli {

int check_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv,
                           {"--profile", "--kind", "--medium", "--format", "--fail-on", "--stdin-filename", "--jobs",
                            "--dictionaries", "--xml-map", "--html-selector"},
                           {"--pretty", "--color", "--no-color", "--english"});
  if (!parsed.ok()) {
    std::cerr << "wenfeng check: " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  const report::Format* format = report::find_format(args.get_or("--format", "text"), report::Command::kCheck);
  if (!format) {
    std::cerr << "wenfeng check: --format 只能是 " << report::format_names(report::Command::kCheck) << "\n";
    return 2;
  }
  lint::RunOptions o;
  if (auto f = args.get("--fail-on")) {
    model::Severity s;
    if (!model::parse_severity(*f, s)) {
      std::cerr << "wenfeng check: --fail-on 只能是 error、warning 或 info\n";
      return 2;
    }
    o.fail_on = s;
  }
  if (auto m = args.get("--medium"); m && *m != "tv" && *m != "print") {
    std::cerr << "wenfeng check: --medium 只能是 tv 或 print\n";
    return 2;
  }
  if (args.files.empty()) {
    std::cerr << "wenfeng check: 请给出要检查的文件（或 - 表示标准输入）\n"
                 "用法：wenfeng check [--profile P] [--kind K] [--medium tv] [--format "
              << report::format_names(report::Command::kCheck) << "] [--fail-on error|warning|info] FILE…\n";
    return 2;
  }
  auto jobs = parse_jobs(args.get("--jobs"));
  auto read = readers::read_options(args.get("--xml-map"), args.get("--html-selector"));
  for (const Error* e : {jobs.ok() ? nullptr : &jobs.error(), read.ok() ? nullptr : &read.error()})
    if (e) {
      std::cerr << "wenfeng check: " << e->message << "\n";
      return 2;
    }
  o.profile = args.get("--profile");
  o.kind = args.get("--kind");
  o.medium = args.get("--medium");
  o.stdin_filename = args.get_or("--stdin-filename", "");
  o.read = *read;
  o.dictionaries = args.get_or("--dictionaries", "");
  o.jobs = *jobs;
  report::RenderOptions ro;
  ro.pretty = args.has("--pretty");
  ro.color = args.has("--color") || (!args.has("--no-color") && ::isatty(1) && !std::getenv("NO_COLOR"));
  ro.english = args.has("--english");
  return run_batch("check", report::Command::kCheck, std::move(o), args.files, *format, ro);
}

}  // namespace wenfeng::cli
