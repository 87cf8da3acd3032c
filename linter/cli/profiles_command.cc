// `wenfeng profiles [ID|PATH]`: the profiles, their kinds and limits with sources.
#include <iostream>

#include "base/format.h"
#include "cli/profile_text.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "profiles/profile.h"

namespace wenfeng::cli {
namespace {


// What the issuer adds to and takes from the shipped dictionaries (dictionaries/*.dict).
void print_phrases(const profiles::Profile& p) {
  const auto& ph = p.phrases;
  if (ph.entries.empty() && ph.files.empty() && ph.removed.empty() && ph.allowed.empty() && ph.lists.empty() &&
      ph.category_severity.empty()) {
    std::cout << "  词语：使用 wenfeng 词典（dictionaries/），不增不减\n";
    return;
  }
  std::cout << "  词语（在 wenfeng 词典之外）：\n";
  for (const auto& e : ph.entries) {
    std::string attrs;
    for (const auto& [k, v] : e.attributes)
      if (k == "severity" || k == "kinds" || k == "suggest")
        attrs += "，" + std::string(k == "severity" ? "级别 " : k == "kinds" ? "用于 " : "建议：") + v;
    std::cout << "    增加 “" << e.phrase << "”（" << (e.category.empty() ? e.rule : e.category) << attrs
              << "）  依据：" << e.source << "\n";
  }
  for (const auto& f : ph.files) std::cout << "    增加 词典 " << f.path << "\n";
  for (const auto& r : ph.removed)
    std::cout << "    去掉 “" << r.what << "”" << (r.note.empty() ? "" : "：" + r.note) << "  依据：" << r.source.text()
              << "（" << r.profile << "）\n";
  for (const auto& a : ph.allowed)
    std::cout << "    不报告 “" << a.what << "”" << (a.note.empty() ? "" : "：" + a.note) << "（" << a.profile << "）\n";
  for (const auto& [c, sev] : ph.category_severity)
    std::cout << "    类别 " << c << " 的级别：" << model::severity_name(sev) << "\n";
  for (const auto& [l, on] : ph.lists) std::cout << "    词表 " << l << "：" << (on ? "on" : "off") << "\n";
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
      // What this limit replaced from a profile it extends still binds (checked beside it).
      if (auto it = k.inherited.find(rule); it != k.inherited.end())
        for (const auto& old : it->second)
          std::cout << "          仍受 " << old.profile << " 的上限约束：" << limit_text(old, p.unit) << "  依据：" << old.source.text()
                    << "\n";
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
  print_phrases(p);
  if (!p.rules.empty()) {
    std::cout << "  规则设置：\n";
    for (const auto& [id, s] : p.rules)
      std::cout << "    " << id << "："
                << (s.enabled ? (s.severity ? model::severity_name(*s.severity) : s.kind_severity.empty() ? "on" : "")
                              : "off")
                << (s.enabled && !s.kind_severity.empty()
                        ? std::string(s.severity ? "；" : "") + s.kind_severity_text() + "；其他类型" +
                              (s.severity ? "" : "用规则的默认级别")
                        : std::string())
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
