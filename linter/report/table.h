// Aligned plain-text tables for terminals, padding by East Asian display width.
#pragma once

#include <string>
#include <vector>

namespace wenfeng::report {

class TextTable {
 public:
  // right_aligned[i] says whether column i is right-aligned (numbers).
  explicit TextTable(std::vector<bool> right_aligned) : right_(std::move(right_aligned)) {}
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render() const;

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace wenfeng::report
