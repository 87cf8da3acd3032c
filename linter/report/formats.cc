#include "report/renderer.h"

namespace wenfeng::report {

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      {"text", Command::kCheck, "每条结果一行，附摘录、箭头和依据，每个文件后附汇总", make_text_check},
      {"json", Command::kCheck, "JSON v1（见 README）", make_json_check},
      {"sarif", Command::kCheck, "SARIF 2.1.0（GitHub 代码扫描等），列为 UTF-16", make_sarif},
      {"line", Command::kCheck, "每条一行 path:line:col: severity: message [rule]（--column-unit）", make_line},
      {"github", Command::kCheck, "GitHub Actions 注释（::error file=…）", make_github},
      {"checkstyle", Command::kCheck, "Checkstyle XML（Jenkins 等）", make_checkstyle},
      {"junit", Command::kCheck, "JUnit XML，每个文件一个测试", make_junit},
      {"rdjson", Command::kCheck, "reviewdog 诊断格式 rdjson（列为 UTF-8 字节）", make_rdjson},
      {"text", Command::kCount, "对齐的表格，多个文件时附合计", make_text_count},
      {"json", Command::kCount, "JSON v1（见 README）", make_json_count},
  };
  return table;
}

std::string rule_help_uri(std::string_view rule_id) {
  // docs/rules.md's heading anchor: "## punct.halfwidth" -> #puncthalfwidth
  std::string anchor;
  for (char c : rule_id)
    if (c != '.') anchor += c;
  return std::string(WENFENG_DOCS_URL) + "#" + anchor;
}

const Format* find_format(std::string_view name, Command command) {
  for (const auto& f : formats())
    if (f.name == name && f.command == command) return &f;
  return nullptr;
}

std::string format_names(Command command) {
  std::string out;
  for (const auto& f : formats())
    if (f.command == command) {
      if (!out.empty()) out += '|';
      out += f.name;
    }
  return out;
}

}  // namespace wenfeng::report
