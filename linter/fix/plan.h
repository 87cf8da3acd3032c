// Which fixes to write: every finding's mechanical fix (model::Fix) in block coordinates,
// sorted, with overlapping fixes resolved so that applying all of them cannot corrupt the
// text. Shared by the text writer (fix/text_fix.h) and the DOCX writer (annotate/).
//
// Two fixes overlap when their replaced ranges share a byte, or when both insert at one
// place. The one replacing more wins (`...` → `……` over a `.` → `。` on its first dot),
// then the earlier rule; the other keeps its finding but not its fix.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace wenfeng::fix {

struct PlannedFix {
  std::uint32_t block = 0;
  std::uint32_t begin = 0, end = 0;     // bytes of the block text replaced
  std::string_view replacement;         // points into the finding
  std::size_t finding = 0;              // index into the findings
};

// `findings` sorted by position (as lint::Report holds them).
std::vector<PlannedFix> plan_fixes(const std::vector<model::Diagnostic>& findings);

}  // namespace wenfeng::fix
