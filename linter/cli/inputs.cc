#include "cli/inputs.h"

#include <thread>

#include "readers/input.h"

namespace wenfeng::cli {

std::string error_line(const std::string& path, const Error& e) {
  return path + ": 错误[" + error_code_name(e.code) + "] " + e.message +
         (e.where.empty() ? "" : "（位置 " + e.where + "）") + "\n";
}

unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

Result<readers::ReadOptions> read_options(const std::optional<std::string>& xml_map,
                                          const std::optional<std::string>& html_selector) {
  readers::ReadOptions o;
  if (xml_map) {
    auto m = readers::parse_xml_map(*xml_map);
    if (!m.ok()) return m.error();
    o.xml_map = *m;
  }
  if (html_selector) o.html_selector = *html_selector;
  return o;
}

LoadedFile load_one(const std::string& path, const std::string& stdin_name, const readers::ReadOptions& options) {
  LoadedFile f;
  const bool is_stdin = path == "-";
  f.path = is_stdin ? (stdin_name.empty() ? "<stdin>" : stdin_name) : path;
  auto bytes = is_stdin ? readers::read_stdin_bytes() : readers::read_file_bytes(path);
  if (!bytes.ok()) {
    f.error = bytes.error();
    return f;
  }
  auto doc = readers::read_document(*bytes, is_stdin ? stdin_name : path, options);
  if (!doc.ok()) {
    f.error = doc.error();
    return f;
  }
  f.doc = std::move(doc).value();
  return f;
}

}  // namespace wenfeng::cli
