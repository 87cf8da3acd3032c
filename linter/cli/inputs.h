// Turning command-line inputs into the files to read: files as given (even if ignored),
// directories walked recursively in name order, keeping the formats wenfeng reads
// (kInputExtensions) and skipping hidden files and folders, Word's lock files (~$*.docx)
// and whatever a .wenfengignore (gitignore syntax) in the directory or an ancestor lists.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wenfeng::cli {

inline constexpr std::string_view kInputExtensions[] = {".txt", ".docx", ".xml", ".html", ".htm",
                                                        ".xhtml", ".odt", ".fodt"};

// One .wenfengignore: patterns relative to the folder it is in.
class IgnoreFile {
 public:
  // Parses gitignore syntax: blank lines and # comments skipped, ! negates, a trailing /
  // matches folders only, a / elsewhere anchors the pattern to this folder, *, ?, [...],
  // ** for any number of folders, \ escapes.
  static IgnoreFile parse(std::string_view text);
  // `relative`: the path below this file's folder, '/'-separated. 1 ignored, -1 re-included
  // by a negated pattern, 0 not mentioned (the last matching pattern decides).
  int match(std::string_view relative, bool is_dir) const;

 private:
  struct Pattern {
    std::string glob;
    bool negate = false, dir_only = false, anchored = false;
  };
  std::vector<Pattern> patterns_;
};

// gitignore-style glob over a '/'-separated path ('*' and '?' stop at '/').
bool glob_match(std::string_view pattern, std::string_view path);

// The files to read, in order. Paths that do not exist are kept: reading them reports it.
// A .wenfengignore that cannot be read (over kIgnoreFileCap, not readable) is passed over
// and, when `warnings` is given, a line naming it and why is added there ("PATH: 警告[CODE] …").
inline constexpr std::size_t kIgnoreFileCap = 1u << 20;
std::vector<std::string> expand_inputs(const std::vector<std::string>& args,
                                       std::vector<std::string>* warnings = nullptr);

}  // namespace wenfeng::cli
