// kind.genre — genres a kind may not take (县委书记、县长调研不发侧记、特写、综述), read from
// any line of the title or the first body paragraph.
#include <algorithm>
#include <string>
#include <vector>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"{message}：稿件体裁为“{genre}”；类型 {kind}"}};

void run(const lint::RuleContext& c) {
  for (const auto& p : c.kind_spec->prohibitions) {
    if (p.rule != c.rule.id) continue;
    // The genre shows in the title ("…侧记"), often in its "——" subtitle line
    // ("田间地头话振兴" / "——县委书记某某基层调研侧记"), or a genre tag line.
    std::vector<std::uint32_t> where;
    if (c.m.title >= 0)
      for (int b = c.m.title; b <= std::max(c.m.title, c.m.title_last); ++b) where.push_back(static_cast<std::uint32_t>(b));
    if (!c.m.body.spans.empty()) where.push_back(c.m.body.spans.front().block);
    bool found = false;
    for (auto blk : where) {
      const auto t = c.doc.block_text(blk);
      for (const auto& w : p.words) {
        const auto pos = t.find(w);
        if (pos == std::string_view::npos) continue;
        auto& d = c.report(blk, pos, pos + w.size(), 0, {{"message", p.message}, {"genre", w}, {"kind", model::kind_note(c.kind)}},
                           &p.source);
        d.severity = p.severity;
        d.data = {{"genre", w}};
        found = true;
        break;
      }
      if (found) break;
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "kind.genre",
    .family = model::Family::kKind,
    .severity = model::Severity::kWarning,
    .title = "禁止的体裁",
    .summary = "规范禁止的报道体裁",
    .description = "规范禁止某类报道采用的体裁（如主要领导调研不发侧记、特写、综述）：在标题或第一段正文中查找规范列出的体裁词"
                   "（prohibitions 中 rule: kind.genre 的 words）。",
    .measures = "data.genre 为找到的体裁词。",
    .source = {"规范", "按稿件类型的规定", "见各规范 prohibitions"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .prohibition = true,
    .run = run,
})

}  // namespace wenfeng::rules
