// A renderer that writes one JSON document as files come: `begin` opens the enclosing
// object and its array (the subclass writes them), `file` adds each file's entries, and
// `end` closes both.
#pragma once

#include "report/json_writer.h"
#include "report/renderer.h"

namespace wenfeng::report {

class JsonStream : public Renderer {
 public:
  void end(Sink& sink) override {
    j_.end_array();
    j_.end_object();
    sink.write(j_.take() + "\n");
  }

 protected:
  explicit JsonStream(const RenderOptions& o) : o_(o), j_(o.pretty) {}
  RenderOptions o_;
  JsonWriter j_;
};

}  // namespace wenfeng::report
