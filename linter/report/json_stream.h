// A renderer that writes one JSON document as files come: `begin` opens the enclosing
// object and its array, `file` adds each file's entries, and `end` closes both. The
// default `begin` and `open_file` are JSON v1's (README "JSON, version 1"), shared by
// `check` and `count`.
#pragma once

#include "report/json_writer.h"
#include "report/renderer.h"

namespace wenfeng::report {

class JsonStream : public Renderer {
 public:
  void begin(Sink& sink) override {
    j_.begin_object();
    j_.key("version").value(1);
    j_.key("files").begin_array();
    sink.write(j_.take());
    frag_ = j_.fragment();
  }

  void commit(const lint::FileResult&, std::string_view bytes, Sink& sink) override { sink.write(j_.join(bytes)); }

  void end(Sink& sink) override {
    j_.end_array();
    j_.end_object();
    sink.write(j_.take() + "\n");
  }

 protected:
  explicit JsonStream(const RenderOptions& o) : o_(o), j_(o.pretty) {}
  // Opens a file's object with its path. A file that could not be read gets its error
  // and is closed and written here (true: nothing more to add).
  bool open_file(const lint::FileResult& f, Sink& sink) {
    j_.begin_object();
    write_path(j_, f.path);
    if (!f.error) return false;
    j_.key("error");
    write_error(j_, *f.error);
    j_.end_object();
    sink.write(j_.take());
    return true;
  }

  // `render` for a renderer whose `file` adds elements to the open array and keeps no other
  // state: `file` on a renderer of its own writing a fragment (JsonWriter::fragment).
  template <typename R>
  static void render_fragment(const R& r, const lint::FileResult& f, std::string& out) {
    R alone(r.o_);
    alone.j_ = r.frag_;
    BufferSink sink(out);
    alone.file(f, sink);
  }

  RenderOptions o_;
  JsonWriter j_;
  JsonWriter frag_;  // set by `begin`, read by `render`
};

}  // namespace wenfeng::report
