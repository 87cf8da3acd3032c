// `count --format json`: JSON v1 (README "JSON, version 1"), streamed file by file, with
// the total of the files that could be read at the end.
#include "report/json_stream.h"

namespace wenfeng::report {
namespace {

class JsonCount final : public JsonStream {
 public:
  explicit JsonCount(const RenderOptions& o) : JsonStream(o) {}

  void file(const lint::FileResult& f, Sink& sink) override {
    if (open_file(f, sink)) return;
    j_.key("format").value(model::format_name(f.doc->format));
    if (!f.doc->encoding.empty()) j_.key("encoding").value(f.doc->encoding);
    j_.key("counts");
    write_counts(j_, f.counts);
    j_.key("pages");
    write_pages(j_, f.pages);
    total_ += f.counts;
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
  model::Counts total_;
};

}  // namespace

std::unique_ptr<Renderer> make_json_count(const RenderOptions& o) { return std::make_unique<JsonCount>(o); }

}  // namespace wenfeng::report
