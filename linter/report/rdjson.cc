// `check --format rdjson`: reviewdog's Diagnostic Format (one DiagnosticResult object),
// for `reviewdog -f=rdjson`. Columns are UTF-8 bytes, as that format defines them; a grouped
// finding (one rule repeated in a paragraph) is one diagnostic with the others as
// related_locations; fixes become suggestions, one per occurrence.
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
  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_fragment(*this, f, out); }

  void begin(Sink& sink) override {
    j_.begin_object();
    j_.key("source").begin_object().key("name").value("wenfeng").key("url").value(WENFENG_DOCS_URL).end_object();
    j_.key("diagnostics").begin_array();
    sink.write(j_.take());
    frag_ = j_.fragment();
  }

  void file(const lint::FileResult& f, Sink& sink) override {
    // One diagnostic per group at its first occurrence (one review comment per problem),
    // the others as related locations, every occurrence's fix a suggestion.
    for_each_group(f, ColumnUnit::kByte, [&](const std::vector<Occurrence>& group) {
      const model::Diagnostic& d = *group.front().d;
      j_.begin_object();
      j_.key("message").value(d.text(o_.english) + group_note(group.size()));
      j_.key("location").begin_object();
      j_.key("path").value(f.path);
      write_range(j_, group.front().span);
      j_.end_object();
      j_.key("severity").value(rd_severity(d.severity));
      j_.key("source").begin_object().key("name").value("wenfeng").end_object();
      j_.key("code").begin_object().key("value").value(d.rule_id()).key("url").value(rule_help_uri(d.rule_id()));
      j_.end_object();
      bool any_fix = false;
      for (const auto& o : group) any_fix |= o.d->fix.has_value();
      if (any_fix) {
        j_.key("suggestions").begin_array();
        for (const auto& o : group) {
          if (!o.d->fix) continue;
          j_.begin_object();
          write_range(j_, fix_span(f, *o.d, *o.p, ColumnUnit::kByte));
          j_.key("text").value(o.d->fix->replacement);
          j_.end_object();
        }
        j_.end_array();
      }
      if (group.size() > 1) {
        j_.key("related_locations").begin_array();
        for (std::size_t k = 1; k < group.size(); ++k) {
          j_.begin_object();
          j_.key("message").value(group[k].d->text(o_.english));
          j_.key("location").begin_object().key("path").value(f.path);
          write_range(j_, group[k].span);
          j_.end_object();
          j_.end_object();
        }
        j_.end_array();
      }
      j_.end_object();
      if (j_.size() >= (64u << 10)) sink.write(j_.take());
    });
    sink.write(j_.take());
  }

};

}  // namespace

std::unique_ptr<Renderer> make_rdjson(const RenderOptions& o) { return std::make_unique<Rdjson>(o); }

}  // namespace wenfeng::report
