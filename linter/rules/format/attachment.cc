// format.attachment — 附件说明: "附件：名称", "附件：1.名称", names without final punctuation
// (GB/T 9704-2012 7.3.3).
#include <string>
#include <vector>

#include "rules/support.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

enum : std::uint8_t { kColon, kNoName, kEndPunct, kNumberMark };
constexpr model::Message kMessages[] = {
    {"附件说明中“附件”后应用全角冒号“：”"},
    {"“附件：”后没有附件名称"},
    {"附件名称后不加标点符号（此处为“{found}”）"},
    {"多个附件的序号用阿拉伯数字加小圆点（如“附件：1.××××”），不用“{found}”"},
};
constexpr model::Example kExamples[] = {{"附件:1.项目汇总表。", "附件：1.项目汇总表"}};

// The scan of ^\s*(?:附件[：:]\s*)?(\d+)\s*([.．、])\s*\S: whether `s` starts with a numbered
// attachment name; `mark` gets the mark after the number (the pattern's group 2). Every
// part is followed by something outside its class, so the longest runs decide.
bool numbered(std::string_view s, text::Match& mark) {
  std::size_t n = 0;
  std::size_t at = run_forward(s, 0, is_icu_space, n);
  if (s.substr(at).starts_with("附件")) {
    const std::size_t colon = at + std::string_view("附件").size();
    if (s.substr(colon).starts_with("：")) at = run_forward(s, colon + 3, is_icu_space, n);
    else if (s.substr(colon).starts_with(":")) at = run_forward(s, colon + 1, is_icu_space, n);
  }
  at = run_forward(s, at, is_digit, n);
  if (n == 0) return false;
  at = run_forward(s, at, is_icu_space, n);
  if (at >= s.size()) return false;
  std::size_t next;
  const char32_t m = text::cp_at(s, at, next);
  if (m != U'.' && m != U'．' && m != U'、') return false;
  mark = {at, next};
  return run_forward(s, next, is_icu_space, n) < s.size();
}

void run(const lint::RuleContext& c) {
  bool in_list = false;
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    const auto s = trim_left(t);
    const std::size_t base = t.size() - s.size();
    const bool head = s.starts_with("附件");
    if (!head && !in_list) continue;
    text::Match mark;
    if (head) {
      // "附件1" on its own line heads the attachment itself, not the 附件说明.
      const auto rest = s.substr(std::string_view("附件").size());
      if (rest.empty() || (rest[0] >= '0' && rest[0] <= '9')) {
        in_list = false;
        continue;
      }
      if (rest.starts_with(":")) {
        c.report(bi, base + 6, base + 7, kColon, {}).replace_with("：");
      } else if (!rest.starts_with("：")) {
        continue;  // 附件 used as an ordinary word
      }
      const std::size_t colon_len = rest.starts_with(":") ? 1 : 3;
      if (trim_left(rest.substr(colon_len)).empty()) {
        c.report(bi, base, t.size(), kNoName, {});
        continue;
      }
      in_list = true;
    } else if (!numbered(s, mark)) {
      in_list = false;
      continue;
    }
    std::size_t at = 0;
    const char32_t last = last_visible(t, at);
    if (is_final_punct(last)) {
      const std::string p = utf8(last);
      c.report(bi, at, at + p.size(), kEndPunct, {{"found", p}}).severity = model::Severity::kWarning;
    }
    if (numbered(s, mark) && sv(s, mark) != ".") {
      c.report(bi, base + mark.begin, base + mark.end, kNumberMark, {{"found", std::string(sv(s, mark))}}).severity =
          model::Severity::kWarning;
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "format.attachment",
    .family = model::Family::kFormat,
    .severity = model::Severity::kError,
    .title = "附件说明",
    .summary = "附件说明的冒号、名称、序号和末尾标点",
    .description = "GB/T 9704-2012 7.3.3：“附件”后用全角冒号，写明附件名称；多个附件用“1.”“2.”编号；附件名称后不加标点"
                   "（后两项为警告）。半角冒号附带可安全替换的全角冒号（fix）。",
    .measures = "指出有问题的字符。",
    .source = gbt9704("7.3.3 附件说明"),
    .messages = kMessages,
    .fixable = true,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
