// `wenfeng profiles [ID|PATH]`: the profiles, their kinds and limits with sources.
// `wenfeng explain RULE [--profile P]`: what a rule checks and where its limits come from.
#include <iostream>

#include "model/rule_catalog.h"
#include "base/format.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "profiles/profile.h"

namespace wenfeng::cli {
namespace {


std::string limit_text(const profiles::Limit& l, const std::string& unit) {
  std::string u = l.rule.rfind("duration.", 0) == 0 ? " 分钟"
                  : l.rule == "length.pages"         ? " 页"
                  : l.rule == "length.items"         ? " 条"
                                                     : (unit == "zishu" ? " 字" : " " + unit);
  std::string t = l.rule + " ≤ " + short_number(l.max) + u + "（" + model::severity_name(l.severity);
  if (l.soft) t += "，默认软上限";
  return t + "）";
}

void print_profile(const profiles::Profile& p) {
  std::cout << p.id << "  " << p.name << "\n";
  std::cout << "  继承：";
  for (std::size_t i = 0; i < p.chain.size(); ++i) std::cout << (i ? " → " : "") << p.chain[i];
  std::cout << "\n  依据：" << p.source.text() << "\n  单位：" << p.unit << "；语速：电视 " << short_number(p.tv_rate)
            << " 字/分钟，讲话 " << short_number(p.speech_rate) << " 字/分钟\n  类型：\n";
  for (const auto& [id, k] : p.kinds) {
    std::cout << "    " << id << "  " << k.name << "\n";
    for (const auto& [rule, l] : k.limits) {
      std::cout << "        " << limit_text(l, p.unit) << "  依据：" << l.source.text() << "\n";
      if (l.soft) std::cout << "          说明：" << l.note << "\n";
    }
    for (const auto& pr : k.prohibitions)
      std::cout << "        " << pr.rule << "（" << model::severity_name(pr.severity) << "）" << pr.message
                << "  依据：" << pr.source.text() << "\n";
    for (const auto& n : k.notes) std::cout << "        （不可自动检查）" << n << "\n";
    if (k.items)
      for (const auto& t : k.items->types)
        std::cout << "        kind.item-type " << t.name << "（" << model::severity_name(t.severity) << "）"
                  << t.message << "\n";
  }
  for (const auto& n : p.notes) std::cout << "  （不可自动检查）" << n << "\n";
  if (!p.rules.empty()) {
    std::cout << "  规则设置：\n";
    for (const auto& [id, s] : p.rules)
      std::cout << "    " << id << "：" << (s.enabled ? (s.severity ? model::severity_name(*s.severity) : "on") : "off")
                << "\n";
  }
}

}  // namespace

int profiles_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv, {}, {});
  if (!parsed.ok()) {
    std::cerr << "wenfeng profiles: " << parsed.error().message << "\n";
    return 2;
  }
  std::vector<std::string> ids = parsed->files.empty() ? profiles::list_profiles() : parsed->files;
  if (ids.empty()) {
    std::cerr << "wenfeng profiles: 找不到任何规范文件（查找目录：";
    for (const auto& d : profiles::profile_dirs()) std::cerr << d << " ";
    std::cerr << "）\n";
    return 2;
  }
  int status = 0;
  for (const auto& id : ids) {
    auto p = profiles::load_profile(id);
    if (!p.ok()) {
      std::cerr << "wenfeng profiles: " << p.error().message << "\n";
      status = 2;
      continue;
    }
    print_profile(*p);
    std::cout << "\n";
  }
  return status;
}

int explain_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv, {"--profile"}, {});
  if (!parsed.ok() || parsed->files.size() != 1) {
    std::cerr << "用法：wenfeng explain RULE [--profile P]\n规则：";
    for (const auto& r : model::rule_catalog()) std::cerr << r.id << " ";
    std::cerr << "\n";
    return 2;
  }
  const std::string id = parsed->files[0];
  const model::RuleInfo* info = model::find_rule(id);
  if (!info) {
    std::cerr << "wenfeng explain: 没有规则 “" << id << "”；可用：";
    for (const auto& r : model::rule_catalog()) std::cerr << r.id << " ";
    std::cerr << "\n";
    return 2;
  }
  std::cout << info->id << "  " << info->title << "\n\n" << info->description << "\n";
  auto p = profiles::load_profile(parsed->get_or("--profile", "national"));
  if (!p.ok()) {
    std::cerr << "wenfeng explain: " << p.error().message << "\n";
    return 2;
  }
  bool any = false;
  for (const auto& [kid, k] : p->kinds) {
    for (const auto& [rule, l] : k.limits) {
      const bool match = rule == id || (id == "length.item" && rule == "length.item-research");
      if (!match) continue;
      if (!any) std::cout << "\n规范 " << p->id << " 中的限额：\n";
      any = true;
      std::cout << "  " << kid << "：" << limit_text(l, p->unit) << "\n    依据：" << l.source.text() << "\n";
      if (l.soft) std::cout << "    说明：" << l.note << "\n";
    }
    for (const auto& pr : k.prohibitions) {
      if (pr.rule != id) continue;
      if (!any) std::cout << "\n规范 " << p->id << " 中的规定：\n";
      any = true;
      std::cout << "  " << kid << "：" << pr.message << "\n    依据：" << pr.source.text() << "\n";
    }
  }
  if (!any && info->family_limits) std::cout << "\n规范 " << p->id << " 没有为任何类型设定此项限额。\n";
  return 0;
}

}  // namespace wenfeng::cli
