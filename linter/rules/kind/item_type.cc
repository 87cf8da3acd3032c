// kind.item-type — bulletin item types the issuer cuts or no longer publishes, guessed from
// keywords in the item title (labelled a guess).
#include <string>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"第 {item} 条信息疑似{type}（按标题关键词“{keyword}”推测）：{message}"}};

void run(const lint::RuleContext& c) {
  if (!c.kind_spec->items) return;
  for (std::size_t i = 0; i < c.m.items.size(); ++i) {
    const model::Item& it = c.m.items[i];
    for (const auto& type : c.kind_spec->items->types) {
      for (const auto& kw : type.keywords) {
        const auto pos = it.title.find(kw);
        if (pos == std::string::npos) continue;
        // A weak keyword needs one of the type's `with` words after it ("开展…活动").
        std::string signal = kw;
        std::size_t end = pos + kw.size();
        if (!type.with.empty()) {
          const std::size_t kw_end = end;
          std::size_t best = std::string::npos;
          for (const auto& w : type.with)
            if (const auto at = it.title.find(w, kw_end); at != std::string::npos && (best == std::string::npos || at < best)) {
              best = at;
              signal = at == kw_end ? kw + w : kw + "…" + w;
              end = at + w.size();
            }
          if (best == std::string::npos) continue;
        }
        auto& d = c.report(it.title_block, pos, end, 0,
                           {{"item", std::to_string(i + 1)}, {"type", type.name}, {"keyword", signal}, {"message", type.message}},
                           &type.source);
        d.severity = type.severity;
        d.data = {{"item", std::to_string(i + 1)}, {"type", type.id}, {"keyword", signal}};
        break;
      }
    }
  }
}

}  // namespace

WENFENG_REGISTER_RULE({
    .id = "kind.item-type",
    .family = model::Family::kKind,
    .severity = model::Severity::kInfo,
    .title = "信息类别",
    .summary = "按标题关键词推测的信息类别",
    .description = "按条目标题关键词推测信息类别（如日常会议类、仪式表彰类），给出规范对该类信息的要求（规范中 items.types）；"
                   "这是推测，会注明依据的关键词。",
    .measures = "data：item、type（类别 id）、keyword。",
    .source = {"规范", "按稿件类型的规定", "见各规范 items.types"},
    .needs = model::Needs::kKind,
    .messages = kMessages,
    .run = run,
})

}  // namespace wenfeng::rules
