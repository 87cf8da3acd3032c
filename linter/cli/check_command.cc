// `wenfeng check [options] FILE…|DIR…|-` and `wenfeng annotate [options] FILE.docx…`
// (options: the command table in app.cc).
#include <filesystem>

#include "cli/batch.h"
#include "cli/write_back.h"

namespace wenfeng::cli {
namespace {

int check_or_annotate(const Args& args, bool annotate) {
  const CommandSpec& spec = *find_command(annotate ? "annotate" : "check");
  auto o = input_options(args);
  if (!o.ok()) return usage_error(spec, o.error().message);
  if (auto f = args.get("--fail-on")) {
    model::Severity s;
    model::parse_severity(*f, s);  // validated by the option table
    o->fail_on = s;
  }
  o->profile = args.get("--profile");
  o->kind = args.get("--kind");
  o->medium = args.get("--medium");
  o->dictionaries = args.get_or("--dictionaries", "");
  WriteBack wb;
  wb.annotate = annotate ? !args.has("--fix-only") : args.has("--annotate");
  wb.fix = annotate ? !args.has("--no-fix") : args.has("--fix") || args.has("--annotate");
  wb.diff = args.has("--diff");
  wb.in_place = args.has("--in-place");
  wb.english = args.has("--english");
  wb.to_stdout = annotate;
  if (annotate) wb.output = args.get("--output");  // check's -o is its report's
  std::error_code ec;  // a symlink loop or an unreadable path is one file here, reported when read
  const bool one_file = args.files.size() == 1 && !std::filesystem::is_directory(args.files[0], ec);
  if (annotate && args.has("--fix-only") && args.has("--no-fix")) return usage_error(spec, "--fix-only 与 --no-fix 不能同时使用");
  if (wb.diff && (!wb.fix || wb.annotate)) return usage_error(spec, "--diff 只与 --fix 一起使用");
  if (wb.in_place && !wb.any()) return usage_error(spec, "--in-place 只在写出副本时使用（annotate、--annotate、--fix）");
  if (wb.output && !one_file)
    return usage_error(spec, "-o 只能用于一个输入文件；多个文件时副本写在各自旁边（NAME.wenfeng.EXT）");
  if (wb.any()) {
    o->keep_input = true;
    o->read.docx_run_map = true;
  }
  return run_batch(spec, report::Command::kCheck, std::move(o).value(), args,
                   wb.any() ? FileHook([wb](lint::FileResult& f) { return write_back(f, wb); }) : FileHook(),
                   !annotate && !wb.diff);
}

}  // namespace

int check_command(const Args& args) { return check_or_annotate(args, false); }
int annotate_command(const Args& args) { return check_or_annotate(args, true); }

}  // namespace wenfeng::cli
