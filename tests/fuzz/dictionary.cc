// Phrase dictionaries (--dictionaries DIR): parsing any text, then building the automaton
// from what parsed (the matcher on text is fuzzed through check_text).
#include "fuzz_support.h"
#include "phrases/dictionary.h"
#include "text/utf8.h"

using namespace wenfeng;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (text::find_invalid_utf8(text) != std::string_view::npos) return 0;  // the loader refuses it first
  std::vector<phrases::Entry> entries;
  if (!phrases::parse_dictionary(text, "fuzz.dict", entries).ok()) return 0;
  if (entries.size() > 2000) return 0;
  const auto set = phrases::build_phrase_set(std::move(entries));
  fuzz::require(set != nullptr, "a phrase set");
  return 0;
}
