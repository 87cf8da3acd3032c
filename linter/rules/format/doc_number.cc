// format.doc-number — 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 〔年份〕 + 顺序号 + 号, in
// the 版头 line or cited in the text.
#include <string>
#include <vector>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"发文字号“{found}”格式不规范：{problems}", "Malformed document number “{found}”: {problems}"},
};
constexpr model::Example kExamples[] = {{"（宜发[2008]13号）", "（宜发〔2008〕13号）"}};

void run(const lint::RuleContext& c) {
  static const text::Regex re = fixed_regex(
      "(\\p{Han}{1,12})(\\s*)([〔\\[\\(（【［﹝])(\\s*)(\\d{2,4})(\\s*)([〕\\]\\)）】］﹞])(\\s*)(第?)(\\s*)(\\d+)(\\s*)号");
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (t.find("号") == std::string_view::npos) continue;  // every document number ends in 号
    re.for_each(t, [&](const std::vector<text::Match>& g) {
      std::vector<std::string> problems;
      const std::string open(sv(t, g[3])), close(sv(t, g[7]));
      if (open != "〔" || close != "〕") problems.push_back("年份应用六角括号“〔〕”括入，不用“" + open + close + "”");
      if (sv(t, g[5]).size() != 4) problems.push_back("年份应标全称（4 位）");
      if (!sv(t, g[9]).empty()) problems.push_back("顺序号前不加“第”");
      const auto seq = sv(t, g[11]);
      if (seq.size() > 1 && seq[0] == '0') problems.push_back("顺序号不编虚位（1 不编为 01）");
      for (int k : {2, 4, 6, 8, 10, 12})
        if (!sv(t, g[static_cast<std::size_t>(k)]).empty()) {
          problems.push_back("发文字号内不应有空格");
          break;
        }
      if (problems.empty()) return;
      std::string joined;
      for (std::size_t i = 0; i < problems.size(); ++i) joined += (i ? "；" : "") + problems[i];
      c.report(bi, g[0].begin, g[0].end, 0, {{"found", std::string(sv(t, g[0]))}, {"problems", joined}});
    });
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.doc-number",
    .family = model::Family::kFormat,
    .severity = model::Severity::kError,
    .title = "发文字号",
    .summary = "发文字号的括号、年份、顺序号和空格",
    .description = "GB/T 9704-2012 7.2.5：发文字号由机关代字、年份、顺序号组成，年份标全称并用六角括号“〔〕”括入，"
                   "顺序号不加“第”、不编虚位，字号内不留空格。在版头一行和正文引用处（如“（宜发〔2008〕13号）”）都检查。",
    .measures = "指出发文字号及其每一处不规范之处。",
    .source = gbt9704("7.2.5 发文字号"),
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
