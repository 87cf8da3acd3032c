#include "fix/plan.h"

#include <algorithm>

namespace wenfeng::fix {

std::vector<PlannedFix> plan_fixes(const std::vector<model::Diagnostic>& findings) {
  std::vector<PlannedFix> all;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& d = findings[i];
    if (!d.fix) continue;
    const std::uint32_t b = d.offset + d.fix->offset;
    all.push_back({d.block, b, b + d.fix->length, d.fix->replacement, i});
  }
  // By place; at one place the longest first (then the findings' own order).
  std::stable_sort(all.begin(), all.end(), [](const PlannedFix& a, const PlannedFix& b) {
    if (a.block != b.block) return a.block < b.block;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end - a.begin > b.end - b.begin;
  });
  std::vector<PlannedFix> out;
  out.reserve(all.size());
  for (const auto& f : all) {
    if (!out.empty() && out.back().block == f.block) {
      const auto& last = out.back();
      const bool overlap = f.begin < last.end || (f.begin == last.begin && f.end == f.begin);
      if (overlap) continue;
    }
    if (f.replacement == std::string_view() && f.end == f.begin) continue;  // nothing to do
    out.push_back(f);
  }
  return out;
}

}  // namespace wenfeng::fix
