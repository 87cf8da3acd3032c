// Loading the files named on the command line (in parallel), each into a Document or an
// Error; a file that fails never stops the others.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/document.h"
#include "readers/input.h"

namespace wenfeng::cli {

struct LoadedFile {
  std::string path;  // as given ("-" shown as the --stdin-filename or "<stdin>")
  std::optional<model::Document> doc;
  std::optional<Error> error;
};

// Reads one input ("-" = standard input, read by the calling thread).
LoadedFile load_one(const std::string& path, const std::string& stdin_name, const readers::ReadOptions& options = {});

// --xml-map and --html-selector from the command line.
Result<readers::ReadOptions> read_options(const std::optional<std::string>& xml_map,
                                          const std::optional<std::string>& html_selector);

// Runs `fn(LoadedFile&)` for every input in parallel, keeping the input order.
template <typename Out, typename Fn>
std::vector<Out> process_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                unsigned threads, const readers::ReadOptions& options, Fn&& fn);

unsigned default_threads();

// "path: 错误[code] message（位置 where）\n" — how every command reports a file it could not use.
std::string error_line(const std::string& path, const Error& e);

}  // namespace wenfeng::cli

#include "base/parallel.h"

namespace wenfeng::cli {

template <typename Out, typename Fn>
std::vector<Out> process_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                unsigned threads, const readers::ReadOptions& options, Fn&& fn) {
  std::vector<Out> out(paths.size());
  // Standard input is read first, on this thread.
  std::vector<std::optional<LoadedFile>> preloaded(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i)
    if (paths[i] == "-") preloaded[i] = load_one(paths[i], stdin_name, options);
  parallel_for(paths.size(), threads, [&](std::size_t i) {
    LoadedFile f = preloaded[i] ? std::move(*preloaded[i]) : load_one(paths[i], stdin_name, options);
    out[i] = fn(f);
  });
  return out;
}

}  // namespace wenfeng::cli
