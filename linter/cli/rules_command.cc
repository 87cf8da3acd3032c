// `wenfeng explain RULE [--profile P]`: what a rule checks, what it measures, its clause,
// parameters and examples, and the limits a profile sets for it.
// `wenfeng rules [--format text|markdown]`: every registered rule; the markdown form is the
// checked-in reference docs/rules.md (scripts/gen-rules-doc; RulesDoc.IsCurrent keeps it so).
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <span>

#include "base/data_dir.h"
#include "base/format.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/profile_text.h"
#include "model/rule.h"
#include "lint/session.h"
#include "profiles/profile.h"

namespace wenfeng::cli {
namespace {

std::string rule_ids() {
  std::string out;
  for (const auto* r : model::rules()) out += std::string(r->id) + " ";
  return out;
}

const char* type_name(model::ParamType t) {
  switch (t) {
    case model::ParamType::kNumber: return "数";
    case model::ParamType::kInteger: return "整数";
    case model::ParamType::kBool: return "true/false";
  }
  return "数";
}

// Text for a markdown table cell or list item: pipes escaped, line breaks as <br>.
std::string md(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else out += c;
  }
  return out;
}

std::string code_list(std::span<const std::string_view> items) {
  std::string out;
  for (auto i : items) out += (out.empty() ? "`" : "、`") + std::string(i) + "`";
  return out;
}

const char* needs_text(model::Needs n) {
  switch (n) {
    case model::Needs::kText: return "";
    case model::Needs::kKind: return "只在稿件类型已知、且规范为该类型设定了限额或规定时运行";
    case model::Needs::kPhrases: return "读词典（dictionaries/）的命中结果";
  }
  return "";
}

// The profiles shipped in profiles/, national (the base) first: the reference describes
// what the repository ships, whatever WENFENG_PROFILES_DIR says.
std::vector<profiles::Profile> shipped_profiles() {
  std::vector<std::string> ids;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(data_dir() + "/profiles", ec), end; !ec && it != end;
       it.increment(ec))
    if (it->path().extension() == ".yaml") ids.push_back(it->path().stem().string());
  std::sort(ids.begin(), ids.end(), [](const std::string& a, const std::string& b) {
    return (a != "national") == (b != "national") ? a < b : a == "national";
  });
  std::vector<profiles::Profile> out;
  for (const auto& id : ids)
    if (auto p = profiles::load_profile(data_dir() + "/profiles/" + id + ".yaml"); p.ok())
      out.push_back(std::move(p).value());
  return out;
}

const profiles::Profile* find_profile(const std::vector<profiles::Profile>& all, const std::string& id) {
  for (const auto& p : all)
    if (p.id == id) return &p;
  return nullptr;
}

bool same_limit(const profiles::Limit& a, const profiles::Limit& b) {
  return a.max == b.max && a.soft == b.soft && a.severity == b.severity && a.source.text() == b.source.text();
}

bool inherited(const profiles::Prohibition& p, const profiles::Kind* parent) {
  if (!parent) return false;
  return std::any_of(parent->prohibitions.begin(), parent->prohibitions.end(), [&](const profiles::Prohibition& q) {
    return q.rule == p.rule && q.message == p.message && q.severity == p.severity && q.words == p.words;
  });
}

// What each shipped profile does with the rule: on or off, severity, parameters, and the
// limits and prohibitions its kinds set (only where they differ from the profile it extends).
void print_profiles_section(const model::RuleInfo& r, const std::vector<profiles::Profile>& all) {
  std::string on, off, severities, params;
  std::vector<std::string> settings;
  for (const auto& p : all) {
    const auto& s = p.rule(r.id);
    (s.enabled ? on : off) += (s.enabled ? on : off).empty() ? p.id : "、" + p.id;
    if (s.severity) severities += (severities.empty() ? "" : "；") + p.id + " " + model::severity_name(*s.severity);
    if (!s.kind_severity.empty())
      severities += (severities.empty() ? "" : "；") + p.id + " " + s.kind_severity_text();
    for (const auto& [name, value] : s.params)
      params += (params.empty() ? "" : "；") + p.id + " `" + name + "` = " + short_number(value);
    const profiles::Profile* parent = p.chain.size() > 1 ? find_profile(all, p.chain[1]) : nullptr;
    for (const auto& [kid, k] : p.kinds) {
      const profiles::Kind* pk = parent ? parent->kind(kid) : nullptr;
      for (auto key : r.limit_keys) {
        auto it = k.limits.find(std::string(key));
        if (it == k.limits.end()) continue;
        if (pk)
          if (auto pit = pk->limits.find(std::string(key)); pit != pk->limits.end() && same_limit(pit->second, it->second))
            continue;
        const profiles::Limit& l = it->second;
        settings.push_back(p.id + " · `" + kid + "`：" + limit_text(l, p.unit) + " — " + l.source.part +
                           (l.soft ? "。说明：" + l.note : ""));
      }
      if (!r.prohibition) continue;
      for (const auto& pr : k.prohibitions)
        if (pr.rule == r.id && !inherited(pr, pk))
          settings.push_back(p.id + " · `" + kid + "`：" + pr.message + "（" + model::severity_name(pr.severity) + "） — " +
                             pr.source.part);
    }
  }
  std::cout << "\n各规范：\n\n- 开启：" << (on.empty() ? "—" : on) << "\n";
  if (!off.empty()) std::cout << "- 关闭：" << off << "\n";
  if (!severities.empty()) std::cout << "- 级别：" << severities << "\n";
  if (!params.empty()) std::cout << "- 参数：" << params << "\n";
  for (const auto& s : settings) std::cout << "- " << md(s) << "\n";
  if ((!r.limit_keys.empty() || r.prohibition) && settings.empty()) std::cout << "- 没有规范为任何类型设定此项\n";
}

void print_markdown() {
  const auto all = shipped_profiles();
  std::cout << "# wenfeng 规则参考 / Rule reference\n\n"
               "<!-- GENERATED from the rule registry by `wenfeng rules --format markdown` (scripts/gen-rules-doc). "
               "Do not edit: change the rule's RuleInfo in linter/rules/<family>/<name>.cc and run scripts/gen-rules-doc. -->\n\n"
               "Every rule wenfeng reports, as each rule declares itself (`linter/rules/<family>/<name>.cc`, "
               "`linter/model/rule.h`). Severities are the defaults: a rule may report some cases lower, and a profile may "
               "switch a rule off, give it one severity or set its parameters under `rules:` (profiles/README.md). Limit "
               "and prohibition rules take their numbers, severities and sources from the profile's kinds; “各规范” lists "
               "what each shipped profile sets (a kind's limit only where it differs from the profile it extends). Each "
               "rule's cases: `tests/rules/cases/<rule>.txt`.\n\n"
               "| 规则 | 名称 | 默认级别 | 可修正 | 检查 | 依据 |\n|---|---|---|---|---|---|\n";
  for (const auto* r : model::rules())
    std::cout << "| [`" << r->id << "`](#" << r->id << ") | " << r->title << " | " << model::severity_name(r->severity)
              << " | " << (r->fixable ? "是" : "") << " | " << md(r->summary) << " | " << md(r->source.text()) << " |\n";
  std::optional<model::Family> family;
  for (const auto* r : model::rules()) {
    if (family != r->family) {
      family = r->family;
      std::cout << "\n## " << model::family_name(r->family) << " — " << model::family_title(r->family) << "\n";
    }
    std::cout << "\n<a id=\"" << r->id << "\"></a>\n\n### " << r->id << " — " << r->title << "\n\n"
              << md(r->summary) << "\n\n" << md(r->description) << "\n\n"
              << "- 默认级别：" << model::severity_name(r->severity) << "\n"
              << "- 依据：" << md(r->source.text()) << "\n"
              << "- 报告：" << md(r->measures) << "\n"
              << "- 可自动修正（fix）：" << (r->fixable ? "是" : "否") << "\n";
    if (const char* n = needs_text(r->needs); *n) std::cout << "- 运行条件：" << n << "\n";
    if (!r->limit_keys.empty())
      std::cout << "- 规范中的限额键（limits:）：" << code_list(r->limit_keys) << "，单位："
                << (r->limit_unit.empty() ? std::string("规范的字数单位（unit）") : std::string(r->limit_unit)) << "\n";
    if (r->prohibition) std::cout << "- 在规范中作为类型的禁止性规定配置（prohibitions: rule: " << r->id << "）\n";
    if (!r->yields_to.empty())
      std::cout << "- 同一处已有下列规则的结果时不重复报告：" << code_list(r->yields_to) << "\n";
    if (!r->params.empty()) {
      std::cout << "\n| 参数 | 类型 | 默认 | 说明 |\n|---|---|---|---|\n";
      for (const auto& p : r->params)
        std::cout << "| `" << p.name << "` | " << type_name(p.type) << " | " << short_number(p.default_value) << " | "
                  << md(p.description) << " |\n";
    }
    std::cout << "\n消息：\n\n";
    for (const auto& m : r->messages)
      std::cout << "- " << md(m.zh) << (m.en.empty() ? "" : "<br>" + md(m.en)) << "\n";
    if (!r->examples.empty()) {
      std::cout << "\n| 例 | 改为 |\n|---|---|\n";
      for (const auto& e : r->examples) std::cout << "| " << md(e.bad) << " | " << md(e.good) << " |\n";
    }
    print_profiles_section(*r, all);
  }
}

}  // namespace

int rules_command(const Args& args) {
  if (!args.files.empty()) return usage_error(*find_command("rules"), "rules 不接受参数 “" + args.files[0] + "”");
  if (args.get_or("--format", "text") == "markdown") {
    print_markdown();
    return 0;
  }
  for (const auto* r : model::rules())
    std::cout << r->id << "\t" << model::severity_name(r->severity) << "\t" << r->title << "：" << r->summary << "\n";
  return 0;
}

// How to stop a phrase being reported, at each scope.
void print_allow_ways(const std::string& phrase) {
  std::cout << "\n不想报告“" << phrase << "”：\n"
            << "  一份稿件：文本稿在该段前加一行 # wenfeng-ignore: " << phrase
            << "（或用 wenfeng-ignore-begin … wenfeng-ignore-end 包住一段范围）；Word 稿对该处加批注“wenfeng-ignore: " << phrase
            << "”\n"
            << "  一个文件夹：在文件夹的 .wenfeng.yaml 中写 ignore: [" << phrase << "]（也可写类别、词表或规则 id）\n"
            << "  一个发文机关：在其规范的 phrases: 下写 allow: [" << phrase << "]（不报告）或 remove: [" << phrase
            << "]（从本规范的词表中去掉），可用 {phrase: …, note: 理由, part: 依据} 写明理由\n";
}

// `wenfeng explain PHRASE`: the dictionary entries the phrase hits, in the profile's set.
int explain_phrase(const std::string& phrase, const std::string& profile) {
  lint::RunOptions o;
  o.profile = profile;
  auto session = lint::Session::open(o, true);
  if (!session.ok()) {
    std::cerr << "wenfeng explain: " << session.error().message << "\n";
    return 2;
  }
  auto found = (*session)->lookup_phrase(phrase, profile);
  if (!found.ok()) {
    std::cerr << "wenfeng explain: " << found.error().message << "\n";
    return 2;
  }
  const auto& f = *found;
  if (f.in_set.empty() && f.in_shipped.empty()) {
    std::cerr << "wenfeng explain: “" << phrase << "” 既不是规则，也不是规范 " << f.profile->id
              << " 词表中的词语；规则：" << rule_ids() << "\n";
    return 2;
  }
  auto describe = [&](const phrases::Entry& e) {
    std::cout << "“" << e.phrase << "”  " << e.rule << "（词表 " << e.list << (e.category.empty() ? "" : "，" + e.category)
              << "，" << model::severity_name(e.severity) << (e.density_only ? "，只计入空话套话密度" : "") << "）\n";
    if (!e.kinds.empty()) {
      std::cout << "  只用于类型：";
      for (std::size_t i = 0; i < e.kinds.size(); ++i) std::cout << (i ? "、" : "") << e.kinds[i];
      std::cout << "\n";
    }
    if (!e.suggestion.empty()) std::cout << "  建议：" << e.suggestion << "\n";
    std::cout << "  依据：" << e.origin.text() << "\n";
  };
  for (auto i : f.in_set) describe(f.set->entries[i]);
  // Shipped entries the profile took out.
  for (auto i : f.in_shipped) {
    const auto& e = f.shipped->entries[i];
    const bool kept = std::any_of(f.in_set.begin(), f.in_set.end(), [&](std::uint32_t k) {
      return f.set->entries[k].file == e.file && f.set->entries[k].line == e.line && f.set->entries[k].variant == e.variant;
    });
    if (kept) continue;
    describe(e);
    for (const auto& r : f.profile->phrases.removed)
      if (r.what == e.phrase || r.what == e.variant || r.what == e.category || r.what == e.list)
        std::cout << "  规范 " << r.profile << " 去掉了此词条" << (r.note.empty() ? "" : "：" + r.note) << "\n";
  }
  for (const auto& a : f.profile->phrases.allowed)
    if (a.what == phrase) std::cout << "规范 " << a.profile << " 不报告此词语" << (a.note.empty() ? "" : "：" + a.note) << "\n";
  // Exceptions name an entry as written or one of its variants (a gap pattern's variant is
  // not the words found).
  std::string name = phrase;
  const auto& first = f.in_set.empty() ? f.shipped->entries[f.in_shipped[0]] : f.set->entries[f.in_set[0]];
  if (first.phrase != phrase && first.variant != phrase && first.variant.find("…") != std::string::npos) name = first.phrase;
  print_allow_ways(name);
  return 0;
}

int explain_command(const Args& args) {
  const Args* parsed = &args;
  if (args.files.size() != 1) {
    std::cerr << "用法：wenfeng explain RULE|词语 [--profile P]\n规则：" << rule_ids() << "\n";
    return 2;
  }
  const std::string id = args.files[0];
  const model::RuleInfo* info = model::find_rule(id);
  if (!info && id.find('.') == std::string::npos) return explain_phrase(id, parsed->get_or("--profile", "national"));
  if (!info) {
    std::vector<std::string_view> ids;
    for (const auto* r : model::rules()) ids.push_back(r->id);
    const std::string near = closest(id, ids);
    std::cerr << "wenfeng explain: 没有规则 “" << id << "”" << (near.empty() ? "" : "；是不是 “" + near + "”？")
              << "\n可用：" << rule_ids() << "\n";
    return 2;
  }
  std::cout << info->id << "  " << info->title << "\n\n" << info->description << "\n\n报告：" << info->measures
            << "\n依据：" << info->source.text() << "\n默认级别：" << model::severity_name(info->severity) << "\n";
  for (const auto& p : info->params)
    std::cout << "参数 " << p.name << "（默认 " << short_number(p.default_value) << "）：" << p.description << "\n";
  for (const auto& e : info->examples) std::cout << "例：" << e.bad << " → " << e.good << "\n";
  auto p = profiles::load_profile(parsed->get_or("--profile", "national"));
  if (!p.ok()) {
    std::cerr << "wenfeng explain: " << p.error().message << "\n";
    return 2;
  }
  const auto& setting = p->rule(id);
  if (!setting.enabled) std::cout << "\n规范 " << p->id << " 关闭了此规则。\n";
  else if (setting.severity) std::cout << "\n规范 " << p->id << " 中的级别：" << model::severity_name(*setting.severity) << "\n";
  if (setting.enabled && !setting.kind_severity.empty())
    std::cout << (setting.severity ? "" : "\n") << "规范 " << p->id << " 中按类型的级别：" << setting.kind_severity_text()
              << "；其他类型" << (setting.severity ? "为上面的级别" : "为默认级别") << "\n";
  for (const auto& [name, value] : setting.params)
    std::cout << "规范 " << p->id << " 中的参数 " << name << "：" << short_number(value) << "\n";
  bool any = false;
  for (const auto& [kid, k] : p->kinds) {
    for (const auto& [rule, l] : k.limits) {
      bool mine = false;
      for (auto key : info->limit_keys) mine |= key == rule;
      if (!mine) continue;
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
  if (!any && (!info->limit_keys.empty() || info->prohibition))
    std::cout << "\n规范 " << p->id << " 没有为任何类型设定此项。\n";
  if (info->needs == model::Needs::kPhrases) {
    print_allow_ways("高度重视");
    std::cout << "  查一个词语的词条、依据和本规范的增删：wenfeng explain 词语 --profile " << p->id << "\n";
  }
  return 0;
}

}  // namespace wenfeng::cli
