// Shared by the libFuzzer targets of tests/fuzz/ (built with -DWENFENG_FUZZ=ON and clang;
// run them with scripts/fuzz). Each target feeds the bytes to one entry point the way the
// command line does, so that whatever a hostile file reaches, the fuzzer reaches too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenfeng::fuzz {

// Reads `bytes` as the file `name` (its extension picks the reader, as for
// --stdin-filename), counts it and renders the count in every format.
void count_bytes(std::string_view bytes, const std::string& name);

// The whole `wenfeng check` on `bytes` as the file `name` with the national profile and the
// shipped dictionaries, rendered in every check format.
void check_bytes(std::string_view bytes, const std::string& name);

// A scratch file in a directory of this process (for loaders that read paths).
std::string scratch_file(const std::string& name, std::string_view bytes);

// Aborts (a crash for the fuzzer) when the condition, an invariant of the code, fails.
void require(bool condition, const char* what);

}  // namespace wenfeng::fuzz
