// `wenfeng check [options] FILE…|DIR…|-` (options: the command table in app.cc).
#include "cli/batch.h"

namespace wenfeng::cli {

int check_command(const Args& args) {
  const CommandSpec& spec = *find_command("check");
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
  return run_batch(spec, report::Command::kCheck, std::move(o).value(), args);
}

}  // namespace wenfeng::cli
