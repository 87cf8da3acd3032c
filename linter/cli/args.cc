#include "cli/args.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace wenfeng::cli {
namespace {

using T = OptionType;

// Every option of every command. Commands name the ones they take (commands.cc).
const std::vector<OptionSpec> kOptions = {
    {"--help", 'h', T::kFlag, {}, {}, 0, 0, "显示本命令的帮助"},
    {"--format", 0, T::kChoice, "F", {}, 0, 0, "输出格式"},
    {"--output", 'o', T::kString, "FILE", {}, 0, 0, "输出写入 FILE（默认标准输出）"},
    {"--profile", 0, T::kString, "P", {}, 0, 0, "规范 id 或规范文件路径（默认取 .wenfeng.yaml，否则 national）"},
    {"--kind", 0, T::kString, "K", {}, 0, 0, "稿件类型（默认取 .wenfeng.yaml、文档属性或自动判断）"},
    {"--medium", 0, T::kChoice, "M", "tv|print", 0, 0, "媒体：tv 时检查电视播报时长"},
    {"--fail-on", 0, T::kChoice, "S", "error|warning|info", 0, 0, "达到此级别的问题使退出码为 1（默认 error）"},
    {"--config", 0, T::kString, "FILE", {}, 0, 0, "使用此配置文件，不再查找 .wenfeng.yaml"},
    {"--no-config", 0, T::kFlag, {}, {}, 0, 0, "不读取任何 .wenfeng.yaml"},
    {"--stdin-filename", 0, T::kString, "NAME", {}, 0, 0,
     "标准输入代表的文件名：决定读取方式，并从它所在的文件夹查找 .wenfeng.yaml"},
    {"--jobs", 'j', T::kInteger, "N", {}, 1, 1024, "并行读取的文件数（默认：全部核心）"},
    {"--include", 0, T::kString, "PARTS", {}, 0, 0, "另计 notes,textboxes,headers,comments,all"},
    {"--dictionaries", 0, T::kString, "DIR", {}, 0, 0, "词典目录（默认：随附词典）"},
    {"--xml-map", 0, T::kString, "MAP", {}, 0, 0, "XML 的 XPath 映射：title=…,body=…,items=…,kind=…"},
    {"--html-selector", 0, T::kString, "XPATH", {}, 0, 0, "HTML 正文所在元素的 XPath"},
    {"--column-unit", 0, T::kChoice, "U", "codepoint|utf16|byte", 0, 0,
     "line、github、checkstyle 等格式的列单位（默认 codepoint；Vim 用 byte）"},
    {"--color", 0, T::kChoice, "WHEN", "auto|always|never", 0, 0, "颜色：终端上自动（NO_COLOR 关闭），或总是、从不",
     "always"},
    {"--no-color", 0, T::kFlag, {}, {}, 0, 0, "同 --color never"},
    {"--quiet", 'q', T::kFlag, {}, {}, 0, 0, "只输出问题和错误：不显示进度和每个文件的汇总"},
    {"--statistics", 0, T::kFlag, {}, {}, 0, 0, "结束时在标准错误上按规则统计问题数"},
    {"--pretty", 0, T::kFlag, {}, {}, 0, 0, "JSON 缩进排版"},
    {"--english", 0, T::kFlag, {}, {}, 0, 0, "规则有英文消息时用英文"},
    {"--stdio", 0, T::kFlag, {}, {}, 0, 0, "经标准输入输出通信（默认，仅为兼容编辑器客户端）"},
    {"--annotate", 0, T::kFlag, {}, {}, 0, 0, "另存 DOCX 副本 NAME.wenfeng.docx：问题写成批注，可自动修正的写成修订"},
    {"--fix", 0, T::kFlag, {}, {}, 0, 0, "写出修正后的副本 NAME.wenfeng.EXT（文本、XML、HTML；DOCX 为修订副本）"},
    {"--diff", 0, T::kFlag, {}, {}, 0, 0, "与 --fix 同用：不写文件，输出统一格式的差异（unified diff）"},
    {"--in-place", 0, T::kFlag, {}, {}, 0, 0, "副本直接替换原文件（原子写入）；不加此项时原稿从不改动"},
    {"--fix-only", 0, T::kFlag, {}, {}, 0, 0, "只写修订，不写批注"},
    {"--no-fix", 0, T::kFlag, {}, {}, 0, 0, "只写批注，不写修订"},
};

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string_view> split_choices(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const auto bar = s.find('|');
    out.push_back(s.substr(0, bar));
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : "；是不是 “" + c + "”？";
}

}  // namespace

const std::vector<OptionSpec>& option_table() { return kOptions; }

const OptionSpec* find_option(std::string_view name) {
  for (const auto& o : kOptions)
    if (o.name == name) return &o;
  return nullptr;
}

std::string closest(std::string_view word, const std::vector<std::string_view>& candidates) {
  // A word that starts a candidate ("warn" for "warning") is an abbreviation of it.
  if (word.size() >= 2)
    for (auto c : candidates)
      if (c.size() > word.size() && c.substr(0, word.size()) == word) return std::string(c);
  std::string_view best;
  std::size_t best_d = SIZE_MAX;
  for (auto c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) best_d = d, best = c;
  }
  // Close enough to be a typo: two edits (a swapped pair of letters is two), three for
  // long words, never more than a third of the word.
  const std::size_t limit = word.size() >= 9 ? 3 : word.size() >= 4 ? 2 : 1;
  return best_d <= limit ? std::string(best) : std::string();
}

Result<Args> parse_args(const std::vector<std::string>& argv, const std::vector<std::string_view>& allowed,
                        std::string_view format_choices) {
  Args a;
  std::vector<const OptionSpec*> specs;
  std::vector<std::string_view> names;
  for (auto n : allowed)
    if (const OptionSpec* s = find_option(n)) {
      specs.push_back(s);
      names.push_back(s->name);
    }
  auto by_name = [&](std::string_view n) -> const OptionSpec* {
    for (const auto* s : specs)
      if (s->name == n || (n.size() == 2 && n[0] == '-' && s->short_name == n[1])) return s;
    return nullptr;
  };
  bool only_files = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (only_files || s == "-" || s.empty() || s[0] != '-') {
      a.files.push_back(s);
      continue;
    }
    if (s == "--") {
      only_files = true;
      continue;
    }
    std::string name = s, value;
    bool has_value = false;
    if (s.rfind("--", 0) == 0) {
      if (auto eq = s.find('='); eq != std::string::npos) {
        name = s.substr(0, eq);
        value = s.substr(eq + 1);
        has_value = true;
      }
    } else if (s.size() > 2) {  // -j4, -oFILE
      name = s.substr(0, 2);
      value = s.substr(2);
      has_value = true;
    }
    const OptionSpec* spec = by_name(name);
    if (!spec)
      return make_error(ErrorCode::kUsage, "未知选项 “" + name + "”" + did_you_mean(name, names));
    const std::string key(spec->name);
    if (spec->type == T::kFlag) {
      if (has_value) return make_error(ErrorCode::kUsage, "选项 " + key + " 不带值");
      a.flags.insert(key);
      continue;
    }
    const std::string_view choices = spec->name == "--format" ? format_choices : spec->choices;
    if (!has_value) {
      const auto list = split_choices(choices);
      const bool next_is_choice =
          i + 1 < argv.size() && std::find(list.begin(), list.end(), std::string_view(argv[i + 1])) != list.end();
      if (!spec->bare_value.empty() && !next_is_choice) {
        a.options[key] = std::string(spec->bare_value);
        continue;
      }
      if (i + 1 >= argv.size()) return make_error(ErrorCode::kUsage, "选项 " + key + " 需要一个值（" + std::string(spec->value_name) + "）");
      value = argv[++i];
    }
    if (spec->type == T::kInteger) {
      errno = 0;
      char* end = nullptr;
      const long n = std::strtol(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || errno == ERANGE || n < spec->min || n > spec->max)
        return make_error(ErrorCode::kUsage, key + " 应为 " + std::to_string(spec->min) + "–" + std::to_string(spec->max) +
                                                 " 的整数，实际为 “" + value + "”");
    } else if (spec->type == T::kChoice && !choices.empty()) {
      const auto list = split_choices(choices);
      if (std::find(list.begin(), list.end(), std::string_view(value)) == list.end()) {
        std::string shown(choices);
        std::replace(shown.begin(), shown.end(), '|', '/');
        return make_error(ErrorCode::kUsage,
                          key + " 只能是 " + shown + "，实际为 “" + value + "”" + did_you_mean(value, list));
      }
    }
    a.options[key] = value;
  }
  return a;
}

}  // namespace wenfeng::cli
