// `wenfeng count [--format text|json] [--include notes,textboxes,headers,comments]
//                [--stdin-filename NAME] [--jobs N] FILE…|-`
#include <iostream>
#include <sstream>

#include "base/format.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/inputs.h"
#include "count/counter.h"
#include "layout/pages.h"
#include "report/json_writer.h"
#include "report/table.h"

namespace wenfeng::cli {
namespace {

struct CountResult {
  std::string path;
  std::string format;
  std::string encoding;
  count::Counts counts;
  layout::PageEstimate pages;
  std::optional<Error> error;
};

Result<count::Scope> parse_scope(const std::string& spec) {
  count::Scope s;
  std::stringstream ss(spec);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty()) continue;
    if (item == "notes" || item == "footnotes" || item == "endnotes") s.notes = true;
    else if (item == "textboxes") s.textboxes = true;
    else if (item == "headers" || item == "footers") s.headers = true;
    else if (item == "comments") s.comments = true;
    else if (item == "all") s.notes = s.textboxes = s.headers = s.comments = true;
    else
      return make_error(ErrorCode::kUsage,
                        "--include 不认识 “" + item + "”；可用 notes, textboxes, headers, comments, all");
  }
  return s;
}

}  // namespace

int count_command(const std::vector<std::string>& argv) {
  auto parsed = parse_args(argv, {"--format", "--include", "--stdin-filename", "--jobs", "--xml-map", "--html-selector"},
                           {"--pretty"});
  if (!parsed.ok()) {
    std::cerr << "wenfeng count: " << parsed.error().message << "\n";
    return 2;
  }
  const Args& args = *parsed;
  const std::string format = args.get_or("--format", "text");
  if (format != "text" && format != "json") {
    std::cerr << "wenfeng count: --format 只能是 text 或 json\n";
    return 2;
  }
  auto scope = parse_scope(args.get_or("--include", ""));
  if (!scope.ok()) {
    std::cerr << "wenfeng count: " << scope.error().message << "\n";
    return 2;
  }
  if (args.files.empty()) {
    std::cerr << "wenfeng count: 请给出要统计的文件（或 - 表示标准输入）\n用法：wenfeng count [--format text|json] [--include …] FILE…\n";
    return 2;
  }
  unsigned jobs = default_threads();
  if (auto j = args.get("--jobs")) jobs = static_cast<unsigned>(std::max(1, std::atoi(j->c_str())));

  auto ropts = read_options(args.get("--xml-map"), args.get("--html-selector"));
  if (!ropts.ok()) {
    std::cerr << "wenfeng count: " << ropts.error().message << "\n";
    return 2;
  }
  const count::Scope sc = *scope;
  auto results = process_inputs<CountResult>(args.files, args.get_or("--stdin-filename", ""), jobs, *ropts,
                                             [&](LoadedFile& f) {
                                               CountResult r;
                                               r.path = f.path;
                                               if (f.error) {
                                                 r.error = f.error;
                                                 return r;
                                               }
                                               r.format = f.doc->format;
                                               r.encoding = f.doc->encoding;
                                               r.counts = count::count_document(*f.doc, sc);
                                               r.pages = layout::estimate_pages(*f.doc);
                                               return r;
                                             });

  bool any_error = false;
  count::Counts total;
  std::size_t ok_files = 0;
  for (const auto& r : results) {
    if (r.error) { any_error = true; continue; }
    total += r.counts;
    ++ok_files;
  }

  if (format == "json") {
    report::JsonWriter j(args.has("--pretty"));
    j.begin_object();
    j.key("version").value(1);
    j.key("files").begin_array();
    for (const auto& r : results) {
      j.begin_object();
      j.key("path").value(r.path);
      if (r.error) {
        j.key("error");
        report::write_error(j, *r.error);
      } else {
        j.key("format").value(r.format);
        if (!r.encoding.empty()) j.key("encoding").value(r.encoding);
        j.key("counts");
        report::write_counts(j, r.counts);
        j.key("pages");
        report::write_pages(j, r.pages);
      }
      j.end_object();
    }
    j.end_array();
    j.key("total");
    report::write_counts(j, total);
    j.end_object();
    std::cout << j.str() << "\n";
  } else {
    report::TextTable t({false, false, true, true, true, true, true, true, true});
    t.add_row({"文件", "格式", "字数", "汉字", "非中文单词", "字符(不计空格)", "字符(计空格)", "段落", "约页数"});
    auto row = [](const std::string& name, const std::string& fmt, const count::Counts& c, const std::string& pages) {
      return std::vector<std::string>{name,
                                      fmt,
                                      std::to_string(c.zishu),
                                      std::to_string(c.hanzi),
                                      std::to_string(c.non_cjk_words),
                                      std::to_string(c.chars_no_spaces),
                                      std::to_string(c.chars_with_spaces),
                                      std::to_string(c.paragraphs),
                                      pages};
    };
    for (const auto& r : results)
      if (!r.error)
        t.add_row(row(r.path, r.format + (r.encoding.empty() ? "" : " " + r.encoding), r.counts,
                      one_decimal(r.pages.estimate) + (r.pages.saved ? "（保存值 " + *r.pages.saved + "）" : "")));
    if (results.size() > 1) t.add_row(row("合计（" + std::to_string(ok_files) + " 个文件）", "", total, ""));
    std::cout << t.render();
    std::cout << "页数为估算值（文本类按 GB/T 9704 版心 22 行 × 28 字；DOCX 按文档版面）；保存值取自 docProps/app.xml，仅供对照\n";
  }
  for (const auto& r : results)
    if (r.error)
      std::cerr << error_line(r.path, *r.error);
  return any_error ? 2 : 0;
}

}  // namespace wenfeng::cli
