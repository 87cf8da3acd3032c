#include "cli/inputs.h"

#include <thread>

#include "readers/input.h"

namespace wenfeng::cli {

unsigned default_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

LoadedFile load_one(const std::string& path, const std::string& stdin_name) {
  LoadedFile f;
  const bool is_stdin = path == "-";
  f.path = is_stdin ? (stdin_name.empty() ? "<stdin>" : stdin_name) : path;
  auto bytes = is_stdin ? readers::read_stdin_bytes() : readers::read_file_bytes(path);
  if (!bytes.ok()) {
    f.error = bytes.error();
    return f;
  }
  auto doc = readers::read_document(*bytes, is_stdin ? stdin_name : path);
  if (!doc.ok()) {
    f.error = doc.error();
    return f;
  }
  f.doc = std::move(doc).value();
  return f;
}

}  // namespace wenfeng::cli
