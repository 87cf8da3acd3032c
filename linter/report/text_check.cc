// `check --format text`: what was found by severity and rule; an overview line for a rule
// firing in most paragraphs; compiler-style lines with an excerpt, a caret under the finding
// and the rule's source, one per rule and paragraph; a summary after each file.
#include <algorithm>
#include <unordered_map>

#include "base/format.h"
#include "report/position.h"
#include "report/renderer.h"
#include "text/utf8.h"

namespace wenfeng::report {
namespace {

using namespace std::string_view_literals;

class TextCheck final : public Renderer {
 public:
  explicit TextCheck(const RenderOptions& o) : o_(o) {}

  bool concurrent() const override { return true; }
  void render(const lint::FileResult& f, std::string& out) const override { render_with_copy(*this, f, out); }

  void file(const lint::FileResult& f, Sink& sink) override {
    if (f.error) return;  // errors go to stderr
    const auto& r = *f.report;
    const auto& doc = *f.doc;
    const char* bold = o_.color ? "\033[1m" : "";
    const char* reset = o_.color ? "\033[0m" : "";
    std::string out;
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& d : r.findings) ++counts[static_cast<int>(d.severity)];
    // What was found, by severity and rule, before the findings themselves.
    if (!r.findings.empty() && !o_.quiet) out += std::string(bold) + f.path + reset + "：" + by_rule(r.findings) + "\n";
    // A rule firing in most paragraphs: one line for the whole draft first.
    Locator overview(doc, r.m.numbers);
    for (const auto& d : r.overview) {
      const Position& p = overview.next(d);
      out += std::string(bold) + f.path + ":段" + std::to_string(p.paragraph) + ": " + reset + sev_color(d.severity) +
             model::severity_label_zh(d.severity) + "[" + std::string(d.rule_id()) + "]" + reset + " " +
             d.text(o_.english) + "\n";
      if (d.source && !d.source->text().empty()) out += "    依据：" + d.source->text() + "\n";
    }
    // One finding per rule and paragraph; the group's other members are listed under it.
    // Appended piece by piece (no temporaries per finding); a source's text is made once
    // for a run of findings citing it.
    Locator locate(doc, r.m.numbers), members(doc, r.m.numbers);
    const model::RuleSource* last_source = nullptr;
    std::unordered_map<const model::RuleSource*, std::string> source_texts;
    const std::string* source_text = nullptr;
    const bool markup = model::has_markup_positions(doc.format);
    // The colour codes, appended only when there are any (none without --color).
    const std::string_view bold_sv = bold, reset_sv = reset;
    auto put = [&out](std::string_view s) {
      if (!s.empty()) out += s;
    };
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
      const auto& d = r.findings[i];
      if (d.count == 0) continue;  // shown with its group's first finding
      const Position& p = locate.next(d);
      const std::string_view color = sev_color(d.severity);
      put(bold_sv);
      out += f.path;
      out += ":段"sv;
      append_number(out, p.paragraph);
      out += ":列"sv;
      append_number(out, p.column);
      out += ": "sv;
      put(reset_sv);
      put(color);
      out += std::string_view(model::severity_label_zh(d.severity));
      out += '[';
      out += d.rule_id();
      out += ']';
      put(reset_sv);
      out += ' ';
      out += d.text(o_.english);
      if (d.count > 1) {
        out += "（本段同类共 "sv;
        append_number(out, d.count);
        out += " 处）"sv;
      }
      out += '\n';
      // Excerpt and caret line, aligned by East Asian display width.
      out += "    "sv;
      out += p.excerpt;
      out += '\n';
      const std::string_view ex(p.excerpt);
      const std::size_t a = text::step_forward(ex, 0, p.excerpt_col);
      const std::size_t b = text::step_forward(ex, a, std::max<std::uint32_t>(p.length, 1));
      const int pad = text::display_width(ex.substr(0, a));
      const int width = std::max(1, text::display_width(ex.substr(a, b - a)));
      out += "    "sv;
      out.append(static_cast<std::size_t>(pad), ' ');
      put(color);
      out += '^';
      out.append(static_cast<std::size_t>(width - 1), '~');
      put(reset_sv);
      out += '\n';
      if (d.count > 1) {
        out += "    ";
        others(out, doc, r.findings, i, members);
        out += '\n';
      }
      if (d.source) {
        if (d.source != last_source) {
          auto [it, fresh] = source_texts.try_emplace(d.source);
          if (fresh) it->second = d.source->text();
          source_text = &it->second;
          last_source = d.source;
        }
        if (!source_text->empty()) {
          out += "    依据：";
          out += *source_text;
          out += '\n';
        }
      }
      if (markup) {
        const auto loc = doc.position(d.block, d.offset);
        out += "    位置：" + std::string(loc.source) + " 第 " + std::to_string(loc.line) + " 行第 " +
               std::to_string(loc.column) + " 列\n";
      }
      // Written as it grows: memory stays bounded however many findings a file has.
      if (out.size() >= (64u << 10)) {
        sink.write(out);
        out.clear();
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
    if (!r.m.items.empty()) {
      const auto research = std::count_if(r.m.items.begin(), r.m.items.end(), [](const model::Item& it) { return it.research; });
      out += "，信息 " + std::to_string(r.m.items.size()) + " 条" +
             (research ? "（其中调研类 " + std::to_string(research) + " 条）" : "");
      // Items found without an editor's mark: say how, so that a wrong split can be seen.
      if (!r.m.items.front().found_by.empty()) out += "，" + r.m.items.front().found_by;
    }
    out += "\n  " + std::to_string(counts[2]) + " 个错误，" + std::to_string(counts[1]) + " 个警告，" +
           std::to_string(counts[0]) + " 个提示\n";
    sink.write(out);
  }

 private:
  // "错误 955 处（punct.halfwidth 951、format.date 4），警告 3 处（…），提示 0 处"
  static std::string by_rule(const std::vector<model::Diagnostic>& findings) {
    std::vector<std::pair<const model::RuleInfo*, std::size_t>> per[3];
    std::size_t totals[3] = {0, 0, 0};
    for (const auto& d : findings) {
      auto& v = per[static_cast<int>(d.severity)];
      ++totals[static_cast<int>(d.severity)];
      auto it = std::find_if(v.begin(), v.end(), [&](const auto& x) { return x.first == d.rule; });
      if (it == v.end()) v.emplace_back(d.rule, 1);
      else ++it->second;
    }
    std::string out;
    for (int sev = 2; sev >= 0; --sev) {
      auto& v = per[sev];
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
      out += std::string(sev == 2 ? "" : "，") + model::severity_label_zh(static_cast<model::Severity>(sev)) + " " +
             std::to_string(totals[sev]) + " 处";
      for (std::size_t k = 0; k < v.size(); ++k)
        out += (k == 0 ? "（" : "、") + std::string(v[k].first->id) + " " + std::to_string(v[k].second) +
               (k + 1 == v.size() ? "）" : "");
    }
    return out;
  }

  // "同段其余 3 处：列 15“,”、列 22“(”、列 30“)”": the other members of the group findings[leader]
  // leads, which follow it in its block (a locator of their own, so the main one keeps its place;
  // columns only, no excerpts), appended to `out`.
  static void others(std::string& out, const model::Document& doc, const std::vector<model::Diagnostic>& findings,
                     std::size_t leader, Locator& at) {
    constexpr std::size_t kShown = 12;
    out += "同段其余 ";
    append_number(out, findings[leader].count - 1);
    out += " 处：";
    std::size_t shown = 0;
    const std::string_view t = doc.block_text(findings[leader].block);
    for (std::size_t m = leader + 1; m < findings.size() && findings[m].block == findings[leader].block && shown < kShown; ++m) {
      const auto& d = findings[m];
      if (d.count != 0 || d.leader != leader) continue;
      const Position& p = at.next(d, false);
      const std::size_t b = std::min<std::size_t>(d.offset, t.size());
      const std::size_t e = text::step_forward(t, b, std::min<std::uint32_t>(p.length, 10));
      if (shown++) out += "、";
      out += "列 ";
      append_number(out, p.column);
      if (e > b) {
        out += "“";
        out.append(t.substr(b, e - b));
        out += "”";
      }
    }
    if (findings[leader].count - 1 > kShown) out += " 等";
  }

  // The decimal digits of `n`, appended (std::to_string's text, without its string).
  static void append_number(std::string& out, std::uint64_t n) {
    char buf[20];
    char* e = buf + sizeof buf;
    char* q = e;
    do {
      *--q = static_cast<char>('0' + n % 10);
      n /= 10;
    } while (n);
    out.append(q, static_cast<std::size_t>(e - q));
  }

  const char* sev_color(model::Severity s) const {
    if (!o_.color) return "";
    return s == model::Severity::kError ? "\033[31m" : s == model::Severity::kWarning ? "\033[33m" : "\033[36m";
  }
  RenderOptions o_;
};

}  // namespace

std::unique_ptr<Renderer> make_text_check(const RenderOptions& o) { return std::make_unique<TextCheck>(o); }

}  // namespace wenfeng::report
