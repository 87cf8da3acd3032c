// Dictionaries and phrase rules: parsing errors, gap patterns, confusables with correct
// uses that stay silent, DOCX phrases split across runs and inside tracked insertions,
// suppression (config, text directives, Word comments), density, profile severities.
#include <gtest/gtest.h>

#include "count/counter.h"
#include "lint/kind.h"
#include "lint/linter.h"
#include "lint/phrase_set.h"
#include "phrases/dictionary.h"
#include "phrases/scan.h"
#include "readers/docx_reader.h"
#include "readers/text_reader.h"
#include "support/docx_package.h"
#include "support/cli_runner.h"

#include <fstream>

using namespace wenfeng;

namespace {

std::shared_ptr<const phrases::PhraseSet> shipped() {
  static auto set = [] {
    auto s = phrases::load_phrase_set(phrases::dictionaries_dir());
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return std::move(s).value();
  }();
  return set;
}

std::shared_ptr<const phrases::PhraseSet> from(const std::string& dict) {
  std::vector<phrases::Entry> entries;
  auto st = phrases::parse_dictionary(dict, "test.dict", entries);
  EXPECT_TRUE(st.ok()) << (st.ok() ? "" : st.error().message);
  return phrases::build_phrase_set(std::move(entries));
}

std::vector<std::string> found(const model::Document& d, const phrases::PhraseSet& set) {
  std::vector<std::string> out;
  for (const auto& h : phrases::find_hits(d, set))
    out.emplace_back(d.block_text(h.block).substr(h.begin, h.end - h.begin));
  return out;
}

model::Document text(const std::string& t) { return readers::build_text_document(t, "t.txt"); }

// The header every dictionary list starts with: its name, the rule it reports, the message.
const std::string kHead = "@list boilerplate\n@rule phrase.boilerplate\n@message 空话套话“{found}”\n";

TEST(Dictionary, ShippedListsAreLargeEnough) {
  const auto set = shipped();
  std::map<std::string, int> per_list;
  for (const auto& e : set->entries) {
    ++per_list[e.list];
    EXPECT_FALSE(e.source.empty()) << e.phrase;
  }
  EXPECT_GE(per_list["boilerplate"], 200);
  EXPECT_GE(per_list["banned"], 12);
  EXPECT_GE(per_list["confusable"], 15);
}

TEST(Dictionary, MalformedEntriesNameFileAndLine) {
  // kHead (a list, the rule that reports it and its message) is lines 1–3.
  const std::string bad[] = {
      "高度重视\n",                                                          // before @list
      kHead + "@source A = x\n@source A\n词 | colour=red\n",                // unknown attribute
      kHead + "@source A = x\n@source A\n词 | severity=fatal\n",
      kHead + "@source A = x\n@source A\n词 | next=([\n",                    // bad regex
      kHead + "词\n",                                                         // no source
      "@list boilerplate\n@rule nonsense.rule\n",                           // not a registered phrase rule
      "@list boilerplate\n@rule format.date\n",                             // a rule, but not dictionary-backed
      "@list boilerplate\n@source A = x\n@source A\n词\n",                  // no @rule / @message
      "@list boilerplate\n@rule phrase.boilerplate\n@message 无占位\n",       // message without {found}
      kHead + "@source A = x\n@source A\n在…\n",                            // empty part
      kHead + "@source A = x\n@source A\n以…为 | gap=0\n",
  };
  const int lines[] = {1, 6, 6, 6, 4, 2, 2, 4, 3, 6, 6};
  for (int i = 0; i < 11; ++i) {
    std::vector<phrases::Entry> entries;
    auto st = phrases::parse_dictionary(bad[i], "x.dict", entries);
    ASSERT_FALSE(st.ok()) << bad[i];
    EXPECT_EQ(st.error().where, "x.dict:" + std::to_string(lines[i])) << st.error().message;
  }
}

TEST(PhraseMatch, WhitespaceAndZeroWidthInsideAPhrase) {
  const auto set = from(kHead + "@source A = x\n@source A\n高度重视\n");
  EXPECT_EQ(found(text("要高度 重视。"), *set), std::vector<std::string>{"高度 重视"});
  EXPECT_EQ(found(text("要高\u200B度\u3000重视。"), *set).size(), 1u);
  // Never across paragraphs.
  EXPECT_TRUE(found(text("要高度\n重视。"), *set).empty());
}

TEST(PhraseMatch, GapPatternsBoundedAndInsideOneSentence) {
  const auto set = from(kHead + "@source A = x\n@source A\n在…的正确领导下 | gap=10\n");
  EXPECT_EQ(found(text("在县委的正确领导下，我们完成了任务。"), *set),
            std::vector<std::string>{"在县委的正确领导下"});
  EXPECT_EQ(found(text("在县委、县政府的正确领导下"), *set).size(), 1u);
  // Gap longer than 10 characters.
  EXPECT_TRUE(found(text("在一二三四五六七八九十十一的正确领导下"), *set).empty());
  // Not across a sentence end.
  EXPECT_TRUE(found(text("我在这里。上级的正确领导下"), *set).empty());
}

TEST(PhraseMatch, GapHoldsNoEarlierOccurrenceOfTheNextPart) {
  const auto set = from(kHead + "@source A = x\n@source A\n推动…再上新台阶 | gap=16\n再上新台阶\n高度重视\n");
  // The second 再上新台阶 is no 推动…再上新台阶 reaching back over the first (which would hide
  // the 高度重视 between them).
  EXPECT_EQ(found(text("推动工作再上新台阶，高度重视，确保再上新台阶。"), *set),
            (std::vector<std::string>{"推动工作再上新台阶", "高度重视", "再上新台阶"}));
  EXPECT_EQ(found(text("推动各项工作再上新台阶。"), *set), std::vector<std::string>{"推动各项工作再上新台阶"});
}

// A pattern written with full-width punctuation also matches a web copy's half-width marks
// (with or without a space after them), as the same entry with the same message, and the
// offsets are those of the text as it is.
TEST(PhraseMatch, HalfWidthPunctuationMatchesFullWidthPatterns) {
  const auto set = shipped();
  for (const char* t : {"下面，我讲三点意见。", "下面,我讲三点意见。", "下面, 我再强调几点意见。", "下面,  我讲三点意见。"}) {
    const auto d = text(t);
    const auto hits = phrases::find_hits(d, *set);
    ASSERT_EQ(hits.size(), 1u) << t;
    EXPECT_EQ(set->entries[hits[0].entry].phrase, "下面[，]我…(点|个方面的|个方面)(意见|要求|看法)") << t;
    const std::string_view tt = d.block_text(hits[0].block);
    EXPECT_EQ(tt.substr(hits[0].begin, hits[0].end - hits[0].begin), std::string_view(t).substr(0, tt.size() - 3)) << t;
  }
  // A key (the last part) holding marks: every mix of the two forms, one entry.
  const auto own = from(kHead + "@source A = x\n@source A\n成绩是肯定的，问题是存在的\n领导“高度”重视\n领导“亲自”过问（批示）\n");
  EXPECT_EQ(found(text("应当看到,成绩是肯定的, 问题是存在的。"), *own),
            std::vector<std::string>{"成绩是肯定的, 问题是存在的"});
  EXPECT_EQ(found(text("他说领导\"高度\"重视。"), *own), std::vector<std::string>{"领导\"高度\"重视"});
  EXPECT_EQ(found(text("他说领导“高度\"重视。"), *own), std::vector<std::string>{"领导“高度\"重视"});
  // Four marks: all full-width or all half-width, no mix.
  EXPECT_EQ(found(text("领导\"亲自\"过问(批示)。"), *own), std::vector<std::string>{"领导\"亲自\"过问(批示)"});
  EXPECT_TRUE(found(text("领导“亲自\"过问(批示)。"), *own).empty());
  // Other half-width marks are not taken for these: 成绩是肯定的.问题是存在的 is no match.
  EXPECT_TRUE(found(text("成绩是肯定的.问题是存在的"), *own).empty());
  const auto forms = phrases::punctuation_forms("甲，乙：丙");
  EXPECT_EQ(forms.size(), 4u);
  EXPECT_EQ(phrases::punctuation_forms("甲乙").size(), 1u);
  EXPECT_EQ(phrases::punctuation_forms("一，二，三，四，五").size(), 2u);
}

TEST(PhraseMatch, OverlapsKeepTheLongest) {
  const auto set = shipped();
  EXPECT_EQ(found(text("县长亲自过问此事。"), *set), std::vector<std::string>{"亲自过问"});
}

struct ConfusableCase {
  const char* text;
  bool flagged;
};

TEST(Confusables, WrongUsesFlaggedCorrectUsesSilent) {
  const auto set = shipped();
  const ConfusableCase cases[] = {
      {"截止11月底，全县完成投资3亿元。", true},
      {"截止到目前，已办结120件。", true},
      {"报名截止日期为12月1日。", false},
      {"申报工作于月底截止。", false},
      {"截至目前，已办结120件。", false},
      {"报名截至日期为12月1日。", true},
      {"严谨酒后驾车。", true},
      {"严谨在林区吸烟。", true},
      {"作风严谨细致。", false},
      {"严谨的工作态度。", false},
      {"严禁细致是我们的作风。", true},
      {"严禁酒后驾车。", false},
      {"群众向我们反应情况。", true},
      {"市场反应积极。", false},
      {"化学反应很快。", false},
      {"群众反映情况。", false},
      {"起用新系统后效率提高。", true},
      {"大胆起用年轻干部。", false},
      {"作出工作布署。", true},
      {"作出工作部署。", false},
      {"帮助企业度过难关。", true},
      {"度过了一个愉快的周末。", false},
      {"必需加强管理。", true},
      {"生活必需品供应充足。", false},
      {"既要抓发展，而且要保安全。", true},
      {"既要抓发展，又要保安全。", false},
      {"建设法制政府。", true},
      {"加强法制宣传教育。", false},
  };
  for (const auto& c : cases) {
    int n = 0;
    for (const auto& h : phrases::find_hits(text(c.text), *set))
      if (set->entries[h.entry].list == "confusable") ++n;
    EXPECT_EQ(n > 0, c.flagged) << c.text;
  }
}

TEST(Banned, ContextKeepsCorrectUsesSilent) {
  const auto set = shipped();
  auto banned = [&](const char* t) {
    int n = 0;
    for (const auto& h : phrases::find_hits(text(t), *set))
      if (set->entries[h.entry].list == "banned") ++n;
    return n;
  };
  EXPECT_EQ(banned("全县经济工作会议隆重召开。"), 1);
  EXPECT_EQ(banned("全国人民代表大会第二次会议隆重召开。"), 0);
  EXPECT_EQ(banned("警方抓获罪犯三名。"), 1);
  EXPECT_EQ(banned("该罪犯于2019年刑满释放。"), 0);
  EXPECT_EQ(banned("残废人就业得到保障。"), 1);
}

std::string r(const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; }

model::Document docx(const wenfeng::testing::DocxParts& parts) {
  auto bytes = wenfeng::testing::build_docx(parts);
  auto d = readers::read_docx(*bytes);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

TEST(PhraseDocx, SplitAcrossRunsAndInsideTrackedInsertions) {
  wenfeng::testing::DocxParts parts;
  parts.body = "<w:p>" + r("标题") + "</w:p><w:p>" + r("我们高") + "<w:proofErr w:type=\"spellStart\"/>" + r("度") +
               "<w:ins w:id=\"1\" w:author=\"a\">" + r("重") + "</w:ins>" +
               "<w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>不</w:delText></w:r></w:del>" + r("视安全。") +
               "</w:p>";
  const auto d = docx(parts);
  EXPECT_EQ(found(d, *shipped()), std::vector<std::string>{"高度重视"});
}

const profiles::Profile& loaded(const std::string& id) {
  static std::map<std::string, profiles::Profile> cache;
  auto it = cache.find(id);
  if (it == cache.end()) {
    auto p = profiles::load_profile(id);
    EXPECT_TRUE(p.ok());
    it = cache.emplace(id, std::move(p).value()).first;
  }
  return it->second;
}

lint::Report run(const model::Document& d, const profiles::Profile& p, std::vector<std::string> ignore = {}) {
  lint::Options o;
  o.phrases = shipped().get();
  o.ignore = std::move(ignore);
  return lint::lint_document(d, p, lint::choose_kind(d, p, std::nullopt, std::nullopt).value(), o);
}

lint::Report run(const model::Document& d, const std::string& profile_id, std::vector<std::string> ignore = {}) {
  return run(d, loaded(profile_id), std::move(ignore));
}

int count_rule(const lint::Report& r, const std::string& rule) {
  int n = 0;
  for (const auto& f : r.findings) n += f.rule_id() == rule;
  return n;
}

TEST(PhraseRules, SuppressedByConfigDirectivesAndWordComments) {
  const std::string body = "关于安全生产的通知\n各单位要高度重视安全生产，狠抓落实。\n";
  EXPECT_EQ(count_rule(run(text(body), "national"), "phrase.boilerplate"), 2);
  // .wenfeng.yaml ignore: a phrase, or a whole rule.
  EXPECT_EQ(count_rule(run(text(body), "national", {"高度重视"}), "phrase.boilerplate"), 1);
  EXPECT_EQ(count_rule(run(text(body), "national", {"phrase.boilerplate"}), "phrase.boilerplate"), 0);
  // Text directives: the next paragraph, or a range, optionally narrowed.
  EXPECT_EQ(count_rule(run(text("关于安全生产的通知\n# wenfeng-ignore\n各单位要高度重视安全生产，狠抓落实。\n"), "national"),
                       "phrase.boilerplate"),
            0);
  EXPECT_EQ(count_rule(run(text("关于安全生产的通知\n# wenfeng-ignore: 狠抓落实\n各单位要高度重视安全生产，狠抓落实。\n"),
                           "national"),
                       "phrase.boilerplate"),
            1);
  const auto ranged = text("关于安全生产的通知\n<!-- wenfeng-ignore-begin -->\n要高度重视。\n要狠抓落实。\n"
                           "<!-- wenfeng-ignore-end -->\n领导亲自过问。\n");
  const auto rr = run(ranged, "national");
  EXPECT_EQ(count_rule(rr, "phrase.boilerplate"), 1);
  // Directive lines are not counted.
  EXPECT_EQ(rr.m.counts.zishu, count::count_text("关于安全生产的通知要高度重视。要狠抓落实。领导亲自过问。").zishu);
  // A Word comment containing wenfeng-ignore over the phrase.
  wenfeng::testing::DocxParts parts;
  parts.body = "<w:p>" + r("关于安全生产的通知") + "</w:p><w:p>" + r("各单位要") +
               "<w:commentRangeStart w:id=\"5\"/>" + r("高度重视") + "<w:commentRangeEnd w:id=\"5\"/>" +
               r("安全生产，狠抓落实。") + "</w:p>";
  parts.comments = "<w:comment w:id=\"5\" w:author=\"编辑\"><w:p>" + r("wenfeng-ignore 此处为引用原文") + "</w:p></w:comment>";
  const auto dr = run(docx(parts), "national");
  ASSERT_EQ(count_rule(dr, "phrase.boilerplate"), 1);
  for (const auto& f : dr.findings) {
    if (f.rule_id() == "phrase.boilerplate") {
      EXPECT_NE(f.text().find("狠抓落实"), std::string::npos);
    }
  }
}

// Many directives, narrow and ranged, over findings of several rules (each rule's findings
// come in position order, the next rule's from the start again): every finding is judged by
// the suppressions open where it is, as if each were tested against all of them.
TEST(PhraseRules, ManyDirectivesSilenceExactlyWhatTheyCover) {
  std::string t = "关于安全生产的通知\n";
  for (int i = 0; i < 100; ++i) t += "# wenfeng-ignore: 狠抓落实\n各单位要高度重视安全生产,狠抓落实。\n";
  t += "<!-- wenfeng-ignore-begin -->\n";
  for (int i = 0; i < 50; ++i) t += "# wenfeng-ignore: 高度重视\n各单位要高度重视安全生产,狠抓落实。\n";
  t += "<!-- wenfeng-ignore-end -->\n";
  for (int i = 0; i < 30; ++i) t += "各单位要高度重视安全生产,狠抓落实。\n";
  const auto r = run(text(t), "national");
  EXPECT_EQ(count_rule(r, "phrase.boilerplate"), 100 + 0 + 60);
  EXPECT_EQ(count_rule(r, "punct.halfwidth"), 100 + 0 + 30);
}

TEST(PhraseRules, YichunMakesBoilerplateAnError) {
  const auto d = text("关于安全生产的通知\n各单位要高度重视安全生产。\n");
  const auto n = run(d, "national");
  const auto y = run(d, "yichun");
  for (const auto& f : n.findings) {
    if (f.rule_id() == "phrase.boilerplate") {
      EXPECT_EQ(f.severity, model::Severity::kWarning);
    }
  }
  ASSERT_EQ(count_rule(y, "phrase.boilerplate"), 1);
  for (const auto& f : y.findings) {
    if (f.rule_id() == "phrase.boilerplate") {
      EXPECT_EQ(f.severity, model::Severity::kError);
    }
  }
}

TEST(PhraseRules, FindingsCarryCategorySuggestionAndSource) {
  const auto rep = run(text("县委书记李明调研\n县委书记李明亲自到现场，作出工作布署。\n"), "national");
  bool banned = false, typo = false;
  for (const auto& f : rep.findings) {
    auto get = [&](const char* k) {
      for (const auto& [a, b] : f.data)
        if (a == k) return std::string(b);
      return std::string();
    };
    if (f.rule_id() == "phrase.banned") {
      banned = true;
      EXPECT_EQ(get("category"), "时政和社会生活");
      EXPECT_FALSE(get("suggestion").empty());
      EXPECT_NE(f.source->document.find("新华社"), std::string::npos);
    }
    if (f.rule_id() == "typo.confusable") {
      typo = true;
      EXPECT_EQ(get("suggestion"), "部署");
    }
  }
  EXPECT_TRUE(banned);
  EXPECT_TRUE(typo);
  // The Xinhua news rule on 亲自 does not apply to a 通知.
  EXPECT_EQ(count_rule(run(text("关于安全的通知\n主要负责同志要亲自研究。\n"), "national"), "phrase.banned"), 0);
}

TEST(PhraseRules, DensityNamesTheMostFrequentPhrases) {
  std::string t = "关于工作的通知\n";
  for (int i = 0; i < 20; ++i) t += "我们要高度重视，狠抓落实，切实加强领导，确保各项工作落到实处。\n";
  const auto rep = run(text(t), "national");
  ASSERT_EQ(count_rule(rep, "phrase.density"), 1);
  for (const auto& f : rep.findings)
    if (f.rule_id() == "phrase.density") {
      EXPECT_TRUE(f.document_level);
      EXPECT_NE(f.text().find("每千字"), std::string::npos);
      EXPECT_NE(f.text().find("“高度重视”×20"), std::string::npos) << f.text();
    }
  // A plain draft has no density finding.
  EXPECT_EQ(count_rule(run(text("关于工作的通知\n" + std::string(400, 'a') + "\n"), "national"), "phrase.density"), 0);
}

}  // namespace

namespace {

TEST(PhraseRules, ProfileChoosesListsSeveritiesAllowAndDensity) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/p.yaml") << "id: p\nextends: national\nphrases:\n  lists: {banned: off}\n"
                                    "  categories: {空泛表态: error}\n  allow: [狠抓落实]\n"
                                    "  density: {per_1000: 1, min_body: 10, severity: info}\n";
  auto p = profiles::load_profile(dir + "/p.yaml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto d = text("县委书记李明调研\n县委书记李明亲自到场，要求高度重视，狠抓落实。\n");
  const auto rep = run(d, *p);
  EXPECT_EQ(count_rule(rep, "phrase.banned"), 0);  // list off
  ASSERT_EQ(count_rule(rep, "phrase.boilerplate"), 1);  // 狠抓落实 allowed
  for (const auto& f : rep.findings) {
    if (f.rule_id() == "phrase.boilerplate") {
      EXPECT_EQ(f.severity, model::Severity::kError);
    } else if (f.rule_id() == "phrase.density") {
      EXPECT_EQ(f.severity, model::Severity::kInfo);
    }
  }
  EXPECT_EQ(count_rule(rep, "phrase.density"), 1);
  // A list the dictionaries do not declare stops the run, naming the profile's line.
  std::ofstream(dir + "/bad.yaml") << "id: b\nphrases:\n  lists: {gossip: on}\n";
  std::ofstream(dir + "/d.txt") << "关于工作的通知\n正文。\n";
  const auto r = wenfeng::testing::run_cli({"check", "--profile", dir + "/bad.yaml", dir + "/d.txt"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("bad.yaml:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("gossip"), std::string::npos) << r.err;
}

}  // namespace

namespace {

TEST(PhrasePattern, AlternationsOptionalPartsAndGaps) {
  auto v = phrases::expand_pattern("讲得[都](很|非常)好");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, (std::vector<std::string>{"讲得很好", "讲得都很好", "讲得都非常好", "讲得非常好"}));
  v = phrases::expand_pattern("下面[，]我…点(意见|要求)");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->size(), 4u);
  v = phrases::expand_pattern("抓(紧|实)抓(紧|实)[抓(紧|实)]");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(v->size(), 12u);
  EXPECT_FALSE(phrases::expand_pattern("讲得(很|非常好").ok());
  EXPECT_FALSE(phrases::expand_pattern("讲得很好)").ok());
  EXPECT_FALSE(phrases::expand_pattern("(一|二|三|四|五)(一|二|三|四|五)(一|二|三|四|五)(甲|乙)").ok());  // 250 variants
  // A regular-expression quantifier is no pattern syntax (取得(了)?成效 was the literal 取得了?成效,
  // an entry that never matched): an error saying how to write an optional part.
  for (const char* bad : {"取得(了)?(显著|明显)成效", "抓紧*", "高+度重视"}) {
    const auto q = phrases::expand_pattern(bad);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_NE(q.error().message.find("[甲]"), std::string::npos) << q.error().message;
  }
  v = phrases::expand_pattern("取得[了](显著|明显)成效");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, (std::vector<std::string>{"取得了明显成效", "取得了显著成效", "取得明显成效", "取得显著成效"}));
  // An entry matches each variant, and findings name the pattern and the variant.
  const auto set = from(kHead + "@source A = x\n@source A\n讲得[都](很|非常)好\n");
  EXPECT_EQ(found(text("他讲得都很好，她讲得非常好。"), *set), (std::vector<std::string>{"讲得都很好", "讲得非常好"}));
  // A bad pattern names the dictionary line.
  std::vector<phrases::Entry> entries;
  auto st = phrases::parse_dictionary(kHead + "@source A = x\n@source A\n讲得[都很好\n", "x.dict", entries);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().where, "x.dict:6");
}

TEST(PhraseMatch, MentionsAndCitedTitlesAreNotUses) {
  const auto set = shipped();
  EXPECT_TRUE(found(text("关于改进报道的规定\n新闻报道不用“隆重召开”“高度重视”等词语。"), *set).empty());
  EXPECT_TRUE(found(text("关于开展排查的通知\n根据《关于高度重视安全生产的通知》要求。"), *set).empty());
  EXPECT_EQ(found(text("关于开展排查的通知\n各单位要高度重视。"), *set), std::vector<std::string>{"高度重视"});
}

TEST(PhraseRules, ANewsOnlyEntryDoesNotHideTheGeneralOne) {
  const auto d = text("关于召开全县经济工作会议的通知\n全县经济工作会议将于1月10日隆重召开。\n");
  const auto r = run(d, "national");
  EXPECT_EQ(count_rule(r, "phrase.boilerplate"), 1);
  EXPECT_EQ(count_rule(r, "phrase.banned"), 0);
  // In a news report the Xinhua entry, for news, reports the same words once.
  const auto n = text("全县经济工作会议召开\n本报讯　1月10日，全县经济工作会议隆重召开。县长王建国出席会议。\n");
  const auto rn = run(n, "national");
  EXPECT_EQ(count_rule(rn, "phrase.banned"), 1);
  EXPECT_EQ(count_rule(rn, "phrase.boilerplate"), 0);
}

// The part a batch keeps per profile (lists, allow), then the kind and the folder's ignore
// list, gives the flags the one-pass computation gives.
TEST(PhraseProfiles, ProfilePartThenKindIsTheSameAsOnePass) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/q.yaml") << "id: q\nextends: national\nphrases:\n  lists: {banned: off}\n  allow: [狠抓落实]\n";
  auto p = profiles::load_profile(dir + "/q.yaml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  auto set = lint::phrase_set_for(shipped(), *p);
  ASSERT_TRUE(set.ok());
  const auto on = lint::profile_entries(**set, *p);
  int off = 0;
  for (const auto f : on) off += f == 0;
  EXPECT_GT(off, 0);  // the banned list and 狠抓落实
  for (const char* kind : {"unknown", "news.member-meeting", "document", "speech"})
    for (const std::vector<std::string>& ignore : {std::vector<std::string>{}, std::vector<std::string>{"空泛表态"}}) {
      const model::KindChoice k{kind, model::KindSource::kOption, ""};
      EXPECT_EQ(lint::active_entries(**set, *p, k, ignore, &on), lint::active_entries(**set, *p, k, ignore)) << kind;
    }
}

// A report with the profile's own phrase set, which its findings point into.
struct WithSet {
  std::shared_ptr<const phrases::PhraseSet> set;
  lint::Report report;
};

WithSet run_with_set(const model::Document& d, const profiles::Profile& p) {
  auto set = lint::phrase_set_for(shipped(), p);
  EXPECT_TRUE(set.ok()) << (set.ok() ? "" : set.error().message);
  lint::Options o;
  o.phrases = set->get();
  return {*set, lint::lint_document(d, p, lint::choose_kind(d, p, std::nullopt, std::nullopt).value(), o)};
}

TEST(PhraseProfiles, EntriesDictionariesRemovalsAndAllowances) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/own.dict") << kHead << "@source O = 本单位文风规定第三条\n@source O\n@category 本单位套话\n"
                                   << "大干快上 | suggest=写明进度\n";
  std::ofstream(dir + "/p.yaml") << "id: p\nextends: national\nsource: {issuer: 某县政府办公室, document: 文风规定}\n"
                                    "phrases:\n"
                                    "  entries:\n"
                                    "    - {phrase: '(层层|反复)开会', category: 会议套话, severity: error, suggest: 合并会议, part: 第二条}\n"
                                    "  dictionaries: [own.dict]\n"
                                    "  remove:\n"
                                    "    - {phrase: 高度重视, note: 本县文件中的固定说法, part: 第一条}\n"
                                    "  allow: [狠抓落实]\n";
  auto p = profiles::load_profile(dir + "/p.yaml");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto d = text("关于工作的通知\n各单位要高度重视，狠抓落实，不要层层开会，也不要大干快上。\n");
  const auto run = run_with_set(d, *p);
  const auto& r = run.report;
  std::vector<std::string> got;
  for (const auto& f : r.findings)
    if (f.rule_id() == "phrase.boilerplate") got.emplace_back(d.block_text(f.block).substr(f.offset, f.length));
  EXPECT_EQ(got, (std::vector<std::string>{"层层开会", "大干快上"}));
  for (const auto& f : r.findings) {
    if (f.rule_id() != "phrase.boilerplate") continue;
    if (f.text().find("层层开会") != std::string::npos) {
      EXPECT_EQ(f.severity, model::Severity::kError);
      EXPECT_EQ(f.source->issuer, "某县政府办公室");
      EXPECT_EQ(f.source->part, "第二条");
      EXPECT_NE(f.text().find("合并会议"), std::string::npos);
    } else {
      EXPECT_NE(f.source->document.find("本单位文风规定第三条"), std::string::npos);
    }
  }
  // Inherited: a profile extending p keeps p's entries and removals.
  std::ofstream(dir + "/child.yaml") << "id: child\nextends: ./p.yaml\n";
  auto c = profiles::load_profile(dir + "/child.yaml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(count_rule(run_with_set(d, *c).report, "phrase.boilerplate"), 2);
}

TEST(PhraseProfiles, ARemovalOrAnAttributeThatNamesNothingIsAnError) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/r.yaml") << "id: r\nphrases:\n  remove: [没有这个词]\n";
  auto p = profiles::load_profile(dir + "/r.yaml");
  ASSERT_TRUE(p.ok());
  auto set = lint::phrase_set_for(shipped(), *p);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().message.find("r.yaml:3:"), std::string::npos) << set.error().message;
  std::ofstream(dir + "/a.yaml") << "id: a\nphrases:\n  entries:\n    - {phrase: 词, severity: fatal}\n";
  auto pa = profiles::load_profile(dir + "/a.yaml");
  ASSERT_TRUE(pa.ok());
  auto sa = lint::phrase_set_for(shipped(), *pa);
  ASSERT_FALSE(sa.ok());
  EXPECT_NE(sa.error().message.find("a.yaml:4:"), std::string::npos) << sa.error().message;
  // The command line says so and checks no file.
  std::ofstream(dir + "/d.txt") << "关于工作的通知\n正文。\n";
  const auto cli = wenfeng::testing::run_cli({"check", "--profile", dir + "/r.yaml", dir + "/d.txt"});
  EXPECT_EQ(cli.status, 2);
  EXPECT_NE(cli.err.find("没有这个词"), std::string::npos) << cli.err;
}

TEST(PhraseProfiles, YichunsCampaignNameIsNotAStockPhrase) {
  const auto& y = loaded("yichun");
  auto set = lint::phrase_set_for(shipped(), y);
  ASSERT_TRUE(set.ok());
  for (const auto& e : (*set)->entries) EXPECT_NE(e.phrase, "求真务实");
  bool shipped_has = false;
  for (const auto& e : shipped()->entries) shipped_has |= e.phrase == "求真务实";
  EXPECT_TRUE(shipped_has);
  const auto r = run_with_set(text("关于开展活动的通知\n深入开展“求真务实”活动，坚持求真务实。\n"), y);
  EXPECT_EQ(count_rule(r.report, "phrase.boilerplate"), 0);
}

}  // namespace
