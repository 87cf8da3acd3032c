// Rule case files (tests/rules/README.md): drafts with the findings each line must give
// written under it. Parsing, running through the real pipeline, and comparing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "model/diagnostic.h"

namespace wenfeng::testing {

// `>> RULE @COL+LEN "EXCERPT" SEVERITY key=value ~ TEXT`
struct CaseExpectation {
  int line = 0;  // in the case file
  std::string rule;
  std::optional<std::uint32_t> column, length;  // code points, 1-based column
  std::optional<std::string> excerpt;
  std::optional<model::Severity> severity;
  std::vector<std::pair<std::string, std::string>> data;
  std::optional<std::string> message_part;
  std::string written;  // as written after ">>", for messages
};

struct CaseLine {
  int line = 0;       // in the case file
  std::string text;   // the draft paragraph
  bool ok = false;    // `>> ok`: no finding of the checked rules
  std::vector<CaseExpectation> expect;
};

struct CaseSettings {
  std::string profile = "national";
  std::optional<std::string> kind;
  std::optional<std::string> medium;
  std::vector<std::string> ignore;
  std::vector<std::string> check;  // rules checked exhaustively
  std::optional<std::string> expect_kind;
  std::optional<std::string> expect_kind_source;
};

struct Case {
  std::string name;
  int line = 0;  // of the `===` (or 1)
  CaseSettings settings;
  std::vector<CaseLine> lines;
};

struct CaseFile {
  std::string path;  // as given, for messages
  std::vector<Case> cases;
};

// Parses a case file. `default_check` is the rule checked when the file has no @check (the
// file's name). Rule ids must be registered, or accepted by `known` when it is given (a rule
// not built into this binary, as scripts/new-rule writes it). Errors name path:line.
Result<CaseFile> parse_case_file(std::string_view text, const std::string& path, const std::string& default_check,
                                 const std::function<bool(std::string_view)>& known = {});
// Reads and parses tests/rules/cases/<name>.txt style files (the check defaults to the stem).
Result<CaseFile> load_case_file(const std::string& path);
// Every *.txt under tests/rules/cases, sorted.
std::vector<std::string> case_file_paths();

// Runs every case through the pipeline; one message per mismatch ("path:line: …").
std::vector<std::string> run_case_file(const CaseFile& file);

// The expectation that a finding would satisfy exactly, as a case file writes it.
std::string expectation_text(const model::Diagnostic& d, std::string_view block_text);

}  // namespace wenfeng::testing
