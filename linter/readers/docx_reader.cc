#include "readers/docx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <set>

#include "readers/docx_numbering.h"
#include "readers/xml_util.h"
#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

constexpr const char* kWordNs[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
};
constexpr const char* kMcNs = "http://schemas.openxmlformats.org/markup-compatibility/2006";
// Namespaces whose mc:Choice content we understand (text boxes, groups, canvases, w14/w15).
constexpr const char* kUnderstoodNs[] = {
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2012/wordml",
    "http://schemas.microsoft.com/office/drawing/2010/main",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
};

// Prefix -> namespace URI as declared on a part's root element (where Word declares them).
struct Namespaces {
  std::map<std::string, std::string, std::less<>> uri_of;
  std::string w = "w";
  std::string mc = "mc";

  void load(const pugi::xml_node& root) {
    for (auto a : root.attributes()) {
      std::string_view n = a.name();
      if (n.rfind("xmlns:", 0) == 0) uri_of[std::string(n.substr(6))] = a.value();
    }
    for (auto& [p, u] : uri_of) {
      for (const char* wn : kWordNs)
        if (u == wn) w = p;
      if (u == kMcNs) mc = p;
    }
  }
  // Local name if the element is in the w: namespace, else "".
  std::string_view wlocal(const pugi::xml_node& n) const { return local_if_prefix(n.name(), w); }
  std::string_view mclocal(const pugi::xml_node& n) const { return local_if_prefix(n.name(), mc); }

  static std::string_view local_if_prefix(std::string_view name, std::string_view prefix) {
    if (name.size() > prefix.size() + 1 && name.compare(0, prefix.size(), prefix) == 0 &&
        name[prefix.size()] == ':')
      return name.substr(prefix.size() + 1);
    return {};
  }
  std::string attr(const char* local) const { return w + ":" + local; }

  bool understood(const pugi::xml_node& choice) const {
    std::string_view req = choice.attribute("Requires").value();
    while (!req.empty()) {
      const auto sp = req.find(' ');
      std::string_view prefix = req.substr(0, sp);
      req = sp == std::string_view::npos ? std::string_view() : req.substr(sp + 1);
      if (prefix.empty()) continue;
      std::string uri;
      const std::string decl = "xmlns:" + std::string(prefix);
      if (auto a = choice.attribute(decl.c_str())) uri = a.value();
      else if (auto it = uri_of.find(prefix); it != uri_of.end()) uri = it->second;
      const bool known = std::any_of(std::begin(kUnderstoodNs), std::end(kUnderstoodNs),
                                     [&](const char* u) { return uri == u; });
      if (!known) return false;
    }
    return true;
  }
  // The branch of an mc:AlternateContent to read: understood Choice, else Fallback.
  pugi::xml_node choose(const pugi::xml_node& alt) const {
    for (auto c : alt.children()) {
      const auto l = mclocal(c);
      if (l == "Choice" && understood(c)) return c;
    }
    for (auto c : alt.children())
      if (mclocal(c) == "Fallback") return c;
    return {};
  }
};

bool on_off(const pugi::xml_node& n, const std::string& val_attr) {
  if (!n) return false;
  std::string_view v = n.attribute(val_attr.c_str()).value();
  return !(v == "0" || v == "false" || v == "off");
}

int int_attr(const pugi::xml_node& n, const std::string& a, int fallback) {
  const char* v = n.attribute(a.c_str()).value();
  if (!*v) return fallback;
  char* end = nullptr;
  long x = std::strtol(v, &end, 10);
  return end == v ? fallback : static_cast<int>(x);
}

double twips(const pugi::xml_node& n, const std::string& attr, double fallback) {
  const char* v = n.attribute(attr.c_str()).value();
  if (!*v) return fallback;
  return std::strtod(v, nullptr) / 20.0;
}

// Single-line height as a multiple of the font size, by font family: the fonts' own
// ascent + descent for those LibreOffice and Word ship or substitute (Noto CJK 1.448,
// Liberation/Times/Arial 1.15), and Word's usual 1.3 for the Chinese system fonts.
double line_factor(std::string_view font, double fallback) {
  if (font.empty()) return fallback;
  if (font.find("Noto") != std::string_view::npos && font.find("CJK") != std::string_view::npos) return 1.448;
  if (font.find("Source Han") != std::string_view::npos || font.find("思源") != std::string_view::npos) return 1.448;
  for (std::string_view latin : {"Times New Roman", "Liberation", "Arial", "Calibri", "Cambria", "DejaVu"})
    if (font.find(latin) != std::string_view::npos) return latin == "Calibri" ? 1.22 : latin == "DejaVu" ? 1.164 : 1.15;
  return 1.3;
}

void apply_ppr(const Namespaces& ns, const pugi::xml_node& ppr, model::ParagraphLayout& L) {
  if (!ppr) return;
  if (auto sp = ppr.child(ns.attr("spacing").c_str())) {
    L.before = twips(sp, ns.attr("before"), L.before);
    L.after = twips(sp, ns.attr("after"), L.after);
    if (auto line = sp.attribute(ns.attr("line").c_str())) {
      L.line = line.as_double();
      const std::string_view rule = sp.attribute(ns.attr("lineRule").c_str()).value();
      L.line_rule = rule == "exact" ? 1 : rule == "atLeast" ? 2 : 0;
    }
  }
  if (auto ind = ppr.child(ns.attr("ind").c_str())) {
    L.ind_left = twips(ind, ns.attr("left"), twips(ind, ns.attr("start"), L.ind_left));
    L.ind_right = twips(ind, ns.attr("right"), twips(ind, ns.attr("end"), L.ind_right));
    if (ind.attribute(ns.attr("firstLine").c_str())) L.ind_first = twips(ind, ns.attr("firstLine"), 0);
    if (ind.attribute(ns.attr("hanging").c_str())) L.ind_first = -twips(ind, ns.attr("hanging"), 0);
    // Character-unit indents (firstLineChars="200" = two characters) override.
    if (auto fc = ind.attribute(ns.attr("firstLineChars").c_str())) L.ind_first_chars = fc.as_double() / 100.0;
    if (auto hc = ind.attribute(ns.attr("hangingChars").c_str())) L.ind_first_chars = -hc.as_double() / 100.0;
  }
  if (auto snap = ppr.child(ns.attr("snapToGrid").c_str()))
    L.snap_to_grid = on_off(snap, ns.attr("val"));
  if (auto k = ppr.child(ns.attr("keepLines").c_str())) L.keep_lines = on_off(k, ns.attr("val"));
}

void apply_rpr(const Namespaces& ns, const pugi::xml_node& rpr, model::ParagraphLayout& L) {
  if (!rpr) return;
  if (auto sz = rpr.child(ns.attr("sz").c_str())) {
    const double half = sz.attribute(ns.attr("val").c_str()).as_double(0);
    if (half > 0) L.font_pt = half / 2.0;
  }
  if (auto f = rpr.child(ns.attr("rFonts").c_str())) {
    if (auto a = f.attribute(ns.attr("ascii").c_str())) L.ascii_factor = line_factor(a.value(), L.ascii_factor);
    if (auto e = f.attribute(ns.attr("eastAsia").c_str())) L.ea_factor = line_factor(e.value(), L.ea_factor);
  }
}

// Walks the block-level content of parts and fills the builder.
class Walker {
 public:
  Walker(model::DocumentBuilder& b, docx::Styles& styles, docx::Numbering& numbering)
      : b_(b), styles_(styles), numbering_(numbering) {}

  void set_part(const Namespaces& ns, std::uint16_t source) {
    ns_ = &ns;
    source_ = source;
    para_ordinal_ = 0;
    fields_.clear();
    merge_next_ = false;
  }

  // Reads a container (body, footnote, header…) and the text boxes anchored inside it.
  void walk(const pugi::xml_node& container, model::Story story) {
    walk_container(container, story);
    while (!pending_boxes_.empty()) {
      const auto box = pending_boxes_.front();
      pending_boxes_.pop_front();
      walk_container(box, model::Story::kTextBox);
    }
  }

  std::map<std::string, model::CommentRange>& comments() { return comments_; }
  const std::vector<pugi::xml_node>& section_nodes() const { return sect_nodes_; }

 private:
  void walk_container(const pugi::xml_node& container, model::Story story) {
    pugi::xml_node node = container.first_child();
    int table_depth = 0;
    while (node) {
      bool descend = false;
      const auto l = ns_->wlocal(node);
      if (l == "p") {
        paragraph(node, story, table_depth > 0);
        // Text boxes anchored in a main-text paragraph follow it in reading order.
        if (story != model::Story::kTextBox) {
          while (!pending_boxes_.empty()) {
            const auto box = pending_boxes_.front();
            pending_boxes_.pop_front();
            walk_container(box, model::Story::kTextBox);
          }
        }
      } else if (l == "tbl") {
        descend = static_cast<bool>(node.first_child());
        table_depth += descend;
        if (descend) {
          TableState t;
          t.id = next_table_++;
          const auto tw = node.child(ns_->attr("tblPr").c_str()).child(ns_->attr("tblW").c_str());
          if (std::string_view(tw.attribute(ns_->attr("type").c_str()).value()) == "dxa")
            t.width = twips(tw, ns_->attr("w"), 0);
          tables_.push_back(t);
        }
      } else if (l == "tr") {
        // A row deleted as a tracked change is not in the final view.
        descend = !node.child(ns_->attr("trPr").c_str()).child(ns_->attr("del").c_str());
        if (descend && !tables_.empty()) {
          auto& t = tables_.back();
          ++t.row;
          t.cell = -1;
          t.cells = 0;
          const std::string tc = ns_->attr("tc");
          for (auto c : node.children(tc.c_str())) (void)c, ++t.cells;
        }
      } else if (l == "tc") {
        descend = true;
        if (!tables_.empty()) {
          auto& t = tables_.back();
          ++t.cell;
          const auto w = node.child(ns_->attr("tcPr").c_str()).child(ns_->attr("tcW").c_str());
          t.cell_w = std::string_view(w.attribute(ns_->attr("type").c_str()).value()) == "dxa"
                         ? twips(w, ns_->attr("w"), 0)
                         : 0;
        }
      } else if (l == "sectPr" || l == "tblPr" || l == "tblGrid" || l == "trPr" || l == "tcPr" ||
                 l == "sdtPr" || l == "sdtEndPr" || l == "del" || l == "moveFrom") {
        descend = false;
      } else if (ns_->mclocal(node) == "AlternateContent") {
        if (auto branch = ns_->choose(node); branch && branch.first_child()) {
          node = branch.first_child();
          continue;
        }
      } else {
        descend = true;  // tc, sdt, sdtContent, customXml, ins, moveTo…
      }
      if (descend && node.first_child()) {
        node = node.first_child();
        continue;
      }
      // Climb to the next sibling, leaving finished containers.
      while (node && node != container && !node.next_sibling()) {
        node = node.parent();
        if (ns_->wlocal(node) == "tbl") {
          --table_depth;
          if (!tables_.empty()) tables_.pop_back();
        }
        if (ns_->mclocal(node.parent()) == "AlternateContent") node = node.parent();
      }
      if (!node || node == container) break;
      node = node.next_sibling();
    }
  }

  void paragraph(const pugi::xml_node& p, model::Story story, bool in_table) {
    ++para_ordinal_;
    const auto ppr = p.child(ns_->attr("pPr").c_str());
    if (!merge_next_ || !b_.is_open()) {
      open_block(ppr, story, in_table);
    } else {
      b_.anchor(para_ordinal_, 1);
    }
    run_max_pt_ = 0;
    image_h_ = 0;
    inline_content(p);
    finish_layout();
    // A deleted paragraph mark joins this paragraph to the next one in the final view.
    const auto mark_rpr = ppr.child(ns_->attr("rPr").c_str());
    merge_next_ = mark_rpr.child(ns_->attr("del").c_str()) || mark_rpr.child(ns_->attr("moveFrom").c_str());
    if (!merge_next_) b_.close();
    // A section break ends the section with this paragraph.
    if (story == model::Story::kMain) {
      if (auto sect = ppr.child(ns_->attr("sectPr").c_str())) {
        sect_nodes_.push_back(sect);
        ++section_;
      }
    }
  }

  void open_block(const pugi::xml_node& ppr, model::Story story, bool in_table) {
    const std::string val = ns_->attr("val");
    const std::string style = ppr.child(ns_->attr("pStyle").c_str()).attribute(val.c_str()).value();
    bool is_title = false;
    int level = -1;
    if (auto ol = ppr.child(ns_->attr("outlineLvl").c_str())) {
      const int v = int_attr(ol, val, 9);
      level = v >= 0 && v <= 8 ? v + 1 : -1;
    } else {
      level = styles_.heading_level(style, is_title);
    }
    int num_id = -1, ilvl = 0;
    if (auto np = ppr.child(ns_->attr("numPr").c_str())) {
      num_id = int_attr(np.child(ns_->attr("numId").c_str()), val, -1);
      ilvl = int_attr(np.child(ns_->attr("ilvl").c_str()), val, 0);
    } else {
      styles_.numbering(style, num_id, ilvl);
    }
    model::Role role = model::Role::kBody;
    if (is_title) role = model::Role::kTitle;
    else if (level > 0) role = model::Role::kHeading;
    else if (num_id > 0) role = model::Role::kListItem;
    else if (in_table) role = model::Role::kTableCell;

    model::Block& blk = b_.open(story, role, source_, para_ordinal_, 1);
    blk.style = style;
    blk.in_table = in_table;
    if (level > 0) blk.level = static_cast<std::uint8_t>(level);
    if (num_id > 0) {
      blk.label = numbering_.next_label(num_id, std::clamp(ilvl, 0, 8));
      if (role == model::Role::kListItem) blk.level = static_cast<std::uint8_t>(std::clamp(ilvl, 0, 8) + 1);
    }
    blk.page_break_before = on_off(ppr.child(ns_->attr("pageBreakBefore").c_str()), val);
    blk.section = section_;
    // Layout inputs: docDefaults, then the style chain from its root, then direct formatting.
    model::ParagraphLayout L;
    apply_ppr(*ns_, styles_.default_ppr, L);
    apply_rpr(*ns_, styles_.default_rpr, L);
    for (const auto* st : styles_.chain(style)) {
      apply_ppr(*ns_, st->ppr, L);
      apply_rpr(*ns_, st->rpr, L);
    }
    apply_ppr(*ns_, ppr, L);
    style_pt_ = L.font_pt;
    apply_rpr(*ns_, ppr.child(ns_->attr("rPr").c_str()), L);  // the paragraph mark
    if (in_table && !tables_.empty()) {
      const auto& t = tables_.back();
      L.table = t.id;
      L.row = t.row;
      L.cell = t.cell;
      L.cell_w = t.cell_w;
      L.cells_in_row = t.cells;
      L.table_w = t.width;
    }
    blk.layout = static_cast<std::int32_t>(b_.doc().layouts.size());
    b_.doc().layouts.push_back(L);
  }

  void finish_layout() {
    if (!b_.is_open()) return;
    auto& blk = b_.current();
    if (blk.layout < 0) return;
    auto& L = b_.doc().layouts[static_cast<std::size_t>(blk.layout)];
    if (run_max_pt_ > 0) L.font_pt = std::max(L.font_pt == style_pt_ ? run_max_pt_ : L.font_pt, run_max_pt_);
    L.image_h = std::max(L.image_h, image_h_);
  }

  bool field_hidden() const {
    return std::any_of(fields_.begin(), fields_.end(), [](bool in_result) { return !in_result; });
  }

  bool run_hidden(const pugi::xml_node& r) const {
    const auto rpr = r.child(ns_->attr("rPr").c_str());
    return on_off(rpr.child(ns_->attr("vanish").c_str()), ns_->attr("val"));
  }

  void inline_content(const pugi::xml_node& p) {
    pugi::xml_node node = p.first_child();
    while (node) {
      bool descend = false;
      const auto l = ns_->wlocal(node);
      if (l.empty()) {
        if (ns_->mclocal(node) == "AlternateContent") {
          if (auto branch = ns_->choose(node); branch && branch.first_child()) {
            node = branch.first_child();
            continue;
          }
        } else {
          // An inline picture or shape takes its extent's height in the line (EMU → pt).
          const std::string_view nm = node.name();
          if (nm.size() > 7 && nm.substr(nm.size() - 7) == ":extent") {
            const std::string_view parent = node.parent().name();
            if (parent.size() > 7 && parent.substr(parent.size() - 7) == ":inline")
              image_h_ = std::max(image_h_, node.attribute("cy").as_double(0) / 12700.0);
          }
          descend = true;  // drawing containers (wp:, a:, wps:, v:) may hold text boxes
        }
      } else if (l == "t") {
        if (!field_hidden()) b_.append(std::string_view(node.text().get()));
      } else if (l == "r") {
        descend = !run_hidden(node);
        if (descend) {
          double pt = style_pt_;
          const auto sz = node.child(ns_->attr("rPr").c_str()).child(ns_->attr("sz").c_str());
          if (sz) pt = sz.attribute(ns_->attr("val").c_str()).as_double(pt * 2) / 2.0;
          // Only runs with text decide the line height.
          const std::string t_name = ns_->attr("t");
          if (node.child(t_name.c_str())) run_max_pt_ = std::max(run_max_pt_, pt);
        }
      } else if (l == "tab" || l == "ptab") {
        if (!field_hidden()) b_.append(U'\t');
      } else if (l == "br") {
        const std::string_view type = node.attribute(ns_->attr("type").c_str()).value();
        if (type == "page" || type == "column") {
          if (b_.current_offset() == 0) b_.current().page_break_before = true;
        } else if (!field_hidden()) {
          b_.append(U'\n');
        }
      } else if (l == "cr") {
        if (!field_hidden()) b_.append(U'\n');
      } else if (l == "noBreakHyphen") {
        if (!field_hidden()) b_.append(U'\u2011');
      } else if (l == "softHyphen") {
        if (!field_hidden()) b_.append(U'\u00AD');
      } else if (l == "sym") {
        const char* hex = node.attribute(ns_->attr("char").c_str()).value();
        char* end = nullptr;
        const unsigned long cp = std::strtoul(hex, &end, 16);
        if (end != hex && cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF) && !field_hidden())
          b_.append(static_cast<char32_t>(cp));
      } else if (l == "fldChar") {
        const std::string_view t = node.attribute(ns_->attr("fldCharType").c_str()).value();
        if (t == "begin") fields_.push_back(false);
        else if (t == "separate" && !fields_.empty()) fields_.back() = true;
        else if (t == "end" && !fields_.empty()) fields_.pop_back();
      } else if (l == "txbxContent") {
        pending_boxes_.push_back(node);
      } else if (l == "commentRangeStart") {
        auto& c = comments_[node.attribute(ns_->attr("id").c_str()).value()];
        c.begin_block = static_cast<std::uint32_t>(b_.doc().blocks.size() - 1);
        c.begin_offset = b_.current_offset();
        c.end_block = c.begin_block;
        c.end_offset = c.begin_offset;
      } else if (l == "commentRangeEnd") {
        auto& c = comments_[node.attribute(ns_->attr("id").c_str()).value()];
        c.end_block = static_cast<std::uint32_t>(b_.doc().blocks.size() - 1);
        c.end_offset = b_.current_offset();
      } else if (l == "del" || l == "moveFrom" || l == "rPr" || l == "pPr" || l == "delText" ||
                 l == "instrText" || l == "delInstrText" || l == "sdtPr" || l == "sdtEndPr" ||
                 l == "footnoteReference" || l == "endnoteReference" || l == "annotationRef" ||
                 l == "commentReference") {
        descend = false;
      } else {
        descend = true;  // ins, moveTo, hyperlink, smartTag, customXml, sdt, sdtContent,
                         // fldSimple, drawing, pict, object, bdo, dir…
      }
      if (descend && node.first_child()) {
        node = node.first_child();
        continue;
      }
      while (node && node != p && !node.next_sibling()) {
        node = node.parent();
        if (ns_->mclocal(node.parent()) == "AlternateContent") node = node.parent();
      }
      if (!node || node == p) break;
      node = node.next_sibling();
    }
  }

  model::DocumentBuilder& b_;
  docx::Styles& styles_;
  docx::Numbering& numbering_;
  const Namespaces* ns_ = nullptr;
  std::uint16_t source_ = 0;
  std::uint32_t para_ordinal_ = 0;
  std::vector<bool> fields_;  // open complex fields: false while in the code, true in the result
  bool merge_next_ = false;
  std::deque<pugi::xml_node> pending_boxes_;
  std::map<std::string, model::CommentRange> comments_;
  // Layout state.
  struct TableState {
    std::int32_t id = 0, row = -1, cell = -1, cells = 0;
    double cell_w = 0, width = 0;
  };
  std::vector<TableState> tables_;
  std::int32_t next_table_ = 0;
  std::vector<pugi::xml_node> sect_nodes_;
  std::uint16_t section_ = 0;
  double style_pt_ = 10.5, run_max_pt_ = 0, image_h_ = 0;
};

model::Section parse_section(const Namespaces& ns, const pugi::xml_node& sect) {
  model::Section s;
  if (!sect) return s;
  if (auto sz = sect.child(ns.attr("pgSz").c_str())) {
    s.page_w = twips(sz, ns.attr("w"), s.page_w);
    s.page_h = twips(sz, ns.attr("h"), s.page_h);
  }
  if (auto m = sect.child(ns.attr("pgMar").c_str())) {
    s.m_top = std::fabs(twips(m, ns.attr("top"), s.m_top));
    s.m_bottom = std::fabs(twips(m, ns.attr("bottom"), s.m_bottom));
    s.m_left = twips(m, ns.attr("left"), s.m_left);
    s.m_right = twips(m, ns.attr("right"), s.m_right);
    s.m_header = twips(m, ns.attr("header"), s.m_header);
    s.m_footer = twips(m, ns.attr("footer"), s.m_footer);
    s.gutter = twips(m, ns.attr("gutter"), 0);
  }
  if (auto c = sect.child(ns.attr("cols").c_str())) {
    s.cols = std::max(1, c.attribute(ns.attr("num").c_str()).as_int(1));
    s.col_space = twips(c, ns.attr("space"), s.col_space);
  }
  if (auto g = sect.child(ns.attr("docGrid").c_str())) {
    s.grid = g.attribute(ns.attr("type").c_str()).value();
    s.line_pitch = twips(g, ns.attr("linePitch"), 0);
    s.char_space = g.attribute(ns.attr("charSpace").c_str()).as_double(0);
  }
  if (auto t = sect.child(ns.attr("type").c_str())) s.start = t.attribute(ns.attr("val").c_str()).value();
  return s;
}

// Relationship targets of a part, resolved to zip entry names.
struct Relationship {
  std::string type;  // last path segment of the Type URI ("styles", "footnotes", …)
  std::string target;
};

std::string resolve_target(const std::string& base_dir, std::string target) {
  if (!target.empty() && target[0] == '/') return target.substr(1);
  std::string path = base_dir + target;
  // Normalise "a/b/../c".
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const auto j = path.find('/', i);
    const std::string seg = path.substr(i, j == std::string::npos ? std::string::npos : j - i);
    if (seg == "..") { if (!parts.empty()) parts.pop_back(); }
    else if (!seg.empty() && seg != ".") parts.push_back(seg);
    if (j == std::string::npos) break;
    i = j + 1;
  }
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

std::vector<Relationship> read_rels(ZipArchive& zip, const std::string& rels_name, const std::string& base_dir) {
  std::vector<Relationship> rels;
  if (!zip.contains(rels_name)) return rels;
  auto xml = zip.read(rels_name);
  if (!xml.ok()) return rels;
  pugi::xml_document d;
  if (!d.load_buffer(xml->data(), xml->size())) return rels;
  for (auto r : d.document_element().children()) {
    if (std::string_view(r.name()).find("Relationship") == std::string_view::npos) continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    std::string type = r.attribute("Type").value();
    type = type.substr(type.rfind('/') + 1);
    rels.push_back({type, resolve_target(base_dir, r.attribute("Target").value())});
  }
  return rels;
}

// Reads the text content of simple property parts into doc.properties.
void read_properties(ZipArchive& zip, model::Document& doc) {
  auto load = [&](const char* name, pugi::xml_document& d) {
    if (!zip.contains(name)) return false;
    auto xml = zip.read(name);
    return xml.ok() && d.load_buffer(xml->data(), xml->size());
  };
  auto local = [](const char* n) {
    std::string_view s(n);
    const auto c = s.find(':');
    return std::string(c == std::string_view::npos ? s : s.substr(c + 1));
  };
  pugi::xml_document core, app, custom;
  if (load("docProps/core.xml", core))
    for (auto e : core.document_element().children())
      if (e.text()) doc.properties["core:" + local(e.name())] = e.text().get();
  if (load("docProps/app.xml", app))
    for (auto e : app.document_element().children())
      if (e.text() && !e.first_child().first_child()) doc.properties["app:" + local(e.name())] = e.text().get();
  if (load("docProps/custom.xml", custom))
    for (auto p : custom.document_element().children()) {
      const char* name = p.attribute("name").value();
      if (*name && p.first_child()) doc.properties[std::string("custom:") + name] = p.first_child().text().get();
    }
}

}  // namespace

Result<model::Document> read_docx(std::string_view bytes, ZipLimits limits) {
  auto opened = ZipArchive::open(bytes, limits);
  if (!opened.ok()) return opened.error();
  ZipArchive& zip = **opened;

  // Locate the main part through the package relationships.
  std::string main_part;
  for (const auto& r : read_rels(zip, "_rels/.rels", ""))
    if (r.type == "officeDocument") main_part = r.target;
  if (main_part.empty() || !zip.contains(main_part)) main_part = "word/document.xml";
  if (!zip.contains(main_part)) {
    return make_error(ErrorCode::kMissingPart,
                      "zip 容器中没有 word/document.xml，不是 Word 文档；请在 Word 中打开后另存为 .docx");
  }
  const std::string dir = main_part.substr(0, main_part.rfind('/') + 1);
  const std::string rels_name = dir + "_rels/" + main_part.substr(dir.size()) + ".rels";
  const auto rels = read_rels(zip, rels_name, dir);
  auto rel_targets = [&](const char* type) {
    std::vector<std::string> out;
    for (const auto& r : rels)
      if (r.type == type && zip.contains(r.target)) out.push_back(r.target);
    std::sort(out.begin(), out.end());
    return out;
  };

  model::DocumentBuilder builder(model::Format::kDocx);
  docx::Styles styles;
  docx::Numbering numbering;
  std::map<std::string, std::unique_ptr<XmlPart>> parsed;

  auto parse = [&](const std::string& name) -> Result<XmlPart*> {
    auto xml = zip.read(name);
    if (!xml.ok()) return xml.error();
    auto part = parse_xml_part(name, std::move(xml).value());
    if (!part.ok()) return part.error();
    XmlPart* raw = part->get();
    parsed[name] = std::move(part).value();
    return raw;
  };

  for (const auto& name : rel_targets("styles")) {
    auto p = parse(name);
    if (!p.ok()) return p.error();
    Namespaces ns;
    ns.load((*p)->doc.document_element());
    styles.load((*p)->doc, ns.w);
  }
  for (const auto& name : rel_targets("numbering")) {
    auto p = parse(name);
    if (!p.ok()) return p.error();
    Namespaces ns;
    ns.load((*p)->doc.document_element());
    numbering.load((*p)->doc, ns.w);
  }

  Walker walker(builder, styles, numbering);
  auto walk_part = [&](const std::string& name, model::Story story, const char* item) -> Status {
    auto p = parse(name);
    if (!p.ok()) return p.error();
    Namespaces ns;
    const auto root = (*p)->doc.document_element();
    ns.load(root);
    walker.set_part(ns, builder.add_source(name));
    if (!item) {
      const auto body = root.child((ns.w + ":body").c_str());
      walker.walk(body, story);
      // Sections: one per sectPr in a paragraph, then the body's final sectPr.
      auto& sections = builder.doc().sections;
      for (const auto& sect : walker.section_nodes()) sections.push_back(parse_section(ns, sect));
      sections.push_back(parse_section(ns, body.child((ns.w + ":sectPr").c_str())));
      return ok_status();
    }
    const std::string item_name = ns.w + ":" + item;  // outlives the range-for (see docx_numbering.cc)
    for (auto e : root.children(item_name.c_str())) {
      const std::string_view type = e.attribute((ns.w + ":type").c_str()).value();
      if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
      const auto first_block = builder.doc().blocks.size();
      walker.walk(e, story);
      if (story == model::Story::kComment) {
        std::string t;
        for (auto i = first_block; i < builder.doc().blocks.size(); ++i)
          t += std::string(builder.doc().block_text(i)) + "\n";
        walker.comments()[e.attribute((ns.w + ":id").c_str()).value()].text = t;
      }
    }
    return ok_status();
  };

  if (auto s = walk_part(main_part, model::Story::kMain, nullptr); !s.ok()) return s.error();
  struct Extra {
    const char* rel;
    model::Story story;
    const char* item;
  };
  const Extra extras[] = {
      {"footnotes", model::Story::kFootnote, "footnote"}, {"endnotes", model::Story::kEndnote, "endnote"},
      {"header", model::Story::kHeader, nullptr},         {"footer", model::Story::kFooter, nullptr},
      {"comments", model::Story::kComment, "comment"},
  };
  for (const auto& x : extras) {
    for (const auto& name : rel_targets(x.rel)) {
      if (!x.item) {
        // Headers and footers have no w:body: their root holds the paragraphs.
        auto p = parse(name);
        if (!p.ok()) return p.error();
        Namespaces ns;
        ns.load((*p)->doc.document_element());
        walker.set_part(ns, builder.add_source(name));
        walker.walk((*p)->doc.document_element(), x.story);
        continue;
      }
      if (auto s = walk_part(name, x.story, x.item); !s.ok()) return s.error();
    }
  }

  model::Document doc = builder.finish();
  for (auto& [id, c] : walker.comments()) {
    c.id = id;
    doc.comments.push_back(c);
    // A Word comment containing "wenfeng-ignore [terms]" suppresses findings in its range.
    const auto pos = c.text.find("wenfeng-ignore");
    if (pos == std::string::npos) continue;
    model::Suppression s{c.begin_block, c.begin_offset, c.end_block, c.end_offset, {}, "Word 批注 " + id};
    std::string rest = c.text.substr(pos + 14);
    // "wenfeng-ignore: terms" narrows it; anything else after the marker is a reason.
    if (rest.rfind(":", 0) == 0) rest = rest.substr(1);
    else if (rest.rfind("\xEF\xBC\x9A", 0) == 0) rest = rest.substr(3);
    else rest.clear();
    std::size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\n' || rest[i] == ',')) ++i;
      std::size_t j = i;
      while (j < rest.size() && rest[j] != ' ' && rest[j] != '\n' && rest[j] != ',') ++j;
      if (j > i) s.only.push_back(rest.substr(i, j - i));
      i = j;
    }
    doc.suppressions.push_back(std::move(s));
  }
  read_properties(zip, doc);
  return doc;
}

}  // namespace wenfeng::readers
