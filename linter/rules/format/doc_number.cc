// format.doc-number — 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 〔年份〕 + 顺序号 + 号, in
// the 版头 line or cited in the text. Each 号 is read backwards to its 机关代字: linear in
// the paragraph, no pattern engine.
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/scan.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"发文字号“{found}”格式不规范：{problems}", "Malformed document number “{found}”: {problems}"},
};
constexpr model::Example kExamples[] = {{"（宜发[2008]13号）", "（宜发〔2008〕13号）"}};

bool is_open(char32_t c) {
  return c == U'〔' || c == U'[' || c == U'(' || c == U'（' || c == U'【' || c == U'［' || c == U'﹝';
}
bool is_close(char32_t c) {
  return c == U'〕' || c == U']' || c == U')' || c == U'）' || c == U'】' || c == U'］' || c == U'﹞';
}

// The parts of a document number ending with the 号 at byte `hao`, read backwards from it:
//   机关代字 (1–12 Han) \s* open \s* 年份 (2–4 digits) \s* close \s* 第? \s* 顺序号 \s* 号
// Parts never start before `floor` (the end of the previous document number).
struct DocNumber {
  std::size_t begin = 0, end = 0;
  std::string_view open, close, year, di, seq;
  bool spaced = false;
};

bool parse_back(std::string_view t, std::size_t hao, std::size_t floor, DocNumber& d) {
  std::size_t n = 0, b = 0;
  std::size_t at = spaces_back(t, hao, floor);
  d.spaced = at != hao;
  const std::size_t seq_end = at;
  at = run_back(t, at, is_digit, n, floor);
  if (n == 0) return false;
  d.seq = t.substr(at, seq_end - at);
  std::size_t was = at;
  at = spaces_back(t, at, floor);
  d.spaced |= at != was;
  d.di = {};
  if (at > floor && text::cp_before(t, at, b) == U'第' && b >= floor) {
    d.di = t.substr(b, at - b);
    at = spaces_back(t, b, floor);
    d.spaced |= at != b;
  }
  if (at <= floor || !is_close(text::cp_before(t, at, b)) || b < floor) return false;
  d.close = t.substr(b, at - b);
  was = b;
  at = spaces_back(t, b, floor);
  d.spaced |= at != was;
  const std::size_t year_end = at;
  at = run_back(t, at, is_digit, n, floor);
  if (n < 2 || n > 4) return false;
  d.year = t.substr(at, year_end - at);
  was = at;
  at = spaces_back(t, at, floor);
  d.spaced |= at != was;
  if (at <= floor || !is_open(text::cp_before(t, at, b)) || b < floor) return false;
  d.open = t.substr(b, at - b);
  was = b;
  at = spaces_back(t, b, floor);
  d.spaced |= at != was;
  const std::size_t code_end = at;
  at = run_back(t, at, text::is_han_script, n, floor, 12);
  if (n == 0) return false;
  // The verb that cites a number is no part of its 机关代字 ("按照县委发[2018]3号文件精神").
  for (std::string_view verb : {"按照", "根据", "依据", "依照", "参照", "遵照", "对照", "执行", "落实", "贯彻", "转发", "印发"}) {
    const std::string_view code = t.substr(at, code_end - at);
    if (code.size() > verb.size() && code.substr(0, verb.size()) == verb) {
      at += verb.size();
      break;
    }
  }
  d.begin = at;
  d.end = hao + std::string_view("号").size();
  return true;
}

void run(const lint::RuleContext& c) {
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    std::size_t floor = 0;  // matches do not overlap
    for (std::size_t hao = text::find_seq(t, "号"); hao != text::npos; hao = text::find_seq(t, "号", hao + 3)) {
      DocNumber d;
      if (!parse_back(t, hao, floor, d)) continue;
      floor = d.end;
      std::vector<std::string> problems;
      if (d.open != "〔" || d.close != "〕")
        problems.push_back("年份应用六角括号“〔〕”括入，不用“" + std::string(d.open) + std::string(d.close) + "”");
      if (d.year.size() != 4) problems.push_back("年份应标全称（4 位）");
      if (!d.di.empty()) problems.push_back("顺序号前不加“第”");
      if (d.seq.size() > 1 && d.seq[0] == '0') problems.push_back("顺序号不编虚位（1 不编为 01）");
      if (d.spaced) problems.push_back("发文字号内不应有空格");
      if (problems.empty()) continue;
      std::string joined;
      for (std::size_t i = 0; i < problems.size(); ++i) joined += (i ? "；" : "") + problems[i];
      c.report(bi, d.begin, d.end, 0, {{"found", std::string(t.substr(d.begin, d.end - d.begin))}, {"problems", joined}});
    }
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
