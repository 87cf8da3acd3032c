// `check --format json`: JSON v1 (README "JSON, version 1"), streamed file by file.
#include <cmath>

#include "report/json_stream.h"
#include "report/position.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

class JsonCheck final : public JsonStream {
 public:
  explicit JsonCheck(const RenderOptions& o) : JsonStream(o) {}
  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_fragment(*this, f, out); }

  void file(const lint::FileResult& f, Sink& sink) override {
    if (open_file(f, sink)) return;
    const auto& r = *f.report;
    const auto& doc = *f.doc;
    j_.key("format").value(model::format_name(doc.format));
    j_.key("profile").begin_object();
    j_.key("id").value(f.profile->id);
    j_.key("name").value(f.profile->name);
    j_.key("chain").begin_array();
    for (const auto& c : f.profile->chain) j_.value(c);
    j_.end_array();
    j_.end_object();
    j_.key("kind").begin_object();
    j_.key("id").value(r.kind.id);
    j_.key("source").value(model::kind_source_name(r.kind.source));
    j_.key("reason").value(r.kind.reason);
    j_.key("guessed").value(r.kind.guessed());
    j_.end_object();
    j_.key("counts");
    write_counts(j_, r.m.counts);
    j_.key("body").begin_object();
    j_.key("figure").value(r.m.body_figure);
    j_.key("counts");
    write_counts(j_, r.m.body.counts);
    j_.key("excluded").begin_array();
    for (const auto& e : r.m.body.excluded) j_.value(e);
    j_.end_array();
    j_.end_object();
    j_.key("pages");
    write_pages(j_, r.m.pages);
    j_.key("durations").begin_object();
    if (r.m.durations.tv_seconds) {
      j_.key("tv_seconds").value(std::round(*r.m.durations.tv_seconds), 0);
      j_.key("tv_rate").value(r.m.durations.tv_rate, 0);
    }
    if (r.m.durations.speech_minutes) {
      j_.key("speech_minutes").value(*r.m.durations.speech_minutes, 1);
      j_.key("speech_rate").value(r.m.durations.speech_rate, 0);
    }
    j_.end_object();
    j_.key("findings").begin_array();
    // The overview of rules firing in most paragraphs leads; then one finding per group (a
    // rule and severity in a paragraph), with every occurrence of the group under
    // `occurrences`. The members follow their leader in its block: each group is positioned
    // by a locator of its own, so output streams with no vector of positions.
    Locator overview(doc, r.m.numbers);
    for (const auto& d : r.overview) {
      begin_finding(doc, d, overview.next(d));
      j_.end_object();
    }
    Locator locate(doc, r.m.numbers), members(doc, r.m.numbers);
    std::size_t counts_by[3] = {0, 0, 0};
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const auto& d = r.findings[i];
      ++counts_by[static_cast<int>(d.severity)];
      if (d.count == 0) continue;  // listed under its group's first finding
      const Position& p = locate.next(d);
      begin_finding(doc, d, p);
      if (d.count > 1) {
        j_.key("occurrences").begin_array();
        occurrence(d, p);
        for (std::size_t m = i + 1; m < r.findings.size() && r.findings[m].block == d.block; ++m)
          if (r.findings[m].count == 0 && r.findings[m].leader == i) occurrence(r.findings[m], members.next(r.findings[m]));
        j_.end_array();
      }
      j_.end_object();
      if (j_.size() >= (64u << 10)) sink.write(j_.take());  // bounded memory, any number of findings
    }
    j_.end_array();
    j_.key("summary").begin_object();
    j_.key("errors").value(counts_by[2]);
    j_.key("warnings").value(counts_by[1]);
    j_.key("infos").value(counts_by[0]);
    j_.end_object();
    j_.end_object();
    sink.write(j_.take());
  }

 private:
  void data(const model::Diagnostic& d) {
    if (d.data.empty() && !d.fix) return;
    j_.key("data").begin_object();
    for (const auto& [k, v] : d.data) j_.key(k).value(v);
    if (d.fix) j_.key("fix").value(d.fix->replacement);
    j_.end_object();
  }

  // A finding's object, left open for its occurrences.
  void begin_finding(const model::Document& doc, const model::Diagnostic& d, const Position& p) {
    j_.begin_object();
    j_.key("rule").value(d.rule_id());
    j_.key("severity").value(model::severity_name(d.severity));
    where(d, p);
    j_.key("document_level").value(d.document_level);
    j_.key("count").value(d.count);
    {
      // Where the finding is in the source file. DOCX: the paragraph's ordinal in its part
      // (word/document.xml, a footnote part…), not a line of XML. Other formats: the file's
      // line, and the column in code points, UTF-16 units and bytes.
      const auto loc = doc.position(d.block, d.offset);
      j_.key("location").begin_object();
      if (doc.format == model::Format::kDocx) {
        j_.key("part").value(loc.source);
        j_.key("paragraph").value(loc.line);
        j_.key("column").value(loc.column);
      } else {
        j_.key("source").value(loc.source);
        j_.key("line").value(loc.line);
        j_.key("column").value(loc.column);
        j_.key("column_utf16").value(source_column(doc, d.block, d.offset, ColumnUnit::kUtf16));
        j_.key("column_byte").value(source_column(doc, d.block, d.offset, ColumnUnit::kByte));
      }
      j_.end_object();
    }
    j_.key("source").begin_object();
    j_.key("issuer").value(d.source ? d.source->issuer : std::string());
    j_.key("document").value(d.source ? d.source->document : std::string());
    j_.key("part").value(d.source ? d.source->part : std::string());
    j_.end_object();
    data(d);
  }

  // message, paragraph, column, length (code points and UTF-16 units), excerpt
  void where(const model::Diagnostic& d, const Position& p) {
    j_.key("message").value(d.text(o_.english));
    j_.key("paragraph").value(p.paragraph);
    j_.key("column").value(p.column);
    j_.key("length").value(p.length);
    j_.key("column_utf16").value(p.column_utf16);
    j_.key("length_utf16").value(p.length_utf16);
    j_.key("excerpt").value(p.excerpt);
  }

  void occurrence(const model::Diagnostic& o, const Position& p) {
    j_.begin_object();
    where(o, p);
    data(o);
    j_.end_object();
  }
};

}  // namespace

std::unique_ptr<Renderer> make_json_check(const RenderOptions& o) { return std::make_unique<JsonCheck>(o); }

}  // namespace wenfeng::report
