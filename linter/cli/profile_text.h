// Profile facts as `profiles` and `explain` print them.
#pragma once

#include <string>

#include "base/format.h"
#include "model/rule.h"
#include "profiles/profile.h"

namespace wenfeng::cli {

// "length.body ≤ 800 字（error）", in the unit the limit's rule counts (RuleInfo::limit_unit),
// else the profile's length unit.
inline std::string limit_text(const profiles::Limit& l, const std::string& unit) {
  const model::RuleInfo* r = model::find_limit_rule(l.rule);
  std::string u = " ";
  if (r && !r->limit_unit.empty()) u += r->limit_unit;
  else u += unit == "zishu" ? std::string_view("字") : std::string_view(unit);
  std::string t = l.rule + " ≤ " + short_number(l.max) + u + "（" + model::severity_name(l.severity);
  if (l.soft) t += "，默认软上限";
  return t + "）";
}

}  // namespace wenfeng::cli
