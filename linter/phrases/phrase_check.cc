#include "phrases/phrase_check.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/format.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::phrases {
namespace {

// A paragraph with whitespace and invisibles removed, and where each folded byte came from.
struct Folded {
  std::string text;
  std::vector<std::uint32_t> origin;  // origin[i] = original offset of folded byte i; origin[size] = end
};

void fold_block(std::string_view t, Folded& f) {
  f.text.resize(t.size());
  f.origin.resize(t.size() + 1);
  char* out = f.text.data();
  std::uint32_t* org = f.origin.data();
  std::size_t n = 0;
  const char* const base = t.data();
  const char* p = base;
  const char* e = p + t.size();
  while (p < e) {
    const char* a = p;
    const auto b = static_cast<unsigned char>(*p);
    bool keep;
    if (b < 0x80) {
      ++p;
      keep = b > 0x20 && b != 0x7F;
    } else {
      const auto cls = text::classify(text::decode(p, e)) & text::kPrimaryMask;
      keep = cls == text::kAsian || cls == text::kOther;
    }
    if (!keep) continue;
    for (const char* q = a; q < p; ++q, ++n) {
      out[n] = *q;
      org[n] = static_cast<std::uint32_t>(q - base);
    }
  }
  f.text.resize(n);
  f.origin[n] = static_cast<std::uint32_t>(t.size());
  f.origin.resize(n + 1);
}

bool is_sentence_end(char32_t c) { return c == U'。' || c == U'！' || c == U'？' || c == U'；'; }

// Finds `part` ending at or before `limit` in folded text, at most `gap` code points before
// it and within the sentence. Returns the start offset, or npos.
std::size_t find_before(const std::string& s, std::size_t limit, const std::string& part, int gap) {
  std::size_t j = limit;
  for (int steps = 0; steps <= gap; ++steps) {
    if (j >= part.size() && s.compare(j - part.size(), part.size(), part) == 0) return j - part.size();
    if (j == 0) break;
    // Step back one code point; stop at a sentence end.
    std::size_t k = j - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    const char* p = s.data() + k;
    if (is_sentence_end(text::decode(p, s.data() + j))) break;
    j = k;
  }
  return std::string::npos;
}

// Up to `n` code points of t before byte offset `at`.
std::string_view before(std::string_view t, std::size_t at, int n) {
  std::size_t i = at;
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  }
  return t.substr(i, at - i);
}

bool conditions_hold(const Entry& e, std::string_view t, std::size_t begin, std::size_t end) {
  text::Match m;
  const std::string_view after = t.substr(end, std::min<std::size_t>(t.size() - end, 120));
  const std::string_view prior = before(t, begin, 30);
  if (e.next && !e.next->search(after, m)) return false;
  if (e.not_next && e.not_next->search(after, m)) return false;
  if (e.prev && !e.prev->search(prior, m)) return false;
  if (e.not_prev && e.not_prev->search(prior, m)) return false;
  return true;
}

const char* rule_of(const std::string& list) {
  if (list == "banned") return "phrase.banned";
  if (list == "confusable") return "typo.confusable";
  return "phrase.boilerplate";
}

bool allowed(const Entry& e, const std::vector<std::string>& allow) {
  for (const auto& a : allow)
    if (a == e.phrase || a == e.category || a == e.list || a == rule_of(e.list)) return true;
  return false;
}


}  // namespace

std::vector<Hit> find_hits(const model::Document& doc, const PhraseSet& set) {
  std::vector<Hit> hits;
  Folded f;
  std::vector<Hit> local, kept;
  for (std::uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const auto& b = doc.blocks[bi];
    if (b.story != model::Story::kMain || b.directive || b.begin == b.end) continue;
    const std::string_view t = doc.block_text(b);
    fold_block(t, f);
    local.clear();
    if (f.text.empty()) continue;
    set.matcher.scan(f.text, [&](const RawMatch& m) {
      const std::size_t key_begin = m.end - set.matcher.pattern_length(m.pattern);
      for (const std::uint32_t ei : set.entries_by_pattern[m.pattern]) {
        const Entry& e = set.entries[ei];
        std::size_t begin = key_begin;
        bool ok = true;
        for (std::size_t k = e.parts.size() - 1; k-- > 0;) {
          const std::size_t at = find_before(f.text, begin, e.parts[k], e.gap);
          if (at == std::string::npos) { ok = false; break; }
          begin = at;
        }
        if (!ok) continue;
        const std::uint32_t ob = f.origin[begin];
        const std::uint32_t oe = f.origin[m.end - 1] + 1;
        // Extend the end to the whole last character.
        std::uint32_t end = oe;
        while (end < t.size() && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) ++end;
        if (!conditions_hold(e, t, ob, end)) continue;
        local.push_back(Hit{ei, bi, ob, end});
      }
    });
    // Longest first at each start; then drop hits overlapping a kept one.
    std::sort(local.begin(), local.end(), [&](const Hit& a, const Hit& c) {
      if (a.begin != c.begin) return a.begin < c.begin;
      if (a.end != c.end) return a.end > c.end;
      return set.entries[a.entry].severity > set.entries[c.entry].severity;
    });
    std::uint32_t covered = 0;
    bool any = false;
    kept.clear();
    for (const auto& h : local) {
      if (any && h.begin < covered) {
        // Overlaps the previous kept hit: keep the longer one.
        Hit& last = kept.back();
        if (h.end - h.begin > last.end - last.begin) {
          last = h;
          covered = h.end;
        }
        continue;
      }
      kept.push_back(h);
      covered = h.end;
      any = true;
    }
    hits.insert(hits.end(), kept.begin(), kept.end());
  }
  return hits;
}

void check_phrases(const model::Document& doc, const PhraseSet& set, const profiles::PhraseSettings& settings,
                   const std::string& kind_id, const std::vector<check::Span>& body, std::uint64_t body_figure,
                   std::vector<model::Diagnostic>& out) {
  auto applies = [&](const Entry& e) {
    if (e.kinds.empty() || kind_id == "unknown") return true;
    for (const auto& k : e.kinds)
      if (kind_id.rfind(k, 0) == 0) return true;
    return false;
  };
  const auto hits = find_hits(doc, set);
  std::vector<bool> in_body(doc.blocks.size(), false);
  for (const auto& s : body) in_body[s.block] = true;
  std::map<std::string, int> boilerplate_counts;
  int boilerplate_total = 0;
  std::uint32_t first_block = body.empty() ? 0 : body.front().block;
  for (const auto& h : hits) {
    const Entry& e = set.entries[h.entry];
    auto lit = settings.lists.find(e.list);
    if (lit != settings.lists.end() && !lit->second) continue;
    if (allowed(e, settings.allow) || !applies(e)) continue;
    if (e.list == "boilerplate" && in_body[h.block]) {
      ++boilerplate_counts[e.phrase];
      ++boilerplate_total;
    }
    if (e.density_only) continue;
    model::Diagnostic d;
    d.rule = rule_of(e.list);
    d.severity = e.severity;
    if (auto cs = settings.category_severity.find(e.category); cs != settings.category_severity.end())
      d.severity = cs->second;
    d.block = h.block;
    d.offset = h.begin;
    d.length = h.end - h.begin;
    const std::string found(doc.block_text(h.block).substr(h.begin, h.end - h.begin));
    if (e.list == "banned") {
      d.message = "新华社禁用/慎用词“" + found + "”";
      if (!e.suggestion.empty()) d.message += "：建议" + e.suggestion;
    } else if (e.list == "confusable") {
      d.message = "疑似用错“" + found + "”";
      if (!e.suggestion.empty()) d.message += "，此处应为“" + e.suggestion + "”";
    } else {
      d.message = "空话套话“" + found + "”（" + e.category + "）";
      if (!e.suggestion.empty()) d.message += "：" + e.suggestion;
    }
    if (!e.note.empty()) d.message += "（" + e.note + "）";
    d.source.issuer = "wenfeng 词典";
    d.source.document = e.source;
    d.source.part = e.file.substr(e.file.find_last_of('/') + 1) + ":" + std::to_string(e.line);
    d.data = {{"list", e.list}, {"category", e.category}, {"entry", e.phrase}};
    if (!e.suggestion.empty()) d.data.emplace_back("suggestion", e.suggestion);
    out.push_back(std::move(d));
  }

  // phrase.density: one document-level finding.
  if (settings.density_per_1000 > 0 && body_figure >= settings.density_min_body && boilerplate_total > 0) {
    const double per_1000 = 1000.0 * boilerplate_total / static_cast<double>(body_figure);
    if (per_1000 > settings.density_per_1000) {
      std::vector<std::pair<std::string, int>> top(boilerplate_counts.begin(), boilerplate_counts.end());
      std::stable_sort(top.begin(), top.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      std::string names;
      for (std::size_t i = 0; i < top.size() && i < 5; ++i)
        names += (i ? "、" : "") + ("“" + top[i].first + "”×" + std::to_string(top[i].second));
      model::Diagnostic d;
      d.rule = "phrase.density";
      d.severity = settings.density_severity;
      d.block = first_block;
      d.document_level = true;
      d.message = "空话套话密度每千字 " + one_decimal(per_1000) + " 处（正文 " + std::to_string(body_figure) + " 字中 " +
                  std::to_string(boilerplate_total) + " 处），超过阈值 " + one_decimal(settings.density_per_1000) +
                  "；最常见：" + names;
      d.source.issuer = "中共中央";
      d.source.document = "中央八项规定（2012）";
      d.source.part = "第二条（力戒空话、套话）";
      d.data = {{"per_1000", one_decimal(per_1000)}, {"hits", std::to_string(boilerplate_total)},
                {"threshold", one_decimal(settings.density_per_1000)}};
      out.push_back(std::move(d));
    }
  }
}

}  // namespace wenfeng::phrases
