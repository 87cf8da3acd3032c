// `check --format checkstyle` (Checkstyle 4.3 XML, read by Jenkins' Warnings plugin, Danger,
// reviewdog -f=checkstyle) and `--format junit` (JUnit XML: one test case per file, failed
// when the file has a finding at or above --fail-on; an unreadable file is an error). Both
// give a grouped finding (one rule repeated in a paragraph) once, with its count.
#include "report/located.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

constexpr const char* kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

class Checkstyle final : public Renderer {
 public:
  explicit Checkstyle(const RenderOptions& o) : o_(o) {}

  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_with_copy(*this, f, out); }

  void begin(Sink& sink) override { sink.write(std::string(kXmlDecl) + "<checkstyle version=\"4.3\">\n"); }

  void file(const lint::FileResult& f, Sink& sink) override {
    std::string out = "<file name=\"" + xml_escape(f.path) + "\">\n";
    if (f.error)
      out += "<error line=\"1\" severity=\"error\" message=\"" + xml_escape(f.error->message) +
             "\" source=\"wenfeng.input." + error_code_name(f.error->code) + "\"/>\n";
    // One error per group, at its first occurrence, with the count: what CI tools turn
    // into review comments and issue tables.
    for_each_group(f, o_.column_unit, [&](const std::vector<Occurrence>& group) {
      const model::Diagnostic& d = *group.front().d;
      const SourceSpan& s = group.front().span;
      out += "<error line=\"" + std::to_string(s.line) + "\" column=\"" + std::to_string(s.column) +
             "\" severity=\"" + model::severity_name(d.severity) + "\" message=\"" +
             xml_escape(d.text(o_.english) + group_note(group.size())) + "\" source=\"wenfeng." + std::string(d.rule_id()) +
             "\"/>\n";
    });
    sink.write(out + "</file>\n");
  }

  void end(Sink& sink) override { sink.write("</checkstyle>\n"); }

 private:
  RenderOptions o_;
};

class Junit final : public Renderer {
 public:
  explicit Junit(const RenderOptions& o) : o_(o) {}

  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_with_copy(*this, f, out); }

  void begin(Sink& sink) override { sink.write(std::string(kXmlDecl) + "<testsuites name=\"wenfeng\">\n"); }

  void file(const lint::FileResult& f, Sink& sink) override {
    const std::string name = xml_escape(f.path);
    const bool failed = !f.error && f.fails();
    std::string out = "<testsuite name=\"" + name + "\" tests=\"1\" failures=\"" + (failed ? "1" : "0") +
                      "\" errors=\"" + (f.error ? "1" : "0") + "\">\n<testcase classname=\"wenfeng.check\" name=\"" +
                      name + "\" file=\"" + name + "\">\n";
    if (f.error) {
      out += "<error type=\"" + std::string(error_code_name(f.error->code)) + "\" message=\"" +
             xml_escape(f.error->message) + "\"/>\n";
    } else {
      // A line per group with its count; the message counts every occurrence.
      std::string failing, below;
      std::size_t n = 0, groups = 0;
      for_each_group(f, o_.column_unit, [&](const std::vector<Occurrence>& group) {
        const model::Diagnostic& d = *group.front().d;
        const SourceSpan& s = group.front().span;
        const std::string line = xml_escape(f.path + ":" + std::to_string(s.line) + ":" + std::to_string(s.column) +
                                            ": " + model::severity_name(d.severity) + ": " + d.text(o_.english) +
                                            group_note(group.size()) + " [" + std::string(d.rule_id()) + "]") +
                                 "\n";
        if (d.severity >= f.fail_on) failing += line, n += group.size(), ++groups;
        else below += line;
      });
      if (failed)
        out += "<failure type=\"wenfeng\" message=\"" + std::to_string(n) + " 个问题" +
               (groups < n ? "（" + std::to_string(groups) + " 组）" : std::string()) + "达到 --fail-on 级别（" +
               model::severity_name(f.fail_on) + "）\">" + failing + "</failure>\n";
      if (!below.empty()) out += "<system-out>" + below + "</system-out>\n";
    }
    sink.write(out + "</testcase>\n</testsuite>\n");
  }

  void end(Sink& sink) override { sink.write("</testsuites>\n"); }

 private:
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_checkstyle(const RenderOptions& o) { return std::make_unique<Checkstyle>(o); }
std::unique_ptr<Renderer> make_junit(const RenderOptions& o) { return std::make_unique<Junit>(o); }

}  // namespace wenfeng::report
