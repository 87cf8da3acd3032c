// A minimal streaming JSON writer: objects, arrays, strings (escaped, UTF-8 kept), numbers.
// Commas are placed automatically; output is compact unless `pretty` is set.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace wenfeng::report {

class JsonWriter {
 public:
  explicit JsonWriter(bool pretty = false) : pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  JsonWriter& value(double d, int decimals);
  JsonWriter& value(bool b);
  JsonWriter& null();

  const std::string& str() const { return out_; }
  // Moves out what has been written so far (streaming output); the nesting state stays.
  std::string take() { return std::exchange(out_, std::string()); }
  std::size_t size() const { return out_.size(); }

  // A writer for elements of the innermost open container written apart (on another
  // thread) and spliced in with `join`: same nesting and indentation, each element after a
  // comma.
  JsonWriter fragment() const;
  // What to write of a fragment's output here, in order: its leading comma dropped when
  // nothing was written in the container yet. Empty output leaves the state as it was.
  std::string_view join(std::string_view bytes);

  // Appends s as a JSON string; bytes that are not UTF-8 become U+FFFD.
  static void escape(std::string& out, std::string_view s);

 private:
  static void escape_valid(std::string& out, std::string_view s);
  // The comma (and with `pretty` the line break) before a value or a key. Inline: called
  // for every key and value of a large report.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_.empty()) {
      if (!first_.back()) out_.push_back(',');
      first_.back() = 0;
      if (pretty_) newline();
    }
  }
  void newline();
  std::string out_;
  std::vector<unsigned char> first_;  // per open container: no element yet (1 or 0)
  bool after_key_ = false;
  bool pretty_;
};

}  // namespace wenfeng::report

namespace wenfeng::model {
struct Counts;
}
namespace wenfeng::layout {
struct PageEstimate;
}

namespace wenfeng::report {

// The JSON objects shared by `count` and `check` output.
void write_counts(JsonWriter& j, const model::Counts& c);
void write_error(JsonWriter& j, const Error& e);  // {code, message[, where]}
void write_pages(JsonWriter& j, const layout::PageEstimate& p);
// "path": the path (U+FFFD for bytes that are not UTF-8), and then "path_bytes": the exact
// bytes with \xHH for each byte outside printable ASCII, so a tool can still open the file.
void write_path(JsonWriter& j, std::string_view path);

}  // namespace wenfeng::report
