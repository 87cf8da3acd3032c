#include "report/renderer.h"

namespace wenfeng::report {

const std::vector<Format>& formats() {
  static const std::vector<Format> table = {
      {"text", Command::kCheck, "每条结果一行，附摘录、箭头和依据，每个文件后附汇总", make_text_check},
      {"json", Command::kCheck, "JSON v1（见 README）", make_json_check},
      {"text", Command::kCount, "对齐的表格，多个文件时附合计", make_text_count},
      {"json", Command::kCount, "JSON v1（见 README）", make_json_count},
  };
  return table;
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
