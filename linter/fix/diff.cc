#include "fix/diff.h"

#include <algorithm>
#include <vector>

namespace wenfeng::fix {
namespace {

// Lines with their terminators (the last may have none).
std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

void line(std::string& out, char mark, std::string_view l) {
  out.push_back(mark);
  out.append(l);
  if (l.empty() || (l.back() != '\n' && l.back() != '\r')) out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
  // diff -u numbers an empty range by the line before it.
  std::string out = std::to_string(count == 0 ? start : start + 1);
  if (count != 1) out.append(",").append(std::to_string(count));
  return out;
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after, const std::string& name_before,
                         const std::string& name_after) {
  if (before == after) return {};
  const auto a = split_lines(before), b = split_lines(after);
  std::string out = "--- " + name_before + "\n+++ " + name_after + "\n";
  if (a.size() != b.size()) {
    out += "@@ -" + range(0, a.size()) + " +" + range(0, b.size()) + " @@\n";
    for (auto l : a) line(out, '-', l);
    for (auto l : b) line(out, '+', l);
    return out;
  }
  constexpr std::size_t kContext = 3;
  std::vector<std::size_t> changed;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) changed.push_back(i);
  std::size_t k = 0;
  while (k < changed.size()) {
    // A hunk: changed lines closer than twice the context, with context around them.
    std::size_t last = k;
    while (last + 1 < changed.size() && changed[last + 1] - changed[last] <= 2 * kContext) ++last;
    const std::size_t from = changed[k] >= kContext ? changed[k] - kContext : 0;
    const std::size_t to = std::min(a.size(), changed[last] + kContext + 1);
    out += "@@ -" + range(from, to - from) + " +" + range(from, to - from) + " @@\n";
    for (std::size_t i = from; i < to; ++i) {
      if (a[i] == b[i]) {
        line(out, ' ', a[i]);
      } else {
        // Changed lines of a run come out as all removals, then all additions.
        std::size_t j = i;
        while (j < to && a[j] != b[j]) ++j;
        for (std::size_t x = i; x < j; ++x) line(out, '-', a[x]);
        for (std::size_t x = i; x < j; ++x) line(out, '+', b[x]);
        i = j - 1;
      }
    }
    k = last + 1;
  }
  return out;
}

}  // namespace wenfeng::fix
