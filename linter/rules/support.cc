#include "rules/support.h"

#include <cstdlib>

#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {

model::RuleSource gbt9704(const char* clause) { return {"国家标准", "GB/T 9704-2012《党政机关公文格式》", clause}; }
model::RuleSource gbt15834(const char* clause) { return {"国家标准", "GB/T 15834-2011《标点符号用法》", clause}; }
model::RuleSource gbt15835(const char* clause) { return {"国家标准", "GB/T 15835-2011《出版物上数字用法》", clause}; }
model::RuleSource tiaoli(const char* clause) {
  return {"中共中央办公厅、国务院办公厅", "《党政机关公文处理工作条例》（中办发〔2012〕14号）", clause};
}
model::RuleSource proofreading(const char* part) { return {"wenfeng", "文稿校对规则", part}; }

text::Regex fixed_regex(const char* pattern) {
  auto r = text::Regex::compile(pattern);
  if (!r.ok()) std::abort();
  return std::move(r).value();
}

std::string utf8(char32_t c) {
  std::string s;
  text::append_utf8(s, c);
  return s;
}

bool number_after(std::string_view t, std::size_t at, std::size_t& end) {
  std::size_t n = 0;
  at = text::run_forward(t, text::spaces_forward(t, at), text::is_digit_nd, n);
  if (n == 0) return false;
  if (at < t.size() && t[at] == '.') {
    std::size_t m = 0;
    const std::size_t frac = text::run_forward(t, at + 1, text::is_digit_nd, m);
    if (m > 0) at = frac;
  }
  end = text::spaces_forward(t, at);
  return true;
}

std::size_t number_end(std::string_view t, std::size_t at) {
  std::size_t n = 0;
  at = text::run_forward(t, at, text::is_digit_nd, n);
  if (n == 0) return text::npos;
  if (at < t.size() && t[at] == '.') {
    const std::size_t frac = text::run_forward(t, at + 1, text::is_digit_nd, n);
    if (n > 0) at = frac;
  }
  return at;
}

bool digit_before(std::string_view t, std::size_t at) {
  at = text::spaces_back(t, at);
  return at > 0 && text::is_digit_nd(text::cp_before(t, at));
}

bool is_final_punct(char32_t c) {
  switch (c) {
    case U'。': case U'，': case U'；': case U'：': case U'、': case U'.': case U',': case U';': case U':':
      return true;
    default:
      return false;
  }
}

std::string_view trim_left(std::string_view t) {
  for (const auto c : text::code_points(t))
    if (!text::is_whitespace(c.cp) && !text::is_invisible(c.cp)) return t.substr(c.begin);
  return {};
}

char32_t last_visible(std::string_view t, std::size_t& at) {
  char32_t last = 0;
  for (const auto c : text::code_points(t))
    if (!text::is_whitespace(c.cp) && !text::is_invisible(c.cp)) {
      last = c.cp;
      at = c.begin;
    }
  return last;
}

}  // namespace wenfeng::rules
