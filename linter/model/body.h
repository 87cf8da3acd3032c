// The parts of a draft that limits apply to: the body (the main text minus title, 电头,
// 编者按 and captions) and, for bulletins, the items of an issue. Computed once per
// document by the lint driver (linter/lint/body.h) and read by the rules.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/counts.h"

namespace wenfeng::model {

// A counted block, from byte `begin` (a dateline skipped at its start) to its end.
struct Span {
  std::uint32_t block = 0;
  std::uint32_t begin = 0;
};

struct Body {
  std::vector<Span> spans;
  Counts counts;
  std::vector<std::string> excluded;  // what was left out, in Chinese
};

// One item of a bulletin issue.
struct Item {
  std::uint32_t title_block = 0;
  std::string title;
  bool research = false;
  std::string research_reason;  // why it was taken for a research item
  std::string found_by;         // how the item was found, when not by an editor's mark (else empty)
  std::vector<Span> spans;      // the item's counted text
  Counts counts;
};

}  // namespace wenfeng::model
