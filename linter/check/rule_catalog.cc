#include "check/rule_catalog.h"

namespace wenfeng::check {

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> rules = {
      {"length.body", "正文篇幅",
       "按所选规范和稿件类型检查正文字数（默认 Word 兼容“字数”）。正文不含标题、电头（本报讯（记者…））、"
       "编者按和图片说明（可在规范的 body_scope 中调整）。报告实测字数、上限、超出字数，并指向超出上限的第一个字。",
       true},
      {"length.item", "单条信息篇幅",
       "把一期简报按标题样式或规范中的条目标题格式拆成单条信息，逐条检查字数；调研类信息（栏目或标题含调研标记）"
       "使用 length.item-research 上限。",
       true},
      {"length.items", "每期条数",
       "一期简报或报告中的信息条数上限（如《应急工作》一事一报：每期 1 条）。", true},
      {"length.pages", "每期页数",
       "按 GB/T 9704 版心（每页 22 行、每行 28 字，标题 2 号字）估算页数并与上限比较；文档保存的页数只作对照。", true},
      {"duration.tv", "电视播报时长",
       "使用 --medium tv 时，按规范的电视语速（默认 290 字/分钟）把正文字数换算成播报时长，与上限比较。", true},
      {"duration.speech", "讲话时长",
       "讲话类稿件按规范的讲话语速（默认 200 字/分钟）把正文字数换算成时长，与上限比较，并给出 180–220 字/分钟的区间。",
       true},
      {"kind.not-reportable", "不应报道的活动",
       "规范规定某类活动一般不报道或一律不报道时，对该类型的稿件给出提示。", true},
      {"kind.genre", "禁止的体裁", "规范禁止某类报道采用的体裁（如主要领导调研不发侧记、特写、综述）。", true},
      {"kind.named-escorts", "陪同人员列名",
       "调研报道中陪同的部门和地方负责同志不列名：含“陪同”且含职务称谓的句子会被指出（按词语推测）。", true},
      {"kind.item-type", "信息类别",
       "按条目标题关键词推测信息类别（如日常会议类、仪式表彰类），给出规范对该类信息的要求；这是推测，会注明依据的关键词。",
       true},
      {"phrase.boilerplate", "空话套话",
       "按 dictionaries/boilerplate.dict 中的词条（分类、来源、建议）查找空话套话；跨 Word 文本段、修订和空格匹配，"
       "不跨段落。有出处的词条为警告，编者判断的词条为提示；宜春规范中一律为错误。",
       false},
      {"phrase.banned", "新华社禁用、慎用词",
       "按新华社《新闻信息报道中的禁用词和慎用词》中与公务新闻相关的词条给出替换建议；仅适用于新闻的词条只在新闻类稿件中检查。",
       false},
      {"phrase.density", "空话套话密度",
       "正文每千字中的空话套话处数超过规范阈值（默认 8）时，给出一条全文级提示，列出最常见的说法。", false},
      {"typo.confusable", "易混词",
       "截止/截至、严谨/严禁、反映/反应、启用/起用、部署/布署、既…又 等易混词；每个词条带上下文条件，正确用法不报。",
       false},
      {"kind.unknown", "未确定稿件类型",
       "既没有 --kind、.wenfeng.yaml、文档属性，分类器也无法判断时，提示用户指定类型；此时不检查按类型规定的篇幅。",
       false},
  };
  return rules;
}

const RuleInfo* find_rule(const std::string& id) {
  for (const auto& r : rule_catalog())
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace wenfeng::check
