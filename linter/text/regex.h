// Unicode regular expressions (ICU) over UTF-8 text, with byte offsets in and out.
// Patterns come from profiles and dictionaries; a bad pattern is an Error, not a throw.
#pragma once

#include <memory>
#include <string>
#include <string_view>

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

  // First match at or after byte offset `from`; thread-safe (a matcher per call).
  bool search(std::string_view utf8, Match& m, std::size_t from = 0) const;
  const std::string& pattern() const { return pattern_; }

 private:
  Regex() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string pattern_;
};

}  // namespace wenfeng::text
