#include "phrases/scan.h"

#include <algorithm>
#include <cstring>

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
    // U+4000–U+9FFF (lead bytes E4–E9: CJK ideographs, nearly all of Chinese text) are
    // always kept: copy them without decoding.
    if (b >= 0xE4 && b <= 0xE9 && e - p >= 3) {
      out[n] = p[0], out[n + 1] = p[1], out[n + 2] = p[2];
      const auto o = static_cast<std::uint32_t>(p - base);
      org[n] = o, org[n + 1] = o + 1, org[n + 2] = o + 2;
      n += 3;
      p += 3;
      continue;
    }
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

// Whether fold_block keeps the code point at p (which it steps over).
inline bool kept_by_fold(const char*& p, const char* e) {
  const auto b = static_cast<unsigned char>(*p);
  if (b >= 0xE4 && b <= 0xE9 && e - p >= 3) {
    p += 3;
    return true;
  }
  if (b < 0x80) {
    ++p;
    return b > 0x20 && b != 0x7F;
  }
  const auto cls = text::classify(text::decode(p, e)) & text::kPrimaryMask;
  return cls == text::kAsian || cls == text::kOther;
}

// Whether the three bytes at p are 。！？ or ； (text::is_sentence_end's marks, all three
// bytes long: E3 80 82, EF BC 81, EF BC 9F, EF BC 9B).
inline bool is_sentence_end_bytes(const unsigned char* p) {
  if (p[0] == 0xE3) return p[1] == 0x80 && p[2] == 0x82;
  return p[0] == 0xEF && p[1] == 0xBC && (p[2] == 0x81 || p[2] == 0x9F || p[2] == 0x9B);
}

// Where `part` starts when it ends at byte j of s, or npos; a full-width mark of the part also
// matches its half-width form (halfwidth_of), as the automaton's patterns do.
std::size_t ends_at(std::string_view s, std::size_t j, std::string_view part, bool has_marks) {
  if (j >= part.size() && s.compare(j - part.size(), part.size(), part) == 0) return j - part.size();
  if (!has_marks) return std::string::npos;
  std::size_t pi = part.size();
  while (pi > 0) {
    std::size_t pk = pi - 1;
    while (pk > 0 && (static_cast<unsigned char>(part[pk]) & 0xC0) == 0x80) --pk;
    const char* pp = part.data() + pk;
    const std::string_view half = halfwidth_of(text::decode(pp, part.data() + pi));
    const std::size_t n = pi - pk;
    if (j >= n && s.compare(j - n, n, part.substr(pk, n)) == 0) j -= n;
    else if (!half.empty() && j >= half.size() && s.compare(j - half.size(), half.size(), half) == 0) j -= half.size();
    else return std::string::npos;
    pi = pk;
  }
  return j;
}

bool has_halfwidth_form(std::string_view part) {
  const char* p = part.data();
  const char* e = p + part.size();
  while (p < e)
    if (!halfwidth_of(text::decode(p, e)).empty()) return true;
  return false;
}

// Finds `part` ending at or before `limit` in folded text, at most `gap` code points before
// it and within the sentence. Returns the start offset, or npos. The gap holds no earlier
// occurrence of `next` (the part that starts at `limit`): 推动工作再上新台阶，确保再上新台阶
// is one 推动…再上新台阶 and one 再上新台阶, never one span swallowing the text between.
// `marks`: has_halfwidth_form(part), which the caller knows.
std::size_t find_before(std::string_view s, std::size_t limit, const std::string& part, const std::string& next,
                        int gap, bool marks) {
  // Byte tests first: a part's last byte before its memcmp, a sentence end (。！？；, all
  // three bytes) by its bytes rather than decoded.
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t pn = part.size(), nn = next.size();
  if (pn == 0) return limit;
  const auto plast = static_cast<unsigned char>(part.back());
  const auto nlast = nn ? static_cast<unsigned char>(next.back()) : 0;
  std::size_t j = limit;
  for (int steps = 0; steps <= gap; ++steps) {
    if (j >= pn && u[j - 1] == plast && std::memcmp(u + j - pn, part.data(), pn) == 0) return j - pn;
    if (marks)
      if (const std::size_t at = ends_at(s, j, part, true); at != std::string::npos) return at;
    if (j == 0) break;
    if (j < limit && j >= nn && (nn == 0 || (u[j - 1] == nlast && std::memcmp(u + j - nn, next.data(), nn) == 0)))
      break;
    // Step back one code point; stop at a sentence end.
    std::size_t k = j - 1;
    while (k > 0 && (u[k] & 0xC0) == 0x80) --k;
    if (j - k == 3 && is_sentence_end_bytes(u + k)) break;
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
  if (!e.next && !e.not_next && !e.prev && !e.not_prev) return true;
  const std::string_view after = t.substr(end, std::min<std::size_t>(t.size() - end, 120));
  if (e.next && !e.next->search(after, m)) return false;
  if (e.not_next && e.not_next->search(after, m)) return false;
  if (!e.prev && !e.not_prev) return true;
  const std::string_view prior = before(t, begin, 30);
  if (e.prev && !e.prev->search(prior, m)) return false;
  if (e.not_prev && e.not_prev->search(prior, m)) return false;
  return true;
}

bool opening_quote(char32_t c) { return c == U'“' || c == U'‘' || c == U'「' || c == U'『' || c == U'"'; }
bool closing_quote(char32_t c) { return c == U'”' || c == U'’' || c == U'」' || c == U'』' || c == U'"'; }

// The code point ending right before byte `at` (0 at the start).
char32_t cp_before(std::string_view t, std::size_t at) {
  if (at == 0) return 0;
  std::size_t i = at - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  const char* p = t.data() + i;
  return text::decode(p, t.data() + at);
}

char32_t cp_at(std::string_view t, std::size_t at) {
  if (at >= t.size()) return 0;
  const char* p = t.data() + at;
  return text::decode(p, t.data() + t.size());
}

// Byte ranges inside 《…》 (outermost), for titles cited in the paragraph.
void title_spans(std::string_view t, std::vector<std::pair<std::uint32_t, std::uint32_t>>& out) {
  out.clear();
  int depth = 0;
  std::uint32_t start = 0;
  // 《 and 》 are E3 80 8A and E3 80 8B: E3 found with memchr, never a byte inside another
  // code point (a lead byte), so no decoding.
  for (std::size_t at = t.find('\xE3'); at != std::string_view::npos; at = t.find('\xE3', at + 1)) {
    if (at + 2 >= t.size() || t[at + 1] != '\x80') continue;
    const auto c = static_cast<unsigned char>(t[at + 2]);
    const auto begin = static_cast<std::uint32_t>(at), end = static_cast<std::uint32_t>(at + 3);
    if (c == 0x8A) {
      if (depth++ == 0) start = end;
    } else if (c == 0x8B && depth > 0) {
      if (--depth == 0) out.emplace_back(start, begin);
    }
  }
  if (depth > 0) out.emplace_back(start, static_cast<std::uint32_t>(t.size()));
}

bool is_phrase_rule(const Entry& e) { return e.rule.rfind("phrase.", 0) == 0; }

}  // namespace

std::vector<Hit> find_hits(const model::Document& doc, const PhraseSet& set, const std::vector<std::uint8_t>* active) {
  std::vector<Hit> hits;
  Folded f;
  std::vector<Hit> local, kept;
  std::vector<RawMatch> raw;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> titles;
  // Which parts of each gap entry hold a mark that has a half-width form (bit k for part k),
  // found when the entry is first matched: a property of the dictionary, not of the text.
  constexpr std::uint32_t kUnknown = 0xFFFFFFFFu;
  std::vector<std::uint32_t> part_marks;
  auto has_marks = [&](std::uint32_t ei, std::size_t k) {
    const Entry& e = set.entries[ei];
    if (k >= 31) return has_halfwidth_form(e.parts[k]);
    if (part_marks.empty()) part_marks.assign(set.entries.size(), kUnknown);
    std::uint32_t& m = part_marks[ei];
    if (m == kUnknown) {
      m = 0;
      for (std::size_t i = 0; i < e.parts.size() && i < 31; ++i)
        if (has_halfwidth_form(e.parts[i])) m |= 1u << i;
    }
    return (m >> k & 1u) != 0;
  };
  for (std::uint32_t bi = 0; bi < doc.blocks.size(); ++bi) {
    const auto& b = doc.blocks[bi];
    if (b.story != model::Story::kMain || b.directive || b.begin == b.end || b.role == model::Role::kContents) continue;
    const std::string_view t = doc.block_text(b);
    local.clear();
    // The automaton reads the paragraph in place, over the bytes folding keeps. Up to the
    // first byte left out the folded text is the paragraph itself, so a match ending there
    // (and the gap search before it, which looks only back) uses the paragraph and offsets
    // as they are; for a later match the folded copy and its map back are made, once.
    std::uint32_t first_removed = UINT32_MAX;  // byte offset (original = folded) of the first left out
    struct Keep {
      std::uint32_t& first_removed;
      const char* base;
      // Lead bytes E4–E9 (U+4000–U+9FFF), which kept_by_fold keeps without decoding.
      static bool whole3(unsigned char b) { return static_cast<unsigned char>(b - 0xE4) <= 5; }
      bool operator()(const char*& p, const char* e) const {
        const char* a = p;
        if (kept_by_fold(p, e)) return true;
        if (first_removed == UINT32_MAX) first_removed = static_cast<std::uint32_t>(a - base);
        return false;
      }
    } keep{first_removed, t.data()};
    raw.clear();
    set.matcher.scan_kept(t, keep, raw);
    bool folded = false;
    for (const RawMatch& m : raw) {
      const bool removed = m.end > first_removed;
      if (removed && !folded) {
        fold_block(t, f);
        folded = true;
      }
      const std::string_view ft = removed ? std::string_view(f.text) : t;
      auto origin = [&](std::size_t i) { return removed ? f.origin[i] : static_cast<std::uint32_t>(i); };
      const std::size_t key_begin = m.end - set.matcher.pattern_length(m.pattern);
      for (const std::uint32_t ei : set.entries_by_pattern[m.pattern]) {
        if (active && !(*active)[ei]) continue;
        const Entry& e = set.entries[ei];
        std::size_t begin = key_begin;
        bool ok = true;
        for (std::size_t k = e.parts.size() - 1; k-- > 0;) {
          const std::size_t at = find_before(ft, begin, e.parts[k], e.parts[k + 1], e.gap, has_marks(ei, k));
          if (at == std::string::npos) { ok = false; break; }
          begin = at;
        }
        if (!ok) continue;
        const std::uint32_t ob = origin(begin);
        const std::uint32_t oe = origin(m.end - 1) + 1;
        // Extend the end to the whole last character.
        std::uint32_t end = oe;
        while (end < t.size() && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) ++end;
        if (!conditions_hold(e, t, ob, end)) continue;
        // A phrase quoted alone is mentioned, not used.
        if (is_phrase_rule(e) && opening_quote(cp_before(t, ob)) && closing_quote(cp_at(t, end))) continue;
        local.push_back(Hit{ei, bi, ob, end});
      }
    }
    if (local.empty()) continue;
    // Longest first at each start; on the same characters the more specific entry (one for
    // certain kinds), then the more severe, then the first declared.
    std::sort(local.begin(), local.end(), [&](const Hit& a, const Hit& c) {
      if (a.begin != c.begin) return a.begin < c.begin;
      if (a.end != c.end) return a.end > c.end;
      const Entry& ea = set.entries[a.entry];
      const Entry& ec = set.entries[c.entry];
      if (ea.kinds.empty() != ec.kinds.empty()) return !ea.kinds.empty();
      if (ea.severity != ec.severity) return ea.severity > ec.severity;
      return a.entry < c.entry;
    });
    // Phrases inside a cited title are the title's words (both lists sorted: one merge).
    if (t.find("《") != std::string_view::npos) {
      title_spans(t, titles);
      std::size_t w = 0, ti = 0;
      for (const auto& h : local) {
        while (ti < titles.size() && titles[ti].second < h.begin) ++ti;
        const bool inside = ti < titles.size() && h.begin >= titles[ti].first && h.end <= titles[ti].second &&
                            is_phrase_rule(set.entries[h.entry]);
        if (!inside) local[w++] = h;
      }
      local.resize(w);
    }
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

}  // namespace wenfeng::phrases
