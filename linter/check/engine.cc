#include "check/engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/format.h"
#include "phrases/phrase_check.h"
#include "rules/rules.h"
#include "text/utf8.h"

namespace wenfeng::check {
namespace {

using model::Diagnostic;
using model::Severity;


const char* unit_label(const std::string& unit) {
  if (unit == "hanzi") return "个汉字";
  if (unit == "chars_no_spaces") return "个字符";
  return "字";
}

// The kind as a finding mentions it: "news.member-research（由分类器推断：…）".
std::string kind_note(const KindChoice& k) {
  std::string how;
  if (k.source == "option") how = "由 --kind 指定";
  else if (k.source == "config") how = "由 .wenfeng.yaml 指定";
  else if (k.source == "document") how = "读自" + k.reason;
  else if (k.source == "classifier") how = "推测：" + k.reason + "；如不对请用 --kind 指定";
  return k.id + "（" + how + "）";
}

Diagnostic make(const std::string& rule, Severity sev, std::uint32_t block, std::uint32_t offset, std::uint32_t length,
                std::string message, const model::RuleSource& source) {
  return model::make_diagnostic(rule, sev, block, offset, offset + length, std::move(message), source);
}

// Length in bytes from `offset` to the end of the block's current sentence.
std::uint32_t to_sentence_end(std::string_view t, std::uint32_t offset) {
  const char* p = t.data() + offset;
  const char* e = t.data() + t.size();
  while (p < e) {
    const char32_t c = text::decode(p, e);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'；') break;
  }
  return static_cast<std::uint32_t>(p - (t.data() + offset));
}

void length_limit(const model::Document& doc, const profiles::Profile& pr, const KindChoice& kind, const Body& body,
                  std::uint64_t figure, std::uint32_t anchor, std::vector<Diagnostic>& out) {
  const profiles::Kind* k = pr.kind(kind.id);
  auto it = k->limits.find("length.body");
  if (it == k->limits.end()) return;
  const profiles::Limit& lim = it->second;
  const auto max = static_cast<std::uint64_t>(lim.max);
  if (figure <= max) return;
  std::uint32_t block = anchor, offset = 0;
  locate_unit(doc, body.spans, pr.unit, max, block, offset);
  const std::string u = unit_label(pr.unit);
  std::string msg = "正文 " + std::to_string(figure) + " " + u + "，超出" + (lim.soft ? "默认软上限 " : "上限 ") +
                    std::to_string(max) + " " + u + "（多 " + std::to_string(figure - max) + " " + u + "）；类型 " +
                    kind_note(kind) + "；从此处起超出上限";
  if (lim.soft) msg += "。说明：" + lim.note;
  const auto t = doc.block_text(block);
  Diagnostic d = make("length.body", lim.severity, block, offset, to_sentence_end(t, offset), msg, lim.source);
  d.document_level = true;
  d.data = {{"figure", std::to_string(figure)}, {"limit", std::to_string(max)},
            {"excess", std::to_string(figure - max)}, {"unit", pr.unit}, {"soft", lim.soft ? "true" : "false"}};
  out.push_back(std::move(d));
}

void duration_limit(const model::Document& doc, const profiles::Profile& pr, const KindChoice& kind,
                    const Body& body, std::uint64_t figure, const std::string& rule, double rate,
                    std::uint32_t anchor, std::vector<Diagnostic>& out) {
  const profiles::Kind* k = pr.kind(kind.id);
  auto it = k->limits.find(rule);
  if (it == k->limits.end()) return;
  const profiles::Limit& lim = it->second;
  const double seconds = static_cast<double>(figure) * 60.0 / rate;
  const double max_seconds = lim.max * 60.0;
  if (seconds <= max_seconds + 1e-9) return;
  const auto max_chars = static_cast<std::uint64_t>(std::floor(lim.max * rate));
  std::uint32_t block = anchor, offset = 0;
  locate_unit(doc, body.spans, pr.unit, max_chars, block, offset);
  const bool tv = rule == "duration.tv";
  std::string msg = std::string(tv ? "电视播报" : "讲话") + "约 " + format_duration(seconds) + "（正文 " +
                    std::to_string(figure) + " 字，按 " + short_number(rate) + " 字/分钟估算），超出上限 " +
                    short_number(lim.max) + " 分钟（多 " + format_duration(seconds - max_seconds) + "，约合 " +
                    std::to_string(figure - max_chars) + " 字）；类型 " + kind_note(kind);
  if (!tv) {
    // The band of ordinary speaking rates, so the estimate is read as one.
    msg += "；语速 180–220 字/分钟时约 " + format_duration(static_cast<double>(figure) * 60.0 / 220) + "–" +
           format_duration(static_cast<double>(figure) * 60.0 / 180);
  }
  Diagnostic d = make(rule, lim.severity, block, offset, to_sentence_end(doc.block_text(block), offset), msg, lim.source);
  d.document_level = true;
  d.data = {{"seconds", short_number(std::round(seconds))}, {"limit_minutes", short_number(lim.max)},
            {"rate", short_number(rate)}, {"figure", std::to_string(figure)}, {"limit_chars", std::to_string(max_chars)}};
  out.push_back(std::move(d));
}

void item_limits(const model::Document& doc, const profiles::Profile& pr, const profiles::Kind& k,
                 const std::vector<Item>& items, std::vector<Diagnostic>& out) {
  const auto* normal = k.limits.count("length.item") ? &k.limits.at("length.item") : nullptr;
  const auto* research = k.limits.count("length.item-research") ? &k.limits.at("length.item-research") : nullptr;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    const profiles::Limit* lim = it.research && research ? research : normal;
    if (lim) {
      const std::uint64_t figure = count::in_unit(it.counts, pr.unit);
      const auto max = static_cast<std::uint64_t>(lim->max);
      if (figure > max) {
        std::uint32_t block = it.title_block, offset = 0;
        locate_unit(doc, it.spans, pr.unit, max, block, offset);
        const std::string kindname = it.research ? "调研类信息（" + it.research_reason + "）" : "单条信息";
        std::string msg = "第 " + std::to_string(i + 1) + " 条信息（" + kindname + "）" + std::to_string(figure) +
                          " 字，超出上限 " + std::to_string(max) + " 字（多 " + std::to_string(figure - max) + " 字）";
        Diagnostic d = make(lim->rule == "length.item-research" ? "length.item" : lim->rule, lim->severity, block, offset,
                            to_sentence_end(doc.block_text(block), offset), msg, lim->source);
        d.data = {{"item", std::to_string(i + 1)}, {"figure", std::to_string(figure)}, {"limit", std::to_string(max)},
                  {"excess", std::to_string(figure - max)}, {"research", it.research ? "true" : "false"}};
        out.push_back(std::move(d));
      }
    }
    // Item types from title keywords: a guess, said to be one.
    for (const auto& type : k.items->types) {
      for (const auto& kw : type.keywords) {
        const auto pos = it.title.find(kw);
        if (pos == std::string::npos) continue;
        std::string msg = "第 " + std::to_string(i + 1) + " 条信息疑似" + type.name + "（按标题关键词“" + kw +
                          "”推测）：" + type.message;
        Diagnostic d = make("kind.item-type", type.severity, it.title_block, static_cast<std::uint32_t>(pos),
                            static_cast<std::uint32_t>(kw.size()), msg, type.source);
        d.data = {{"item", std::to_string(i + 1)}, {"type", type.id}, {"keyword", kw}};
        out.push_back(std::move(d));
        break;
      }
    }
  }
}

// Sentences of a block (byte ranges ending after 。！？；).
std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences(std::string_view t) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  const char* p = t.data();
  const char* e = p + t.size();
  const char* start = p;
  while (p < e) {
    const char32_t c = text::decode(p, e);
    if (c == U'。' || c == U'！' || c == U'？' || c == U'；' || p == e) {
      out.emplace_back(static_cast<std::uint32_t>(start - t.data()), static_cast<std::uint32_t>(p - t.data()));
      start = p;
    }
  }
  return out;
}

void prohibitions(const model::Document& doc, const profiles::Kind& k, const KindChoice& kind, const Body& body,
                  int title, std::vector<Diagnostic>& out) {
  const auto anchor = static_cast<std::uint32_t>(std::max(title, 0));
  for (const auto& p : k.prohibitions) {
    if (p.rule == "kind.not-reportable") {
      Diagnostic d = make(p.rule, p.severity, anchor, 0, 0,
                          p.message + "；类型 " + kind_note(kind), p.source);
      d.document_level = true;
      out.push_back(std::move(d));
    } else if (p.rule == "kind.genre") {
      // The genre shows in the title ("…侧记") or a genre tag line.
      std::vector<std::uint32_t> where;
      if (title >= 0) where.push_back(static_cast<std::uint32_t>(title));
      if (!body.spans.empty()) where.push_back(body.spans.front().block);
      bool found = false;
      for (auto blk : where) {
        const auto t = doc.block_text(blk);
        for (const auto& w : p.words) {
          const auto pos = t.find(w);
          if (pos == std::string_view::npos) continue;
          Diagnostic d = make(p.rule, p.severity, blk, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(w.size()),
                              p.message + "：稿件体裁为“" + w + "”；类型 " + kind_note(kind), p.source);
          d.data = {{"genre", w}};
          out.push_back(std::move(d));
          found = true;
          break;
        }
        if (found) break;
      }
    } else if (p.rule == "kind.named-escorts") {
      static const char* kTitles[] = {"书记", "县长", "市长", "区长", "主任", "局长", "部长", "镇长", "乡长",
                                      "委员", "负责同志", "负责人", "常委", "主席", "秘书长", "处长", "科长"};
      for (const auto& s : body.spans) {
        const auto t = doc.block_text(s.block);
        for (auto [a, b] : sentences(t)) {
          const auto sentence = t.substr(a, b - a);
          if (sentence.find("陪同") == std::string_view::npos) continue;
          const char* title_word = nullptr;
          for (const char* w : kTitles)
            if (sentence.find(w) != std::string_view::npos) { title_word = w; break; }
          if (!title_word) continue;
          Diagnostic d = make(p.rule, p.severity, s.block, a, b - a,
                              p.message + "：此句含“陪同”和职务“" + std::string(title_word) +
                                  "”，疑似列出了陪同人员（按词语推测）；类型 " + kind_note(kind),
                              p.source);
          d.data = {{"title_word", title_word}};
          out.push_back(std::move(d));
        }
      }
    }
  }
}

// Applied to every report on the way out: the profile's rule switches and severities, the
// .wenfeng.yaml ignore list for rule ids, suppressions declared in the document, and order.
void finish(Report& r, const profiles::Profile& profile, const model::Document& doc, const Options& options) {
  auto suppressed = [&](const Diagnostic& d) {
    if (std::find(options.ignore.begin(), options.ignore.end(), d.rule) != options.ignore.end()) return true;
    if (d.document_level) return false;
    for (const auto& s : doc.suppressions) {
      const bool after_begin = d.block > s.begin_block || (d.block == s.begin_block && d.offset >= s.begin_offset);
      const bool before_end = s.end_offset == 0 ? d.block < s.end_block
                                                : (d.block < s.end_block ||
                                                   (d.block == s.end_block && d.offset + d.length <= s.end_offset));
      if (!after_begin || !before_end) continue;
      if (s.only.empty()) return true;
      for (const auto& term : s.only) {
        if (term == d.rule) return true;
        for (const auto& [k, v] : d.data)
          if ((k == "entry" || k == "category" || k == "list") && v == term) return true;
      }
    }
    return false;
  };
  std::vector<Diagnostic> kept;
  kept.reserve(r.findings.size());
  for (auto& d : r.findings) {
    auto it = profile.rules.find(d.rule);
    if (it != profile.rules.end()) {
      if (!it->second.enabled) continue;
      if (it->second.severity) d.severity = *it->second.severity;
    }
    if (suppressed(d)) continue;
    kept.push_back(std::move(d));
  }
  r.findings = std::move(kept);
  std::stable_sort(r.findings.begin(), r.findings.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.block != b.block ? a.block < b.block : a.offset < b.offset;
  });
}

}  // namespace

std::string format_duration(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  const long m = total / 60, s = total % 60;
  if (m == 0) return std::to_string(s) + "秒";
  if (s == 0) return std::to_string(m) + "分钟";
  return std::to_string(m) + "分" + std::to_string(s) + "秒";
}

namespace {

Status run_rules(Report& r, const model::Document& doc, const profiles::Profile& profile, const KindChoice& kind,
                 const Options& options) {
  r.kind = kind;
  r.counts = count::count_document(doc, {});
  const Body body = body_of(doc, profile.scope);
  r.body_counts = body.counts;
  r.body_figure = count::in_unit(body.counts, profile.unit);
  r.excluded = body.excluded;
  r.pages = layout::estimate_pages(doc);
  const int title = title_block(doc);
  const std::uint32_t anchor = static_cast<std::uint32_t>(std::max(title, 0));

  r.durations.tv_rate = profile.tv_rate;
  r.durations.speech_rate = profile.speech_rate;
  const bool tv = options.medium && *options.medium == "tv";
  if (tv) r.durations.tv_seconds = static_cast<double>(r.body_figure) * 60.0 / profile.tv_rate;
  const bool speech = kind.id == "speech" || kind.id.rfind("speech.", 0) == 0;
  if (speech) r.durations.speech_minutes = static_cast<double>(r.body_figure) / profile.speech_rate;

  if (doc.blocks.empty()) return ok_status();
  if (options.phrases) {
    profiles::PhraseSettings ps = profile.phrases;
    ps.allow.insert(ps.allow.end(), options.ignore.begin(), options.ignore.end());
    phrases::check_phrases(doc, *options.phrases, ps, kind.id, body.spans, r.body_figure, r.findings);
  }
  if (options.native_rules) rules::run_native_rules(rules::make_context(doc, kind.id), r.findings);
  if (kind.id == "unknown") {
    Diagnostic d = make("kind.unknown", Severity::kInfo, anchor, 0, 0,
                        "未能确定稿件类型（" + (kind.reason.empty() ? std::string("没有可用线索") : kind.reason) +
                            "），未检查按类型规定的篇幅；请用 --kind 指定类型（wenfeng profiles " + profile.id +
                            " 列出可用类型）",
                        profile.source);
    d.document_level = true;
    r.findings.push_back(std::move(d));
    return ok_status();
  }
  const profiles::Kind* k = profile.kind(kind.id);
  if (!k) return ok_status();

  length_limit(doc, profile, kind, body, r.body_figure, anchor, r.findings);
  if (tv) duration_limit(doc, profile, kind, body, r.body_figure, "duration.tv", profile.tv_rate, anchor, r.findings);
  if (speech)
    duration_limit(doc, profile, kind, body, r.body_figure, "duration.speech", profile.speech_rate, anchor, r.findings);

  if (auto it = k->limits.find("length.pages"); it != k->limits.end() && r.pages.estimate > it->second.max) {
    const auto& lim = it->second;
    std::string msg = "估算约 " + short_number(r.pages.estimate) + " 页（" + r.pages.method + "，共 " +
                      std::to_string(r.pages.lines) + " 行），超出上限 " + short_number(lim.max) + " 页（多约 " +
                      short_number(r.pages.estimate - lim.max) + " 页）；类型 " + kind_note(kind);
    if (r.pages.saved) msg += "；文档保存的页数为 " + *r.pages.saved + "（仅供对照）";
    Diagnostic d = make("length.pages", lim.severity, anchor, 0, 0, msg, lim.source);
    d.document_level = true;
    d.data = {{"estimate", short_number(r.pages.estimate)}, {"limit", short_number(lim.max)}};
    r.findings.push_back(std::move(d));
  }
  if (k->items) {
    auto items = split_items(doc, *k->items);
    if (!items.ok()) return items.error();  // a bad item pattern in the profile
    r.items = items->size();
    item_limits(doc, profile, *k, *items, r.findings);
    if (auto it = k->limits.find("length.items"); it != k->limits.end() && r.items > it->second.max) {
      const auto& lim = it->second;
      const auto max = static_cast<std::size_t>(lim.max);
      const std::uint32_t at = (*items)[max].title_block;
      Diagnostic d = make("length.items", lim.severity, at, 0, static_cast<std::uint32_t>(doc.block_text(at).size()),
                          "本期含 " + std::to_string(r.items) + " 条信息，超出上限 " + std::to_string(max) +
                              " 条（多 " + std::to_string(r.items - max) + " 条）；类型 " + kind_note(kind),
                          lim.source);
      d.document_level = true;
      d.data = {{"figure", std::to_string(r.items)}, {"limit", std::to_string(max)}};
      r.findings.push_back(std::move(d));
    }
  }
  prohibitions(doc, *k, kind, body, title, r.findings);
  return ok_status();
}

}  // namespace

Result<Report> check_document(const model::Document& doc, const profiles::Profile& profile, const KindChoice& kind,
                              const Options& options) {
  Report r;
  if (auto st = run_rules(r, doc, profile, kind, options); !st.ok()) return st.error();
  finish(r, profile, doc, options);
  return r;
}

}  // namespace wenfeng::check
