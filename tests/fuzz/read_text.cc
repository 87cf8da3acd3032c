// The text reader as the command line reaches it (`wenfeng count x.txt`): read, count, render.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  wenfeng::fuzz::count_bytes({reinterpret_cast<const char*>(data), size}, "x.txt");
  return 0;
}
