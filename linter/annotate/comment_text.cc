#include "annotate/comment_text.h"

#include <algorithm>
#include <optional>

#include "base/format.h"
#include "text/utf8.h"

namespace wenfeng::annotate {
namespace {

// Measured values worth a line of their own, in the order people read them.
struct Label {
  const char* key;
  const char* zh;
};
constexpr Label kFigures[] = {{"figure", "实测"}, {"estimate", "估算"}, {"limit", "上限"},
                              {"excess", "超出"}, {"threshold", "阈值"}};

// Occurrences listed one by one, each with a little of the text around it; past this many
// the others are counted by what was found.
constexpr std::size_t kListed = 8;
constexpr std::size_t kKinds = 10;  // distinct found texts shown when counting

std::optional<std::string> datum(const model::Diagnostic& d, std::string_view key) {
  if (const auto v = d.data.get(key)) return std::string(*v);
  return std::nullopt;
}

// The text a finding covers, at most `cap` code points ("…" where cut).
std::string found(const model::Document& doc, const model::Diagnostic& d, std::size_t cap) {
  const std::string_view t = doc.block_text(d.block);
  const std::size_t b = std::min<std::size_t>(d.offset, t.size());
  const std::size_t e = std::min<std::size_t>(std::size_t{d.offset} + d.length, t.size());
  const std::size_t c = text::step_forward(t, b, cap);
  return std::string(t.substr(b, std::min(e, c) - b)) + (c < e ? "…" : "");
}

// "落实,确保": the occurrence with two characters either side, for finding it in Word.
std::string around(const model::Document& doc, const model::Diagnostic& d) {
  const std::string_view t = doc.block_text(d.block);
  const std::size_t b = std::min<std::size_t>(d.offset, t.size());
  const std::size_t e = std::min<std::size_t>(std::size_t{d.offset} + d.length, t.size());
  const std::size_t from = text::step_back(t, b, 2), to = text::step_forward(t, e, 2);
  return std::string(from > 0 ? "…" : "") + std::string(t.substr(from, b - from)) + found(doc, d, 12) +
         std::string(t.substr(e, to - e)) + (to < t.size() ? "…" : "");
}

// "其余 3 处：“…落实,确保…”、“…(一期…”" or, for many, "其余 199 处：“,” 150 处、“(” 25 处…".
std::string where_the_others_are(const model::Document& doc, const std::vector<Member>& members, bool english) {
  const std::size_t others = members.size() - 1;
  std::string out = "其余 " + std::to_string(others) + " 处：";
  if (others <= kListed) {
    // A member with another fix says it; one saying something else (another phrase,
    // another suggestion) says its message.
    const model::Diagnostic& lead = *members.front().d;
    const std::string message = lead.text(english);
    for (std::size_t i = 1; i < members.size(); ++i) {
      const model::Diagnostic& d = *members[i].d;
      out += (i > 1 ? "、" : "") + ("“" + around(doc, d) + "”");
      if (d.fix) {
        if (!lead.fix || lead.fix->replacement != d.fix->replacement) out += "（改为“" + d.fix->replacement + "”）";
      } else if (std::string t = d.text(english); t != message) {
        out += "（" + t + "）";
      }
    }
    return out;
  }
  std::vector<std::pair<std::string, std::size_t>> kinds;
  for (std::size_t i = 1; i < members.size(); ++i) {
    const model::Diagnostic& d = *members[i].d;
    std::string key = d.length ? found(doc, d, 10) : around(doc, d);
    auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == key; });
    if (it == kinds.end()) kinds.emplace_back(std::move(key), 1);
    else ++it->second;
  }
  for (std::size_t k = 0; k < kinds.size() && k < kKinds; ++k)
    out += (k ? "、" : "") + ("“" + kinds[k].first + "” " + std::to_string(kinds[k].second) + " 处");
  if (kinds.size() > kKinds) out += " 等";
  return out;
}

}  // namespace

std::vector<std::string> group_paragraphs(const model::Document& doc, const std::vector<Member>& members, bool english) {
  std::vector<std::string> out;
  const model::Diagnostic& d = *members.front().d;
  const std::size_t n = members.size();
  out.push_back(std::string(model::severity_label_zh(d.severity)) + "：" + d.text(english));
  std::string figures;
  for (const auto& l : kFigures)
    if (const auto v = datum(d, l.key)) figures += (figures.empty() ? "" : "；") + std::string(l.zh) + " " + *v;
  if (const auto soft = datum(d, "soft"); soft && *soft == "true")
    figures += (figures.empty() ? "" : "；") + std::string("上限为默认值（依据未给出具体数字）");
  if (!figures.empty()) out.push_back(figures);
  if (n > 1) {
    out.push_back("本段同类问题共 " + std::to_string(n) + " 处，批注在第 1 处；" + where_the_others_are(doc, members, english));
    std::size_t written = 0, unwritten = 0;
    for (const auto& m : members) {
      written += m.fix == FixNote::kWritten;
      unwritten += m.fix == FixNote::kNotWritten;
    }
    if (written)
      out.push_back((written == n ? "已按修订改正全部 " : "已按修订改正其中 ") + std::to_string(written) +
                    " 处，可在 Word 或 WPS 中逐处接受或拒绝");
    if (unwritten) out.push_back(std::to_string(unwritten) + " 处有修改建议但未自动修订（在他人的修订中或无法定位），请手工修改");
  } else if (members.front().fix == FixNote::kWritten && d.fix) {
    out.push_back("已按修订改为“" + d.fix->replacement + "”，可在 Word 或 WPS 中接受或拒绝");
  } else if (members.front().fix == FixNote::kNotWritten && d.fix) {
    out.push_back("建议改为“" + d.fix->replacement + "”（此处未自动修订）");
  }
  std::string rule = "规则 " + std::string(d.rule_id());
  if (d.source)
    if (std::string source = d.source->text(); !source.empty()) rule.append("；依据：").append(source);
  out.push_back(std::move(rule));
  return out;
}

std::string overview_paragraph(const model::Diagnostic& d) {
  auto get = [&](std::string_view key) {
    const auto v = datum(d, key);
    return v ? *v : std::string("?");
  };
  return std::string(model::severity_label_zh(d.severity)) + "：全文 " + get("count") + " 处" +
         std::string(d.rule->title) + "，见于 " + get("paragraphs") + " 段（全文共 " +
         get("total_paragraphs") + " 段），各段的批注注明本段处数（规则 " + std::string(d.rule_id()) + "）";
}

std::vector<std::string> summary_paragraphs(const lint::FileResult& f) {
  std::vector<std::string> out;
  const auto& r = *f.report;
  out.push_back("文风检查：规范 " + (f.profile ? f.profile->name + "（" + f.profile->id + "）" : std::string("—")) +
                "；稿件类型 " + model::kind_summary(r.kind));
  std::string body = "正文 " + std::to_string(r.m.body_figure) + " 字";
  if (!r.m.body.excluded.empty()) {
    body += "（不计：";
    for (std::size_t i = 0; i < r.m.body.excluded.size(); ++i) body += (i ? "、" : "") + r.m.body.excluded[i];
    body += "）";
  }
  body += "；约 " + one_decimal(r.m.pages.estimate) + " 页";
  if (r.m.durations.tv_seconds) body += "；电视播报约 " + lint::format_duration(*r.m.durations.tv_seconds);
  if (r.m.durations.speech_minutes) body += "；讲话约 " + lint::format_duration(*r.m.durations.speech_minutes * 60);
  out.push_back(std::move(body));
  for (const auto& d : r.overview) out.push_back(overview_paragraph(d));
  return out;
}

}  // namespace wenfeng::annotate
