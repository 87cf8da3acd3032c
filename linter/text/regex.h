// Unicode regular expressions (ICU) over UTF-8 text, with byte offsets in and out.
// Patterns come from profiles and dictionaries; a bad pattern is an Error, not a throw.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace wenfeng::text {

struct Match {
  std::size_t begin = 0;  // byte offsets in the searched string
  std::size_t end = 0;
};

class Regex {
 public:
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;

  static Result<Regex> compile(const std::string& pattern);
  // A pattern that compiled before (read back from the startup cache, base/cache.h):
  // compiled on first use, so that a run that never searches with it never pays for it.
  static Regex trusted(std::string pattern);

  // First match at or after byte offset `from`; thread-safe (one matcher per thread).
  bool search(std::string_view utf8, Match& m, std::size_t from = 0) const;
  // The same, with every capture group (groups[0] is the whole match; a group that did
  // not take part has begin == end == npos).
  bool search(std::string_view utf8, std::vector<Match>& groups, std::size_t from = 0) const;

  // Calls fn(groups) for each non-overlapping match.
  template <typename F>
  void for_each(std::string_view utf8, F&& fn) const {
    std::vector<Match> g;
    std::size_t from = 0;
    while (from <= utf8.size() && search(utf8, g, from)) {
      fn(g);
      from = g[0].end > g[0].begin ? g[0].end : g[0].end + 1;
      while (from < utf8.size() && (static_cast<unsigned char>(utf8[from]) & 0xC0) == 0x80) ++from;
    }
  }
  const std::string& pattern() const { return pattern_; }

 private:
  Regex() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
};

}  // namespace wenfeng::text
