// `wenfeng profiles [ID|PATH]`: the profiles, their kinds and limits with sources.
#include <iostream>

#include "base/format.h"
#include "cli/profile_text.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "profiles/profile.h"

namespace wenfeng::cli {
namespace {


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

int profiles_command(const Args& args) {
  std::vector<std::string> ids = args.files.empty() ? profiles::list_profiles() : args.files;
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

}  // namespace wenfeng::cli
