// text.duplicate-paragraph — a paragraph repeated word for word, or repeated apart from
// punctuation, spaces and digits. Short lines (signatures, dates) repeat legitimately, and so
// do the 版头 and title lines and an issuer's name alone (the 落款 under the text and under
// each attachment repeats the 发文机关 of a letter-form 版头).
#include "rules/text/duplicate_paragraph.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "base/cache.h"
#include "lint/body.h"
#include "rules/support.h"
#include "text/charclass.h"
#include "text/runs.h"
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

}  // namespace

namespace duplicate {

// Near-duplicates differ only in whitespace, punctuation or digits: they are compared on
// their Han characters and Latin letters.
bool kept(char32_t c) {
  if (c - 0x4E00 <= 0x9FFF - 0x4E00) return true;  // CJK Unified Ideographs, all Han: no table lookup
  return text::is_han(c) || (c < 0x80 && ((c | 0x20) >= U'a' && (c | 0x20) <= U'z'));
}

namespace {

// For the first two bytes of a character (as a little-endian 16-bit number): whether the 64
// code points of a three-byte sequence they begin are all kept (1), none (0), or neither —
// some are, or the bytes are no lead E1–EF but ED and a continuation byte (2: decode decides);
// an ASCII letter (3) or other ASCII byte (4) first.
struct KeptPairs {
  std::uint8_t kind[65536];
  KeptPairs() {
    std::memset(kind, 2, sizeof kind);
    for (unsigned b0 = 0; b0 < 0x80; ++b0)
      for (unsigned b1 = 0; b1 < 256; ++b1) kind[(b1 << 8) | b0] = kept(b0) ? 3 : 4;
    for (unsigned b0 = 0xE1; b0 <= 0xEF; ++b0) {
      if (b0 == 0xED) continue;
      for (unsigned b1 = 0x80; b1 <= 0xBF; ++b1) {
        const char32_t first = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6);
        int in = 0;
        for (char32_t c = first; c < first + 64; ++c) in += kept(c);
        kind[(b1 << 8) | b0] = in == 64 ? 1 : in == 0 ? 0 : 2;
      }
    }
  }
};
const std::uint8_t* kept_pairs() {
  static const KeptPairs pairs;
  return pairs.kind;
}

// The bytes [a, e) of one character as a little-endian number: it names the code point of a
// valid sequence (a kept character is one).
inline std::uint32_t bytes_value(const char* a, const char* e) {
  std::uint32_t v = 0;
  while (e > a) v = (v << 8) | static_cast<unsigned char>(*--e);
  return v;
}

// Steps p (< end) over one character, as decode does; whether it is kept, and then its value
// (bytes_value). A three-byte sequence is taken by its first two bytes only where decode would
// take it whole (lead E1–EF but ED, two continuation bytes).
inline bool step(const char*& p, const char* const end, const std::uint8_t* pairs, std::uint32_t& value) {
  if (end - p >= 4) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    const std::uint8_t k = pairs[v & 0xFFFFu];
    if (k < 2 && (v & 0xC00000u) == 0x800000u) {
      p += 3;
      value = v & 0xFFFFFFu;
      return k != 0;
    }
    if (k >= 3) {
      ++p;
      value = v & 0xFFu;
      return k == 3;
    }
  }
  const char* q = p;  // (p's address does not escape: it stays in a register)
  const bool in = kept(text::decode(q, end));
  if (in) value = bytes_value(p, q);
  p = q;
  return in;
}

// The next kept character at or after p, stepping p over it (or to the end), and its value.
inline bool next_kept(const char*& p, const char* const end, const std::uint8_t* pairs, std::uint32_t& value) {
  while (p < end)
    if (step(p, end, pairs, value)) return true;
  return false;
}

constexpr std::uint64_t kPrime = 1099511628211ull;

}  // namespace

std::uint64_t exact_hash(std::string_view t) {
  // Two lanes of eight bytes, then the tail: a byte-for-byte equal text hashes alike.
  std::uint64_t h1 = 14695981039346656037ull ^ t.size(), h2 = 0x9E3779B97F4A7C15ull;
  const char* p = t.data();
  std::size_t n = t.size();
  for (; n >= 16; p += 16, n -= 16) {
    std::uint64_t a, b;
    std::memcpy(&a, p, 8);
    std::memcpy(&b, p + 8, 8);
    h1 = (h1 ^ a) * kPrime;
    h2 = (h2 ^ b) * kPrime;
  }
  std::uint64_t a = 0, b = 0;
  std::memcpy(&a, p, n < 8 ? n : 8);
  if (n > 8) std::memcpy(&b, p + 8, n - 8);
  h1 = (h1 ^ a) * kPrime;
  h2 = (h2 ^ b) * kPrime;
  // The final mix: the tables index by the low bits, which the multiplications leave
  // depending on the low bits of the input alone.
  return cache::mix64(h1 ^ ((h2 << 31) | (h2 >> 33)));
}

namespace {

// Whether each of the five three-byte sequences of a block (five_three_byte_sequences) is a
// character of U+4000–U+9FFF but U+4DC0–U+4DFF (lead E5–E9, or E4 without B7 after it): all
// Han, kept. Bit 3i for the sequence at byte 3i.
#if defined(__SSE2__)
inline unsigned han_leads(__m128i v) {
  const __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(0xE5)));  // E5–E9 become 00–04
  const __m128i e5_e9 = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(4)), x);
  const __m128i e4 = _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE4)));
  const __m128i b7_next = _mm_cmpeq_epi8(_mm_srli_si128(v, 1), _mm_set1_epi8(static_cast<char>(0xB7)));
  const __m128i han = _mm_or_si128(e5_e9, _mm_andnot_si128(b7_next, e4));
  return static_cast<unsigned>(_mm_movemask_epi8(han)) & 0x1249u;
}
#endif

}  // namespace

// The kept characters' bytes, one after another, are copied into `scratch` (a character's
// bytes name it, and UTF-8 is prefix-free: equal copies, equal kept characters) and hashed
// as exact_hash hashes a text.
Digest normalised_digest(std::string_view t, std::string& scratch) {
  const std::uint8_t* const pairs = kept_pairs();
  // A block is stored whole (sixteen bytes for fifteen) and a three-byte character as four.
  if (scratch.size() < t.size() + 16) scratch.resize(t.size() + 16);
  char* const out0 = scratch.data();
  char* out = out0;
  std::size_t n = 0;
  const char* p = t.data();
  const char* const end = p + t.size();
  while (p < end) {
    // Five Chinese characters at a time where the next sixteen bytes hold them (three-byte
    // sequences decode takes whole): copied at once when all are Han, else each by its first
    // two bytes.
    if (static_cast<unsigned char>(*p) >= 0xE1 && end - p >= 16 &&
        text::five_three_byte_sequences(reinterpret_cast<const unsigned char*>(p))) {
      unsigned han = 0;
#if defined(__SSE2__)
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      han = han_leads(v);
      if (han == 0x1249u) {
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out), v);
        out += 15;
        n += 5;
        p += 15;
        continue;
      }
#endif
      for (int i = 0; i < 5; ++i, p += 3, han >>= 3) {
        if ((han & 1u) == 0) {
          std::uint16_t w;
          std::memcpy(&w, p, 2);
          const std::uint8_t k = pairs[w];
          if (k == 0) continue;
          if (k == 2 && !kept(text::three_byte_code_point(reinterpret_cast<const unsigned char*>(p)))) continue;
        }
        std::memcpy(out, p, 4);  // p + 3 is inside the sixteen bytes
        out += 3;
        ++n;
      }
      continue;
    }
    const char* const a = p;
    if (std::uint32_t v; step(p, end, pairs, v)) {
      std::memcpy(out, &v, 4);  // its bytes (little-endian), and as many zeros as fit
      out += p - a;
      ++n;
    }
  }
  return {exact_hash(std::string_view(out0, static_cast<std::size_t>(out - out0))), n};
}

bool same_normalised(std::string_view a, std::string_view b) {
  const std::uint8_t* const pairs = kept_pairs();
  const char *p = a.data(), *q = b.data();
  const char *const pe = p + a.size(), *const qe = q + b.size();
  while (true) {
    // Stretches equal byte for byte, eight bytes at a time: p and q are where decode would
    // start a code point, and so is any later byte that is no continuation byte (decode never
    // steps over one). Up to the last such byte among the eight's last seven, the two hold
    // the same code points, and decoding them looks at no byte beyond it.
    while (pe - p >= 8 && qe - q >= 8) {
      std::uint64_t x, y;
      std::memcpy(&x, p, 8);
      std::memcpy(&y, q, 8);
      if (x != y) break;
      int k = 7;
      while (k > 0 && (static_cast<unsigned char>(p[k]) & 0xC0) == 0x80) --k;
      if (k == 0) break;
      p += k;
      q += k;
    }
    std::uint32_t x, y;
    const bool hx = next_kept(p, pe, pairs, x), hy = next_kept(q, qe, pairs, y);
    if (!hx || !hy) return hx == hy;
    if (x != y) return false;
  }
}

}  // namespace duplicate

namespace {

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
  std::string scratch;  // normalised_digest's copy of the kept characters
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
    // An issuer's name ends in one (委员会, 人民政府, 局 …): a paragraph ending in 。 is none.
    if (!t.ends_with("。") && lint::is_issuer_line(t)) continue;
    if (!title.empty() && t.size() >= title.size() && t.size() <= 2 * title.size() + 16 && lint::same_but_spaces(t, title))
      continue;
    if (is_contents_entry(c.doc.blocks[bi].style, t)) continue;
    // A word-for-word repeat first: the text it repeats was compared, so it has as many
    // kept characters (ten or more), and its normalised form is not needed.
    const std::uint64_t xh = duplicate::exact_hash(t);
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
    const duplicate::Digest d = duplicate::normalised_digest(t, scratch);
    if (d.kept < 10) continue;
    const std::uint64_t nh = d.hash;
    exact_seen.add(xh, bi);
    std::uint32_t first = Seen::kNone;
    for (std::uint32_t e = normalised_seen.head(nh); e != Seen::kNone; e = normalised_seen[e].next)
      if (duplicate::same_normalised(c.doc.block_text(normalised_seen[e].block), t)) {
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
