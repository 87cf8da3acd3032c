#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include "lint/session.h"
#include "report/renderer.h"
#include "text/utf8.h"

namespace wenfeng::fuzz {
namespace {

class StringSink final : public report::Sink {
 public:
  void write(std::string_view s) override { out.append(s); }
  std::string out;
};

const lint::Session& session(const std::string& name, bool check) {
  static std::map<std::pair<std::string, bool>, std::unique_ptr<lint::Session>> sessions;
  auto& s = sessions[{name, check}];
  if (!s) {
    lint::RunOptions o;
    o.stdin_filename = name;
    o.jobs = 1;
    auto opened = lint::Session::open(std::move(o), check);
    require(opened.ok(), "the shipped dictionaries and the national profile load");
    s = std::move(opened).value();
  }
  return *s;
}

void render(const lint::FileResult& f, report::Command command) {
  for (const auto& format : report::formats()) {
    if (format.command != command) continue;
    StringSink sink;
    auto r = format.make({});
    r->begin(sink);
    r->file(f, sink);
    r->end(sink);
    // Whatever the input, the output is UTF-8 (and JSON stays JSON).
    require(text::find_invalid_utf8(sink.out) == std::string_view::npos, "output is valid UTF-8");
  }
}

void check_result(const lint::FileResult& f) {
  if (f.error) {
    require(!f.error->message.empty(), "an error has a message");
    return;
  }
  require(f.doc.has_value(), "a read file has a document");
  require(text::find_invalid_utf8(f.doc->text) == std::string_view::npos, "document text is valid UTF-8");
  for (const auto& b : f.doc->blocks) require(b.begin <= b.end && b.end <= f.doc->text.size(), "blocks in range");
}

}  // namespace

void require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "wenfeng fuzz invariant failed: %s\n", what);
  std::abort();
}

void count_bytes(std::string_view bytes, const std::string& name) {
  const std::string in(bytes);
  const auto f = session(name, false).count("-", &in);
  check_result(f);
  render(f, report::Command::kCount);
}

void check_bytes(std::string_view bytes, const std::string& name) {
  const std::string in(bytes);
  const auto f = session(name, true).check("-", &in);
  check_result(f);
  render(f, report::Command::kCheck);
}

std::string scratch_file(const std::string& name, std::string_view bytes) {
  static const std::string dir = [] {
    const char* shm = std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
    std::string d = std::string(shm) + "/wenfeng_fuzz_" + std::to_string(::getpid());
    std::filesystem::create_directories(d);
    return d;
  }();
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

}  // namespace wenfeng::fuzz
