#include "phrases/dictionary.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "base/cache.h"
#include "base/data_dir.h"
#include "base/io.h"
#include "model/rule.h"
#include "text/charclass.h"
#include "text/regex_serial.h"
#include "text/utf8.h"

namespace wenfeng::phrases {
namespace fs = std::filesystem;

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    const char* a = p;
    const char32_t c = text::decode(p, e);
    if (text::is_whitespace(c) || text::is_invisible(c)) continue;
    out.append(a, p);
  }
  return out;
}

namespace {

std::string trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\r')) --b;
  return std::string(s.substr(a, b - a));
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto bar = line.find(" | ", start);
    out.push_back(trim(line.substr(start, bar == std::string::npos ? std::string::npos : bar - start)));
    if (bar == std::string::npos) break;
    start = bar + 3;
  }
  return out;
}

// Splits a gap pattern on "…" (one or more U+2026).
std::vector<std::string> split_parts(const std::string& phrase) {
  std::vector<std::string> parts;
  const std::string ell = "\xE2\x80\xA6";
  std::size_t start = 0;
  while (true) {
    const auto pos = phrase.find(ell, start);
    parts.push_back(phrase.substr(start, pos == std::string::npos ? std::string::npos : pos - start));
    if (pos == std::string::npos) break;
    start = pos + ell.size();
    while (phrase.compare(start, ell.size(), ell) == 0) start += ell.size();
  }
  return parts;
}

}  // namespace

namespace {

// Expands a sequence up to `stop` (')' , ']', '|' or the end) into `out` (products of its items).
bool expand_seq(std::string_view p, std::size_t& i, std::vector<std::string>& out, std::string& error) {
  out = {""};
  while (i < p.size() && p[i] != ')' && p[i] != ']' && p[i] != '|') {
    std::vector<std::string> choices;
    if (p[i] == '(' || p[i] == '[') {
      const char open = p[i++];
      const char close = open == '(' ? ')' : ']';
      while (true) {
        std::vector<std::string> alt;
        if (!expand_seq(p, i, alt, error)) return false;
        choices.insert(choices.end(), alt.begin(), alt.end());
        if (i < p.size() && p[i] == '|' && open == '(') {
          ++i;
          continue;
        }
        break;
      }
      if (i >= p.size() || p[i] != close) {
        error = std::string("模式中的“") + open + "”没有对应的“" + close + "”";
        return false;
      }
      ++i;
      if (open == '[') choices.emplace_back();  // optional: the part may be absent
    } else if (p[i] == '?' || p[i] == '*' || p[i] == '+') {
      // A regular-expression quantifier is no pattern syntax: "取得(了)?成效" would expand to
      // the literal 取得了?成效 and never match. An optional part is written [了].
      error = std::string("模式中的“") + p[i] + "”不是词条语法：可省略的部分写作 [甲]，多选一写作 (甲|乙)";
      return false;
    } else {
      // One UTF-8 character.
      std::size_t n = 1;
      const auto b = static_cast<unsigned char>(p[i]);
      if (b >= 0xF0) n = 4;
      else if (b >= 0xE0) n = 3;
      else if (b >= 0xC0) n = 2;
      choices.emplace_back(p.substr(i, n));
      i += n;
    }
    std::vector<std::string> next;
    for (const auto& a : out)
      for (const auto& c : choices) next.push_back(a + c);
    if (next.size() > kMaxVariants) {
      error = "模式的变体过多（最多 " + std::to_string(kMaxVariants) + " 种）";
      return false;
    }
    out = std::move(next);
  }
  return true;
}

}  // namespace

Result<std::vector<std::string>> expand_pattern(std::string_view pattern) {
  std::vector<std::string> out;
  std::string error;
  std::size_t i = 0;
  if (!expand_seq(pattern, i, out, error)) return make_error(ErrorCode::kConfig, error);
  if (i < pattern.size()) return make_error(ErrorCode::kConfig, std::string("模式中多了“") + pattern[i] + "”");
  // Duplicates (from "[甲][甲]"-like patterns) are dropped.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string set_attribute(Entry& e, std::string_view key, std::string_view value) {
  const std::string v(value);
  auto regex = [&](std::shared_ptr<text::Regex>& slot) -> std::string {
    auto r = text::Regex::compile(v);
    if (!r.ok()) return r.error().message;
    slot = std::make_shared<text::Regex>(std::move(r).value());
    return {};
  };
  if (key == "severity") {
    if (!model::parse_severity(v, e.severity)) return "severity 只能是 error、warning 或 info";
  } else if (key == "suggest") {
    e.suggestion = v;
  } else if (key == "note") {
    e.note = v;
  } else if (key == "gap") {
    char* end = nullptr;
    const long g = std::strtol(v.c_str(), &end, 10);
    if (end == v.c_str() || *end || g < 1 || g > 60) return "gap 应为 1–60 的整数";
    e.gap = static_cast<int>(g);
  } else if (key == "kinds") {
    e.kinds.clear();
    std::size_t a = 0;
    while (a <= v.size()) {
      const auto comma = v.find(',', a);
      std::string one = trim(v.substr(a, comma == std::string::npos ? std::string::npos : comma - a));
      if (!one.empty()) e.kinds.push_back(one);
      if (comma == std::string::npos) break;
      a = comma + 1;
    }
  } else if (key == "density_only") {
    if (v != "true" && v != "false") return "density_only 只能是 true 或 false";
    e.density_only = v == "true";
  } else if (key == "next") {
    return regex(e.next);
  } else if (key == "prev") {
    return regex(e.prev);
  } else if (key == "not_next") {
    return regex(e.not_next);
  } else if (key == "not_prev") {
    return regex(e.not_prev);
  } else {
    return "未知的属性 “" + std::string(key) + "”";
  }
  return {};
}

std::string add_entries(const Entry& proto, std::vector<Entry>& out) {
  auto variants = expand_pattern(proto.phrase);
  if (!variants.ok()) return "词条 “" + proto.phrase + "”：" + variants.error().message;
  for (const auto& v : *variants) {
    Entry e = proto;
    e.variant = v;
    e.parts.clear();
    for (auto& part : split_parts(v)) {
      part = fold(part);
      if (part.empty()) return "词条 “" + proto.phrase + "” 有空的部分";
      e.parts.push_back(std::move(part));
    }
    if (e.parts.size() > 4) return "间隔模式最多 4 段";
    out.push_back(std::move(e));
  }
  return {};
}

Status parse_dictionary(std::string_view text, const std::string& name, std::vector<Entry>& out) {
  std::map<std::string, std::string> sources;
  std::string list, rule, message, suggestion_format, category, default_source;
  model::Severity severity = model::Severity::kWarning;
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_no = 0;
  auto fail = [&](const std::string& msg) {
    const std::string where = name + ":" + std::to_string(line_no);
    return make_error(ErrorCode::kConfig, where + ": " + msg, where);
  };
  while (std::getline(in, raw)) {
    ++line_no;
    if (line_no == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw = raw.substr(3);
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      const auto sp = line.find(' ');
      const std::string key = line.substr(0, sp);
      const std::string value = sp == std::string::npos ? "" : trim(line.substr(sp + 1));
      if (key == "@list") {
        if (value.empty()) return fail("@list 需要一个词表名");
        list = value;
        rule.clear();
        message.clear();
        suggestion_format.clear();
      } else if (key == "@rule") {
        const model::RuleInfo* info = model::find_rule(value);
        if (!info || info->needs != model::Needs::kPhrases)
          return fail("@rule “" + value + "” 不是按词典报告的规则（wenfeng explain 列出所有规则）");
        rule = value;
      } else if (key == "@message") {
        if (value.find("{found}") == std::string::npos) return fail("@message 应含 {found}（命中的文字）");
        message = value;
      } else if (key == "@suggestion") {
        if (value.find("{suggest}") == std::string::npos) return fail("@suggestion 应含 {suggest}");
        suggestion_format = value;
      } else if (key == "@category") {
        category = value;
      } else if (key == "@severity") {
        if (!model::parse_severity(value, severity)) return fail("@severity 只能是 error、warning 或 info");
      } else if (key == "@source") {
        const auto eq = value.find(" = ");
        if (eq == std::string::npos) {
          if (!sources.count(value)) return fail("未定义的来源代号 “" + value + "”（先用 @source 代号 = 说明 定义）");
          default_source = value;
        } else {
          sources[trim(value.substr(0, eq))] = trim(value.substr(eq + 3));
        }
      } else {
        return fail("未知的指令 “" + key + "”");
      }
      continue;
    }
    if (list.empty()) return fail("词条出现在 @list 之前");
    if (rule.empty() || message.empty()) return fail("词表 " + list + " 没有声明 @rule 和 @message");
    const auto fields = split_fields(line);
    Entry e;
    e.list = list;
    e.rule = rule;
    e.message = message;
    e.suggestion_format = suggestion_format.empty() ? "：{suggest}" : suggestion_format;
    e.category = category;
    e.severity = severity;
    e.phrase = fields[0];
    e.file = name;
    e.line = line_no;
    std::string source_key = default_source;
    for (std::size_t i = 1; i < fields.size(); ++i) {
      const auto eq = fields[i].find('=');
      if (eq == std::string::npos) return fail("属性应写成 键=值：“" + fields[i] + "”");
      const std::string k = trim(fields[i].substr(0, eq));
      const std::string v = trim(fields[i].substr(eq + 1));
      if (k == "source") {
        if (!sources.count(v)) return fail("未定义的来源代号 “" + v + "”");
        source_key = v;
        continue;
      }
      if (const std::string err = set_attribute(e, k, v); !err.empty()) return fail(err);
    }
    if (source_key.empty()) return fail("词条没有来源（用 @source 或 source=）");
    e.source = sources[source_key];
    e.origin = {"wenfeng 词典", e.source, name.substr(name.find_last_of('/') + 1) + ":" + std::to_string(line_no)};
    if (const std::string err = add_entries(e, out); !err.empty()) return fail(err);
  }
  return ok_status();
}

std::string_view halfwidth_of(char32_t c) {
  switch (c) {
    case U'，': return ",";
    case U'：': return ":";
    case U'；': return ";";
    case U'（': return "(";
    case U'）': return ")";
    case U'“': case U'”': return "\"";
    case U'‘': case U'’': return "'";
    case U'！': return "!";
    case U'？': return "?";
    default: return {};
  }
}

std::vector<std::string> punctuation_forms(std::string_view part) {
  // The part cut at each full-width mark that has a half-width form.
  std::vector<std::string> pieces{""};
  std::vector<std::pair<std::string, std::string>> marks;  // (full, half)
  const char* p = part.data();
  const char* const e = p + part.size();
  while (p < e) {
    const char* a = p;
    const char32_t c = text::decode(p, e);
    if (const std::string_view h = halfwidth_of(c); !h.empty()) {
      marks.emplace_back(std::string(a, p), std::string(h));
      pieces.emplace_back();
    } else {
      pieces.back().append(a, p);
    }
  }
  if (marks.empty()) return {std::string(part)};
  // Every mix of the two forms for up to kMaxMixed marks (a web copy edited by hand mixes
  // them); beyond that, all full-width or all half-width.
  constexpr std::size_t kMaxMixed = 3;
  std::vector<std::string> out;
  auto form = [&](std::uint32_t half_mask) {
    std::string s = pieces[0];
    for (std::size_t k = 0; k < marks.size(); ++k) {
      s += (half_mask >> k & 1u) ? marks[k].second : marks[k].first;
      s += pieces[k + 1];
    }
    return s;
  };
  if (marks.size() <= kMaxMixed) {
    for (std::uint32_t m = 0; m < (1u << marks.size()); ++m) out.push_back(form(m));
  } else {
    out.push_back(form(0));
    out.push_back(form(~0u));
  }
  return out;
}

std::shared_ptr<const PhraseSet> build_phrase_set(std::vector<Entry> entries) {
  auto set = std::make_shared<PhraseSet>();
  set->entries = std::move(entries);
  std::map<std::string, std::uint32_t> pattern_of;
  for (std::uint32_t i = 0; i < set->entries.size(); ++i) {
    const std::string& list = set->entries[i].list;
    if (std::find(set->lists.begin(), set->lists.end(), list) == set->lists.end()) set->lists.push_back(list);
    // The key (last part) as written, and as a web copy types its full-width punctuation:
    // each form is a pattern of the automaton leading to the same entry. (The earlier parts
    // of a gap pattern are compared the same way by the scan, phrases/scan.cc.)
    for (const std::string& key : punctuation_forms(set->entries[i].parts.back())) {
      auto it = pattern_of.find(key);
      if (it == pattern_of.end()) {
        it = pattern_of.emplace(key, set->matcher.add(key)).first;
        set->entries_by_pattern.emplace_back();
      }
      auto& by = set->entries_by_pattern[it->second];
      if (by.empty() || by.back() != i) by.push_back(i);
    }
  }
  set->matcher.build();
  return set;
}

std::string dictionaries_dir() {
  if (const char* env = std::getenv("WENFENG_DICTIONARIES_DIR"); env && *env) return env;
  return data_dir() + "/dictionaries";
}

// The binary form of a set in the startup cache (base/cache.h). A field added to Entry or
// PhraseSet must be added here: the sizes below stop the build until it is.
static_assert(sizeof(Entry) == 584 && sizeof(PhraseSet) == 608 && sizeof(Matcher) == 512,
              "a field of phrases::Entry, PhraseSet or Matcher changed: update describe() (phrases/dictionary.cc, phrases/matcher.h)");
template <typename V>
void describe(V& v, Entry& e) {
  v(e.list, e.rule, e.message, e.suggestion_format, e.category, e.phrase, e.variant, e.parts, e.gap, e.severity,
    e.source, e.origin.issuer, e.origin.document, e.origin.part, e.suggestion, e.note, e.density_only, e.kinds, e.next,
    e.prev, e.not_next, e.not_prev, e.file, e.line);
}
template <typename V>
void describe(V& v, PhraseSet& s) {
  v(s.entries, s.matcher, s.entries_by_pattern, s.files, s.lists);
}

std::string cache_form(const PhraseSet& set) {
  cache::Writer w;
  cache::put(w, set);
  return std::move(w.str());
}

namespace {

constexpr std::string_view kCacheName = "phrases";

std::shared_ptr<const PhraseSet> cached_set(const std::string& key) {
  const auto entry = cache::load(kCacheName, key);
  if (!entry) return nullptr;
  auto set = std::make_shared<PhraseSet>();
  cache::Reader r(entry->payload());
  cache::get(r, *set);
  if (!r.done() || !set->matcher.consistent() || set->entries_by_pattern.size() != set->matcher.pattern_count())
    return nullptr;
  for (const auto& by : set->entries_by_pattern)
    for (const auto i : by)
      if (i >= set->entries.size()) return nullptr;
  for (const auto& e : set->entries)
    if (e.parts.empty()) return nullptr;
  return set;
}

}  // namespace

Result<std::shared_ptr<const PhraseSet>> load_phrase_set(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".dict") files.push_back(it->path().string());
  if (ec)
    return make_error(ErrorCode::kConfig, "无法读取词典目录 " + dir +
                                              (dir == data_dir() + "/dictionaries" ? "；" + data_dir_hint() : std::string()));
  std::sort(files.begin(), files.end());
  // A set built from these very files before is read back from the cache.
  const std::string key = dir + '\0' + (dir.empty() || dir[0] == '/' ? std::string() : fs::current_path(ec).string());
  if (auto set = cached_set(key)) return set;
  std::vector<cache::Dependency> deps;
  deps.push_back({'d', dir, ".dict", cache::listing_value(dir, ".dict")});
  std::vector<Entry> entries;
  // Caps: a dictionary folder may be anyone's; the shipped ones are a few KB.
  constexpr std::size_t kMaxFiles = 256, kMaxEntries = 200000;
  if (files.size() > kMaxFiles)
    return make_error(ErrorCode::kConfig, "词典目录 " + dir + " 中的 .dict 文件超过 " + std::to_string(kMaxFiles) + " 个的上限");
  for (const auto& f : files) {
    auto bytes = read_regular_file(f, kMaxDictionaryBytes, "词典");
    if (!bytes.ok()) return make_error(ErrorCode::kConfig, f + ": " + bytes.error().message, f);
    const std::string& text = *bytes;
    deps.push_back({'f', f, {}, cache::hash_bytes(text, 1)});
    if (text::find_invalid_utf8(text) != std::string::npos)
      return make_error(ErrorCode::kConfig, f + ": 词典必须是 UTF-8 编码");
    auto st = parse_dictionary(text, f, entries);
    if (!st.ok()) return st.error();
    if (entries.size() > kMaxEntries)
      return make_error(ErrorCode::kConfig, f + ": 词条总数超过 " + std::to_string(kMaxEntries) + " 条的上限", f);
  }
  auto set = build_phrase_set(std::move(entries));
  std::const_pointer_cast<PhraseSet>(set)->files = files;
  if (!cache::directory().empty()) cache::store(kCacheName, key, deps, cache_form(*set));
  return set;
}

}  // namespace wenfeng::phrases
