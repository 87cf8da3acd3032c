// The whole `wenfeng check` on a text draft: reading, kind, every rule, every output format.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  wenfeng::fuzz::check_bytes({reinterpret_cast<const char*>(data), size}, "x.txt");
  return 0;
}
