// `check --format text`: compiler-style lines with an excerpt, a caret under the finding and
// the rule's source; a summary after each file.
#include <algorithm>

#include "base/format.h"
#include "report/position.h"
#include "report/renderer.h"
#include "text/utf8.h"

namespace wenfeng::report {
namespace {

class TextCheck final : public Renderer {
 public:
  explicit TextCheck(const RenderOptions& o) : o_(o) {}

  void file(const lint::FileResult& f, Sink& sink) override {
    if (f.error) return;  // errors go to stderr
    const auto& r = *f.report;
    const auto& doc = *f.doc;
    const char* bold = o_.color ? "\033[1m" : "";
    const char* reset = o_.color ? "\033[0m" : "";
    std::string out;
    std::size_t counts[3] = {0, 0, 0};
    const auto positions = locate(doc, r.findings, r.m.numbers);
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const auto& d = r.findings[i];
      const Position& p = positions[i];
      ++counts[static_cast<int>(d.severity)];
      out += std::string(bold) + f.path + ":段" + std::to_string(p.paragraph) + ":列" + std::to_string(p.column) + ": " +
             reset + sev_color(d.severity) + model::severity_label_zh(d.severity) + "[" + std::string(d.rule_id()) +
             "]" + reset + " " + d.text(o_.english) + "\n";
      // Excerpt and caret line, aligned by East Asian display width.
      out += "    " + p.excerpt + "\n";
      const std::string_view ex(p.excerpt);
      const std::size_t a = text::step_forward(ex, 0, p.excerpt_col);
      const std::size_t b = text::step_forward(ex, a, std::max<std::uint32_t>(p.length, 1));
      const int pad = text::display_width(ex.substr(0, a));
      const int width = std::max(1, text::display_width(ex.substr(a, b - a)));
      out += "    " + std::string(static_cast<std::size_t>(pad), ' ') + sev_color(d.severity) + "^" +
             std::string(static_cast<std::size_t>(width - 1), '~') + reset + "\n";
      if (d.source && !d.source->text().empty()) out += "    依据：" + d.source->text() + "\n";
      if (model::has_markup_positions(doc.format)) {
        const auto loc = doc.position(d.block, d.offset);
        out += "    位置：" + std::string(loc.source) + " 第 " + std::to_string(loc.line) + " 行第 " +
               std::to_string(loc.column) + " 列\n";
      }
    }
    if (o_.quiet) {  // findings only
      sink.write(out);
      return;
    }
    // Per-file summary.
    out += std::string(bold) + f.path + reset + "：规范 " + f.profile->id + "；类型 " + model::kind_summary(r.kind) + "\n";
    out += "  正文 " + std::to_string(r.m.body_figure) + " 字（汉字 " + std::to_string(r.m.body.counts.hanzi) + "）";
    if (!r.m.body.excluded.empty()) {
      out += "，不计：";
      for (std::size_t i = 0; i < r.m.body.excluded.size(); ++i) out += (i ? "、" : "") + r.m.body.excluded[i];
    }
    const auto& pages = r.m.pages;
    out += "\n  全文字数 " + std::to_string(r.m.counts.zishu) + "，约 " + one_decimal(pages.estimate) + " 页（" +
           pages.method + "）";
    if (pages.saved && !pages.saved_stale) out += "，文档保存页数 " + *pages.saved;
    else if (pages.saved) out += "，文档保存页数 " + *pages.saved + "（已过时，不作对照）";
    const auto& du = r.m.durations;
    if (du.tv_seconds)
      out += "，电视播报约 " + lint::format_duration(*du.tv_seconds) + "（按 " +
             std::to_string(static_cast<int>(du.tv_rate)) + " 字/分钟）";
    if (du.speech_minutes)
      out += "，讲话约 " + lint::format_duration(*du.speech_minutes * 60) + "（按 " +
             std::to_string(static_cast<int>(du.speech_rate)) + " 字/分钟）";
    if (!r.m.items.empty()) out += "，信息 " + std::to_string(r.m.items.size()) + " 条";
    out += "\n  " + std::to_string(counts[2]) + " 个错误，" + std::to_string(counts[1]) + " 个警告，" +
           std::to_string(counts[0]) + " 个提示\n";
    sink.write(out);
  }

 private:
  const char* sev_color(model::Severity s) const {
    if (!o_.color) return "";
    return s == model::Severity::kError ? "\033[31m" : s == model::Severity::kWarning ? "\033[33m" : "\033[36m";
  }
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_text_check(const RenderOptions& o) { return std::make_unique<TextCheck>(o); }

}  // namespace wenfeng::report
