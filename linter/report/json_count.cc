// `count --format json`: JSON v1 (README "JSON, version 1"), streamed file by file, with
// the total of the files that could be read at the end.
#include "report/json_writer.h"
#include "report/renderer.h"

namespace wenfeng::report {
namespace {

class JsonCount final : public Renderer {
 public:
  explicit JsonCount(const RenderOptions& o) : j_(o.pretty) {}

  void begin(Sink& sink) override {
    j_.begin_object();
    j_.key("version").value(1);
    j_.key("files").begin_array();
    sink.write(j_.take());
  }

  void file(const lint::FileResult& f, Sink& sink) override {
    j_.begin_object();
    write_path(j_, f.path);
    if (f.error) {
      j_.key("error");
      write_error(j_, *f.error);
    } else {
      j_.key("format").value(model::format_name(f.doc->format));
      if (!f.doc->encoding.empty()) j_.key("encoding").value(f.doc->encoding);
      j_.key("counts");
      write_counts(j_, f.counts);
      j_.key("pages");
      write_pages(j_, f.pages);
      total_ += f.counts;
    }
    j_.end_object();
    sink.write(j_.take());
  }

  void end(Sink& sink) override {
    j_.end_array();
    j_.key("total");
    write_counts(j_, total_);
    j_.end_object();
    sink.write(j_.take() + "\n");
  }

 private:
  JsonWriter j_;
  model::Counts total_;
};

}  // namespace

std::unique_ptr<Renderer> make_json_count(const RenderOptions& o) { return std::make_unique<JsonCount>(o); }

}  // namespace wenfeng::report
