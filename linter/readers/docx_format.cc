#include "readers/docx_format.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace wenfeng::readers::docx {
namespace {

std::string_view local_name(const char* n) {
  std::string_view s(n);
  const auto c = s.find(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}

bool on_off(const pugi::xml_node& n, const std::string& val) {
  if (!n) return false;
  const std::string_view v = n.attribute(val.c_str()).value();
  return !(v == "0" || v == "false" || v == "off");
}

double num(const pugi::xml_attribute& a, double fallback) {
  const char* v = a.value();
  if (!*v) return fallback;
  char* end = nullptr;
  const double x = std::strtod(v, &end);
  return end == v || !std::isfinite(x) ? fallback : x;
}

}  // namespace

void Formats::set_prefix(const std::string& w) { w_ = w; }

void Formats::load_theme(const pugi::xml_document& theme) {
  // a:theme/a:themeElements/a:fontScheme/a:majorFont|a:minorFont; prefixes vary.
  auto walk = [&](auto&& self, const pugi::xml_node& n, int depth) -> void {
    if (depth > 6) return;
    for (auto c : n.children()) {
      const auto l = local_name(c.name());
      if (l == "majorFont" || l == "minorFont") {
        std::string latin, ea, hans;
        for (auto f : c.children()) {
          const auto fl = local_name(f.name());
          const std::string face = f.attribute("typeface").value();
          if (fl == "latin") latin = face;
          else if (fl == "ea") ea = face;
          else if (fl == "font" && std::string_view(f.attribute("script").value()) == "Hans") hans = face;
        }
        // An empty a:ea means "the font for the document's East Asian language": for
        // Chinese documents the Hans script font.
        if (ea.empty()) ea = hans;
        (l == "majorFont" ? major_latin_ : minor_latin_) = latin;
        (l == "majorFont" ? major_ea_ : minor_ea_) = ea;
      } else {
        self(self, c, depth + 1);
      }
    }
  };
  walk(walk, theme, 0);
}

void Formats::load_font_table(const pugi::xml_document& table, const std::string& w, model::Document& doc) {
  const std::string val = w + ":val";
  const std::string name_attr = w + ":name";
  // A real table names tens of fonts; a hostile one's thousands of entries are not kept.
  std::size_t kept = 0;
  for (auto f : table.document_element().children()) {
    if (kept == 256) break;
    if (local_name(f.name()) != "font") continue;
    const std::string name = f.attribute(name_attr.c_str()).value();
    std::string alt;
    bool panose = false;
    for (auto c : f.children()) {
      const auto l = local_name(c.name());
      if (l == "altName") alt = c.attribute(val.c_str()).value();
      if (l == "panose1") panose = true;
    }
    if (!name.empty() && !alt.empty() && !panose && alt != name) {
      doc.properties["fonttable:substitute:" + name] = alt;
      ++kept;
    }
  }
}

void Formats::load_settings(const pugi::xml_document& settings, const std::string& w, model::Document& doc) {
  const auto root = settings.document_element();
  const std::string val = w + ":val";
  for (auto c : root.children()) {
    const auto l = local_name(c.name());
    if (l == "characterSpacingControl" || l == "defaultTabStop")
      doc.properties["settings:" + std::string(l)] = c.attribute(val.c_str()).value();
    if (l == "endnotePr")  // document-wide endnote properties: where the notes go (17.11.22)
      for (auto o : c.children())
        if (local_name(o.name()) == "pos") doc.properties["settings:endnotePos"] = o.attribute(val.c_str()).value();
    if (l == "compat")
      for (auto o : c.children()) {
        const auto ol = local_name(o.name());
        if (ol == "compatSetting") {
          const std::string_view n = o.attribute((w + ":name").c_str()).value();
          if (n == "compatibilityMode")
            doc.properties["settings:compatibilityMode"] = o.attribute(val.c_str()).value();
          else if (n == "overrideTableStyleFontSizeAndJustification")
            doc.properties["settings:overrideTableStyleFontSizeAndJustification"] = std::string(1, on_off(o, val) ? '1' : '0');
        } else if (on_off(o, val) || !o.attribute(val.c_str())) {
          // Built without operator+ and assigning a literal: GCC 12 warns there (-Wrestrict).
          std::string key = "settings:";
          key.append(ol);
          doc.properties.insert_or_assign(std::move(key), std::string(1, '1'));
        }
      }
  }
}

std::string Formats::theme_font(std::string_view ref) const {
  if (ref.rfind("major", 0) == 0) return ref.find("EastAsia") != std::string_view::npos ? major_ea_ : major_latin_;
  if (ref.rfind("minor", 0) == 0) return ref.find("EastAsia") != std::string_view::npos ? minor_ea_ : minor_latin_;
  return {};
}

std::int16_t Formats::intern(const std::string& font, model::Document& doc) {
  if (font.empty()) return -1;
  if (interned_for_ != &doc) {
    interned_.clear();
    interned_for_ = &doc;
  }
  if (auto it = interned_.find(font); it != interned_.end()) return it->second;
  if (doc.font_names.size() >= 30000) return -1;
  const auto id = static_cast<std::int16_t>(doc.font_names.size());
  doc.font_names.push_back(font);
  interned_.emplace(font, id);
  return id;
}

void Formats::apply_rpr(const pugi::xml_node& rpr, RunProps& rp, model::Document& doc) {
  if (!rpr) return;
  for (auto c : rpr.children()) {
    const std::string_view n = c.name();
    if (n.size() <= w_.size() + 1 || n.compare(0, w_.size(), w_) != 0 || n[w_.size()] != ':') continue;
    const auto l = n.substr(w_.size() + 1);
    if (l == "sz") {
      const double half = num(c.attribute(name("val").c_str()), 0);
      if (half > 0 && half < 3300) rp.size = half / 2.0;
    } else if (l == "szCs") {
      // WPS sizes a line by w:szCs only where the same rPr also sets w:sz: a run or style
      // that sets the complex-script size alone (fresh 109's table of contents: 16 pt szCs
      // on 小四 entries) keeps the size it had. Word never sizes lines by it.
      if (rpr.child(name("sz").c_str())) {
        const double half = num(c.attribute(name("val").c_str()), 0);
        if (half > 0 && half < 3300) rp.size_cs = half / 2.0;
      }
    } else if (l == "rFonts") {
      // A theme reference wins over the font named beside it.
      auto font = [&](const char* theme_attr, const char* attr) -> std::string {
        if (auto t = c.attribute(name(theme_attr).c_str())) {
          std::string f = theme_font(t.value());
          if (!f.empty()) return f;
        }
        return c.attribute(name(attr).c_str()).value();
      };
      const std::string latin = font("asciiTheme", "ascii");
      const std::string ea = font("eastAsiaTheme", "eastAsia");
      if (!latin.empty()) rp.latin = intern(latin, doc);
      if (!ea.empty()) rp.east_asian = intern(ea, doc);
      const std::string cs = font("cstheme", "cs");
      if (!cs.empty()) rp.complex = intern(cs, doc);
      if (auto h = c.attribute(name("hint").c_str())) rp.hint_east_asian = std::string_view(h.value()) == "eastAsia";
    } else if (l == "b") {
      rp.bold = on_off(c, name("val"));
    } else if (l == "vertAlign") {
      const std::string_view v = c.attribute(name("val").c_str()).value();
      rp.vert = v == "superscript" ? 1 : v == "subscript" ? 2 : 0;
    } else if (l == "spacing") {
      rp.spacing = num(c.attribute(name("val").c_str()), 0) / 20.0;
    } else if (l == "w") {
      const double pct = num(c.attribute(name("val").c_str()), 100);
      if (pct >= 1 && pct <= 600) rp.scale = pct / 100.0;
    }
  }
}

void Formats::apply_ppr(const pugi::xml_node& ppr, model::ParagraphLayout& L) const {
  if (!ppr) return;
  const std::string val = name("val");
  for (auto c : ppr.children()) {
    const std::string_view n = c.name();
    if (n.size() <= w_.size() + 1 || n.compare(0, w_.size(), w_) != 0 || n[w_.size()] != ':') continue;
    const auto l = n.substr(w_.size() + 1);
    if (l == "spacing") {
      if (auto a = c.attribute(name("before").c_str())) L.before = num(a, 0) / 20.0, L.before_lines = -1;
      if (auto a = c.attribute(name("after").c_str())) L.after = num(a, 0) / 20.0, L.after_lines = -1;
      if (auto a = c.attribute(name("beforeLines").c_str())) L.before_lines = num(a, 0) / 100.0;
      if (auto a = c.attribute(name("afterLines").c_str())) L.after_lines = num(a, 0) / 100.0;
      if (auto a = c.attribute(name("beforeAutospacing").c_str())) L.before_auto = on_off(c, name("beforeAutospacing"));
      if (auto a = c.attribute(name("afterAutospacing").c_str())) L.after_auto = on_off(c, name("afterAutospacing"));
      if (auto line = c.attribute(name("line").c_str())) {
        L.line = num(line, 240);
        const std::string_view rule = c.attribute(name("lineRule").c_str()).value();
        L.line_rule = rule == "exact" ? 1 : rule == "atLeast" ? 2 : 0;
        if (L.line_rule == 0 && L.line <= 0) L.line = 240;
      }
    } else if (l == "ind") {
      auto tw = [&](const char* a, const char* alt, double fallback) {
        if (auto x = c.attribute(name(a).c_str())) return num(x, 0) / 20.0;
        if (auto x = c.attribute(name(alt).c_str())) return num(x, 0) / 20.0;
        return fallback;
      };
      L.ind_left = tw("left", "start", L.ind_left);
      L.ind_right = tw("right", "end", L.ind_right);
      if (auto a = c.attribute(name("firstLine").c_str())) L.ind_first = num(a, 0) / 20.0, L.ind_first_chars = 0;
      if (auto a = c.attribute(name("hanging").c_str())) L.ind_first = -num(a, 0) / 20.0, L.ind_first_chars = 0;
      // Character-unit indents (firstLineChars="200" = two characters) override.
      if (auto a = c.attribute(name("firstLineChars").c_str())) L.ind_first_chars = num(a, 0) / 100.0;
      if (auto a = c.attribute(name("hangingChars").c_str()); a && num(a, 0) != 0) L.ind_first_chars = -num(a, 0) / 100.0;
      if (auto a = c.attribute(name("leftChars").c_str())) L.ind_left_chars = num(a, 0) / 100.0;
      else if (auto s = c.attribute(name("startChars").c_str())) L.ind_left_chars = num(s, 0) / 100.0;
      if (auto a = c.attribute(name("rightChars").c_str())) L.ind_right_chars = num(a, 0) / 100.0;
      else if (auto s = c.attribute(name("endChars").c_str())) L.ind_right_chars = num(s, 0) / 100.0;
    } else if (l == "snapToGrid") {
      L.snap_to_grid = on_off(c, val);
    } else if (l == "tabs") {
      // Each level (style, numbering, direct) adds its stops; w:val="clear" removes an
      // inherited stop at that position.
      for (auto t : c.children()) {
        if (local_name(t.name()) != "tab") continue;
        const std::string_view kind = t.attribute(val.c_str()).value();
        const auto pos = static_cast<float>(num(t.attribute(name("pos").c_str()), 0) / 20.0);
        std::erase_if(L.tabs, [&](const model::TabStop& s) { return std::fabs(s.pos - pos) < 0.05f; });
        if (kind == "clear" || kind == "bar") continue;  // a bar tab draws a rule, it stops no text
        if (L.tabs.size() >= 64) continue;  // Word keeps at most 64 custom stops a paragraph
        model::TabStop stop;
        stop.pos = pos;
        stop.kind = kind == "right" || kind == "end" ? 1 : kind == "center" ? 2 : kind == "decimal" ? 3 : 0;
        L.tabs.insert(std::upper_bound(L.tabs.begin(), L.tabs.end(), pos,
                                       [](float p, const model::TabStop& s) { return p < s.pos; }),
                      stop);
      }
    } else if (l == "framePr") {
      L.framed = true;
    } else if (l == "jc") {
      const std::string_view v = c.attribute(val.c_str()).value();
      L.justified = v == "both" || v == "distribute" || v == "thaiDistribute" || v == "lowKashida" ||
                    v == "mediumKashida" || v == "highKashida";
    } else if (l == "autoSpaceDE") {
      L.auto_space_de = on_off(c, val);
    } else if (l == "autoSpaceDN") {
      L.auto_space_dn = on_off(c, val);
    } else if (l == "wordWrap") {
      L.word_wrap = on_off(c, val);
    } else if (l == "overflowPunct") {
      L.overflow_punct = on_off(c, val);
    } else if (l == "keepNext") {
      L.keep_next = on_off(c, val);
    } else if (l == "keepLines") {
      L.keep_lines = on_off(c, val);
    } else if (l == "widowControl") {
      L.widow_control = on_off(c, val);
    } else if (l == "contextualSpacing") {
      L.contextual = on_off(c, val);
    } else if (l == "pBdr") {
      // Each side given here replaces the inherited one; a side of none or nil removes it.
      // Word puts a border's space (points) and width (w:sz, eighths of a point) between the
      // text and the border, inside the paragraph's spacing before and after.
      for (auto side : c.children()) {
        const auto sl = local_name(side.name());
        const std::string_view v = side.attribute(val.c_str()).value();
        const bool none = v.empty() || v == "none" || v == "nil";
        const double add = none ? 0.0
                                : num(side.attribute(name("sz").c_str()), 0) / 8.0 +
                                      num(side.attribute(name("space").c_str()), 0);
        const auto f = static_cast<float>(std::max(0.0, add));
        int bit = -1;
        if (sl == "top") L.bdr_top = f, bit = 0;
        else if (sl == "bottom") L.bdr_bottom = f, bit = 1;
        else if (sl == "between") L.bdr_between = f, bit = 2;
        else if (sl == "left" || sl == "start") bit = 3;
        else if (sl == "right" || sl == "end") bit = 4;
        if (bit < 0) continue;
        // The digest: per side, whether it is set and its settings.
        std::uint32_t h = 2166136261u;
        for (const char* a : {"val", "sz", "space", "color"}) {
          for (const char* q = side.attribute(name(a).c_str()).value(); *q; ++q) h = (h ^ static_cast<unsigned char>(*q)) * 16777619u;
          h = (h ^ 0xffu) * 16777619u;
        }
        const std::uint32_t field = none ? 0u : (h | 1u) % 63u + 1u;  // six bits a side, 0 = no border
        L.bdr_key = (L.bdr_key & ~(0x3fu << (bit * 6))) | (field << (bit * 6));
      }
    }
  }
}

model::Section Formats::section(const pugi::xml_node& sect, const std::map<std::string, std::string>& rel_target) const {
  model::Section s;
  if (!sect) return s;
  auto tw = [&](const pugi::xml_node& n, const char* a, double fallback) {
    return num(n.attribute(name(a).c_str()), fallback * 20) / 20.0;
  };
  if (auto sz = sect.child(name("pgSz").c_str())) {
    s.page_w = tw(sz, "w", s.page_w);
    s.page_h = tw(sz, "h", s.page_h);
    if (std::string_view(sz.attribute(name("orient").c_str()).value()) == "landscape" && s.page_h > s.page_w)
      std::swap(s.page_w, s.page_h);
  }
  if (auto m = sect.child(name("pgMar").c_str())) {
    s.m_top = std::fabs(tw(m, "top", s.m_top));
    s.m_bottom = std::fabs(tw(m, "bottom", s.m_bottom));
    s.m_left = tw(m, "left", s.m_left);
    s.m_right = tw(m, "right", s.m_right);
    s.m_header = tw(m, "header", s.m_header);
    s.m_footer = tw(m, "footer", s.m_footer);
    s.gutter = tw(m, "gutter", 0);
  }
  if (auto c = sect.child(name("cols").c_str())) {
    s.cols = std::max(1, std::min(45, c.attribute(name("num").c_str()).as_int(1)));
    s.col_space = tw(c, "space", s.col_space);
    const std::string col = name("col");
    if (auto first = c.child(col.c_str())) {
      int n = 0;
      for (auto k : c.children(col.c_str())) (void)k, ++n;
      if (n > 1) s.cols = std::min(45, n);
      s.col_w = tw(first, "w", 0);
      s.col_space = tw(first, "space", s.col_space);
    }
  }
  if (auto g = sect.child(name("docGrid").c_str())) {
    s.grid = g.attribute(name("type").c_str()).value();
    s.line_pitch = tw(g, "linePitch", 0);
    s.char_space = num(g.attribute(name("charSpace").c_str()), 0);
  }
  if (auto t = sect.child(name("type").c_str())) s.start = t.attribute(name("val").c_str()).value();
  s.title_page = on_off(sect.child(name("titlePg").c_str()), name("val"));
  for (auto c : sect.children()) {
    const auto l = local_name(c.name());
    if (l != "headerReference" && l != "footerReference") continue;
    std::string id;
    for (auto a : c.attributes())
      if (local_name(a.name()) == "id") id = a.value();
    auto it = rel_target.find(id);
    if (it == rel_target.end()) continue;
    const std::string_view type = c.attribute(name("type").c_str()).value();
    const bool header = l == "headerReference";
    if (type == "first") (header ? s.header_first : s.footer_first) = it->second;
    else if (type != "even") (header ? s.header_default : s.footer_default) = it->second;
  }
  return s;
}

}  // namespace wenfeng::readers::docx
