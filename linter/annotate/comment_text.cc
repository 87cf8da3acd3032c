#include "annotate/comment_text.h"

#include "base/format.h"

namespace wenfeng::annotate {
namespace {

// Measured values worth a line of their own, in the order people read them.
struct Label {
  const char* key;
  const char* zh;
};
constexpr Label kFigures[] = {{"figure", "实测"}, {"estimate", "估算"}, {"limit", "上限"},
                              {"excess", "超出"}, {"threshold", "阈值"}};

const std::string* datum(const model::Diagnostic& d, std::string_view key) {
  for (const auto& [k, v] : d.data)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace

std::vector<std::string> finding_paragraphs(const model::Diagnostic& d, bool english, FixNote fix,
                                            std::size_t occurrences) {
  std::vector<std::string> out;
  out.push_back(std::string(model::severity_label_zh(d.severity)) + "：" + d.text(english));
  std::string figures;
  for (const auto& l : kFigures)
    if (const std::string* v = datum(d, l.key)) figures += (figures.empty() ? "" : "；") + std::string(l.zh) + " " + *v;
  if (const std::string* soft = datum(d, "soft"); soft && *soft == "true")
    figures += (figures.empty() ? "" : "；") + std::string("上限为默认值（依据未给出具体数字）");
  if (!figures.empty()) out.push_back(figures);
  if (occurrences > 1) out.push_back("同类问题共 " + std::to_string(occurrences) + " 处");
  if (fix == FixNote::kWritten && d.fix)
    out.push_back("已按修订改为“" + d.fix->replacement + "”，可在 Word 或 WPS 中接受或拒绝");
  else if (fix == FixNote::kNotWritten && d.fix)
    out.push_back("建议改为“" + d.fix->replacement + "”（此处未自动修订）");
  std::string rule = "规则 " + std::string(d.rule_id());
  if (d.source && !d.source->text().empty()) rule += "；依据：" + d.source->text();
  out.push_back(std::move(rule));
  return out;
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
  return out;
}

}  // namespace wenfeng::annotate
