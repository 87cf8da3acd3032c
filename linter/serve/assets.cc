#include "serve/assets.h"

#include <map>
#include <string>

namespace wenfeng::serve {
namespace {

std::string_view content_type(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

}  // namespace

const Asset* find_asset(std::string_view path) {
  static const std::map<std::string, Asset, std::less<>> table = [] {
    std::map<std::string, Asset, std::less<>> t;
    for (const auto& f : embedded_files()) t.emplace(std::string(f.path), Asset{f.data, content_type(f.path)});
    if (auto it = t.find("/index.html"); it != t.end()) t.emplace("/", it->second);
    return t;
  }();
  auto it = table.find(path);
  return it == table.end() ? nullptr : &it->second;
}

}  // namespace wenfeng::serve
