// The Word-compatible counts of a text (computed by linter/count; definitions there).
#pragma once

#include <cstdint>

namespace wenfeng::model {

struct Counts {
  std::uint64_t zishu = 0;
  std::uint64_t hanzi = 0;
  std::uint64_t non_cjk_words = 0;
  std::uint64_t chars_no_spaces = 0;
  std::uint64_t chars_with_spaces = 0;
  std::uint64_t paragraphs = 0;

  Counts& operator+=(const Counts& o) {
    zishu += o.zishu;
    hanzi += o.hanzi;
    non_cjk_words += o.non_cjk_words;
    chars_no_spaces += o.chars_no_spaces;
    chars_with_spaces += o.chars_with_spaces;
    paragraphs += o.paragraphs;
    return *this;
  }
  bool operator==(const Counts&) const = default;
};

}  // namespace wenfeng::model
