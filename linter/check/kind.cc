#include "check/kind.h"

#include <array>
#include <vector>

#include "text/charclass.h"
#include "text/utf8.h"

namespace wenfeng::check {
namespace {

// Finds `word` in `s` such that it is not immediately preceded by any of `not_after`
// (so 县长 does not match inside 副县长) and not followed by any of `not_before`.
bool find_word(std::string_view s, std::string_view word, std::initializer_list<std::string_view> not_after = {},
               std::initializer_list<std::string_view> not_before = {}) {
  for (std::size_t pos = s.find(word); pos != std::string_view::npos; pos = s.find(word, pos + 1)) {
    bool ok = true;
    for (auto a : not_after)
      if (pos >= a.size() && s.substr(pos - a.size(), a.size()) == a) ok = false;
    for (auto b : not_before)
      if (s.substr(pos + word.size(), b.size()) == b) ok = false;
    if (ok) return true;
  }
  return false;
}

std::string quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += "“" + w + "”";
  return out;
}

}  // namespace

KindChoice classify(const model::Document& doc, const profiles::Profile* profile) {
  KindChoice k;
  const int t = title_block(doc);
  const int l = lead_block(doc);
  const std::string title = t >= 0 ? std::string(doc.block_text(static_cast<std::size_t>(t))) : std::string();
  if (profile) {
    for (const auto& [id, kind] : profile->kinds)
      for (const auto& w : kind.title_keywords)
        if (title.find(w) != std::string::npos) return KindChoice{id, "classifier", "标题含“" + w + "”"};
  }
  const std::string lead = l >= 0 ? std::string(doc.block_text(static_cast<std::size_t>(l))) : std::string();
  const std::string both = title + "\n" + lead;

  // Documents and speeches are recognised by the title's ending.
  static const std::array<const char*, 16> kWenzhong = {"通知", "意见", "决定", "决议", "命令", "公报", "公告", "通告",
                                                        "通报", "报告", "请示", "批复", "议案", "函",   "纪要", "办法"};
  // The title without trailing punctuation (a stray "。" must not hide the 文种).
  std::string_view tv(title);
  for (std::string_view p : {"。", "，", "；", "：", ".", " ", "\xE3\x80\x80"})
    while (tv.size() >= p.size() && tv.substr(tv.size() - p.size()) == p) tv.remove_suffix(p.size());
  for (const char* w : kWenzhong) {
    const std::string_view ws(w);
    if (tv.size() >= ws.size() && tv.substr(tv.size() - ws.size()) == ws &&
        !(ws == "报告" && tv.find("调研") != std::string_view::npos)) {
      k.id = "document";
      k.source = "classifier";
      k.reason = "标题以文种“" + std::string(w) + "”结尾";
      return k;
    }
  }
  if (title.find("调研报告") != std::string::npos || title.find("调查报告") != std::string::npos) {
    k = {"report.research", "classifier", "标题含“调研报告”或“调查报告”"};
    return k;
  }

  // News: who × what, from the title and lead paragraph.
  std::vector<std::string> who_words, what_words;
  bool main_leader = false, member = false;
  struct WhoCue {
    const char* word;
    bool main;
  };
  static const WhoCue kWho[] = {
      {"县委书记", true}, {"市委书记", true}, {"区委书记", true}, {"主要负责同志", true}, {"主要领导", true},
      {"县委副书记", false}, {"县委常委", false}, {"常委", false}, {"副县长", false}, {"副市长", false},
      {"副区长", false}, {"常务副", false}, {"人大常委会主任", false}, {"政协主席", false}};
  auto note_word = [](std::vector<std::string>& words, const std::string& w) {
    // "常委" adds nothing after "县委常委".
    for (const auto& x : words)
      if (x.find(w) != std::string::npos) return;
    words.push_back(w);
  };
  for (const auto& c : kWho)
    if (both.find(c.word) != std::string::npos) {
      (c.main ? main_leader : member) = true;
      note_word(who_words, c.word);
    }
  for (const char* head : {"县长", "市长", "区长"})
    if (find_word(both, head, {"副"}, {"助理"})) {
      main_leader = true;
      note_word(who_words, head);
    }

  auto any = [&](std::initializer_list<const char*> words, const std::string& where) {
    for (const char* w : words)
      if (where.find(w) != std::string::npos) {
        what_words.emplace_back(w);
        return true;
      }
    return false;
  };
  std::string what;
  if (any({"转入常态", "恢复重建", "恢复生产", "善后工作进展", "总体进展"}, both)) what = "special-routine";
  else if (any({"抢险", "救灾", "事故", "突发", "火情", "险情", "汛情", "地震", "灾情"}, both)) what = "special-emergency";
  else if (any({"调研", "考察", "视察", "督导", "检查指导", "走访"}, both)) what = "research";
  else if (any({"会见", "接见", "会谈"}, both)) what = "visit";
  else if (any({"参观", "观看", "观摩", "展览", "演出", "文艺"}, both)) what = "exhibition";
  else if (any({"领导小组", "议事协调", "联席会议", "部门会议", "专题会"}, both)) what = "dept-meeting";
  else if (any({"会议", "大会", "座谈会", "推进会", "部署会", "出席", "召开"}, both)) what = "meeting";

  const std::string why = "标题和导语含" + quoted(who_words) + (what_words.empty() ? "" : quoted(what_words));
  if (what == "special-routine" || what == "special-emergency") {
    k = {"news." + what, "classifier", "标题和导语含" + quoted(what_words)};
    return k;
  }
  if (what.empty() || (!main_leader && !member)) {
    k.reason = what.empty() ? (who_words.empty() ? "标题和导语中没有可判断类型的词语"
                                                  : "只看出报道对象" + quoted(who_words) + "，看不出活动类型")
                            : "只看出活动类型" + quoted(what_words) + "，看不出报道对象";
    return k;
  }
  // A member is named beside a main leader in most reports of the main leader's activity.
  const std::string who = main_leader ? "main-leader" : "member";
  if (what == "dept-meeting") {
    k = {main_leader ? "news.main-leader-meeting" : "news.member-dept-meeting", "classifier", why};
    return k;
  }
  if (what == "exhibition" && main_leader) what = "meeting";
  if (what == "exhibition") {
    k = {"news.member-exhibition", "classifier", why};
    return k;
  }
  k = {"news." + who + "-" + what, "classifier", why};
  return k;
}

Result<KindChoice> choose_kind(const model::Document& doc, const profiles::Profile& profile,
                               const std::optional<std::string>& option, const std::optional<std::string>& config) {
  auto known = [&](const std::string& id) { return id == "unknown" || profile.kind(id) != nullptr; };
  if (option) {
    if (!known(*option))
      return make_error(ErrorCode::kUsage, "规范 " + profile.id + " 中没有类型 “" + *option +
                                               "”；用 wenfeng profiles " + profile.id + " 查看可用类型");
    return KindChoice{*option, "option", "由 --kind 指定"};
  }
  if (config) {
    if (!known(*config))
      return make_error(ErrorCode::kConfig, ".wenfeng.yaml 中的 kind “" + *config + "” 不是规范 " + profile.id + " 的类型");
    return KindChoice{*config, "config", "由 .wenfeng.yaml 指定"};
  }
  if (auto p = doc.property("custom:wenfeng.kind")) {
    if (known(*p)) return KindChoice{*p, "document", "文档自定义属性 wenfeng.kind"};
  }
  if (auto p = doc.property("core:category")) {
    if (profile.kind(*p)) return KindChoice{*p, "document", "文档属性“类别”（category）"};
  }
  if (auto p = doc.property("xml:kind")) {
    if (known(*p)) return KindChoice{*p, "document", "XML 中的类型属性"};
  }
  KindChoice k = classify(doc, &profile);
  if (k.id != "unknown" && !profile.kind(k.id)) k = KindChoice{"unknown", "none", k.reason};
  return k;
}

}  // namespace wenfeng::check
