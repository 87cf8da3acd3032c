// text.duplicate-paragraph — a paragraph repeated word for word, or repeated apart from
// punctuation, spaces and digits. Short lines (signatures, dates) repeat legitimately, and so
// do the 版头 and title lines and an issuer's name alone (the 落款 under the text and under
// each attachment repeats the 发文机关 of a letter-form 版头).
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/body.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/runs.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"本段与第 {paragraph} 段完全相同"},
    {"本段与第 {paragraph} 段只差标点、空格或数字，疑似重复"},
};
constexpr model::Param kParams[] = {
    {"min_chars", model::ParamType::kInteger, 15, "比较的最短段落（字符数）；更短的段落（署名、日期）不查"},
};
constexpr model::Example kExamples[] = {{"（同一段话在文中出现两次）", "（删去重复的一段）"}};

// Near-duplicates differ only in whitespace, punctuation or digits: they are compared on
// their Han characters and Latin letters. Nothing is copied: the kept characters are
// hashed as they are read, and two paragraphs with the same hash are compared in place.
bool kept(char32_t c) {
  if (c - 0x4E00 <= 0x9FFF - 0x4E00) return true;  // CJK Unified Ideographs, all Han: no table lookup
  return text::is_han(c) || (c < 0x80 && ((c | 0x20) >= U'a' && (c | 0x20) <= U'z'));
}

// The next kept character of `t` at or after `at` (its bytes are [at, next)), or false.
bool next_kept(std::string_view t, std::size_t& at, std::size_t& next) {
  while (at < t.size()) {
    if (const auto b = static_cast<unsigned char>(t[at]); b < 0x80) {  // ASCII: no decoding
      next = at + 1;
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') return true;
      at = next;
      continue;
    }
    if (kept(text::cp_at(t, at, next))) return true;
    at = next;
  }
  return false;
}

// FNV-1a over the kept characters' code points (one step a character), and how many
// there are. Equal normalised texts hash alike; which entry a repeat is matched with does not
// depend on the hash (each table holds one entry per distinct text or normalised form).
// (The loop of next_kept, inline: one pass with no call per character.)
std::uint64_t normalised_hash(std::string_view t, std::size_t& count) {
  std::uint64_t h = 14695981039346656037ull;
  std::size_t n = 0;  // counted here, stored once (the loop keeps it in a register)
  const char* p = t.data();
  const char* const end = p + t.size();
  while (p < end) {
    if (const auto b = static_cast<unsigned char>(*p); b < 0x80) {
      if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') {
        h = (h ^ b) * 1099511628211ull;
        ++n;
      }
      ++p;
      continue;
    }
    // Five Chinese characters at a time where the next sixteen bytes hold them.
    if (end - p >= 16 && text::five_three_byte_sequences(reinterpret_cast<const unsigned char*>(p))) {
      for (int k = 0; k < 5; ++k, p += 3)
        if (const char32_t c = text::three_byte_code_point(reinterpret_cast<const unsigned char*>(p)); kept(c)) {
          h = (h ^ c) * 1099511628211ull;
          ++n;
        }
      continue;
    }
    if (const char32_t c = text::decode(p, end); kept(c)) {
      h = (h ^ c) * 1099511628211ull;
      ++n;
    }
  }
  count = n;
  return h;
}

bool same_normalised(std::string_view a, std::string_view b) {
  std::size_t i = 0, in = 0, j = 0, jn = 0;
  while (true) {
    const bool x = next_kept(a, i, in), y = next_kept(b, j, jn);
    if (!x || !y) return x == y;
    if (a.substr(i, in - i) != b.substr(j, jn - j)) return false;
    i = in;
    j = jn;
  }
}

// Texts seen, chained by a 64-bit hash in an open-addressed table: 16 bytes an entry and a
// slot or two. Two are kept: every distinct text by its exact hash (to find word-for-word
// repeats), and the first text of each normalised form by its normalised hash (to find
// near-duplicates). Each chain holds only texts that differ from one another, so a chain
// longer than one needs a 64-bit collision: a document with ten thousand variants of one
// paragraph (differing in digits) costs ten thousand lookups, not fifty million comparisons.
class Seen {
 public:
  struct Entry {
    std::uint64_t hash;
    std::uint32_t block;
    std::uint32_t next;  // the previous entry with the same hash (its chain), or kNone
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;
  // The newest entry with `hash`, or kNone.
  std::uint32_t head(std::uint64_t hash) const {
    if (slots_.empty()) return kNone;
    for (std::size_t i = hash & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const std::uint32_t e = slots_[i];
      if (e == kNone) return kNone;
      if (entries_[e].hash == hash) return e;
    }
  }
  const Entry& operator[](std::uint32_t e) const { return entries_[e]; }
  void add(std::uint64_t hash, std::uint32_t block) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const auto e = static_cast<std::uint32_t>(entries_.size());
    std::size_t i = hash & (slots_.size() - 1);
    for (; slots_[i] != kNone && entries_[slots_[i]].hash != hash; i = (i + 1) & (slots_.size() - 1)) {
    }
    entries_.push_back({hash, block, slots_[i]});
    slots_[i] = e;
  }

 private:
  void grow() {
    std::vector<std::uint32_t> old(std::max<std::size_t>(64, 2 * slots_.size()), kNone);
    old.swap(slots_);
    for (std::uint32_t s : old) {  // each chain's head moves; the chain itself stays
      if (s == kNone) continue;
      std::size_t i = entries_[s].hash & (slots_.size() - 1);
      while (slots_[i] != kNone) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = s;
    }
  }
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> slots_;
};

// A table-of-contents entry: a TOC style, or a line ending in its page number after a tab or
// a leader ("3.6 需求\t8", "一、总体要求……3"). Its heading repeats it by design.
bool is_contents_entry(std::string_view style, std::string_view t) {
  if (style.size() >= 3 && (style[0] | 0x20) == 't' && (style[1] | 0x20) == 'o' && (style[2] | 0x20) == 'c') return true;
  std::size_t end = t.size();
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '\r')) --end;
  std::size_t d = end;
  while (d > 0 && t[d - 1] >= '0' && t[d - 1] <= '9') --d;
  if (d == end || end - d > 4) return false;
  std::string_view before = t.substr(0, d);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (!before.empty() && before.back() == '\t') return true;
  int leaders = 0;
  for (std::string_view mark : {"…", "·", "．", ".", "-", "—"})
    while (before.size() >= mark.size() && before.substr(before.size() - mark.size()) == mark) {
      before.remove_suffix(mark.size());
      ++leaders;
    }
  return leaders >= 3 || (leaders >= 1 && t.substr(0, d).find("……") != std::string_view::npos);
}

void run(const lint::RuleContext& c) {
  const auto min_chars = static_cast<std::size_t>(c.param("min_chars"));
  Seen exact_seen, normalised_seen;
  // The title said again (a site's headline over the document's own title, the name of what a
  // notice issues over that text) is the title shown again, not a repeated paragraph.
  std::string title;
  if (c.m.title >= 0) {
    lint::TitleInfo t;
    t.first = c.m.title;
    t.last = c.m.title_last;
    title = lint::title_text(c.doc, t);
  }
  bool attachment_list = false;  // inside the 附件说明 "附件：1.…" / "2.…"
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    // The 附件说明 names each attachment as its title will (GB/T 9704-2012 8: 与附件说明一致):
    // its lines are not compared ("2.2025年度…先进个人名单" over the attachment's own title).
    {
      const std::string_view lead = trim_left(t);
      if (lead.starts_with("附件：") || lead.starts_with("附件:")) {
        attachment_list = true;
        continue;
      }
      if (attachment_list && !lead.empty() && lead[0] >= '0' && lead[0] <= '9' && t.find("。") == std::string_view::npos &&
          text::codepoint_count(t) <= 60)
        continue;
      attachment_list = false;
    }
    // A code point is at most 4 bytes: only a short paragraph needs counting.
    if (t.size() < min_chars || (t.size() < 4 * min_chars && text::codepoint_count(t) < min_chars)) continue;
    if (std::find(c.m.front.begin(), c.m.front.end(), bi) != c.m.front.end()) continue;
    if (c.m.title >= 0 && static_cast<int>(bi) >= c.m.title && static_cast<int>(bi) <= c.m.title_last) continue;
    if (lint::is_issuer_line(t)) continue;
    if (!title.empty() && t.size() >= title.size() && t.size() <= 2 * title.size() + 16 && lint::same_but_spaces(t, title))
      continue;
    if (is_contents_entry(c.doc.blocks[bi].style, t)) continue;
    std::size_t kept_count = 0;
    const std::uint64_t nh = normalised_hash(t, kept_count);
    if (kept_count < 10) continue;
    const std::uint64_t xh = std::hash<std::string_view>{}(t);
    std::uint32_t exact = Seen::kNone;
    for (std::uint32_t e = exact_seen.head(xh); e != Seen::kNone; e = exact_seen[e].next)
      if (c.doc.block_text(exact_seen[e].block) == t) {
        exact = e;
        break;
      }
    if (exact != Seen::kNone) {
      c.report(bi, 0, t.size(), 0, {{"paragraph", std::to_string(c.m.numbers[exact_seen[exact].block])}});
      continue;
    }
    exact_seen.add(xh, bi);
    std::uint32_t first = Seen::kNone;
    for (std::uint32_t e = normalised_seen.head(nh); e != Seen::kNone; e = normalised_seen[e].next)
      if (same_normalised(c.doc.block_text(normalised_seen[e].block), t)) {
        first = e;
        break;
      }
    if (first == Seen::kNone) {
      normalised_seen.add(nh, bi);
      continue;
    }
    c.report(bi, 0, t.size(), 1, {{"paragraph", std::to_string(c.m.numbers[normalised_seen[first].block])}}).severity =
        model::Severity::kInfo;
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "text.duplicate-paragraph",
    .family = model::Family::kText,
    .severity = model::Severity::kWarning,
    .title = "重复段落",
    .summary = "与前文相同或只差标点、数字的段落",
    .description = "与前文完全相同（警告），或只差标点、空格、数字（提示）的段落；短于 min_chars 个字符的段落不查。",
    .measures = "给出与之重复的段落号。",
    .source = proofreading("重复段落"),
    .params = kParams,
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
