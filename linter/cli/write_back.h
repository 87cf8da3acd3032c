// Writing results back into files: `wenfeng annotate` and `check --annotate` (a DOCX copy
// with comments and tracked-change fixes), `check --fix` (text, XML and HTML fixed in their
// own encoding; DOCX as a tracked-change copy), `--diff` (print instead of write). The
// input is never modified unless --in-place; nothing is written for a file that fails.
#pragma once

#include <optional>
#include <string>

#include "base/result.h"
#include "lint/session.h"

namespace wenfeng::cli {

struct WriteBack {
  bool annotate = false;  // comments (annotate, check --annotate)
  bool fix = false;       // fixes: tracked changes in DOCX, the file itself for text formats
  bool diff = false;      // --diff: print a unified diff instead of writing
  bool in_place = false;  // --in-place
  bool english = false;
  bool to_stdout = false; // report lines on stdout (annotate) rather than stderr (check)
  std::optional<std::string> output;  // -o
  bool any() const { return annotate || fix; }
};

// Writes what `w` asks for `f` and says so in one line. After a fix, the findings it fixed
// are dropped from `f` (what remains is what still needs a person). An error stops this
// file only, with status 2 and no output file.
std::optional<Error> write_back(lint::FileResult& f, const WriteBack& w);

}  // namespace wenfeng::cli
