#include "cli/inputs.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "base/io.h"

namespace wenfeng::cli {
namespace fs = std::filesystem;
namespace {

// Length of the UTF-8 sequence starting with byte c (1 for a stray byte).
std::size_t seq_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

// [...] at p[0]; returns the length of the class (0 if unterminated) and whether `c` matches.
std::size_t match_class(std::string_view p, std::string_view c, bool& matched) {
  std::size_t i = 1;
  bool negate = false;
  if (i < p.size() && (p[i] == '!' || p[i] == '^')) negate = true, ++i;
  bool any = false;
  bool first = true;
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    std::string_view lo = p.substr(i, seq_len(static_cast<unsigned char>(p[i])));
    i += lo.size();
    std::string_view hi = lo;
    if (i + 1 < p.size() && p[i] == '-' && p[i + 1] != ']') {
      hi = p.substr(i + 1, seq_len(static_cast<unsigned char>(p[i + 1])));
      i += 1 + hi.size();
    }
    if (c >= lo && c <= hi && c.size() == lo.size()) any = true;
  }
  if (i >= p.size()) return 0;
  matched = any != negate;
  return i + 1;
}

}  // namespace

bool glob_match(std::string_view p, std::string_view s) {
  while (!p.empty()) {
    if (p.substr(0, 2) == "**" && (p.size() == 2 || p[2] == '/')) {
      if (p.size() == 2) return true;  // trailing /**: everything inside
      const std::string_view rest = p.substr(3);
      // "**/" matches zero or more whole folders.
      for (std::size_t i = 0;; ) {
        if (glob_match(rest, s.substr(i))) return true;
        const auto slash = s.find('/', i);
        if (slash == std::string_view::npos) return false;
        i = slash + 1;
      }
    }
    const char c = p[0];
    if (c == '*') {
      p.remove_prefix(1);
      for (std::size_t i = 0;; ++i) {
        if (glob_match(p, s.substr(i))) return true;
        if (i >= s.size() || s[i] == '/') return false;
      }
    }
    if (s.empty()) return false;
    const std::size_t n = seq_len(static_cast<unsigned char>(s[0]));
    if (c == '?') {
      if (s[0] == '/') return false;
      p.remove_prefix(1);
      s.remove_prefix(std::min(n, s.size()));
      continue;
    }
    if (c == '[') {
      bool matched = false;
      const std::size_t len = match_class(p, s.substr(0, n), matched);
      if (len > 0) {
        if (!matched || s[0] == '/') return false;
        p.remove_prefix(len);
        s.remove_prefix(std::min(n, s.size()));
        continue;
      }
    }
    if (c == '\\' && p.size() > 1) p.remove_prefix(1);
    if (p[0] != s[0]) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

IgnoreFile IgnoreFile::parse(std::string_view text) {
  IgnoreFile f;
  std::size_t at = 0;
  while (at <= text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(at, nl - at));
    at = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are dropped unless escaped.
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Pattern p;
    if (line[0] == '!') p.negate = true, line.erase(0, 1);
    else if (line[0] == '\\' && line.size() > 1 && (line[1] == '!' || line[1] == '#')) line.erase(0, 1);
    if (!line.empty() && line.back() == '/') p.dir_only = true, line.pop_back();
    if (line.find('/') != std::string::npos) p.anchored = true;
    if (!line.empty() && line[0] == '/') line.erase(0, 1);
    if (line.empty()) continue;
    p.glob = std::move(line);
    f.patterns_.push_back(std::move(p));
  }
  return f;
}

int IgnoreFile::match(std::string_view relative, bool is_dir) const {
  const auto slash = relative.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? relative : relative.substr(slash + 1);
  int verdict = 0;
  for (const auto& p : patterns_) {
    if (p.dir_only && !is_dir) continue;
    if (glob_match(p.glob, p.anchored ? relative : base)) verdict = p.negate ? -1 : 1;
  }
  return verdict;
}

namespace {

struct Scope {
  fs::path dir;
  std::shared_ptr<const IgnoreFile> file;  // null when the folder has none
};

std::shared_ptr<const IgnoreFile> load_ignore(const fs::path& dir, std::vector<std::string>* warnings) {
  std::error_code ec;
  const fs::path p = dir / ".wenfengignore";
  if (!fs::is_regular_file(p, ec)) return nullptr;
  // Read as every input is (a regular file, capped): a drafts folder's .wenfengignore that
  // is swapped for a FIFO or grows to gigabytes is passed over rather than waited on, and
  // said so: the files it would have left out are read.
  auto text = read_regular_file(p.string(), kIgnoreFileCap, ".wenfengignore");
  if (!text.ok()) {
    if (warnings)
      warnings->push_back(p.string() + ": 警告[" + error_code_name(text.error().code) + "] " + text.error().message +
                          "；其中的忽略规则未生效\n");
    return nullptr;
  }
  return std::make_shared<const IgnoreFile>(IgnoreFile::parse(*text));
}

// Relative path of `p` below `dir` with '/' separators, or empty if not below.
std::string below(const fs::path& dir, const fs::path& p) {
  const fs::path rel = p.lexically_relative(dir);
  const std::string r = rel.generic_string();
  return r.empty() || r.rfind("..", 0) == 0 ? std::string() : r;
}

bool ignored(const std::vector<Scope>& scopes, const fs::path& p, bool is_dir) {
  bool out = false;
  for (const auto& s : scopes) {  // outermost first: deeper files override
    if (!s.file) continue;
    const std::string rel = below(s.dir, p);
    if (rel.empty()) continue;
    const int v = s.file->match(rel, is_dir);
    if (v != 0) out = v > 0;
  }
  return out;
}

bool wanted_file(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.rfind("~$", 0) == 0) return false;  // Word's owner (lock) file
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(std::begin(kInputExtensions), std::end(kInputExtensions), ext) != std::end(kInputExtensions);
}

void walk(const fs::path& dir, std::vector<Scope>& scopes, std::vector<std::string>& out,
          std::vector<std::string>* warnings) {
  scopes.push_back({dir, load_ignore(dir, warnings)});
  std::vector<fs::directory_entry> entries;
  std::error_code ec;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec))
    entries.push_back(*it);
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
  for (const auto& e : entries) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // hidden files and folders
    // Symlinked folders are not followed (no cycles); symlinked files are read.
    const bool is_dir = e.is_directory(ec) && !e.is_symlink(ec);
    if (!is_dir && !wanted_file(e.path())) continue;
    if (ignored(scopes, e.path(), is_dir)) continue;
    if (is_dir) walk(e.path(), scopes, out, warnings);
    else if (e.is_regular_file(ec)) out.push_back(e.path().string());
  }
  scopes.pop_back();
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>* warnings) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& a : args) {
    if (a == "-" || !fs::is_directory(a, ec)) {
      out.push_back(a);
      continue;
    }
    // .wenfengignore files of the ancestors apply too, as .gitignore files do.
    std::vector<Scope> scopes;
    const fs::path root = fs::path(a).lexically_normal();
    fs::path abs = fs::absolute(root, ec).lexically_normal();
    if (!abs.has_filename() && abs.has_parent_path() && abs != abs.root_path()) abs = abs.parent_path();
    std::vector<fs::path> ancestors;
    for (fs::path d = abs.parent_path(); !d.empty(); d = d.parent_path()) {
      ancestors.push_back(d);
      if (d == d.parent_path()) break;
    }
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it) {
      // Ancestor patterns are matched against paths made absolute the same way.
      if (auto f = load_ignore(*it, warnings)) scopes.push_back({*it, f});
    }
    // Walk with absolute paths for matching, report paths as the user wrote them.
    std::vector<std::string> found;
    walk(abs, scopes, found, warnings);
    const std::string abs_s = abs.string();
    std::string shown = a;
    if (!shown.empty() && shown.back() != '/') shown += '/';
    for (auto& f : found) out.push_back(shown + f.substr(std::min(f.size(), abs_s.size() + 1)));
  }
  return out;
}

}  // namespace wenfeng::cli
