// Reading an input file from disk (or stdin) and choosing the reader by content, then by
// name. Inputs are only ever opened read-only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"
#include "readers/xml_reader.h"
#include "readers/zip_archive.h"

namespace wenfeng::readers {

// A file is refused from its size before anything is read; a stream of unknown length
// (standard input, a pipe) is read up to its own, smaller cap and refused past it.
constexpr std::size_t kMaxInputBytes = 512u << 20;
constexpr std::size_t kMaxStreamBytes = 64u << 20;

// Reads a whole regular file (base/io.h); errors for missing, directory, FIFO or device,
// symlink loop, unreadable, empty, too large.
Result<std::string> read_file_bytes(const std::string& path);
// Standard input: a regular file (a redirect) is checked against kMaxInputBytes from its
// size, anything else read with kMaxStreamBytes as the cap.
Result<std::string> read_stdin_bytes();
// Options for the markup readers (from the command line or the profile).
struct ReadOptions {
  XmlMap xml_map;             // XPath map for generic XML
  std::string html_selector;  // XPath of the HTML main content; empty = heuristic
  ZipLimits zip;              // caps for DOCX/ODT containers (the web service lowers them)
  bool docx_run_map = false;  // DOCX: record Document::origins (for writing back: annotate, fix)
};

// --xml-map and --html-selector from the command line.
Result<ReadOptions> read_options(const std::optional<std::string>& xml_map,
                                 const std::optional<std::string>& html_selector);

// Chooses the reader from the bytes (zip, OLE, PDF magic, markup) and the name's extension.
Result<model::Document> read_document(std::string_view bytes, std::string_view name, const ReadOptions& options = {});
// The same, taking the bytes: a UTF-8 text file's document holds them as its text (the file
// is not held twice).
Result<model::Document> read_owned_document(std::string&& bytes, std::string_view name, const ReadOptions& options = {});

}  // namespace wenfeng::readers
