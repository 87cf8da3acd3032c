#include "text/regex.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <mutex>
#include <vector>

namespace wenfeng::text {

struct Regex::Impl {
  std::unique_ptr<icu::RegexPattern> pattern;  // compiled; for a trusted pattern, on first use
  std::once_flag once;
  // Matchers are not thread-safe but costly to create: each search borrows one from this
  // pool and gives it back, so there are as many as searches ever ran at once, and they die
  // with their pattern (a cache keyed by the pattern's address, as before, could hand a
  // long-running server the matcher of a freed pattern whose address was reused).
  std::mutex pool_mutex;
  std::vector<std::unique_ptr<icu::RegexMatcher>> pool;
  std::unique_ptr<icu::RegexMatcher> borrow(UErrorCode& status) {
    {
      std::lock_guard<std::mutex> lock(pool_mutex);
      if (!pool.empty()) {
        auto m = std::move(pool.back());
        pool.pop_back();
        return m;
      }
    }
    return std::unique_ptr<icu::RegexMatcher>(pattern->matcher(status));
  }
  void give_back(std::unique_ptr<icu::RegexMatcher> m) {
    if (!m) return;
    std::lock_guard<std::mutex> lock(pool_mutex);
    pool.push_back(std::move(m));
  }
  const icu::RegexPattern* get(const std::string& source) {
    std::call_once(once, [&] {
      if (pattern) return;
      UErrorCode status = U_ZERO_ERROR;
      UParseError pe;
      pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source), 0, pe, status));
      if (U_FAILURE(status)) pattern.reset();
    });
    return pattern.get();
  }
};

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

Result<Regex> Regex::compile(const std::string& pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe;
  auto* p = icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, pe, status);
  if (U_FAILURE(status) || !p) {
    delete p;
    return make_error(ErrorCode::kConfig, "正则表达式无效：“" + pattern + "”（" + u_errorName(status) +
                                              "，第 " + std::to_string(pe.offset + 1) + " 个字符附近）");
  }
  Regex r;
  r.impl_ = std::make_unique<Impl>();
  r.impl_->pattern.reset(p);
  r.pattern_ = pattern;
  return r;
}

Regex Regex::trusted(std::string pattern) {
  Regex r;
  r.impl_ = std::make_unique<Impl>();
  r.pattern_ = std::move(pattern);
  return r;
}

bool Regex::search(std::string_view utf8, Match& m, std::size_t from) const {
  std::vector<Match> g;
  if (!search(utf8, g, from)) return false;
  m = g[0];
  return true;
}

bool Regex::search(std::string_view utf8, std::vector<Match>& groups, std::size_t from) const {
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return false;
  if (!impl_->get(pattern_)) {
    utext_close(&ut);
    return false;
  }
  auto matcher = impl_->borrow(status);
  bool found = false;
  if (U_SUCCESS(status) && matcher) {
    matcher->reset(&ut);
    if (matcher->find(static_cast<int64_t>(from), status) && U_SUCCESS(status)) {
      const int n = matcher->groupCount();
      groups.assign(static_cast<std::size_t>(n + 1), Match{});
      for (int g = 0; g <= n; ++g) {
        const int64_t b = matcher->start64(g, status);
        const int64_t e = matcher->end64(g, status);
        auto& m = groups[static_cast<std::size_t>(g)];
        if (b < 0) {
          m.begin = m.end = std::string_view::npos;
        } else {
          m.begin = static_cast<std::size_t>(b);
          m.end = static_cast<std::size_t>(e);
        }
      }
      found = U_SUCCESS(status);
    }
  }
  impl_->give_back(std::move(matcher));
  utext_close(&ut);
  return found;
}

}  // namespace wenfeng::text
