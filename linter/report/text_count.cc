// `count --format text`: an aligned table, one row per file and a total row for several.
#include "base/format.h"
#include "report/renderer.h"
#include "report/table.h"

namespace wenfeng::report {
namespace {

class TextCount final : public Renderer {
 public:
  TextCount() : table_({false, false, true, true, true, true, true, true, true}) {
    table_.add_row({"文件", "格式", "字数", "汉字", "非中文单词", "字符(不计空格)", "字符(计空格)", "段落", "约页数"});
  }

  void file(const lint::FileResult& f, Sink&) override {
    ++files_;
    if (f.error) return;  // errors go to stderr
    const std::string fmt = model::format_name(f.doc->format);
    table_.add_row(row(f.path, f.doc->encoding.empty() ? fmt : fmt + " " + f.doc->encoding, f.counts,
                       one_decimal(f.pages.estimate) + layout::saved_note(f.pages)));
    total_ += f.counts;
    ++ok_;
  }

  void end(Sink& sink) override {
    if (files_ > 1) table_.add_row(row("合计（" + std::to_string(ok_) + " 个文件）", "", total_, ""));
    sink.write(table_.render());
    sink.write(
        "页数为估算值（DOCX 按 Word 版式规则排版估算，WPS 保存的按 WPS 版式规则，注“按 WPS 版式”；文本类按 GB/T 9704 "
        "版心 22 行 × 28 字）；括号内为 Word/WPS 保存的页数（docProps/app.xml，已过时的不显示），仅供对照\n");
  }

 private:
  static std::vector<std::string> row(const std::string& name, const std::string& fmt, const model::Counts& c,
                                      const std::string& pages) {
    return {name,
            fmt,
            std::to_string(c.zishu),
            std::to_string(c.hanzi),
            std::to_string(c.non_cjk_words),
            std::to_string(c.chars_no_spaces),
            std::to_string(c.chars_with_spaces),
            std::to_string(c.paragraphs),
            pages};
  }
  TextTable table_;
  model::Counts total_;
  std::size_t files_ = 0, ok_ = 0;
};

}  // namespace

std::unique_ptr<Renderer> make_text_count(const RenderOptions&) { return std::make_unique<TextCount>(); }

}  // namespace wenfeng::report
