// Number formatting for messages and reports.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace wenfeng {

// Always one decimal: "2.0", "4.2".
inline std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A whole number without decimals, anything else with one: "800", "2.5".
inline std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 1e-9 ? "%.0f" : "%.1f", v);
  return buf;
}

}  // namespace wenfeng
