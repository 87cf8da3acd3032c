#include "lint/kind.h"

#include <vector>

namespace wenfeng::lint {
namespace {

using model::KindChoice;
using model::KindSource;

// Whether the cue's word occurs in `s` other than right after a `not_after` or right before
// a `not_before` string (so 县长 does not match inside 副县长).
bool occurs(std::string_view s, const profiles::Cue& cue) {
  for (std::size_t pos = s.find(cue.word); pos != std::string_view::npos; pos = s.find(cue.word, pos + 1)) {
    bool ok = true;
    for (const auto& a : cue.not_after)
      if (pos >= a.size() && s.substr(pos - a.size(), a.size()) == a) ok = false;
    for (const auto& b : cue.not_before)
      if (s.substr(pos + cue.word.size(), b.size()) == b) ok = false;
    if (ok) return true;
  }
  return false;
}

std::string quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += "“" + w + "”";
  return out;
}

// The title without trailing punctuation or spaces (a stray "。" must not hide the 文种).
std::string_view trimmed_title(std::string_view t) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"。", "，", "；", "：", ".", " ", "\xE3\x80\x80"})
      while (t.ends_with(p)) {
        t.remove_suffix(p.size());
        again = true;
      }
  }
  return t;
}

// A document by its title's ending, or nothing.
std::optional<KindChoice> by_document_title(std::string_view title, const profiles::Profile& p) {
  const auto& c = p.classifier;
  const std::string_view tv = trimmed_title(title);
  auto try_ending = [&](const std::string& w) -> std::optional<KindChoice> {
    if (!tv.ends_with(w)) return std::nullopt;
    for (const auto& e : c.document_exceptions)
      if (e.ending == w && tv.find(e.title_has) != std::string_view::npos) return std::nullopt;
    return KindChoice{c.document_kind, KindSource::kClassifier, "标题以文种“" + w + "”结尾"};
  };
  for (const auto& w : p.vocabulary.wenzhong)
    if (auto k = try_ending(w)) return k;
  for (const auto& w : c.document_endings)
    if (auto k = try_ending(w)) return k;
  return std::nullopt;
}

}  // namespace

KindChoice classify(const model::Document& doc, const profiles::Profile& profile) {
  const int t = model::title_block(doc);
  const int l = model::lead_block(doc);
  const std::string_view title = t >= 0 ? doc.block_text(static_cast<std::size_t>(t)) : std::string_view();
  // Issuer publications named in the title (《大兴信息》…).
  for (const auto& [id, kind] : profile.kinds)
    for (const auto& w : kind.title_keywords)
      if (title.find(w) != std::string_view::npos) return {id, KindSource::kClassifier, "标题含“" + w + "”"};
  const auto& c = profile.classifier;
  if (auto k = by_document_title(title, profile)) return *k;
  for (const auto& r : c.title_rules) {
    std::vector<std::string> found;
    for (const auto& w : r.title_has)
      if (title.find(w) != std::string_view::npos) found.push_back(w);
    if (!found.empty()) {
      std::string why;
      for (std::size_t i = 0; i < r.title_has.size(); ++i)
        why += (i == 0 ? "“" : i + 1 == r.title_has.size() ? "”或“" : "”“") + r.title_has[i];
      return {r.kind, KindSource::kClassifier, "标题含" + why + "”"};
    }
  }

  // News: who × what, from the title and lead paragraph.
  const std::string both =
      std::string(title) + "\n" + (l >= 0 ? std::string(doc.block_text(static_cast<std::size_t>(l))) : std::string());
  std::vector<std::string> who_words, what_words;
  std::string who;
  auto note_word = [](std::vector<std::string>& words, const std::string& w) {
    // "常委" adds nothing after "县委常委".
    for (const auto& x : words)
      if (x.find(w) != std::string::npos) return;
    words.push_back(w);
  };
  for (const auto& g : c.who)
    for (const auto& cue : g.cues)
      if (occurs(both, cue)) {
        if (who.empty()) who = g.id;
        note_word(who_words, cue.word);
      }
  std::string what;
  for (const auto& g : c.what) {
    for (const auto& cue : g.cues)
      if (occurs(both, cue)) {
        what = g.id;
        what_words.push_back(cue.word);
        break;
      }
    if (!what.empty()) break;
  }

  KindChoice k;
  for (const auto& r : c.news) {
    if (r.what != what || (!r.who.empty() && r.who != who)) continue;
    // A rule that holds whoever is reported is decided by what alone.
    const std::string why = r.who.empty() ? "标题和导语含" + quoted(what_words)
                                          : "标题和导语含" + quoted(who_words) + quoted(what_words);
    return {r.kind, KindSource::kClassifier, why};
  }
  k.reason = what.empty() ? (who_words.empty() ? "标题和导语中没有可判断类型的词语"
                                                : "只看出报道对象" + quoted(who_words) + "，看不出活动类型")
                          : "只看出活动类型" + quoted(what_words) + "，看不出报道对象";
  return k;
}

Result<KindChoice> choose_kind(const model::Document& doc, const profiles::Profile& profile,
                               const std::optional<std::string>& option, const std::optional<std::string>& config) {
  auto known = [&](const std::string& id) { return id == "unknown" || profile.kind(id) != nullptr; };
  if (option) {
    if (!known(*option))
      return make_error(ErrorCode::kUsage, "规范 " + profile.id + " 中没有类型 “" + *option +
                                               "”；用 wenfeng profiles " + profile.id + " 查看可用类型");
    return KindChoice{*option, KindSource::kOption, "由 --kind 指定"};
  }
  if (config) {
    if (!known(*config))
      return make_error(ErrorCode::kConfig, ".wenfeng.yaml 中的 kind “" + *config + "” 不是规范 " + profile.id + " 的类型");
    return KindChoice{*config, KindSource::kConfig, "由 .wenfeng.yaml 指定"};
  }
  if (auto p = doc.property("custom:wenfeng.kind"); p && known(*p))
    return KindChoice{*p, KindSource::kDocument, "文档自定义属性 wenfeng.kind"};
  if (auto p = doc.property("core:category"); p && profile.kind(*p))
    return KindChoice{*p, KindSource::kDocument, "文档属性“类别”（category）"};
  if (auto p = doc.property("xml:kind"); p && known(*p))
    return KindChoice{*p, KindSource::kDocument, "XML 中的类型属性"};
  KindChoice k = classify(doc, profile);
  if (k.id != "unknown" && !profile.kind(k.id)) k = KindChoice{"unknown", KindSource::kNone, k.reason};
  return k;
}

}  // namespace wenfeng::lint
