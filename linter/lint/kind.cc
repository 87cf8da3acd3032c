#include "lint/kind.h"

#include <algorithm>
#include <vector>

#include "lint/body.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

namespace wenfeng::lint {
namespace {

using model::KindChoice;
using model::KindSource;

// Whether the cue's word occurs in `s` other than right after a `not_after` or right before
// a `not_before` string (so 县长 does not match inside 副县长).
// (find_seq, not string_view::find: the lead paragraph of a draft in one line is the whole
// draft, and find stops at every byte equal to a CJK word's common first byte.)
// Whether the cue's word at `pos` is the cue (not right after a not_after, before a not_before).
bool cue_at(std::string_view s, std::size_t pos, const profiles::Cue& cue) {
  for (const auto& a : cue.not_after)
    if (pos >= a.size() && s.substr(pos - a.size(), a.size()) == a) return false;
  for (const auto& b : cue.not_before)
    if (s.substr(pos + cue.word.size(), b.size()) == b) return false;
  return true;
}

bool occurs(std::string_view s, const profiles::Cue& cue) {
  for (std::size_t pos = text::find_seq(s, cue.word); pos != text::npos; pos = text::find_seq(s, cue.word, pos + 1))
    if (cue_at(s, pos, cue)) return true;
  return false;
}

// The clause before byte `pos`, back to the last ，。；！？ (at most 40 code points).
std::string_view clause_before(std::string_view s, std::size_t pos) {
  std::size_t from = pos, n = 0;
  while (from > 0 && n < 40) {
    std::size_t b;
    const char32_t ch = text::cp_before(s, from, b);
    if (std::u32string_view(U"，。；！？,;!?").find(ch) != std::u32string_view::npos) break;
    from = b;
    ++n;
  }
  return s.substr(from, pos - from);
}

// Whether the cue occurs other than negated or guarded against in its own clause: "全县未发生
// 生产安全事故", "严防各类事故发生", "确保不发生次生灾情" report no emergency.
bool occurs_unnegated(std::string_view s, const profiles::Cue& cue) {
  for (std::size_t pos = text::find_seq(s, cue.word); pos != text::npos; pos = text::find_seq(s, cue.word, pos + 1)) {
    if (!cue_at(s, pos, cue)) continue;
    const std::string_view clause = clause_before(s, pos);
    if (!text::contains_any(clause, {"未发生", "没有发生", "未出现", "没有出现", "不发生", "杜绝", "防范", "预防", "防止",
                                     "避免", "严防", "遏制", "无重大", "零事故"}))
      return true;
  }
  return false;
}

// Whether the cue occurs as what an organ does ("县教育和体育局召开…"), not where a meeting is
// held: no 在 in its clause before it ("…推进会在县政务服务中心召开").
bool convened_by(std::string_view s, const profiles::Cue& cue) {
  for (std::size_t pos = text::find_seq(s, cue.word); pos != text::npos; pos = text::find_seq(s, cue.word, pos + 1)) {
    if (!cue_at(s, pos, cue)) continue;
    if (text::find_seq(clause_before(s, pos), "在") == text::npos) return true;
  }
  return false;
}

// The sentences of `s` (to 。！？ or a line's end) in which a cue of `group` occurs, joined.
std::string sentences_naming(std::string_view s, const profiles::CueGroup& group) {
  std::string out;
  auto take = [&](std::string_view sentence) {
    if (std::any_of(group.cues.begin(), group.cues.end(), [&](const profiles::Cue& cue) { return occurs(sentence, cue); })) {
      out += sentence;
      out += '\n';
    }
  };
  std::size_t from = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t stop = 0;  // the stop's length in bytes at i, if one is there
    if (s[i] == '!' || s[i] == '?' || s[i] == '\n') stop = 1;
    else if (s.compare(i, 3, "。") == 0 || s.compare(i, 3, "！") == 0 || s.compare(i, 3, "？") == 0) stop = 3;
    if (stop == 0) {
      ++i;
      continue;
    }
    take(s.substr(from, i - from));
    i += stop;
    from = i;
  }
  if (from < s.size()) take(s.substr(from));
  return out;
}

std::string quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += "“" + w + "”";
  return out;
}

// The title without trailing punctuation or spaces (a stray "。" must not hide the 文种).
std::string_view trimmed_title(std::string_view t) {
  t = without_appended_doc_number(t);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view p : {"。", "，", "；", "：", ".", " ", "\xE3\x80\x80"})
      while (t.ends_with(p)) {
        t.remove_suffix(p.size());
        again = true;
      }
  }
  return t;
}

// A document by its title's ending, or nothing.
std::optional<KindChoice> by_document_title(std::string_view title, const profiles::Profile& p) {
  const auto& c = p.classifier;
  const std::string_view tv = trimmed_title(title);
  auto try_ending = [&](const std::string& w) -> std::optional<KindChoice> {
    if (!tv.ends_with(w)) return std::nullopt;
    for (const auto& e : c.document_exceptions)
      if (e.ending == w && tv.find(e.title_has) != std::string_view::npos) return std::nullopt;
    return KindChoice{c.document_kind, KindSource::kClassifier, "标题以文种“" + w + "”结尾"};
  };
  for (const auto& w : p.vocabulary.wenzhong)
    if (auto k = try_ending(w)) return k;
  for (const auto& w : c.document_endings)
    if (auto k = try_ending(w)) return k;
  return std::nullopt;
}

// What may follow the keyword at the end of a speech's title: nothing, 稿/提纲, a bracketed
// note ("（摘要）", "（2024年3月18日）").
bool speech_title_end(std::string_view rest) {
  for (std::string_view p : {"稿", "提纲", "要点"})
    if (rest.starts_with(p)) rest.remove_prefix(p.size());
  // A "——" subtitle ("政府工作报告——2024年1月10日在…会议上").
  if (rest.empty() || rest.starts_with("——")) return true;
  return (rest.starts_with("（") || rest.starts_with("(")) && (rest.ends_with("）") || rest.ends_with(")"));
}

// The lines under a speech's title that name its speaker: short, no sentence punctuation
// ("市长 李国强", "副市长　高振华", "（2024年5月6日）"), before the salutation "同志们：".
std::string byline_of(const model::Document& doc, const TitleInfo& t) {
  std::string out;
  // Lines the title finder already took for the speaker's ("县长　李国强" over "同志们：").
  for (const std::uint32_t b : t.bylines) out += std::string(doc.block_text(b)) + "\n";
  if (!out.empty() || t.lead < 0) return out;
  for (std::size_t i = static_cast<std::size_t>(t.lead), seen = 0; i < doc.blocks.size() && seen < 3; ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != model::Story::kMain || b.directive) continue;
    const std::string_view x = doc.block_text(b);
    if (text::is_blank(x)) continue;
    ++seen;
    if (text::codepoint_count(x) > 30 || x.find("。") != std::string_view::npos ||
        x.find("，") != std::string_view::npos || x.find("：") != std::string_view::npos)
      break;
    out += std::string(x) + "\n";
  }
  return out;
}

// The first cue group (in priority order) with a word in `s`, and only that group's words.
std::string who_of(const std::vector<profiles::CueGroup>& groups, std::string_view s, std::vector<std::string>& words) {
  for (const auto& g : groups) {
    for (const auto& cue : g.cues)
      if (occurs(s, cue)) {
        // "常委" adds nothing after "县委常委".
        if (std::none_of(words.begin(), words.end(), [&](const std::string& x) { return x.find(cue.word) != std::string::npos; }))
          words.push_back(cue.word);
      }
    if (!words.empty()) return g.id;
  }
  return {};
}

// Whether the title is a publication's masthead for `name` (《大兴信息》, 大兴信息（第21期）,
// 区政府办公室《应急工作》第3期): the name with nothing but an issue number, a 增刊/专报 tag or
// an issuer before it. "全区防汛应急工作会议召开" names no publication.
bool masthead(std::string_view title, std::string_view name, std::size_t pos) {
  std::string_view before = title.substr(0, pos), after = title.substr(pos + name.size());
  if (before.ends_with("《")) before.remove_suffix(std::string_view("《").size());
  if (after.starts_with("》")) after.remove_prefix(std::string_view("》").size());
  before = trimmed_title(before);
  static const text::Regex issue = std::move(
      text::Regex::compile("^(?:\\s|[（(]?\\s*(?:[0-9０-９]{4}\\s*年)?\\s*(?:第\\s*)?[0-9０-９一二三四五六七八九十〇]{1,4}\\s*期\\s*[）)]?"
                           "|[（(]?(?:增刊|专刊|特刊|专报|专辑|合刊)[）)]?|[（(][^）)]{0,16}[）)])*$")
          .value());
  text::Match m;
  if (!issue.search(after, m)) return false;
  // Before the name: nothing, the issuer, or the subject of a generic name (机关作风建设简报).
  if (before.empty() || is_issuer_line(before)) return true;
  return text::codepoint_count(before) <= 16 && before.find("关于") == std::string_view::npos &&
         !text::contains_any(before, {"。", "，", "：", "、", "；", "召开", "举行"});
}

// Where a speech's salutation ("同志们：", "各位领导、同志们：") begins in a draft's first text,
// or npos: at its start, or right after a speech's title run into the text by a web copy
// ("…座谈会上的讲话同志们:今天…"). A news story never addresses its readers so.
std::size_t salutation_at(std::string_view lead) {
  const std::string_view head = lead.substr(0, std::min<std::size_t>(lead.size(), 600));
  for (std::string_view w : {"同志们：", "同志们:", "同志们，朋友们：", "同志们、朋友们：", "各位代表：", "各位委员："}) {
    const std::size_t pos = text::find_seq(head, w);
    if (pos == text::npos) continue;
    std::string_view before = lead.substr(0, pos);
    while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
    if (before.empty() || trimmed_title(before).empty()) return pos;
    // Other addressees first: "各位领导、同志们：" (short, a list).
    if (text::codepoint_count(before) <= 16 && (before.ends_with("、") || before.ends_with("，")) &&
        before.find("。") == std::string_view::npos)
      return 0;
    for (std::string_view end : {"讲话", "讲话稿", "发言", "致辞", "）", ")"})
      if (before.ends_with(end)) return pos;
  }
  return text::npos;
}

// The organ a 主送机关 line ends with ("…，市级各部门：" -> "各部门"), or empty when the line is
// none: short, no sentence, a colon at the end, after organs listed (or one 各…).
std::string_view addressee_organ(std::string_view raw) {
  std::string_view t = raw;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r')) t.remove_suffix(1);
  if (t.ends_with(":")) t.remove_suffix(1);
  else if (t.ends_with("：")) t.remove_suffix(3);
  else return {};
  if (text::codepoint_count(t) > 80 || text::contains_any(t, {"。", "；", ";", "：", ":"})) return {};
  const bool listed = text::contains_any(t, {"，", ",", "、"}) || t.starts_with("各");
  if (!listed) return {};
  for (std::string_view organ : {"人民政府", "委员会", "各部门", "各单位", "有关单位", "直属机构", "管委会", "办事处", "各乡镇",
                                 "党组", "党委", "各街道"})
    if (t.ends_with(organ)) return organ;
  return {};
}


// What before a leader's title makes it a township's or a village's post: "羊山镇党委书记",
// "村党支部书记", "驻村第一书记", "镇人大主席", "乡武装部长" (each also with 副: "镇党委副书记").
constexpr std::string_view kLocalSecretary[] = {"镇党委", "乡党委", "镇委", "乡委", "党工委", "党支部", "党总支",
                                                 "村党委", "社区党委", "党组织", "第一", "镇纪委", "乡纪委"};

bool local_post(std::string_view s, std::size_t pos, std::string_view word) {
  std::string_view before = s.substr(0, pos);
  if (before.ends_with("副")) before.remove_suffix(std::string_view("副").size());
  if (word == "书记")
    return std::any_of(std::begin(kLocalSecretary), std::end(kLocalSecretary), [&](std::string_view w) { return before.ends_with(w); });
  if (word == "主席") return before.ends_with("镇人大") || before.ends_with("乡人大");
  if (word == "部长") return before.ends_with("镇武装") || before.ends_with("乡武装") || before.ends_with("街道武装");
  return false;
}

// Whether `x` names a leader above a township (书记, 常委, 县长 …, 部长, 主席, of any issuer);
// the township and village posts seen instead ("镇党委书记") are added to `local`.
bool names_county_leader(std::string_view x, std::vector<std::string>& local) {
  bool found = false;
  for (std::string_view w : {"书记", "常委", "县长", "市长", "区长", "省长", "州长", "部长", "主席"})
    for (std::size_t pos = text::find_seq(x, w); pos != text::npos; pos = text::find_seq(x, w, pos + 1)) {
      if (!local_post(x, pos, w)) {
        found = true;
        continue;
      }
      // The post as written: its organ's last characters and the title ("镇党委书记").
      std::size_t from = pos;
      for (int n = 0; n < 6 && from > 0; ++n) {
        std::size_t b;
        const char32_t ch = text::cp_before(x, from, b);
        if (ch < 0x4E00 || ch > 0x9FFF) break;
        from = b;
        const std::string_view took = x.substr(from, pos - from);
        if (took.starts_with("镇") || took.starts_with("乡") || took.starts_with("村") || took.starts_with("驻") ||
            took.starts_with("社区") || took.starts_with("街道"))
          break;
      }
      std::string post(x.substr(from, pos + w.size() - from));
      if (std::find(local.begin(), local.end(), post) == local.end()) local.push_back(std::move(post));
    }
  return found;
}

}  // namespace

KindChoice classify(const model::Document& doc, const profiles::Profile& profile) {
  return classify(doc, profile, find_title(doc, title_endings(profile)));
}

// The last occurrence of `w` in `t`, as t.rfind(w), found with find_seq (libstdc++'s rfind
// compares at every offset from the end: a memcmp call each, for each title keyword).
static std::size_t rfind_seq(std::string_view t, std::string_view w) {
  std::size_t last = text::npos;
  for (std::size_t p = text::find_seq(t, w); p != text::npos; p = text::find_seq(t, w, p + 1)) last = p;
  return last;
}

KindChoice classify(const model::Document& doc, const profiles::Profile& profile, const TitleInfo& ti) {
  const std::string title_str = title_text(doc, ti);
  const std::string_view title = title_str;
  const auto& c = profile.classifier;
  const std::optional<KindChoice> as_document = by_document_title(title, profile);
  // Issuer publications and speeches named in the title (《大兴信息》, …讲话) — unless the title
  // ends with a 文种 after the word ("关于印发…讲话的通知" is a document, "…工作报告" a report).
  for (const auto& [id, kind] : profile.kinds)
    for (const auto& w : kind.title_keywords) {
      const auto pos = rfind_seq(title, w);
      if (pos == std::string_view::npos) continue;
      if (as_document && pos + w.size() < trimmed_title(title).size()) continue;
      // A publication (《大兴信息》, 《应急工作》) decides the kind only as the masthead.
      if ((id.rfind("bulletin", 0) == 0 || id.rfind("report", 0) == 0) && !masthead(title, w, pos)) continue;
      // A speech's title ends with the word ("…会议上的讲话", "…讲话稿"); a news title that
      // says someone 发表讲话, 作重要讲话 or 出席…并讲话 is news.
      if (id.rfind("speech", 0) == 0) {
        const std::string_view before = title.substr(0, pos);
        if (!speech_title_end(trimmed_title(title).substr(pos + w.size())) || before.ends_with("发表") ||
            before.ends_with("作") || before.ends_with("并") || before.ends_with("重要"))
          continue;
      }
      KindChoice k{id, KindSource::kClassifier, "标题含“" + w + "”"};
      if (id != "speech" || c.speech.empty()) return k;
      // A speech: who gives it, from the title and the byline under it.
      std::vector<std::string> words;
      const std::string byline = byline_of(doc, ti);
      const std::string who = who_of(c.who, std::string(title) + "\n" + byline, words);
      for (const auto& r : c.speech)
        if (r.who == who) {
          std::string where = byline.empty() || std::string(title).find(words.front()) != std::string::npos ? "标题" : "署名";
          return {r.kind, KindSource::kClassifier, k.reason + "，" + where + "含" + quoted(words)};
        }
      return k;
    }
  if (as_document) return *as_document;
  // No title says so, but the text opens with a speech's salutation: a speech, its speaker
  // read from the title (or the words run in before the salutation) and the byline.
  const std::string_view opening = ti.lead >= 0 ? doc.block_text(static_cast<std::size_t>(ti.lead)) : std::string_view{};
  if (const std::size_t pos = salutation_at(opening); pos != text::npos && profile.kind("speech") != nullptr) {
    const std::string head = ti.first >= 0 ? std::string(title) : std::string(opening.substr(0, pos));
    const std::string_view sal = trimmed_title(opening.substr(pos, std::min<std::size_t>(opening.size() - pos, 40)));
    const std::string said(sal.substr(0, std::min(sal.find("："), sal.find(":"))));
    KindChoice k{"speech", KindSource::kClassifier, "正文以称呼“" + said + "”开头"};
    if (c.speech.empty()) return k;
    std::vector<std::string> words;
    const std::string who = who_of(c.who, head + "\n" + byline_of(doc, ti), words);
    for (const auto& r : c.speech)
      if (r.who == who && !words.empty()) return {r.kind, KindSource::kClassifier, k.reason + "，讲话人含" + quoted(words)};
    return k;
  }
  // No title, and the text opens with its 主送机关 ("各乡镇人民政府，县直各单位："): only a 公文
  // addresses organs so (a speech opens with "同志们：", a letter to people with "各位代表：").
  if (title.empty() && ti.lead >= 0) {
    const std::string_view first = doc.block_text(static_cast<std::size_t>(ti.lead));
    if (const auto at = addressee_organ(first); !at.empty())
      return {c.document_kind, KindSource::kClassifier, "首段是主送机关（“" + std::string(at) + "”）"};
  }
  for (const auto& r : c.title_rules) {
    std::vector<std::string> found;
    for (const auto& w : r.title_has)
      if (text::find_seq(title, w) != text::npos) found.push_back(w);
    if (!found.empty()) {
      // The words the title has, not every word the rule could have used.
      std::string why;
      for (std::size_t i = 0; i < found.size(); ++i) why += (i == 0 ? "“" : "”“") + found[i];
      return {r.kind, KindSource::kClassifier, "标题含" + why + "”"};
    }
  }

  // News: who × what, from the title, else the lead paragraph (a lead that mentions the
  // county head's instructions does not make a deputy's report the head's).
  // A lead is read to its first 2,000 code points: far more than any news lead or a whole
  // 800-字 story typed as one paragraph, and it keeps the classifier's cost bounded when a
  // draft is one huge paragraph (its cue scans are per sentence and per cue).
  std::string lead;
  if (ti.lead >= 0) {
    const std::string_view x = doc.block_text(static_cast<std::size_t>(ti.lead));
    lead = std::string(x.substr(0, text::step_forward(x, 0, 2000)));
  }
  // A headline's second line (副题 "张某讲话 李某王某出席", no sentence in it) is no lead: the
  // paragraph after it is read with it.
  if (ti.first >= 0 && !lead.empty() && lead.find("。") == std::string::npos && text::codepoint_count(lead) <= 60)
    for (std::size_t i = static_cast<std::size_t>(ti.lead) + 1; i < doc.blocks.size(); ++i) {
      const auto& b = doc.blocks[i];
      if (b.story != model::Story::kMain || b.directive || text::is_blank(doc.block_text(b))) continue;
      lead += "\n";
      lead += doc.block_text(b);
      break;
    }
  std::vector<std::string> who_words, what_words;
  std::string who = who_of(c.who, title, who_words);
  std::string where_said = "标题和导语";
  if (who.empty()) {
    who = who_of(c.who, lead, who_words);
    // A lead that only sets the scene ("3月12日上午，全县春季义务植树活动在金乡湖湿地公园启动。")
    // leaves the leader to the next paragraph ("县委常委、副县长赵某出席启动仪式"): the two
    // paragraphs after it are read with it (their first 200 code points), as for a story with
    // no leader at all.
    if (who.empty() && ti.lead >= 0) {
      std::string more;
      int seen = 0;
      for (std::size_t b = static_cast<std::size_t>(ti.lead) + 1; b < doc.blocks.size() && seen < 2; ++b) {
        const std::string_view x = doc.block_text(b);
        if (doc.blocks[b].story != model::Story::kMain || doc.blocks[b].directive || text::is_blank(x)) continue;
        ++seen;
        if (lead.find(x) != std::string::npos) continue;  // the headline's second line took it already
        more += "\n";
        more += x.substr(0, text::step_forward(x, 0, 200));
      }
      if (!more.empty() && !(who = who_of(c.who, more, who_words)).empty()) {
        lead += more;
        where_said = "标题和开头三段";
      }
    }
  } else {
    // The lead's words of the same group, for the reason.
    for (const auto& g : c.who)
      if (g.id == who)
        for (const auto& cue : g.cues)
          if (occurs(lead, cue) && std::none_of(who_words.begin(), who_words.end(), [&](const std::string& x) {
                return x.find(cue.word) != std::string::npos;
              }))
            who_words.push_back(cue.word);
  }
  // What the reported leader does is said in the sentences that name them: "县长主持召开…调度
  // 会议。…县督导组成员参加会议" is a meeting, "市督导组莅临督导。县委常委…出席汇报会" the
  // member's meeting. The whole lead decides only when the title and those sentences say nothing.
  std::string own;
  if (!who.empty() && !lead.empty())
    for (const auto& g : c.who)
      if (g.id == who) own = sentences_naming(lead, g);
  std::string what;
  for (const std::string_view where : {title, std::string_view(own), std::string_view(lead)}) {
    for (const auto& g : c.what) {
      for (const auto& cue : g.cues)
        if (g.id == "special-emergency" ? occurs_unnegated(where, cue) : occurs(where, cue)) {
          what = g.id;
          what_words.push_back(cue.word);
          break;
        }
      if (!what.empty()) break;
    }
    if (!what.empty()) break;
  }
  // A meeting the title names only as a meeting ("全县教育系统安全工作会议召开") is the
  // department's own when the lead says a department convened it ("县教育和体育局召开…"):
  // the convening cues of the dept-meeting group (…召开, …举办, …举行) refine it; its other
  // words (县直部门 in "县直部门负责同志参加会议") say nothing of who convened it, nor does a
  // place ("在县政务服务中心召开").
  if (what == "meeting" && !lead.empty())
    for (const auto& g : c.what) {
      if (g.id != "dept-meeting") continue;
      for (const auto& cue : g.cues) {
        const std::string_view w = cue.word;
        if (!(w.ends_with("召开") || w.ends_with("举办") || w.ends_with("举行")) || !convened_by(lead, cue)) continue;
        what = g.id;
        what_words.push_back(cue.word);
        break;
      }
    }

  KindChoice k;
  for (const auto& r : c.news) {
    if (r.what != what || (!r.who.empty() && r.who != who)) continue;
    // A rule that holds whoever is reported is decided by what alone.
    const std::string why = r.who.empty() ? where_said + "含" + quoted(what_words)
                                          : where_said + "含" + quoted(who_words) + quoted(what_words);
    return {r.kind, KindSource::kClassifier, why};
  }

  // A news story naming no leader in its title and lead (a town's, a department's own work):
  // a 电头, a reporter's byline or a lead opening with the day's date ("5月5日，", "近日，")
  // says it is news, and no issuer sets a length for it. Saying so is more use than
  // "unknown". Any leader's title, of this issuer's or not (书记, 常委, 县长 …, 部长, 主席),
  // keeps it unknown: which limit applies cannot be told.
  static constexpr std::string_view kRecently[] = {"近日，", "近日,", "日前，", "日前,"};
  // Openers that set a time without a date ("连日来，", "今年以来，", "近期", "眼下"): in a
  // 公文 or a bulletin item as often as in news, so news only with a reporter in the lead or
  // the two paragraphs after it ("记者从县农业农村局获悉", "本报记者"), which neither has.
  static constexpr std::string_view kLately[] = {"近日", "日前", "连日来", "眼下", "近期", "今年以来"};
  static constexpr std::string_view kReporter[] = {"本报记者", "记者从", "记者了解到", "记者获悉", "记者看到", "记者注意到"};
  auto reporter_near_top = [&]() -> std::string {
    auto in = [&](std::string_view x) -> std::string {
      x = x.substr(0, text::step_forward(x, 0, 200));
      for (const auto w : kReporter)
        if (text::find_seq(x, w) != text::npos) return std::string(w);
      return {};
    };
    if (std::string w = in(lead); !w.empty()) return w;
    if (ti.lead < 0) return {};
    int seen = 0;
    for (std::size_t b = static_cast<std::size_t>(ti.lead) + 1; b < doc.blocks.size() && seen < 2; ++b) {
      const std::string_view x = doc.block_text(b);
      if (doc.blocks[b].story != model::Story::kMain || text::is_blank(x)) continue;
      ++seen;
      if (std::string w = in(x); !w.empty()) return w;
    }
    return {};
  };
  // Township and village officials a story quotes (乡党委书记, 镇人大主席, 村党支部书记) are no
  // leaders whose limit is in question: they are kept for the reason.
  std::vector<std::string> local_words;
  auto names_leader = [&](std::string_view x) { return names_county_leader(x, local_words); };
  // The lead and the two paragraphs after it: a story often names who attended in its second
  // paragraph ("省长吴新雄出席会议并讲话").
  auto names_leader_near_top = [&] {
    if (names_leader(title) || names_leader(lead)) return true;
    if (ti.lead < 0) return false;
    int seen = 0;
    for (std::size_t b = static_cast<std::size_t>(ti.lead) + 1; b < doc.blocks.size() && seen < 2; ++b) {
      const std::string_view x = doc.block_text(b);
      if (doc.blocks[b].story != model::Story::kMain || text::is_blank(x)) continue;
      ++seen;
      if (names_leader(x.substr(0, text::step_forward(x, 0, 200)))) return true;
    }
    return false;
  };
  if (who.empty() && profile.kind("news") != nullptr && !names_leader_near_top()) {
    const std::string_view l = trimmed_line(lead);
    std::string sign;
    if (const std::size_t e = dateline_end(l); e > 0) {
      sign = "有电头“" + std::string(trimmed_title(l.substr(0, e))) + "”";
    } else if (!ti.bylines.empty()) {
      const std::string_view by = trimmed_line(doc.block_text(ti.bylines.front()));
      sign = "有署名行“" + std::string(by.substr(0, text::step_forward(by, 0, 24))) + "”";
    } else if (opens_with_date(l) ||
               std::any_of(std::begin(kRecently), std::end(kRecently), [&](std::string_view w) { return l.starts_with(w); })) {
      // The date as the lead writes it, to its first comma ("5月28日上午").
      std::size_t end = std::min(text::find_seq(l, "，"), text::find_seq(l, ","));
      if (end == text::npos) end = l.size();
      const std::string_view date = l.substr(0, std::min(end, text::step_forward(l, 0, 16)));
      sign = "导语以日期“" + std::string(date) + "”开头";
    } else if (const auto it = std::find_if(std::begin(kLately), std::end(kLately),
                                            [&](std::string_view w) { return l.starts_with(w); });
               it != std::end(kLately)) {
      if (const std::string w = reporter_near_top(); !w.empty())
        sign = "导语以“" + std::string(*it) + "”开头并有“" + w + "”";
    }
    if (!sign.empty())
      return {"news", KindSource::kClassifier,
              sign + (what.empty() ? "" : "，活动类型" + quoted(what_words)) + "，标题和开头三段没有领导同志" +
                  (local_words.empty() ? "" : "（" + quoted(local_words) + "是乡镇、村干部）")};
  }
  k.reason = what.empty() ? (who_words.empty() ? "标题和导语中没有可判断类型的词语"
                                                : "只看出报道对象" + quoted(who_words) + "，看不出活动类型")
                          : "只看出活动类型" + quoted(what_words) + "，看不出报道对象";
  return k;
}

Result<KindChoice> choose_kind(const model::Document& doc, const profiles::Profile& profile,
                               const std::optional<std::string>& option, const std::optional<std::string>& config,
                               const TitleInfo* title) {
  auto known = [&](const std::string& id) { return id == "unknown" || profile.kind(id) != nullptr; };
  if (option) {
    if (!known(*option))
      return make_error(ErrorCode::kUsage, "规范 " + profile.id + " 中没有类型 “" + *option +
                                               "”；用 wenfeng profiles " + profile.id + " 查看可用类型");
    return KindChoice{*option, KindSource::kOption, "由 --kind 指定"};
  }
  if (config) {
    if (!known(*config))
      return make_error(ErrorCode::kConfig, ".wenfeng.yaml 中的 kind “" + *config + "” 不是规范 " + profile.id + " 的类型");
    return KindChoice{*config, KindSource::kConfig, "由 .wenfeng.yaml 指定"};
  }
  if (auto p = doc.property("custom:wenfeng.kind"); p && known(*p))
    return KindChoice{*p, KindSource::kDocument, "文档自定义属性 wenfeng.kind"};
  if (auto p = doc.property("core:category"); p && profile.kind(*p))
    return KindChoice{*p, KindSource::kDocument, "文档属性“类别”（category）"};
  if (auto p = doc.property("xml:kind"); p && known(*p))
    return KindChoice{*p, KindSource::kDocument, "XML 中的类型属性"};
  KindChoice k = title ? classify(doc, profile, *title) : classify(doc, profile);
  if (k.id != "unknown" && !profile.kind(k.id)) k = KindChoice{"unknown", KindSource::kNone, k.reason};
  return k;
}

}  // namespace wenfeng::lint
