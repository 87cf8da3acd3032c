#include "annotate/splice.h"

#include <climits>

namespace wenfeng::annotate {

void Splicer::insert(std::size_t pos, int priority, std::string text) {
  added_ += text.size();
  edits_.emplace(Key{pos, 0, priority, seq_++}, Edit{pos, std::move(text)});
}

void Splicer::replace(std::size_t begin, std::size_t end, std::string text) {
  added_ += text.size();
  edits_.emplace(Key{begin, 1, 0, seq_++}, Edit{end, std::move(text)});
}

void Splicer::copy(std::size_t begin, std::size_t end, std::string& out) const {
  std::size_t cursor = begin;
  for (auto it = edits_.lower_bound(Key{begin, 0, INT_MIN, 0}); it != edits_.end(); ++it) {
    const std::size_t b = std::get<0>(it->first);
    if (b >= end) break;
    const Edit& e = it->second;
    if (b < cursor || e.end > end) continue;  // inside an edit already applied, or not within
    out.append(src_.substr(cursor, b - cursor));
    out += e.text;
    cursor = e.end;
  }
  out.append(src_.substr(cursor, end - cursor));
}

std::string Splicer::apply() const {
  std::string out;
  out.reserve(src_.size() + added_);
  copy(0, src_.size(), out);
  for (auto it = edits_.lower_bound(Key{src_.size(), 0, INT_MIN, 0}); it != edits_.end(); ++it) out += it->second.text;
  return out;
}

}  // namespace wenfeng::annotate
