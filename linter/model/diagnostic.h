// A finding: what a rule measured, where, and on whose authority.
#pragma once

#include <cstddef>
#include <cstdint>
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

// A mechanical correction: replace bytes [offset, offset + length) of the finding's block.
struct Fix {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
  std::string replacement;
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
// string. Read as pairs of string_views, in the order given.
class Pairs {
 public:
  using value_type = std::pair<std::string_view, std::string_view>;

  Pairs() = default;
  Pairs(std::initializer_list<value_type> items);
  Pairs(const Pairs& o);
  Pairs(Pairs&&) noexcept = default;
  Pairs& operator=(const Pairs& o);
  Pairs& operator=(Pairs&&) noexcept = default;
  Pairs& operator=(std::initializer_list<value_type> items) { return *this = Pairs(items); }
  ~Pairs() = default;

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
  iterator begin() const { return iterator(buf_ ? buf_.get() + kHeader : nullptr); }
  iterator end() const { return iterator(buf_ ? buf_.get() + bytes() : nullptr); }
  void emplace_back(std::string_view name, std::string_view value);
  void push_back(const value_type& p) { emplace_back(p.first, p.second); }
  // The value of the first pair named `name`, if any.
  std::optional<std::string_view> get(std::string_view name) const;
  bool operator==(const Pairs& o) const;

 private:
  // [u32 bytes in all] then, per pair, the name's and the value's sizes (LEB128) and bytes.
  static constexpr std::size_t kHeader = 4;
  std::size_t bytes() const;
  std::unique_ptr<unsigned char[]> buf_;
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
  std::string_view message_template;  // a template given by data (a dictionary); overrides `message`
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
  void replace_with(std::string replacement) { fix = Fix{0, length, std::move(replacement)}; }

  std::string_view rule_id() const;
  // The message with its arguments filled in; English when asked and the rule has it.
  std::string text(bool english = false) const;
};

}  // namespace wenfeng::model
