#include "cli/args.h"

namespace wenfeng::cli {

Result<Args> parse_args(const std::vector<std::string>& argv, const std::set<std::string>& valued,
                        const std::set<std::string>& boolean) {
  Args a;
  bool only_files = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (only_files || s == "-" || s.rfind("--", 0) != 0) {
      if (!only_files && s.size() > 1 && s[0] == '-' && s != "-")
        return make_error(ErrorCode::kUsage, "未知选项：" + s);
      a.files.push_back(s);
      continue;
    }
    if (s == "--") { only_files = true; continue; }
    std::string name = s, value;
    bool has_value = false;
    if (auto eq = s.find('='); eq != std::string::npos) {
      name = s.substr(0, eq);
      value = s.substr(eq + 1);
      has_value = true;
    }
    if (valued.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) return make_error(ErrorCode::kUsage, "选项 " + name + " 需要一个值");
        value = argv[++i];
      }
      a.options[name] = value;
    } else if (boolean.count(name) && !has_value) {
      a.flags.insert(name);
    } else {
      return make_error(ErrorCode::kUsage, "未知选项：" + name);
    }
  }
  return a;
}

}  // namespace wenfeng::cli
