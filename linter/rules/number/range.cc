// number.range — a range whose first value drops % or 万/亿 (18～25% → 18%～25%; GB/T
// 15835-2011 4.3; SPEC.md §3 N8).
#include <string>
#include <string_view>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"数值范围“{found}”中，前一个数值也应带“{unit}”（如“{from}{unit}～{to}{unit}”）"},
};
constexpr model::Example kExamples[] = {{"增长18～25%", "增长18%～25%"}};

bool is_range_dash(char32_t c) {
  return c == U'～' || c == U'~' || c == U'—' || c == U'-' || c == U'－' || c == U'–';
}

// The matches of (?<![\d.])(\d+(?:\.\d+)?)\s*[～~—\-－–]\s*(\d+(?:\.\d+)?)\s*(%|％|万|亿) in `s`
// as fn(begin, end, first number's end, second number's begin and end, unit's begin). Every
// part is greedy and what follows it can never be what it gave back, so there is no
// backtracking; a match starts at a run of digits with no digit or "." before it.
template <typename F>
void for_each_unit_range(std::string_view s, F fn) {
  for (std::size_t at = next_digit(s, 0); at < s.size(); at = next_digit(s, at)) {
    const std::size_t first_end = number_end(s, at);
    std::size_t n = 0;
    bool found = false;
    if (!(at > 0 && (digit_ends_at(s, at) || s[at - 1] == '.'))) {
      const std::size_t dash = run_forward(s, first_end, is_icu_space, n);
      std::size_t after_dash;
      if (dash < s.size() && is_range_dash(text::cp_at(s, dash, after_dash))) {
        const std::size_t second = run_forward(s, after_dash, is_icu_space, n);
        const std::size_t second_end = number_end(s, second);
        if (second_end != text::npos) {
          const std::size_t unit = run_forward(s, second_end, is_icu_space, n);
          std::size_t unit_end = text::npos;
          if (s.compare(unit, 1, "%") == 0) unit_end = unit + 1;
          else if (s.compare(unit, 3, "％") == 0 || s.compare(unit, 3, "万") == 0 || s.compare(unit, 3, "亿") == 0)
            unit_end = unit + 3;
          if (unit_end != text::npos) {
            fn(at, unit_end, first_end, second, second_end, unit);
            at = unit_end;
            found = true;
          }
        }
      }
    }
    // Inside the run of digits (and its fraction) no match can start: a digit or "." is before.
    if (!found) at = first_end;
  }
}

void run(const lint::RuleContext& c) {
  static const TailSet dashes = {U'～', U'~', U'—', U'-', U'－', U'–'};
  auto unit = [](char32_t u) { return u == U'%' || u == U'％' || u == U'万' || u == U'亿'; };
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // Only paragraphs (clauses of a long one) with a number, a dash and a number before a unit.
    auto may_match = [&](std::string_view s) { return has_number_range(s, dashes, unit); };
    for_each_clause(c.m.commas_of(bi), t, may_match, [&](std::string_view s, std::size_t offset) {
      for_each_unit_range(s, [&](std::size_t begin, std::size_t end, std::size_t first_end, std::size_t second,
                                 std::size_t second_end, std::size_t unit_begin) {
        c.report(bi, offset + begin, offset + end, 0,
                 {{"found", std::string(s.substr(begin, end - begin))},
                  {"unit", std::string(s.substr(unit_begin, end - unit_begin))},
                  {"from", std::string(s.substr(begin, first_end - begin))},
                  {"to", std::string(s.substr(second, second_end - second))}});
      });
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "number.range",
    .family = model::Family::kNumber,
    .severity = model::Severity::kWarning,
    .title = "数值范围的单位",
    .summary = "百分数、万、亿的范围两端都带单位",
    .description = "百分数、万、亿的范围两端都带单位（18%～25%，2万～5万）。",
    .measures = "指出数值范围。",
    .source = gbt15835("4.3 数值范围"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
