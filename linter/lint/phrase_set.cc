#include "lint/phrase_set.h"

#include <algorithm>
#include "base/io.h"
#include "text/utf8.h"

namespace wenfeng::lint {

using phrases::Entry;
using phrases::PhraseSet;

namespace {

// The issuer's own entries: inline ones, then those of its dictionary files.
Status own_entries(const profiles::Profile& p, std::vector<Entry>& out) {
  for (const auto& spec : p.phrases.entries) {
    Entry e;
    e.phrase = spec.phrase;
    e.rule = spec.rule;
    e.list = spec.list;
    e.message = spec.message;
    e.suggestion_format = "：{suggest}";
    e.category = spec.category;
    e.source = spec.source;
    e.origin = spec.origin;
    e.file = spec.file;
    e.line = spec.line;
    for (const auto& [k, v] : spec.attributes)
      if (const std::string err = phrases::set_attribute(e, k, v); !err.empty())
        return make_error(ErrorCode::kConfig, spec.where + ": phrases.entries “" + spec.phrase + "”：" + err, spec.where);
    if (const std::string err = phrases::add_entries(e, out); !err.empty())
      return make_error(ErrorCode::kConfig, spec.where + ": " + err, spec.where);
  }
  for (const auto& f : p.phrases.files) {
    // A profile may come from a drafts folder: its dictionary is read as the shipped ones are
    // (a regular file, capped; never a FIFO or /dev/zero).
    auto text = read_regular_file(f.path, phrases::kMaxDictionaryBytes, "词典");
    if (!text.ok()) return make_error(ErrorCode::kConfig, f.where + ": " + f.path + "：" + text.error().message, f.where);
    if (text::find_invalid_utf8(*text) != std::string::npos)
      return make_error(ErrorCode::kConfig, f.path + ": 词典必须是 UTF-8 编码", f.where);
    auto st = phrases::parse_dictionary(*text, f.path, out);
    if (!st.ok()) return st.error();
  }
  return ok_status();
}

}  // namespace


bool names_entry(const std::string& what, const Entry& e) {
  return what == e.phrase || what == e.variant || what == e.category || what == e.list || what == e.rule;
}

Result<std::shared_ptr<const PhraseSet>> phrase_set_for(const std::shared_ptr<const PhraseSet>& base,
                                                        const profiles::Profile& p) {
  const auto& ph = p.phrases;
  std::shared_ptr<const PhraseSet> set = base;
  if (!ph.entries.empty() || !ph.files.empty() || !ph.removed.empty()) {
    std::vector<Entry> own;
    if (auto st = own_entries(p, own); !st.ok()) return st.error();
    std::vector<Entry> entries;
    std::vector<bool> used(ph.removed.size(), false);
    auto removed = [&](const Entry& e) {
      bool out = false;
      for (std::size_t i = 0; i < ph.removed.size(); ++i)
        if (names_entry(ph.removed[i].what, e)) out = used[i] = true;
      return out;
    };
    for (const std::vector<Entry>* from : {&base->entries, static_cast<const std::vector<Entry>*>(&own)})
      for (const auto& e : *from)
        if (!removed(e)) entries.push_back(e);
    for (std::size_t i = 0; i < ph.removed.size(); ++i)
      if (!used[i])
        return make_error(ErrorCode::kConfig, ph.removed[i].where + ": phrases.remove 中的 “" + ph.removed[i].what +
                                                  "” 不是词典中的词条、类别或词表",
                          ph.removed[i].where);
    auto built = phrases::build_phrase_set(std::move(entries));
    std::const_pointer_cast<PhraseSet>(built)->files = base->files;
    for (const auto& f : ph.files) std::const_pointer_cast<PhraseSet>(built)->files.push_back(f.path);
    set = built;
  }
  // Phrase lists a profile switches must be lists the dictionaries declare.
  for (const auto& [list, on] : ph.lists)
    if (std::find(set->lists.begin(), set->lists.end(), list) == set->lists.end()) {
      std::string all;
      for (const auto& l : set->lists) all += (all.empty() ? "" : "、") + l;
      const auto it = ph.list_where.find(list);
      const std::string w = it == ph.list_where.end() ? p.path : it->second;
      return make_error(ErrorCode::kConfig,
                        w + ": phrases.lists 中的词表 “" + list + "” 不在词典中（词典声明的词表：" + all + "）", w);
    }
  return set;
}

std::vector<std::uint8_t> profile_entries(const PhraseSet& set, const profiles::Profile& p) {
  const auto& ph = p.phrases;
  std::vector<std::uint8_t> out(set.entries.size(), 0);
  for (std::size_t i = 0; i < set.entries.size(); ++i) {
    const Entry& e = set.entries[i];
    if (auto it = ph.lists.find(e.list); it != ph.lists.end() && !it->second) continue;
    out[i] = std::none_of(ph.allow.begin(), ph.allow.end(), [&](const std::string& n) { return names_entry(n, e); });
  }
  return out;
}

std::vector<std::uint8_t> active_entries(const PhraseSet& set, const profiles::Profile& p, const model::KindChoice& kind,
                                         const std::vector<std::string>& ignore,
                                         const std::vector<std::uint8_t>* on_for_profile) {
  std::vector<std::uint8_t> own;
  if (!on_for_profile || on_for_profile->size() != set.entries.size()) {
    own = profile_entries(set, p);
    on_for_profile = &own;
  }
  std::vector<std::uint8_t> out(set.entries.size(), 0);
  for (std::size_t i = 0; i < set.entries.size(); ++i) {
    if (!(*on_for_profile)[i]) continue;
    const Entry& e = set.entries[i];
    if (std::any_of(ignore.begin(), ignore.end(), [&](const std::string& n) { return names_entry(n, e); })) continue;
    bool kind_ok = e.kinds.empty() || !kind.known();
    for (const auto& k : e.kinds)
      if (kind.id.rfind(k, 0) == 0) kind_ok = true;
    out[i] = kind_ok;
  }
  return out;
}

}  // namespace wenfeng::lint
