// kind.item-type — bulletin item types the issuer cuts or no longer publishes, guessed from
// keywords in the item title (labelled a guess).
#include <string>

#include "rules/support.h"

namespace wenfeng::rules {
namespace {

constexpr model::Message kMessages[] = {{"第 {item} 条信息疑似{type}（按标题关键词“{keyword}”推测）：{message}"}};

// The item's title within its first paragraph: "【区人力社保局召开…部署会】3月6日，…" up to the
// 】, "2.关于做好清明节期间值班工作的提醒。请各单位按照通知要求…" up to its first full stop; the
// text after it is the item's body, where a keyword (通知) says nothing of the item's type.
std::string_view title_part(std::string_view t) {
  const std::size_t lead = t.find_first_not_of(" \t");
  const std::string_view open = "【", close = "】";
  if (lead != std::string_view::npos && t.compare(lead, open.size(), open) == 0) {
    const std::size_t e = t.find(close, lead);
    if (e != std::string_view::npos) return t.substr(0, e + close.size());
  }
  std::size_t end = t.size();
  for (std::string_view stop : {"。", "！", "？"})
    if (const std::size_t at = t.find(stop); at != std::string_view::npos) end = std::min(end, at);
  return t.substr(0, end);
}

void run(const lint::RuleContext& c) {
  if (!c.kind_spec->items) return;
  for (std::size_t i = 0; i < c.m.items.size(); ++i) {
    const model::Item& it = c.m.items[i];
    const std::string_view title = title_part(it.title);
    for (const auto& type : c.kind_spec->items->types) {
      for (const auto& kw : type.keywords) {
        const auto pos = title.find(kw);
        if (pos == std::string::npos) continue;
        // A weak keyword needs one of the type's `with` words after it ("开展…活动").
        std::string signal = kw;
        std::size_t end = pos + kw.size();
        if (!type.with.empty()) {
          const std::size_t kw_end = end;
          std::size_t best = std::string::npos;
          for (const auto& w : type.with)
            if (const auto at = title.find(w, kw_end); at != std::string::npos && (best == std::string::npos || at < best)) {
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
