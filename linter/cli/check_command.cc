// `wenfeng check [--profile P] [--kind K] [--medium tv] [--format F] [--fail-on error|warning|info]
//                [--stdin-filename NAME] [--jobs N] [--dictionaries DIR] [--xml-map M]
//                [--html-selector XPATH] [--annotate] [--fix [--diff]] [-o OUT] [--in-place] FILE…|-`
// `wenfeng annotate [the same options] [--fix-only|--no-fix] [-o OUT] [--in-place] FILE.docx…`
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/args.h"
#include "cli/batch.h"
#include "cli/commands.h"
#include "cli/write_back.h"

namespace wenfeng::cli {
namespace {

int check_or_annotate(std::vector<std::string> argv, bool annotate) {
  const char* name = annotate ? "annotate" : "check";
  for (auto& a : argv)
    if (a == "-o") a = "--output";  // the one short option: -o OUT
  auto parsed = parse_args(argv,
                           {"--profile", "--kind", "--medium", "--format", "--fail-on", "--stdin-filename", "--jobs",
                            "--dictionaries", "--xml-map", "--html-selector", "--output"},
                           {"--pretty", "--color", "--no-color", "--english", "--annotate", "--fix", "--diff",
                            "--in-place", "--fix-only", "--no-fix"});
  if (!parsed.ok()) {
    std::cerr << "wenfeng " << name << ": " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  WriteBack wb;
  wb.annotate = annotate ? !args.has("--fix-only") : args.has("--annotate");
  wb.fix = annotate ? !args.has("--no-fix") : args.has("--fix") || args.has("--annotate");
  wb.diff = args.has("--diff");
  wb.in_place = args.has("--in-place");
  wb.output = args.get("--output");
  wb.english = args.has("--english");
  wb.to_stdout = annotate;
  const char* misuse = nullptr;
  if (annotate && args.has("--fix-only") && args.has("--no-fix")) misuse = "--fix-only 与 --no-fix 不能同时使用";
  else if (!annotate && (args.has("--fix-only") || args.has("--no-fix"))) misuse = "--fix-only 和 --no-fix 是 annotate 的选项";
  else if (wb.diff && (!wb.fix || wb.annotate)) misuse = "--diff 只与 check --fix 一起使用";
  else if ((wb.output || wb.in_place) && !wb.any()) misuse = "-o 和 --in-place 只在写出文件时使用（annotate、--annotate、--fix）";
  else if (wb.output && args.files.size() > 1) misuse = "-o 只能用于一个输入文件；多个文件时副本写在各自旁边（NAME.wenfeng.EXT）";
  else if (annotate && args.get("--format")) misuse = "annotate 不输出检查报告；需要报告请用 check --annotate --format …";
  if (misuse) {
    std::cerr << "wenfeng " << name << ": " << misuse << "\n";
    return 2;
  }
  const report::Format* format = report::find_format(args.get_or("--format", "text"), report::Command::kCheck);
  if (!format) {
    std::cerr << "wenfeng " << name << ": --format 只能是 " << report::format_names(report::Command::kCheck) << "\n";
    return 2;
  }
  lint::RunOptions o;
  if (auto f = args.get("--fail-on")) {
    model::Severity s;
    if (!model::parse_severity(*f, s)) {
      std::cerr << "wenfeng " << name << ": --fail-on 只能是 error、warning 或 info\n";
      return 2;
    }
    o.fail_on = s;
  }
  if (auto m = args.get("--medium"); m && *m != "tv" && *m != "print") {
    std::cerr << "wenfeng " << name << ": --medium 只能是 tv 或 print\n";
    return 2;
  }
  if (args.files.empty()) {
    if (annotate)
      std::cerr << "wenfeng annotate: 请给出要写入批注的 DOCX 文件\n"
                   "用法：wenfeng annotate [--profile P] [--kind K] [--fix-only|--no-fix] [-o OUT.docx] [--in-place] "
                   "FILE.docx…\n";
    else
      std::cerr << "wenfeng check: 请给出要检查的文件（或 - 表示标准输入）\n"
                   "用法：wenfeng check [--profile P] [--kind K] [--medium tv] [--format "
                << report::format_names(report::Command::kCheck)
                << "] [--fail-on error|warning|info] [--annotate] [--fix [--diff]] [-o OUT] [--in-place] FILE…\n";
    return 2;
  }
  auto jobs = parse_jobs(args.get("--jobs"));
  auto read = readers::read_options(args.get("--xml-map"), args.get("--html-selector"));
  for (const Error* e : {jobs.ok() ? nullptr : &jobs.error(), read.ok() ? nullptr : &read.error()})
    if (e) {
      std::cerr << "wenfeng " << name << ": " << e->message << "\n";
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
  if (wb.any()) {
    o.keep_input = true;
    o.read.docx_run_map = true;
  }
  const bool render = !annotate && !wb.diff;
  return run_batch(name, report::Command::kCheck, std::move(o), args.files, render ? format : nullptr, ro,
                   wb.any() ? FileHook([wb](lint::FileResult& f) { return write_back(f, wb); }) : FileHook());
}

}  // namespace

int check_command(const std::vector<std::string>& argv) { return check_or_annotate(argv, false); }
int annotate_command(const std::vector<std::string>& argv) { return check_or_annotate(argv, true); }

}  // namespace wenfeng::cli
