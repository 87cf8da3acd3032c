// Word-compatible counting on any bytes (the readers hand over valid UTF-8, but the counters
// must stay in bounds whatever they get) and the position of the n-th unit.
#include "count/counter.h"
#include "fuzz_support.h"

using namespace wenfeng;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const auto c = count::count_text(s);
  fuzz::require(c.chars_no_spaces <= c.chars_with_spaces && c.hanzi <= c.zishu && c.zishu <= size,
                "counts are consistent");
  for (const char* unit : {"zishu", "hanzi", "chars_no_spaces"}) {
    const auto total = count::in_unit(c, unit);
    fuzz::require(count::offset_of_unit(s, unit, total) == s.size(), "past the last unit is the end");
    if (total > 0) fuzz::require(count::offset_of_unit(s, unit, total - 1) < s.size(), "the last unit is inside");
  }
  return 0;
}
