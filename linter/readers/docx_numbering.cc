#include "readers/docx_numbering.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>

#include "text/utf8.h"

namespace wenfeng::readers::docx {
namespace {

// Word's own bounds on list numbering, applied as Word applies them so that a hostile
// numbering.xml cannot build huge labels or overflow a counter: a level starts at 0–32767
// (the range Word's 起始编号 accepts), and a label is at most 31 characters once the %N
// placeholders are expanded ([MS-OI29500] 2.1.283, lvlText).
constexpr int kMaxStart = 32767;
constexpr std::size_t kMaxLabelChars = 31;
constexpr std::size_t kMaxLvlTextBytes = 4 * kMaxLabelChars;

int to_int(const char* s, int fallback) {
  if (!s || !*s) return fallback;
  int v = fallback;
  const char* end = s + std::strlen(s);
  auto [p, ec] = std::from_chars(s, end, v);
  return ec == std::errc() ? v : fallback;
}

bool on_off(const pugi::xml_node& n, const std::string& w) {
  if (!n) return false;
  std::string v = n.attribute((w + ":val").c_str()).value();
  return !(v == "0" || v == "false" || v == "off");
}

std::string letters(int n, bool upper) {
  if (n <= 0) return std::to_string(n);
  const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  // Word repeats the letter: 27 is "aa", 53 "aaa"; never longer than a label may be.
  return std::string(std::min<std::size_t>(static_cast<std::size_t>((n - 1) / 26 + 1), kMaxLabelChars), c);
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> table[] = {
      {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
      {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (auto [v, s] : table)
    while (n >= v) { out += s; n -= v; }
  if (upper) std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(c - 32); });
  return out;
}

// Chinese counting with units: 1→一, 10→十, 11→十一, 20→二十, 105→一百零五, 1010→一千零一十.
std::string chinese_counting(int n, const char* const* digits, const char* const* units) {
  if (n <= 0) return std::to_string(n);
  if (n >= 100000) return std::to_string(n);
  std::string out;
  const int pow10[] = {10000, 1000, 100, 10, 1};
  bool pending_zero = false, started = false;
  for (int i = 0; i < 5; ++i) {
    const int d = (n / pow10[i]) % 10;
    if (d == 0) {
      if (started) pending_zero = true;
      continue;
    }
    if (pending_zero) { out += digits[0]; pending_zero = false; }
    // "十一" rather than "一十一" when the number starts at the tens.
    if (!(i == 3 && d == 1 && !started)) out += digits[d];
    out += units[i];
    started = true;
  }
  return out;
}

const char* const kZhDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
const char* const kZhUnits[] = {"万", "千", "百", "十", ""};
const char* const kZhLegalDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
const char* const kZhLegalUnits[] = {"万", "仟", "佰", "拾", ""};

std::string ideograph_digital(int n) {
  static const char* const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string s = std::to_string(n), out;
  for (char c : s) out += (c >= '0' && c <= '9') ? d[c - '0'] : std::string(1, c);
  return out;
}

std::string cycle(int n, const char* const* items, int count) {
  if (n <= 0) return std::to_string(n);
  return items[(n - 1) % count];
}

std::string enclosed(int n, char32_t first, int max) {
  if (n < 1 || n > max) return std::to_string(n);
  std::string out;
  text::append_utf8(out, first + static_cast<char32_t>(n - 1));
  return out;
}

std::string full_width(int n) {
  std::string s = std::to_string(n), out;
  for (char c : s) text::append_utf8(out, c == '-' ? U'－' : U'０' + static_cast<char32_t>(c - '0'));
  return out;
}

}  // namespace

std::string format_number(int n, std::string_view f) {
  if (f == "decimal") return std::to_string(n);
  if (f == "decimalZero") {
    std::string s(n >= 0 && n < 10 ? 1 : 0, '0');  // not "…" + std::string: GCC 12 warns (-Wrestrict)
    return s.append(std::to_string(n));
  }
  if (f == "upperLetter") return letters(n, true);
  if (f == "lowerLetter") return letters(n, false);
  if (f == "upperRoman") return roman(n, true);
  if (f == "lowerRoman") return roman(n, false);
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "taiwaneseCounting" ||
      f == "taiwaneseCountingThousand" || f == "japaneseCounting")
    return chinese_counting(n, kZhDigits, kZhUnits);
  if (f == "chineseLegalSimplified") return chinese_counting(n, kZhLegalDigits, kZhLegalUnits);
  if (f == "ideographDigital" || f == "taiwaneseDigital") return ideograph_digital(n);
  if (f == "ideographTraditional") {
    static const char* const stems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return cycle(n, stems, 10);
  }
  if (f == "ideographZodiac") {
    static const char* const br[] = {"子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥"};
    return cycle(n, br, 12);
  }
  if (f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") return enclosed(n, U'①', 20);
  if (f == "decimalEnclosedParen") return enclosed(n, U'⑴', 20);
  if (f == "decimalEnclosedFullstop") return enclosed(n, U'⒈', 20);
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") return full_width(n);
  if (f == "none" || f == "bullet") return {};
  return std::to_string(n);
}

namespace {

LevelDef parse_level(const pugi::xml_node& lvl, const std::string& w, LevelDef base = {}) {
  const std::string val = w + ":val";
  if (auto n = lvl.child((w + ":start").c_str()))
    base.start = std::clamp(to_int(n.attribute(val.c_str()).value(), 1), 0, kMaxStart);
  if (auto n = lvl.child((w + ":numFmt").c_str())) base.fmt = n.attribute(val.c_str()).value();
  if (auto n = lvl.child((w + ":lvlText").c_str())) {
    const std::string_view t = n.attribute(val.c_str()).value();
    base.text = t.substr(0, t.size() <= kMaxLvlTextBytes ? t.size() : text::step_back(t, kMaxLvlTextBytes + 1, 1));
  }
  if (auto n = lvl.child((w + ":lvlRestart").c_str())) base.restart = to_int(n.attribute(val.c_str()).value(), -1);
  if (auto n = lvl.child((w + ":isLgl").c_str())) base.is_lgl = on_off(n, w);
  if (auto n = lvl.child((w + ":suff").c_str())) base.suffix = n.attribute(val.c_str()).value();
  if (auto n = lvl.child((w + ":pPr").c_str())) base.ppr = n;
  if (auto n = lvl.child((w + ":rPr").c_str())) base.rpr = n;
  return base;
}

}  // namespace

void Numbering::load(const pugi::xml_document& doc, const std::string& w) {
  const std::string val = w + ":val";
  const auto root = doc.document_element();
  // Element names are hoisted: a range-for's temporaries die before its body runs, and
  // pugixml's named-children range keeps the name pointer.
  const std::string abstract_name = w + ":abstractNum", lvl_name = w + ":lvl", num_name = w + ":num",
                    override_name = w + ":lvlOverride";
  for (auto an : root.children(abstract_name.c_str())) {
    const int id = to_int(an.attribute((w + ":abstractNumId").c_str()).value(), -1);
    std::array<LevelDef, 9> levels{};
    for (int i = 0; i < 9; ++i) levels[static_cast<std::size_t>(i)].text = {'%', static_cast<char>('1' + i), '.'};
    for (auto lvl : an.children(lvl_name.c_str())) {
      const int il = to_int(lvl.attribute((w + ":ilvl").c_str()).value(), -1);
      if (il >= 0 && il < 9) levels[static_cast<std::size_t>(il)] = parse_level(lvl, w);
    }
    abstract_[id] = levels;
  }
  for (auto num : root.children(num_name.c_str())) {
    const int id = to_int(num.attribute((w + ":numId").c_str()).value(), -1);
    Instance inst;
    inst.abstract_id = to_int(num.child((w + ":abstractNumId").c_str()).attribute(val.c_str()).value(), -1);
    for (auto ov : num.children(override_name.c_str())) {
      const int il = to_int(ov.attribute((w + ":ilvl").c_str()).value(), -1);
      if (il < 0 || il >= 9) continue;
      const auto i = static_cast<std::size_t>(il);
      if (auto so = ov.child((w + ":startOverride").c_str())) {
        inst.start_override[i] = std::clamp(to_int(so.attribute(val.c_str()).value(), 1), 0, kMaxStart);
        inst.has_override = true;
      }
      if (auto lvl = ov.child((w + ":lvl").c_str())) {
        LevelDef base;
        auto ait = abstract_.find(inst.abstract_id);
        if (ait != abstract_.end()) base = ait->second[i];
        inst.level_override[i] = parse_level(lvl, w, base);
        inst.has_override = true;
      }
    }
    instances_[id] = inst;
  }
}

const LevelDef* Numbering::level(int num_id, int ilvl) const {
  if (num_id <= 0 || ilvl < 0 || ilvl > 8) return nullptr;
  auto iit = instances_.find(num_id);
  if (iit == instances_.end()) return nullptr;
  const auto lv = static_cast<std::size_t>(ilvl);
  if (iit->second.level_override[lv]) return &*iit->second.level_override[lv];
  auto ait = abstract_.find(iit->second.abstract_id);
  return ait == abstract_.end() ? nullptr : &ait->second[lv];
}

std::string Numbering::next_label(int num_id, int ilvl) {
  if (num_id <= 0 || ilvl < 0 || ilvl > 8) return {};
  auto iit = instances_.find(num_id);
  if (iit == instances_.end()) return {};
  const Instance& inst = iit->second;
  auto ait = abstract_.find(inst.abstract_id);
  if (ait == abstract_.end()) return {};

  std::array<LevelDef, 9> levels = ait->second;
  for (std::size_t i = 0; i < 9; ++i) {
    if (inst.level_override[i]) levels[i] = *inst.level_override[i];
    if (inst.start_override[i]) levels[i].start = *inst.start_override[i];
  }
  // Word shares counters between list instances of one abstract definition unless an
  // instance overrides its start or levels, which gives it a sequence of its own.
  const long key = inst.has_override ? -static_cast<long>(num_id) - 1 : inst.abstract_id;
  Counters& c = counters_[key];
  const auto lv = static_cast<std::size_t>(ilvl);
  c.value[lv] = c.used[lv] ? c.value[lv] + (c.value[lv] < std::numeric_limits<int>::max()) : levels[lv].start;
  c.used[lv] = true;
  for (std::size_t d = lv + 1; d < 9; ++d) {
    const int r = levels[d].restart;
    if (r == -1 || (r > 0 && ilvl < r)) c.used[d] = false;
  }

  const LevelDef& def = levels[lv];
  if (def.fmt == "none") return {};
  if (def.fmt == "bullet") return def.text;
  std::string out;
  const std::string& t = def.text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '%' && i + 1 < t.size() && t[i + 1] >= '1' && t[i + 1] <= '9') {
      const auto k = static_cast<std::size_t>(t[i + 1] - '1');
      const int v = c.used[k] ? c.value[k] : levels[k].start;
      out += format_number(v, def.is_lgl && k != lv ? "decimal" : levels[k].fmt);
      ++i;
    } else {
      out.push_back(t[i]);
    }
  }
  if (out.size() > kMaxLabelChars) out.resize(text::step_forward(out, 0, kMaxLabelChars));
  return out;
}

void Styles::load(const pugi::xml_document& doc, const std::string& w) {
  const std::string val = w + ":val";
  const std::string style_name = w + ":style";  // hoisted: see Numbering::load
  const auto defaults = doc.document_element().child((w + ":docDefaults").c_str());
  default_ppr = defaults.child((w + ":pPrDefault").c_str()).child((w + ":pPr").c_str());
  default_rpr = defaults.child((w + ":rPrDefault").c_str()).child((w + ":rPr").c_str());
  for (auto st : doc.document_element().children(style_name.c_str())) {
    const std::string type = st.attribute((w + ":type").c_str()).value();
    if (type != "paragraph" && type != "character" && type != "table") continue;
    StyleInfo info;
    info.type = type;
    const std::string id = st.attribute((w + ":styleId").c_str()).value();
    info.name = st.child((w + ":name").c_str()).attribute(val.c_str()).value();
    std::transform(info.name.begin(), info.name.end(), info.name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    info.based_on = st.child((w + ":basedOn").c_str()).attribute(val.c_str()).value();
    const auto ppr = st.child((w + ":pPr").c_str());
    info.ppr = ppr;
    info.rpr = st.child((w + ":rPr").c_str());
    info.node = st;
    if (auto ol = ppr.child((w + ":outlineLvl").c_str())) info.outline_level = to_int(ol.attribute(val.c_str()).value(), -1);
    if (auto np = ppr.child((w + ":numPr").c_str())) {
      info.num_id = to_int(np.child((w + ":numId").c_str()).attribute(val.c_str()).value(), -1);
      info.ilvl = to_int(np.child((w + ":ilvl").c_str()).attribute(val.c_str()).value(), -1);
    }
    const std::string is_default = st.attribute((w + ":default").c_str()).value();
    if (is_default == "1" || is_default == "true" || is_default == "on") {
      if (type == "paragraph") default_para_ = id;
      else if (type == "table") default_table_ = id;
    }
    styles_[id] = std::move(info);
  }
}

const StyleInfo* Styles::find(const std::string& id) const {
  auto it = styles_.find(id);
  return it == styles_.end() ? nullptr : &it->second;
}

int Styles::heading_level(const std::string& id, bool& is_title) const {
  is_title = false;
  std::string cur = id.empty() ? default_para_ : id;
  for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
    const StyleInfo* s = find(cur);
    if (!s) break;
    if (s->name == "title") { is_title = true; return 0; }
    if (s->name.rfind("heading ", 0) == 0) {
      const int n = to_int(s->name.c_str() + 8, -1);
      if (n >= 1 && n <= 9) return n;
    }
    if (s->outline_level >= 0 && s->outline_level <= 8) return s->outline_level + 1;
    if (s->outline_level == 9) return -1;  // explicitly body text
    cur = s->based_on;
  }
  return -1;
}

namespace {
// A custom contents style as WPS and templates name them ("toc 标题1", "目录 1 ", "自定义目录2",
// "my toc 3"; names are lower-cased): 目录, or toc as a word of its own (not inside
// "protocol 1"), and a single level digit 1–9 at the end (spaces after it allowed), in a
// short name (up to 40 bytes).
bool is_custom_contents_name(std::string_view n) {
  while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.remove_suffix(1);
  if (n.empty() || n.size() > 40) return false;
  const char last = n.back();
  if (last < '1' || last > '9') return false;
  if (n.size() >= 2 && n[n.size() - 2] >= '0' && n[n.size() - 2] <= '9') return false;
  if (n.find("目录") != std::string_view::npos) return true;
  auto is_letter = [](char c) { return c >= 'a' && c <= 'z'; };
  for (std::size_t at = n.find("toc"); at != std::string_view::npos; at = n.find("toc", at + 1)) {
    const bool left = at == 0 || !is_letter(n[at - 1]);
    const bool right = at + 3 >= n.size() || !is_letter(n[at + 3]);
    if (left && right) return true;
  }
  return false;
}
}  // namespace

bool Styles::is_contents(const std::string& id) const {
  std::string cur = id;
  for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
    const StyleInfo* s = find(cur);
    if (!s) return false;
    // Word's own "toc 1"…"toc 9" and WPS's "目录 1" are names of that shape too.
    if (s->name == "toc heading" || is_custom_contents_name(s->name)) return true;
    cur = s->based_on;
  }
  return false;
}

std::vector<const StyleInfo*> Styles::chain(const std::string& id) const {
  std::vector<const StyleInfo*> out;
  std::string cur = id.empty() ? default_para_ : id;
  for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
    const StyleInfo* s = find(cur);
    if (!s) break;
    out.insert(out.begin(), s);
    cur = s->based_on;
  }
  return out;
}

void Styles::numbering(const std::string& id, int& num_id, int& ilvl) const {
  std::string cur = id.empty() ? default_para_ : id;
  for (int depth = 0; depth < 16 && !cur.empty(); ++depth) {
    const StyleInfo* s = find(cur);
    if (!s) return;
    if (s->num_id >= 0) {
      num_id = s->num_id;
      ilvl = s->ilvl >= 0 ? s->ilvl : 0;
      return;
    }
    cur = s->based_on;
  }
}

}  // namespace wenfeng::readers::docx
