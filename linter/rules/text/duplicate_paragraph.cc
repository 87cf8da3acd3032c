// text.duplicate-paragraph — a paragraph repeated word for word, or repeated apart from
// punctuation, spaces and digits. Short lines (signatures, dates) repeat legitimately.
#include <string>
#include <unordered_map>

#include "rules/support.h"
#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {
    {"本段与第 {paragraph} 段完全相同"},
    {"本段与第 {paragraph} 段只差标点、空格或数字，疑似重复"},
};
constexpr model::Param kParams[] = {
    {"min_chars", model::ParamType::kInteger, 15, "比较的最短段落（字符数）；更短的段落（署名、日期）不查"},
};
constexpr model::Example kExamples[] = {{"（同一段话在文中出现两次）", "（删去重复的一段）"}};

// The paragraph without whitespace, punctuation or digits (near-duplicates differ only in those).
std::string normalised(std::string_view t) {
  std::string out;
  for (const auto cp : text::code_points(t))
    if (text::is_han(cp.cp) || (cp.cp < 0x80 && ((cp.cp | 0x20) >= U'a' && (cp.cp | 0x20) <= U'z')))
      out.append(t.substr(cp.begin, cp.end - cp.begin));
  return out;
}

void run(const lint::RuleContext& c) {
  const auto min_chars = static_cast<std::size_t>(c.param("min_chars"));
  std::unordered_map<std::string_view, std::uint32_t> exact;
  std::unordered_map<std::string, std::uint32_t> near;
  for (auto bi : c.m.paragraphs) {
    const auto t = c.doc.block_text(bi);
    if (text::codepoint_count(t) < min_chars) continue;
    std::string n = normalised(t);
    if (text::codepoint_count(n) < 10) continue;
    auto [it, fresh] = exact.emplace(t, bi);
    if (!fresh) {
      c.report(bi, 0, t.size(), 0, {{"paragraph", std::to_string(c.m.numbers[it->second])}});
      continue;
    }
    auto [nit, nfresh] = near.emplace(std::move(n), bi);
    if (!nfresh)
      c.report(bi, 0, t.size(), 1, {{"paragraph", std::to_string(c.m.numbers[nit->second])}}).severity =
          model::Severity::kInfo;
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "text.duplicate-paragraph",
    .family = model::Family::kText,
    .severity = model::Severity::kWarning,
    .title = "重复段落",
    .summary = "与前文相同或只差标点、数字的段落",
    .description = "与前文完全相同（警告），或只差标点、空格、数字（提示）的段落；短于 min_chars 个字符的段落不查。",
    .measures = "给出与之重复的段落号。",
    .source = proofreading("重复段落"),
    .params = kParams,
    .messages = kMessages,
    .examples = kExamples,
    .run = run,
})

}  // namespace wenfeng::rules
