// punct.range — ranges (GB/T 15834-2011 4.13; SPEC.md §3 P7): value ranges with 浪纹线 "～",
// year ranges with 一字线 "—"; hyphens in phone and model numbers are left alone.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/punct/punct_scan.h"
#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"数值范围应用浪纹线“～”连接，不用“{found}”"},
    {"年份的起止应用一字线“—”连接（如 2021—2025年），不用“{found}”"},
};
constexpr model::Example kExamples[] = {{"气温25-30℃；2021-2025年", "气温25～30℃；2021—2025年"}};
const model::RuleSource kYear = gbt15834("4.13 连接号（一字线）");

constexpr std::string_view kValueUnits[] = {"%",  "％",   "‰",   "万", "亿",   "元",   "千克", "公斤", "克", "吨",
                                             "米", "千米", "公里", "平方米", "平方公里", "亩", "公顷", "人", "个", "岁",
                                             "天", "小时", "分钟", "℃",  "摄氏度", "倍", "户", "家", "所", "台", "辆"};

// The matches of (?<![\d.])(\d+(?:\.\d+)?)\s*([-－–—~]|-{2})\s*(\d+(?:\.\d+)?)\s*(%|％|‰|万|…|辆) in
// `s`, in order, as fn(dash begin, dash end). The numbers and spaces are greedy and what follows
// each can never be what it gave back; no two units start alike, so at most one matches at a
// place. "-{2}" is tried when a "-" is not followed by a number. A match starts at a run of
// digits with no digit or "." before it.
template <typename F>
void for_each_value_range(std::string_view s, F fn) {
  auto unit_end = [&](std::size_t at) {
    for (const auto u : kValueUnits)
      if (s.compare(at, u.size(), u) == 0) return at + u.size();
    return text::npos;
  };
  // The rest after the dash: \s* number \s* unit; the match's end or npos.
  auto rest = [&](std::size_t at) {
    std::size_t n = 0;
    const std::size_t second_end = number_end(s, text::run_forward(s, at, is_icu_space, n));
    if (second_end == text::npos) return text::npos;
    return unit_end(text::run_forward(s, second_end, is_icu_space, n));
  };
  for (std::size_t at = 0; at < s.size();) {
    std::size_t next;
    if (!text::is_digit_nd(text::cp_at(s, at, next))) {
      at = next;
      continue;
    }
    const std::size_t first_end = number_end(s, at);
    std::size_t end = text::npos;
    const char32_t prev = at == 0 ? 0 : text::cp_before(s, at);
    if (at == 0 || !(text::is_digit_nd(prev) || prev == U'.')) {
      std::size_t n = 0, dash_end = 0;
      const std::size_t dash = text::run_forward(s, first_end, is_icu_space, n);
      if (dash < s.size()) {
        const char32_t d = text::cp_at(s, dash, dash_end);
        if (d == U'-' || d == U'－' || d == U'–' || d == U'—' || d == U'~') end = rest(dash_end);
        if (end == text::npos && d == U'-' && dash_end < s.size() && s[dash_end] == '-') {
          dash_end += 1;
          end = rest(dash_end);
        }
        if (end != text::npos) fn(dash, dash_end);
      }
    }
    at = end != text::npos ? end : first_end;
  }
}

// support.h's has_number_range(s, dashes, unit_start) for a clause `s` of `t`, with the
// dashes taken from `at` (every dash of `t`, in order, found once by punct_scan.h's block
// scan) instead of a CharSet::find over the clause for each prefilter.
template <typename F>
bool has_range(std::string_view t, std::string_view s, const std::vector<std::uint32_t>& at, const text::CharSet& dashes,
               F unit_start) {
  const auto offset = static_cast<std::size_t>(s.data() - t.data());
  for (auto it = std::lower_bound(at.begin(), at.end(), offset); it != at.end() && *it < offset + s.size(); ++it) {
    const std::size_t b = *it - offset;
    std::size_t e;
    const char32_t c = text::cp_at(s, b, e);
    if (dashes.has(c) && range_at(s, b, e, c, unit_start)) return true;
  }
  return false;
}

void run(const lint::RuleContext& c) {
  static const text::CharSet value_dashes = {U'-', U'－', U'–', U'—', U'~'};
  static const text::CharSet year_dashes = {U'-', U'－', U'–', U'~', U'～'};
  auto value_unit = [](char32_t u) {
    return std::u32string_view(U"%％‰万亿元千公克吨米平亩人个岁天小分℃摄倍户家所台辆").find(u) != std::u32string_view::npos;
  };
  auto year_unit = [](char32_t u) { return u == U'年'; };
  // Every dash of either set: a paragraph without one is passed over in one block scan.
  static const text::CharSet any_dash = {U'-', U'－', U'–', U'—', U'~', U'～'};
  std::vector<std::uint32_t> dashes;  // the dashes of a paragraph, for both prefilters
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    dashes.clear();
    punct::for_each_start<2>(t, punct::dash_mask, punct::dash_one, [&](std::size_t at) {
      std::size_t e;
      if (any_dash.has(text::cp_at(t, at, e))) dashes.push_back(static_cast<std::uint32_t>(at));
      return e;
    });
    if (dashes.empty()) continue;
    // The patterns run only on paragraphs with a number, a dash and a number before a unit.
    for_each_clause(c.m.commas_of(bi), t, [&](std::string_view s) { return has_range(t, s, dashes, value_dashes, value_unit); },
      [&](std::string_view s, std::size_t offset) {
        for_each_value_range(s, [&](std::size_t b, std::size_t e) {
          c.report(bi, offset + b, offset + e, 0, {{"found", std::string(s.substr(b, e - b))}}).replace_with("～");
        });
      });
    // The scan of (?<!\d)(\d{4})\s*([-－–~～])\s*(\d{4})\s*年: at each dash, exactly four
    // digits (no fifth) before it over \s, and four after it, then \s and 年. Matches start
    // in the order of their dashes; one never holds another's dash.
    for_each_clause(c.m.commas_of(bi), t, [&](std::string_view s) { return has_range(t, s, dashes, year_dashes, year_unit); },
      [&](std::string_view s, std::size_t offset) {
        std::size_t from = 0;  // where the last match ended
        for (std::size_t b = year_dashes.find(s), e = 0; b != text::npos; b = year_dashes.find(s, e)) {
          text::cp_at(s, b, e);
          if (b < from) continue;
          std::size_t n = 0;
          text::run_back(s, text::run_back(s, b, is_icu_space, n, from), text::is_digit_nd, n, 0, 5);
          if (n != 4) continue;
          std::size_t at = text::run_forward(s, e, is_icu_space, n);
          at = text::run_forward(s, at, text::is_digit_nd, n, 5);
          if (n != 4) continue;
          at = text::run_forward(s, at, is_icu_space, n);
          if (s.substr(at, 3) != "年") continue;
          from = at + 3;
          c.report(bi, offset + b, offset + e, 1, {{"found", std::string(s.substr(b, e - b))}}, &kYear).replace_with("—");
        }
      });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "punct.range",
    .family = model::Family::kPunct,
    .severity = model::Severity::kWarning,
    .title = "连接号",
    .summary = "数值范围用“～”，年份起止用“—”",
    .description = "数值范围用浪纹线“～”（25～30℃），年份等起止用一字线“—”（2021—2025年）；电话号码、型号等的短横线不查。"
                   "每条结果带替换（fix）。",
    .measures = "指出连接号，fix 为正确的连接号。",
    .source = gbt15834("4.13 连接号（浪纹线）"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
