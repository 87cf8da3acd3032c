// Unit tests of the lint module: the classifier and its reasons, body scope, bulletin
// items, the point where a limit is crossed, and limits too long for a hand-written sample
// (generated drafts: yichun's 40-minute speech, hubei's soft 3000, national's 5000).
#include <gtest/gtest.h>

#include "count/counter.h"
#include "lint/body.h"
#include "lint/kind.h"
#include "lint/linter.h"
#include "profiles/profile.h"
#include "readers/text_reader.h"

using namespace wenfeng;

namespace {

model::Document doc(const std::string& text) { return readers::build_text_document(text, "t.txt"); }

profiles::Profile profile(const std::string& id) {
  auto p = profiles::load_profile(id);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? std::move(p).value() : profiles::Profile{};
}

const profiles::Profile& national() {
  static const profiles::Profile p = profile("national");
  return p;
}

lint::TitleInfo title(const model::Document& d) { return lint::find_title(d, lint::title_endings(national())); }

model::KindChoice given(const std::string& id) { return {id, model::KindSource::kOption, "由 --kind 指定"}; }

// The kind and length rules alone (the generated drafts repeat sentences by construction).
lint::Options limits_only() {
  lint::Options o;
  o.only = {"length.", "duration.", "kind."};
  return o;
}

struct ClassifierCase {
  const char* text;
  const char* kind;
  const char* reason_part;
};

TEST(Classifier, WhoAndWhatFromTitleAndLead) {
  const ClassifierCase cases[] = {
      {"县委书记李明到石门乡调研\n正文。", "news.main-leader-research", "县委书记"},
      {"副县长王芳调研春耕生产\n正文。", "news.member-research", "副县长"},
      {"县长张华会见客商代表团\n正文。", "news.main-leader-visit", "会见"},
      {"县委常委、宣传部长刘伟会见来访记者\n正文。", "news.member-visit", "县委常委"},
      {"副县长王芳参观书画展\n正文。", "news.member-exhibition", "参观"},
      {"副县长王芳出席县防汛领导小组会议\n正文。", "news.member-dept-meeting", "领导小组"},
      {"县委书记李明出席全县经济工作会议\n正文。", "news.main-leader-meeting", "会议"},
      {"县长张华赶赴事故现场指挥救援\n正文。", "news.special-emergency", "事故"},
      {"汛后恢复重建转入常态\n正文。", "news.special-routine", "转入常态"},
      {"关于做好冬季防火工作的通知\n正文。", "document", "通知"},
      {"关于农村养老服务的调研报告\n正文。", "report.research", "调研报告"},
  };
  for (const auto& c : cases) {
    const auto k = lint::classify(doc(c.text), national());
    EXPECT_EQ(k.id, c.kind) << c.text;
    EXPECT_EQ(k.source, model::KindSource::kClassifier);
    EXPECT_NE(k.reason.find(c.reason_part), std::string::npos) << k.reason;
  }
}

TEST(Classifier, DeputyIsNotTheHead) {
  // 副县长 must not be read as 县长.
  const auto k = lint::classify(doc("副县长王芳调研学校建设\n正文。"), national());
  EXPECT_EQ(k.id, "news.member-research");
  EXPECT_EQ(k.reason.find("“县长”"), std::string::npos) << k.reason;
}

TEST(Classifier, LeadParagraphDecidesWhenTitleIsSilent) {
  const auto k = lint::classify(doc("石门乡茶产业提质增效\n本报讯 11月3日，县委书记李明到石门乡调研茶产业。"), national());
  EXPECT_EQ(k.id, "news.main-leader-research");
}

TEST(Classifier, UnknownSaysWhatWasMissing) {
  const auto k = lint::classify(doc("秋色正浓\n山里的枫叶红了。"), national());
  EXPECT_EQ(k.id, "unknown");
  EXPECT_FALSE(k.reason.empty());
}

TEST(Classifier, ProfileTitleKeywords) {
  const auto p = profile("daxing");
  const auto k = lint::classify(doc("大兴信息\n第1期"), p);
  EXPECT_EQ(k.id, "bulletin.daxing-info");
  EXPECT_NE(k.reason.find("大兴信息"), std::string::npos);
}

TEST(BodyScope, ExcludesTitleDatelineEditorNoteAndCaptions) {
  const auto d = doc("标题一行\n编者按：这是编者按。\n本报讯（记者 王晓 通讯员 陈立）正文第一段。\n图为施工现场。\n正文第二段。");
  const auto b = lint::body_of(d, profiles::BodyScope{}, title(d));
  // Counted: 正文第一段。(6) + 正文第二段。(6)
  EXPECT_EQ(b.counts.zishu, 12u);
  ASSERT_EQ(b.excluded.size(), 4u);
  EXPECT_NE(b.excluded[2].find("本报讯（记者 王晓 通讯员 陈立）"), std::string::npos);
  profiles::BodyScope keep;
  keep.exclude_title = keep.exclude_dateline = keep.exclude_editor_note = keep.exclude_captions = false;
  EXPECT_EQ(lint::body_of(d, keep, title(d)).counts.zishu, count::count_document(d, {}).zishu);
}

TEST(BodyScope, XinhuaStyleDateline) {
  const auto d = doc("标题\n新华社北京11月5日电（记者 张三）正文。");
  const auto b = lint::body_of(d, profiles::BodyScope{}, title(d));
  EXPECT_EQ(b.counts.zishu, 3u);
}

TEST(BodyScope, LocateFirstCharacterOverLimit) {
  const auto d = doc("标题\n一二三四五\n六七八九十");
  const auto b = lint::body_of(d, profiles::BodyScope{}, title(d));
  std::uint32_t block = 0, offset = 0;
  ASSERT_TRUE(lint::locate_unit(d, b.spans, "zishu", 7, block, offset));
  EXPECT_EQ(block, 2u);
  EXPECT_EQ(offset, std::string("六七").size());  // the 8th 字 is 八
  EXPECT_FALSE(lint::locate_unit(d, b.spans, "zishu", 10, block, offset));
  // A Latin run counts once: "ab cd" is two units.
  const auto d2 = doc("标题\nab cd");
  ASSERT_TRUE(lint::locate_unit(d2, lint::body_of(d2, {}, title(d2)).spans, "zishu", 1, block, offset));
  EXPECT_EQ(offset, 3u);
}

TEST(Items, SplitByPatternsWithResearchMarkers) {
  profiles::ItemSpec spec;
  spec.title_patterns = {"^【[^】]+】"};
  spec.title_regexes = {std::make_shared<const text::Regex>(std::move(text::Regex::compile("^【[^】]+】").value()))};
  spec.research_markers = {"调研"};
  const auto d = doc("大兴信息\n第1期\n【甲】\n一二三\n【关于乙的调研】\n四五\n六七");
  const auto items = lint::split_items(d, spec, title(d));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].counts.zishu, 3u);
  EXPECT_FALSE(items[0].research);
  EXPECT_TRUE(items[1].research);
  EXPECT_EQ(items[1].counts.zishu, 4u);
}

std::string repeat_paragraphs(const std::string& title, std::size_t approx_zishu) {
  // Ten different sentences, cycled; each about 30 字.
  const char* s[] = {"全市政务服务事项网上可办率稳步提高，群众办事更加便捷。", "各地要把高频事项纳入集成办理，减少群众跑腿次数。",
                     "基层服务站要配齐人员，做到有人办事、有处办事。", "数据共享要打通部门壁垒，能共享的材料一律不再提交。",
                     "窗口工作人员要改进作风，耐心细致解答群众咨询。", "对群众反映的问题要建立台账，明确时限逐项办结。",
                     "督查部门要定期通报办件情况，对推诿扯皮的严肃问责。", "要总结推广基层好做法，形成可复制的工作经验。",
                     "财政部门要保障服务站运行经费，解决实际困难。", "各级干部要深入一线，了解群众办事的堵点难点。"};
  std::string t = title + "\n";
  std::size_t n = 0, i = 0;
  while (n < approx_zishu) {
    t += std::string(s[i % 10]) + (i % 3 == 2 ? "\n" : "");
    n += 25;
    ++i;
  }
  return t + "\n";
}

TEST(Limits, YichunLeaderSpeechOverFortyMinutes) {
  const auto p = profile("yichun");
  const auto d = doc(repeat_paragraphs("在全市政务服务工作会议上的讲话", 9000));
  const auto r = lint::lint_document(d, p, given("speech.leader"), limits_only());
  ASSERT_FALSE(r.findings.empty()) << r.m.body_figure << " " << d.blocks.size();
  const auto& f = r.findings[0];
  EXPECT_EQ(f.rule_id(), "duration.speech");
  EXPECT_EQ(f.severity, model::Severity::kError);
  EXPECT_NE(f.text().find("超出上限 40 分钟"), std::string::npos) << f.text();
  EXPECT_NE(f.text().find("180–220 字/分钟"), std::string::npos);
  EXPECT_EQ(f.source->issuer, "宜春市人民政府办公室");
  // The same speech is within the main leader's 60 minutes.
  EXPECT_TRUE(lint::lint_document(d, p, given("speech.main-leader"), limits_only()).findings.empty());
}

TEST(Limits, HubeiSoftResearchLimitIsLabelled) {
  const auto p = profile("hubei");
  const auto d = doc(repeat_paragraphs("关于政务服务的调研报告", 3500));
  const auto r = lint::lint_document(d, p, lint::classify(d, p), limits_only());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].severity, model::Severity::kWarning);
  EXPECT_NE(r.findings[0].text().find("默认软上限 3000 字"), std::string::npos) << r.findings[0].text();
  EXPECT_NE(r.findings[0].text().find("没有给出字数"), std::string::npos);
}

TEST(Limits, NationalDocumentOverFiveThousand) {
  const auto& p = national();
  const auto d = doc(repeat_paragraphs("关于进一步优化政务服务的通知", 5600));
  const auto r = lint::lint_document(d, p, lint::classify(d, p), limits_only());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id(), "length.body");
  EXPECT_NE(r.findings[0].source->document.find("整治形式主义为基层减负若干规定"), std::string::npos);
}

TEST(Limits, ResearchItemOverFifteenHundred) {
  const auto p = profile("daxing");
  std::string t = "大兴信息\n第9期\n【关于政务服务的调研】\n";
  t += repeat_paragraphs("", 1600).substr(1);
  const auto d = doc(t);
  const auto r = lint::lint_document(d, p, given("bulletin.daxing-info"), limits_only());
  bool found = false;
  for (const auto& f : r.findings)
    if (f.rule_id() == "length.item") {
      found = true;
      EXPECT_NE(f.text().find("上限 1500 字"), std::string::npos) << f.text();
      EXPECT_NE(f.text().find("调研类信息"), std::string::npos);
    }
  EXPECT_TRUE(found);
}

TEST(Limits, RuleSwitchesInProfile) {
  auto p = profile("jinxiang");
  p.rules["length.body"].enabled = false;
  const auto d = doc(repeat_paragraphs("县委书记李明到石门乡调研", 900));
  const auto r = lint::lint_document(d, p, lint::classify(d, p), {});
  for (const auto& f : r.findings) EXPECT_NE(f.rule_id(), "length.body");
}

TEST(Duration, Format) {
  EXPECT_EQ(lint::format_duration(177), "2分57秒");
  EXPECT_EQ(lint::format_duration(120), "2分钟");
  EXPECT_EQ(lint::format_duration(6), "6秒");
}

}  // namespace
