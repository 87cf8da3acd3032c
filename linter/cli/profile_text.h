// Profile facts as `profiles` and `explain` print them.
#pragma once

#include <string>

#include "base/format.h"
#include "profiles/profile.h"

namespace wenfeng::cli {

// "length.body ≤ 800 字（error）", with the unit each limit key is counted in.
inline std::string limit_text(const profiles::Limit& l, const std::string& unit) {
  const std::string u = l.rule.rfind("duration.", 0) == 0 ? " 分钟"
                        : l.rule == "length.pages"         ? " 页"
                        : l.rule == "length.items"         ? " 条"
                                                           : (unit == "zishu" ? " 字" : " " + unit);
  std::string t = l.rule + " ≤ " + short_number(l.max) + u + "（" + model::severity_name(l.severity);
  if (l.soft) t += "，默认软上限";
  return t + "）";
}

}  // namespace wenfeng::cli
