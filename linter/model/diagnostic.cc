#include "model/diagnostic.h"

#include "model/rule.h"

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

bool parse_severity(std::string_view s, Severity& out) {
  if (s == "info") out = Severity::kInfo;
  else if (s == "warning") out = Severity::kWarning;
  else if (s == "error") out = Severity::kError;
  else return false;
  return true;
}

std::string RuleSource::text() const {
  // Document names are written in the profiles as they should appear (《》 only around
  // exact titles), so they are joined here without adding marks.
  std::string t = issuer;
  for (const std::string* s : {&document, &part})
    if (!s->empty()) t += (t.empty() ? "" : " · ") + *s;
  return t;
}

std::string_view Diagnostic::rule_id() const { return rule ? rule->id : std::string_view(); }

std::string Diagnostic::text(bool english) const {
  std::string_view tmpl = message_template;
  if (tmpl.empty() && rule && message < rule->messages.size()) {
    const Message& m = rule->messages[message];
    tmpl = english && !m.en.empty() ? m.en : m.zh;
  }
  return render_message(tmpl, args);
}

}  // namespace wenfeng::model
