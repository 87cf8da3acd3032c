// Edits to a part's bytes at known offsets, applied in one pass: insertions and replaced
// ranges. Everything outside the edits is copied as it is, so untouched markup stays byte
// for byte. An edit may lie inside a range another edit replaces (a text box inside a
// rewritten run): the outer edit's text is built with copy(), which applies the inner
// edits, and the top-level pass skips what the outer edit covers.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <tuple>

namespace wenfeng::annotate {

class Splicer {
 public:
  explicit Splicer(std::string_view src) : src_(src) {}

  // Inserts `text` at `pos`; insertions at one place come out by priority, then in the
  // order they were added.
  void insert(std::size_t pos, int priority, std::string text);
  // Replaces [begin, end) with `text`.
  void replace(std::size_t begin, std::size_t end, std::string text);
  // Appends the source bytes [begin, end) with the edits lying inside applied.
  void copy(std::size_t begin, std::size_t end, std::string& out) const;
  // The whole source with every edit applied.
  std::string apply() const;
  bool empty() const { return edits_.empty(); }
  std::string_view source() const { return src_; }

 private:
  // (begin, 0 for an insertion / 1 for a range, priority, sequence)
  using Key = std::tuple<std::size_t, int, int, std::size_t>;
  struct Edit {
    std::size_t end;
    std::string text;
  };
  std::string_view src_;
  std::map<Key, Edit> edits_;
  std::size_t seq_ = 0;
  std::size_t added_ = 0;  // bytes the edits insert, to size the result once
};

}  // namespace wenfeng::annotate
