// The html reader as the command line reaches it (`wenfeng count x.html`): read, count, render.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  wenfeng::fuzz::count_bytes({reinterpret_cast<const char*>(data), size}, "x.html");
  return 0;
}
