// Hostile inputs, generated: one per class of file that once crashed, hung or exploded
// wenfeng (issue 15). Shared by the regression tests (tests/readers/hostile_test.cc), the
// fuzzers' seed corpora (tests/fuzz/) and `wenfeng_gen hostile DIR`, whose files
// bench/hostile.sh runs under /usr/bin/time to hold each to a second and 100 MB.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace wenfeng::testing {

struct HostileFile {
  std::string name;    // file name; its extension chooses the reader
  std::string bytes;
  std::string expect;  // the error code wenfeng must give, or "" when it must read the file
  std::string what;    // what the file does
};

// Document inputs (the readers); `large` adds the multi-megabyte ones (80,000 <p>, 1 MB of
// character references, 2.3 MB of <text:s text:c="1000"/>, 19,000 header relationships).
std::vector<HostileFile> hostile_documents(bool large = true);

// YAML profiles (for --profile or .wenfeng.yaml); expect is the cap's message fragment.
std::vector<HostileFile> hostile_profiles();

// An ODT package from a content.xml.
Result<std::string> build_odt(const std::string& content_xml);

// A DOCX whose document.xml relationships are `rels` (Type suffix, Target) and whose extra
// parts are `parts`, besides a document.xml with `body`.
Result<std::string> build_docx_with_rels(const std::string& body,
                                         const std::vector<std::pair<std::string, std::string>>& rels,
                                         const std::vector<std::pair<std::string, std::string>>& parts);

}  // namespace wenfeng::testing
