// Every rule id wenfeng can report, with a Chinese title and description (for
// `wenfeng explain`, SARIF rule metadata and the README table).
#pragma once

#include <string>
#include <vector>

namespace wenfeng::model {

struct RuleInfo {
  std::string id;
  std::string title;
  std::string description;
  bool family_limits = false;  // limits come from the profile's kinds
};

const std::vector<RuleInfo>& rule_catalog();
const RuleInfo* find_rule(const std::string& id);

}  // namespace wenfeng::model
