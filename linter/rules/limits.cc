#include "rules/limits.h"

#include <cmath>

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
  if (const auto* k = p.kind("speech"); k && k->limits.count("duration.speech")) return nullptr;
  for (const auto& owner : p.chain) {
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

void report_duration(const lint::RuleContext& c, double rate, bool tv, const profiles::Limit* lim,
                     const std::string& note) {
  if (!lim) lim = c.limit(c.rule.id);
  if (!lim) return;
  const std::uint64_t figure = c.m.body_figure;
  const double seconds = static_cast<double>(figure) * 60.0 / rate;
  const double max_seconds = lim->max * 60.0;
  if (seconds <= max_seconds + 1e-9) return;
  const auto max_chars = static_cast<std::uint64_t>(std::floor(lim->max * rate));
  std::uint32_t block = static_cast<std::uint32_t>(std::max(c.m.title, 0)), offset = 0;
  lint::locate_unit(c.doc, c.m.body.spans, c.profile.unit, max_chars, block, offset);
  std::string band;
  if (!tv) {
    // The band of ordinary speaking rates, so the estimate is read as one.
    band = "；语速 180–220 字/分钟时约 " + lint::format_duration(static_cast<double>(figure) * 60.0 / 220) + "–" +
           lint::format_duration(static_cast<double>(figure) * 60.0 / 180);
  }
  auto& d = c.report(block, offset, offset + to_sentence_end(c.doc.block_text(block), offset), 0,
                     {{"duration", lint::format_duration(seconds)},
                      {"figure", std::to_string(figure)},
                      {"rate", short_number(rate)},
                      {"limit", short_number(lim->max)},
                      {"over", lint::format_duration(seconds - max_seconds)},
                      {"over_chars", std::to_string(figure - max_chars)},
                      {"kind", model::kind_note(c.kind)},
                      {"band", band + note}},
                     &lim->source);
  d.severity = lim->severity;
  d.document_level = true;
  d.data = {{"seconds", short_number(std::round(seconds))}, {"limit_minutes", short_number(lim->max)},
            {"rate", short_number(rate)}, {"figure", std::to_string(figure)}, {"limit_chars", std::to_string(max_chars)}};
}

}  // namespace wenfeng::rules
