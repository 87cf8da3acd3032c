// `check --format rdjson`: reviewdog's Diagnostic Format (one DiagnosticResult object),
// for `reviewdog -f=rdjson`. Columns are UTF-8 bytes, as that format defines them; fixes
// become suggestions.
#include "report/json_stream.h"
#include "report/located.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

const char* rd_severity(model::Severity s) {
  return s == model::Severity::kError ? "ERROR" : s == model::Severity::kWarning ? "WARNING" : "INFO";
}

void write_range(JsonWriter& j, const SourceSpan& s) {
  j.key("range").begin_object();
  j.key("start").begin_object().key("line").value(s.line).key("column").value(s.column).end_object();
  j.key("end").begin_object().key("line").value(s.end_line).key("column").value(s.end_column).end_object();
  j.end_object();
}

class Rdjson final : public JsonStream {
 public:
  explicit Rdjson(const RenderOptions& o) : JsonStream(o) {}

  void begin(Sink& sink) override {
    j_.begin_object();
    j_.key("source").begin_object().key("name").value("wenfeng").key("url").value(WENFENG_DOCS_URL).end_object();
    j_.key("diagnostics").begin_array();
    sink.write(j_.take());
  }

  void file(const lint::FileResult& f, Sink& sink) override {
    for_each_located(f, ColumnUnit::kByte, [&](const model::Diagnostic& d, const Position& p, const SourceSpan& s) {
      j_.begin_object();
      j_.key("message").value(d.text(o_.english));
      j_.key("location").begin_object();
      j_.key("path").value(f.path);
      write_range(j_, s);
      j_.end_object();
      j_.key("severity").value(rd_severity(d.severity));
      j_.key("source").begin_object().key("name").value("wenfeng").end_object();
      j_.key("code").begin_object().key("value").value(d.rule_id()).key("url").value(rule_help_uri(d.rule_id()));
      j_.end_object();
      if (d.fix) {
        j_.key("suggestions").begin_array().begin_object();
        write_range(j_, fix_span(f, d, p, ColumnUnit::kByte));
        j_.key("text").value(d.fix->replacement);
        j_.end_object().end_array();
      }
      j_.end_object();
    });
    sink.write(j_.take());
  }

};

}  // namespace

std::unique_ptr<Renderer> make_rdjson(const RenderOptions& o) { return std::make_unique<Rdjson>(o); }

}  // namespace wenfeng::report
