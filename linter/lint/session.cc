#include "lint/session.h"

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "base/parallel.h"
#include "lint/kind.h"
#include "lint/phrase_set.h"
#include "readers/text_reader.h"
#include "readers/xml_reader.h"

namespace wenfeng::lint {

bool FileResult::fails() const {
  if (!report) return false;
  return std::any_of(report->findings.begin(), report->findings.end(),
                     [&](const model::Diagnostic& d) { return d.severity >= fail_on; });
}

Result<std::unique_ptr<Session>> Session::open(RunOptions options, bool check) {
  std::unique_ptr<Session> s(new Session(std::move(options), check));
  if (s->options_.config_file) {  // a broken --config stops the run before any file is read
    auto cfg = profiles::load_project_config(*s->options_.config_file);
    if (!cfg.ok()) return cfg.error();
  }
  if (!check) return s;
  // The dictionaries are compiled once into one automaton shared by every file.
  auto set = phrases::load_phrase_set(s->options_.dictionaries.empty() ? phrases::dictionaries_dir()
                                                                        : s->options_.dictionaries);
  if (!set.ok()) return set.error();
  s->phrases_ = *set;
  if (s->options_.profile) {
    auto p = s->profile(*s->options_.profile);
    if (!p.ok()) return p.error();
    if (const auto& k = s->options_.kind; k && *k != "unknown" && !(*p)->kind(*k))
      return make_error(ErrorCode::kUsage, "规范 " + (*p)->id + " 中没有类型 “" + *k + "”；用 wenfeng profiles " +
                                               (*p)->id + " 查看可用类型");
  }
  return s;
}

struct Session::Loaded::Active {
  std::vector<std::uint8_t> on;  // profile_entries: the part the profile alone decides
  std::mutex mu;
  // By kind id and ignore list: few distinct ones in a batch.
  std::map<std::string, std::shared_ptr<const std::vector<std::uint8_t>>, std::less<>> by_key;

  std::shared_ptr<const std::vector<std::uint8_t>> get(const phrases::PhraseSet& set, const profiles::Profile& p,
                                                       const model::KindChoice& kind,
                                                       const std::vector<std::string>& ignore) {
    std::string key = kind.id;
    for (const auto& w : ignore) key.append(1, '\n').append(std::to_string(w.size())).append(1, ':').append(w);
    std::lock_guard<std::mutex> lock(mu);
    if (auto it = by_key.find(key); it != by_key.end()) return it->second;
    auto a = std::make_shared<const std::vector<std::uint8_t>>(active_entries(set, p, kind, ignore, &on));
    by_key.emplace(std::move(key), a);
    return a;
  }
};

Result<Session::Loaded> Session::load(const std::string& id_or_path) const {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = profiles_.find(id_or_path); it != profiles_.end()) return it->second;
  auto p = profiles::load_profile(id_or_path);
  if (!p.ok()) return p.error();
  // The profile's XPath maps are held to what --xml-map and --html-selector are: checked
  // here, once, rather than failing (or selecting nothing) file after file.
  auto bad_xpath = [&](const std::string& expr, bool node_set, const std::string& what) -> std::optional<Error> {
    auto st = readers::check_xpath(expr, node_set, what);
    if (st.ok()) return std::nullopt;
    return make_error(ErrorCode::kConfig, p->path + ": 规范中 " + st.error().message, p->path);
  };
  for (const auto& [key, expr] : p->xml_map)
    if (auto e = bad_xpath(expr, key != "kind", "xml_map 的 " + key)) return *e;
  if (!p->html_selector.empty())
    if (auto e = bad_xpath(p->html_selector, true, "html_selector")) return *e;
  Loaded l;
  l.profile = std::make_shared<const profiles::Profile>(std::move(p).value());
  if (phrases_) {
    auto set = phrase_set_for(phrases_, *l.profile);
    if (!set.ok()) return set.error();
    l.phrases = *set;
    l.active = std::make_shared<Loaded::Active>();
    l.active->on = profile_entries(*l.phrases, *l.profile);
  }
  profiles_.emplace(id_or_path, l);
  return l;
}

Result<Session::PhraseLookup> Session::lookup_phrase(const std::string& text, const std::string& profile_id) const {
  auto l = load(profile_id);
  if (!l.ok()) return l.error();
  PhraseLookup out{l->profile, l->phrases, phrases_, {}, {}};
  if (!phrases_) return out;
  const model::Document doc = readers::build_text_document(text, "explain");
  auto collect = [&](const phrases::PhraseSet& set, std::vector<std::uint32_t>& into) {
    for (const auto& h : phrases::find_hits(doc, set)) into.push_back(h.entry);
    for (std::uint32_t i = 0; i < set.entries.size(); ++i)
      if (names_entry(text, set.entries[i]) && set.entries[i].category != text && set.entries[i].list != text)
        into.push_back(i);
    std::sort(into.begin(), into.end());
    into.erase(std::unique(into.begin(), into.end()), into.end());
  };
  collect(*out.set, out.in_set);
  collect(*out.shipped, out.in_shipped);
  return out;
}

Result<std::shared_ptr<const profiles::Profile>> Session::profile(const std::string& id_or_path) const {
  auto l = load(id_or_path);
  if (!l.ok()) return l.error();
  return l->profile;
}

readers::ReadOptions Session::read_options(const profiles::Profile* profile) const {
  readers::ReadOptions ro = options_.read;
  if (profile) {
    // The command line's maps win; the profile fills what it leaves empty.
    auto fill = [&](const char* key, std::string& slot) {
      auto it = profile->xml_map.find(key);
      if (slot.empty() && it != profile->xml_map.end()) slot = it->second;
    };
    fill("title", ro.xml_map.title);
    fill("body", ro.xml_map.body);
    fill("items", ro.xml_map.items);
    fill("kind", ro.xml_map.kind);
    if (ro.html_selector.empty()) ro.html_selector = profile->html_selector;
  }
  return ro;
}

Result<model::Document> Session::read(const std::string& path, const std::string* stdin_bytes,
                                      const profiles::Profile* profile, std::string* keep) const {
  const readers::ReadOptions ro = read_options(profile);
  if (path == "-") {
    if (!stdin_bytes) return make_error(ErrorCode::kEmpty, "标准输入为空，没有可检查的内容");
    if (keep) *keep = *stdin_bytes;
    return readers::read_document(*stdin_bytes, options_.stdin_filename, ro);
  }
  auto bytes = readers::read_file_bytes(path);
  if (!bytes.ok()) return bytes.error();
  if (!keep) return readers::read_owned_document(std::move(*bytes), path, ro);  // the bytes become the text
  auto doc = readers::read_document(*bytes, path, ro);
  *keep = std::move(bytes).value();
  return doc;
}

Result<profiles::ProjectConfig> Session::config_for(const std::string& path) const {
  if (options_.no_config) return profiles::ProjectConfig{};
  if (options_.config_file) return profiles::load_project_config(*options_.config_file);
  // Standard input stands for --stdin-filename: its folder decides, as for the file itself.
  const std::string& anchor = path == "-" && !options_.stdin_filename.empty() ? options_.stdin_filename : path;
  return profiles::find_project_config(anchor);
}

struct Session::ConfigMemo {
  std::mutex mu;
  std::map<std::string, Result<profiles::ProjectConfig>> by_folder;
};

Result<profiles::ProjectConfig> Session::config_for(const std::string& path, ConfigMemo* memo) const {
  if (!memo || options_.no_config || options_.config_file || path == "-") return config_for(path);
  // find_config_file walks up from the file's folder: the folder decides.
  std::error_code ec;
  const std::string folder = std::filesystem::absolute(path, ec).parent_path().string();
  if (ec) return config_for(path);
  {
    std::lock_guard<std::mutex> lock(memo->mu);
    if (auto it = memo->by_folder.find(folder); it != memo->by_folder.end()) return it->second;
  }
  auto cfg = config_for(path);
  std::lock_guard<std::mutex> lock(memo->mu);
  memo->by_folder.emplace(folder, cfg);
  return cfg;
}

namespace {

std::string shown_path(const std::string& path, const std::string& stdin_name) {
  if (path != "-") return path;
  return stdin_name.empty() ? "<stdin>" : stdin_name;
}

}  // namespace

FileResult Session::count(const std::string& path, const std::string* stdin_bytes) const {
  return counted(shown_path(path, options_.stdin_filename), read(path, stdin_bytes, nullptr));
}

FileResult Session::count(const MemoryInput& in) const {
  if (in.bytes.empty())
    return counted(in.name, make_error(ErrorCode::kEmpty, "内容为空（0 字节），没有可统计的内容"));
  return counted(in.name, readers::read_document(in.bytes, in.name, read_options(nullptr)));
}

FileResult Session::counted(std::string shown, Result<model::Document> doc) const {
  FileResult f;
  f.path = std::move(shown);
  if (!doc.ok()) {
    f.error = doc.error();
    return f;
  }
  f.counts = count::count_document(*doc, options_.count_scope);
  f.pages = layout::estimate_pages(*doc);
  f.doc = std::move(doc).value();
  return f;
}

FileResult Session::check(const std::string& path, const std::string* stdin_bytes) const {
  return check(path, stdin_bytes, nullptr);
}

FileResult Session::check(const std::string& path, const std::string* stdin_bytes, ConfigMemo* memo) const {
  FileResult f = check_with(shown_path(path, options_.stdin_filename), config_for(path, memo),
                            {options_.profile, options_.kind, options_.medium},
                            [&](const profiles::Profile* p, std::string* keep) { return read(path, stdin_bytes, p, keep); });
  f.from_stdin = path == "-";
  return f;
}

FileResult Session::check_buffer(const std::string& path, std::string_view bytes) const {
  return check_with(path, config_for(path), {options_.profile, options_.kind, options_.medium},
                    [&](const profiles::Profile* p, std::string* keep) -> Result<model::Document> {
                      if (bytes.empty()) return make_error(ErrorCode::kEmpty, "文档为空，没有可检查的内容");
                      if (keep) *keep = std::string(bytes);
                      return readers::read_document(bytes, path, read_options(p));
                    });
}

FileResult Session::check(const MemoryInput& in) const {
  return check_with(in.name, profiles::ProjectConfig{},
                    {in.profile ? in.profile : options_.profile, in.kind ? in.kind : options_.kind,
                     in.medium ? in.medium : options_.medium},
                    [&](const profiles::Profile* p, std::string* keep) -> Result<model::Document> {
                      if (in.bytes.empty()) return make_error(ErrorCode::kEmpty, "内容为空（0 字节），没有可检查的内容");
                      if (keep) *keep = std::string(in.bytes);
                      return readers::read_document(in.bytes, in.name, read_options(p));
                    });
}

FileResult Session::check_with(std::string shown, const Result<profiles::ProjectConfig>& cfg, const Choice& choice,
                               const DocReader& read_doc) const {
  FileResult f;
  f.path = std::move(shown);
  if (!cfg.ok()) {
    f.error = cfg.error();
    return f;
  }
  auto pr = load(choice.profile.value_or(cfg->profile.value_or("national")));
  if (!pr.ok()) {
    f.error = pr.error();
    return f;
  }
  f.profile = pr->profile;
  f.phrases = pr->phrases;
  const std::shared_ptr<Loaded::Active> active = pr->active;
  if (options_.fail_on) {
    f.fail_on = *options_.fail_on;
  } else if (cfg->fail_on && !model::parse_severity(*cfg->fail_on, f.fail_on)) {
    f.error = make_error(ErrorCode::kConfig, cfg->path + ": fail-on 只能是 error、warning 或 info");
    return f;
  }
  auto doc = read_doc(f.profile.get(), options_.keep_input ? &f.input : nullptr);
  if (!doc.ok()) {
    f.error = doc.error();
    return f;
  }
  // The title, found once for the classifier and the measurements.
  const TitleInfo title = find_title(*doc, title_endings(*f.profile));
  auto kind = choose_kind(*doc, *f.profile, choice.kind, cfg->kind, &title);
  if (!kind.ok()) {
    f.error = kind.error();
    return f;
  }
  Options opt;
  opt.phrases = f.phrases.get();
  opt.ignore = cfg->ignore;
  opt.medium = choice.medium ? choice.medium : cfg->medium;
  opt.rule_threads = options_.jobs == 0 ? std::max(1u, std::thread::hardware_concurrency()) : options_.jobs;
  opt.title = &title;
  const auto applies = active && f.phrases ? active->get(*f.phrases, *f.profile, *kind, opt.ignore) : nullptr;
  opt.active = applies.get();
  f.report = lint_document(*doc, *f.profile, *kind, opt);
  f.counts = f.report->m.counts;
  f.pages = f.report->m.pages;
  f.doc = std::move(doc).value();
  return f;
}

void Session::run(const std::vector<std::string>& paths, const std::function<void(FileResult&&)>& emit,
                  const std::function<void(std::size_t, FileResult&)>& prepare) const {
  // Standard input is read in its turn, by the worker that reaches "-" (once, however
  // often "-" is named), so the files before it stream out while it is still being written.
  std::once_flag stdin_once;
  std::optional<Result<std::string>> stdin_bytes;
  ConfigMemo memo;
  const unsigned jobs = options_.jobs;
  const auto produce = [&](std::size_t i) {
    const std::string& p = paths[i];
    if (p != "-") return check_ ? check(p, nullptr, &memo) : count(p, nullptr);
    std::call_once(stdin_once, [&] { stdin_bytes = readers::read_stdin_bytes(); });
    if (!stdin_bytes->ok()) {
      FileResult f;
      f.path = shown_path(p, options_.stdin_filename);
      f.error = stdin_bytes->error();
      return f;
    }
    return check_ ? check(p, &stdin_bytes->value()) : count(p, &stdin_bytes->value());
  };
  ordered_parallel<FileResult>(
      paths.size(), jobs, 4 * std::max(1u, jobs == 0 ? std::thread::hardware_concurrency() : jobs),
      [&](std::size_t i) {
        FileResult f = produce(i);
        if (prepare) prepare(i, f);
        return f;
      },
      emit);
}

}  // namespace wenfeng::lint
