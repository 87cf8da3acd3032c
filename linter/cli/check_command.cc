// `wenfeng check [--profile P] [--kind K] [--medium tv] [--format text|json]
//                [--fail-on error|warning|info] [--stdin-filename NAME] [--jobs N] FILE…|-`
#include <unistd.h>

#include <iostream>
#include <map>
#include <memory>
#include <mutex>

#include "base/parallel.h"
#include "check/engine.h"
#include "readers/input.h"
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
                            "--dictionaries", "--xml-map", "--html-selector"},
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
  auto cli_read = read_options(args.get("--xml-map"), args.get("--html-selector"));
  if (!cli_read.ok()) {
    std::cerr << "wenfeng check: " << cli_read.error().message << "\n";
    return 2;
  }
  // Per file: .wenfeng.yaml, then the profile (which may say how to read markup), then
  // the draft, then the rules. Standard input is read on this thread first.
  auto run_one = [&](const std::string& path, std::optional<std::string> stdin_bytes) {
    Result_ out;
    report::CheckedFile& f = out.file;
    const bool is_stdin = path == "-";
    f.path = is_stdin ? (stdin_name.empty() ? "<stdin>" : stdin_name) : path;
    auto cfg = profiles::find_project_config(path);
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
    readers::ReadOptions ro = *cli_read;
    auto from_profile = [&](const char* key, std::string& slot) {
      auto it = pr.xml_map.find(key);
      if (slot.empty() && it != pr.xml_map.end()) slot = it->second;
    };
    from_profile("title", ro.xml_map.title);
    from_profile("body", ro.xml_map.body);
    from_profile("items", ro.xml_map.items);
    from_profile("kind", ro.xml_map.kind);
    if (ro.html_selector.empty()) ro.html_selector = pr.html_selector;
    std::optional<model::Document> doc;
    if (is_stdin) {
      if (!stdin_bytes) {
        f.error = make_error(ErrorCode::kEmpty, "标准输入为空，没有可检查的内容");
        return out;
      }
      auto d = readers::read_document(*stdin_bytes, stdin_name, ro);
      if (!d.ok()) {
        f.error = d.error();
        return out;
      }
      doc = std::move(d).value();
    } else {
      LoadedFile in = load_one(path, stdin_name, ro);
      if (in.error) {
        f.error = in.error;
        return out;
      }
      doc = std::move(in.doc);
    }
    if (fail_on_option) out.fail_on = *fail_on_option;
    else if (cfg->fail_on && !model::parse_severity(*cfg->fail_on, out.fail_on)) {
      f.error = make_error(ErrorCode::kConfig, cfg->path + ": fail-on 只能是 error、warning 或 info");
      return out;
    }
    auto kind = check::choose_kind(*doc, pr, args.get("--kind"), cfg->kind);
    if (!kind.ok()) {
      f.error = kind.error();
      return out;
    }
    check::Options opt;
    opt.phrases = phrase_set->get();
    opt.ignore = cfg->ignore;
    opt.medium = args.get("--medium");
    if (!opt.medium) opt.medium = cfg->medium;
    auto rep = check::check_document(*doc, pr, *kind, opt);
    if (!rep.ok()) {
      f.error = rep.error();
      return out;
    }
    f.profile_id = pr.id;
    f.profile_name = pr.name;
    f.profile_chain = pr.chain;
    f.report = std::move(rep).value();
    f.doc = std::move(doc);
    return out;
  };
  std::optional<std::string> stdin_bytes;
  for (const auto& p : args.files)
    if (p == "-" && !stdin_bytes) {
      auto b = readers::read_stdin_bytes();
      if (b.ok()) stdin_bytes = std::move(b).value();
    }
  std::vector<Result_> results(args.files.size());
  parallel_for(args.files.size(), jobs,
               [&](std::size_t i) { results[i] = run_one(args.files[i], args.files[i] == "-" ? stdin_bytes : std::nullopt); });

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
      std::cerr << error_line(f.path, *f.error);
  // A file error outranks findings in the exit status.
  for (const auto& f : files)
    if (f.error) status = 2;
  return status;
}

}  // namespace wenfeng::cli
