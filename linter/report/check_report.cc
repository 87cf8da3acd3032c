#include "report/check_report.h"

#include <cmath>
#include <cstdio>

#include "base/format.h"
#include "report/json_writer.h"
#include "text/utf8.h"

namespace wenfeng::report {
namespace {


// Code points of a string as byte offsets (for windowing excerpts).
std::vector<std::size_t> cp_offsets(std::string_view s) {
  std::vector<std::size_t> out;
  const char* p = s.data();
  const char* e = p + s.size();
  while (p < e) {
    out.push_back(static_cast<std::size_t>(p - s.data()));
    text::decode(p, e);
  }
  out.push_back(s.size());
  return out;
}

}  // namespace

Position position_of(const model::Document& doc, const model::Diagnostic& d, const std::vector<std::uint32_t>& paragraphs) {
  Position pos;
  pos.paragraph = d.block < paragraphs.size() ? paragraphs[d.block] : 0;
  const std::string_view t = doc.block_text(d.block);
  const auto offs = cp_offsets(t);
  // Code point index of the finding's start and end.
  const auto begin_cp = static_cast<std::uint32_t>(text::codepoints_before(t, d.offset));
  const auto end_cp = static_cast<std::uint32_t>(text::codepoints_before(t, std::min<std::size_t>(d.offset + d.length, t.size())));
  pos.column = begin_cp + 1;
  pos.length = end_cp - begin_cp;
  // Excerpt: up to 20 code points of context each side, the finding capped at 40.
  const std::uint32_t n = static_cast<std::uint32_t>(offs.size() - 1);
  const std::uint32_t from = begin_cp > 20 ? begin_cp - 20 : 0;
  const std::uint32_t to = std::min<std::uint32_t>(n, std::min<std::uint32_t>(end_cp, begin_cp + 40) + 20);
  pos.excerpt = (from > 0 ? "…" : "") + std::string(t.substr(offs[from], offs[to] - offs[from])) + (to < n ? "…" : "");
  pos.excerpt_col = begin_cp - from + (from > 0 ? 1 : 0);
  return pos;
}

std::string render_text(const std::vector<CheckedFile>& files, bool color) {
  std::string out;
  const char* bold = color ? "\033[1m" : "";
  const char* reset = color ? "\033[0m" : "";
  auto sev_color = [&](model::Severity s) -> const char* {
    if (!color) return "";
    return s == model::Severity::kError ? "\033[31m" : s == model::Severity::kWarning ? "\033[33m" : "\033[36m";
  };
  for (const auto& f : files) {
    if (f.error) continue;  // errors go to stderr
    const auto& r = *f.report;
    const auto paragraphs = model::paragraph_numbers(*f.doc);
    std::size_t counts[3] = {0, 0, 0};
    for (const auto& d : r.findings) {
      ++counts[static_cast<int>(d.severity)];
      const Position p = position_of(*f.doc, d, paragraphs);
      out += std::string(bold) + f.path + ":段" + std::to_string(p.paragraph) + ":列" + std::to_string(p.column) + ": " +
             reset + sev_color(d.severity) + model::severity_label_zh(d.severity) + "[" + d.rule + "]" + reset + " " +
             d.message + "\n";
      // Excerpt and caret line, aligned by East Asian display width.
      out += "    " + p.excerpt + "\n";
      const auto offs = cp_offsets(p.excerpt);
      const std::size_t a = offs[std::min<std::size_t>(p.excerpt_col, offs.size() - 1)];
      const std::size_t len_cp = std::max<std::uint32_t>(p.length, 1);
      const std::size_t b = offs[std::min<std::size_t>(p.excerpt_col + len_cp, offs.size() - 1)];
      const int pad = text::display_width(std::string_view(p.excerpt).substr(0, a));
      const int width = std::max(1, text::display_width(std::string_view(p.excerpt).substr(a, b - a)));
      out += "    " + std::string(static_cast<std::size_t>(pad), ' ') + sev_color(d.severity) + "^" +
             std::string(static_cast<std::size_t>(width - 1), '~') + reset + "\n";
      if (!d.source.text().empty()) out += "    依据：" + d.source.text() + "\n";
      const auto& fmt = f.doc->format;
      if (fmt == "xml" || fmt == "newsml" || fmt == "html" || fmt == "odt" || fmt == "fodt") {
        const auto loc = f.doc->position(d.block, d.offset);
        out += "    位置：" + std::string(loc.source) + " 第 " + std::to_string(loc.line) + " 行第 " +
               std::to_string(loc.column) + " 列\n";
      }
    }
    // Per-file summary.
    std::string kind = r.kind.id;
    if (r.kind.source == "option") kind += "（由 --kind 指定）";
    else if (r.kind.source == "config") kind += "（由 .wenfeng.yaml 指定）";
    else if (r.kind.source == "document") kind += "（读自" + r.kind.reason + "）";
    else if (r.kind.source == "classifier") kind += "（推测：" + r.kind.reason + "）";
    else kind += "（" + r.kind.reason + "）";
    out += std::string(bold) + f.path + reset + "：规范 " + f.profile_id + "；类型 " + kind + "\n";
    out += "  正文 " + std::to_string(r.body_figure) + " 字（汉字 " + std::to_string(r.body_counts.hanzi) + "）";
    if (!r.excluded.empty()) {
      out += "，不计：";
      for (std::size_t i = 0; i < r.excluded.size(); ++i) out += (i ? "、" : "") + r.excluded[i];
    }
    out += "\n  全文字数 " + std::to_string(r.counts.zishu) + "，约 " + one_decimal(r.pages.estimate) + " 页（" +
           r.pages.method + "）";
    if (r.pages.saved) out += "，文档保存页数 " + *r.pages.saved;
    if (r.durations.tv_seconds)
      out += "，电视播报约 " + check::format_duration(*r.durations.tv_seconds) + "（按 " +
             std::to_string(static_cast<int>(r.durations.tv_rate)) + " 字/分钟）";
    if (r.durations.speech_minutes)
      out += "，讲话约 " + check::format_duration(*r.durations.speech_minutes * 60) + "（按 " +
             std::to_string(static_cast<int>(r.durations.speech_rate)) + " 字/分钟）";
    if (r.items) out += "，信息 " + std::to_string(r.items) + " 条";
    out += "\n  " + std::to_string(counts[2]) + " 个错误，" + std::to_string(counts[1]) + " 个警告，" +
           std::to_string(counts[0]) + " 个提示\n";
  }
  return out;
}

std::string render_json(const std::vector<CheckedFile>& files, bool pretty) {
  JsonWriter j(pretty);
  j.begin_object();
  j.key("version").value(1);
  j.key("files").begin_array();
  for (const auto& f : files) {
    j.begin_object();
    j.key("path").value(f.path);
    if (f.error) {
      j.key("error");
      write_error(j, *f.error);
      j.end_object();
      continue;
    }
    const auto& r = *f.report;
    const auto& doc = *f.doc;
    j.key("format").value(doc.format);
    j.key("profile").begin_object();
    j.key("id").value(f.profile_id);
    j.key("name").value(f.profile_name);
    j.key("chain").begin_array();
    for (const auto& c : f.profile_chain) j.value(c);
    j.end_array();
    j.end_object();
    j.key("kind").begin_object();
    j.key("id").value(r.kind.id);
    j.key("source").value(r.kind.source);
    j.key("reason").value(r.kind.reason);
    j.key("guessed").value(r.kind.guessed());
    j.end_object();
    j.key("counts");
    write_counts(j, r.counts);
    j.key("body").begin_object();
    j.key("figure").value(r.body_figure);
    j.key("counts");
    write_counts(j, r.body_counts);
    j.key("excluded").begin_array();
    for (const auto& e : r.excluded) j.value(e);
    j.end_array();
    j.end_object();
    j.key("pages");
    write_pages(j, r.pages);
    j.key("durations").begin_object();
    if (r.durations.tv_seconds) {
      j.key("tv_seconds").value(std::round(*r.durations.tv_seconds), 0);
      j.key("tv_rate").value(r.durations.tv_rate, 0);
    }
    if (r.durations.speech_minutes) {
      j.key("speech_minutes").value(*r.durations.speech_minutes, 1);
      j.key("speech_rate").value(r.durations.speech_rate, 0);
    }
    j.end_object();
    j.key("findings").begin_array();
    const auto paragraphs = model::paragraph_numbers(doc);
    std::size_t counts_by[3] = {0, 0, 0};
    for (const auto& d : r.findings) {
      ++counts_by[static_cast<int>(d.severity)];
      const Position p = position_of(doc, d, paragraphs);
      j.begin_object();
      j.key("rule").value(d.rule);
      j.key("severity").value(model::severity_name(d.severity));
      j.key("message").value(d.message);
      j.key("paragraph").value(p.paragraph);
      j.key("column").value(p.column);
      j.key("length").value(p.length);
      j.key("excerpt").value(p.excerpt);
      j.key("document_level").value(d.document_level);
      {
        // Where the finding is in the source file: file/part, line, column (for DOCX the
        // "line" is the paragraph's ordinal in the part).
        const auto loc = doc.position(d.block, d.offset);
        j.key("location").begin_object();
        j.key("source").value(loc.source);
        j.key("line").value(loc.line);
        j.key("column").value(loc.column);
        j.end_object();
      }
      j.key("source").begin_object();
      j.key("issuer").value(d.source.issuer);
      j.key("document").value(d.source.document);
      j.key("part").value(d.source.part);
      j.end_object();
      if (!d.data.empty()) {
        j.key("data").begin_object();
        for (const auto& [k, v] : d.data) j.key(k).value(v);
        j.end_object();
      }
      j.end_object();
    }
    j.end_array();
    j.key("summary").begin_object();
    j.key("errors").value(counts_by[2]);
    j.key("warnings").value(counts_by[1]);
    j.key("infos").value(counts_by[0]);
    j.end_object();
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.str() + "\n";
}

}  // namespace wenfeng::report
