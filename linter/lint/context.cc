#include "lint/context.h"

#include <algorithm>

namespace wenfeng::lint {

const std::vector<std::uint32_t>* Measurements::commas_of(std::uint32_t block) const {
  auto it = std::lower_bound(commas.begin(), commas.end(), block,
                             [](const auto& e, std::uint32_t b) { return e.first < b; });
  return it != commas.end() && it->first == block ? &it->second : nullptr;
}

double RuleContext::param(std::string_view name) const {
  if (auto it = setting.params.find(std::string(name)); it != setting.params.end()) return it->second;
  const model::Param* p = rule.param(name);
  return p ? p->default_value : 0;
}

const profiles::Limit* RuleContext::limit(std::string_view key) const {
  if (!kind_spec) return nullptr;
  auto it = kind_spec->limits.find(std::string(key));
  return it == kind_spec->limits.end() ? nullptr : &it->second;
}

model::Diagnostic& RuleContext::report(std::uint32_t block, std::size_t begin, std::size_t end, std::uint8_t message,
                                       model::Args args, const model::RuleSource* source) const {
  model::Diagnostic& d = out_.emplace_back();
  d.rule = &rule;
  d.severity = rule.severity;
  d.message = message;
  d.block = block;
  d.offset = static_cast<std::uint32_t>(begin);
  d.length = static_cast<std::uint32_t>(end - begin);
  share(args);
  d.args = std::move(args);
  d.source = source ? source : &rule.source;
  return d;
}

void RuleContext::share(model::Pairs& p) const {
  if (p.empty() || ++filed_ <= kShareAfter) return;
  if (!seen_) seen_ = std::make_unique<Seen[]>(kSeen);
  const std::size_t h = p.hash();
  Seen& s = seen_[h % kSeen];
  if (s.hash == h && s.pairs == p) {
    p = s.pairs;
    return;
  }
  s.hash = h;
  s.pairs = p;
}

}  // namespace wenfeng::lint
