// `wenfeng count [--format F] [--include notes,textboxes,headers,comments]
//                [--stdin-filename NAME] [--jobs N] [--xml-map M] [--html-selector XPATH] FILE…|-`
#include <iostream>
#include <sstream>

#include "cli/args.h"
#include "cli/batch.h"
#include "cli/commands.h"

namespace wenfeng::cli {
namespace {

Result<count::Scope> parse_scope(const std::string& spec) {
  count::Scope s;
  std::stringstream ss(spec);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    if (item == "notes" || item == "footnotes" || item == "endnotes") s.notes = true;
    else if (item == "textboxes") s.textboxes = true;
    else if (item == "headers" || item == "footers") s.headers = true;
    else if (item == "comments") s.comments = true;
    else if (item == "all") s.notes = s.textboxes = s.headers = s.comments = true;
    else
      return make_error(ErrorCode::kUsage,
                        "--include 不认识 “" + item + "”；可用 notes, textboxes, headers, comments, all");
  }
  return s;
}

}  // namespace

int count_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv, {"--format", "--include", "--stdin-filename", "--jobs", "--xml-map", "--html-selector"},
                           {"--pretty"});
  if (!parsed.ok()) {
    std::cerr << "wenfeng count: " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  const report::Format* format = report::find_format(args.get_or("--format", "text"), report::Command::kCount);
  if (!format) {
    std::cerr << "wenfeng count: --format 只能是 " << report::format_names(report::Command::kCount) << "\n";
    return 2;
  }
  auto scope = parse_scope(args.get_or("--include", ""));
  if (!scope.ok()) {
    std::cerr << "wenfeng count: " << scope.error().message << "\n";
    return 2;
  }
  if (args.files.empty()) {
    std::cerr << "wenfeng count: 请给出要统计的文件（或 - 表示标准输入）\n用法：wenfeng count [--format "
              << report::format_names(report::Command::kCount) << "] [--include …] FILE…\n";
    return 2;
  }
  auto jobs = parse_jobs(args.get("--jobs"));
  auto read = readers::read_options(args.get("--xml-map"), args.get("--html-selector"));
  for (const Error* e : {jobs.ok() ? nullptr : &jobs.error(), read.ok() ? nullptr : &read.error()})
    if (e) {
      std::cerr << "wenfeng count: " << e->message << "\n";
      return 2;
    }
  lint::RunOptions o;
  o.stdin_filename = args.get_or("--stdin-filename", "");
  o.read = *read;
  o.jobs = *jobs;
  o.count_scope = *scope;
  report::RenderOptions ro;
  ro.pretty = args.has("--pretty");
  return run_batch("count", report::Command::kCount, std::move(o), args.files, format, ro);
}

}  // namespace wenfeng::cli
