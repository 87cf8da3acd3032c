// Writing a fixed or annotated copy: where it goes and how it is written.
//
// The copy goes to -o OUT, else beside the input as NAME.wenfeng.EXT; it goes over the
// input only with --in-place. It is written to a temporary file in the target's folder,
// flushed, and renamed over the target, so a reader never sees half a file and a failure
// leaves the target as it was (and no temporary behind). An in-place copy keeps the
// input's permission bits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"

namespace wenfeng::fix {

// The path to write for `input`. Errors: the path is the input without `in_place`; -o with
// standard input missing; -o given for more than one input is checked by the caller.
Result<std::string> output_path(const std::string& input, const std::optional<std::string>& output, bool in_place);

// True when both name the same file (the same inode when both exist, else the same path).
bool same_file(const std::string& a, const std::string& b);

// Atomically replaces (or creates) `path` with `bytes`; `mode_from`, when it names a file,
// gives the permission bits.
Status write_atomically(const std::string& path, std::string_view bytes, const std::string& mode_from = {});

}  // namespace wenfeng::fix
