#include "rules/limits.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "base/format.h"
#include "lint/body.h"
#include "lint/linter.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {

const char* unit_label(std::string_view unit) {
  if (unit == "hanzi") return "个汉字";
  if (unit == "chars_no_spaces") return "个字符";
  return "字";
}

std::uint32_t to_sentence_end(std::string_view t, std::uint32_t offset) {
  for (const auto cp : text::code_points(t.substr(offset)))
    if (text::is_sentence_end(cp.cp)) return cp.end;
  return static_cast<std::uint32_t>(t.size() - offset);
}

const profiles::Limit* generic_speech_limit(const profiles::Profile& p, std::string& kind_id) {
  const profiles::Kind* speech = p.kind("speech");
  const profiles::Limit* own = nullptr;
  if (speech)
    if (auto it = speech->limits.find("duration.speech"); it != speech->limits.end()) own = &it->second;
  // The nearest profile that sets any speech limit decides: a limit of its own on `speech`
  // (jinxiang's 30 minutes for every member's speech) is the speech's; limits only on its
  // kinds of speech (yichun's 60/40) make the most lenient of them the generic speech's.
  for (const auto& owner : p.chain) {
    if (own && own->profile == owner) return nullptr;
    const profiles::Limit* best = nullptr;
    for (const auto& [id, k] : p.kinds) {
      if (id.rfind("speech.", 0) != 0) continue;
      auto it = k.limits.find("duration.speech");
      if (it == k.limits.end() || it->second.profile != owner) continue;
      if (!best || it->second.max > best->max) {
        best = &it->second;
        kind_id = id;
      }
    }
    if (best) return best;
  }
  return nullptr;
}

std::vector<const profiles::Limit*> limit_tiers(const profiles::Profile& p, const std::string& kind_id,
                                                const profiles::Limit& own) {
  std::vector<const profiles::Limit*> out{&own};
  auto add = [&](const profiles::Limit& l) {
    for (const auto* x : out)
      if (x->profile == l.profile && x->max == l.max) return;
    out.push_back(&l);
  };
  auto add_kind = [&](const profiles::Kind* k) {
    if (!k) return;
    if (auto it = k->limits.find(own.rule); it != k->limits.end() && !it->second.soft) add(it->second);
    if (auto it = k->inherited.find(own.rule); it != k->inherited.end())
      for (const auto& l : it->second) add(l);
  };
  add_kind(p.kind(kind_id));
  if (const auto dot = kind_id.find('.'); dot != std::string::npos) add_kind(p.kind(kind_id.substr(0, dot)));
  return out;
}

void report_duration(const lint::RuleContext& c, double rate, bool tv, const profiles::Limit* lim,
                     const std::string& note, const std::string& limit_kind) {
  const std::string& tier_kind = limit_kind.empty() ? c.kind.id : limit_kind;
  if (!lim) lim = c.limit(c.rule.id);
  // A kind of speech with no figure of its own is held to its family's (national's hour for
  // speech.leader).
  if (!lim)
    if (const auto dot = tier_kind.find('.'); dot != std::string::npos)
      if (const profiles::Kind* fam = c.profile.kind(tier_kind.substr(0, dot)))
        if (auto it = fam->limits.find(std::string(c.rule.id)); it != fam->limits.end() && !it->second.soft) lim = &it->second;
  if (!lim) return;
  const std::uint64_t figure = c.m.body_figure;
  const double seconds = static_cast<double>(figure) * 60.0 / rate;
  // Every limit the draft is held to (the kind's own, an ancestor profile's it replaced, its
  // family's), the exceeded ones from the tightest: the tightest leads the message, each
  // other is named with its source, and the finding has the gravest severity among them.
  std::vector<const profiles::Limit*> over;
  for (const profiles::Limit* t : limit_tiers(c.profile, tier_kind, *lim))
    if (seconds > t->max * 60.0 + 1e-9) over.push_back(t);
  if (over.empty()) return;
  std::stable_sort(over.begin(), over.end(), [](const auto* a, const auto* b) { return a->max < b->max; });
  lim = over.front();
  const double max_seconds = lim->max * 60.0;
  const auto max_chars = static_cast<std::uint64_t>(std::floor(lim->max * rate));
  std::uint32_t block = static_cast<std::uint32_t>(std::max(c.m.title, 0)), offset = 0;
  lint::locate_unit(c.doc, c.m.body.spans, c.profile.unit, max_chars, block, offset);
  std::string band;
  if (!tv) {
    // The band of ordinary speaking rates, so the estimate is read as one.
    band = "；语速 180–220 字/分钟时约 " + lint::format_duration(static_cast<double>(figure) * 60.0 / 220) + "–" +
           lint::format_duration(static_cast<double>(figure) * 60.0 / 180);
  }
  model::Severity severity = lim->severity;
  // Limits of the same figure are one mention naming every source: another profile's limit
  // equal to the leading one is said once, without the figure again ("规范 national 的上限
  // 相同"; data.same_limit), and equal figures among the others share one "同时超出" (their
  // profiles joined by + in data.also_exceeded).
  std::string also, also_data, same_data;
  auto sources = [&](std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) {
      const profiles::Limit& t = *over[k];
      out += std::string(out.empty() ? "" : "；") + (to - from > 1 ? t.profile + "：" : "") +
             model::severity_label_zh(t.severity) + "；依据：" + t.source.text();
    }
    return out;
  };
  std::size_t i = 1;
  {
    std::size_t j = i;
    while (j < over.size() && over[j]->max == lim->max) ++j;
    if (j > i) {
      std::string names;
      for (std::size_t k = i; k < j; ++k) {
        if (over[k]->profile == lim->profile) continue;
        names += (names.empty() ? "" : "、") + over[k]->profile;
        same_data += (same_data.empty() ? "" : ",") + over[k]->profile;
        severity = std::max(severity, over[k]->severity);
      }
      if (!names.empty()) also += "；规范 " + names + " 的上限相同（" + sources(i, j) + "）";
      i = j;
    }
  }
  while (i < over.size()) {
    std::size_t j = i;
    while (j < over.size() && over[j]->max == over[i]->max) ++j;
    const profiles::Limit& t = *over[i];
    std::string names, data_names;
    for (std::size_t k = i; k < j; ++k) {
      names += (names.empty() ? "" : "、") + over[k]->profile;
      data_names += (data_names.empty() ? "" : "+") + over[k]->profile;
      severity = std::max(severity, over[k]->severity);
    }
    also += "；同时超出规范 " + names + " 的上限 " + short_number(t.max) + " 分钟（多 " +
            lint::format_duration(seconds - t.max * 60.0) + "，" + sources(i, j) + "）";
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on
    // const char* + std::string&& here.
    if (!also_data.empty()) also_data += ',';
    also_data += short_number(t.max);
    also_data += ':';
    also_data += data_names;
    i = j;
  }
  if (severity != lim->severity) also += "；按所超上限中最重的级别（" + std::string(model::severity_label_zh(severity)) + "）报告";
  auto& d = c.report(block, offset, offset + to_sentence_end(c.doc.block_text(block), offset), 0,
                     {{"duration", lint::format_duration(seconds)},
                      {"figure", std::to_string(figure)},
                      {"rate", short_number(rate)},
                      {"limit", short_number(lim->max)},
                      {"over", lint::format_duration(seconds - max_seconds)},
                      {"over_chars", std::to_string(figure - max_chars)},
                      {"kind", model::kind_note(c.kind)},
                      {"band", band + note + also}},
                     &lim->source);
  d.severity = severity;
  d.document_level = true;
  d.data = {{"seconds", short_number(std::round(seconds))}, {"limit_minutes", short_number(lim->max)},
            {"rate", short_number(rate)}, {"figure", std::to_string(figure)}, {"limit_chars", std::to_string(max_chars)}};
  if (!same_data.empty()) d.data.push_back({"same_limit", same_data});
  if (!also_data.empty()) d.data.push_back({"also_exceeded", also_data});
}

}  // namespace wenfeng::rules
