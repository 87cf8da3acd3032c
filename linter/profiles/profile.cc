#include "profiles/profile.h"
#include "profiles/yaml_caps.h"

#include "base/cache.h"
#include "base/data_dir.h"

#include "model/rule.h"
#include "text/regex_serial.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

namespace wenfeng::model {
template <typename V>
static void describe(V& v, RuleSource& x) {
  v(x.issuer, x.document, x.part);
}
}  // namespace wenfeng::model

namespace wenfeng::profiles {
namespace fs = std::filesystem;

// The binary form of a profile in the startup cache (base/cache.h). A field added to any of
// these structs must be added to its describe(): the sizes stop the build until it is.
static_assert(sizeof(Limit) == 216 && sizeof(Prohibition) == 192 && sizeof(ItemType) == 248 &&
                  sizeof(ItemSpec) == 224 && sizeof(Kind) == 464 && sizeof(BodyScope) == 5 &&
                  sizeof(PhraseException) == 224 && sizeof(PhraseEntry) == 384 && sizeof(PhraseSettings) == 264 &&
                  sizeof(PhraseSettings::File) == 64 && sizeof(RuleSetting) == 104 && sizeof(Cue) == 80 &&
                  sizeof(CueGroup) == 56 && sizeof(NewsRule) == 96 && sizeof(Classifier) == 200 &&
                  sizeof(Classifier::Exception) == 64 && sizeof(Classifier::TitleRule) == 56 &&
                  sizeof(Classifier::SpeechRule) == 64 && sizeof(Vocabulary) == 48 && sizeof(Profile) == 984 &&
                  sizeof(model::RuleSource) == 96,
              "a field of a profile struct changed: update its describe() in profiles/profile.cc");
template <typename V>
static void describe(V& v, Limit& x) {
  v(x.rule, x.max, x.soft, x.note, x.severity, x.source, x.profile);
}
template <typename V>
static void describe(V& v, Prohibition& x) {
  v(x.rule, x.severity, x.message, x.words, x.source);
}
template <typename V>
static void describe(V& v, ItemType& x) {
  v(x.id, x.name, x.keywords, x.with, x.severity, x.message, x.source);
}
template <typename V>
static void describe(V& v, ItemSpec& x) {
  v(x.title_patterns, x.title_regexes, x.research_markers, x.research_patterns, x.research_regexes,
    x.research_sections, x.section_patterns, x.section_regexes, x.count_title, x.types);
}
template <typename V>
static void describe(V& v, Kind& x) {
  v(x.id, x.name, x.title_keywords, x.limits, x.inherited, x.prohibitions, x.items, x.notes);
}
template <typename V>
static void describe(V& v, BodyScope& x) {
  v(x.exclude_title, x.exclude_headings, x.exclude_dateline, x.exclude_editor_note, x.exclude_captions);
}
template <typename V>
static void describe(V& v, PhraseException& x) {
  v(x.what, x.note, x.source, x.profile, x.where);
}
template <typename V>
static void describe(V& v, PhraseEntry& x) {
  v(x.phrase, x.rule, x.list, x.message, x.category, x.source, x.origin, x.attributes, x.file, x.line, x.where);
}
template <typename V>
static void describe(V& v, PhraseSettings::File& x) {
  v(x.path, x.where);
}
template <typename V>
static void describe(V& v, PhraseSettings& x) {
  v(x.lists, x.list_where, x.category_severity, x.allow, x.allowed, x.removed, x.entries, x.files);
}
template <typename V>
static void describe(V& v, RuleSetting& x) {
  v(x.enabled, x.severity, x.params, x.kind_severity);
}
template <typename V>
static void describe(V& v, Cue& x) {
  v(x.word, x.not_after, x.not_before);
}
template <typename V>
static void describe(V& v, CueGroup& x) {
  v(x.id, x.cues);
}
template <typename V>
static void describe(V& v, NewsRule& x) {
  v(x.what, x.who, x.kind);
}
template <typename V>
static void describe(V& v, Classifier::Exception& x) {
  v(x.ending, x.title_has);
}
template <typename V>
static void describe(V& v, Classifier::TitleRule& x) {
  v(x.kind, x.title_has);
}
template <typename V>
static void describe(V& v, Classifier::SpeechRule& x) {
  v(x.who, x.kind);
}
template <typename V>
static void describe(V& v, Classifier& x) {
  v(x.document_kind, x.document_endings, x.document_exceptions, x.title_rules, x.who, x.what, x.news, x.speech);
}
template <typename V>
static void describe(V& v, Vocabulary& x) {
  v(x.wenzhong, x.official_titles);
}
template <typename V>
static void describe(V& v, Profile& x) {
  v(x.id, x.name, x.path, x.chain, x.source, x.unit, x.tv_rate, x.speech_rate, x.scope, x.phrases, x.kinds, x.rules,
    x.vocabulary, x.classifier, x.notes, x.xml_map, x.html_selector);
}

namespace {

constexpr std::string_view kProfileCacheName = "profile";

// A profile is data from anyone's folder: besides the YAML caps (profiles/yaml_caps.h), no
// more kinds than any issuer could have.
constexpr std::size_t kMaxKinds = 500;

// yaml-cpp reports problems by exception; they are caught here and turned into Errors.
struct ConfigError {
  std::string message;
  YAML::Mark mark;
};


std::string where(const std::string& file, const YAML::Mark& m) {
  return file + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

[[noreturn]] void fail(const YAML::Node& n, const std::string& msg) { throw ConfigError{msg, n.Mark()}; }

std::string str(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) fail(n, std::string(what) + " 应为字符串");
  return n.as<std::string>();
}

double number(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) fail(n, std::string(what) + " 应为数字");
  try {
    return n.as<double>();
  } catch (const YAML::Exception&) {
    fail(n, std::string(what) + " 应为数字，实际为 " + quote_short(n.Scalar()));
  }
}

bool boolean(const YAML::Node& n, const char* what) {
  try {
    return n.as<bool>();
  } catch (const YAML::Exception&) {
    fail(n, std::string(what) + " 应为 true 或 false");
  }
}

model::Severity severity(const YAML::Node& n) {
  model::Severity s;
  if (!n.IsScalar() || !model::parse_severity(n.Scalar(), s)) fail(n, "severity 只能是 error、warning 或 info");
  return s;
}

std::vector<std::string> strings(const YAML::Node& n, const char* what) {
  std::vector<std::string> out;
  if (!n.IsSequence()) fail(n, std::string(what) + " 应为列表");
  for (const auto& x : n) out.push_back(str(x, what));
  return out;
}

void check_keys(const YAML::Node& map, std::initializer_list<const char*> allowed, const char* where_in) {
  if (!map.IsMap()) fail(map, std::string(where_in) + " 应为映射（键: 值）");
  for (const auto& kv : map) {
    const std::string k = kv.first.as<std::string>();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; }))
      fail(kv.first, std::string(where_in) + " 中有未知的键 " + quote_short(k));
  }
}

model::RuleSource source_from(const YAML::Node& n, const model::RuleSource& base) {
  model::RuleSource s = base;
  if (n["issuer"]) s.issuer = str(n["issuer"], "issuer");
  if (n["document"]) s.document = str(n["document"], "document");
  if (n["part"]) s.part = str(n["part"], "part");
  return s;
}

std::string limit_keys_list() {
  std::string out;
  for (const model::RuleInfo* r : model::rules())
    for (auto k : r->limit_keys) out += (out.empty() ? "" : "、") + std::string(k);
  return out;
}

void load_kind(const YAML::Node& n, Kind& k, const model::RuleSource& base, const std::string& profile_id) {
  check_keys(n, {"name", "title_keywords", "limits", "prohibitions", "items", "notes"}, "kind");
  if (n["notes"]) k.notes = strings(n["notes"], "notes");
  if (n["name"]) k.name = str(n["name"], "name");
  if (n["title_keywords"]) k.title_keywords = strings(n["title_keywords"], "title_keywords");
  if (const auto lim = n["limits"]) {
    if (!lim.IsMap()) fail(lim, "limits 应为映射");
    for (const auto& kv : lim) {
      const std::string rule = kv.first.as<std::string>();
      if (!model::find_limit_rule(rule)) fail(kv.first, "未知的限额规则 " + quote_short(rule) + "；可用：" + limit_keys_list());
      const auto& v = kv.second;
      check_keys(v, {"max", "max_minutes", "soft", "note", "severity", "issuer", "document", "part"}, rule.c_str());
      Limit l;
      l.rule = rule;
      if (v["max"]) l.max = number(v["max"], "max");
      else if (v["max_minutes"]) l.max = number(v["max_minutes"], "max_minutes");
      else fail(v, rule + " 缺少 max（或 max_minutes）");
      if (l.max <= 0) fail(v, rule + " 的上限必须为正数");
      if (v["soft"]) l.soft = boolean(v["soft"], "soft");
      if (v["note"]) l.note = str(v["note"], "note");
      if (l.soft && l.note.empty()) fail(v, "软上限（soft: true）必须用 note 说明这是默认值及其理由");
      l.severity = v["severity"] ? severity(v["severity"]) : (l.soft ? model::Severity::kWarning : model::Severity::kError);
      l.source = source_from(v, base);
      l.profile = profile_id;
      // An ancestor's figure replaced here still binds (a soft default does not).
      if (auto old = k.limits.find(rule); old != k.limits.end() && old->second.profile != profile_id && !old->second.soft) {
        auto& kept = k.inherited[rule];
        kept.insert(kept.begin(), old->second);
      }
      k.limits[rule] = l;
    }
  }
  if (const auto pr = n["prohibitions"]) {
    if (!pr.IsSequence()) fail(pr, "prohibitions 应为列表");
    k.prohibitions.clear();
    for (const auto& v : pr) {
      check_keys(v, {"rule", "severity", "message", "words", "issuer", "document", "part"}, "prohibition");
      Prohibition p;
      if (!v["rule"]) fail(v, "prohibition 缺少 rule");
      p.rule = str(v["rule"], "rule");
      const model::RuleInfo* info = model::find_rule(p.rule);
      if (!info || !info->prohibition) fail(v["rule"], "未知的禁止性规则 " + quote_short(p.rule));
      if (v["severity"]) p.severity = severity(v["severity"]);
      if (v["message"]) p.message = str(v["message"], "message");
      if (v["words"]) p.words = strings(v["words"], "words");
      if (p.rule == "kind.genre" && p.words.empty()) fail(v, "kind.genre 需要 words 列出禁止的体裁");
      p.source = source_from(v, base);
      k.prohibitions.push_back(std::move(p));
    }
  }
  if (const auto it = n["items"]) {
    check_keys(it,
               {"title_patterns", "research_markers", "research_patterns", "research_sections", "section_patterns",
                "count_title", "types"},
               "items");
    ItemSpec spec;
    auto regexes = [&](const char* key, std::vector<std::string>& patterns,
                       std::vector<std::shared_ptr<const text::Regex>>& compiled) {
      if (!it[key]) return;
      patterns = strings(it[key], key);
      std::size_t i = 0;
      for (const auto& pattern : patterns) {
        auto re = text::Regex::compile(pattern);
        if (!re.ok()) fail(it[key][i], std::string(key) + " 中的正则表达式有误：" + re.error().message);
        compiled.push_back(std::make_shared<const text::Regex>(std::move(re).value()));
        ++i;
      }
    };
    regexes("title_patterns", spec.title_patterns, spec.title_regexes);
    regexes("research_patterns", spec.research_patterns, spec.research_regexes);
    regexes("section_patterns", spec.section_patterns, spec.section_regexes);
    if (it["research_markers"]) spec.research_markers = strings(it["research_markers"], "research_markers");
    if (it["research_sections"]) spec.research_sections = strings(it["research_sections"], "research_sections");
    if (it["count_title"]) spec.count_title = boolean(it["count_title"], "count_title");
    if (const auto ts = it["types"]) {
      if (!ts.IsSequence()) fail(ts, "types 应为列表");
      for (const auto& t : ts) {
        check_keys(t, {"id", "name", "keywords", "with", "severity", "message", "issuer", "document", "part"}, "item type");
        ItemType type;
        if (!t["id"] || !t["keywords"]) fail(t, "item type 需要 id 和 keywords");
        type.id = str(t["id"], "id");
        if (t["name"]) type.name = str(t["name"], "name");
        type.keywords = strings(t["keywords"], "keywords");
        if (t["with"]) type.with = strings(t["with"], "with");
        if (t["severity"]) type.severity = severity(t["severity"]);
        if (t["message"]) type.message = str(t["message"], "message");
        type.source = source_from(t, base);
        spec.types.push_back(std::move(type));
      }
    }
    k.items = std::move(spec);
  }
}

void load_rule_setting(const YAML::Node& key, const YAML::Node& v, Profile& p) {
  const std::string rule_id = key.as<std::string>();
  const model::RuleInfo* info = model::find_rule(rule_id);
  if (!info) fail(key, "未知的规则 " + quote_short(rule_id) + "（wenfeng explain 列出所有规则）");
  RuleSetting& s = p.rules[rule_id];
  if (v.IsScalar()) {
    if (v.Scalar() == "off") s.enabled = false;
    else if (v.Scalar() == "on") s.enabled = true;
    else {
      s.severity = severity(v);
      s.kind_severity.clear();  // one severity in every kind, also over the parent's per-kind ones
    }
    return;
  }
  if (!v.IsMap()) fail(v, "规则设置应为 on、off、级别，或映射 {enabled, severity, kinds, 参数}");
  for (const auto& kv : v) {
    const std::string name = kv.first.as<std::string>();
    if (name == "enabled") {
      s.enabled = boolean(kv.second, "enabled");
    } else if (name == "severity") {
      s.severity = severity(kv.second);
    } else if (name == "kinds") {
      if (!kv.second.IsMap()) fail(kv.second, "规则 " + rule_id + " 的 kinds 应为映射 {类型或类型族: 级别}，如 {document: error}");
      for (const auto& ks : kv.second) {
        const std::string kind_id = ks.first.as<std::string>();
        if (kind_id.empty() || kind_id.front() == '.' || kind_id.back() == '.')
          fail(ks.first, "kinds 中的类型 " + quote_short(kind_id) + " 无效");
        s.kind_severity[kind_id] = severity(ks.second);
      }
    } else if (const model::Param* param = info->param(name)) {
      double value = 0;
      if (param->type == model::ParamType::kBool) value = boolean(kv.second, param->name.data()) ? 1 : 0;
      else value = number(kv.second, param->name.data());
      if (param->type == model::ParamType::kInteger && value != static_cast<double>(static_cast<long long>(value)))
        fail(kv.second, std::string(name) + " 应为整数");
      if (param->type != model::ParamType::kBool && value < 0) fail(kv.second, std::string(name) + " 不能为负数");
      s.params[name] = value;
    } else {
      std::string known = "enabled、severity、kinds";
      for (const auto& prm : info->params) known += "、" + std::string(prm.name);
      fail(kv.first, "规则 " + rule_id + " 没有参数 " + quote_short(name) + "；可用：" + known);
    }
  }
}

std::vector<Cue> cues(const YAML::Node& n, const char* what) {
  if (!n.IsSequence()) fail(n, std::string(what) + " 应为列表");
  std::vector<Cue> out;
  for (const auto& x : n) {
    Cue c;
    if (x.IsScalar()) {
      c.word = x.as<std::string>();
    } else {
      check_keys(x, {"word", "not_after", "not_before"}, what);
      if (!x["word"]) fail(x, std::string(what) + " 的条目需要 word");
      c.word = str(x["word"], "word");
      if (x["not_after"]) c.not_after = strings(x["not_after"], "not_after");
      if (x["not_before"]) c.not_before = strings(x["not_before"], "not_before");
    }
    if (c.word.empty()) fail(x, std::string(what) + " 中有空词语");
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<CueGroup> cue_groups(const YAML::Node& n, const char* what) {
  if (!n.IsSequence()) fail(n, std::string(what) + " 应为列表（按优先顺序）");
  std::vector<CueGroup> out;
  for (const auto& g : n) {
    check_keys(g, {"id", "words"}, what);
    if (!g["id"] || !g["words"]) fail(g, std::string(what) + " 的条目需要 id 和 words");
    out.push_back({str(g["id"], "id"), cues(g["words"], "words")});
  }
  return out;
}

// `classifier:` keys replace the parent's value of the same key.
void load_classifier(const YAML::Node& c, Classifier& out) {
  check_keys(c,
             {"document_kind", "document_endings", "document_exceptions", "title_rules", "who", "what", "news", "speech"},
             "classifier");
  if (c["document_kind"]) out.document_kind = str(c["document_kind"], "document_kind");
  if (c["document_endings"]) out.document_endings = strings(c["document_endings"], "document_endings");
  if (const auto e = c["document_exceptions"]) {
    if (!e.IsSequence()) fail(e, "document_exceptions 应为列表");
    out.document_exceptions.clear();
    for (const auto& x : e) {
      check_keys(x, {"ending", "title_has"}, "document_exceptions");
      if (!x["ending"] || !x["title_has"]) fail(x, "document_exceptions 的条目需要 ending 和 title_has");
      out.document_exceptions.push_back({str(x["ending"], "ending"), str(x["title_has"], "title_has")});
    }
  }
  if (const auto t = c["title_rules"]) {
    if (!t.IsSequence()) fail(t, "title_rules 应为列表");
    out.title_rules.clear();
    for (const auto& x : t) {
      check_keys(x, {"kind", "title_has"}, "title_rules");
      if (!x["kind"] || !x["title_has"]) fail(x, "title_rules 的条目需要 kind 和 title_has");
      out.title_rules.push_back({str(x["kind"], "kind"), strings(x["title_has"], "title_has")});
    }
  }
  if (c["who"]) out.who = cue_groups(c["who"], "who");
  if (c["what"]) out.what = cue_groups(c["what"], "what");
  if (const auto n = c["news"]) {
    if (!n.IsSequence()) fail(n, "news 应为列表");
    out.news.clear();
    for (const auto& x : n) {
      check_keys(x, {"what", "who", "kind"}, "news");
      if (!x["what"] || !x["kind"]) fail(x, "news 的条目需要 what 和 kind");
      NewsRule r{str(x["what"], "what"), x["who"] ? str(x["who"], "who") : std::string(), str(x["kind"], "kind")};
      auto known = [](const std::vector<CueGroup>& groups, const std::string& id) {
        return std::any_of(groups.begin(), groups.end(), [&](const CueGroup& g) { return g.id == id; });
      };
      if (!known(out.what, r.what)) fail(x["what"], "news 中的 what " + quote_short(r.what) + " 不在 what 列表中");
      if (!r.who.empty() && !known(out.who, r.who)) fail(x["who"], "news 中的 who " + quote_short(r.who) + " 不在 who 列表中");
      out.news.push_back(std::move(r));
    }
  }
  if (const auto sp = c["speech"]) {
    if (!sp.IsSequence()) fail(sp, "speech 应为列表");
    out.speech.clear();
    for (const auto& x : sp) {
      check_keys(x, {"who", "kind"}, "speech");
      if (!x["who"] || !x["kind"]) fail(x, "speech 的条目需要 who 和 kind");
      Classifier::SpeechRule r{str(x["who"], "who"), str(x["kind"], "kind")};
      if (std::none_of(out.who.begin(), out.who.end(), [&](const CueGroup& g) { return g.id == r.who; }))
        fail(x["who"], "speech 中的 who " + quote_short(r.who) + " 不在 who 列表中");
      out.speech.push_back(std::move(r));
    }
  }
}

// `allow:` / `remove:` items: a string, or {phrase | category | list | rule, note, part}.
std::vector<PhraseException> exceptions(const YAML::Node& n, const char* what, const Profile& p) {
  if (!n.IsSequence()) fail(n, std::string(what) + " 应为列表");
  std::vector<PhraseException> out;
  for (const auto& x : n) {
    PhraseException e;
    e.profile = p.id;
    e.source = p.source;
    e.where = where(p.path, x.Mark());
    if (x.IsScalar()) {
      e.what = x.Scalar();
    } else {
      check_keys(x, {"phrase", "category", "list", "rule", "note", "issuer", "document", "part"}, what);
      for (const char* k : {"phrase", "category", "list", "rule"})
        if (x[k]) e.what = str(x[k], k);
      if (e.what.empty()) fail(x, std::string(what) + " 的条目需要 phrase、category、list 或 rule");
      if (x["note"]) e.note = str(x["note"], "note");
      e.source = source_from(x, p.source);
    }
    if (e.what.empty()) fail(x, std::string(what) + " 中有空的条目");
    out.push_back(std::move(e));
  }
  return out;
}

// One of the issuer's own entries:
//   {phrase: 讲得[都](很|非常)好, category: 会议套话, severity: warning, suggest: …, kinds: [speech],
//    part: 第三部分, note: …}
// with the attributes of a dictionary line (dictionaries/README.md), reported by
// phrase.boilerplate unless `rule:` says otherwise, citing the profile's source and `part`.
void load_phrase_entry(const YAML::Node& n, Profile& p) {
  check_keys(n,
             {"phrase", "category", "rule", "list", "message", "severity", "suggest", "note", "gap", "kinds",
              "density_only", "next", "prev", "not_next", "not_prev", "source", "issuer", "document", "part"},
             "phrases.entries");
  if (!n["phrase"]) fail(n, "phrases.entries 的条目需要 phrase");
  PhraseEntry e;
  e.phrase = str(n["phrase"], "phrase");
  if (e.phrase.empty()) fail(n["phrase"], "phrase 不能为空");
  e.rule = n["rule"] ? str(n["rule"], "rule") : "phrase.boilerplate";
  const model::RuleInfo* info = model::find_rule(e.rule);
  if (!info || info->needs != model::Needs::kPhrases || info->messages.empty())
    fail(n["rule"] ? n["rule"] : n, "rule " + quote_short(e.rule) + " 不是按词典报告的规则");
  e.list = n["list"] ? str(n["list"], "list") : p.id;
  e.message = n["message"] ? str(n["message"], "message") : std::string(info->messages[0].zh);
  if (e.message.find("{found}") == std::string::npos) fail(n["message"], "message 应含 {found}（命中的文字）");
  if (n["category"]) e.category = str(n["category"], "category");
  e.origin = source_from(n, p.source);
  e.source = n["source"] ? str(n["source"], "source") : e.origin.text();
  e.file = p.path;
  e.line = n.Mark().line + 1;
  e.where = where(p.path, n.Mark());
  for (const char* k : {"severity", "suggest", "note", "gap", "kinds", "density_only", "next", "prev", "not_next", "not_prev"}) {
    const auto v = n[k];
    if (!v) continue;
    std::string value;
    if (v.IsSequence()) {
      for (const auto& x : v) {
        if (!value.empty()) value += ',';
        value += str(x, k);
      }
    } else {
      value = str(v, k);
    }
    e.attributes.emplace_back(k, value);
  }
  p.phrases.entries.push_back(std::move(e));
}

void load_into(const YAML::Node& root, Profile& p) {
  check_keys(root,
             {"id", "name", "extends", "source", "unit", "rates", "body_scope", "kinds", "rules", "notes", "phrases",
              "xml_map", "html_selector", "vocabulary", "classifier"},
             "profile");
  if (root["source"]) {
    check_keys(root["source"], {"issuer", "document", "part"}, "source");
    p.source = source_from(root["source"], {});
  }
  if (const auto xm = root["xml_map"]) {
    check_keys(xm, {"title", "body", "items", "kind"}, "xml_map");
    for (const auto& kv : xm) p.xml_map[kv.first.as<std::string>()] = str(kv.second, "xml_map");
  }
  if (root["html_selector"]) p.html_selector = str(root["html_selector"], "html_selector");
  if (const auto ph = root["phrases"]) {
    check_keys(ph, {"lists", "categories", "allow", "remove", "entries", "dictionaries", "density"}, "phrases");
    if (const auto l = ph["lists"]) {
      if (!l.IsMap()) fail(l, "phrases.lists 应为映射（列表: on/off）");
      for (const auto& kv : l) {
        const std::string id = kv.first.as<std::string>();
        const std::string v = kv.second.Scalar();
        if (v != "on" && v != "off") fail(kv.second, "词表开关只能是 on 或 off");
        p.phrases.lists[id] = v == "on";
        p.phrases.list_where[id] = where(p.path, kv.first.Mark());
      }
    }
    if (const auto c = ph["categories"]) {
      if (!c.IsMap()) fail(c, "phrases.categories 应为映射（类别: 级别）");
      for (const auto& kv : c) p.phrases.category_severity[kv.first.as<std::string>()] = severity(kv.second);
    }
    if (ph["allow"]) {
      for (auto& x : exceptions(ph["allow"], "phrases.allow", p)) {
        p.phrases.allow.push_back(x.what);
        p.phrases.allowed.push_back(std::move(x));
      }
    }
    if (ph["remove"])
      for (auto& x : exceptions(ph["remove"], "phrases.remove", p)) p.phrases.removed.push_back(std::move(x));
    if (const auto es = ph["entries"]) {
      if (!es.IsSequence()) fail(es, "phrases.entries 应为列表");
      for (const auto& e : es) load_phrase_entry(e, p);
    }
    if (const auto ds = ph["dictionaries"]) {
      if (!ds.IsSequence()) fail(ds, "phrases.dictionaries 应为列表");
      for (const auto& f : ds) {
        const std::string name = str(f, "phrases.dictionaries");
        const std::string file = !name.empty() && name[0] == '/' ? name : (fs::path(p.path).parent_path() / name).string();
        std::error_code ec;
        // A FIFO or device by that name is refused when it is read (read_regular_file).
        if (fs::symlink_status(file, ec).type() == fs::file_type::not_found) fail(f, "找不到词典 " + file);
        p.phrases.files.push_back({file, where(p.path, f.Mark())});
      }
    }
    if (const auto d = ph["density"]) {
      // Older spelling of `rules: phrase.density: {per_1000, min_body, severity}`.
      check_keys(d, {"per_1000", "min_body", "severity"}, "phrases.density");
      RuleSetting& s = p.rules["phrase.density"];
      if (d["per_1000"]) s.params["per_1000"] = number(d["per_1000"], "per_1000");
      if (d["min_body"]) s.params["min_body"] = number(d["min_body"], "min_body");
      if (d["severity"]) s.severity = severity(d["severity"]);
    }
  }
  if (root["notes"]) p.notes = strings(root["notes"], "notes");
  if (root["name"]) p.name = str(root["name"], "name");
  if (root["unit"]) {
    p.unit = str(root["unit"], "unit");
    if (p.unit != "zishu" && p.unit != "hanzi" && p.unit != "chars_no_spaces")
      fail(root["unit"], "unit 只能是 zishu、hanzi 或 chars_no_spaces");
  }
  if (const auto r = root["rates"]) {
    check_keys(r, {"tv", "speech"}, "rates");
    if (r["tv"]) p.tv_rate = number(r["tv"], "rates.tv");
    if (r["speech"]) p.speech_rate = number(r["speech"], "rates.speech");
    if (p.tv_rate <= 0 || p.speech_rate <= 0) fail(r, "语速必须为正数");
  }
  if (const auto s = root["body_scope"]) {
    check_keys(s, {"exclude_title", "exclude_headings", "exclude_dateline", "exclude_editor_note", "exclude_captions"},
               "body_scope");
    if (s["exclude_title"]) p.scope.exclude_title = boolean(s["exclude_title"], "exclude_title");
    if (s["exclude_headings"]) p.scope.exclude_headings = boolean(s["exclude_headings"], "exclude_headings");
    if (s["exclude_dateline"]) p.scope.exclude_dateline = boolean(s["exclude_dateline"], "exclude_dateline");
    if (s["exclude_editor_note"]) p.scope.exclude_editor_note = boolean(s["exclude_editor_note"], "exclude_editor_note");
    if (s["exclude_captions"]) p.scope.exclude_captions = boolean(s["exclude_captions"], "exclude_captions");
  }
  if (const auto ks = root["kinds"]) {
    if (!ks.IsMap()) fail(ks, "kinds 应为映射");
    if (ks.size() > kMaxKinds) fail(ks, "kinds 超过 " + std::to_string(kMaxKinds) + " 个类型的上限");
    for (const auto& kv : ks) {
      const std::string id = kv.first.as<std::string>();
      Kind& k = p.kinds[id];
      k.id = id;
      if (kv.second.IsNull()) continue;
      load_kind(kv.second, k, p.source, p.id);
    }
  }
  if (const auto rs = root["rules"]) {
    if (!rs.IsMap()) fail(rs, "rules 应为映射");
    for (const auto& kv : rs) load_rule_setting(kv.first, kv.second, p);
  }
  if (const auto v = root["vocabulary"]) {
    check_keys(v, {"wenzhong", "official_titles"}, "vocabulary");
    if (v["wenzhong"]) p.vocabulary.wenzhong = strings(v["wenzhong"], "wenzhong");
    if (v["official_titles"]) p.vocabulary.official_titles = strings(v["official_titles"], "official_titles");
  }
  if (const auto c = root["classifier"]) load_classifier(c, p.classifier);
}

bool is_path(const std::string& id_or_path) {
  return id_or_path.find('/') != std::string::npos ||
         (id_or_path.size() > 5 && id_or_path.substr(id_or_path.size() - 5) == ".yaml");
}

std::string resolve_path(const std::string& id_or_path) {
  if (is_path(id_or_path)) return id_or_path;
  for (const auto& dir : profile_dirs()) {
    const fs::path p = fs::path(dir) / (id_or_path + ".yaml");
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return {};
}

// `deps` gathers what the result depends on, for the startup cache: the file each id
// resolved to and the contents of every file read.
Result<Profile> load_chain(const std::string& id_or_path, std::vector<std::string>& seen,
                           std::vector<cache::Dependency>& deps) {
  const std::string path = resolve_path(id_or_path);
  if (!is_path(id_or_path)) deps.push_back({'r', id_or_path, {}, cache::hash_bytes(path)});
  if (path.empty()) {
    std::string known;
    for (const auto& id : list_profiles()) known += (known.empty() ? "" : "、") + id;
    return make_error(ErrorCode::kConfig, "找不到规范（profile）“" + id_or_path + "”；" +
                                              (known.empty() ? "没有找到任何规范，" + data_dir_hint() : "可用：" + known));
  }
  std::error_code ec;
  // Only a missing path is "does not exist": a FIFO, a device, a directory or a symlink loop
  // is named as such by load_yaml_file (read_regular_file), which never blocks on it.
  if (fs::symlink_status(path, ec).type() == fs::file_type::not_found)
    return make_error(ErrorCode::kConfig, "规范文件不存在：" + path);
  const std::string canonical = fs::weakly_canonical(path, ec).string();
  if (std::find(seen.begin(), seen.end(), canonical) != seen.end())
    return make_error(ErrorCode::kConfig, "规范的 extends 形成了循环：" + path);
  if (seen.size() > 16) return make_error(ErrorCode::kConfig, "规范的 extends 层级过深：" + path);
  seen.push_back(canonical);
  // Hashed before it is parsed: a file changed in between makes the entry stale, never wrong.
  deps.push_back({'f', path, {}, cache::file_value(path)});
  auto loaded = load_yaml_file(path, "规范文件");
  if (!loaded.ok()) return loaded.error();
  try {
    const YAML::Node root = *loaded;
    if (!root.IsMap()) return make_error(ErrorCode::kConfig, "规范文件应为 YAML 映射：" + path, path + ":1:1");
    Profile p;
    if (const auto ext = root["extends"]) {
      const std::string parent = str(ext, "extends");
      // A parent named by a relative path is relative to this file.
      std::string ref = parent;
      if (parent.find('/') != std::string::npos && parent[0] != '/')
        ref = (fs::path(path).parent_path() / parent).string();
      auto base = load_chain(ref, seen, deps);
      if (!base.ok()) {
        Error e = base.error();
        e.message += "（由 " + where(path, ext.Mark()) + " 的 extends 引入）";
        return e;
      }
      p = std::move(base).value();
    }
    p.path = path;
    if (!root["id"]) return make_error(ErrorCode::kConfig, "规范缺少 id：" + path, path + ":1:1");
    p.id = str(root["id"], "id");
    p.chain.insert(p.chain.begin(), p.id);
    load_into(root, p);
    return p;
  } catch (const ConfigError& e) {
    const std::string w = where(path, e.mark);
    return make_error(ErrorCode::kConfig, w + ": " + e.message, w);
  } catch (const YAML::Exception& e) {
    const std::string w = where(path, e.mark);
    return make_error(ErrorCode::kConfig, w + ": YAML 语法错误：" + e.msg, w);
  }
}

}  // namespace

std::optional<model::Severity> RuleSetting::severity_in(std::string_view kind_id) const {
  std::optional<model::Severity> out = severity;
  std::size_t best = 0;
  for (const auto& [k, sev] : kind_severity) {
    const bool match = kind_id == k || (kind_id.starts_with(k) && kind_id[k.size()] == '.');
    if (match && k.size() > best) {
      best = k.size();
      out = sev;
    }
  }
  return out;
}

std::string RuleSetting::kind_severity_text() const {
  std::string out;
  for (const auto& [k, sev] : kind_severity)
    out += (out.empty() ? "" : "；") + k + " 类（" + k + "、" + k + ".…）" + model::severity_name(sev);
  return out;
}

const RuleSetting& Profile::rule(std::string_view rule_id) const {
  static const RuleSetting kDefault;
  auto it = rules.find(rule_id);  // no std::string built (ids of 16 bytes or more were allocated)
  return it == rules.end() ? kDefault : it->second;
}

std::vector<std::string> profile_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("WENFENG_PROFILES_DIR"); env && *env) dirs.emplace_back(env);
  dirs.emplace_back(data_dir() + "/profiles");
  dirs.emplace_back("profiles");
  return dirs;
}

std::string cache_form(const Profile& p) {
  cache::Writer w;
  cache::put(w, p);
  return std::move(w.str());
}

std::vector<std::string> list_profiles() {
  std::set<std::string> ids;
  for (const auto& dir : profile_dirs()) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().extension() == ".yaml") ids.insert(it->path().stem().string());
  }
  return {ids.begin(), ids.end()};
}

Result<Profile> load_profile(const std::string& id_or_path) {
  // A profile loaded before from the same files is read back from the startup cache.
  std::string key = id_or_path;
  for (const auto& d : profile_dirs()) key += '\0' + d;
  std::error_code ec;
  key += '\0' + fs::current_path(ec).string();
  const bool caching = !cache::directory().empty();
  if (caching) {
    auto check = [](const cache::Dependency& d) -> std::optional<std::uint64_t> {
      if (d.kind == 'r') return cache::hash_bytes(resolve_path(d.arg));
      return std::nullopt;
    };
    if (const auto entry = cache::load(kProfileCacheName, key, check)) {
      Profile p;
      cache::Reader r(entry->payload());
      cache::get(r, p);
      if (r.done()) return p;
    }
  }
  std::vector<std::string> seen;
  std::vector<cache::Dependency> deps;
  auto p = load_chain(id_or_path, seen, deps);
  if (p.ok() && caching) cache::store(kProfileCacheName, key, deps, cache_form(*p));
  return p;
}

std::string find_config_file(const std::string& file_path) {
  std::error_code ec;
  fs::path dir = file_path == "-" ? fs::current_path(ec) : fs::absolute(file_path, ec).parent_path();
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    // Anything by that name is the folder's configuration: a FIFO, a directory or a broken
    // link is reported by load_project_config (never opened for blocking reads), rather than
    // passed over for a parent folder's file.
    const fs::path candidate = dir / ".wenfeng.yaml";
    const auto type = fs::symlink_status(candidate, ec).type();
    if (type != fs::file_type::not_found && type != fs::file_type::none) return candidate.string();
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  return {};
}

Result<ProjectConfig> find_project_config(const std::string& file_path) {
  return load_project_config(find_config_file(file_path));
}

Result<ProjectConfig> load_project_config(const std::string& path) {
  ProjectConfig cfg;
  cfg.path = path;
  if (cfg.path.empty()) return cfg;
  std::error_code ec;
  if (fs::symlink_status(cfg.path, ec).type() == fs::file_type::not_found)
    return make_error(ErrorCode::kConfig, "找不到配置文件 " + cfg.path, cfg.path);
  auto loaded = load_yaml_file(cfg.path, ".wenfeng.yaml");
  if (!loaded.ok()) return loaded.error();
  try {
    const YAML::Node root = *loaded;
    if (root.IsNull()) return cfg;
    check_keys(root, {"profile", "kind", "medium", "fail-on", "ignore"}, ".wenfeng.yaml");
    if (root["profile"]) {
      std::string p = str(root["profile"], "profile");
      if (p.find('/') != std::string::npos && p[0] != '/') p = (fs::path(cfg.path).parent_path() / p).string();
      cfg.profile = p;
    }
    if (root["kind"]) cfg.kind = str(root["kind"], "kind");
    if (root["medium"]) cfg.medium = str(root["medium"], "medium");
    if (root["fail-on"]) cfg.fail_on = str(root["fail-on"], "fail-on");
    if (root["ignore"]) cfg.ignore = strings(root["ignore"], "ignore");
  } catch (const ConfigError& e) {
    const std::string w = where(cfg.path, e.mark);
    return make_error(ErrorCode::kConfig, w + ": " + e.message, w);
  } catch (const YAML::Exception& e) {
    const std::string w = where(cfg.path, e.mark);
    return make_error(ErrorCode::kConfig, w + ": YAML 语法错误：" + e.msg, w);
  }
  return cfg;
}

}  // namespace wenfeng::profiles
