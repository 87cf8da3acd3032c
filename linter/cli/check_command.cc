// `wenfeng check [--profile P] [--kind K] [--medium tv] [--format text|json]
//                [--fail-on error|warning|info] [--stdin-filename NAME] [--jobs N] FILE…|-`
#include <unistd.h>

#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "check/engine.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"
#include "report/check_report.h"

namespace wenfeng::cli {
namespace {

// Each distinct profile is loaded once, whichever thread asks first.
class ProfileCache {
 public:
  Result<std::shared_ptr<const profiles::Profile>> get(const std::string& id_or_path) {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = cache_.find(id_or_path);
    if (it != cache_.end()) return it->second;
    auto p = profiles::load_profile(id_or_path);
    if (!p.ok()) return p.error();
    auto ptr = std::make_shared<const profiles::Profile>(std::move(p).value());
    cache_.emplace(id_or_path, ptr);
    return ptr;
  }

 private:
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<const profiles::Profile>> cache_;
};

}  // namespace

int check_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv,
                           {"--profile", "--kind", "--medium", "--format", "--fail-on", "--stdin-filename", "--jobs",
                            "--dictionaries"},
                           {"--pretty", "--color", "--no-color"});
  if (!parsed.ok()) {
    std::cerr << "wenfeng check: " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  const std::string format = args.get_or("--format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "wenfeng check: --format 只能是 text 或 json\n";
    return 2;
  }
  std::optional<model::Severity> fail_on_option;
  if (auto f = args.get("--fail-on")) {
    model::Severity s;
    if (!model::parse_severity(*f, s)) {
      std::cerr << "wenfeng check: --fail-on 只能是 error、warning 或 info\n";
      return 2;
    }
    fail_on_option = s;
  }
  if (auto m = args.get("--medium"); m && *m != "tv" && *m != "print") {
    std::cerr << "wenfeng check: --medium 只能是 tv 或 print\n";
    return 2;
  }
  if (args.files.empty()) {
    std::cerr << "wenfeng check: 请给出要检查的文件（或 - 表示标准输入）\n"
                 "用法：wenfeng check [--profile P] [--kind K] [--medium tv] [--format text|json] "
                 "[--fail-on error|warning|info] FILE…\n";
    return 2;
  }
  ProfileCache cache;
  // An explicit profile or kind that cannot be used stops the run before any file is read.
  if (auto p = args.get("--profile")) {
    auto loaded = cache.get(*p);
    if (!loaded.ok()) {
      std::cerr << "wenfeng check: " << loaded.error().message << "\n";
      return 2;
    }
    if (auto k = args.get("--kind"); k && *k != "unknown" && !(*loaded)->kind(*k)) {
      std::cerr << "wenfeng check: 规范 " << (*loaded)->id << " 中没有类型 “" << *k << "”；用 wenfeng profiles "
                << (*loaded)->id << " 查看可用类型\n";
      return 2;
    }
  }
  unsigned jobs = default_threads();
  if (auto j = args.get("--jobs")) jobs = static_cast<unsigned>(std::max(1, std::atoi(j->c_str())));
  // The dictionaries are compiled once into one automaton shared by every file.
  auto phrase_set = phrases::load_phrase_set(args.get_or("--dictionaries", phrases::dictionaries_dir()));
  if (!phrase_set.ok()) {
    std::cerr << "wenfeng check: " << phrase_set.error().message << "\n";
    return 2;
  }

  struct Result_ {
    report::CheckedFile file;
    model::Severity fail_on = model::Severity::kError;
  };
  const std::string stdin_name = args.get_or("--stdin-filename", "");
  auto results = process_inputs<Result_>(args.files, stdin_name, jobs, [&](LoadedFile& in) {
    Result_ out;
    report::CheckedFile& f = out.file;
    f.path = in.path;
    if (in.error) {
      f.error = in.error;
      return out;
    }
    auto cfg = profiles::find_project_config(in.path == "<stdin>" ? "-" : in.path);
    if (!cfg.ok()) {
      f.error = cfg.error();
      return out;
    }
    const std::string profile_ref = args.get("--profile").value_or(cfg->profile.value_or("national"));
    auto profile = cache.get(profile_ref);
    if (!profile.ok()) {
      f.error = profile.error();
      return out;
    }
    const profiles::Profile& pr = **profile;
    if (fail_on_option) out.fail_on = *fail_on_option;
    else if (cfg->fail_on && !model::parse_severity(*cfg->fail_on, out.fail_on)) {
      f.error = make_error(ErrorCode::kConfig, cfg->path + ": fail-on 只能是 error、warning 或 info");
      return out;
    }
    auto kind = check::choose_kind(*in.doc, pr, args.get("--kind"), cfg->kind);
    if (!kind.ok()) {
      f.error = kind.error();
      return out;
    }
    check::Options opt;
    opt.phrases = phrase_set->get();
    opt.ignore = cfg->ignore;
    opt.medium = args.get("--medium");
    if (!opt.medium) opt.medium = cfg->medium;
    auto rep = check::check_document(*in.doc, pr, *kind, opt);
    if (!rep.ok()) {
      f.error = rep.error();
      return out;
    }
    f.profile_id = pr.id;
    f.profile_name = pr.name;
    f.profile_chain = pr.chain;
    f.report = std::move(rep).value();
    f.doc = std::move(in.doc);
    return out;
  });

  std::vector<report::CheckedFile> files;
  int status = 0;
  for (auto& r : results) {
    if (r.file.error) status = 2;
    else if (status == 0)
      for (const auto& d : r.file.report->findings)
        if (d.severity >= r.fail_on) status = 1;
    files.push_back(std::move(r.file));
  }
  if (format == "json") {
    std::cout << report::render_json(files, args.has("--pretty"));
  } else {
    const bool color = args.has("--color") || (!args.has("--no-color") && ::isatty(1) && !std::getenv("NO_COLOR"));
    std::cout << report::render_text(files, color);
  }
  for (const auto& f : files)
    if (f.error)
      std::cerr << f.path << ": 错误[" << error_code_name(f.error->code) << "] " << f.error->message << "\n";
  // A file error outranks findings in the exit status.
  for (const auto& f : files)
    if (f.error) status = 2;
  return status;
}

}  // namespace wenfeng::cli
