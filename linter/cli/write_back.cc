#include "cli/write_back.h"

#include <cstdio>
#include <iostream>

#include "annotate/annotate.h"
#include "fix/diff.h"
#include "fix/output_file.h"
#include "fix/plan.h"
#include "fix/text_fix.h"

namespace wenfeng::cli {
namespace {

void say(const WriteBack& w, const std::string& line) { (w.to_stdout ? std::cout : std::cerr) << line << "\n" << std::flush; }

// Drops the findings whose fix was written: what is left still needs a person.
void drop_fixed(lint::FileResult& f, const std::vector<bool>& fixed) {
  auto& all = f.report->findings;
  std::size_t k = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i < fixed.size() && fixed[i]) continue;
    if (k != i) all[k] = std::move(all[i]);
    ++k;
  }
  all.resize(k);
}

std::optional<Error> put(const lint::FileResult& f, const WriteBack& w, const std::string& bytes, std::string& where) {
  auto path = fix::output_path(f.from_stdin ? "-" : f.path, w.output, w.in_place);
  if (!path.ok()) return path.error();
  where = *path;
  if (where == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
    where = "标准输出";
    return std::nullopt;
  }
  if (auto s = fix::write_atomically(where, bytes, f.from_stdin ? std::string() : f.path); !s.ok()) return s.error();
  return std::nullopt;
}

}  // namespace

std::optional<Error> write_back(lint::FileResult& f, const WriteBack& w) {
  if (f.error || !f.doc || !f.report || !w.any()) return std::nullopt;
  if (w.fix) annotate::settle_fixes(f);
  const auto& findings = f.report->findings;
  const bool docx = f.doc->format == model::Format::kDocx;
  if (w.annotate && !docx)
    return make_error(ErrorCode::kUnsupported, std::string("批注只能写入 DOCX 文件，这是 ") + model::format_name(f.doc->format) +
                                                   " 文件；文本、XML、HTML 可用 check --fix 直接修正");
  if (w.diff) {
    std::string before, after;
    std::vector<bool> fixed(findings.size(), false);
    if (docx) {
      fix::fixed_paragraphs(*f.doc, findings, before, after);
      for (const auto& p : fix::plan_fixes(findings)) fixed[p.finding] = true;
    } else {
      auto r = fix::fix_source(f.input, *f.doc, findings);
      if (!r.ok()) return r.error();
      before = std::move(r->before);
      after = std::move(r->after);
      fixed = std::move(r->fixed);
    }
    const std::string d = fix::unified_diff(before, after, f.path, f.path);
    std::fwrite(d.data(), 1, d.size(), stdout);
    std::fflush(stdout);
    drop_fixed(f, fixed);
    return std::nullopt;
  }
  std::string where;
  if (!docx) {
    auto r = fix::fix_source(f.input, *f.doc, findings);
    if (!r.ok()) return r.error();
    if (r->applied == 0) {
      say(w, f.path + "：没有可自动修正的问题，未写文件");
      return std::nullopt;
    }
    if (auto e = put(f, w, r->bytes, where)) return e;
    say(w, f.path + " → " + where + "：修正 " + std::to_string(r->applied) + " 处" +
               (r->skipped ? "；" + std::to_string(r->skipped) + " 处因原文写法（如实体）未能定位，未修正" : ""));
    drop_fixed(f, r->fixed);
    return std::nullopt;
  }
  annotate::Options o;
  o.comments = w.annotate;
  o.fixes = w.fix;
  o.english = w.english;
  auto out = annotate::annotate_docx(f.input, f, o);
  if (!out.ok()) return out.error();
  const auto& s = out->stats;
  if (!w.annotate && s.fixes == 0 && s.removed_comments == 0) {
    say(w, f.path + "：没有可自动修正的问题，未写文件");
    return std::nullopt;
  }
  if (auto e = put(f, w, out->docx, where)) return e;
  std::string line = f.path + " → " + where + "：";
  if (w.annotate) line += "批注 " + std::to_string(s.comments) + " 条（问题 " + std::to_string(s.findings) + " 个）";
  if (w.fix) line += std::string(w.annotate ? "，" : "") + "修订 " + std::to_string(s.fixes) + " 处";
  if (s.fixes_skipped) line += "；" + std::to_string(s.fixes_skipped) + " 处在他人的修订中或无法定位，未改";
  if (s.removed_comments) line += "；替换了此前的文风批注 " + std::to_string(s.removed_comments) + " 条";
  say(w, line);
  if (!w.annotate) drop_fixed(f, out->fixed);
  return std::nullopt;
}

}  // namespace wenfeng::cli
