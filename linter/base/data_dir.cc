#include "base/data_dir.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace wenfeng {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> candidates() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("WENFENG_DATA_DIR"); env && *env) out.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path()) {
    const fs::path bin = exe.parent_path();
    out.push_back((bin.parent_path() / "share" / "wenfeng").string());
    out.push_back(bin.parent_path().string());
  }
#ifdef WENFENG_SOURCE_DATA_DIR
  out.emplace_back(WENFENG_SOURCE_DATA_DIR);
#endif
#ifdef WENFENG_INSTALL_DATA_DIR
  out.emplace_back(WENFENG_INSTALL_DATA_DIR);
#endif
  return out;
}

}  // namespace

const std::string& data_dir() {
  static const std::string dir = [] {
    const auto all = candidates();
    const bool env_set = std::getenv("WENFENG_DATA_DIR") && *std::getenv("WENFENG_DATA_DIR");
    if (env_set) return all.front();  // what the user asked for, even if it is wrong
    for (const auto& c : all) {
      std::error_code ec;
      if (fs::is_directory(fs::path(c) / "profiles", ec)) return c;
    }
    return all.empty() ? std::string(".") : all.front();
  }();
  return dir;
}

std::string data_dir_hint() {
  return "数据目录 " + data_dir() + "（可用环境变量 WENFENG_DATA_DIR 另行指定）";
}

}  // namespace wenfeng
