#include "phrases/matcher.h"

#include <algorithm>
#include <deque>

namespace wenfeng::phrases {

std::uint32_t Matcher::add(std::string_view pattern) {
  if (children_.empty()) {
    children_.emplace_back();
    terminal_.emplace_back();
  }
  std::uint32_t s = 0;
  for (unsigned char c : pattern) {
    auto& ch = children_[s];
    auto it = std::find_if(ch.begin(), ch.end(), [c](const auto& e) { return e.first == c; });
    if (it != ch.end()) {
      s = it->second;
      continue;
    }
    const auto next = static_cast<std::uint32_t>(children_.size());
    children_[s].emplace_back(c, next);
    children_.emplace_back();
    terminal_.emplace_back();
    s = next;
  }
  const auto id = static_cast<std::uint32_t>(lengths_.size());
  terminal_[s].push_back(id);
  lengths_.push_back(static_cast<std::uint32_t>(pattern.size()));
  return id;
}

void Matcher::build() {
  if (children_.empty()) {
    children_.emplace_back();
    terminal_.emplace_back();
  }
  // Byte classes: each byte used by some pattern gets a class of its own; all others share 0.
  bool used[256] = {};
  for (const auto& ch : children_)
    for (const auto& [c, next] : ch) used[c] = true;
  class_count_ = 1;
  for (int b = 0; b < 256; ++b) classes_[b] = used[b] ? static_cast<std::uint8_t>(class_count_++) : 0;

  const std::size_t n = children_.size();
  const std::uint32_t stride = class_count_;
  delta_.assign(n * stride, 0);
  fail_.assign(n, 0);
  output_link_.assign(n, kNone);
  has_output_.assign(n, 0);

  // Breadth-first: a state's delta row is its parent-failure row with its own goto edges.
  std::deque<std::uint32_t> queue;
  for (const auto& [c, next] : children_[0]) {
    delta_[classes_[c]] = next;
    fail_[next] = 0;
    queue.push_back(next);
  }
  while (!queue.empty()) {
    const std::uint32_t s = queue.front();
    queue.pop_front();
    const std::uint32_t f = fail_[s];
    std::copy_n(delta_.begin() + static_cast<std::ptrdiff_t>(f * stride), stride,
                delta_.begin() + static_cast<std::ptrdiff_t>(s * stride));
    for (const auto& [c, next] : children_[s]) {
      fail_[next] = delta_[f * stride + classes_[c]];
      delta_[s * stride + classes_[c]] = next;
      queue.push_back(next);
    }
    output_link_[s] = terminal_[f].empty() ? output_link_[f] : f;
    if (f == 0) output_link_[s] = kNone;
    has_output_[s] = !terminal_[s].empty() || output_link_[s] != kNone;
  }
  // Renumber: states without outputs first (root stays 0), states with outputs last.
  std::vector<std::uint32_t> new_id(n), old_of(n);
  std::uint32_t next = 0;
  for (std::size_t s = 0; s < n; ++s)
    if (!has_output_[s]) new_id[s] = next++;
  first_output_ = next;
  for (std::size_t s = 0; s < n; ++s)
    if (has_output_[s]) new_id[s] = next++;
  for (std::size_t s = 0; s < n; ++s) old_of[new_id[s]] = static_cast<std::uint32_t>(s);
  std::vector<std::uint32_t> delta(n * stride);
  for (std::size_t s = 0; s < n; ++s)
    for (std::uint32_t c = 0; c < stride; ++c)
      delta[new_id[s] * stride + c] = new_id[delta_[s * stride + c]];
  delta_ = std::move(delta);
  std::vector<std::uint32_t> link(n, kNone);
  for (std::size_t s = 0; s < n; ++s)
    if (output_link_[s] != kNone) link[new_id[s]] = new_id[output_link_[s]];
  output_link_ = std::move(link);
  // Flatten outputs, in the new numbering.
  out_begin_.assign(n + 1, 0);
  outputs_.clear();
  for (std::size_t ns = 0; ns < n; ++ns) {
    out_begin_[ns] = static_cast<std::uint32_t>(outputs_.size());
    const auto& t = terminal_[old_of[ns]];
    outputs_.insert(outputs_.end(), t.begin(), t.end());
  }
  out_begin_[n] = static_cast<std::uint32_t>(outputs_.size());
  has_output_.clear();
  // The table holds each next state as its row offset (state × stride): the hot loop adds
  // the byte's class and loads, with no multiplication on its dependency chain. Half the
  // memory (and cache misses) when every offset fits in 16 bits.
  compact_ = (n - 1) * std::size_t{stride} <= 0xFFFF;
  if (compact_) {
    delta16_.resize(delta_.size());
    for (std::size_t i = 0; i < delta_.size(); ++i) delta16_[i] = static_cast<std::uint16_t>(delta_[i] * stride);
    delta_.clear();
    delta_.shrink_to_fit();
  } else {
    for (auto& d : delta_) d *= stride;
  }
  // The trie is no longer needed.
  children_.clear();
  children_.shrink_to_fit();
  terminal_.clear();
  terminal_.shrink_to_fit();
}

bool Matcher::consistent() const {
  const std::size_t n = fail_.size(), stride = class_count_;
  if (n == 0 || stride == 0 || stride > 256 || first_output_ > n || !children_.empty()) return false;
  for (const auto c : classes_)
    if (c >= stride) return false;
  const std::size_t cells = n * stride;
  auto rows_ok = [&](const auto& d) {
    if (d.size() != cells) return false;
    // In range of a row start: a row offset plus a class stays inside the table.
    typename std::decay_t<decltype(d)>::value_type top = 0;
    for (const auto x : d) top = x > top ? x : top;
    return top <= cells - stride;
  };
  if (compact_ ? !delta_.empty() || !rows_ok(delta16_) : !delta16_.empty() || !rows_ok(delta_)) return false;
  if (output_link_.size() != n || out_begin_.size() != n + 1 || out_begin_[0] != 0 || out_begin_[n] != outputs_.size())
    return false;
  for (std::size_t s = 0; s < n; ++s)
    if ((output_link_[s] != kNone && output_link_[s] >= n) || out_begin_[s] > out_begin_[s + 1]) return false;
  for (const auto o : outputs_)
    if (o >= lengths_.size()) return false;
  return true;
}

}  // namespace wenfeng::phrases
