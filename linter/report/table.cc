#include "report/table.h"

#include <algorithm>

#include "text/utf8.h"

namespace wenfeng::report {

std::string TextTable::render() const {
  std::vector<int> width(right_.size(), 0);
  for (const auto& r : rows_)
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i)
      width[i] = std::max(width[i], text::display_width(r[i]));
  std::string out;
  for (const auto& r : rows_) {
    std::string line;
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) {
      const int pad = width[i] - text::display_width(r[i]);
      if (i) line += "  ";
      if (right_[i]) line.append(static_cast<std::size_t>(pad), ' ');
      line += r[i];
      if (!right_[i] && i + 1 < r.size()) line.append(static_cast<std::size_t>(pad), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace wenfeng::report
