// Edits to one WordprocessingML part (document.xml, footnotes.xml, endnotes.xml) in terms
// of its runs: markers placed between runs or inside a run (which is then split there),
// and stretches of a run's text marked deleted (which become w:del runs with w:delText).
// A run that needs neither is never rewritten; one that does is rewritten once, with all
// its cuts, from its own bytes: its start tag and w:rPr are repeated on every piece, its
// text and other children copied as written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "annotate/splice.h"

namespace wenfeng::annotate {

// Where a marker goes: between runs at `pos` (inside = false), or inside run `run` at
// `pos`, a byte inside one of its w:t texts or at a boundary between its children.
struct Loc {
  bool inside = false;
  std::size_t run = 0;  // the run's '<'
  std::size_t pos = 0;
};

// Markers at one place come out in this order: a fix's inserted text, comment ends, comment
// references, comment starts (so a comment over a fix covers the new text too).
enum Priority : int { kInsert = 0, kRangeEnd = 1, kReference = 2, kRangeStart = 3 };

// Revision attributes shared by every part of one annotation run.
struct RevisionStamp {
  std::string author, date;
  std::uint32_t* next_id = nullptr;  // the next free w:id
  // ' w:id="…" w:author="…" w:date="…"' with the part's prefix `w`; takes an id.
  std::string attributes(const std::string& w);
};

class PartEditor {
 public:
  PartEditor(std::string xml, RevisionStamp* stamp);
  PartEditor(const PartEditor&) = delete;
  PartEditor& operator=(const PartEditor&) = delete;

  const std::string& xml() const { return xml_; }
  // The namespace prefix of WordprocessingML elements in this part, with its colon.
  const std::string& w() const { return w_; }

  struct Run {
    std::size_t begin = 0, end = 0;  // the w:r element
    std::string_view open_tag;       // "<w:r …>"
    std::string_view rpr;            // its w:rPr element, or empty
  };
  const Run& run(std::size_t lt);

  void place(const Loc& at, Priority priority, std::string markup);
  // Marks bytes [begin, end) of run `run` deleted (inside a w:t, or whole children).
  void remove_in_run(std::size_t run, std::size_t begin, std::size_t end);
  // Deletes an element outright (an earlier wenfeng comment marker).
  void erase(std::size_t begin, std::size_t end) { splice_.replace(begin, end, std::string()); }
  bool changed() const { return !splice_.empty() || !work_.empty(); }

  // The run's w:rPr for a new run (formatting revisions left out).
  std::string plain_rpr(std::size_t run);

  // Rewrites the runs that need it (innermost first) and applies every edit.
  std::string finish();

 private:
  struct Cut {
    std::size_t pos;
    int priority;
    std::size_t seq;
    std::string markup;
  };
  struct Range {
    std::size_t begin, end;
  };
  struct Work {
    std::vector<Cut> cuts;
    std::vector<Range> deleted;
  };
  std::string rewrite(std::size_t run_lt, Work& w);
  std::string rpr_copy(const Run& r, bool first);

  std::string xml_;
  std::string w_ = "w:";
  RevisionStamp* stamp_;
  Splicer splice_;
  std::map<std::size_t, Run> runs_;
  std::map<std::size_t, Work> work_;
  std::size_t seq_ = 0;
};

}  // namespace wenfeng::annotate
