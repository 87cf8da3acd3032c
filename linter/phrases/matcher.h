// Aho–Corasick over UTF-8 bytes: every entry of every dictionary in one automaton, so a
// paragraph is scanned once whatever the number of entries (time linear in the text plus
// the matches). The automaton is a full DFA over byte equivalence classes (bytes that no
// pattern uses share one class), built once per dictionary set and then immutable and
// shared by all threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wenfeng::phrases {

struct RawMatch {
  std::uint32_t pattern = 0;  // index given to add()
  std::uint32_t end = 0;      // byte offset just past the match in the scanned text
};

class Matcher {
 public:
  // Adds a pattern (non-empty UTF-8); returns its index.
  std::uint32_t add(std::string_view pattern);
  void build();

  std::uint32_t pattern_length(std::uint32_t p) const { return lengths_[p]; }
  std::uint32_t pattern_count() const { return static_cast<std::uint32_t>(lengths_.size()); }
  std::size_t state_count() const { return fail_.size(); }

  // The built automaton's tables, for the startup cache (base/cache.h); `consistent` says
  // whether tables read back are those of a built automaton (every state, class and output
  // in range), so that a damaged cache entry is never scanned with.
  template <typename V>
  friend void describe(V& v, Matcher& m) {
    v(m.lengths_, m.classes_, m.class_count_, m.delta_, m.delta16_, m.compact_, m.first_output_, m.fail_,
      m.output_link_, m.out_begin_, m.outputs_);
  }
  bool consistent() const;

  // Calls on_match(RawMatch) for every (possibly overlapping) occurrence, in order of end.
  template <typename F>
  void scan(std::string_view text, F&& on_match) const {
    if (compact_) scan_with(delta16_.data(), text, on_match);
    else scan_with(delta_.data(), text, on_match);
  }

  // The same over the bytes of `text` that `keep` keeps, in place (no filtered copy):
  // keep(p, end) steps p over one code point and says whether its bytes are scanned, and
  // keep.whole3(b) says that a code point with lead byte b is kept as three bytes whenever
  // three bytes are left (keep's own answer there, given without calling it). The matches
  // are appended to `out`, RawMatch::end counting kept bytes (as if the kept bytes had been
  // copied out and scanned).
  template <typename Keep>
  void scan_kept(std::string_view text, Keep&& keep, std::vector<RawMatch>& out) const {
    if (compact_) scan_kept_with(delta16_.data(), text, keep, out);
    else scan_kept_with(delta_.data(), text, keep, out);
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // States are numbered so that those with outputs (their own or a suffix's) come last:
  // the hot loop tests `s >= first_output_` (as row offsets) instead of loading a flag.
  template <typename T, typename F>
  void scan_with(const T* delta, std::string_view text, F& on_match) const {
    std::uint32_t s = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    const std::uint8_t* cls = classes_;
    const std::uint32_t stride = class_count_;
    const std::uint32_t first_output = first_output_ * stride;
    for (std::size_t i = 0; i < n; ++i) {
      s = delta[s + cls[p[i]]];  // s is a row offset
      if (s >= first_output) {
        for (std::uint32_t o = s / stride; o != kNone; o = output_link_[o])
          for (std::uint32_t k = out_begin_[o]; k < out_begin_[o + 1]; ++k)
            on_match(RawMatch{outputs_[k], static_cast<std::uint32_t>(i + 1)});
      }
    }
  }
  // Out of line, and the outputs appended by a call of their own: the loop keeps the state,
  // the position and the tables in registers.
  template <typename T, typename Keep>
  [[gnu::noinline]] void scan_kept_with(const T* delta, std::string_view text, Keep& keep,
                                        std::vector<RawMatch>& out) const {
    // The state as a row offset in a full register (no widening on the dependency chain).
    std::size_t s = 0;
    std::uint32_t n = 0;
    const char* p = text.data();
    const char* const e = p + text.size();
    const char* const last3 = text.size() >= 3 ? e - 2 : p;  // p < last3: three bytes are left
    const std::uint8_t* const cls = classes_;
    const std::size_t first_output = std::size_t{first_output_} * class_count_;
    // One step of the automaton over byte `b`, the n-th kept byte.
    auto step = [&](unsigned char b, std::uint32_t end) {
      s = delta[s + cls[b]];
      if (s >= first_output) [[unlikely]] append_outputs(static_cast<std::uint32_t>(s / class_count_), end, out);
    };
    while (p < e) {
      // A three-byte code point keep takes whole (nearly every character of Chinese text) in
      // three steps, without a call or the loop's tests between them.
      if (keep.whole3(static_cast<unsigned char>(*p)) && p < last3) {
        step(static_cast<unsigned char>(p[0]), n + 1);
        step(static_cast<unsigned char>(p[1]), n + 2);
        step(static_cast<unsigned char>(p[2]), n + 3);
        n += 3;
        p += 3;
        continue;
      }
      const char* a = p;
      if (!keep(p, e)) continue;
      for (; a < p; ++a) step(static_cast<unsigned char>(*a), ++n);
    }
  }
  [[gnu::noinline]] void append_outputs(std::uint32_t s, std::uint32_t end, std::vector<RawMatch>& out) const {
    for (std::uint32_t o = s; o != kNone; o = output_link_[o])
      for (std::uint32_t k = out_begin_[o]; k < out_begin_[o + 1]; ++k) out.push_back(RawMatch{outputs_[k], end});
  }
  // Trie under construction: sparse children.
  std::vector<std::vector<std::pair<unsigned char, std::uint32_t>>> children_;
  std::vector<std::vector<std::uint32_t>> terminal_;  // patterns ending at each state
  std::vector<std::uint32_t> lengths_;
  // Built automaton.
  std::uint8_t classes_[256] = {};
  std::uint32_t class_count_ = 1;
  std::vector<std::uint32_t> delta_;
  std::vector<std::uint16_t> delta16_;  // the same table when every state id fits 16 bits
  bool compact_ = false;
  std::uint32_t first_output_ = 0;
  std::vector<std::uint32_t> fail_;
  std::vector<std::uint32_t> output_link_;  // nearest proper suffix state with outputs
  std::vector<std::uint8_t> has_output_;    // this state or a suffix state has outputs
  std::vector<std::uint32_t> out_begin_;
  std::vector<std::uint32_t> outputs_;
};

}  // namespace wenfeng::phrases
