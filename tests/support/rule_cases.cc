#include "support/rule_cases.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "lint/kind.h"
#include "lint/linter.h"
#include "model/rule.h"
#include "lint/phrase_set.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"
#include "readers/input.h"
#include "support/cli_runner.h"
#include "text/utf8.h"

namespace wenfeng::testing {
namespace {

namespace fs = std::filesystem;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Words separated by spaces, commas or 、.
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == ',') {
      flush();
    } else if (s.substr(i, 3) == "、") {
      flush();
      i += 2;
    } else {
      cur += s[i];
    }
  }
  flush();
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
  return s;
}

class Parser {
 public:
  Parser(std::string path, std::string default_check, const std::function<bool(std::string_view)>& known)
      : path_(std::move(path)), default_check_(std::move(default_check)), known_(known) {}

  Result<CaseFile> parse(std::string_view text) {
    CaseFile f;
    f.path = path_;
    int n = 0;
    std::size_t i = 0;
    while (i <= text.size()) {
      std::size_t j = text.find('\n', i);
      if (j == std::string_view::npos) j = text.size();
      std::string_view line = text.substr(i, j - i);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      ++n;
      if (auto e = take(line, n, f)) return *e;
      if (j == text.size()) break;
      i = j + 1;
    }
    if (f.cases.empty()) return fail(n, "no case (no draft line)");
    for (auto& c : f.cases) {
      if (c.lines.empty()) return fail(c.line, "case \"" + c.name + "\" has no draft line");
      if (c.settings.check.empty()) c.settings.check = {default_check_};
      for (const auto& r : c.settings.check)
        if (!registered(r)) return fail(c.line, "@check names \"" + r + "\", which is not a registered rule");
      for (const auto& l : c.lines)
        for (const auto& e : l.expect)
          if (std::find(c.settings.check.begin(), c.settings.check.end(), e.rule) == c.settings.check.end())
            return fail(e.line, "rule " + e.rule + " is not checked in this case (@check " + join(c.settings.check) + ")");
    }
    return f;
  }

 private:
  Error fail(int line, const std::string& msg) const {
    return make_error(ErrorCode::kConfig, path_ + ":" + std::to_string(line) + ": " + msg);
  }

  // One line of the file; an Error when it is malformed.
  std::optional<Error> take(std::string_view line, int n, CaseFile& f) {
    if (trim(line).empty() || line[0] == '#') return std::nullopt;
    if (line.starts_with("===")) {
      Case c;
      c.name = std::string(trim(line.substr(3)));
      c.line = n;
      c.settings = file_settings_;
      f.cases.push_back(std::move(c));
      return std::nullopt;
    }
    if (line[0] == '@') {
      CaseSettings* s = &file_settings_;
      if (!f.cases.empty()) {
        if (!f.cases.back().lines.empty()) return fail(n, "a setting (@…) must come before the case's first draft line");
        s = &f.cases.back().settings;
      }
      return setting(trim(line.substr(1)), n, *s);
    }
    if (line.starts_with(">>")) {
      if (f.cases.empty() || f.cases.back().lines.empty()) return fail(n, "an expectation (>>) needs a draft line above it");
      return expectation(trim(line.substr(2)), n, f.cases.back().lines.back());
    }
    if (line[0] == '\\') line.remove_prefix(1);
    if (f.cases.empty()) {
      Case c;
      c.line = 1;
      c.settings = file_settings_;
      f.cases.push_back(std::move(c));
    }
    f.cases.back().lines.push_back({n, std::string(line), false, {}});
    return std::nullopt;
  }

  std::optional<Error> setting(std::string_view s, int n, CaseSettings& out) {
    const std::size_t sp = s.find_first_of(" \t");
    const std::string_view key = s.substr(0, sp);
    const std::string_view value = sp == std::string_view::npos ? std::string_view() : trim(s.substr(sp));
    if (value.empty()) return fail(n, "@" + std::string(key) + " needs a value");
    if (key == "profile") out.profile = value;
    else if (key == "kind") out.kind = value;
    else if (key == "medium") out.medium = value;
    else if (key == "ignore") out.ignore = words(value);
    else if (key == "check") out.check = words(value);
    else if (key == "expect-kind") {
      const auto w = words(value);
      if (w.size() > 2) return fail(n, "@expect-kind ID [SOURCE]");
      out.expect_kind = w[0];
      if (w.size() == 2) out.expect_kind_source = w[1];
    } else {
      return fail(n, "unknown setting @" + std::string(key) + " (profile, kind, medium, ignore, check, expect-kind)");
    }
    return std::nullopt;
  }

  // A quoted string starting at s[i] == '"'; advances i past the closing quote.
  std::optional<std::string> quoted(std::string_view s, std::size_t& i) {
    std::string out;
    for (++i; i < s.size(); ++i) {
      if (s.substr(i, 2) == "\\u" && i + 6 <= s.size()) {
        // \uXXXX: a code point that does not show (NBSP, U+3000, U+FFFD …).
        char* end = nullptr;
        const std::string hex(s.substr(i + 2, 4));
        const long cp = std::strtol(hex.c_str(), &end, 16);
        if (*end != '\0') return std::nullopt;
        text::append_utf8(out, static_cast<char32_t>(cp));
        i += 5;
      } else if (s[i] == '\\' && i + 1 < s.size()) {
        out += s[++i];
      } else if (s[i] == '"') {
        ++i;
        return out;
      } else {
        out += s[i];
      }
    }
    return std::nullopt;
  }

  std::optional<Error> expectation(std::string_view s, int n, CaseLine& line) {
    if (s == "ok") {
      if (!line.expect.empty()) return fail(n, ">> ok on a line with expected findings");
      line.ok = true;
      return std::nullopt;
    }
    if (line.ok) return fail(n, "the line is marked >> ok");
    CaseExpectation e;
    e.line = n;
    e.written = std::string(s);
    std::size_t i = s.find_first_of(" \t");
    e.rule = std::string(s.substr(0, i));
    if (!registered(e.rule)) return fail(n, "\"" + e.rule + "\" is not a registered rule");
    while (i != std::string_view::npos && i < s.size()) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      if (i >= s.size()) break;
      if (s[i] == '~') {
        e.message_part = std::string(trim(s.substr(i + 1)));
        if (e.message_part->empty()) return fail(n, "~ needs the text the message contains");
        break;
      }
      if (s[i] == '"') {
        auto q = quoted(s, i);
        if (!q) return fail(n, "unclosed quote");
        e.excerpt = std::move(*q);
        continue;
      }
      std::size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
      const std::string_view tok = s.substr(i, j - i);
      model::Severity sev;
      if (tok[0] == '@') {
        char* end = nullptr;
        const std::string t(tok.substr(1));
        const long col = std::strtol(t.c_str(), &end, 10);
        if (end == t.c_str() || col < 1) return fail(n, "a position is @COL or @COL+LEN: " + std::string(tok));
        e.column = static_cast<std::uint32_t>(col);
        if (*end == '+') {
          const char* len_begin = end + 1;
          const long len = std::strtol(len_begin, &end, 10);
          if (end == len_begin || len < 0) return fail(n, "a length is a non-negative integer: " + std::string(tok));
          e.length = static_cast<std::uint32_t>(len);
        }
        if (*end != '\0') return fail(n, "a position is @COL or @COL+LEN: " + std::string(tok));
      } else if (model::parse_severity(tok, sev)) {
        e.severity = sev;
      } else if (const auto eq = tok.find('='); eq != std::string_view::npos && eq > 0) {
        const std::string key(tok.substr(0, eq));
        if (eq + 1 < tok.size() && tok[eq + 1] == '"') {
          std::size_t k = i + eq + 1;
          auto q = quoted(s, k);
          if (!q) return fail(n, "unclosed quote");
          e.data.emplace_back(key, std::move(*q));
          i = k;
          continue;
        }
        e.data.emplace_back(key, std::string(tok.substr(eq + 1)));
      } else {
        return fail(n, "cannot read \"" + std::string(tok) + "\" (tests/rules/README.md describes the format)");
      }
      i = j;
    }
    line.expect.push_back(std::move(e));
    return std::nullopt;
  }

  bool registered(std::string_view id) const { return known_ ? known_(id) : model::find_rule(id) != nullptr; }

  std::string path_;
  std::string default_check_;
  const std::function<bool(std::string_view)>& known_;
  CaseSettings file_settings_;
};

// The finding as the JSON output shows it: code-point column and length, data with fix.
struct Seen {
  const model::Diagnostic* d;
  std::uint32_t column, length;
  std::string excerpt;
  std::vector<std::pair<std::string, std::string>> data;
  std::string message;
};

Seen seen(const model::Diagnostic& d, std::string_view t) {
  Seen s{&d, 0, 0, {}, {}, d.text()};
  const std::size_t begin = std::min<std::size_t>(d.offset, t.size());
  const std::size_t end = std::min<std::size_t>(begin + d.length, t.size());
  s.column = static_cast<std::uint32_t>(text::codepoint_count(t.substr(0, begin)) + 1);
  s.excerpt = std::string(t.substr(begin, end - begin));
  s.length = static_cast<std::uint32_t>(text::codepoint_count(s.excerpt));
  for (const auto& [k, v] : d.data) s.data.emplace_back(std::string(k), std::string(v));
  if (d.fix) s.data.emplace_back("fix", d.fix->replacement);
  return s;
}

bool satisfies(const Seen& s, const CaseExpectation& e) {
  if (s.d->rule_id() != e.rule) return false;
  if (e.column && *e.column != s.column) return false;
  if (e.length && *e.length != s.length) return false;
  if (e.excerpt && *e.excerpt != s.excerpt) return false;
  if (e.severity && *e.severity != s.d->severity) return false;
  for (const auto& [k, v] : e.data) {
    auto it = std::find_if(s.data.begin(), s.data.end(), [&](const auto& kv) { return kv.first == k; });
    if (it == s.data.end() || it->second != v) return false;
  }
  if (e.message_part && s.message.find(*e.message_part) == std::string::npos) return false;
  return true;
}

// Code points written \uXXXX in expectations: they do not show, or look like others.
bool escaped(char32_t c) {
  return c < 0x20 || c == 0x7F || c == 0xA0 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF || c == 0xFFFD;
}

std::string quote(std::string_view s) {
  std::string q = "\"";
  for (const auto cp : text::code_points(s)) {
    if (cp.cp == '"' || cp.cp == '\\') q += '\\';
    if (escaped(cp.cp)) {
      char buf[12];
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp.cp));
      q += buf;
    } else {
      q.append(s.substr(cp.begin, cp.end - cp.begin));
    }
  }
  return q + "\"";
}

std::string written(const Seen& s) {
  std::string t = std::string(s.d->rule_id()) + " @" + std::to_string(s.column) + "+" + std::to_string(s.length) + " " +
                  quote(s.excerpt) + " " + model::severity_name(s.d->severity);
  for (const auto& [k, v] : s.data)
    t += " " + k + "=" + (v.empty() || v.find_first_of(" \t\"") != std::string::npos ? quote(v) : v);
  return t + " ~ " + s.message;
}

// A `{name}` left in a rendered message: a template argument the rule did not pass.
bool unfilled(const std::string& m) {
  for (std::size_t open = m.find('{'); open != std::string::npos; open = m.find('{', open + 1)) {
    const std::size_t close = m.find('}', open);
    if (close == std::string::npos) return false;
    bool name = close > open + 1;
    for (std::size_t k = open + 1; k < close; ++k)
      name &= (m[k] >= 'a' && m[k] <= 'z') || m[k] == '_' || (m[k] >= '0' && m[k] <= '9');
    if (name) return true;
  }
  return false;
}

// Maximum matching of expectations to findings (both tiny): augmenting paths.
bool augment(std::size_t e, const std::vector<std::vector<std::size_t>>& fits, std::vector<int>& owner,
             std::vector<bool>& visited) {
  for (std::size_t f : fits[e]) {
    if (visited[f]) continue;
    visited[f] = true;
    if (owner[f] < 0 || augment(static_cast<std::size_t>(owner[f]), fits, owner, visited)) {
      owner[f] = static_cast<int>(e);
      return true;
    }
  }
  return false;
}

const phrases::PhraseSet& shipped_phrases() {
  static const std::shared_ptr<const phrases::PhraseSet> set = [] {
    auto s = phrases::load_phrase_set(phrases::dictionaries_dir());
    return s.ok() ? std::move(s).value() : nullptr;
  }();
  return *set;
}

Result<std::shared_ptr<const profiles::Profile>> profile(const std::string& id_or_path) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const profiles::Profile>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(id_or_path); it != cache.end()) return it->second;
  const bool is_path = id_or_path.find('/') != std::string::npos;
  auto p = profiles::load_profile(is_path && id_or_path[0] != '/' ? source_path(id_or_path) : id_or_path);
  if (!p.ok()) return p.error();
  auto ptr = std::make_shared<const profiles::Profile>(std::move(p).value());
  cache.emplace(id_or_path, ptr);
  return ptr;
}

void run_case(const CaseFile& file, const Case& c, std::vector<std::string>& out) {
  const std::string where = file.path + ":" + std::to_string(c.line) + (c.name.empty() ? "" : " (" + c.name + ")");
  auto pr = profile(c.settings.profile);
  if (!pr.ok()) {
    out.push_back(where + ": profile " + c.settings.profile + " does not load: " + pr.error().message);
    return;
  }
  std::string draft;
  for (const auto& l : c.lines) draft += l.text + "\n";
  auto doc = readers::read_document(draft, "case.txt");
  if (!doc.ok()) {
    out.push_back(where + ": the draft does not read: " + doc.error().message);
    return;
  }
  if (doc->blocks.size() != c.lines.size()) {
    out.push_back(where + ": " + std::to_string(c.lines.size()) + " draft lines read as " +
                  std::to_string(doc->blocks.size()) + " paragraphs");
    return;
  }
  auto kind = lint::choose_kind(*doc, **pr, c.settings.kind, std::nullopt);
  if (!kind.ok()) {
    out.push_back(where + ": " + kind.error().message);
    return;
  }
  if (c.settings.expect_kind &&
      (kind->id != *c.settings.expect_kind ||
       (c.settings.expect_kind_source && *c.settings.expect_kind_source != model::kind_source_name(kind->source))))
    out.push_back(where + ": kind " + kind->id + " (" + model::kind_source_name(kind->source) + ": " + kind->reason +
                  "), expected " + *c.settings.expect_kind + (c.settings.expect_kind_source ? " " + *c.settings.expect_kind_source : ""));
  // The profile's own phrase set (its entries and removals), as a check run builds it.
  static std::mutex sets_mu;
  static std::map<const profiles::Profile*, std::shared_ptr<const phrases::PhraseSet>> sets;
  std::shared_ptr<const phrases::PhraseSet> set;
  {
    std::lock_guard<std::mutex> lock(sets_mu);
    auto& slot = sets[pr->get()];
    if (!slot) {
      static const std::shared_ptr<const phrases::PhraseSet> base(&shipped_phrases(), [](const phrases::PhraseSet*) {});
      auto built = lint::phrase_set_for(base, **pr);
      if (!built.ok()) {
        out.push_back(where + ": the profile's phrase set does not build: " + built.error().message);
        return;
      }
      slot = *built;
    }
    set = slot;
  }
  lint::Options o;
  o.phrases = set.get();
  o.medium = c.settings.medium;
  o.ignore = c.settings.ignore;
  const auto report = lint::lint_document(*doc, **pr, *kind, o);

  std::vector<std::vector<Seen>> by_line(c.lines.size());
  for (const auto& d : report.findings) {
    const std::string_view t = doc->block_text(d.block);
    Seen s = seen(d, t);
    const int at = d.block < c.lines.size() ? c.lines[d.block].line : c.line;
    if (s.message.empty() || unfilled(s.message))
      out.push_back(file.path + ":" + std::to_string(at) + ": message not filled in: " + written(s));
    const auto& check = c.settings.check;
    if (std::find(check.begin(), check.end(), d.rule_id()) == check.end()) continue;
    if (d.block < c.lines.size()) by_line[d.block].push_back(std::move(s));
  }
  for (std::size_t i = 0; i < c.lines.size(); ++i) {
    const CaseLine& l = c.lines[i];
    const auto& got = by_line[i];
    std::vector<std::vector<std::size_t>> fits(l.expect.size());
    for (std::size_t e = 0; e < l.expect.size(); ++e)
      for (std::size_t f = 0; f < got.size(); ++f)
        if (satisfies(got[f], l.expect[e])) fits[e].push_back(f);
    std::vector<int> owner(got.size(), -1);
    std::vector<bool> matched(l.expect.size(), false);
    for (std::size_t e = 0; e < l.expect.size(); ++e) {
      std::vector<bool> visited(got.size(), false);
      augment(e, fits, owner, visited);
    }
    for (int e : owner)
      if (e >= 0) matched[static_cast<std::size_t>(e)] = true;
    std::string gave;
    for (const auto& s : got) gave += "\n    >> " + written(s);
    if (gave.empty()) gave = "\n    (no finding of " + join(c.settings.check) + ")";
    for (std::size_t e = 0; e < l.expect.size(); ++e)
      if (!matched[e])
        out.push_back(file.path + ":" + std::to_string(l.expect[e].line) + ": expected >> " + l.expect[e].written +
                      "\n  the line above gave:" + gave);
    for (std::size_t f = 0; f < got.size(); ++f)
      if (owner[f] < 0)
        out.push_back(file.path + ":" + std::to_string(l.line) + ": unexpected finding" +
                      (l.ok ? " on a line marked >> ok" : "") + ":\n    >> " + written(got[f]));
  }
}

}  // namespace

Result<CaseFile> parse_case_file(std::string_view text, const std::string& path, const std::string& default_check,
                                 const std::function<bool(std::string_view)>& known) {
  return Parser(path, default_check, known).parse(text);
}

Result<CaseFile> load_case_file(const std::string& path) {
  const std::string stem = fs::path(path).stem().string();
  std::string shown = path;
  const std::string root = std::string(WENFENG_SOURCE_DIR) + "/";
  if (shown.rfind(root, 0) == 0) shown = shown.substr(root.size());
  return parse_case_file(read_file(path), shown, stem);
}

std::vector<std::string> case_file_paths() {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(source_path("tests/rules/cases"), ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".txt") out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> run_case_file(const CaseFile& file) {
  std::vector<std::string> out;
  for (const auto& c : file.cases) run_case(file, c, out);
  return out;
}

std::string expectation_text(const model::Diagnostic& d, std::string_view block_text) {
  return written(seen(d, block_text));
}

}  // namespace wenfeng::testing
