// `check --format sarif`: SARIF 2.1.0 (OASIS), as GitHub code scanning and other CI
// dashboards read it. One run; the tool's rules are the registry's (model/rule.h) with
// their descriptions, default levels and help links; regions are in UTF-16 code units
// (`columnKind: utf16CodeUnits`, what GitHub expects); a grouped finding (one rule repeated
// in a paragraph) is one result at its first occurrence with the others as
// relatedLocations; fixes are replacements, one per occurrence; files that could not be
// read are tool execution notifications and make the run unsuccessful.
// Validated against the official schema in tests/report/sarif_schema_test.cc.
#include "model/rule.h"
#include "report/json_writer.h"
#include "report/located.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

const char* level(model::Severity s) {
  return s == model::Severity::kError ? "error" : s == model::Severity::kWarning ? "warning" : "note";
}

void write_region(JsonWriter& j, const char* key, const SourceSpan& s) {
  j.key(key).begin_object();
  j.key("startLine").value(s.line);
  j.key("startColumn").value(s.column);
  j.key("endLine").value(s.end_line);
  j.key("endColumn").value(s.end_column);
  j.end_object();
}

void write_artifact(JsonWriter& j, const std::string& path) {
  j.key("artifactLocation").begin_object().key("uri").value(path_uri(path)).end_object();
}

class Sarif final : public Renderer {
 public:
  explicit Sarif(const RenderOptions& o) : o_(o), j_(o.pretty) {}

  bool concurrent() const override { return true; }
  // The results on a renderer of their own (JsonWriter::fragment); unreadable files are
  // collected here, in order, for the invocation's notifications.
  void render(const lint::FileResult& f, std::string& out) const override {
    if (f.error) return;
    Sarif alone(o_);
    alone.j_ = frag_;
    alone.index_ = index_;
    BufferSink sink(out);
    alone.file(f, sink);
  }
  void commit(const lint::FileResult& f, std::string_view bytes, Sink& sink) override {
    if (f.error) failures_.push_back({f.path, *f.error});
    else sink.write(j_.join(bytes));
  }

  void begin(Sink& sink) override {
    j_.begin_object();
    j_.key("$schema").value("https://json.schemastore.org/sarif-2.1.0.json");
    j_.key("version").value("2.1.0");
    j_.key("runs").begin_array().begin_object();
    j_.key("tool").begin_object().key("driver").begin_object();
    j_.key("name").value("wenfeng");
    j_.key("version").value(WENFENG_VERSION);
    j_.key("semanticVersion").value(WENFENG_VERSION);
    j_.key("informationUri").value(WENFENG_DOCS_URL);
    j_.key("rules").begin_array();
    for (const auto* r : model::rules()) {
      j_.begin_object();
      j_.key("id").value(r->id);
      j_.key("name").value(r->title);
      j_.key("shortDescription").begin_object().key("text").value(r->summary).end_object();
      j_.key("fullDescription").begin_object().key("text").value(r->description).end_object();
      j_.key("help").begin_object().key("text").value(std::string(r->description) + "\n报告：" +
                                                      std::string(r->measures) + "\n依据：" + r->source.text());
      j_.end_object();
      j_.key("helpUri").value(rule_help_uri(r->id));
      j_.key("defaultConfiguration").begin_object().key("level").value(level(r->severity)).end_object();
      j_.key("properties").begin_object().key("tags").begin_array().value(model::family_name(r->family));
      j_.end_array().end_object();
      j_.end_object();
      index_.push_back(r);
    }
    j_.end_array();
    j_.end_object().end_object();  // driver, tool
    j_.key("columnKind").value("utf16CodeUnits");
    j_.key("results").begin_array();
    sink.write(j_.take());
    frag_ = j_.fragment();
  }

  void file(const lint::FileResult& f, Sink& sink) override {
    if (f.error) {
      failures_.push_back({f.path, *f.error});
      return;
    }
    // One result per group (one rule and severity in one paragraph): one alert to triage
    // per problem, at its first occurrence, the others as related locations and every
    // occurrence's fix a replacement of the result's one fix. The overview of a rule
    // firing in most paragraphs is not a result: its occurrences all are.
    for_each_group(f, ColumnUnit::kUtf16, [&](const std::vector<Occurrence>& group) {
      const model::Diagnostic& d = *group.front().d;
      const Position& p = *group.front().p;
      j_.begin_object();
      j_.key("ruleId").value(d.rule_id());
      for (std::size_t i = 0; i < index_.size(); ++i)
        if (index_[i] == d.rule) j_.key("ruleIndex").value(static_cast<std::uint64_t>(i));
      j_.key("level").value(level(d.severity));
      j_.key("message").begin_object().key("text").value(d.text(o_.english) + group_note(group.size())).end_object();
      j_.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
      write_artifact(j_, f.path);
      write_region(j_, "region", group.front().span);
      j_.end_object().end_object().end_array();
      if (group.size() > 1) {
        j_.key("relatedLocations").begin_array();
        for (std::size_t k = 1; k < group.size(); ++k) {
          j_.begin_object();
          j_.key("id").value(static_cast<std::uint64_t>(k));
          j_.key("physicalLocation").begin_object();
          write_artifact(j_, f.path);
          write_region(j_, "region", group[k].span);
          j_.end_object();
          j_.key("message").begin_object().key("text").value(group[k].d->text(o_.english)).end_object();
          j_.end_object();
        }
        j_.end_array();
      }
      std::size_t fixes = 0;
      for (const auto& o : group) fixes += o.d->fix.has_value();
      if (fixes) {
        j_.key("fixes").begin_array().begin_object();
        const std::string what = fixes == 1 && d.fix ? "改为 “" + d.fix->replacement + "”"
                                                      : "逐处改正本段同类 " + std::to_string(fixes) + " 处";
        j_.key("description").begin_object().key("text").value(what).end_object();
        j_.key("artifactChanges").begin_array().begin_object();
        write_artifact(j_, f.path);
        j_.key("replacements").begin_array();
        for (const auto& o : group) {
          if (!o.d->fix) continue;
          j_.begin_object();
          write_region(j_, "deletedRegion", fix_span(f, *o.d, *o.p, ColumnUnit::kUtf16));
          j_.key("insertedContent").begin_object().key("text").value(o.d->fix->replacement).end_object();
          j_.end_object();
        }
        j_.end_array();
        j_.end_object().end_array();
        j_.end_object().end_array();
      }
      j_.key("properties").begin_object();
      j_.key("paragraph").value(p.paragraph);
      j_.key("occurrences").value(static_cast<std::uint64_t>(group.size()));
      j_.key("documentLevel").value(d.document_level);
      if (d.source && !d.source->text().empty()) j_.key("source").value(d.source->text());
      for (const auto& [k, v] : d.data) j_.key(k).value(v);
      j_.end_object();
      j_.end_object();
      if (j_.size() >= (64u << 10)) sink.write(j_.take());
    });
    sink.write(j_.take());
  }

  void end(Sink& sink) override {
    j_.end_array();  // results
    j_.key("invocations").begin_array().begin_object();
    j_.key("executionSuccessful").value(failures_.empty());
    if (!failures_.empty()) {
      j_.key("toolExecutionNotifications").begin_array();
      for (const auto& [path, e] : failures_) {
        j_.begin_object();
        j_.key("level").value("error");
        j_.key("message").begin_object().key("text").value(e.message).end_object();
        j_.key("descriptor").begin_object().key("id").value(error_code_name(e.code)).end_object();
        j_.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
        write_artifact(j_, path);
        j_.end_object().end_object().end_array();
        j_.end_object();
      }
      j_.end_array();
    }
    j_.end_object().end_array();
    j_.end_object().end_array();  // run, runs
    j_.end_object();
    sink.write(j_.take() + "\n");
  }

 private:
  RenderOptions o_;
  JsonWriter j_;
  JsonWriter frag_;  // set by `begin`, read by `render`
  std::vector<const model::RuleInfo*> index_;
  std::vector<std::pair<std::string, Error>> failures_;
};

}  // namespace

std::unique_ptr<Renderer> make_sarif(const RenderOptions& o) { return std::make_unique<Sarif>(o); }

}  // namespace wenfeng::report
