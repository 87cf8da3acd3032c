#include "model/diagnostic.h"

namespace wenfeng::model {

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

bool parse_severity(const std::string& s, Severity& out) {
  if (s == "info") out = Severity::kInfo;
  else if (s == "warning") out = Severity::kWarning;
  else if (s == "error") out = Severity::kError;
  else return false;
  return true;
}

Diagnostic make_diagnostic(std::string rule, Severity sev, std::uint32_t block, std::size_t begin, std::size_t end,
                           std::string message, RuleSource source) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = sev;
  d.block = block;
  d.offset = static_cast<std::uint32_t>(begin);
  d.length = static_cast<std::uint32_t>(end - begin);
  d.message = std::move(message);
  d.source = std::move(source);
  return d;
}

std::string RuleSource::text() const {
  // Document names are written in the profiles as they should appear (《》 only around
  // exact titles), so they are joined here without adding marks.
  std::string t = issuer;
  for (const std::string* s : {&document, &part})
    if (!s->empty()) t += (t.empty() ? "" : " · ") + *s;
  return t;
}

}  // namespace wenfeng::model
