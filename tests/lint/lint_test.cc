// Unit tests of the lint module: the classifier and its reasons, body scope, bulletin
// items, the point where a limit is crossed, and limits too long for a hand-written sample
// (generated drafts: yichun's 40-minute speech, hubei's soft 3000, national's 5000).
#include <gtest/gtest.h>

#include "count/counter.h"
#include "lint/body.h"
#include "lint/kind.h"
#include "lint/linter.h"
#include "phrases/dictionary.h"
#include "profiles/profile.h"
#include "readers/docx_reader.h"
#include "readers/text_reader.h"
#include "support/docx_package.h"
#include "text/charclass.h"
#include "text/regex.h"
#include "text/scan.h"
#include "text/utf8.h"

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

// The lead is read to its first 2,000 code points: a story typed as one huge paragraph is
// classified from its opening, and a leader first named far beyond it does not decide.
TEST(Classifier, LeadIsReadToItsFirstTwoThousandCodePoints) {
  std::string filler;
  for (int i = 0; i < 20000; ++i) filler += "各单位要抓好落实。";
  {
    const auto k = lint::classify(doc("8月2日，县长周某主持召开全县防汛工作调度会议。" + filler + "\n"), national());
    EXPECT_EQ(k.id, "news.main-leader-meeting") << k.reason;
  }
  {
    const auto k = lint::classify(doc("8月2日，全县防汛工作调度会议召开。" + filler + "县长周某主持召开会议。\n"), national());
    EXPECT_NE(k.id, "news.main-leader-meeting") << k.reason;
  }
}

// What the reported leader does is read from the sentences that name them: a 督导组 named
// elsewhere in the lead (the county's own teams at the head's meeting, the city's team the
// member reports to) is someone else's trip.
TEST(Classifier, WhatComesFromTheLeadersOwnSentence) {
  {
    const auto k = lint::classify(doc("8月2日，县长周某主持召开全县防汛工作调度会议。县领导孙某、钱某出席会议。"
                                      "各乡镇负责人、县四个防汛督导组成员参加会议。\n会议要求，各地要压实责任。\n"),
                                  national());
    EXPECT_EQ(k.id, "news.main-leader-meeting") << k.reason;
  }
  {
    const auto k = lint::classify(doc("省环保督导组莅临我县\n本报讯 4月9日，省环保第二督导组来我县，就大气污染防治工作进行督导。"
                                      "县委常委、副县长吴某出席汇报会。\n督导组一行还察看了两家企业。\n"),
                                  national());
    EXPECT_EQ(k.id, "news.member-meeting") << k.reason;
  }
  {  // the leader's own sentence silent: the lead decides, as before
    const auto k = lint::classify(doc("6月3日，县委书记郑某一行到东山镇。在东山村，郑某调研了茶叶加工。\n"), national());
    EXPECT_EQ(k.id, "news.main-leader-research") << k.reason;
  }
}

// A copy that lost its title and opens with a heading of the text ("一、迅速传达学习") has no
// title: the heading is text, and the next heading "二、" is no sequence starting at 2.
TEST(Titles, AHeadingOrdinalIsNoTitle) {
  for (const char* first : {"一、迅速传达学习", "（一）总体要求", "(二)工作目标", "十二、附则"}) {
    const auto d = doc(std::string(first) + "\n我县立即召开会议传达学习。\n二、全面部署落实\n我县专题召开部署会。\n");
    EXPECT_LT(title(d).first, 0) << first;
  }
  for (const char* t : {"一、二等奖获奖作品名单", "十佳文明家庭评选结果公布", "一季度全县经济运行情况"}) {
    const auto d = doc(std::string(t) + "\n今年以来，全县上下共同努力。\n");
    EXPECT_EQ(title(d).first, 0) << t;
  }
}

// Copies of newspaper pages: a digital paper's page controls are the page; a copy that opens
// with the reporters' line lost its headline (that line is a byline, "会见来访记者" in a
// headline is no byline); a headline's second line names the speakers, the lead comes after.
TEST(Titles, NewspaperPageControlsBylinesAndSubtitles) {
  {
    const auto d = doc("PDF  下一版»本期共4版(1-2-3-4)\n全县春耕生产现场会召开\n本报讯 记者 王某 3月2日，全县春耕生产现场会召开。\n");
    const auto ti = title(d);
    EXPECT_EQ(ti.meta.size(), 1u);
    EXPECT_EQ(ti.first, 1);
    ASSERT_EQ(ti.lead, 2);
    EXPECT_EQ(lint::dateline_end(d.block_text(2)), std::string_view("本报讯 记者 王某 ").size());
  }
  {
    const auto d = doc("记者 孙某\n1月6日，县委全体（扩大）会议召开。\n与会人员分组讨论了报告。\n");
    const auto ti = title(d);
    EXPECT_LT(ti.first, 0);
    EXPECT_EQ(ti.bylines, std::vector<std::uint32_t>{0});
  }
  {
    const auto d = doc("县委常委、宣传部长刘某会见来访记者\n正文。\n");
    EXPECT_EQ(title(d).first, 0);
  }
  {
    const auto k = lint::classify(doc("全县优秀村党组织书记座谈会召开\n李某讲话 王某出席\n\n5月9日，全县优秀村党组织书记座谈会召开。"
                                      "县委书记李某出席会议并讲话。\n"),
                                  national());
    EXPECT_EQ(k.id, "news.main-leader-meeting") << k.reason;
  }
  // A dateline's byline without brackets ends at the text: "本报讯 记者从县教育局获悉" has none.
  EXPECT_EQ(lint::dateline_end("本报讯 记者从县教育局获悉，今年新建学校3所。"), std::string_view("本报讯 ").size());
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

namespace {

TEST(Title, AfterTheBantouAndOverTwoOrThreeLines) {
  const auto d = doc("000123\n机密★1年\n特急\n金乡县人民政府办公室文件\n金政办发〔2024〕12号\n金乡县人民政府办公室\n"
                     "关于印发《金乡县农村人居环境\n整治提升实施方案》的通知\n各镇人民政府：\n正文。\n");
  const auto t = title(d);
  EXPECT_EQ(t.front.size(), 5u);
  EXPECT_EQ(t.first, 5);
  EXPECT_EQ(t.last, 7);
  EXPECT_EQ(t.lead, 8);
  EXPECT_EQ(lint::title_text(d, t), "金乡县人民政府办公室关于印发《金乡县农村人居环境整治提升实施方案》的通知");
  EXPECT_EQ(lint::classify(d, national()).id, "document");
  // A subtitle line.
  const auto s = title(doc("奋力书写乡村振兴新答卷\n——金乡县羊山镇发展特色产业纪实\n本报讯　正文。\n"));
  EXPECT_EQ(s.last, 1);
  // A title line followed by the first line of text is not continued.
  const auto n = title(doc("关于做好有关工作的通知\n各乡镇人民政府：\n正文。\n"));
  EXPECT_EQ(n.last, 0);
  // "…关于精简会议文件" is a title line, not a 发文机关标志.
  const auto y = title(doc("宜春市人民政府办公室关于精简会议文件\n改进文风的若干规定\n各县（市、区）人民政府：\n"));
  EXPECT_TRUE(y.front.empty());
  EXPECT_EQ(y.last, 1);
}

TEST(Title, ALongFirstParagraphIsTheLead) {
  std::string lead = "本报讯　5月6日，县人力资源和社会保障局召开2024年度业务工作会议";
  while (text::codepoint_count(lead) < 170) lead += "，总结去年工作，安排今年任务";
  lead += "。";
  const auto d = doc(lead + "\n第二段。\n");
  const auto t = title(d);
  EXPECT_EQ(t.first, -1);
  EXPECT_EQ(t.lead, 0);
  // The dateline is still left out of the body.
  const auto b = lint::body_of(d, profiles::BodyScope{}, t);
  ASSERT_FALSE(b.spans.empty());
  EXPECT_GT(b.spans[0].begin, 0u);
}

TEST(BodyScope, DatelinesNeedAPaperADateOrAByline) {
  EXPECT_GT(lint::dateline_end("本报金乡5月6日讯　（记者 孙雨）5月6日，全县…"), 0u);
  EXPECT_GT(lint::dateline_end("本报讯　5月8日，全县…"), 0u);
  EXPECT_GT(lint::dateline_end("金乡讯（通讯员 黄丽）近日，…"), 0u);
  EXPECT_EQ(lint::dateline_end("县供电公司近日完成农网改造。"), 0u);
  EXPECT_EQ(lint::dateline_end("近日，县里召开会议。"), 0u);
}

TEST(Classifier, ReasonNamesTheDecidingWordsOnly) {
  const auto k = lint::classify(doc("全县优化营商环境工作推进会召开\n本报讯　5月8日，推进会召开。县长王建国出席会议并讲话，"
                                    "县委副书记李红、副县长赵文博参加会议。\n"),
                                national());
  EXPECT_EQ(k.id, "news.main-leader-meeting");
  EXPECT_NE(k.reason.find("“县长”"), std::string::npos) << k.reason;
  EXPECT_EQ(k.reason.find("副县长"), std::string::npos) << k.reason;
  EXPECT_EQ(k.reason.find("县委副书记"), std::string::npos) << k.reason;
  // A deputy's story stays the deputy's although the lead mentions the county head.
  const auto m = lint::classify(doc("副县长赵文博调研春耕生产\n本报讯　赵文博要求，落实县长王建国在全县会议上的部署。\n"),
                                national());
  EXPECT_EQ(m.id, "news.member-research");
}

TEST(Limits, MayorSpeechOfSeventySevenMinutes) {
  const auto p = profile("yichun");
  // 77 minutes at 200 字/分钟: about 15,400 字 of distinct paragraphs.
  std::string t = "在全市经济工作会议上的讲话\n市长　李国强\n同志们：\n";
  for (int i = 1; count::count_text(t).zishu < 15500; ++i)
    t += "第" + std::to_string(i) + "项工作，要在" + std::to_string(i % 12 + 1) + "月底前完成，由市直" +
         std::to_string(i % 40 + 1) + "个部门分别牵头，逐项明确责任人、完成时限和验收标准，并按月报告进度。\n";
  const auto d = doc(t);
  const auto k = lint::classify(d, p);
  EXPECT_EQ(k.id, "speech.main-leader");
  EXPECT_NE(k.reason.find("市长"), std::string::npos);
  const auto r = lint::lint_document(d, p, k, limits_only());
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id(), "duration.speech");
  EXPECT_NE(r.findings[0].text().find("超出上限 60 分钟"), std::string::npos) << r.findings[0].text();
  double seconds = 0;
  for (const auto& [key, v] : r.findings[0].data)
    if (key == "seconds") seconds = std::stod(std::string(v));
  const double minutes = seconds / 60;
  EXPECT_GT(minutes, 76);
  EXPECT_LT(minutes, 79);
}

// Real web copies of speeches: no title, the text opening with 同志们：; or the title run into
// the text in one paragraph. Both were unknown or news; a news story never opens so.
TEST(Kinds, SpeechBySalutation) {
  const auto p = profile("yichun");
  auto k = lint::classify(doc("同志们:\n这次经济工作会议，是县委、县政府研究决定召开的。下面，我讲三点意见。\n"), p);
  EXPECT_EQ(k.id, "speech");
  EXPECT_NE(k.reason.find("同志们"), std::string::npos) << k.reason;
  k = lint::classify(doc("各位领导、同志们：\n今天我们召开全县防汛工作会议。\n"), p);
  EXPECT_EQ(k.id, "speech");
  k = lint::classify(doc("县长在全县乡镇党委书记座谈会上的讲话同志们:今天会议的主要任务是贯彻全市会议精神。县委书记已经讲了。\n"), p);
  EXPECT_EQ(k.id, "speech.main-leader");
  EXPECT_NE(k.reason.find("县长"), std::string::npos) << k.reason;
  // A news story quoting an address is news; a 通知 is a document.
  k = lint::classify(doc("县委书记出席全县防汛工作会议\n本报讯 县委书记李明在会上说：“同志们：防汛无小事。”\n"), p);
  EXPECT_NE(k.id.rfind("speech", 0), 0u) << k.id;
  k = lint::classify(doc("关于召开全县防汛工作会议的通知\n同志们：\n定于6月1日召开会议。\n"), p);
  EXPECT_EQ(k.id, "document");
}

TEST(Limits, GenericSpeechGetsTheIssuersMostLenientLimitAndAHint) {
  const auto p = profile("daxing");
  std::string t = "在全区工作会议上的讲话\n区长　张志刚\n";
  for (int i = 1; count::count_text(t).zishu < 4400; ++i)
    t += "第" + std::to_string(i) + "项任务由区" + std::to_string(i % 30 + 1) + "个部门牵头，在" + std::to_string(i % 12 + 1) +
         "月底前完成并报区政府。\n";
  const auto d = doc(t);
  const auto k = lint::classify(d, p);
  EXPECT_EQ(k.id, "speech");
  const auto r = lint::lint_document(d, p, k, limits_only());
  bool duration = false, hint = false;
  for (const auto& f : r.findings) {
    if (f.rule_id() == "duration.speech") {
      duration = true;
      EXPECT_NE(f.text().find("超出上限 20 分钟"), std::string::npos) << f.text();
      EXPECT_NE(f.text().find("speech.main-report"), std::string::npos) << f.text();
    }
    if (f.rule_id() == "kind.unknown") {
      hint = true;
      EXPECT_EQ(f.severity, model::Severity::kInfo);
      EXPECT_NE(f.text().find("--kind"), std::string::npos);
    }
  }
  EXPECT_TRUE(duration);
  EXPECT_TRUE(hint);
  // Jinxiang's speech kind has its own 30 minutes: no hint.
  const auto j = profile("jinxiang");
  for (const auto& f : lint::lint_document(d, j, lint::classify(d, j), limits_only()).findings)
    EXPECT_NE(f.rule_id(), "kind.unknown");
}

TEST(Items, ResearchItemKeepsItsSubHeadingsAndTheWholeItemIsLimited) {
  const auto p = profile("daxing");
  std::string t = "大兴信息\n第18期\n【编者按】本期刊发一篇调研。\n【甲单位做法】\n一二三。\n【乙单位做法】\n四五六。\n【丙单位做法】\n七八九。\n"
                  "【关于我区物业管理情况的调研】\n调研组走访了36个小区。\n一、基本情况\n";
  for (int i = 0; i < 30; ++i) t += "全区有老旧小区" + std::to_string(i + 10) + "个，物业费收缴率平均为百分之五十八。\n";
  t += "二、存在的问题\n";
  for (int i = 0; i < 25; ++i) t += "部分小区维修资金缺口较大，电梯和管网缺少后续维护资金，居民反映集中。\n";
  t += "三、对策建议\n推行先尝后买的物业服务模式。\n报：区委、区政府领导\n送：区委各部委办\n";
  const auto d = doc(t);
  const auto r = lint::lint_document(d, p, given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 4u);
  EXPECT_TRUE(r.m.items[3].research);
  EXPECT_FALSE(r.m.items[0].research);
  int item_findings = 0;
  for (const auto& f : r.findings)
    if (f.rule_id() == "length.item") {
      ++item_findings;
      EXPECT_NE(f.text().find("第 4 条"), std::string::npos) << f.text();
      EXPECT_NE(f.text().find("上限 1500 字"), std::string::npos) << f.text();
    }
  EXPECT_EQ(item_findings, 1);
  // The 版记 belongs to no item.
  EXPECT_EQ(r.m.items[3].spans.back().block + 2, d.blocks.size() - 1);
}

TEST(Items, NumberedItemsFollowInSequence) {
  profiles::ItemSpec spec;
  for (const char* pat : {"^[一二三四五六七八九十]{1,3}、"}) {
    spec.title_patterns.push_back(pat);
    spec.title_regexes.push_back(std::make_shared<const text::Regex>(std::move(text::Regex::compile(pat).value())));
  }
  spec.research_markers = {"的调研"};
  const auto d = doc("某某信息\n一、甲单位做法\n正文。\n二、关于乙情况的调研\n导语。\n一、基本情况\n正文。\n二、存在的问题\n正文。\n"
                     "三、丙单位做法\n正文。\n");
  const auto items = lint::split_items(d, spec, title(d));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[1].research);
  EXPECT_EQ(items[1].spans.size(), 5u);  // its sub-headings stay inside it
}

TEST(Items, ALeaderVisitIsNotAResearchItem) {
  const auto p = profile("daxing");
  const auto d = doc("大兴信息\n第3期\n【副区长王芳到魏善庄镇调研春耕生产】\n正文。\n【关于梨产业的调查报告】\n正文。\n");
  const auto r = lint::lint_document(d, p, given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 2u);
  EXPECT_FALSE(r.m.items[0].research);
  EXPECT_TRUE(r.m.items[1].research);
}

TEST(Grouping, OneFindingPerRuleAndParagraphAndAnOverview) {
  std::string t = "关于做好汛期工作的通知\n";
  for (int i = 0; i < 8; ++i) t += "各乡镇要落实责任,加强排查(重点是水库),确保安全.\n";
  t += "各乡镇要按时报送。\n";
  const auto d = doc(t);
  lint::Options o;
  o.only = {"punct."};
  const auto r = lint::lint_document(d, national(), given("document"), o);
  ASSERT_EQ(r.findings.size(), 40u);  // every occurrence is kept
  std::size_t leaders = 0;
  for (std::size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    if (f.count > 0) {
      ++leaders;
      EXPECT_EQ(f.count, 5u);
      EXPECT_EQ(f.leader, i);
    } else {
      EXPECT_EQ(r.findings[f.leader].block, f.block);
    }
  }
  EXPECT_EQ(leaders, 8u);
  ASSERT_EQ(r.overview.size(), 1u);
  EXPECT_TRUE(r.overview[0].document_level);
  EXPECT_EQ(r.overview[0].count, 40u);
  EXPECT_NE(r.overview[0].text().find("全文 40 处半角标点"), std::string::npos) << r.overview[0].text();
  // Two paragraphs do not make "most paragraphs".
  const auto few = lint::lint_document(doc("关于做好汛期工作的通知\n甲,乙,丙.\n丁,戊.\n己。\n庚。\n辛。\n"), national(),
                                       given("document"), o);
  EXPECT_TRUE(few.overview.empty());
}

}  // namespace

namespace {

std::string para(const std::string& t, bool bold) {
  return std::string("<w:p><w:r>") + (bold ? "<w:rPr><w:b/></w:rPr>" : "") + "<w:t xml:space=\"preserve\">" + t +
         "</w:t></w:r></w:p>";
}

TEST(Items, BoldItemTitlesInADocx) {
  wenfeng::testing::DocxParts parts;
  parts.body = para("大兴信息", true) + para("第18期", true) + para("区政府办公室编", false) +
               para("区城市管理委“街巷长”巡查问题当日派单", true) + para("区城市管理委为背街小巷配备街巷长。", false) +
               para("黄村镇搭建用工对接平台", true) + para("平台运行两个月，促成就业312人。", false) +
               para("关于我区集体经营性建设用地入市情况的调研", true) + para("调研组走访了5个镇。", false) +
               para("一、基本情况", true) + para("全区累计完成入市交易41宗。", false) + para("（一）收益分配不够均衡", true) +
               para("村与村之间收入差距扩大。", false) + para("二、对策建议", true) + para("建立镇级统筹机制。", false);
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto r = lint::lint_document(*d, profile("daxing"), given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 3u);
  EXPECT_EQ(r.m.items[0].title, "区城市管理委“街巷长”巡查问题当日派单");
  EXPECT_TRUE(r.m.items[2].research);
  EXPECT_EQ(r.m.items[2].spans.size(), 7u);  // its bold sub-headings stay inside it
}

// A Word table of contents (a TOC field over TOC 1/TOC 2 paragraphs, hyperlinks to _Toc
// bookmarks, PAGEREF fields) repeats the item titles with page numbers: its entries are
// neither items nor body text (it was 4 items for a 2-item issue, 120 字 checks on TOC lines).
std::string toc_entry(const std::string& t, int n, int level, bool first) {
  std::string x = "<w:p><w:pPr><w:pStyle w:val=\"TOC" + std::to_string(level) + "\"/></w:pPr>";
  if (first)
    x += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u "
         "</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
  const std::string id = "_Toc" + std::to_string(170000 + n);
  x += "<w:hyperlink w:anchor=\"" + id + "\" w:history=\"1\"><w:r><w:t>" + t + "</w:t></w:r><w:r><w:tab/></w:r>"
       "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGEREF " + id +
       " \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>" + std::to_string(1 + n / 2) +
       "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:hyperlink></w:p>";
  return x;
}

const char* kTocStyles =
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOC1\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TOC2\"><w:name w:val=\"toc 2\"/><w:basedOn w:val=\"Normal\"/></w:style>";

TEST(Items, TableOfContentsEntriesAreNoItems) {
  const std::string body1 = "区水务局新建雨水管线3.6公里，增设雨水口210个，汛期前完成12处易积水点改造。";
  wenfeng::testing::DocxParts parts;
  parts.styles = kTocStyles;
  parts.body = para("大兴信息", true) + para("第20期", false) +
               toc_entry("【区水务局完成12处易积水点改造】", 0, 1, true) + toc_entry("【关于我区老旧小区加装电梯工作的调研】", 1, 1, false) +
               toc_entry("一、进展情况", 2, 2, false) + toc_entry("二、主要困难", 3, 2, false) +
               "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
               para("【区水务局完成12处易积水点改造】", false) + para(body1, false) +
               para("【关于我区老旧小区加装电梯工作的调研】", false) + para("区住房城乡建设委开展了调研。", false) +
               para("一、进展情况", false) + para("全区累计完成加装电梯316部。", false) + para("二、主要困难", false) +
               para("居民意见难统一。", false);
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok()) << d.error().message;
  int contents = 0;
  for (const auto& b : d->blocks) contents += b.role == model::Role::kContents;
  EXPECT_EQ(contents, 5);  // the four entries and the paragraph the field ends in
  const auto r = lint::lint_document(*d, profile("daxing"), given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 2u);
  EXPECT_EQ(r.m.items[0].title_block, 7u);
  EXPECT_TRUE(r.m.items[1].research);
  EXPECT_EQ(r.m.items[1].spans.size(), 5u);
  for (const auto& f : r.findings) EXPECT_NE(f.rule_id(), "length.item") << f.text();
  // The contents are left out of the body, and said to be.
  bool said = false;
  for (const auto& e : r.m.body.excluded) said = said || e == "目录 4 段";
  EXPECT_TRUE(said);
  for (const auto& sp : r.m.body.spans) EXPECT_NE(d->blocks[sp.block].role, model::Role::kContents) << sp.block;
}

// WPS and templates name their contents styles in their own way ("TOC 标题1", "目录1",
// "自定义目录 2"): contents too; a style whose name only has "toc" inside a word
// ("Protocol 1") or no level digit ("目录说明") is not.
TEST(Items, CustomContentsStyleNamesAreContents) {
  wenfeng::testing::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a1\"><w:name w:val=\"TOC 标题1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a2\"><w:name w:val=\"目录1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"自定义目录 2\"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a4\"><w:name w:val=\"My TOC 3 \"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a5\"><w:name w:val=\"Protocol 1\"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a6\"><w:name w:val=\"目录说明\"/><w:basedOn w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"a7\"><w:name w:val=\"toc 12\"/><w:basedOn w:val=\"Normal\"/></w:style>";
  auto styled = [](const std::string& id, const std::string& t) {
    return "<w:p><w:pPr><w:pStyle w:val=\"" + id + "\"/></w:pPr><w:r><w:t>" + t + "</w:t></w:r></w:p>";
  };
  parts.body = para("大兴信息", true) + styled("a1", "【甲单位做法】\t1") + styled("a2", "【乙单位做法】\t2") +
               styled("a3", "一、进展情况\t2") + styled("a4", "二、主要困难\t3") + styled("a5", "甲单位做了一件事。") +
               styled("a6", "乙单位做了一件事。") + styled("a7", "丙单位做了一件事。");
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->blocks.size(), 8u);
  for (std::size_t i = 1; i <= 4; ++i) EXPECT_EQ(d->blocks[i].role, model::Role::kContents) << i;
  for (std::size_t i = 5; i <= 7; ++i) EXPECT_NE(d->blocks[i].role, model::Role::kContents) << i;
}

// A document opening with its table of contents: the contents' heading "目录" is no title.
TEST(Title, ATableOfContentsAtTheTopIsNoTitle) {
  wenfeng::testing::DocxParts parts;
  parts.styles = std::string(kTocStyles) +
                 "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/></w:style>";
  parts.body = "<w:p><w:pPr><w:pStyle w:val=\"TOCHeading\"/></w:pPr><w:r><w:t>目录</w:t></w:r></w:p>" +
               toc_entry("一、基本情况", 0, 1, true) + toc_entry("二、存在的问题", 1, 1, false) +
               "<w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
               para("关于全县农村公路养护情况的调研报告", false) + para("一、基本情况", false) + para("全县农村公路1460公里。", false);
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->blocks[0].role, model::Role::kContents);
  const auto ti = title(*d);
  ASSERT_GE(ti.first, 0);
  EXPECT_EQ(lint::title_text(*d, ti), "关于全县农村公路养护情况的调研报告");
}

// The same in a TOC style alone (a table of contents typed by hand or pasted as text).
TEST(Items, TocStyledParagraphsWithoutAFieldAreContentsToo) {
  wenfeng::testing::DocxParts parts;
  parts.styles = kTocStyles;
  parts.body = para("大兴信息", true) + "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:r><w:t>【甲单位做法】\t1</w:t></w:r></w:p>" +
               para("【甲单位做法】", false) + para("甲单位做了一件事。", false);
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->blocks[1].role, model::Role::kContents);
  EXPECT_EQ(d->blocks[2].role, model::Role::kBody);
  const auto r = lint::lint_document(*d, profile("daxing"), given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 1u);
  EXPECT_EQ(r.m.items[0].title_block, 2u);
}

}  // namespace

TEST(InfoBar, WebPageMetadataLinesOnly) {
  EXPECT_TRUE(lint::is_info_bar_line("来源：市政府办公室　发布时间：2024-05-10 16:32　浏览次数：1268"));
  EXPECT_TRUE(lint::is_info_bar_line("发布日期：2024-07-02　信息来源：县政府办公室　【打印】【关闭】"));
  EXPECT_TRUE(lint::is_info_bar_line("发布时间：2024-05-28"));
  // A meeting notice's own lines and sentences that name a source are text.
  EXPECT_FALSE(lint::is_info_bar_line("时间：6月10日上午9时　地点：县政务服务中心三楼会议室"));
  EXPECT_FALSE(lint::is_info_bar_line("资金来源：县财政预算安排。"));
  EXPECT_FALSE(lint::is_info_bar_line("来源：县统计局"));
  EXPECT_FALSE(lint::is_info_bar_line("发布时间：每月10日前"));
  EXPECT_FALSE(lint::is_info_bar_line("（二）发布时间：2024年7月1日　来源：县政府"));
  EXPECT_TRUE(lint::is_info_bar_line("来源:宜春市人民政府办公室  发布时间:2024-03-01 10:00  浏览次数:2817"));
  // A portal's two-field lines, fields left empty among them.
  EXPECT_TRUE(lint::is_info_bar_line("生成日期: 2019-01-23 文号:"));
  EXPECT_TRUE(lint::is_info_bar_line("发文日期: 2019-01-23 生效时间: 2019-01-23"));
  EXPECT_TRUE(lint::is_info_bar_line("废止时间: 2020-01-23 名称: 县人民政府关于印发《县人民政府工作规则》的通知"));
  EXPECT_TRUE(lint::is_info_bar_line("信息来源: 关键词:"));
  EXPECT_TRUE(lint::is_info_bar_line("浏览次数: 590 内容概述:"));
  EXPECT_FALSE(lint::is_info_bar_line("名称：县应急物资储备库　时间：2024年"));
  // The bar copied as a table: label cells with their colons.
  EXPECT_TRUE(lint::is_info_bar_line("索引号: | GS5183/2020-771 | 部门: | 中川镇 |"));
  EXPECT_TRUE(lint::is_info_bar_line("作者: | 日期: | 2020-10-20 |"));
  EXPECT_FALSE(lint::is_info_bar_line("序号 | 单位 | 人数 | 备注"));
  EXPECT_FALSE(lint::is_info_bar_line("1 | 县财政局 | 责任单位: | 6月底前"));
  // Labels that stand alone need no colon (the quick test before the label scan lets them
  // through); a label without its colon is no field.
  EXPECT_TRUE(lint::is_info_bar_line("打印本页　关闭窗口　分享到"));
  EXPECT_TRUE(lint::is_info_bar_line("浏览次数：590"));
  EXPECT_FALSE(lint::is_info_bar_line("发布时间 2024-05-28 来源 县政府"));
  EXPECT_FALSE(lint::is_info_bar_line("1. 发布时间：2024-05-28　来源：县政府"));
}

// A page's navigation copied with the text is no title (a page without <h1> whose nav bar
// "首页 | 政务公开 | 通知公告" was taken as the title, and its 公告 as the 文种).
TEST(InfoBar, NavigationLinesAreNoTitle) {
  EXPECT_TRUE(lint::is_info_bar_line("首页 | 政务公开 | 通知公告"));
  EXPECT_TRUE(lint::is_info_bar_line("当前位置：首页 > 政务公开 > 通知公告"));
  EXPECT_TRUE(lint::is_info_bar_line("您现在的位置:网站首页>>新闻中心>>本地要闻"));
  EXPECT_TRUE(lint::is_info_bar_line("首页 › 信息公开 › 规范性文件"));
  EXPECT_TRUE(lint::is_info_bar_line("网站首页｜机构概况｜政务公开｜办事服务｜互动交流"));
  EXPECT_FALSE(lint::is_info_bar_line("首页面设计要简洁"));
  EXPECT_FALSE(lint::is_info_bar_line("当前位置不变，继续推进"));
  EXPECT_FALSE(lint::is_info_bar_line("甲 | 乙"));
  EXPECT_FALSE(lint::is_info_bar_line("关于开展2025年度县直机关干部职工健康体检的通知"));
  EXPECT_FALSE(lint::is_info_bar_line("项目 | 金额（万元） | 完成时间，说明"));
  EXPECT_FALSE(lint::is_info_bar_line("序号 | 单位 | 人数 | 备注"));  // a table row copied as text
  const auto d = doc("首页 | 政务公开 | 通知公告\n关于开展2025年度县直机关干部职工健康体检的通知\n来源:县机关事务服务中心　发布时间:2025-06-03\n县直各单位:\n正文。");
  EXPECT_EQ(lint::title_text(d, title(d)), "关于开展2025年度县直机关干部职工健康体检的通知");
}

// A news story copied without its headline opens with its lead sentence, never a title:
// a date and a comma, or clauses and a full stop (the lead was the title, format.title
// flagged its 。 and the body lost its first paragraph).
TEST(Titles, LeadSentenceIsNoTitle) {
  for (const char* lead : {"7月24日,县委副书记、县长杨某主持召开县长办公会议,县政府全体在家领导参加会议。",
                           "3月21日下午，县长主持召开县政府常务会议",
                           "2024年5月6日上午，县委书记到石门乡调研茶产业",
                           "县长主持召开县政府常务会议，研究部署防汛、安全生产和项目建设工作。"}) {
    const auto d = doc(std::string(lead) + "\n会议强调，要抓好落实。\n");
    EXPECT_LT(title(d).first, 0) << lead;
  }
  for (const char* t : {"7月24日县长办公会议召开", "县长主持召开县政府常务会议", "凝心聚力，推动高质量发展"}) {
    const auto d = doc(std::string(t) + "\n会议强调，要抓好落实。\n");
    EXPECT_EQ(title(d).first, 0) << t;
  }
}

// A portal's page shows the title, its info bar, then the document's own title again, often
// on two lines: that is the title, not an addressee or text.
TEST(InfoBar, BarCopiedAsATable) {
  const auto d = doc("关于专项治理工作督查情况的整改报告\n索引号: | GS5183/2020-771 | 部门: | 某镇 |\n---|---|---|---|\n"
                     "栏目: | 部门文件 | 来源: | 某镇 |\n作者: | 日期: | 2020-10-20 |\n县专项治理办公室:\n针对督查出的问题，镇政府立即整改。\n");
  const auto ti = title(d);
  EXPECT_EQ(ti.meta.size(), 4u);
  ASSERT_GE(ti.lead, 0);
  EXPECT_EQ(d.block_text(d.blocks[static_cast<std::size_t>(ti.lead)]), "县专项治理办公室:");
}

TEST(InfoBar, TitleShownAgainUnderTheBar) {
  const auto d = doc("某市住房和城乡建设委员会2018年政府信息公开工作年度报告\n  发布日期: 2019-01-17 13:05\n"
                     "某市住房和城乡建设委员会\n\n2018年 政府信息公开工作年度报告\n2018年，我委全面推进政务公开。\n");
  const auto ti = title(d);
  EXPECT_EQ(ti.repeats.size(), 2u);
  ASSERT_GE(ti.lead, 0);
  EXPECT_EQ(d.block_text(d.blocks[static_cast<std::size_t>(ti.lead)]), "2018年，我委全面推进政务公开。");
  // A first line that only begins like the title is text.
  const auto d2 = doc("县人民政府工作规则\n县人民政府\n第一章　总则\n");
  EXPECT_TRUE(title(d2).repeats.empty());
}

// A portal's site name over its nav bar and the whole title is the 版头, not the title (it
// was, and the 突发 in the real title made a 通知 news.special-emergency); the issuer's name
// over a 关于… line is still the title's first line.
TEST(InfoBar, SiteNameOverAWholeTitle) {
  const auto d = doc("某县人民政府\n首页 >> 公开信息内容\n\n某县人民政府办公室关于印发某县突发环境事件应急预案的通知\n"
                     "各乡镇人民政府:\n现将预案印发给你们。\n");
  const auto ti = title(d);
  EXPECT_EQ(lint::title_text(d, ti), "某县人民政府办公室关于印发某县突发环境事件应急预案的通知");
  ASSERT_EQ(ti.front.size(), 1u);
  const auto d2 = doc("某县人民政府办公室\n关于做好防汛工作的通知\n各乡镇:\n正文。\n");
  EXPECT_EQ(lint::title_text(d2, title(d2)), "某县人民政府办公室关于做好防汛工作的通知");
}

// A portal's page controls alone on a line, and its fields written one a line with the value
// on the next ("• 发文字号:" / "镇政发〔2024〕7号"): the 返回顶部 above the title was joined to
// it, and the values (two 2024年04月06日 dates among them) were body text with findings.
TEST(InfoBar, PageControlsAndFieldsOneALine) {
  EXPECT_TRUE(lint::is_info_bar_line("返回顶部"));
  EXPECT_TRUE(lint::is_info_bar_line("扫一扫在手机打开当前页"));
  EXPECT_FALSE(lint::is_info_bar_line("扫一扫二维码即可在线办理不动产登记、公积金提取等业务"));
  EXPECT_TRUE(lint::is_info_bar_line("【打印】 【关闭】"));
  EXPECT_TRUE(lint::is_info_bar_line("打印本页 | 关闭窗口"));
  EXPECT_FALSE(lint::is_info_bar_line("打印机采购"));
  EXPECT_FALSE(lint::is_info_bar_line("返回原籍"));
  EXPECT_TRUE(lint::is_info_bar_line("  • 发文机构:"));
  EXPECT_TRUE(lint::is_info_bar_line("发文字号："));
  EXPECT_TRUE(lint::is_info_bar_line("• 内容概述:"));
  EXPECT_FALSE(lint::is_info_bar_line("工作要求："));
  const auto d = doc(
      "返回顶部\n\n县人民政府工作规则\n\n  • 索引号:\n    6107280000/2024-001005\n  • 主题分类:\n  • 来源:\n"
      "  • 发文机构:\n    县政府网站\n  • 发文字号:\n    县政发〔2024〕7号\n  • 发文日期:\n    2024年04月06日 16:40\n"
      "  • 内容概述:\n县人民政府工作规则\n第一章　总则\n一、为规范县政府工作，制定本规则。\n");
  const auto ti = title(d);
  EXPECT_EQ(lint::title_text(d, ti), "县人民政府工作规则");
  // 返回顶部, eight field lines and four values are the bar; the second title line and the
  // text below are not.
  EXPECT_EQ(ti.meta.size(), 12u);
  for (const auto b : ti.meta) EXPECT_NE(d.block_text(d.blocks[b]), "县人民政府工作规则");
  // A value-less field's next line is no value when it is a title ("来源:" / a 文种 line).
  const auto d2 = doc("来源:\n县人民政府关于做好防汛工作的通知\n各乡镇:\n正文。\n");
  EXPECT_EQ(lint::title_text(d2, title(d2)), "县人民政府关于做好防汛工作的通知");
}

// A 政府信息公开 page's fields, a label alone with its value on the next line, the page's
// controls, a breadcrumb without 首页 and a date stamped with the hour are the page, not the
// draft (issue 11: real web copies of a 规则, a 通知 and a 办法 had these counted and dated).
TEST(InfoBar, PortalFieldsControlsAndStamps) {
  EXPECT_TRUE(lint::is_info_bar_line("成文日期: 2023-05-11 生效时间: 2023-05-11"));
  EXPECT_TRUE(lint::is_info_bar_line("废止时间: 2026-05-11 名称: 某县人民政府关于印发《某县议事规则》的通知"));
  EXPECT_TRUE(lint::is_info_bar_line("阅读次数: 73 内容概述:"));
  EXPECT_TRUE(lint::is_info_bar_line("• 发文字号:"));
  EXPECT_TRUE(lint::is_info_bar_line("  • 有效性:"));
  EXPECT_TRUE(lint::is_info_bar_line("来源："));
  EXPECT_TRUE(lint::is_info_bar_line("2023年05月11日 09:30"));
  EXPECT_TRUE(lint::is_info_bar_line("来源:县文旅局 日期:2023-05-11 09:30"));
  EXPECT_TRUE(lint::is_info_bar_line("返回顶部"));
  EXPECT_TRUE(lint::is_info_bar_line("信息搜索:"));
  EXPECT_TRUE(lint::is_info_bar_line("欢迎访问某某县人民政府网站！"));
  EXPECT_TRUE(lint::is_info_bar_line("范文网 > 公文 > 通知 > 放假通知"));
  EXPECT_FALSE(lint::is_info_bar_line("2023年5月11日"));  // a document's own date
  EXPECT_FALSE(lint::is_info_bar_line("会议时间：5月11日9:30"));
  EXPECT_FALSE(lint::is_info_bar_line("欢迎来到美丽的某某县"));
  EXPECT_FALSE(lint::is_info_bar_line("名称：某某县图书馆"));
  EXPECT_FALSE(lint::is_info_bar_line("甲 > 乙"));
  const auto d = doc(
      "返回顶部\n某县人民政府议事规则\n• 索引号:\n    11530000/2023-0099\n• 发文字号:\n    某政发〔2023〕5号\n"
      "• 发文日期:\n    2023年05月11日 09:30\n• 内容概述:\n某县人民政府议事规则\n第一条　为规范议事，制定本规则。");
  const auto t = title(d);
  EXPECT_EQ(lint::title_text(d, t), "某县人民政府议事规则");
  for (std::uint32_t b : {0u, 2u, 3u, 4u, 5u, 6u, 7u, 8u}) EXPECT_TRUE(t.in_meta(b)) << b;
  EXPECT_FALSE(t.in_meta(9u));  // the title again, under 内容概述, is no field's value
}

// A portal page's headline stands right above its info bar: the site's slogan and menus above
// it are the page, and a slogan's 地震 decides no kind.
TEST(InfoBar, HeadlineAboveTheBar) {
  const auto d = doc(
      "山水某县 欢迎您;建设美丽家园。灾后重建,某县更美!\n信息搜索:\n工作动态\n某县人民代表大会常务委员会议事规则\n"
      "来源:县人大\n更新日期:2023-06-01\n第一条　为规范议事，制定本规则。");
  const auto t = title(d);
  EXPECT_EQ(lint::title_text(d, t), "某县人民代表大会常务委员会议事规则");
  for (std::uint32_t b : {0u, 1u, 2u, 4u, 5u}) EXPECT_TRUE(t.in_meta(b)) << b;
  // A page's date stamp under the headline is no paragraph of the draft.
  const auto e = doc("某县关于做好防汛工作的实施方案\n2023-06-01\n为做好防汛工作，制定本方案。");
  const auto te = title(e);
  EXPECT_EQ(lint::title_text(e, te), "某县关于做好防汛工作的实施方案");
  EXPECT_TRUE(te.in_meta(1u));
}

// A web page's summary opens with the title and runs on into the text: the title is the next
// line, and the summary no paragraph (a speech copied from a page was kind unknown).
TEST(InfoBar, PageSummaryAboveTheTitle) {
  const auto d = doc(
      "在全县秋冬种工作推进会上的讲话抓早抓实抓细(2023年10月8日) 同志们: 今天召开这次会议，主要任务是安排部署全县秋冬种工作。\n"
      "在全县秋冬种工作推进会上的讲话\n（2023年10月8日）\n同志们：\n今天召开这次会议，主要任务是安排部署全县秋冬种工作。");
  const auto t = title(d);
  EXPECT_EQ(lint::title_text(d, t), "在全县秋冬种工作推进会上的讲话");
  EXPECT_TRUE(t.in_meta(0u));
  // A first paragraph that only shares its opening words with the next line stays the lead.
  const auto e = doc("全县秋冬种工作推进会召开。10月8日，县政府召开全县秋冬种工作推进会，安排部署秋冬种工作，各乡镇分管负责同志参加会议。\n全县秋冬种工作推进会\n正文。");
  EXPECT_FALSE(title(e).in_meta(0u));
}

// No title, and the text opens with its 主送机关: a 公文 copied from the page below its title.
TEST(Kind, AddresseeFirstIsADocument) {
  const auto k = lint::classify(
      doc("某某产业园区管委会,各乡镇人民政府,县级各部门:\n《某某县议事规则》已经县政府常务会议通过，现予印发。\n某某县人民政府\n2023年11月20日"),
      national());
  EXPECT_EQ(k.id, "document");
  EXPECT_NE(k.reason.find("主送机关"), std::string::npos);
  // A speech's salutation and a letter to people are no 主送机关.
  EXPECT_NE(lint::classify(doc("同志们：\n今天召开这次会议。"), national()).id, "document");
  EXPECT_NE(lint::classify(doc("各位人大代表:\n请围绕评议工作收集意见。"), national()).id, "document");
}

// A page's list of other articles under the story ("相关阅读") is the page: that line and the
// teasers after it are no paragraph (a real story's teaser "…组长某某,庐..." got punct.ellipsis).
TEST(InfoBar, PageTailAfterTheStory) {
  const auto d = doc(
      "县委常委会召开会议\n5月6日，县委召开常委会会议，研究有关事项。\n会议还研究了其他事项。\n相关阅读\n"
      "5月2日上午，县委常委、副县长王某率队到某镇检查安全生产工作。县安委会成员单位负责人...\n本站新闻，传递正能量。");
  const auto t = title(d);
  for (std::uint32_t b : {3u, 4u, 5u}) EXPECT_TRUE(t.in_meta(b)) << b;
  EXPECT_FALSE(t.in_meta(2u));
  // A sentence that starts with the same words is text.
  const auto e = doc("县委常委会召开会议\n5月6日，县委召开常委会会议。\n相关新闻发布会将于下周召开。\n会议还研究了其他事项。");
  EXPECT_FALSE(title(e).in_meta(2u));
  EXPECT_FALSE(title(e).in_meta(3u));
}

// The 发文字号 and 期号 line shapes, scanned (issue 16: they were ICU patterns, compiled on
// every run): pinned cases, then the scans against the old patterns on generated lines.
TEST(FrontLines, DocNumberAndIssueNumberShapes) {
  EXPECT_TRUE(lint::is_doc_number_line("金政办发〔2024〕12号"));
  EXPECT_TRUE(lint::is_doc_number_line("  金政办发 （２０２４） 第 １２ 号  "));
  EXPECT_TRUE(lint::is_doc_number_line("×Ｘ○发[24]1号"));
  EXPECT_TRUE(lint::is_doc_number_line("国发〔2024〕3号　　签发人：张三"));
  EXPECT_TRUE(lint::is_doc_number_line("国发【2024】3号 签发人: 张三 李四\n"));
  EXPECT_TRUE(lint::is_doc_number_line("𠀀发〔2024〕3号"));  // a Han code point outside the BMP
  EXPECT_FALSE(lint::is_doc_number_line("国发〔2024〕3号签发人：张三"));  // no space before 签发人
  EXPECT_FALSE(lint::is_doc_number_line("国发〔2024〕3号 签发人：张三\n李四"));
  EXPECT_FALSE(lint::is_doc_number_line("国发〔20245〕3号"));
  EXPECT_FALSE(lint::is_doc_number_line("国发〔2024〕12345号"));
  EXPECT_FALSE(lint::is_doc_number_line("一二三四五六七八九十一二三四五六〔2024〕3号"));  // 16 Han
  EXPECT_FALSE(lint::is_doc_number_line("国发〔2024〕3号文件"));
  EXPECT_TRUE(lint::is_issue_number_line("（2024年）总第 ３ 期"));
  EXPECT_TRUE(lint::is_issue_number_line("第十二期)"));
  EXPECT_FALSE(lint::is_issue_number_line("20245年第3期"));
  EXPECT_FALSE(lint::is_issue_number_line("第12345期"));
  EXPECT_FALSE(lint::is_issue_number_line("第3期（总第123456期）"));

  const auto doc_number = text::Regex::compile(
      "^\\s*[\\p{Han}×Ｘ○]{1,15}\\s*[〔\\[［（(【]\\s*[0-9０-９]{2,4}\\s*[〕\\]］）)】]\\s*第?\\s*[0-9０-９]{1,4}\\s*号"
      "(?:\\s+签发人\\s*[:：].*)?\\s*$");
  const auto issue = text::Regex::compile(
      "^[（(〔\\[]?\\s*(?:[0-9０-９]{4}\\s*年?\\s*)?[〕\\]）)]?\\s*(?:总\\s*)?第\\s*[0-9０-９一二三四五六七八九十〇]{1,4}\\s*期"
      "\\s*[）)]?\\s*(?:[（(]\\s*总第\\s*[0-9０-９]{1,5}\\s*期\\s*[）)])?$");
  ASSERT_TRUE(doc_number.ok() && issue.ok());
  static const char* const kTokens[] = {
      "国", "发", "𠀀", "×", "○", "〔", "〕", "[", "]", "［", "］", "（", "）", "(", ")", "【", "】", "2", "０", "9",
      "2024", "２０２４", "第", "号", "期", "总", "总第", "年", "十", "三", "签发人", "：", ":", "张", " ", "\u3000",
      "\t", "\n", "\r\n", "\v", "\u0085", "\u2028", "\u00A0", "a"};
  // Lines along the two shapes, each slot a choice of its own (empty included) or now and
  // then any token: the matches and the near misses both.
  using Slot = std::vector<const char*>;
  const std::vector<Slot> doc_slots = {
      {"", " ", "\u3000"}, {"国发", "金政办发", "𠀀", "×Ｘ○", "一二三四五六七八九十一二三四五", "一二三四五六七八九十一二三四五六", "a"},
      {"", " "}, {"〔", "[", "［", "（", "(", "【", "《"}, {"", " "}, {"2024", "２０２４", "24", "2", "20245"}, {"", "\t"},
      {"〕", "]", "］", "）", ")", "】"}, {"", " "}, {"", "第"}, {"", " "}, {"3", "１２", "1234", "12345", ""},
      {"", " "}, {"号", "期"},
      {"", " 签发人：张三", "签发人：张", " 签发人 : 张\n李", "\u3000签发人", "\n", "\v", "\u0085", " \u0085", "\r\n", "文件", "\u2028"}};
  const std::vector<Slot> issue_slots = {
      {"", "（", "(", "〔", "[", "【"}, {"", " "}, {"", "2024", "２０２４", "202", "20245"}, {"", " "}, {"", "年"}, {"", " "},
      {"", "", "〕", "]", "）", ")"}, {"", " "}, {"", "总", "总 "}, {"第", "第", "第", "", "关于第"}, {"", " "},
      {"3", "3", "十二", "〇", "１２３４", "12345", "", "3a"}, {"", " "}, {"期", "期", "期", "号"}, {"", " "}, {"", "）", ")"}, {"", " "},
      {"", "", "", "（总第118期）", "(总第 1 期)", "（总第123456期）", "（总第1期", "培训班", "\v", "\u0085", "\r\n", "\n"}};
  std::uint32_t seed = 16;
  auto next = [&] { return (seed = seed * 1664525u + 1013904223u) >> 8; };
  auto line = [&](const std::vector<Slot>& slots) {
    std::string s;
    for (const auto& slot : slots) s += next() % 10 == 0 ? kTokens[next() % std::size(kTokens)] : slot[next() % slot.size()];
    return s;
  };
  int doc_hits = 0, issue_hits = 0;
  for (int i = 0; i < 30000; ++i) {
    std::string s;
    if (i % 3 == 0) {
      const int n = 1 + next() % 14;
      for (int k = 0; k < n; ++k) s += kTokens[next() % std::size(kTokens)];
    } else {
      s = line(i % 3 == 1 ? doc_slots : issue_slots);
    }
    text::Match m;
    const bool want_doc = s.find("号") != std::string::npos && s.size() <= 240 && text::codepoint_count(s) <= 60 &&
                          doc_number->search(s, m);
    EXPECT_EQ(lint::is_doc_number_line(s), want_doc) << s;
    doc_hits += want_doc;
    // is_issue_number_line trims its line first: compare where there is nothing to trim.
    const char32_t first = text::cp_at(s, 0), last = text::cp_before(s, s.size());
    if (text::is_whitespace(first) || text::is_invisible(first) || text::is_whitespace(last) || text::is_invisible(last) ||
        text::codepoint_count(s) > 24)
      continue;
    const bool want_issue = issue->search(s, m);
    EXPECT_EQ(lint::is_issue_number_line(s), want_issue) << s;
    issue_hits += want_issue;
  }
  EXPECT_GT(doc_hits, 100);
  EXPECT_GT(issue_hits, 20);
}

// A 纪要's masthead (issuer, 文种 line, issue number) over its own title: the masthead is 版头
// and the title is the line after the issue number. A bulletin's masthead stays the title.
TEST(TitleFinder, MinutesMastheadOverItsOwnTitle) {
  EXPECT_TRUE(lint::is_issue_number_line("第3期"));
  EXPECT_TRUE(lint::is_issue_number_line("〔2025〕第6期"));
  EXPECT_TRUE(lint::is_issue_number_line("2024年第5期（总第118期）"));
  EXPECT_FALSE(lint::is_issue_number_line("第3期培训班"));
  EXPECT_FALSE(lint::is_issue_number_line("关于第3期的通知"));
  auto d = doc("某某县人民政府\n专题会议纪要\n〔2025〕第6期\n关于研究城区停车设施建设有关问题的会议纪要\n2025年4月9日下午，副县长陈立东主持召开专题会议。");
  auto ti = title(d);
  EXPECT_EQ(lint::title_text(d, ti), "关于研究城区停车设施建设有关问题的会议纪要");
  EXPECT_EQ(ti.front.size(), 3u);
  d = doc("中共衡山县委县直机关工委\n会议纪要\n第3期\n县直机关作风建设领导小组第二次会议纪要\n2025年5月16日，领导小组召开第二次会议。");
  EXPECT_EQ(lint::title_text(d, title(d)), "县直机关作风建设领导小组第二次会议纪要");
  d = doc("大兴信息\n第23期\n大兴区人民政府办公室编　　2025年7月8日\n【区经济和信息化局开通“首贷”绿色通道】\n正文。");
  EXPECT_EQ(lint::title_text(d, title(d)), "大兴信息");
}

// A large document's rules and dictionary scan run on several threads; the findings must be
// the very same, in the same order, as on one thread.
TEST(Threads, LargeDocumentGivesTheSameFindingsOnOneOrFourThreads) {
  auto set = phrases::load_phrase_set(phrases::dictionaries_dir());
  ASSERT_TRUE(set.ok());
  std::string text = "关于做好防汛工作的通知\n各乡镇人民政府：\n";
  const char* lines[] = {
      "会议强调，要高度重视防汛工作,切实增强责任感和紧迫感。\n",
      "一、加强组织领导。各乡镇要在2025-5-20前报送24年3月以来的情况……\n",
      "（二）做好物资储备，储备约500吨左右砂石料，打通服务群众“最后一公里。\n",
      "各乡镇要加强安全生产管理，落实企业主体责任,确保安全度汛。\n",
  };
  for (int i = 0; text.size() < 600 * 1024; ++i) text += lines[i % 4] + std::to_string(i % 7) + "\n";
  const auto d = doc(text);
  const auto& p = national();
  const auto kind = lint::classify(d, p);
  lint::Options one;
  one.phrases = set->get();
  lint::Options four = one;
  four.rule_threads = 4;
  const auto a = lint::lint_document(d, p, kind, one);
  const auto b = lint::lint_document(d, p, kind, four);
  ASSERT_GT(a.findings.size(), 1000u);
  ASSERT_EQ(a.findings.size(), b.findings.size());
  ASSERT_EQ(a.m.hits.size(), b.m.hits.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    const auto& x = a.findings[i];
    const auto& y = b.findings[i];
    ASSERT_TRUE(x.rule == y.rule && x.block == y.block && x.offset == y.offset && x.length == y.length &&
                x.message == y.message && x.severity == y.severity && x.count == y.count && x.leader == y.leader)
        << "finding " << i << ": " << x.rule->id << " vs " << y.rule->id;
  }
}

// A lead opening with a time but no date (连日来, 今年以来, 近期, 眼下, 近日 with no comma)
// is news only with a reporter near the top ("记者从…获悉", "本报记者"): a 公文 or a
// bulletin item opens so as often, and stays unknown.
TEST(Classifier, UndatedLeadIsNewsOnlyWithAReporter) {
  const ClassifierCase cases[] = {
      {"城关镇蔬菜大棚迎来采摘季\n连日来，记者在城关镇蔬菜基地看到，大棚里的黄瓜已经上市。\n记者从镇农业服务中心获悉，今年全镇新建大棚120座。",
       "news", "导语以“连日来”开头并有“记者从”"},
      {"全县秋粮收购进度过半\n今年以来，记者从县粮食和物资储备局了解到，全县已收购秋粮3.2万吨。", "news",
       "导语以“今年以来”开头并有“记者从”"},
      {"东河村的夜市火起来了\n眼下正是夏夜纳凉时节，东河村夜市人头攒动。本报记者走进夜市，摊主们正忙着招呼客人。", "news",
       "导语以“眼下”开头并有“本报记者”"},
      {"县图书馆少儿阅览室开放\n近日县图书馆新增少儿阅览室。记者获悉，阅览室面向全县少年儿童免费开放。", "news",
       "导语以“近日”开头并有“记者获悉”"},
  };
  for (const auto& c : cases) {
    const auto k = lint::classify(doc(c.text), national());
    EXPECT_EQ(k.id, c.kind) << c.text;
    EXPECT_NE(k.reason.find(c.reason_part), std::string::npos) << k.reason;
  }
  // No reporter: a bulletin item or a 公文's paragraph opening the same way stays unknown.
  for (const char* text : {"城关镇加强秋季防火工作\n连日来，城关镇组织干部群众开展秋季防火巡查，排查隐患36处。",
                           "全县秋粮收购进度过半\n今年以来，全县已收购秋粮3.2万吨，完成计划的56%。",
                           "近期重点工作安排\n近期，各单位要抓好安全生产检查，确保不发生重大事故。",
                           "眼下正值秋收时节\n眼下正值秋收时节，各乡镇要组织农机下田。"})
    EXPECT_EQ(lint::classify(doc(text), national()).id, "unknown") << text;
}

// A news story about nobody of the standing committee (a town's own work) is news, from its
// 电头, its byline or the date its lead opens with; a leader's story keeps its own kind, and
// a story naming a member without an activity stays unknown.
TEST(Classifier, NewsWithoutLeaderIsGenericNews) {
  const ClassifierCase cases[] = {
      {"城关镇开展汛前安全隐患大排查\n　　本网讯 5月5日，城关镇组织有关部门排查河道隐患。", "news", "有电头“本网讯”"},
      {"城关镇召开春季植树动员会\n本报讯（记者 王晓）4月1日，城关镇召开春季植树动员会。", "news", "活动类型“召开”"},
      {"东河村建起了扶贫车间\n记者　王晓　通讯员　孙立\n东河村的扶贫车间里机器轰鸣。", "news", "署名行"},
      {"湖北日报讯 记者李新龙\n一场全镇范围内的植树动员会，仅用了20分钟。", "news", "署名行"},
      {"西关社区开展义诊活动\n3月21日上午，西关社区联合县医院开展义诊。", "news", "导语以日期“3月21日上午”开头"},
      {"近日，县图书馆新增少儿阅览室，面向全县少年儿童免费开放。", "news", "导语以日期“近日”开头"},
      {"县委书记李明到石门乡调研\n本报讯 11月3日，县委书记李明到石门乡调研。", "news.main-leader-research", "县委书记"},
      {"汛后恢复重建转入常态\n本报讯 9月1日，全县恢复重建转入常态。", "news.special-routine", "转入常态"},
  };
  for (const auto& c : cases) {
    const auto k = lint::classify(doc(c.text), national());
    EXPECT_EQ(k.id, c.kind) << c.text;
    EXPECT_NE(k.reason.find(c.reason_part), std::string::npos) << k.reason;
  }
  // A member named, no activity word: which limit applies cannot be told.
  EXPECT_EQ(lint::classify(doc("副县长王芳一行\n本报讯 5月5日，副县长王芳一行来到东河村。"), national()).id, "unknown");
  // A leader of another rank or issuer named: unknown too (a department's 党组书记) …
  EXPECT_EQ(lint::classify(doc("县交通运输局党组书记张强带队检查\n本报讯 5月5日，县交通运输局党组书记张强带队检查农村公路。"),
                           national()).id,
            "unknown");
  // … but a township's secretary is no county leader: the town's own news, said so.
  const auto town = lint::classify(doc("镇党委书记张强带队检查\n本报讯 5月5日，镇党委书记张强带队检查河道。"), national());
  EXPECT_EQ(town.id, "news");
  EXPECT_NE(town.reason.find("“镇党委书记”是乡镇、村干部"), std::string::npos) << town.reason;
  // … but named as attending in the paragraph after the lead, the leader and the activity are
  // read there (a lead that only sets the scene).
  const auto later = lint::classify(doc("全县春耕生产会议召开\n本报讯 3月2日，全县春耕生产会议召开。\n县长张华出席会议并讲话。"),
                                    national());
  EXPECT_EQ(later.id, "news.main-leader-meeting");
  EXPECT_NE(later.reason.find("标题和开头三段含“县长”"), std::string::npos) << later.reason;
  EXPECT_EQ(lint::classify(doc("全县春季义务植树活动启动\n3月12日上午，全县义务植树活动在湿地公园启动。\n"
                               "县委常委、副县长赵某出席启动仪式，与志愿者一起植树。"),
                           profile("jinxiang")).id,
            "news.member-meeting");
  // No sign of news at all: unknown.
  EXPECT_EQ(lint::classify(doc("秋色正浓\n山里的枫叶红了。"), national()).id, "unknown");
}

// A paper's own dateline (湖北日报讯, 大众网讯) with an unbracketed reporter, and a copy
// that starts at its dateline alone on the first line: no title, a byline, out of the body.
TEST(BodyScope, PaperDatelineAloneOnFirstLine) {
  EXPECT_GT(lint::dateline_end("湖北日报讯 记者李新龙 一场大会仅用了45分钟。"), 0u);
  EXPECT_TRUE(lint::is_dateline_line("湖北日报讯 记者李新龙"));
  EXPECT_TRUE(lint::is_dateline_line("本报讯"));
  EXPECT_FALSE(lint::is_dateline_line("县供电公司讯息中心"));
  EXPECT_EQ(lint::dateline_end("县供电公司开展安全检查。"), 0u);
  const auto d = doc("湖北日报讯 记者李新龙\n一场全镇范围内的植树动员会，仅用了20分钟。");
  const auto t = title(d);
  EXPECT_EQ(t.first, -1);
  EXPECT_EQ(t.lead, 1);
  const auto b = lint::body_of(d, profiles::BodyScope{}, t);
  EXPECT_EQ(b.counts.zishu, count::count_text("一场全镇范围内的植树动员会，仅用了20分钟。").zishu);
  // The same line under a headline is its byline.
  const auto d2 = doc("全镇植树动员会只开了20分钟\n本报讯\n一场全镇范围内的植树动员会，仅用了20分钟。");
  const auto t2 = title(d2);
  EXPECT_EQ(t2.first, 0);
  EXPECT_EQ(t2.lead, 2);
}

// A portal's bar laid out as a form, its labels spaced out ("标　　题：", "主 题 词："), with
// 分类 beside 索引号: the bar, and its 标题 field no title (the 索引号 line was, and the
// notice's title was text).
TEST(InfoBar, FormLabelsSpacedOut) {
  EXPECT_TRUE(lint::is_info_bar_line("索引号：11410-2026-00045　　　　分类：通知"));
  EXPECT_TRUE(lint::is_info_bar_line("标　　题：临江市人民政府办公室关于做好防汛抗旱工作的通知"));
  EXPECT_TRUE(lint::is_info_bar_line("文　　号：临政办发〔2026〕14号　　　主 题 词："));
  EXPECT_FALSE(lint::is_info_bar_line("主题词：政务服务　窗口　管理　办法"));
  EXPECT_FALSE(lint::is_info_bar_line("垃圾分类：按户分类投放"));
  const auto d = doc("当前位置：首页>>信息公开>>政府文件\n索引号：11410-2026-00045　　　　分类：通知\n"
                     "标　　题：临江市人民政府办公室关于做好防汛工作的通知\n"
                     "临江市人民政府办公室关于做好防汛工作的通知\n各县（市、区）人民政府:\n"
                     "　　一、落实防汛责任.\n　　二、开展汛前检查.\n临江市人民政府办公室\n2026年3月5日\n【打印】　【关闭】\n");
  const auto ti = title(d);
  EXPECT_EQ(lint::title_text(d, ti), "临江市人民政府办公室关于做好防汛工作的通知");
  // The date over the page's 【打印】【关闭】 has no text under it: no headline, and the
  // notice's lines above it stay text.
  EXPECT_FALSE(ti.in_meta(4));
  EXPECT_FALSE(ti.in_meta(8));
}

// A headline set on two lines above the bar keeps its first line ("…办公室关于印发衡山县城区"
// / "停车管理办法的通知"): it was taken for the site's masthead.
TEST(InfoBar, TwoLineHeadlineOverTheBar) {
  const auto d = doc("某县人民政府门户网站\n首页 | 政务公开 | 政务服务\n某县人民政府办公室关于印发某县城区\n停车管理办法的通知\n"
                     "发布时间：2026-03-20 09:30　来源：县政府办公室　访问量：876\n各乡镇人民政府：\n现印发给你们。\n");
  EXPECT_EQ(lint::title_text(d, title(d)), "某县人民政府办公室关于印发某县城区停车管理办法的通知");
}

// Joint issuers one a line over the 发文字号 are the 版头; the title names both issuers over
// its 关于… line (the first issuer was the title, and the kind unknown).
TEST(Title, JointIssuersOverTheDocNumber) {
  const auto d = doc("中共某市委办公室\n某市人民政府办公室\n\n某办文〔2026〕11号\n\n中共某市委办公室　某市人民政府办公室\n"
                     "关于进一步加强和改进调查研究工作的意见\n\n各县（市、区）委、人民政府：\n正文。\n");
  const auto ti = title(d);
  EXPECT_EQ(ti.front.size(), 3u);
  EXPECT_EQ(lint::title_text(d, ti), "中共某市委办公室　某市人民政府办公室关于进一步加强和改进调查研究工作的意见");
}

namespace {

// Items numbered by Word's numbering (the "1." is a label, not text) are items, and a research
// item's own 一、二、 under them stay inside it: the issue was 3 research "items" cut at the
// sub-headings, with none of the numbered items found.
TEST(Items, WordNumberedItemsInADocx) {
  auto numbered = [](const std::string& t, int num) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) +
           "\"/></w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r></w:p>";
  };
  wenfeng::testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>";
  parts.body = para("大兴信息", true) + para("第12期", false) +
               numbered("区水务局完成12处易积水点改造。区水务局新建雨水管线3.6公里，增设雨水口210个。", 1) +
               numbered("区教委举办中小学校长培训班。3月18日，全区86名校长参加培训。", 1) +
               numbered("关于我区老旧小区加装电梯工作的调查", 1) + para("区住房城乡建设委开展了调查。", false) +
               numbered("进展情况", 2) + para("全区累计完成加装电梯316部。", false) + numbered("主要困难", 2) +
               para("居民意见难统一。", false);
  auto bytes = wenfeng::testing::build_docx(parts);
  ASSERT_TRUE(bytes.ok());
  auto d = readers::read_docx(*bytes);
  ASSERT_TRUE(d.ok()) << d.error().message;
  const auto r = lint::lint_document(*d, profile("daxing"), given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 3u);
  EXPECT_FALSE(r.m.items[0].research);
  EXPECT_TRUE(r.m.items[2].research);
  // The first item's text after its headline is counted: 新建雨水管线3.6公里，增设雨水口210个。
  EXPECT_GT(r.m.items[0].counts.zishu, 10u);
}

}  // namespace

namespace {

TEST(InfoBar, TwoLabelledFieldsBesideADate) {
  // A news portal's bar: source and editor beside the page's date (no 发布时间 label).
  EXPECT_TRUE(lint::is_info_bar_line("来源:新华网 2024-06-08 编辑:王磊"));
  EXPECT_TRUE(lint::is_info_bar_line("来源：县融媒体中心　2024年6月8日　作者：李明"));
  // One field beside a date, or two fields with no date, stays text.
  EXPECT_FALSE(lint::is_info_bar_line("来源：县统计局　2024-06-08"));
  EXPECT_FALSE(lint::is_info_bar_line("名称：县应急物资储备库　时间：2024年"));
  EXPECT_FALSE(lint::is_info_bar_line("资金来源：县财政，编辑：县志办，2024年6月8日前完成。"));
}

TEST(BodyScope, AWebCopysBarAndClosingCreditsAreNotCounted) {
  const auto d = doc(
      "多地迎来强降雨\n来源:新华网 2024-06-08 编辑:王磊\n新华社南昌7月3日电 记者从江西省防汛抗旱指挥部获悉。\n"
      "各地加强巡堤查险。\n（责任编辑：陈静）");
  const auto t = title(d);
  const auto b = lint::body_of(d, profiles::BodyScope{}, t);
  // Counted: 记者从江西省防汛抗旱指挥部获悉。(16) + 各地加强巡堤查险。(9)
  EXPECT_EQ(b.counts.zishu, 25u);
  EXPECT_TRUE(t.in_meta(1));
  EXPECT_TRUE(t.in_meta(4));
  // A closing line that is the draft's own sentence is counted.
  const auto e = doc("标题\n正文第一段。\n编辑：县志办负责，年底前完成。");
  EXPECT_EQ(lint::body_of(e, profiles::BodyScope{}, title(e)).counts.zishu, 21u);
}

}  // namespace

namespace {

// A plain-text issue whose items have bare titles, a blank line before each: the items are
// the titles' (a research item keeps its 一、二、 sub-headings, blank lines between them or
// not), and the findings say how the items were found.
TEST(Items, BareTitlesAfterBlankLines) {
  std::string over;
  for (int i = 0; i < 5; ++i) over += "区市场监管局对全区127所学校食堂开展食材抽检" + std::to_string(i + 2) + "轮，均未发现问题。";
  const std::string t = "大兴信息\n第27期\n区政府办公室编　　2024年9月10日\n\n"
                        "区市场监管局“扫码查餐”覆盖全区学校食堂\n" + over + "\n\n"
                        "榆垡镇“共享农机”帮助小农户降低耕作成本\n榆垡镇整合农机68台，建立预约平台。\n平台今年完成作业订单920单。\n\n"
                        "关于我区社区养老服务驿站运营情况的调查\n区民政局走访驿站36家。\n一、基本情况\n全区现有驿站84家。\n\n"
                        "二、存在的问题\n一是运营收支难以平衡。\n三、对策建议\n一是推行连锁化运营。\n\n"
                        "报：区委、区政府领导\n";
  const auto d = doc(t);
  const auto r = lint::lint_document(d, profile("daxing"), given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(r.m.items.size(), 3u);
  EXPECT_EQ(r.m.items[0].title, "区市场监管局“扫码查餐”覆盖全区学校食堂");
  EXPECT_EQ(r.m.items[1].spans.size(), 2u);
  EXPECT_TRUE(r.m.items[2].research);
  EXPECT_EQ(r.m.items[2].spans.size(), 7u);
  EXPECT_FALSE(r.m.items[0].found_by.empty());
  int item_findings = 0;
  for (const auto& f : r.findings)
    if (f.rule_id() == "length.item") {
      ++item_findings;
      EXPECT_NE(f.text().find("第 1 条"), std::string::npos) << f.text();
      EXPECT_NE(f.text().find("按空行后的短标题行分条"), std::string::npos) << f.text();
    }
  EXPECT_EQ(item_findings, 1);
}

// Bare lines are taken for titles only when nothing else marks the items, and never when
// they are not set apart: no split is better than a wrong one.
TEST(Items, BareTitlesNeedBlankLinesAndNoOtherMarks) {
  const auto p = profile("daxing");
  // No blank lines: a short line in a run of paragraphs is no title.
  const auto run_on = doc("大兴信息\n第27期\n区市场监管局覆盖全区学校食堂\n区市场监管局推行扫码查餐。\n"
                          "榆垡镇共享农机帮助小农户\n榆垡镇整合农机68台。\n");
  EXPECT_TRUE(lint::lint_document(run_on, p, given("bulletin.daxing-info"), limits_only()).m.items.empty());
  // 【】 titles mark the items: a bare-looking line between them is the item's text.
  const auto marked = doc("大兴信息\n\n【甲单位做法】\n甲单位做了一件事。\n\n乙单位的另一件事情\n乙单位也做了一件事。\n\n"
                          "【丙单位做法】\n丙单位做了一件事。\n");
  const auto rm = lint::lint_document(marked, p, given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(rm.m.items.size(), 2u);
  EXPECT_TRUE(rm.m.items[0].found_by.empty());
  // Numbered items set apart by blank lines are the editor's numbering.
  const auto numbered = doc("大兴信息\n\n一、甲单位推行扫码查餐\n甲单位做了一件事。\n\n二、乙单位推行共享农机\n乙单位做了一件事。\n\n"
                            "丙单位的另一件事情\n丙单位也做了一件事。\n");
  const auto rn = lint::lint_document(numbered, p, given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(rn.m.items.size(), 2u);
  EXPECT_EQ(rn.m.items[0].title, "一、甲单位推行扫码查餐");
  // A body paragraph's short lead-in ("主要做法如下：") or a sentence is no title.
  const auto lead_in = doc("大兴信息\n\n甲单位推行扫码查餐覆盖学校\n甲单位做了一件事。\n\n主要做法有以下几个方面：\n一是做了一件事。\n\n"
                           "乙单位推行共享农机帮助农户\n乙单位做了一件事。\n");
  const auto rl = lint::lint_document(lead_in, p, given("bulletin.daxing-info"), limits_only());
  ASSERT_EQ(rl.m.items.size(), 2u);
  EXPECT_EQ(rl.m.items[0].spans.size(), 3u);
}

// The duration finding of a lint run, or null.
const model::Diagnostic* duration_finding(const lint::Report& r) {
  for (const auto& f : r.findings)
    if (f.rule_id() == "duration.speech") return &f;
  return nullptr;
}

std::string data_of(const model::Diagnostic& f, std::string_view key) {
  for (const auto& [k, v] : f.data)
    if (k == key) return std::string(v);
  return {};
}

// Speech limits are tiers: an issuer's own figure replaces national's in its kind, but the
// national 2024 rule (a main speech or report at most 1 hour; no speech longer) still binds.
TEST(Limits, SpeechTiersInheritedFromNational) {
  // Jinxiang: every member's speech ≤ 30 minutes (warning); 67 minutes passes national's hour too.
  const auto j = profile("jinxiang");
  const auto long_speech = doc(repeat_paragraphs("在全县安全生产工作会议上的讲话", 13400));
  auto r = lint::lint_document(long_speech, j, lint::classify(long_speech, j), limits_only());
  const model::Diagnostic* f = duration_finding(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, model::Severity::kError);
  EXPECT_NE(f->text().find("超出上限 30 分钟"), std::string::npos) << f->text();
  EXPECT_NE(f->text().find("同时超出规范 national 的上限 60 分钟"), std::string::npos) << f->text();
  EXPECT_NE(f->text().find("会议篇"), std::string::npos) << f->text();
  EXPECT_NE(f->text().find("按所超上限中最重的级别（错误）报告"), std::string::npos) << f->text();
  EXPECT_EQ(data_of(*f, "also_exceeded"), "60:national");
  EXPECT_EQ(data_of(*f, "limit_minutes"), "30");
  EXPECT_EQ(f->source->issuer, "中共金乡县委");
  // 40 minutes: only the county's own 30, a warning.
  const auto mid = doc(repeat_paragraphs("在全县安全生产工作会议上的讲话", 8000));
  r = lint::lint_document(mid, j, lint::classify(mid, j), limits_only());
  f = duration_finding(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, model::Severity::kWarning);
  EXPECT_EQ(f->text().find("同时超出"), std::string::npos) << f->text();
  EXPECT_EQ(data_of(*f, "also_exceeded"), "");

  // Yichun: the main leader's 60 (warning) and national's 60 (error) are both passed.
  const auto y = profile("yichun");
  r = lint::lint_document(long_speech, y, given("speech.main-leader"), limits_only());
  f = duration_finding(r);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, model::Severity::kError);
  // … one figure, said once: both sources named, the figure not listed twice.
  EXPECT_EQ(data_of(*f, "also_exceeded"), "");
  EXPECT_EQ(data_of(*f, "same_limit"), "national");
  EXPECT_EQ(data_of(*f, "limit_minutes"), "60");
  EXPECT_NE(f->text().find("超出上限 60 分钟"), std::string::npos) << f->text();
  EXPECT_NE(f->text().find("规范 national 的上限相同（错误；依据："), std::string::npos) << f->text();
  EXPECT_EQ(f->text().find("60 分钟", f->text().find("超出上限 60 分钟") + std::string_view("超出上限 60 分钟").size()),
            std::string::npos)
      << f->text();
  EXPECT_NE(f->text().find("按所超上限中最重的级别（错误）报告"), std::string::npos) << f->text();
  // Other leaders: 40 (error) and, over an hour, the national hour.
  r = lint::lint_document(long_speech, y, given("speech.leader"), limits_only());
  f = duration_finding(r);
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->text().find("超出上限 40 分钟"), std::string::npos) << f->text();
  EXPECT_EQ(data_of(*f, "also_exceeded"), "60:national");
  const auto yl = doc(repeat_paragraphs("在全市政务服务工作会议上的讲话", 9000));
  f = duration_finding(r = lint::lint_document(yl, y, given("speech.leader"), limits_only()));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(data_of(*f, "also_exceeded"), "");

  // Daxing: 20 / 15 / 5 minutes, each with national's hour behind it.
  const auto dx = profile("daxing");
  for (const char* kind : {"speech.main-report", "speech.leader", "speech.exchange"}) {
    f = duration_finding(r = lint::lint_document(long_speech, dx, given(kind), limits_only()));
    ASSERT_NE(f, nullptr) << kind;
    EXPECT_EQ(data_of(*f, "also_exceeded"), "60:national") << kind;
    EXPECT_EQ(f->severity, model::Severity::kError) << kind;
  }
  f = duration_finding(r = lint::lint_document(mid, dx, given("speech.leader"), limits_only()));
  ASSERT_NE(f, nullptr);
  EXPECT_NE(f->text().find("超出上限 15 分钟"), std::string::npos) << f->text();
  EXPECT_EQ(data_of(*f, "also_exceeded"), "");

  // National: any speech over the hour, whoever gives it; within it, none.
  const auto& n = national();
  for (const char* kind : {"speech", "speech.leader", "speech.main-leader"}) {
    f = duration_finding(r = lint::lint_document(long_speech, n, given(kind), limits_only()));
    ASSERT_NE(f, nullptr) << kind;
    EXPECT_NE(f->text().find("超出上限 60 分钟"), std::string::npos) << f->text();
    EXPECT_EQ(data_of(*f, "also_exceeded"), "") << kind;
    EXPECT_EQ(duration_finding(lint::lint_document(mid, n, given(kind), limits_only())), nullptr) << kind;
  }
}

// The profile keeps what it replaced: jinxiang's speech keeps national's hour.
TEST(Limits, ReplacedLimitsAreKept) {
  const auto j = profile("jinxiang");
  const auto* k = j.kind("speech");
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->limits.at("duration.speech").max, 30);
  ASSERT_EQ(k->inherited.count("duration.speech"), 1u);
  ASSERT_EQ(k->inherited.at("duration.speech").size(), 1u);
  EXPECT_EQ(k->inherited.at("duration.speech")[0].profile, "national");
  EXPECT_EQ(k->inherited.at("duration.speech")[0].max, 60);
  // A kind no issuer replaced keeps nothing.
  EXPECT_TRUE(national().kind("speech")->inherited.empty());
}

// Township and village officials are no county leaders: a story quoting them is news when a
// byline, a 电头 or a dated lead says so; the reason names what decided it.
TEST(Kinds, TownshipStoryQuotingLocalOfficialsIsNews) {
  const auto p = profile("jinxiang");
  auto k = lint::classify(doc("羊山镇“积分超市”让乡村治理有了新抓手\n5月28日上午，羊山镇前进村“积分超市”里，村民用积分换回了一袋面粉。\n"
                              "“过去喊破嗓子没人来，现在大家抢着干。”羊山镇党委书记赵立新说，积分制实施一年来，全镇参与村民超过1.1万人次。\n"),
                          p);
  EXPECT_EQ(k.id, "news");
  EXPECT_NE(k.reason.find("导语以日期“5月28日上午”开头"), std::string::npos) << k.reason;
  EXPECT_NE(k.reason.find("“镇党委书记”是乡镇、村干部"), std::string::npos) << k.reason;
  k = lint::classify(doc("胡集镇小麦机收进度过半\n6月5日，在胡集镇后刘村的麦田里，6台联合收割机来回穿梭。\n"
                         "后刘村党支部书记刘建国说，村里1800亩小麦预计两天内全部收完。镇党委副书记、镇长周文介绍了农机服务情况。\n"),
                     p);
  EXPECT_EQ(k.id, "news");
  EXPECT_NE(k.reason.find("村党支部书记"), std::string::npos) << k.reason;
  EXPECT_NE(k.reason.find("镇党委副书记"), std::string::npos) << k.reason;
  // A byline, no date: news, the byline named.
  k = lint::classify(doc("新坊镇油茶低改助农增收\n通讯员　胡建华\n眼下正是油茶林抚育管护的关键时节，新坊镇的基地里，村民正在修枝。\n"
                         "新坊镇党委书记李文斌说，镇里从去年起分三年改造低产林。\n"),
                     p);
  EXPECT_EQ(k.id, "news");
  EXPECT_NE(k.reason.find("有署名行“通讯员　胡建华”"), std::string::npos) << k.reason;
  // A county leader beside the township's secretary keeps it a leader's story (or unknown).
  k = lint::classify(doc("羊山镇推行积分制管理\n5月28日，羊山镇召开积分制管理推进会。镇党委书记赵立新主持，县委常委、宣传部长刘某出席。\n"), p);
  EXPECT_NE(k.id, "news") << k.reason;
  // 县委书记, 镇人大主席 that is a county's: not local.
  k = lint::classify(doc("羊山镇推行积分制管理\n5月28日，羊山镇召开积分制管理推进会，县政协主席王某出席。\n"), p);
  EXPECT_NE(k.id, "news") << k.reason;
  k = lint::classify(doc("羊山镇人大代表之家揭牌\n5月28日，羊山镇人大代表之家揭牌。镇人大主席孙某介绍了代表之家的活动安排。\n"), p);
  EXPECT_EQ(k.id, "news") << k.reason;
}

}  // namespace

namespace {

// A speech's speaker and date under its title are its byline, not spoken: not counted, and
// still read for who speaks. Without the salutation after them, they stay text.
TEST(BodyScope, ASpeechsSpeakerAndDateAreNotCounted) {
  const auto d = doc("在全市招商引资工作推进会上的讲话\n市长　李国强\n（2024年3月12日）\n同志们：\n今天召开会议。\n");
  const auto t = title(d);
  EXPECT_EQ(t.bylines.size(), 2u);
  // Counted: 同志们：(4) + 今天召开会议。(7)
  EXPECT_EQ(lint::body_of(d, profiles::BodyScope{}, t).counts.zishu, 11u);
  const auto k = lint::classify(d, profile("yichun"));
  EXPECT_EQ(k.id, "speech.main-leader");
  EXPECT_NE(k.reason.find("署名含“市长”"), std::string::npos) << k.reason;
  const auto n = doc("全市招商引资工作推进会召开\n市长李国强出席\n会议部署了全年工作。\n");
  EXPECT_TRUE(title(n).bylines.empty());
}

}  // namespace
