#include "model/diagnostic.h"

#include <atomic>
#include <cstring>
#include <new>

#include "model/rule.h"

namespace wenfeng::model {

namespace {

std::size_t varint_size(std::size_t n) {
  std::size_t k = 1;
  while (n >= 0x80) n >>= 7, ++k;
  return k;
}

unsigned char* put_varint(unsigned char* p, std::size_t n) {
  while (n >= 0x80) *p++ = static_cast<unsigned char>(n | 0x80), n >>= 7;
  *p++ = static_cast<unsigned char>(n);
  return p;
}

const unsigned char* get_varint(const unsigned char* p, std::size_t& n) {
  n = 0;
  for (unsigned shift = 0;; shift += 7) {
    const unsigned char b = *p++;
    n |= static_cast<std::size_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return p;
  }
}

std::size_t entry_size(std::string_view name, std::string_view value) {
  return varint_size(name.size()) + name.size() + varint_size(value.size()) + value.size();
}

unsigned char* put_entry(unsigned char* p, std::string_view name, std::string_view value) {
  p = put_varint(p, name.size());
  if (!name.empty()) std::memcpy(p, name.data(), name.size());
  p += name.size();
  p = put_varint(p, value.size());
  if (!value.empty()) std::memcpy(p, value.data(), value.size());
  return p + value.size();
}

void put_u32(unsigned char* p, std::size_t n) {
  const auto v = static_cast<std::uint32_t>(n);
  std::memcpy(p, &v, sizeof v);
}

}  // namespace

namespace {

// A new block of `n` bytes with its header: the size and one holder.
unsigned char* new_block(std::size_t n) {
  auto* b = new unsigned char[n];
  put_u32(b, n);
  new (b + 4) std::uint32_t(1);
  return b;
}

std::atomic_ref<std::uint32_t> holders(unsigned char* b) {
  return std::atomic_ref<std::uint32_t>(*std::launder(reinterpret_cast<std::uint32_t*>(b + 4)));
}

}  // namespace

Pairs::Pairs(std::initializer_list<value_type> items) {
  if (items.size() == 0) return;
  std::size_t n = kHeader;
  for (const auto& [k, v] : items) n += entry_size(k, v);
  buf_ = new_block(n);
  unsigned char* p = buf_ + kHeader;
  for (const auto& [k, v] : items) p = put_entry(p, k, v);
}

void Pairs::share(unsigned char* b) noexcept { holders(b).fetch_add(1, std::memory_order_relaxed); }

void Pairs::release(unsigned char* b) noexcept {
  auto h = holders(b);
  // The only holder: no other thread can see the block, so no atomic update is needed.
  if (h.load(std::memory_order_acquire) == 1 || h.fetch_sub(1, std::memory_order_acq_rel) == 1) delete[] b;
}

std::size_t Pairs::bytes() const {
  std::uint32_t n = 0;
  if (buf_) std::memcpy(&n, buf_, sizeof n);
  return n;
}

std::size_t Pairs::size() const {
  std::size_t n = 0;
  for (auto it = begin(); it != end(); ++it) ++n;
  return n;
}

void Pairs::emplace_back(std::string_view name, std::string_view value) {
  const std::size_t old = buf_ ? bytes() : kHeader;
  const std::size_t n = old + entry_size(name, value);
  unsigned char* b = new_block(n);
  if (buf_) std::memcpy(b + kHeader, buf_ + kHeader, old - kHeader);
  put_entry(b + old, name, value);  // before the old block goes: `value` may view it
  put_u32(b, n);
  if (buf_) release(buf_);
  buf_ = b;
}

std::optional<std::string_view> Pairs::get(std::string_view name) const {
  for (const auto& [k, v] : *this)
    if (k == name) return v;
  return std::nullopt;
}

bool Pairs::operator==(const Pairs& o) const {
  const std::size_t n = bytes();
  return n == o.bytes() && (n == 0 || buf_ == o.buf_ || std::memcmp(buf_ + kHeader, o.buf_ + kHeader, n - kHeader) == 0);
}

// Eight bytes at a time (each word mixed in by a multiply), the last few one by one, then
// the bits spread (RuleContext::share takes it modulo a small table's size).
std::size_t Pairs::hash() const {
  std::uint64_t h = 0xcbf29ce484222325ull;
  const std::size_t n = bytes();
  std::size_t i = kHeader;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, buf_ + i, sizeof w);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 29;
  }
  for (; i < n; ++i) h = (h ^ buf_[i]) * 0x100000001b3ull;
  h ^= h >> 32;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return static_cast<std::size_t>(h);
}

Pairs::value_type Pairs::iterator::operator*() const {
  std::size_t kn = 0, vn = 0;
  const unsigned char* k = get_varint(p_, kn);
  const unsigned char* v = get_varint(k + kn, vn);
  return {std::string_view(reinterpret_cast<const char*>(k), kn), std::string_view(reinterpret_cast<const char*>(v), vn)};
}

Pairs::iterator& Pairs::iterator::operator++() {
  std::size_t kn = 0, vn = 0;
  const unsigned char* v = get_varint(get_varint(p_, kn) + kn, vn);
  p_ = v + vn;
  return *this;
}

void FixText::assign(std::string_view s) {
  release();
  if (s.empty()) return;
  if (s.size() <= kInline) {
    raw_[0] = static_cast<unsigned char>(s.size() << 1 | 1);
    std::memcpy(raw_ + 1, s.data(), s.size());
    return;
  }
  char* p = new char[sizeof(std::uint32_t) + s.size()];
  const auto n = static_cast<std::uint32_t>(s.size());
  std::memcpy(p, &n, sizeof n);
  std::memcpy(p + sizeof n, s.data(), s.size());
  std::memcpy(raw_, &p, sizeof p);
}

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "info";
}

const char* severity_label_zh(Severity s) {
  switch (s) {
    case Severity::kInfo: return "提示";
    case Severity::kWarning: return "警告";
    case Severity::kError: return "错误";
  }
  return "提示";
}

bool parse_severity(std::string_view s, Severity& out) {
  if (s == "info") out = Severity::kInfo;
  else if (s == "warning") out = Severity::kWarning;
  else if (s == "error") out = Severity::kError;
  else return false;
  return true;
}

std::string RuleSource::text() const {
  // Document names are written in the profiles as they should appear (《》 only around
  // exact titles), so they are joined here without adding marks.
  std::string t = issuer;
  for (const std::string* s : {&document, &part})
    if (!s->empty()) t += (t.empty() ? "" : " · ") + *s;
  return t;
}

std::string_view Diagnostic::rule_id() const { return rule ? rule->id : std::string_view(); }

std::string Diagnostic::text(bool english) const {
  std::string_view tmpl = message_template ? std::string_view(message_template) : std::string_view();
  if (tmpl.empty() && rule && message < rule->messages.size()) {
    const Message& m = rule->messages[message];
    tmpl = english && !m.en.empty() ? m.en : m.zh;
  }
  return render_message(tmpl, args);
}

}  // namespace wenfeng::model
