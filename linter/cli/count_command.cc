// `wenfeng count [options] FILE…|DIR…|-` (options: the command table in app.cc).
#include <sstream>

#include "cli/batch.h"

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

int count_command(const Args& args) {
  const CommandSpec& spec = *find_command("count");
  auto scope = parse_scope(args.get_or("--include", ""));
  if (!scope.ok()) return usage_error(spec, scope.error().message);
  auto o = input_options(args);
  if (!o.ok()) return usage_error(spec, o.error().message);
  o->count_scope = *scope;
  return run_batch(spec, report::Command::kCount, std::move(o).value(), args);
}

}  // namespace wenfeng::cli
