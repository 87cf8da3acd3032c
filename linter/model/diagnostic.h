// A finding: what a rule measured, where, and on whose authority.
#pragma once

#include <cstddef>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wenfeng::model {

enum class Severity : std::uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

const char* severity_name(Severity s);       // "info", "warning", "error"
const char* severity_label_zh(Severity s);   // "提示", "警告", "错误"
bool parse_severity(std::string_view s, Severity& out);

// Where a rule comes from: issuer, document, part (e.g. "六、改进新闻报道").
struct RuleSource {
  std::string issuer;
  std::string document;
  std::string part;
  std::string text() const;  // "中共金乡县委 · 《…》 · 第六部分"
};

struct RuleInfo;

// A fix's replacement text in 8 bytes: up to 7 bytes (a punctuation mark, two Han
// characters) held in place, a longer one in a block of its own. Read as a string_view,
// which for a short one points into the holder itself (valid while it stays put, as a
// short std::string's does).
class FixText {
  static_assert(std::endian::native == std::endian::little, "the tag byte is the pointer's lowest");

 public:
  FixText() = default;
  FixText(std::string_view s) { assign(s); }    // NOLINT: a string, as std::string converts
  FixText(const std::string& s) { assign(s); }  // NOLINT
  FixText(const char* s) { assign(s); }         // NOLINT
  FixText(const FixText& o) { assign(o.view()); }
  FixText(FixText&& o) noexcept { std::memcpy(raw_, o.raw_, sizeof raw_), std::memset(o.raw_, 0, sizeof raw_); }
  FixText& operator=(const FixText& o) {
    if (this != &o) *this = FixText(o);
    return *this;
  }
  FixText& operator=(FixText&& o) noexcept {
    if (this != &o) {
      release();
      std::memcpy(raw_, o.raw_, sizeof raw_);
      std::memset(o.raw_, 0, sizeof raw_);
    }
    return *this;
  }
  FixText& operator=(std::string_view s) { return *this = FixText(s); }
  FixText& operator=(const std::string& s) { return *this = FixText(s); }
  FixText& operator=(const char* s) { return *this = FixText(s); }
  ~FixText() { release(); }

  std::string_view view() const {
    if (raw_[0] & 1) return {reinterpret_cast<const char*>(raw_) + 1, static_cast<std::size_t>(raw_[0] >> 1)};
    const char* p = heap();
    if (!p) return {};
    std::uint32_t n;
    std::memcpy(&n, p, sizeof n);
    return {p + sizeof n, n};
  }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  bool empty() const { return view().empty(); }
  std::size_t size() const { return view().size(); }
  friend bool operator==(const FixText& a, const FixText& b) { return a.view() == b.view(); }
  friend bool operator==(const FixText& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const FixText& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const FixText& a, const char* b) { return a.view() == b; }
  friend std::string operator+(const std::string& a, const FixText& b) { return a + std::string(b.view()); }
  friend std::string operator+(const char* a, const FixText& b) { return a + std::string(b.view()); }

 private:
  static constexpr std::size_t kInline = 7;
  // raw_[0] odd: (size << 1) | 1, the bytes after it; else the bytes of a pointer (new[]'s
  // alignment keeps its lowest bit 0) to [u32 size][bytes], or all zero for none.
  void assign(std::string_view s);
  const char* heap() const {
    const char* p;
    std::memcpy(&p, raw_, sizeof p);
    return p;
  }
  void release() {
    if (!(raw_[0] & 1)) delete[] heap();
    std::memset(raw_, 0, sizeof raw_);
  }
  alignas(8) unsigned char raw_[8] = {};
};

// A mechanical correction: replace bytes [offset, offset + length) of the finding's block.
struct Fix {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  FixText replacement;
};

// A finding's fix or none, as std::optional<Fix> reads, without optional's flag and its
// padding (an offset no block reaches marks none).
class MaybeFix {
 public:
  MaybeFix() = default;
  MaybeFix& operator=(Fix f) {
    fix_ = std::move(f);
    return *this;
  }
  bool has_value() const { return fix_.offset != kNone; }
  explicit operator bool() const { return has_value(); }
  Fix* operator->() { return &fix_; }
  const Fix* operator->() const { return &fix_; }
  Fix& operator*() { return fix_; }
  const Fix& operator*() const { return fix_; }
  void reset() { fix_ = Fix{kNone, 0, {}}; }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  Fix fix_{kNone, 0, {}};
};

// Name-value pairs of strings (a finding's message arguments, its measured values), packed
// into one heap block, none when empty: a large report holds hundreds of thousands of them,
// and a vector of std::string pairs costs a block for the vector and one for every long
// string. Read as pairs of string_views, in the order given. The block is never changed
// once made (an append makes a new one), so a copy shares it, counted: the findings of one
// rule that say the same thing (every "," of a half-width copy) hold one block between them.
class Pairs {
 public:
  using value_type = std::pair<std::string_view, std::string_view>;

  Pairs() = default;
  Pairs(std::initializer_list<value_type> items);
  Pairs(const Pairs& o) noexcept : buf_(o.buf_) {
    if (buf_) share(buf_);
  }
  Pairs(Pairs&& o) noexcept : buf_(o.buf_) { o.buf_ = nullptr; }
  Pairs& operator=(const Pairs& o) noexcept {
    Pairs t(o);
    std::swap(buf_, t.buf_);
    return *this;
  }
  Pairs& operator=(Pairs&& o) noexcept {
    std::swap(buf_, o.buf_);
    return *this;
  }
  Pairs& operator=(std::initializer_list<value_type> items) { return *this = Pairs(items); }
  ~Pairs() {
    if (buf_) release(buf_);
  }

  class iterator {
   public:
    using value_type = Pairs::value_type;
    using difference_type = std::ptrdiff_t;
    using reference = value_type;
    using pointer = void;
    using iterator_category = std::input_iterator_tag;
    iterator() = default;
    explicit iterator(const unsigned char* p) : p_(p) {}
    value_type operator*() const;
    iterator& operator++();
    iterator operator++(int) {
      iterator t = *this;
      ++*this;
      return t;
    }
    bool operator==(const iterator& o) const { return p_ == o.p_; }

   private:
    const unsigned char* p_ = nullptr;
  };

  bool empty() const { return !buf_; }
  std::size_t size() const;
  iterator begin() const { return iterator(buf_ ? buf_ + kHeader : nullptr); }
  iterator end() const { return iterator(buf_ ? buf_ + bytes() : nullptr); }
  void emplace_back(std::string_view name, std::string_view value);
  void push_back(const value_type& p) { emplace_back(p.first, p.second); }
  // The value of the first pair named `name`, if any.
  std::optional<std::string_view> get(std::string_view name) const;
  bool operator==(const Pairs& o) const;
  // A hash of the pairs (equal pairs, equal hashes), and whether two hold one block.
  std::size_t hash() const;
  bool shares(const Pairs& o) const { return buf_ == o.buf_; }

 private:
  // [u32 bytes in all][u32 holders] then, per pair, the name's and the value's sizes
  // (LEB128) and bytes.
  static constexpr std::size_t kHeader = 8;
  std::size_t bytes() const;
  static void share(unsigned char* b) noexcept;
  static void release(unsigned char* b) noexcept;
  unsigned char* buf_ = nullptr;
};

using Args = Pairs;
using Data = Pairs;

struct Diagnostic {
  const RuleInfo* rule = nullptr;   // the registered rule (never null once reported)
  Severity severity = Severity::kWarning;
  std::uint8_t message = 0;         // index into rule->messages
  bool document_level = false;      // about the whole draft (still anchored to a block)
  std::uint32_t block = 0;          // index into Document::blocks
  std::uint32_t offset = 0;         // byte offset in the block's text
  std::uint32_t length = 0;         // bytes
  // A template given by data (a dictionary), null-terminated; overrides `message` when set.
  // Points into the phrase set or is a literal.
  const char* message_template = nullptr;
  Args args;                        // message arguments
  // The clause enforced: the rule's own, a profile limit's, or a dictionary entry's. Points
  // into the registry, the profile or the phrase set, which outlive the report.
  const RuleSource* source = nullptr;
  // Measured values, for tools: ("figure", "856"), ("limit", "800"), ("excess", "56") …
  Data data;
  MaybeFix fix;
  // Grouping, set by the lint driver's final pass: the findings of one rule and severity in
  // one paragraph are one group, led by its first finding. The leader's `count` is the group's size; the
  // other members have count 0 and `leader` is the leader's index in the report's findings
  // (a leader's is its own). Outputs that show findings one by one may ignore both.
  std::uint32_t count = 1;
  std::uint32_t leader = 0;

  // The fix that replaces the whole finding.
  void replace_with(std::string_view replacement) { fix = Fix{0, length, FixText(replacement)}; }

  std::string_view rule_id() const;
  // The message with its arguments filled in; English when asked and the rule has it.
  std::string text(bool english = false) const;
};
// A large report holds millions of these (a half-width web copy: one a punctuation mark).
static_assert(sizeof(Diagnostic) <= 80, "a finding grew");

}  // namespace wenfeng::model
