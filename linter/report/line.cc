// `check --format line`: one finding a line, `path:line:col: severity: message [rule]`, the
// form compilers print and editors' error parsers read (Vim's errorformat
// `%f:%l:%c: %t%*[a-z]: %m`, efm-langserver, ALE). Columns in --column-unit (Vim counts
// bytes). `github`: the same findings as GitHub Actions workflow commands, which the
// Actions log shows as annotations on the file and line.
#include "report/located.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

class Line final : public Renderer {
 public:
  explicit Line(const RenderOptions& o) : o_(o) {}

  void file(const lint::FileResult& f, Sink& sink) override {
    std::string out;
    for_each_located(f, o_.column_unit, [&](const model::Diagnostic& d, const Position&, const SourceSpan& s) {
      const char* color = !o_.color ? ""
                          : d.severity == model::Severity::kError   ? "\033[31m"
                          : d.severity == model::Severity::kWarning ? "\033[33m"
                                                                    : "\033[36m";
      out += f.path + ":" + std::to_string(s.line) + ":" + std::to_string(s.column) + ": " + color +
             model::severity_name(d.severity) + (o_.color ? "\033[0m" : "") + ": " + one_line(d.text(o_.english)) +
             " [" + std::string(d.rule_id()) + "]\n";
    });
    sink.write(out);
  }

 private:
  static std::string one_line(std::string s) {
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
    return s;
  }
  RenderOptions o_;
};

// Workflow command escaping: the message (data) and the properties (file=…, title=…).
std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out.push_back(c);
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out.push_back(c);
  }
  return out;
}

class Github final : public Renderer {
 public:
  explicit Github(const RenderOptions& o) : o_(o) {}

  void file(const lint::FileResult& f, Sink& sink) override {
    const std::string file = escape_property(utf8_sanitize(f.path));
    if (f.error) {
      sink.write("::error file=" + file + ",title=wenfeng::" + escape_data(utf8_sanitize(f.error->message)) + "\n");
      return;
    }
    std::string out;
    for_each_located(f, o_.column_unit, [&](const model::Diagnostic& d, const Position&, const SourceSpan& s) {
      const char* level = d.severity == model::Severity::kError   ? "error"
                          : d.severity == model::Severity::kWarning ? "warning"
                                                                    : "notice";
      out += std::string("::") + level + " file=" + file + ",line=" + std::to_string(s.line) +
             ",col=" + std::to_string(s.column) + ",endLine=" + std::to_string(s.end_line) +
             ",endColumn=" + std::to_string(s.end_column) + ",title=" + escape_property(d.rule_id()) +
             "::" + escape_data(d.text(o_.english)) + "\n";
    });
    sink.write(out);
  }

 private:
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_line(const RenderOptions& o) { return std::make_unique<Line>(o); }
std::unique_ptr<Renderer> make_github(const RenderOptions& o) { return std::make_unique<Github>(o); }

}  // namespace wenfeng::report
