// `wenfeng config [options] [FILE|DIR|-]`: the settings that apply to a file (or to files
// in a folder), each with where it came from — the command line, a configuration file, or
// the default — exactly as `check` resolves them (lint::Session::config_for).
#include <filesystem>
#include <iostream>

#include "cli/batch.h"
#include "report/json_writer.h"

namespace wenfeng::cli {
namespace {

struct Setting {
  const char* key;
  std::string value;   // empty: not set
  std::string source;  // "option", "config", "default"
  std::string where;   // the option or the file
  const char* unset;   // what happens when not set
};

}  // namespace

int config_command(const Args& args) {
  const CommandSpec& spec = *find_command("config");
  if (args.files.size() > 1) return usage_error(spec, "只能给出一个文件或文件夹");
  auto o = input_options(args);
  if (!o.ok()) return usage_error(spec, o.error().message);
  std::string target = args.files.empty() ? "." : args.files[0];
  // A folder stands for a file inside it.
  std::error_code ec;
  const std::string anchor = target != "-" && std::filesystem::is_directory(target, ec)
                                 ? (std::filesystem::path(target) / "x.txt").string()
                                 : target;
  auto session = lint::Session::open(std::move(o).value(), false);
  if (!session.ok()) {
    std::cerr << "wenfeng config: " << session.error().message << "\n";
    return 2;
  }
  auto cfg = (*session)->config_for(anchor);
  if (!cfg.ok()) {
    std::cerr << error_line(target, cfg.error());
    return 2;
  }
  const lint::RunOptions& ro = (*session)->options();
  std::string file_source = ro.no_config ? "--no-config" : ro.config_file ? "--config" : "search";
  auto pick = [&](const char* key, const char* option, const std::optional<std::string>& from_cfg,
                  std::string fallback, const char* unset) {
    Setting s{key, {}, "default", {}, unset};
    if (auto v = args.get(option)) s.value = *v, s.source = "option", s.where = option;
    else if (from_cfg) s.value = *from_cfg, s.source = "config", s.where = cfg->path;
    else s.value = std::move(fallback);
    return s;
  };
  std::vector<Setting> settings = {
      pick("profile", "--profile", cfg->profile, "national", ""),
      pick("kind", "--kind", cfg->kind, "", "由文档属性或标题导语判断"),
      pick("medium", "--medium", cfg->medium, "print", ""),
      pick("fail-on", "--fail-on", cfg->fail_on, "error", ""),
  };
  Setting ignore{"ignore", {}, cfg->ignore.empty() ? "default" : "config", cfg->ignore.empty() ? "" : cfg->path, "无"};
  for (const auto& i : cfg->ignore) ignore.value += (ignore.value.empty() ? "" : ", ") + i;
  settings.push_back(ignore);

  const std::string shown = target == "-" ? (ro.stdin_filename.empty() ? "<stdin>" : ro.stdin_filename) : target;
  if (args.get_or("--format", "text") == "json") {
    report::JsonWriter j(args.has("--pretty"));
    j.begin_object();
    j.key("path").value(shown);
    j.key("config_file");
    if (cfg->path.empty()) j.null();
    else j.value(cfg->path);
    j.key("config_from").value(file_source);
    j.key("settings").begin_object();
    for (const auto& s : settings) {
      j.key(s.key).begin_object();
      j.key("value");
      if (s.value.empty()) j.null();
      else j.value(s.value);
      j.key("source").value(s.source);
      if (!s.where.empty()) j.key("where").value(s.where);
      j.end_object();
    }
    j.end_object();
    j.end_object();
    std::cout << j.str() << "\n";
    return 0;
  }
  std::cout << "对 " << shown << " 生效的设置\n配置文件：";
  if (ro.no_config) std::cout << "（--no-config：不读取）\n";
  else if (cfg->path.empty()) std::cout << "（没有找到 .wenfeng.yaml）\n";
  else std::cout << cfg->path << (ro.config_file ? "（--config 指定）" : "（从文件所在文件夹向上查找）") << "\n";
  for (const auto& s : settings) {
    std::string k = s.key;
    k.resize(9, ' ');
    std::cout << "  " << k << (s.value.empty() ? std::string("（未设定：") + s.unset + "）" : s.value);
    if (s.source == "option") std::cout << "    ← 命令行 " << s.where;
    else if (s.source == "config") std::cout << "    ← " << s.where;
    else if (!s.value.empty()) std::cout << "    ← 默认";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace wenfeng::cli
