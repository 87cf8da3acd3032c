#include "corpus.h"

#include <array>
#include <string_view>

namespace wenfeng::bench {
namespace {

// A small deterministic generator (the corpora must be the same on every machine).
class Rng {
 public:
  explicit Rng(std::uint32_t seed) : s_(seed * 2654435761u + 0x9E3779B9u) {}
  std::uint32_t next() {
    s_ ^= s_ << 13;
    s_ ^= s_ >> 17;
    s_ ^= s_ << 5;
    return s_;
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }
  bool chance(double p) { return (next() % 1000000) < static_cast<std::uint32_t>(p * 1000000); }
  template <std::size_t N>
  std::string_view pick(const std::array<std::string_view, N>& a) {
    return a[below(N)];
  }

 private:
  std::uint32_t s_;
};

constexpr std::array<std::string_view, 12> kCounty = {"青山县", "柳河县", "石门县", "东湖区", "南岭县", "清溪县",
                                                     "白云区", "龙泉县", "桃源县", "安平县", "长宁县", "丰乐县"};
constexpr std::array<std::string_view, 14> kTown = {"柳溪镇", "石门乡", "青龙镇", "桥头镇", "白沙乡", "东山街道",
                                                   "新华街道", "梅岭镇", "水口乡", "双河镇", "枫林镇", "凤凰乡",
                                                   "杨家坪乡", "三江口镇"};
constexpr std::array<std::string_view, 18> kDept = {
    "县发展改革局", "县财政局", "县住房城乡建设局", "县应急管理局", "县教育局", "县卫生健康委", "县农业农村局",
    "县交通运输局", "县自然资源局", "县生态环境分局", "县市场监管局", "县人力资源社会保障局", "县水利局",
    "县文化和旅游局", "县商务局", "县公安局", "县民政局", "县林业局"};
// Names with rare characters as offices meet them: 堃 喆 彧 in the BMP; 𠮷 (U+20BB7) and
// 𬌗 (U+2C317) outside it when CorpusOptions::supplementary is set.
constexpr std::array<std::string_view, 16> kPerson = {"王建国", "李明", "陈立", "张堃", "赵红梅", "刘海涛",
                                                     "周明远", "孙雨", "黄丽", "吴喆", "郑晓燕", "冯德胜",
                                                     "邓彧", "何文博", "许佳怡", "彭国庆"};
constexpr std::array<std::string_view, 16> kPersonRare = {"王建国", "李明", "陈立", "张𠮷祥", "赵红梅", "刘海涛",
                                                         "周明远", "孙雨", "黄丽", "吴喆", "郑晓燕", "冯德胜",
                                                         "邓子𬌗", "何文博", "许佳怡", "彭国庆"};
constexpr std::array<std::string_view, 8> kPost = {"县委书记", "县长", "常务副县长", "副县长",
                                                  "县委常委、办公室主任", "县政协主席", "县人大常委会主任", "县委副书记"};
constexpr std::array<std::string_view, 20> kTopic = {
    "安全生产", "防汛抗旱", "森林防火", "乡村振兴", "营商环境优化", "基层减负", "农村人居环境整治", "农田水利建设",
    "城乡居民医疗保险征缴", "冬春季动物疫病防控", "义务教育薄弱环节改善", "老旧小区改造", "政务服务“一网通办”",
    "耕地保护", "燃气安全专项整治", "河湖长制", "秸秆综合利用", "高标准农田建设", "根治欠薪", "食品安全"};
constexpr std::array<std::string_view, 10> kDoc = {
    "安全生产法", "党政机关公文处理工作条例", "地质灾害防治条例", "优化营商环境条例", "森林防火条例",
    "关于进一步加强基层治理的意见", "政府工作报告", "突发事件应对法", "土地管理法", "乡村振兴促进法"};
constexpr std::array<std::string_view, 10> kSlogan = {"一岗双责", "放管服", "最多跑一次", "三同时", "四不两直",
                                                     "吹哨报到", "两不愁三保障", "一户一档", "清单化管理", "接诉即办"};
constexpr std::array<std::string_view, 8> kWenzhong = {"通知", "意见", "报告", "通报", "方案", "请示", "函", "纪要"};
constexpr std::array<std::string_view, 6> kLead = {"关于做好", "关于进一步加强", "关于印发", "关于开展",
                                                  "关于切实做好", "关于推进"};
constexpr std::array<std::string_view, 8> kHeading = {"总体要求", "工作目标", "主要任务", "重点措施",
                                                     "保障措施", "工作安排", "职责分工", "有关要求"};
constexpr std::array<std::string_view, 6> kSubHeading = {"强化组织领导", "压实工作责任", "加强督促检查",
                                                        "做好宣传引导", "严格资金管理", "健全长效机制"};

std::string num(Rng& r, std::uint32_t lo, std::uint32_t hi) { return std::to_string(lo + r.below(hi - lo + 1)); }
std::string decimal(Rng& r, std::uint32_t hi) { return num(r, 1, hi) + "." + num(r, 1, 9); }
std::string money(Rng& r) {
  switch (r.below(3)) {
    case 0: return decimal(r, 60) + "亿元";
    case 1: return num(r, 120, 9800) + "万元";
    default: return decimal(r, 900) + "万元";
  }
}
std::string pct(Rng& r) { return decimal(r, 30) + "%"; }
std::string month_day(Rng& r) { return num(r, 1, 12) + "月" + num(r, 1, 28) + "日"; }
std::string full_date(Rng& r) { return "20" + num(r, 21, 25) + "年" + month_day(r); }
std::string phone(Rng& r) {
  std::string p = "0";
  p += num(r, 710, 799);
  p += '-';
  p += num(r, 5000000, 8999999);
  return p;
}

// One sentence, written from a template.
std::string sentence(Rng& r, const CorpusOptions& o) {
  std::string s;
  auto person = [&] { return o.supplementary ? r.pick(kPersonRare) : r.pick(kPerson); };
  auto add = [&](std::string_view p) { s.append(p); };
  switch (r.below(24)) {
    case 0:
      add(month_day(r)), add("，"), add(r.pick(kDept)), add("组织召开"), add(r.pick(kTopic)),
          add("工作推进会，通报前一阶段进展情况，安排部署下一步工作。");
      break;
    case 1:
      add("今年以来，全县累计实施"), add(r.pick(kTopic)), add("项目"), add(num(r, 12, 380)), add("个，完成投资"),
          add(money(r)), add("，同比增长"), add(pct(r)), add("。");
      break;
    case 2:
      add("各乡镇、各部门要结合实际制定具体实施方案，明确时间表和路线图，于"), add(month_day(r)),
          add("前将落实情况报送"), add(r.pick(kDept)), add("。");
      break;
    case 3:
      add("截至"), add(month_day(r)), add("，全县已排查各类隐患"), add(num(r, 200, 4000)), add("处，整改完成"),
          add(num(r, 100, 3900)), add("处，整改率"), add(pct(r)), add("。");
      break;
    case 4:
      add(r.pick(kPost)), add(person()), add("指出，"), add(r.pick(kTopic)),
          add("事关群众切身利益，必须坚持问题导向，把工作做细做实，让群众看到实实在在的变化。");
      break;
    case 5:
      add("要建立健全“"), add(r.pick(kSlogan)), add("”工作机制，把责任落实到具体单位和具体人员，确保各项措施落到实处。");
      break;
    case 6:
      add("要认真贯彻落实《"), add(r.pick(kDoc)), add("》和《"), add(r.pick(kDoc)),
          add("》有关规定，结合本地实际抓好执行。");
      break;
    case 7:
      add("对工作不力、推诿扯皮、造成严重后果的，依规依纪依法严肃追究有关单位和人员的责任。");
      break;
    case 8:
      add("联系人："), add(person()), add("，联系电话："), add(phone(r)), add("。");
      break;
    case 9:
      add("项目总投资约"), add(money(r)), add("，建设周期"), add(num(r, 6, 12)), add("～"), add(num(r, 13, 36)),
          add("个月，建成后可新增就业岗位"), add(num(r, 80, 1500)), add("个。");
      break;
    case 10:
      add("全年接待游客"), add(decimal(r, 900)), add("万人次，实现旅游综合收入"), add(money(r)), add("，分别增长"),
          add(pct(r)), add("和"), add(pct(r)), add("。");
      break;
    case 11:
      add("参加会议的有"), add(r.pick(kDept)), add("、"), add(r.pick(kDept)), add("、"), add(r.pick(kDept)),
          add("和各乡镇（街道）分管负责同志。");
      break;
    case 12:
      add("本"), add(r.pick(kWenzhong)), add("自"), add(full_date(r)), add("起施行，有效期"), add(num(r, 2, 5)),
          add("年。");
      break;
    case 13:
      add("会议强调，要高度重视"), add(r.pick(kTopic)), add("工作，切实增强责任感和紧迫感，以钉钉子精神抓好落实。");
      break;
    case 14:
      add("全县PM2.5平均浓度为"), add(num(r, 18, 45)), add("微克/立方米，优良天数比例达到"), add(pct(r)),
          add("，新建5G基站"), add(num(r, 40, 600)), add("个。");
      break;
    case 15:
      add("详细内容可登录县政府门户网站（http://www.qingshan.gov.cn）查询，也可发送邮件至zwgk@qingshan.gov.cn。");
      break;
    case 16:
      add(r.pick(kTown)), add("通过“党支部+合作社+农户”模式，带动"), add(num(r, 120, 980)), add("户群众户均增收"),
          add(num(r, 1200, 8600)), add("元。");
      break;
    case 17:
      add("气温将下降"), add(num(r, 4, 8)), add("～"), add(num(r, 9, 14)), add("℃，局地有中到大雨，请各地提前做好防范应对。");
      break;
    case 18:
      add("新建和改造农村公路"), add(decimal(r, 300)), add("公里，新增高标准农田"), add(decimal(r, 90)),
          add("万亩，粮食总产量稳定在"), add(decimal(r, 60)), add("万吨以上。");
      break;
    case 19:
      add(r.pick(kTown)), add("党委书记"), add(person()), add("说：“群众的事再小也是大事，我们要一件一件办好。”");
      break;
    case 20:
      add("要严格执行值班值守和领导带班制度，值班人员必须在岗在位，保持通信畅通，发生突发事件按规定及时报告。");
      break;
    case 21:
      add("检查发现的"), add(num(r, 3, 90)), add("个问题已全部建立台账，实行销号管理，对"), add(num(r, 2, 20)),
          add("家企业下达整改通知书。");
      break;
    case 22:
      add("上半年，全县地区生产总值完成"), add(money(r)), add("，增长"), add(pct(r)), add("；一般公共预算收入"),
          add(money(r)), add("，增长"), add(pct(r)), add("。");
      break;
    default:
      add("全县共有"), add(r.chance(0.5) ? "村（社区）" : "规模以上工业企业"), add(num(r, 90, 400)), add("个，其中"),
          add(num(r, 10, 80)), add("个已完成"), add(r.pick(kTopic)), add("年度任务。");
      break;
  }
  return s;
}

// One typical fault, at random, in a sentence.
void add_fault(Rng& r, std::string& s) {
  auto replace_first = [&](std::string_view from, std::string_view to) {
    const auto at = s.find(from);
    if (at == std::string::npos) return;
    std::string t = s.substr(0, at);
    t += to;
    t += std::string_view(s).substr(at + from.size());
    s.swap(t);
  };
  switch (r.below(8)) {
    case 0: replace_first("，", ","); break;                         // a half-width comma
    case 1: {                                                        // a space after a few characters
      std::size_t at = 9;
      while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
      if (at < s.size()) s = s.substr(0, at) + std::string(1, ' ') + s.substr(at);
      break;
    }
    case 2: s += "用时3、4天。"; break;                               // digits for an approximation
    case 3: s += "约" + num(r, 100, 900) + "人左右参加。"; break;    // 约 … 左右
    case 4: replace_first("。", "。。"); break;                      // a doubled full stop
    case 5: s += "工期为2024-5-" + num(r, 1, 28) + "至年底。"; break;  // a dashed date
    case 6: replace_first("……", "..."); s += "调研、座谈、走访..."; break;
    default: s += "增长18～25%。"; break;                            // a range without its first unit
  }
}

std::string title(Rng& r) {
  std::string t(r.pick(kLead));
  t += r.pick(kTopic);
  t += "工作的";
  t += r.pick(kWenzhong);
  return t;
}

std::string paragraph(Rng& r, const CorpusOptions& o, std::size_t sentences) {
  std::string p;
  for (std::size_t i = 0; i < sentences; ++i) {
    std::string s = sentence(r, o);
    if (r.chance(o.fault_rate)) add_fault(r, s);
    p += s;
  }
  return p;
}

// Web copies type the sentence punctuation half-width; quotes, 、 and 《》 stay.
void to_halfwidth(std::string& s) {
  static constexpr std::pair<std::string_view, char> kMap[] = {{"，", ','}, {"。", '.'}, {"：", ':'}, {"；", ';'},
                                                               {"（", '('}, {"）", ')'}, {"！", '!'}, {"？", '?'}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool mapped = false;
    for (const auto& [from, to] : kMap)
      if (s.compare(i, from.size(), from) == 0) {
        out += to;
        i += from.size();
        mapped = true;
        break;
      }
    if (!mapped) out += s[i++];
  }
  s.swap(out);
}

const char* kChineseNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

}  // namespace

std::vector<std::string> official_draft(std::size_t bytes, const CorpusOptions& o) {
  Rng r(o.seed);
  std::vector<std::string> out;
  std::size_t size = 0;
  auto push = [&](std::string p) {
    if (o.halfwidth) to_halfwidth(p);
    size += p.size() + 1;
    out.push_back(std::move(p));
  };
  std::string county(r.pick(kCounty));
  push(title(r));
  const std::string abbr = county.substr(0, 3) + (r.chance(0.5) ? "政办发" : "政发");
  push(r.chance(0.05) ? abbr + "[20" + num(r, 21, 25) + "]" + num(r, 1, 90) + "号"
                      : abbr + "〔20" + num(r, 21, 25) + "〕" + num(r, 1, 90) + "号");
  push("各乡镇人民政府、街道办事处，县政府各部门、各直属机构：");
  push("为深入贯彻落实上级有关部署，进一步做好" + std::string(r.pick(kTopic)) + "工作，经县政府同意，现就有关事项" +
       "通知如下。");
  const std::size_t tail = 200;
  for (int section = 0; size + tail < bytes && section < 10; ++section) {
    push(std::string(kChineseNumbers[section]) + "、" + std::string(r.pick(kHeading)));
    for (int sub = 0, numbered = 0; size + tail < bytes && sub < 6; ++sub) {
      std::string p = r.chance(0.6) ? "（" + std::string(kChineseNumbers[numbered++]) + "）" +
                                          std::string(r.pick(kSubHeading)) + "。"
                                    : std::string();
      p += paragraph(r, o, 2 + r.below(5));
      push(std::move(p));
      if (r.chance(0.25))
        for (int item = 1; item <= 3 && size + tail < bytes; ++item)
          push(std::to_string(item) + "." + paragraph(r, o, 1 + r.below(2)));
    }
  }
  push("附件：" + std::string(r.pick(kTopic)) + "工作任务分解表");
  push(county + "人民政府办公室");
  push(full_date(r));
  return out;
}

std::string official_text(std::size_t bytes, const CorpusOptions& o, bool one_paragraph) {
  std::string s;
  s.reserve(bytes + 4096);
  CorpusOptions each = o;
  while (s.size() < bytes) {
    // Drafts of 4–40 KB, like a county office's output.
    const std::size_t size = 4096 + (each.seed * 7919u) % (36 * 1024);
    for (const auto& p : official_draft(size, each)) {
      s += p;
      if (!one_paragraph) s += '\n';
    }
    ++each.seed;
  }
  return s;
}

std::string official_xml(std::size_t bytes, const CorpusOptions& o) {
  auto escape = [](std::string_view t, std::string& out) {
    for (char ch : t) {
      if (ch == '&') out += "&amp;";
      else if (ch == '<') out += "&lt;";
      else if (ch == '>') out += "&gt;";
      else out += ch;
    }
  };
  std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc>\n";
  x.reserve(bytes + 8192);
  CorpusOptions each = o;
  bool first = true;
  while (x.size() < bytes) {
    const std::size_t size = 4096 + (each.seed * 7919u) % (36 * 1024);
    for (const auto& p : official_draft(size, each)) {
      x += first ? "  <title>" : "    <p>";
      escape(p, x);
      x += first ? "</title>\n  <body>\n" : "</p>\n";
      first = false;
    }
    ++each.seed;
  }
  return x + "  </body>\n</doc>\n";
}

}  // namespace wenfeng::bench
