// The binary form of a compiled regex in the startup cache (base/cache.h): its pattern,
// read back as a trusted pattern compiled on first use.
#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "base/cache.h"
#include "text/regex.h"

namespace wenfeng::text {

template <typename R, typename = std::enable_if_t<std::is_same_v<std::remove_const_t<R>, Regex>>>
void describe(cache::PutFields& v, std::shared_ptr<R>& r) {
  const bool has = r != nullptr;
  v(has);
  if (has) v(r->pattern());
}

template <typename R, typename = std::enable_if_t<std::is_same_v<std::remove_const_t<R>, Regex>>>
void describe(cache::GetFields& v, std::shared_ptr<R>& r) {
  bool has = false;
  v(has);
  r.reset();
  if (!has) return;
  std::string pattern;
  v(pattern);
  r = std::make_shared<Regex>(Regex::trusted(std::move(pattern)));
}

}  // namespace wenfeng::text
