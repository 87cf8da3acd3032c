// One output interface for every command and format.
//
// A Renderer receives the run's results one file at a time, in input order, as they finish
// (lint::Session::run), and writes to a sink; `begin` and `end` frame the run (JSON's
// enclosing object, a text table's rows, totals). Formats are chosen by name from one table
// (formats.cc); each lives in its own file. To add a format: write the class, add a row.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lint/session.h"
#include "report/position.h"

namespace wenfeng::report {

enum class Command { kCheck, kCount };

struct RenderOptions {
  bool pretty = false;   // JSON indentation
  bool color = false;    // ANSI colours (text on a terminal)
  bool english = false;  // English messages where the rule has them
  bool quiet = false;    // findings only: no per-file summaries
  ColumnUnit column_unit = ColumnUnit::kCodepoint;  // line-oriented formats (line, github, checkstyle)
};

// Where output goes: stdout, a file, a buffer (tests, the language server).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(std::string_view s) = 0;
};

// A sink appending to a string (a file rendered on a worker thread, tests).
class BufferSink final : public Sink {
 public:
  explicit BufferSink(std::string& s) : s_(s) {}
  void write(std::string_view s) override { s_.append(s); }

 private:
  std::string& s_;
};

class Renderer {
 public:
  virtual ~Renderer() = default;
  virtual void begin(Sink&) {}
  virtual void file(const lint::FileResult& f, Sink& out) = 0;
  virtual void end(Sink&) {}

  // Rendering on the workers (cli/batch.cc, --jobs > 1): a renderer that can say what a
  // file's report is without the files before it returns true from `concurrent`; then,
  // after `begin`, `render` may run on any thread, for several files at once, and must read
  // nothing `commit` changes; `commit` gets each file's bytes in input order on the
  // emitting thread and writes them (a JSON array's comma, totals kept for `end`). Together
  // they write exactly what `file` writes.
  virtual bool concurrent() const { return false; }
  virtual void render(const lint::FileResult&, std::string&) const {}
  virtual void commit(const lint::FileResult&, std::string_view bytes, Sink& out) { out.write(bytes); }
};

// `render` for a renderer whose `file` keeps no state between files: `file` on a copy.
template <typename R>
void render_with_copy(const R& r, const lint::FileResult& f, std::string& out) {
  R alone(r);
  BufferSink sink(out);
  alone.file(f, sink);
}

struct Format {
  std::string_view name;
  Command command;
  std::string_view description;  // Chinese, for --help
  std::unique_ptr<Renderer> (*make)(const RenderOptions&);
};

// Every format, in the order --help lists them.
const std::vector<Format>& formats();
// The format `name` for `command`, or null.
const Format* find_format(std::string_view name, Command command);
// "text|json" for a command's usage line.
std::string format_names(Command command);

// The renderers (one file each).
std::unique_ptr<Renderer> make_text_check(const RenderOptions&);
std::unique_ptr<Renderer> make_json_check(const RenderOptions&);
std::unique_ptr<Renderer> make_text_count(const RenderOptions&);
std::unique_ptr<Renderer> make_json_count(const RenderOptions&);
std::unique_ptr<Renderer> make_sarif(const RenderOptions&);
std::unique_ptr<Renderer> make_line(const RenderOptions&);
std::unique_ptr<Renderer> make_github(const RenderOptions&);
std::unique_ptr<Renderer> make_checkstyle(const RenderOptions&);
std::unique_ptr<Renderer> make_junit(const RenderOptions&);
std::unique_ptr<Renderer> make_rdjson(const RenderOptions&);

// The link to a rule's entry in the rule reference (docs/rules.md), for LSP and SARIF.
std::string rule_help_uri(std::string_view rule_id);

}  // namespace wenfeng::report
