#include "lint/linter.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <iterator>
#include <optional>
#include <thread>
#include <unordered_map>

#include "count/counter.h"
#include "lint/body.h"
#include "phrases/dictionary.h"
#include "lint/phrase_set.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::lint {
namespace {

using model::Diagnostic;

bool selected(const model::RuleInfo& r, const Options& o) {
  if (o.only.empty()) return true;
  for (const auto& s : o.only) {
    if (s == r.id) return true;
    if (!s.empty() && s.back() == '.' && r.id.substr(0, s.size()) == s) return true;
  }
  return false;
}

bool matches(std::string_view rule_id, std::string_view pattern) {
  return pattern.back() == '.' ? rule_id.substr(0, pattern.size()) == pattern : rule_id == pattern;
}

// Whether suppression `s` covers finding `d` (its range holds the finding's whole span).
bool covers(const model::Suppression& s, const Diagnostic& d) {
  const bool after_begin = d.block > s.begin_block || (d.block == s.begin_block && d.offset >= s.begin_offset);
  const bool before_end = s.end_offset == 0 ? d.block < s.end_block
                                            : (d.block < s.end_block ||
                                               (d.block == s.end_block && d.offset + d.length <= s.end_offset));
  return after_begin && before_end;
}

// Whether `s` silences `d` when it covers it: all rules, or one of its terms names the
// rule, the entry, variant, category or list, or the words found ("讲得都很好" of a pattern).
bool silences(const model::Suppression& s, const Diagnostic& d) {
  if (s.only.empty()) return true;
  const std::string_view id = d.rule_id();
  for (const auto& term : s.only) {
    if (term == id) return true;
    for (const auto& [k, v] : d.data)
      if ((k == "entry" || k == "variant" || k == "category" || k == "list") && v == term) return true;
    for (const auto& [k, v] : d.args)
      if (k == "found" && v == term) return true;
  }
  return false;
}

// The document's suppressions (text directives, Word comments, equations) for findings that
// come rule by rule, each rule's in position order: a sweep keeps the suppressions open at
// the current position, so a finding is tested against those, not against every one (a
// draft with 40,000 `# wenfeng-ignore` lines and 200,000 findings took 16 s of CPU in
// tests of all pairs). Findings out of order restart the sweep, so any order is answered
// right, only slower.
class Suppressions {
 public:
  explicit Suppressions(const std::vector<model::Suppression>& s) : s_(s), order_(s.size()) {
    for (std::uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
    std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return s_[a].begin_block != s_[b].begin_block ? s_[a].begin_block < s_[b].begin_block
                                                    : s_[a].begin_offset < s_[b].begin_offset;
    });
  }

  bool silence(const Diagnostic& d) {
    if (s_.empty()) return false;
    if (d.block < block_ || (d.block == block_ && d.offset < offset_)) {
      next_ = 0;
      open_.clear();
    }
    block_ = d.block;
    offset_ = d.offset;
    while (next_ < order_.size()) {
      const auto& x = s_[order_[next_]];
      if (x.begin_block > d.block || (x.begin_block == d.block && x.begin_offset > d.offset)) break;
      open_.push_back(order_[next_++]);
    }
    // Closed for good: no finding at or after this position can lie inside.
    std::erase_if(open_, [&](std::uint32_t i) {
      const auto& x = s_[i];
      return x.end_offset == 0 ? d.block >= x.end_block
                               : (d.block > x.end_block || (d.block == x.end_block && d.offset > x.end_offset));
    });
    for (const std::uint32_t i : open_)
      if (covers(s_[i], d) && silences(s_[i], d)) return true;
    return false;
  }

 private:
  const std::vector<model::Suppression>& s_;
  std::vector<std::uint32_t> order_;  // by where each begins
  std::vector<std::uint32_t> open_;   // begun at or before the last position, not yet closed
  std::size_t next_ = 0;              // the next of order_ to open
  std::uint32_t block_ = 0, offset_ = 0;
};

// Findings the document itself asks to silence (text directives, Word comments) and the
// .wenfeng.yaml ignore list of rule ids.
bool suppressed(const Diagnostic& d, Suppressions& in_doc, const Options& options) {
  const std::string_view id = d.rule_id();
  for (const auto& i : options.ignore)
    if (i == id) return true;
  if (d.document_level) return false;
  return in_doc.silence(d);
}

// Drops findings made redundant by a more specific rule's finding over the same characters
// (RuleInfo::yields_to). `f` is sorted by position. Linear in the findings of each block.
void apply_yields(std::vector<Diagnostic>& f) {
  std::vector<const model::RuleInfo*> yielding;
  for (const auto& d : f)
    if (!d.rule->yields_to.empty() && std::find(yielding.begin(), yielding.end(), d.rule) == yielding.end())
      yielding.push_back(d.rule);
  if (yielding.empty()) return;
  // What each rule is to the yielding rules, worked out once per rule rather than once per
  // finding (a half-width web copy has hundreds of thousands of findings of a few rules).
  struct Roles {
    std::vector<std::uint32_t> targeted_by;  // the yielding rules that give way to this rule
    int yielding = -1;                       // this rule's index in `yielding`
  };
  std::unordered_map<const model::RuleInfo*, Roles> memo;
  const model::RuleInfo* last_rule = nullptr;
  const Roles* last_roles = nullptr;
  auto roles = [&](const model::RuleInfo* rule) -> const Roles& {
    if (rule == last_rule) return *last_roles;
    auto [it, added] = memo.try_emplace(rule);
    if (added) {
      for (std::size_t y = 0; y < yielding.size(); ++y) {
        if (yielding[y] == rule) it->second.yielding = static_cast<int>(y);
        for (auto pattern : yielding[y]->yields_to)
          if (matches(rule->id, pattern)) {
            it->second.targeted_by.push_back(static_cast<std::uint32_t>(y));
            break;
          }
      }
    }
    last_rule = rule;
    last_roles = &it->second;
    return it->second;
  };
  std::vector<bool> drop(f.size(), false);
  std::vector<std::uint64_t> covered(yielding.size());  // per yielding rule: furthest end of a target so far
  std::size_t i = 0;
  while (i < f.size()) {
    const std::uint32_t block = f[i].block;
    std::fill(covered.begin(), covered.end(), 0);
    while (i < f.size() && f[i].block == block) {
      // All findings at one offset: targets first, then the yielding ones.
      std::size_t j = i;
      while (j < f.size() && f[j].block == block && f[j].offset == f[i].offset) ++j;
      for (std::size_t k = i; k < j; ++k)
        for (std::uint32_t y : roles(f[k].rule).targeted_by)
          covered[y] = std::max<std::uint64_t>(covered[y], std::uint64_t{f[k].offset} + f[k].length);
      for (std::size_t k = i; k < j; ++k) {
        const int y = roles(f[k].rule).yielding;
        if (y >= 0 && covered[static_cast<std::size_t>(y)] > f[k].offset) drop[k] = true;
      }
      i = j;
    }
  }
  std::size_t w = 0;
  for (std::size_t k = 0; k < f.size(); ++k) {
    if (drop[k]) continue;
    if (w != k) f[w] = std::move(f[k]);  // never self-move: it would empty the vectors inside
    ++w;
  }
  f.resize(w);
}

// Two fixes over overlapping characters cannot both be applied: the first (by position,
// then rule order) keeps its fix. `f` is sorted by position.
void resolve_fix_overlaps(std::vector<Diagnostic>& f) {
  std::uint32_t block = 0;
  std::uint64_t end = 0;
  bool any = false;
  for (auto& d : f) {
    if (!d.fix) continue;
    if (any && d.block == block && d.offset + d.fix->offset < end) {
      d.fix.reset();
      continue;
    }
    block = d.block;
    end = std::uint64_t{d.offset} + d.fix->offset + std::max<std::uint32_t>(d.fix->length, 1);
    any = true;
  }
}

// Groups the findings of one rule and severity in one paragraph under the first of them. `f`
// is sorted by position, so a paragraph's findings are contiguous; a paragraph has few rules.
void group_findings(std::vector<Diagnostic>& f) {
  std::vector<std::pair<const model::RuleInfo*, std::uint32_t>> leaders;
  for (std::size_t i = 0; i < f.size();) {
    const std::uint32_t block = f[i].block;
    leaders.clear();
    for (; i < f.size() && f[i].block == block; ++i) {
      Diagnostic& d = f[i];
      d.count = 1;
      d.leader = static_cast<std::uint32_t>(i);
      if (d.document_level) continue;
      auto it = std::find_if(leaders.begin(), leaders.end(),
                             [&](const auto& l) { return l.first == d.rule && f[l.second].severity == d.severity; });
      if (it == leaders.end()) {
        leaders.emplace_back(d.rule, static_cast<std::uint32_t>(i));
        continue;
      }
      d.count = 0;
      d.leader = it->second;
      ++f[it->second].count;
    }
  }
}

// A rule firing in most paragraphs (at least 5 of them, 10 times) gets one document-level
// finding that leads the report.
constexpr const char kOverviewMessage[] = "全文 {count} 处{title}，见于 {paragraphs} 段（全文共 {total} 段）；各段分列如下";

std::vector<Diagnostic> overview_of(const std::vector<Diagnostic>& f, const model::Document& doc,
                                    const Measurements& m) {
  std::size_t total = 0;
  for (auto bi : m.paragraphs) total += !text::is_blank(doc.block_text(bi));
  struct Tally {
    const model::RuleInfo* rule;
    std::uint32_t count = 0, paragraphs = 0, first = 0, last_block = UINT32_MAX;
    model::Severity severity = model::Severity::kInfo;
    const model::RuleSource* source = nullptr;
  };
  std::vector<Tally> tallies;
  for (const auto& d : f) {
    if (d.document_level) continue;
    auto it = std::find_if(tallies.begin(), tallies.end(), [&](const Tally& t) { return t.rule == d.rule; });
    if (it == tallies.end()) {
      tallies.push_back({d.rule, 0, 0, d.block, UINT32_MAX, d.severity, d.source});
      it = tallies.end() - 1;
    }
    ++it->count;
    if (d.block != it->last_block) {  // findings are in block order
      ++it->paragraphs;
      it->last_block = d.block;
    }
    it->severity = std::max(it->severity, d.severity);
  }
  std::vector<Diagnostic> out;
  for (const auto& t : tallies) {
    if (t.paragraphs < 5 || t.count < 10 || 2 * t.paragraphs <= total) continue;
    Diagnostic& d = out.emplace_back();
    d.rule = t.rule;
    d.severity = t.severity;
    d.message_template = kOverviewMessage;
    d.document_level = true;
    d.block = t.first;
    d.source = t.source;
    d.count = t.count;
    d.args = {{"count", std::to_string(t.count)},
              {"title", std::string(t.rule->title)},
              {"paragraphs", std::to_string(t.paragraphs)},
              {"total", std::to_string(total)}};
    d.data = {{"count", std::to_string(t.count)}, {"paragraphs", std::to_string(t.paragraphs)},
              {"total_paragraphs", std::to_string(total)}};
  }
  return out;
}

// Stable by (block, offset), as std::stable_sort would order them, without its buffer of
// findings (a third of a large report's memory): the positions are sorted as 12-byte keys,
// then the findings moved along the permutation's cycles, each once.
void sort_by_position(std::vector<Diagnostic>& f) {
  const auto before = [](const Diagnostic& a, const Diagnostic& b) {
    return a.block != b.block ? a.block < b.block : a.offset < b.offset;
  };
  if (std::is_sorted(f.begin(), f.end(), before)) return;
  struct Key {
    std::uint32_t block, offset, index;
  };
  const auto key_less = [](const Key& a, const Key& b) {
    return a.block != b.block ? a.block < b.block : a.offset != b.offset ? a.offset < b.offset : a.index < b.index;
  };
  // One rule's findings are in order, and on a web copy one rule (punct.halfwidth) files
  // nearly all of them. When a single run in order holds three quarters of the findings, the
  // others are sorted aside and merged into it from the back: the run moves in sequence, not
  // along the permutation's cycles (a cache miss per finding on a large report), and the
  // extra memory is that of the quarter at most.
  {
    std::size_t best_from = 0, best_to = 0;
    for (std::size_t from = 0; from < f.size();) {
      std::size_t to = from + 1;
      while (to < f.size() && !before(f[to], f[to - 1])) ++to;
      if (to - from > best_to - best_from) best_from = from, best_to = to;
      from = to;
    }
    const std::size_t run = best_to - best_from;
    if (run * 4 >= f.size() * 3) {
      std::vector<Key> keys;
      keys.reserve(f.size() - run);
      for (std::uint32_t i = 0; i < f.size(); ++i)
        if (i < best_from || i >= best_to) keys.push_back({f[i].block, f[i].offset, i});
      std::sort(keys.begin(), keys.end(), key_less);
      std::vector<Diagnostic> rest;
      rest.reserve(keys.size());
      for (const Key& k : keys) rest.push_back(std::move(f[k.index]));
      if (best_from > 0)
        for (std::size_t k = 0; k < run; ++k) f[k] = std::move(f[best_from + k]);  // k < best_from + k: never a self-move
      // Merge from the back: the run is f[0, i), the rest rest[0, j), written at f[w - 1]
      // with w = i + j, so w > i while anything of the rest is left (never a self-move).
      std::size_t i = run, j = rest.size(), w = f.size();
      while (j > 0) {
        const bool take_run =
            i > 0 && key_less(keys[j - 1], Key{f[i - 1].block, f[i - 1].offset,
                                               static_cast<std::uint32_t>(best_from + i - 1)});
        if (take_run) {
          f[--w] = std::move(f[--i]);
        } else {
          f[--w] = std::move(rest[--j]);
        }
      }
      return;
    }
  }
  std::vector<Key> keys(f.size());
  for (std::uint32_t i = 0; i < f.size(); ++i) keys[i] = {f[i].block, f[i].offset, i};
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.block != b.block ? a.block < b.block : a.offset != b.offset ? a.offset < b.offset : a.index < b.index;
  });
  // Position j takes the finding at keys[j].index; a done position's key is marked UINT32_MAX.
  for (std::uint32_t i = 0; i < f.size(); ++i) {
    if (keys[i].index == UINT32_MAX || keys[i].index == i) continue;
    Diagnostic held = std::move(f[i]);
    std::uint32_t j = i;
    while (true) {
      const std::uint32_t from = keys[j].index;
      keys[j].index = UINT32_MAX;
      if (from == i) {
        f[j] = std::move(held);
        break;
      }
      f[j] = std::move(f[from]);  // from != j: never a self-move
      j = from;
    }
  }
}

void final_pass(std::vector<Diagnostic>& f, const profiles::Profile& profile, const model::KindChoice& kind,
                const model::Document& doc, const Options& options) {
  std::unordered_map<const model::RuleInfo*, const profiles::RuleSetting*> settings;
  std::size_t kept = 0;
  const model::RuleInfo* last_rule = nullptr;  // findings come rule by rule: one lookup a run
  std::optional<model::Severity> last_severity;  // the rule's severity for the kind, if the profile sets one
  Suppressions in_doc(doc.suppressions);
  for (std::size_t i = 0; i < f.size(); ++i) {
    Diagnostic& d = f[i];
    if (d.rule != last_rule) {
      auto [it, fresh] = settings.try_emplace(d.rule, nullptr);
      if (fresh) it->second = &profile.rule(d.rule->id);
      last_rule = d.rule;
      last_severity = it->second->severity_in(kind.id);
    }
    if (last_severity) d.severity = *last_severity;
    if (suppressed(d, in_doc, options)) continue;
    if (kept != i) f[kept] = std::move(d);  // never self-move
    ++kept;
  }
  f.resize(kept);
  sort_by_position(f);
  apply_yields(f);
  resolve_fix_overlaps(f);
  group_findings(f);
}

}  // namespace

std::string format_duration(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  const long m = total / 60, s = total % 60;
  if (m == 0) return std::to_string(s) + "秒";
  if (s == 0) return std::to_string(m) + "分钟";
  return std::to_string(m) + "分" + std::to_string(s) + "秒";
}

// A document this large is worth a second thread for its rules and measurements.
constexpr std::size_t kParallelBytes = 256 * 1024;

Measurements measure(const model::Document& doc, const profiles::Profile& profile, const model::KindChoice& kind,
                     const Options& options, bool with_hits) {
  Measurements m;
  // The dictionaries' hits depend on nothing measured below: on a large document they are
  // found on a second thread meanwhile (the same hits; see lint_document on threads).
  const bool want_hits = with_hits && options.phrases && !doc.blocks.empty();
  std::vector<phrases::Hit> early_hits;
  std::thread hits_thread;
  if (want_hits && options.rule_threads > 1 && doc.text.size() >= kParallelBytes)
    hits_thread = std::thread([&] {
      std::vector<std::uint8_t> own;
      if (!options.active) own = active_entries(*options.phrases, profile, kind, options.ignore);
      early_hits = phrases::find_hits(doc, *options.phrases, options.active ? options.active : &own);
    });
  TitleInfo found;
  if (!options.title) found = find_title(doc, title_endings(profile));
  const TitleInfo& title = options.title ? *options.title : found;
  // A web page's info bar is no paragraph of the draft: no rule reads it.
  for (std::uint32_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    // Nor is a table of contents (the titles again, with page numbers).
    if (b.story == model::Story::kMain && !b.directive && !title.in_meta(i) && b.role != model::Role::kContents)
      m.paragraphs.push_back(i);
  }
  m.numbers = model::paragraph_numbers(doc);
  for (auto bi : m.paragraphs) {  // in block order
    const std::string_view t = doc.block_text(bi);
    if (t.size() <= Measurements::kLongParagraph) continue;
    std::vector<std::uint32_t> at;
    for (std::size_t k = text::find_seq(t, "，"); k != text::npos; k = text::find_seq(t, "，", k + 3))
      at.push_back(static_cast<std::uint32_t>(k));
    m.commas.emplace_back(bi, std::move(at));
  }
  m.title = title.first;
  m.title_last = title.last;
  m.preamble_end = title.preamble_end;
  m.lead = title.lead;
  m.front = title.front;
  if (m.lead >= 0)
    if (const std::size_t e = dateline_end(doc.block_text(static_cast<std::size_t>(m.lead))); e > 0) {
      m.dateline_block = m.lead;
      m.dateline_end = static_cast<std::uint32_t>(e);
    }
  // Each block counted once: the document's counts are their sum (as count_document
  // adds them), the body's whole paragraphs (main text, never a directive) given by body_of
  // as one sum, so no counts are kept per block.
  // The grid page estimate's lines of each main-text block are counted in the same pass.
  std::vector<std::uint8_t> whole(doc.blocks.size(), 0);
  model::Counts total;
  const bool grid = layout::uses_grid(doc);
  std::vector<std::uint64_t> lines(grid ? doc.blocks.size() : 0, 0);
  m.body = body_of(doc, profile.scope, title, &whole, &total, grid ? &lines : nullptr);
  {
    const count::Scope all{};
    for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
      const auto& b = doc.blocks[i];
      if (!all.includes(b.story) || b.directive || whole[i]) continue;
      total += grid && b.story == model::Story::kMain
                   ? count::count_text(doc.block_text(b), layout::grid_line(b), lines[i])
                   : count::count_text(doc.block_text(b));
    }
    m.counts = total;
  }
  m.body_figure = count::in_unit(m.body.counts, profile.unit);
  m.pages = grid ? layout::estimate_pages(doc, lines) : layout::estimate_pages(doc);
  std::vector<std::uint64_t>().swap(lines);
  m.durations.tv_rate = profile.tv_rate;
  m.durations.speech_rate = profile.speech_rate;
  if (options.medium && *options.medium == "tv")
    m.durations.tv_seconds = static_cast<double>(m.body_figure) * 60.0 / profile.tv_rate;
  if (model::is_speech_kind(kind.id))
    m.durations.speech_minutes = static_cast<double>(m.body_figure) / profile.speech_rate;
  if (const profiles::Kind* k = profile.kind(kind.id); k && k->items && !doc.blocks.empty()) {
    m.has_items = true;
    m.items = split_items(doc, *k->items, title);
  }
  if (hits_thread.joinable()) {
    hits_thread.join();
    m.hits = std::move(early_hits);
  } else if (want_hits) {
    std::vector<std::uint8_t> own;
    if (!options.active) own = active_entries(*options.phrases, profile, kind, options.ignore);
    m.hits = phrases::find_hits(doc, *options.phrases, options.active ? options.active : &own);
  }
  // A web page's info bar, menus and summary are no paragraph of the draft: no phrase in them
  // is the draft's.
  if (!title.meta.empty())
    std::erase_if(m.hits, [&](const phrases::Hit& h) { return title.in_meta(h.block); });
  return m;
}

Report lint_document(const model::Document& doc, const profiles::Profile& profile, const model::KindChoice& kind,
                     const Options& options) {
  Report r;
  r.kind = kind;
  r.m = measure(doc, profile, kind, options, true);
  if (doc.blocks.empty()) return r;
  const profiles::Kind* kind_spec = kind.known() ? profile.kind(kind.id) : nullptr;
  // Each rule's setting is looked up once (a map search by id), here.
  std::vector<std::pair<const model::RuleInfo*, const profiles::RuleSetting*>> to_run;
  for (const model::RuleInfo* rule : model::rules()) {
    const profiles::RuleSetting& setting = profile.rule(rule->id);
    if (!setting.enabled || !selected(*rule, options) || !rule->run) continue;
    if (rule->needs == model::Needs::kKind && !kind_spec) continue;
    if (rule->needs == model::Needs::kPhrases && !options.phrases) continue;
    to_run.emplace_back(rule, &setting);
  }
  auto run_one = [&](const std::pair<const model::RuleInfo*, const profiles::RuleSetting*>& rule,
                     std::vector<Diagnostic>& out) {
    rule.first->run(RuleContext(doc, profile, r.kind, kind_spec, r.m, options, *rule.first, *rule.second, out));
  };
  // A large document's rules run on several threads: each rule reads only the document and
  // the measurements and files into its own list, and the lists are joined in rule order, so
  // the findings are the same as on one thread. A small one is not worth a thread.
  const unsigned threads = std::min<unsigned>(options.rule_threads, static_cast<unsigned>(to_run.size()));
  if (threads <= 1 || doc.text.size() < kParallelBytes) {
    for (const auto& rule : to_run) run_one(rule, r.findings);
  } else {
    std::vector<std::vector<Diagnostic>> outs(to_run.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < to_run.size(); i = next++) run_one(to_run[i], outs[i]);
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
    // Joined into the largest list itself (a half-width web copy's punct.halfwidth holds
    // nine in ten findings): never a second copy of it beside the joined one.
    std::size_t total = 0, largest = 0;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      total += outs[i].size();
      if (outs[i].size() > outs[largest].size()) largest = i;
    }
    std::size_t before = 0;
    for (std::size_t i = 0; i < largest; ++i) before += outs[i].size();
    r.findings = std::move(outs[largest]);
    if (r.findings.capacity() < total) {
      // The joined list is allocated while the others are held: held at their sizes, not at
      // the capacities they grew to (up to twice as many findings), one list at a time.
      for (std::size_t i = 0; i < outs.size(); ++i)
        if (i != largest) outs[i].shrink_to_fit();
      r.findings.reserve(total);
    }
    // The lists before the largest go in front of it, in rule order; the rest after it.
    r.findings.insert(r.findings.begin(), before, Diagnostic{});
    std::size_t at = 0;
    for (std::size_t i = 0; i < outs.size(); ++i) {
      if (i == largest) continue;
      auto& o = outs[i];
      if (i < largest) {
        std::move(o.begin(), o.end(), r.findings.begin() + static_cast<std::ptrdiff_t>(at));
        at += o.size();
      } else {
        std::move(o.begin(), o.end(), std::back_inserter(r.findings));
      }
      std::vector<Diagnostic>().swap(o);
    }
  }
  final_pass(r.findings, profile, r.kind, doc, options);
  r.overview = overview_of(r.findings, doc, r.m);
  return r;
}

void regroup(Report& r, const model::Document& doc) {
  group_findings(r.findings);
  r.overview = overview_of(r.findings, doc, r.m);
}

std::uint32_t group_leader(const std::vector<Diagnostic>& f, std::uint32_t i) {
  const Diagnostic& d = f[i];
  if (d.count != 0 || d.leader >= i) return i;
  const Diagnostic& l = f[d.leader];
  return l.count > 0 && l.block == d.block && l.rule == d.rule ? d.leader : i;
}

std::vector<std::uint32_t> group_chains(const std::vector<Diagnostic>& f) {
  std::vector<std::uint32_t> next(f.size(), kGroupEnd), tail(f.size(), kGroupEnd);
  for (std::uint32_t i = 0; i < f.size(); ++i) {
    const std::uint32_t lead = group_leader(f, i);
    if (lead != i) next[tail[lead]] = i;
    tail[lead] = i;
  }
  return next;
}

}  // namespace wenfeng::lint
