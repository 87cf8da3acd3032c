// Reading an input file from disk (or stdin) and choosing the reader by content, then by
// name. Inputs are only ever opened read-only.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace wenfeng::readers {

constexpr std::size_t kMaxInputBytes = 512u << 20;

// Reads a whole file; errors for missing, directory, unreadable, empty, too large.
Result<std::string> read_file_bytes(const std::string& path);
Result<std::string> read_stdin_bytes();

// Chooses the reader from the bytes (zip, OLE, PDF magic) and the name's extension.
Result<model::Document> read_document(std::string_view bytes, std::string_view name);

}  // namespace wenfeng::readers
