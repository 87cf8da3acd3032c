#include "model/diagnostic.h"

#include <cstring>

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

Pairs::Pairs(std::initializer_list<value_type> items) {
  if (items.size() == 0) return;
  std::size_t n = kHeader;
  for (const auto& [k, v] : items) n += entry_size(k, v);
  buf_.reset(new unsigned char[n]);
  put_u32(buf_.get(), n);
  unsigned char* p = buf_.get() + kHeader;
  for (const auto& [k, v] : items) p = put_entry(p, k, v);
}

Pairs::Pairs(const Pairs& o) {
  if (!o.buf_) return;
  const std::size_t n = o.bytes();
  buf_.reset(new unsigned char[n]);
  std::memcpy(buf_.get(), o.buf_.get(), n);
}

Pairs& Pairs::operator=(const Pairs& o) {
  if (this != &o) *this = Pairs(o);
  return *this;
}

std::size_t Pairs::bytes() const {
  std::uint32_t n = 0;
  if (buf_) std::memcpy(&n, buf_.get(), sizeof n);
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
  std::unique_ptr<unsigned char[]> b(new unsigned char[n]);
  if (buf_) std::memcpy(b.get(), buf_.get(), old);
  put_entry(b.get() + old, name, value);  // before the old block goes: `value` may view it
  put_u32(b.get(), n);
  buf_ = std::move(b);
}

std::optional<std::string_view> Pairs::get(std::string_view name) const {
  for (const auto& [k, v] : *this)
    if (k == name) return v;
  return std::nullopt;
}

bool Pairs::operator==(const Pairs& o) const {
  const std::size_t n = bytes();
  return n == o.bytes() && (n == 0 || std::memcmp(buf_.get(), o.buf_.get(), n) == 0);
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
  std::string_view tmpl = message_template;
  if (tmpl.empty() && rule && message < rule->messages.size()) {
    const Message& m = rule->messages[message];
    tmpl = english && !m.en.empty() ? m.en : m.zh;
  }
  return render_message(tmpl, args);
}

}  // namespace wenfeng::model
