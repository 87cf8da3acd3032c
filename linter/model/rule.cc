#include "model/rule.h"

#include <algorithm>

namespace wenfeng::model {
namespace {

std::vector<const RuleInfo*>& table() {
  static std::vector<const RuleInfo*> t;
  return t;
}

}  // namespace

const char* family_name(Family f) {
  switch (f) {
    case Family::kPhrase: return "phrase";
    case Family::kTypo: return "typo";
    case Family::kFormat: return "format";
    case Family::kPunct: return "punct";
    case Family::kNumber: return "number";
    case Family::kText: return "text";
    case Family::kKind: return "kind";
    case Family::kLength: return "length";
    case Family::kDuration: return "duration";
  }
  return "text";
}

const char* family_title(Family f) {
  switch (f) {
    case Family::kPhrase: return "空话套话与禁用词";
    case Family::kTypo: return "易混词";
    case Family::kFormat: return "公文格式";
    case Family::kPunct: return "标点符号";
    case Family::kNumber: return "数字用法";
    case Family::kText: return "文字校对";
    case Family::kKind: return "稿件类型的规定";
    case Family::kLength: return "篇幅";
    case Family::kDuration: return "时长";
  }
  return "";
}

RuleRegistrar::RuleRegistrar(const RuleInfo& info) {
  table().push_back(&info);
}

const std::vector<const RuleInfo*>& rules() {
  // Registration happens during static initialisation, before main; the first call after
  // it sorts once. (Nothing calls this during static initialisation.)
  static const bool once = [] {
    auto& t = table();
    std::sort(t.begin(), t.end(), [](const RuleInfo* a, const RuleInfo* b) {
      return a->family != b->family ? a->family < b->family : a->id < b->id;
    });
    return true;
  }();
  (void)once;
  return table();
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo* r : rules())
    if (r->id == id) return r;
  return nullptr;
}

const RuleInfo* find_limit_rule(std::string_view key) {
  for (const RuleInfo* r : rules())
    for (auto k : r->limit_keys)
      if (k == key) return r;
  return nullptr;
}

const Param* RuleInfo::param(std::string_view name) const {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string render_message(std::string_view tmpl, const Pairs& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  std::size_t i = 0;
  while (i < tmpl.size()) {
    const std::size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) break;
    const std::size_t close = tmpl.find('}', open + 1);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    bool found = false;
    for (const auto& [k, v] : args)
      if (k == name) {
        out += v;
        found = true;
        break;
      }
    if (!found) out.append(tmpl.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(tmpl.substr(i));
  return out;
}

}  // namespace wenfeng::model
