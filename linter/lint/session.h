// A run over many inputs, the pipeline every front end shares (command line, and later the
// language server and the web service):
//
//   config   .wenfeng.yaml, found by walking up from each file
//   profile  --profile, else the config's, else national (each loaded once, shared)
//   read     the file (or standard input) into a Document, markup per the profile's maps
//   kind     --kind, config, document, classifier
//   lint     measurements, rules, final pass (lint/linter.h)
//
// Results come back in input order as they finish, on the caller's thread, while later
// files are still being read: output streams, and memory is bounded by the files in flight.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "count/counter.h"
#include "layout/pages.h"
#include "lint/linter.h"
#include "model/document.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"
#include "readers/input.h"

namespace wenfeng::lint {

// What the command line says.
struct RunOptions {
  std::optional<std::string> profile;  // --profile
  std::optional<std::string> kind;     // --kind
  std::optional<std::string> medium;   // --medium
  std::optional<model::Severity> fail_on;
  std::string stdin_filename;          // --stdin-filename: the name standard input stands for
  readers::ReadOptions read;           // --xml-map, --html-selector
  std::string dictionaries;            // --dictionaries; empty = the shipped ones
  unsigned jobs = 0;                   // 0 = every core
  count::Scope count_scope;            // count --include
  std::optional<std::string> config_file;  // --config FILE: instead of finding .wenfeng.yaml
  bool no_config = false;                  // --no-config
  bool keep_input = false;                 // FileResult::input holds the bytes read (annotate, --fix)
};

// One input's outcome. For `count`: counts and pages; for `check`: also the report, and
// the profile and phrase set its findings point into.
struct FileResult {
  std::string path;  // as shown: the argument, or the --stdin-filename / "<stdin>" for "-"
  bool from_stdin = false;
  std::optional<Error> error;
  std::string input;  // the bytes the document was read from, with RunOptions::keep_input
  std::optional<model::Document> doc;
  model::Counts counts;
  layout::PageEstimate pages;
  std::optional<Report> report;
  std::shared_ptr<const profiles::Profile> profile;
  std::shared_ptr<const phrases::PhraseSet> phrases;
  model::Severity fail_on = model::Severity::kError;

  // At least one finding at or above fail_on.
  bool fails() const;
};

// An input held in memory with options of its own (the web service: one session, each
// request its own profile, kind and medium). `name` chooses the reader and is shown as the
// path; nothing is read from disk and no configuration file is looked up. A profile named
// here is loaded like --profile (callers that must not open paths pass only listed ids).
struct MemoryInput {
  std::string name;
  std::string_view bytes;
  std::optional<std::string> profile;  // else the session's --profile, else national
  std::optional<std::string> kind;
  std::optional<std::string> medium;
};

class Session {
 public:
  // Loads the dictionaries (for check) and an explicit --profile and --kind, so that a usage
  // or configuration error stops the run before any file is read.
  static Result<std::unique_ptr<Session>> open(RunOptions options, bool check);

  FileResult check(const std::string& path, const std::string* stdin_bytes) const;
  FileResult count(const std::string& path, const std::string* stdin_bytes) const;

  // Every path ("-" is standard input, read first on this thread), in parallel; `emit` gets
  // the results in input order on this thread. `prepare`, when given, runs on the worker
  // that produced result i, before it is emitted (a report rendered in parallel).
  void run(const std::vector<std::string>& paths, const std::function<void(FileResult&&)>& emit,
           const std::function<void(std::size_t, FileResult&)>& prepare = {}) const;

  const RunOptions& options() const { return options_; }

  // The configuration that applies to `path`: --config's file, none with --no-config, else
  // the .wenfeng.yaml found walking up from the file's folder ("-": from --stdin-filename's
  // folder, else the current folder).
  Result<profiles::ProjectConfig> config_for(const std::string& path) const;
  // The same, remembered per folder for the length of one run(): a batch of a thousand
  // drafts in one folder walks up from it, and reads its .wenfeng.yaml, once.
  struct ConfigMemo;
  Result<profiles::ProjectConfig> config_for(const std::string& path, ConfigMemo* memo) const;

  // Checks text that is not on disk (an editor's buffer) as if it were the file `path`:
  // its name chooses the reader, its folder the configuration.
  FileResult check_buffer(const std::string& path, std::string_view bytes) const;

  // `wenfeng explain PHRASE`: the entries a text hits or names, in the shipped dictionaries
  // and in the profile's own phrase set. An entry of `shipped` the profile's set lacks was
  // removed by the profile.
  struct PhraseLookup {
    std::shared_ptr<const profiles::Profile> profile;
    std::shared_ptr<const phrases::PhraseSet> set;      // the profile's
    std::shared_ptr<const phrases::PhraseSet> shipped;  // the dictionaries'
    std::vector<std::uint32_t> in_set;                  // entries of `set` the text hits or names
    std::vector<std::uint32_t> in_shipped;              // the same in `shipped`
  };
  Result<PhraseLookup> lookup_phrase(const std::string& text, const std::string& profile) const;
  // An in-memory input with its own options (see MemoryInput).
  FileResult check(const MemoryInput& in) const;
  FileResult count(const MemoryInput& in) const;

 private:
  explicit Session(RunOptions options, bool check) : options_(std::move(options)), check_(check) {}
  Result<std::shared_ptr<const profiles::Profile>> profile(const std::string& id_or_path) const;
  // Reads the input into a Document (or an Error) with the profile's markup maps.
  Result<model::Document> read(const std::string& path, const std::string* stdin_bytes,
                               const profiles::Profile* profile, std::string* keep = nullptr) const;
  readers::ReadOptions read_options(const profiles::Profile* profile) const;
  // The profile, kind and medium a check uses (the command line's, or a request's).
  struct Choice {
    std::optional<std::string> profile, kind, medium;
  };
  // The check pipeline after reading: `cfg` is the configuration that applies, `read` gives
  // the document (and, when `keep` is not null, the bytes it was read from).
  using DocReader = std::function<Result<model::Document>(const profiles::Profile*, std::string* keep)>;
  FileResult check_with(std::string shown, const Result<profiles::ProjectConfig>& cfg, const Choice& choice,
                        const DocReader& read) const;
  FileResult check(const std::string& path, const std::string* stdin_bytes, ConfigMemo* memo) const;
  // count's measurements of a document read (or the error reading it).
  FileResult counted(std::string shown, Result<model::Document> doc) const;

  RunOptions options_;
  bool check_;
  std::shared_ptr<const phrases::PhraseSet> phrases_;
  struct Loaded {
    std::shared_ptr<const profiles::Profile> profile;
    std::shared_ptr<const phrases::PhraseSet> phrases;  // the profile's own set (phrases/profile_set.h)
    // Which entries apply (lint/phrase_set.h active_entries), found once for each kind and
    // folder's ignore list rather than once a draft.
    struct Active;
    std::shared_ptr<Active> active;
  };
  Result<Loaded> load(const std::string& id_or_path) const;
  // Each distinct profile (and its phrase set) is loaded once, whichever thread asks first.
  mutable std::mutex mu_;
  mutable std::map<std::string, Loaded> profiles_;
};

}  // namespace wenfeng::lint
