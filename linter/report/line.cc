// `check --format line`: one finding a line, `path:line:col: severity: message [rule]`, the
// form compilers print and editors' error parsers read (Vim's errorformat
// `%f:%l:%c: %t%*[a-z]: %m`, efm-langserver, ALE). Columns in --column-unit (Vim counts
// bytes); every occurrence of a grouped finding is a line, its message saying which of how
// many it is. `github`: GitHub Actions workflow commands, which the Actions log shows as
// annotations on the file and line: a rule firing in most paragraphs first, then one per
// group with its count and where the others are.
#include "report/located.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

class Line final : public Renderer {
 public:
  explicit Line(const RenderOptions& o) : o_(o) {}

  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_with_copy(*this, f, out); }

  void file(const lint::FileResult& f, Sink& sink) override {
    // Every occurrence a line, grouped ones saying so: an editor's error list jumps to each.
    std::string out;
    for_each_group(f, o_.column_unit, [&](const std::vector<Occurrence>& group) {
      for (std::size_t k = 0; k < group.size(); ++k) {
        const model::Diagnostic& d = *group[k].d;
        const SourceSpan& s = group[k].span;
        const char* color = !o_.color ? ""
                            : d.severity == model::Severity::kError   ? "\033[31m"
                            : d.severity == model::Severity::kWarning ? "\033[33m"
                                                                      : "\033[36m";
        out += f.path + ":" + std::to_string(s.line) + ":" + std::to_string(s.column) + ": " + color +
               model::severity_name(d.severity) + (o_.color ? "\033[0m" : "") + ": " + one_line(d.text(o_.english)) +
               occurrence_note(k + 1, group.size()) + " [" + std::string(d.rule_id()) + "]\n";
      }
      if (out.size() >= (64u << 10)) {
        sink.write(out);
        out.clear();
      }
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

  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_with_copy(*this, f, out); }

  void file(const lint::FileResult& f, Sink& sink) override {
    const std::string file = escape_property(utf8_sanitize(f.path));
    if (f.error) {
      sink.write("::error file=" + file + ",title=wenfeng::" + escape_data(utf8_sanitize(f.error->message)) + "\n");
      return;
    }
    // A rule firing in most paragraphs first (GitHub shows only the first few annotations of
    // a step), then one annotation per group with its count and where the others are.
    std::string out;
    auto level = [](model::Severity s) {
      return s == model::Severity::kError ? "error" : s == model::Severity::kWarning ? "warning" : "notice";
    };
    for_each_overview(f, o_.column_unit, [&](const model::Diagnostic& d, const SourceSpan& s) {
      out += std::string("::") + level(d.severity) + " file=" + file + ",line=" + std::to_string(s.line) +
             ",title=" + escape_property(d.rule_id()) + "::" + escape_data(d.text(o_.english)) + "\n";
    });
    for_each_group(f, o_.column_unit, [&](const std::vector<Occurrence>& group) {
      const model::Diagnostic& d = *group.front().d;
      const SourceSpan& s = group.front().span;
      std::string message = d.text(o_.english);
      if (group.size() > 1) {
        constexpr std::size_t kShown = 10;
        message += "（本段同类共 " + std::to_string(group.size()) + " 处，另见";
        for (std::size_t k = 1; k < group.size() && k <= kShown; ++k) {
          const SourceSpan& o = group[k].span;
          message += (k > 1 ? "、" : "") + (o.line == s.line ? std::string() : "第 " + std::to_string(o.line) + " 行") +
                     "第 " + std::to_string(o.column) + " 列";
        }
        message += group.size() - 1 > kShown ? " 等）" : "）";
      }
      out += std::string("::") + level(d.severity) + " file=" + file + ",line=" + std::to_string(s.line) +
             ",col=" + std::to_string(s.column) + ",endLine=" + std::to_string(s.end_line) +
             ",endColumn=" + std::to_string(s.end_column) + ",title=" + escape_property(d.rule_id()) +
             "::" + escape_data(message) + "\n";
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
