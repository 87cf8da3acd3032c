#include "readers/docx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <map>
#include <set>

#include "readers/docx_format.h"
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
constexpr const char* kMathNs = "http://schemas.openxmlformats.org/officeDocument/2006/math";
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
  std::string m = "m";

  void load(const pugi::xml_node& root) {
    for (auto a : root.attributes()) {
      std::string_view n = a.name();
      if (n.rfind("xmlns:", 0) == 0) uri_of[std::string(n.substr(6))] = a.value();
    }
    for (auto& [p, u] : uri_of) {
      for (const char* wn : kWordNs)
        if (u == wn) w = p;
      if (u == kMcNs) mc = p;
      if (u == kMathNs) m = p;
    }
  }
  // Local name if the element is in the w: namespace, else "".
  std::string_view wlocal(const pugi::xml_node& n) const { return local_if_prefix(n.name(), w); }
  std::string_view mclocal(const pugi::xml_node& n) const { return local_if_prefix(n.name(), mc); }
  std::string_view mlocal(const pugi::xml_node& n) const { return local_if_prefix(n.name(), m); }

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


// Walks the block-level content of parts and fills the builder.
class Walker {
 public:
  Walker(model::DocumentBuilder& b, docx::Styles& styles, docx::Numbering& numbering, docx::Formats& formats)
      : b_(b), styles_(styles), numbering_(numbering), fmt_(formats) {}

  void set_part(const Namespaces& ns, std::uint16_t source) {
    ns_ = &ns;
    fmt_.set_prefix(ns.w);
    source_ = source;
    para_ordinal_ = 0;
    fields_.clear();
    field_codes_.clear();
    merge_next_ = false;
  }

  // Reads a container (body, footnote, header…) and the text boxes anchored inside it.
  void walk(const pugi::xml_node& container, model::Story story) {
    walk_container(container, story);
    while (!pending_boxes_.empty()) {
      const auto box = pending_boxes_.front();
      pending_boxes_.pop_front();
      walk_box(box);
    }
  }

  std::map<std::string, model::CommentRange>& comments() { return comments_; }
  // Where the equations are in the block text: no prose rule applies inside one.
  std::vector<model::Suppression>& equations() { return equations_; }
  // Records where each piece of block text comes from (Document::origins).
  void record_origins(std::vector<model::TextOrigin>* origins) { origins_ = origins; }
  void set_note(std::int32_t id) { note_id_ = id; }
  const std::vector<pugi::xml_node>& section_nodes() const { return sect_nodes_; }

 private:
  // Table layout state (the members are below).
  // A table style conditional format that applies to a cell, and whether the cell's row is
  // the first or the last of the format's region (a banded row group, the header row …).
  struct Condition {
    pugi::xml_node node;  // w:tblStylePr
    bool first = false, last = false;
  };
  // w:tblLook bits (ECMA-376 §17.4.56; the hex w:val of Word 2007 has the same bits).
  static constexpr std::uint16_t kFirstRow = 0x20, kLastRow = 0x40, kFirstCol = 0x80, kLastCol = 0x100,
                                 kNoHBand = 0x200, kNoVBand = 0x400;
  struct TableState {
    std::int32_t id = 0, row = -1, cell = -1, cells = 0;
    double cell_w = 0, width = 0;
    std::string style;
    std::vector<double> grid;  // w:tblGrid column widths
    double mar_l = 5.4, mar_r = 5.4, mar_t = 0, mar_b = 0;  // table cell margins
    double cell_mar_l = 5.4, cell_mar_r = 5.4, cell_mar_t = 0, cell_mar_b = 0;  // this cell's (tcMar over them)
    double row_h = 0;
    std::uint8_t row_rule = 0, v_merge = 0;
    bool header_row = false, cant_split = false;
    std::int32_t grid_col = 0, grid_span = 1, grid_next = 0;
    // Borders and the table style's conditional formatting (w:tblStylePr).
    std::vector<const docx::StyleInfo*> style_chain;  // the table styles, root first
    pugi::xml_node borders, row_borders;  // the table's tblBorders, this row's tblPrEx tblBorders
    std::uint16_t look = 0;               // w:tblLook bits (kFirstRow …)
    std::int32_t rows = 0, row_band = 1, col_band = 1;
    double prev_bottom = 0;               // the widest bottom edge of the row above
    double row_border = 0;                // what this row's borders add to its height
    double spacing = 0, row_spacing = 0;  // tblCellSpacing: the table's, this row's (points)
    // w:tblpPr (a floating table): what its vertical position is measured from (0 in the
    // flow, 1 text, 2 margin, 3 page) and tblpY (points).
    std::uint8_t float_anchor = 0;
    double float_y = 0;
    double float_x = 0, float_dist_l = 0, float_dist_r = 0;  // tblpX, leftFromText, rightFromText
    std::uint8_t float_h_from = 0, float_x_spec = 0;        // horzAnchor, tblpXSpec
    std::vector<Condition> cond;          // the current cell's conditional formats, in order
  };

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
            walk_box(box);
          }
        }
      } else if (l == "tbl") {
        descend = static_cast<bool>(node.first_child());
        table_depth += descend;
        if (descend) table_start(node, story);
      } else if (l == "tr") {
        // A row deleted as a tracked change is not in the final view.
        descend = !node.child(ns_->attr("trPr").c_str()).child(ns_->attr("del").c_str());
        if (descend && !tables_.empty()) row_start(node);
      } else if (l == "tc") {
        descend = true;
        if (!tables_.empty()) cell_start(node);
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
    // Word's own save gives its paragraphs revision ids (w:rsidR, w:rsidRDefault): a file
    // without any was written by another program (pages.cc: its saved statistics are a
    // template's).
    if (!saw_rsid_ && story == model::Story::kMain &&
        (p.attribute(ns_->attr("rsidR").c_str()) || p.attribute(ns_->attr("rsidRDefault").c_str()))) {
      saw_rsid_ = true;
      b_.doc().properties["docx:rsid"] = "1";
    }
    if (!merge_next_ || !b_.is_open()) {
      open_block(ppr, story, in_table);
    } else {
      b_.anchor(para_ordinal_, 1);
    }
    // A table of contents: an entry in a TOC style, or a paragraph inside a TOC field's result
    // (open when it starts, or entered in it). Its entries and page numbers are the issue's
    // titles over again, never items or body text.
    bool contents = in_contents_field() || styles_.is_contents(
        ppr.child(ns_->attr("pStyle").c_str()).attribute(ns_->attr("val").c_str()).value());
    contents_entered_ = false;
    inline_content(p);
    contents = contents || contents_entered_;
    if (contents && b_.is_open() && b_.current().role != model::Role::kTitle) b_.current().role = model::Role::kContents;
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

    para_style_hidden_ = !style.empty() && style_hides(style);
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
    blk.layout = static_cast<std::int32_t>(b_.doc().layouts.size());
    b_.doc().layouts.push_back(paragraph_layout(ppr, style, in_table, num_id, ilvl));
  }

  // Layout inputs in Word's style hierarchy (ECMA-376 §17.7.2): docDefaults, the table
  // style (its conditional formats after it), the paragraph style chain, the numbering
  // level, then direct formatting. The paragraph style — Normal too — overrides the table
  // style. Without the compatibility setting overrideTableStyleFontSizeAndJustification
  // ([MS-DOCX]: Word 2010 files and older) two exceptions keep the table style's values: a
  // default paragraph style's 12 pt size and its left justification do not override the
  // table style's size and justification (docx4j measured the size rule in Word: 12 pt, not
  // 11). With it, the paragraph style's resolved size and justification (docDefaults under
  // it) win, also where its chain sets neither.
  model::ParagraphLayout paragraph_layout(const pugi::xml_node& ppr, const std::string& style, bool in_table,
                                          int num_id, int ilvl) {
    model::ParagraphLayout L;
    auto& doc = b_.doc();
    docx::RunProps rp;
    fmt_.apply_ppr(styles_.default_ppr, L);
    fmt_.apply_rpr(styles_.default_rpr, rp, doc);
    const docx::StyleInfo* tstyle = nullptr;
    if (in_table && !tables_.empty()) tstyle = styles_.find(tables_.back().style);
    const std::string sz = ns_->attr("sz"), jc = ns_->attr("jc");
    bool table_sz = false, table_jc = false;
    if (tstyle) {
      for (const auto* st : styles_.chain(tables_.back().style)) {
        fmt_.apply_ppr(st->ppr, L);
        fmt_.apply_rpr(st->rpr, rp, doc);
        table_sz = table_sz || st->rpr.child(sz.c_str());
        table_jc = table_jc || st->ppr.child(jc.c_str());
      }
      for (const auto& c : tables_.back().cond) {
        const auto cppr = c.node.child(ns_->attr("pPr").c_str()), crpr = c.node.child(ns_->attr("rPr").c_str());
        fmt_.apply_ppr(cppr, L);
        fmt_.apply_rpr(crpr, rp, doc);
        table_sz = table_sz || crpr.child(sz.c_str());
        table_jc = table_jc || cppr.child(jc.c_str());
      }
    }
    const double table_size = rp.size;
    const bool table_justified = L.justified;
    const auto chain = styles_.chain(style);
    for (const auto* st : chain) {
      fmt_.apply_ppr(st->ppr, L);
      fmt_.apply_rpr(st->rpr, rp, doc);
    }
    // The paragraph style's own run properties as it resolves them, docDefaults under it.
    const auto style_rpr = [&] {
      docx::RunProps eff;
      fmt_.apply_rpr(styles_.default_rpr, eff, doc);
      for (const auto* st : chain) fmt_.apply_rpr(st->rpr, eff, doc);
      return eff;
    };
    if (tstyle && (table_sz || table_jc) && !override_table_style()) {
      const bool is_default = style.empty() || style == styles_.default_paragraph_style();
      const docx::StyleInfo* own = chain.empty() ? nullptr : chain.back();
      if (table_sz && !(!is_default && own && own->rpr.child(sz.c_str()))) {
        if (std::fabs(style_rpr().size - 12.0) < 0.01) rp.size = table_size;
      }
      if (table_jc && !(!is_default && own && own->ppr.child(jc.c_str()))) {
        std::string_view eff_jc;  // the style's jc, docDefaults under it
        if (auto n = styles_.default_ppr.child(jc.c_str())) eff_jc = n.attribute(ns_->attr("val").c_str()).value();
        for (const auto* st : chain)
          if (auto n = st->ppr.child(jc.c_str())) eff_jc = n.attribute(ns_->attr("val").c_str()).value();
        if (eff_jc == "left" || eff_jc == "start") L.justified = table_justified;
      }
    } else if (tstyle && (table_sz || table_jc)) {
      // With the setting (Word 2013 and later) the paragraph style's size and justification
      // are its own as it resolves them, docDefaults under it, and they beat the table
      // style's even where the style chain sets neither: a "Table Grid" of 10 pt under
      // docDefaults of 10.5 pt sets its cells at 10.5 pt. Fresh-3 t119 (Word 2016, saved 33):
      // its cells' JSON lines at 10 pt fitted columns Word's page breaks show them wrapping
      // in (31.9 -> 32.9; the first page start off Word's marks P236 -> P311); history h528
      // 5.8 -> 6.3 for 7. No other file of the five sets moves; justification alone moves none.
      if (table_sz) {
        const docx::RunProps eff = style_rpr();
        rp.size = eff.size;
        rp.size_cs = eff.size_cs;
      }
      if (table_jc) {
        model::ParagraphLayout eff_l;
        fmt_.apply_ppr(styles_.default_ppr, eff_l);
        for (const auto* st : chain) fmt_.apply_ppr(st->ppr, eff_l);
        L.justified = eff_l.justified;
      }
    }
    if (num_id > 0) {
      if (const auto* lv = numbering_.level(num_id, std::clamp(ilvl, 0, 8))) {
        fmt_.apply_ppr(lv->ppr, L);
        L.label_suffix = lv->suffix == "space" ? 1 : lv->suffix == "nothing" ? 2 : 0;
      }
    }
    fmt_.apply_ppr(ppr, L);
    para_rp_ = rp;
    fmt_.apply_rpr(ppr.child(ns_->attr("rPr").c_str()), rp, doc);  // the paragraph mark
    L.font_pt = rp.size;
    L.font_cs_pt = rp.size_cs;
    {
      const auto mark_vanish = ppr.child(ns_->attr("rPr").c_str()).child(ns_->attr("vanish").c_str());
      L.mark_hidden = mark_vanish ? on_off(mark_vanish, ns_->attr("val")) : para_style_hidden_;
    }
    L.mark_latin = rp.latin;
    L.mark_east_asian = rp.east_asian;
    L.mark_complex = rp.complex;
    if (num_id > 0) {
      if (const auto* lv = numbering_.level(num_id, std::clamp(ilvl, 0, 8)); lv && lv->rpr) {
        docx::RunProps lrp = rp;
        fmt_.apply_rpr(lv->rpr, lrp, doc);
        L.label_latin = lrp.latin;
        L.label_east_asian = lrp.east_asian;
        L.label_pt = static_cast<float>(lrp.size);
      }
    }
    L.note_id = note_id_;
    if (in_table && !tables_.empty()) {
      const auto& t = tables_.front();  // the outermost table places the paragraph
      const auto& inner = tables_.back();
      L.table = t.id;
      L.row = t.row;
      L.cell = t.cell;
      L.cells_in_row = t.cells;
      L.table_w = t.width;
      L.cell_w = inner.cell_w;
      L.cell_margin_l = inner.cell_mar_l;
      L.cell_margin_r = inner.cell_mar_r;
      L.cell_margin_t = t.cell_mar_t;
      L.cell_margin_b = t.cell_mar_b;
      L.row_h = t.row_h;
      L.row_rule = t.row_rule;
      L.row_border = t.row_border;
      L.header_row = t.header_row;
      L.cant_split = t.cant_split;
      L.v_merge = t.v_merge;
      L.grid_col = t.grid_col;
      L.grid_span = t.grid_span;
      L.float_anchor = t.float_anchor;
      L.float_y = t.float_y;
      L.float_x = t.float_x;
      L.float_dist_l = t.float_dist_l;
      L.float_dist_r = t.float_dist_r;
      L.float_h_from = t.float_h_from;
      L.float_x_spec = t.float_x_spec;
      L.nested = tables_.size() > 1;
      if (L.nested) {
        L.inner_row = inner.id * 65536 + inner.row;
        L.inner_cell = inner.cell;
      }
    }
    return L;
  }

  // The run's character formatting, recorded where its text starts.
  void run_format(const pugi::xml_node& r) {
    if (!b_.is_open() || b_.current().layout < 0) return;
    auto& doc = b_.doc();
    docx::RunProps rp = para_rp_;
    const auto rpr = r.child(ns_->attr("rPr").c_str());
    const std::string rstyle = rpr.child(ns_->attr("rStyle").c_str()).attribute(ns_->attr("val").c_str()).value();
    if (!rstyle.empty())
      for (const auto* st : styles_.chain(rstyle)) fmt_.apply_rpr(st->rpr, rp, doc);
    fmt_.apply_rpr(rpr, rp, doc);
    auto& runs = doc.layouts[static_cast<std::size_t>(b_.current().layout)].runs;
    model::RunFormat f;
    f.offset = b_.current_offset();
    f.size = static_cast<float>(rp.size);
    f.size_cs = static_cast<float>(rp.size_cs);
    f.spacing = static_cast<float>(rp.spacing);
    f.scale = static_cast<float>(rp.scale);
    f.latin = rp.latin;
    f.east_asian = rp.east_asian;
    f.complex = rp.complex;
    f.hint_east_asian = rp.hint_east_asian;
    f.bold = rp.bold;
    f.vert = rp.vert;
    auto same = [](const model::RunFormat& a, const model::RunFormat& b) {
      return a.size == b.size && a.size_cs == b.size_cs && a.spacing == b.spacing && a.scale == b.scale && a.latin == b.latin &&
             a.east_asian == b.east_asian && a.complex == b.complex && a.hint_east_asian == b.hint_east_asian && a.bold == b.bold && a.vert == b.vert;
    };
    if (!runs.empty() && runs.back().offset == f.offset) runs.pop_back();
    if (runs.empty() || !same(runs.back(), f)) runs.push_back(f);
  }

  // settings.xml's compatSetting overrideTableStyleFontSizeAndJustification (Word 2013 and
  // later write it as 1): the paragraph style's size and justification win over the table
  // style's without exception.
  bool override_table_style() {
    if (override_table_style_ < 0)
      override_table_style_ = b_.doc().property("settings:overrideTableStyleFontSizeAndJustification").value_or("") == "1";
    return override_table_style_ == 1;
  }

  model::ParagraphLayout* current_layout() {
    if (!b_.is_open() || b_.current().layout < 0) return nullptr;
    return &b_.doc().layouts[static_cast<std::size_t>(b_.current().layout)];
  }

  // Table state.
  // Twips to points; a value that is no finite number (nan, inf, 1e999) is not given.
  static double attr_pt(const pugi::xml_node& n, const std::string& a, double fallback) {
    const char* v = n.attribute(a.c_str()).value();
    if (!*v) return fallback;
    const double x = std::strtod(v, nullptr);
    return std::isfinite(x) ? x / 20.0 : fallback;
  }
  void cell_margins(const pugi::xml_node& mar, double& l, double& r, double& t, double& b) const {
    if (!mar) return;
    auto side = [&](const char* a, const char* alt, double& v) {
      auto n = mar.child(ns_->attr(a).c_str());
      if (!n) n = mar.child(ns_->attr(alt).c_str());
      if (n && std::string_view(n.attribute(ns_->attr("type").c_str()).value()) != "pct")
        v = attr_pt(n, ns_->attr("w"), v);
    };
    side("left", "start", l);
    side("right", "end", r);
    side("top", "top", t);
    side("bottom", "bottom", b);
  }
  // w:tblCellSpacing under `pr` (a table style's or table's tblPr, a row's tblPrEx or trPr),
  // in points, over `v`; nil is none, pct and auto are ignored (ECMA-376 §17.4.43-45).
  void cell_spacing(const pugi::xml_node& pr, double& v) const {
    const auto n = pr.child(ns_->attr("tblCellSpacing").c_str());
    if (!n) return;
    const std::string_view type = n.attribute(ns_->attr("type").c_str()).value();
    if (type == "nil") v = 0;
    else if (type.empty() || type == "dxa") v = std::max(0.0, attr_pt(n, ns_->attr("w"), 0));
  }
  void table_start(const pugi::xml_node& tbl, model::Story story) {
    TableState t;
    t.id = next_table_++;
    const auto pr = tbl.child(ns_->attr("tblPr").c_str());
    floating(pr.child(ns_->attr("tblpPr").c_str()), story, t);
    t.style = pr.child(ns_->attr("tblStyle").c_str()).attribute(ns_->attr("val").c_str()).value();
    if (t.style.empty()) t.style = styles_.default_table_style();
    const std::string val = ns_->attr("val");
    for (const auto* st : styles_.chain(t.style)) {
      if (st->type != "table") continue;
      t.style_chain.push_back(st);
      const auto spr = st->node.child(ns_->attr("tblPr").c_str());
      cell_margins(spr.child(ns_->attr("tblCellMar").c_str()), t.mar_l, t.mar_r, t.mar_t, t.mar_b);
      cell_spacing(spr, t.spacing);
      if (auto b = spr.child(ns_->attr("tblStyleRowBandSize").c_str())) t.row_band = std::max(1, int_attr(b, val, 1));
      if (auto b = spr.child(ns_->attr("tblStyleColBandSize").c_str())) t.col_band = std::max(1, int_attr(b, val, 1));
    }
    cell_margins(pr.child(ns_->attr("tblCellMar").c_str()), t.mar_l, t.mar_r, t.mar_t, t.mar_b);
    cell_spacing(pr, t.spacing);
    if (auto b = pr.child(ns_->attr("tblStyleRowBandSize").c_str())) t.row_band = std::max(1, int_attr(b, val, 1));
    if (auto b = pr.child(ns_->attr("tblStyleColBandSize").c_str())) t.col_band = std::max(1, int_attr(b, val, 1));
    t.borders = pr.child(ns_->attr("tblBorders").c_str());
    if (auto look = pr.child(ns_->attr("tblLook").c_str())) {
      // The named attributes (Word 2010 and later) win over the hex value (Word 2007).
      t.look = static_cast<std::uint16_t>(std::strtoul(look.attribute(val.c_str()).value(), nullptr, 16));
      auto bit = [&](const char* name, std::uint16_t b) {
        const auto a = look.attribute(ns_->attr(name).c_str());
        if (!a) return;
        const std::string_view v = a.value();
        if (v == "1" || v == "true" || v == "on") t.look |= b;
        else t.look &= static_cast<std::uint16_t>(~b);
      };
      bit("firstRow", kFirstRow);
      bit("lastRow", kLastRow);
      bit("firstColumn", kFirstCol);
      bit("lastColumn", kLastCol);
      bit("noHBand", kNoHBand);
      bit("noVBand", kNoVBand);
    }
    const std::string tr = ns_->attr("tr"), trpr = ns_->attr("trPr"), del = ns_->attr("del");
    for (auto r : tbl.children(tr.c_str()))
      if (!r.child(trpr.c_str()).child(del.c_str())) ++t.rows;
    const auto tw = pr.child(ns_->attr("tblW").c_str());
    if (std::string_view(tw.attribute(ns_->attr("type").c_str()).value()) == "dxa") t.width = attr_pt(tw, ns_->attr("w"), 0);
    const std::string gc = ns_->attr("gridCol");
    for (auto c : tbl.child(ns_->attr("tblGrid").c_str()).children(gc.c_str()))
      if (t.grid.size() < 200) t.grid.push_back(attr_pt(c, ns_->attr("w"), 0));
    if (t.width <= 0) for (double g : t.grid) t.width += g;
    auto& grids = b_.doc().tables;
    if (grids.size() <= static_cast<std::size_t>(t.id)) grids.resize(static_cast<std::size_t>(t.id) + 1);
    auto& tg = grids[static_cast<std::size_t>(t.id)];
    tg.cols = t.grid;
    tg.autofit = std::string_view(pr.child(ns_->attr("tblLayout").c_str()).attribute(ns_->attr("type").c_str()).value()) != "fixed";
    tables_.push_back(std::move(t));
  }
  // w:tblpPr (ECMA-376 17.4.57) as Word reads it (MS-OI29500 2.1.162): vertAnchor defaults
  // to margin, horzAnchor to text; the element is ignored without attributes, in a text box,
  // note or comment, and when tblpX and tblpY are 0, horzAnchor is text and vertAnchor is not.
  void floating(const pugi::xml_node& tp, model::Story story, TableState& t) const {
    if (!tp || !tp.first_attribute() || !tables_.empty()) return;
    if (story != model::Story::kMain && story != model::Story::kHeader && story != model::Story::kFooter) return;
    const std::string_view v = tp.attribute(ns_->attr("vertAnchor").c_str()).value();
    const std::string_view h = tp.attribute(ns_->attr("horzAnchor").c_str()).value();
    const double x = attr_pt(tp, ns_->attr("tblpX"), 0), y = attr_pt(tp, ns_->attr("tblpY"), 0);
    const std::uint8_t anchor = v == "text" ? 1 : v == "page" ? 3 : 2;
    const bool x_spec = static_cast<bool>(tp.attribute(ns_->attr("tblpXSpec").c_str()));
    const bool y_spec = static_cast<bool>(tp.attribute(ns_->attr("tblpYSpec").c_str()));
    if (x == 0 && y == 0 && !x_spec && !y_spec && (h.empty() || h == "text") && anchor != 1) return;
    t.float_anchor = anchor;
    t.float_y = y_spec ? 0.0 : y;
    t.float_x = x;
    t.float_h_from = h == "page" ? 2 : h == "margin" ? 1 : 0;
    const std::string_view xs = tp.attribute(ns_->attr("tblpXSpec").c_str()).value();
    t.float_x_spec = xs == "left" || xs == "inside" ? 1 : xs == "center" ? 2 : xs == "right" || xs == "outside" ? 3 : 0;
    t.float_dist_l = attr_pt(tp, ns_->attr("leftFromText"), 0);
    t.float_dist_r = attr_pt(tp, ns_->attr("rightFromText"), 0);
  }
  void row_start(const pugi::xml_node& tr) {
    auto& t = tables_.back();
    ++t.row;
    t.cell = -1;
    t.cells = 0;
    t.grid_next = 0;
    const std::string tc = ns_->attr("tc");
    for (auto c : tr.children(tc.c_str())) (void)c, ++t.cells;
    const auto pr = tr.child(ns_->attr("trPr").c_str());
    const auto h = pr.child(ns_->attr("trHeight").c_str());
    t.row_h = attr_pt(h, ns_->attr("val"), 0);
    t.row_rule = std::string_view(h.attribute(ns_->attr("hRule").c_str()).value()) == "exact" ? 1 : 0;
    const std::string val = ns_->attr("val");
    auto flag = [&](const char* name) {
      auto n = pr.child(ns_->attr(name).c_str());
      if (!n) return false;
      const std::string_view v = n.attribute(val.c_str()).value();
      return !(v == "0" || v == "false" || v == "off");
    };
    t.header_row = flag("tblHeader");
    t.cant_split = flag("cantSplit");
    if (auto before = pr.child(ns_->attr("gridBefore").c_str())) t.grid_next = std::max(0, int_attr(before, val, 0));
    t.row_borders = tr.child(ns_->attr("tblPrEx").c_str()).child(ns_->attr("tblBorders").c_str());
    t.row_spacing = t.spacing;  // the row's own spacing (tblPrEx, then trPr) overrides the table's
    cell_spacing(tr.child(ns_->attr("tblPrEx").c_str()), t.row_spacing);
    cell_spacing(pr, t.row_spacing);
    // The row is as tall as its tallest cell plus the horizontal border above it (the
    // wider of this row's top edges and the row above's bottom edges); the last row adds
    // its bottom border too.
    double top = t.prev_bottom, bottom = 0;
    int index = 0, grid = t.grid_next;
    const std::string tcpr = ns_->attr("tcPr"), span = ns_->attr("gridSpan");
    for (auto c : tr.children(tc.c_str())) {
      const auto cpr = c.child(tcpr.c_str());
      const int w = std::clamp(int_attr(cpr.child(span.c_str()), val, 1), 1, 200);
      const auto cond = conditions(t, index, t.cells, grid);
      top = std::max(top, cell_edge(t, cond, cpr, true));
      bottom = std::max(bottom, cell_edge(t, cond, cpr, false));
      ++index;
      grid += w;
    }
    t.prev_bottom = bottom;
    // Cell spacing: Word stores half the gap. Cells stand twice the value apart, and as far
    // from the table's edges (HTML's default cellspacing of 2 px arrives as 15 twips), so
    // every row adds the gap above it and the last row the gap below it too.
    const double gap = 2 * t.row_spacing;
    t.row_border = top + gap + (t.row + 1 >= t.rows ? bottom + gap : 0.0);
  }

  // The table style's conditional formats for the cell `index` of `cells` at grid column
  // `grid` in the current row, in the order they apply (ECMA-376 §17.7.6: whole table,
  // banded columns, banded rows, first and last row, first and last column, corner cells),
  // each style's base before it; tblLook turns the header, total and band formats on.
  std::vector<Condition> conditions(const TableState& t, int index, int cells, int grid) const {
    std::vector<Condition> out;
    if (t.style_chain.empty()) return out;
    const bool first_row = (t.look & kFirstRow) && t.row == 0;
    const bool last_row = (t.look & kLastRow) && t.row + 1 == t.rows && t.row > 0;
    const bool first_col = (t.look & kFirstCol) && grid == 0;
    const bool last_col = (t.look & kLastCol) && index + 1 == cells && index > 0;
    const int band_row = t.row - ((t.look & kFirstRow) ? 1 : 0);
    const int band_col = index - ((t.look & kFirstCol) ? 1 : 0);
    const bool whole_first = t.row == 0, whole_last = t.row + 1 >= t.rows;
    std::vector<std::pair<const char*, Condition>> types;
    types.push_back({"wholeTable", {{}, whole_first, whole_last}});
    if (!(t.look & kNoVBand) && !first_col && !last_col && band_col >= 0)
      types.push_back({(band_col / t.col_band) % 2 == 0 ? "band1Vert" : "band2Vert", {{}, whole_first, whole_last}});
    if (!(t.look & kNoHBand) && !first_row && !last_row && band_row >= 0) {
      const int k = band_row % t.row_band;
      types.push_back({(band_row / t.row_band) % 2 == 0 ? "band1Horz" : "band2Horz",
                       {{}, k == 0, k + 1 == t.row_band || whole_last}});
    }
    if (first_row) types.push_back({"firstRow", {{}, true, true}});
    if (last_row) types.push_back({"lastRow", {{}, true, true}});
    if (first_col) types.push_back({"firstCol", {{}, whole_first, whole_last}});
    if (last_col) types.push_back({"lastCol", {{}, whole_first, whole_last}});
    if (first_row && first_col) types.push_back({"nwCell", {{}, true, true}});
    if (first_row && last_col) types.push_back({"neCell", {{}, true, true}});
    if (last_row && first_col) types.push_back({"swCell", {{}, true, true}});
    if (last_row && last_col) types.push_back({"seCell", {{}, true, true}});
    const std::string pr = ns_->attr("tblStylePr"), type = ns_->attr("type");
    for (const auto& [name, c] : types)
      for (const auto* st : t.style_chain)
        for (auto n : st->node.children(pr.c_str()))
          if (std::string_view(n.attribute(type.c_str()).value()) == name) out.push_back({n, c.first, c.last});
    return out;
  }
  // A border's width in points (w:sz is in eighths of a point), 0 for none, -1 when absent.
  double border_pt(const pugi::xml_node& b) const {
    if (!b) return -1;
    const std::string_view v = b.attribute(ns_->attr("val").c_str()).value();
    if (v.empty() || v == "none" || v == "nil") return 0;
    const char* sz = b.attribute(ns_->attr("sz").c_str()).value();
    const double w = std::clamp(*sz ? std::strtod(sz, nullptr) / 8.0 : 0.5, 0.25, 12.0);
    return v == "double" ? 3 * w : w;  // two lines and the gap between them (not measured)
  }
  // The width of a cell's top (or bottom) edge: the cell's own tcBorders over the row's
  // table-level exceptions over the table's borders over the table style's (its
  // conditional formats over its whole-table borders). An edge inside a region is that
  // region's insideH.
  double cell_edge(const TableState& t, const std::vector<Condition>& cond, const pugi::xml_node& tcpr, bool top) const {
    const std::string side = ns_->attr(top ? "top" : "bottom"), inside = ns_->attr("insideH");
    const std::string tcb = ns_->attr("tcBorders"), tcp = ns_->attr("tcPr"), tblp = ns_->attr("tblPr"),
                      tblb = ns_->attr("tblBorders");
    const bool outer = top ? t.row == 0 : t.row + 1 >= t.rows;
    double v = -1;
    auto take = [&](const pugi::xml_node& borders, bool edge) {
      if (!borders) return;
      const double x = border_pt(borders.child((edge ? side : inside).c_str()));
      if (x >= 0) v = x;
    };
    for (const auto* st : t.style_chain) {
      take(st->node.child(tblp.c_str()).child(tblb.c_str()), outer);
      take(st->node.child(tcp.c_str()).child(tcb.c_str()), outer);
    }
    for (const auto& c : cond) {
      if (std::string_view(c.node.attribute(ns_->attr("type").c_str()).value()) == "wholeTable")
        take(c.node.child(tblp.c_str()).child(tblb.c_str()), outer);
      take(c.node.child(tcp.c_str()).child(tcb.c_str()), top ? c.first : c.last);
    }
    take(t.borders, outer);
    take(t.row_borders, outer);
    if (auto own = tcpr.child(tcb.c_str()).child(side.c_str())) v = std::max(0.0, border_pt(own));
    return std::max(0.0, v);
  }
  void cell_start(const pugi::xml_node& tc) {
    auto& t = tables_.back();
    ++t.cell;
    const auto pr = tc.child(ns_->attr("tcPr").c_str());
    const std::string val = ns_->attr("val");
    t.grid_col = t.grid_next;
    t.grid_span = std::clamp(int_attr(pr.child(ns_->attr("gridSpan").c_str()), val, 1), 1, 200);
    t.grid_next += t.grid_span;
    t.cond = conditions(t, t.cell, t.cells, t.grid_col);
    t.cell_w = 0;
    for (int i = t.grid_col; i < t.grid_col + t.grid_span && i < static_cast<int>(t.grid.size()); ++i)
      t.cell_w += t.grid[static_cast<std::size_t>(i)];
    const auto w = pr.child(ns_->attr("tcW").c_str());
    if (t.cell_w <= 0 && std::string_view(w.attribute(ns_->attr("type").c_str()).value()) == "dxa")
      t.cell_w = attr_pt(w, ns_->attr("w"), 0);
    t.v_merge = 0;
    if (auto vm = pr.child(ns_->attr("vMerge").c_str()))
      t.v_merge = std::string_view(vm.attribute(val.c_str()).value()) == "restart" ? 1 : 2;
    // A cell's own margins (tcMar) override the table's on every side (ECMA-376 tcMar):
    // its top and bottom ones make the row taller.
    double l = t.mar_l, r = t.mar_r, tp = t.mar_t, b = t.mar_b;
    cell_margins(pr.child(ns_->attr("tcMar").c_str()), l, r, tp, b);
    t.cell_mar_l = l + t.row_spacing;  // half a gap on each side of the cell's text
    t.cell_mar_r = r + t.row_spacing;
    t.cell_mar_t = tp;
    t.cell_mar_b = b;
  }

  // A drawing's extent (EMU) and how text wraps around it.
  void drawing(const pugi::xml_node& extent) {
    auto* L = current_layout();
    if (!L) return;
    double w = extent.attribute("cx").as_double(0) / 12700.0;
    double h = extent.attribute("cy").as_double(0) / 12700.0;
    if (!(h > 0 && h < 20000 && w >= 0 && w < 20000)) return;
    const auto holder = extent.parent();
    // The extent is the unrotated size: a picture turned a quarter stands the other way.
    const auto xfrm = holder.find_node([](const pugi::xml_node& n) {
      const std::string_view nm = n.name();
      return nm.ends_with(":xfrm") && n.attribute("rot");
    });
    if (xfrm) {
      const long rot = (xfrm.attribute("rot").as_llong(0) / 60000) % 180;
      if (rot > 45 && rot < 135) std::swap(w, h);
    }
    const std::string_view hn = holder.name();
    if (hn.ends_with("inline")) {
      if (L->inlines.size() < 1000)
        L->inlines.push_back({b_.current_offset(), static_cast<float>(w), static_cast<float>(h)});
      return;
    }
    model::Float f{w, h, 0};
    for (auto c : holder.children()) {
      const std::string_view cn = c.name();
      const auto colon = cn.find(':');
      const auto lc = colon == std::string_view::npos ? cn : cn.substr(colon + 1);
      if (lc == "wrapTopAndBottom") f.wrap = 1;
      else if (lc == "wrapSquare" || lc == "wrapTight" || lc == "wrapThrough") {
        f.wrap = 2;
        const std::string_view t = c.attribute("wrapText").value();
        f.wrap_text = t == "left" ? 1 : t == "right" ? 2 : t == "largest" ? 3 : 0;
      } else if (lc == "positionH") {
        // Where the object stands across the page: an offset or an alignment, from the
        // column or margin (one column: the same edge) or the page; any other frame
        // (character, inside or outside margin) stays unknown.
        const std::string_view from = c.attribute("relativeFrom").value();
        const std::uint8_t fr = from == "column" || from == "margin" ? 1 : from == "page" || from == "leftMargin" ? 2 : 0;
        for (auto k : c.children()) {
          const std::string_view kn = k.name();
          if (kn.ends_with("posOffset")) {
            const double x = k.text().as_double(1e12) / 12700.0;
            if (x > -20000 && x < 20000) f.x = static_cast<float>(x), f.h_from = fr;
          } else if (kn.ends_with("align")) {
            const std::string_view a = k.text().get();
            f.h_align = a == "left" ? 1 : a == "center" ? 2 : a == "right" ? 3 : 0;
            if (f.h_align) f.h_from = fr;
          }
        }
      } else if (lc == "positionV") {
        // Down the page: an offset from the anchor paragraph or line (where the text beside
        // it starts), the margin or the page; an alignment is left unknown.
        const std::string_view from = c.attribute("relativeFrom").value();
        const std::uint8_t fr = from == "paragraph" || from == "line" ? 1 : from == "margin" ? 2 : from == "page" ? 3 : 0;
        for (auto k : c.children()) {
          const std::string_view kn = k.name();
          if (kn.ends_with("posOffset")) {
            const double y = k.text().as_double(1e12) / 12700.0;
            if (y > -20000 && y < 20000) f.y = static_cast<float>(y), f.v_from = fr;
          }
        }
      }
    }
    if (f.wrap == 2 || f.wrap == 1) {  // top and bottom: distT places its band (dist_v sizes it)
      auto dist = [&](const char* a) {
        const double d = holder.attribute(a).as_double(0) / 12700.0;
        return static_cast<float>(d > 0 && d < 200 ? d : 0);
      };
      f.dist_l = dist("distL");
      f.dist_r = dist("distR");
      f.dist_t = dist("distT");
      f.dist_b = dist("distB");
    }
    // behindDoc only says whether the object is drawn behind the text (ECMA-376 wp:anchor:
    // the z-order); the wrap element says whether text flows round it. Word's "Behind Text"
    // is wrapNone with behindDoc, which pushes nothing; a behindDoc picture that wraps
    // tight, square, through or top and bottom still pushes the text (fresh r031: a 322 pt
    // screenshot, wrapTight, behindDoc, wider than the text: Word starts its anchor
    // paragraph on the next page, the picture above the text that follows).
    // Top and bottom wrapping keeps the text distT above and distB below the object.
    if (f.wrap == 1) {
      const double d = (holder.attribute("distT").as_double(0) + holder.attribute("distB").as_double(0)) / 12700.0;
      if (d > 0 && d < 200) f.dist_v = static_cast<float>(d);
      f.h += f.dist_v;
    }
    // A text box that grows to fit its text (wps:bodyPr a:spAutoFit): its insets, in EMU.
    if (const auto body = holder.find_node([](const pugi::xml_node& n) {
          const std::string_view nm = n.name();
          return nm.ends_with(":bodyPr");
        })) {
      for (auto c : body.children()) {
        const std::string_view cn = c.name();
        if (cn.ends_with(":spAutoFit")) f.fit = true;
      }
      auto ins = [&](const char* a, double fallback) {
        const double v = body.attribute(a).as_double(fallback) / 12700.0;
        return v >= 0 && v < 200 ? v : fallback / 12700.0;
      };
      f.inset_v = static_cast<float>(ins("tIns", 45720) + ins("bIns", 45720));
      f.inset_h = static_cast<float>(ins("lIns", 91440) + ins("rIns", 91440));
    }
    push_float(holder, *L, f);
  }

  void push_float(const pugi::xml_node& holder, model::ParagraphLayout& L, const model::Float& f) {
    if (L.floats.size() >= 64) return;
    L.floats.push_back(f);
    float_holder_ = holder;
    float_layout_ = b_.current().layout;
    float_index_ = static_cast<std::int32_t>(L.floats.size() - 1);
  }

  // A VML shape (w:pict, w:object): its style gives width and height, and whether it floats.
  void vml_shape(const pugi::xml_node& shape) {
    auto* L = current_layout();
    if (!L) return;
    const std::string_view style = shape.attribute("style").value();
    // Where a CSS property's name starts in the style (npos when it is not there).
    auto key_at = [&](std::string_view key) -> std::size_t {
      std::size_t pos = 0;
      while ((pos = style.find(key, pos)) != std::string_view::npos) {
        if ((pos == 0 || style[pos - 1] == ';' || style[pos - 1] == ' ') && pos + key.size() < style.size() &&
            style[pos + key.size()] == ':')
          break;
        ++pos;
      }
      return pos;
    };
    auto length = [&](std::string_view key) -> double {
      const std::size_t pos = key_at(key);
      if (pos == std::string_view::npos) return 0;
      const std::string v(style.substr(pos + key.size() + 1, 24));
      char* end = nullptr;
      const double x = std::strtod(v.c_str(), &end);
      // The unit: at most the two characters after the number (none at the string's end).
      const std::string_view unit = std::string_view(end, v.c_str() + v.size() - end).substr(0, 2);
      if (unit == "pt") return x;
      if (unit == "in") return x * 72;
      if (unit == "cm") return x * 72 / 2.54;
      if (unit == "mm") return x * 72 / 25.4;
      if (unit == "px") return x * 0.75;
      return x / 20.0 > 0 && !unit.starts_with('%') ? x * 0.75 : 0;  // VML's bare numbers are pixels
    };
    const double w = length("width"), h = length("height");
    if (!(h > 0 && h < 20000)) return;
    if (style.find("position:absolute") == std::string_view::npos) {
      if (L->inlines.size() < 1000)
        L->inlines.push_back({b_.current_offset(), static_cast<float>(w), static_cast<float>(h)});
      return;
    }
    model::Float f{w, h, 2};
    // Where it stands (VML's CSS): across the column from the text's edge (relative "text",
    // the default, or margin) or the page, by mso-position-horizontal or margin-left; down
    // from its anchor paragraph ("text", the default, or line), the margin or the page by
    // margin-top. Square wrapping keeps mso-wrap-distance-left/right (VML's default 9 pt).
    auto value = [&](std::string_view key) -> std::string_view {
      const std::size_t pos = key_at(key);
      if (pos == std::string_view::npos) return {};
      const auto from = pos + key.size() + 1;
      const auto end = style.find(';', from);
      return style.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
    };
    {
      const std::string_view hr = value("mso-position-horizontal-relative");
      const std::uint8_t hf = hr.empty() || hr == "text" || hr == "margin" ? 1 : hr == "page" ? 2 : 0;
      const std::string_view ha = value("mso-position-horizontal");
      if (hf && (ha == "left" || ha == "center" || ha == "right")) {
        f.h_from = hf;
        f.h_align = ha == "left" ? 1 : ha == "center" ? 2 : 3;
      } else if (hf && (ha.empty() || ha == "absolute")) {
        f.h_from = hf;
        f.x = static_cast<float>(length("margin-left") + length("left"));
      }
      const std::string_view vr = value("mso-position-vertical-relative");
      const std::uint8_t vf = vr.empty() || vr == "text" || vr == "line" ? 1 : vr == "margin" ? 2 : vr == "page" ? 3 : 0;
      const std::string_view va = value("mso-position-vertical");
      if (vf && (va.empty() || va == "absolute")) {
        f.v_from = vf;
        f.y = static_cast<float>(length("margin-top") + length("top"));
      }
      auto wrap_dist = [&](std::string_view key, double fallback) {
        const double d = value(key).empty() ? fallback : length(key);
        return static_cast<float>(d > 0 && d < 200 ? d : 0);
      };
      f.dist_l = wrap_dist("mso-wrap-distance-left", 9);
      f.dist_r = wrap_dist("mso-wrap-distance-right", 9);
      f.dist_t = wrap_dist("mso-wrap-distance-top", 0);
      f.dist_b = wrap_dist("mso-wrap-distance-bottom", 0);
    }
    bool explicit_wrap = false;  // a w10:wrap of type square, tight or through
    for (auto c : shape.children()) {
      const std::string_view cn = c.name();
      if (cn.ends_with(":wrap")) {
        const std::string_view type = c.attribute("type").value();
        f.wrap = type == "topAndBottom" ? 1 : type == "none" ? 0 : 2;
        const std::string_view side = c.attribute("side").value();
        f.wrap_text = side == "left" ? 1 : side == "right" ? 2 : side == "largest" ? 3 : 0;
        explicit_wrap = type == "square" || type == "tight" || type == "through";
        if (f.wrap == 1) {
          const double d = length("mso-wrap-distance-top") + length("mso-wrap-distance-bottom");
          if (d > 0 && d < 200) f.dist_v = static_cast<float>(d);
          f.h += f.dist_v;
        }
      } else if (cn.ends_with(":textbox")) {
        // mso-fit-shape-to-text: the shape grows to fit its text (VML's default insets,
        // 0.05 in above and below, 0.1 in at the sides).
        if (std::string_view(c.attribute("style").value()).find("mso-fit-shape-to-text:t") != std::string_view::npos)
          f.fit = true;
      }
    }
    // Without a w10:wrap saying square, tight or through the older rule stays (text beside
    // it when it takes at most 55% of the column), and no line runs short beside it.
    if (!explicit_wrap) f.h_from = 0, f.v_from = 0;
    push_float(shape, *L, f);
  }

  // Appends characters read from `node` and, for the run map, where they came from.
  template <typename Chars>
  void put(const pugi::xml_node& node, Chars chars, model::TextOrigin::Kind kind = model::TextOrigin::kElement) {
    const auto before = b_.current_offset();
    b_.append(chars);
    if (origins_ && b_.is_open() && b_.current_offset() > before) note_origin(node, before, kind);
  }
  void note_origin(const pugi::xml_node& node, std::uint32_t before, model::TextOrigin::Kind kind) {
    const std::ptrdiff_t xml = kind == model::TextOrigin::kText ? node.first_child().offset_debug() : node.offset_debug() - 1;
    pugi::xml_node run = node.parent();
    if (xml < 0 || ns_->wlocal(run) != "r" || run.offset_debug() < 1) return;
    model::TextOrigin o;
    o.block = static_cast<std::uint32_t>(b_.doc().blocks.size() - 1);
    o.text_offset = before;
    o.length = b_.current_offset() - before;
    o.xml = static_cast<std::uint32_t>(xml);
    o.run = static_cast<std::uint32_t>(run.offset_debug() - 1);
    o.source = source_;
    o.kind = kind;
    for (auto a = run.parent(); a && ns_->wlocal(a) != "p"; a = a.parent()) {
      const auto l = ns_->wlocal(a);
      if (l == "ins" || l == "moveTo") o.in_revision = true;
    }
    origins_->push_back(o);
  }

  // A field code " TOC \o "1-3" \h \z \u " (any case, leading spaces).
  static bool is_contents_code(std::string_view code) {
    const std::size_t a = code.find_first_not_of(" \t");
    if (a == std::string_view::npos || code.size() - a < 3) return false;
    const std::string_view w = code.substr(a, 3);
    const bool toc = (w[0] | 0x20) == 't' && (w[1] | 0x20) == 'o' && (w[2] | 0x20) == 'c';
    return toc && (code.size() - a == 3 || code[a + 3] == ' ' || code[a + 3] == '\t' || code[a + 3] == '\\');
  }
  // Inside the result of an open TOC field.
  bool in_contents_field() const {
    for (std::size_t k = 0; k < fields_.size() && k < field_codes_.size(); ++k)
      if (fields_[k] && is_contents_code(field_codes_[k])) return true;
    return false;
  }

  bool field_hidden() const {
    return std::any_of(fields_.begin(), fields_.end(), [](bool in_result) { return !in_result; });
  }

  // Hidden text (w:vanish): the run's own formatting, else its character style chain, else
  // the paragraph style's run properties; the nearest one that says either way decides.
  bool run_hidden(const pugi::xml_node& r) const {
    const std::string vanish = ns_->attr("vanish"), val = ns_->attr("val");
    const auto rpr = r.child(ns_->attr("rPr").c_str());
    if (auto v = rpr.child(vanish.c_str())) return on_off(v, val);
    const std::string rstyle = rpr.child(ns_->attr("rStyle").c_str()).attribute(val.c_str()).value();
    if (!rstyle.empty()) {
      const auto chain = styles_.chain(rstyle);
      for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        if (auto v = (*it)->rpr.child(vanish.c_str())) return on_off(v, val);
    }
    return para_style_hidden_;
  }
  // Whether the paragraph style chain hides its runs (see run_hidden).
  bool style_hides(const std::string& style) const {
    const std::string vanish = ns_->attr("vanish"), val = ns_->attr("val");
    const auto chain = styles_.chain(style);
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      if (auto v = (*it)->rpr.child(vanish.c_str())) return on_off(v, val);
    return false;
  }

  // The characters Word shows for an equation (OMML), in reading order: the text of its math
  // runs (m:t, and w:t in a run of ordinary text), the brackets and separators of a delimiter
  // (m:d, "(" ")" "|" unless its m:dPr says otherwise), the operator of an n-ary (m:nary, ∫
  // unless m:chr) and the radical sign. Structure that Word draws (a fraction's bar, a
  // script's placement) has no character. Hidden runs, deleted revisions and the property
  // elements are left out. Nested deeper than 32 levels, the rest is read as plain run text
  // without recursion, so that a hostile nesting cannot exhaust the stack.
  void math_text(const pugi::xml_node& n, std::string& out, int depth) const {
    if (depth > 32) {
      math_text_flat(n, out);
      return;
    }
    const std::string val = ns_->m + ":val";
    auto chr = [&](const pugi::xml_node& pr, const char* name, const char* fallback) -> std::string {
      const auto c = pr.child((ns_->m + ":" + name).c_str());
      if (!c) return fallback;
      const auto a = c.attribute(val.c_str());
      return a ? a.value() : "";  // present without a value: no character
    };
    for (auto c : n.children()) {
      if (out.size() > (1u << 20)) return;
      if (c.type() != pugi::node_element) continue;
      const auto ml = ns_->mlocal(c);
      const auto wl = ns_->wlocal(c);
      if (ml == "t" || wl == "t") {
        out += c.text().get();
      } else if (ml == "r") {
        if (!run_hidden(c)) math_text(c, out, depth + 1);
      } else if (ml == "d") {
        const auto pr = c.child((ns_->m + ":dPr").c_str());
        out += chr(pr, "begChr", "(");
        const std::string sep = chr(pr, "sepChr", "|");
        bool first = true;
        const std::string e_name = ns_->m + ":e";  // outlives the range, which keeps the pointer
        for (auto e : c.children(e_name.c_str())) {
          if (!first) out += sep;
          first = false;
          math_text(e, out, depth + 1);
        }
        out += chr(pr, "endChr", ")");
      } else if (ml == "nary") {
        out += chr(c.child((ns_->m + ":naryPr").c_str()), "chr", "\u222B");
        math_text(c, out, depth + 1);
      } else if (ml == "rad") {
        out += "\u221A";
        math_text(c, out, depth + 1);
      } else if ((!ml.empty() && ml.size() > 2 && ml.substr(ml.size() - 2) == "Pr") || wl == "rPr" || wl == "del" ||
                 wl == "moveFrom" || wl == "delText" || wl == "instrText" || wl == "delInstrText") {
        continue;
      } else {
        math_text(c, out, depth + 1);  // m:e, m:num, m:den, m:sub, m:sup, m:oMath, w:ins…
      }
    }
  }
  // Every math or ordinary run text under `n`, in document order, without recursion.
  void math_text_flat(const pugi::xml_node& n, std::string& out) const {
    pugi::xml_node c = n.first_child();
    while (c && c != n && out.size() <= (1u << 20)) {
      if (c.type() == pugi::node_element && (ns_->mlocal(c) == "t" || ns_->wlocal(c) == "t")) out += c.text().get();
      if (c.first_child() && ns_->wlocal(c) != "del" && ns_->wlocal(c) != "rPr") {
        c = c.first_child();
        continue;
      }
      while (c && c != n && !c.next_sibling()) c = c.parent();
      if (!c || c == n) break;
      c = c.next_sibling();
    }
  }

  void inline_content(const pugi::xml_node& p) {
    pugi::xml_node node = p.first_child();
    while (node) {
      bool descend = false;
      const auto l = ns_->wlocal(node);
      if (l.empty()) {
        if (const auto ml = ns_->mlocal(node); ml == "oMathPara" || ml == "oMath") {
          // An equation: the characters Word shows for it, in reading order.
          if (!field_hidden()) {
            // A display equation (m:oMathPara) is set on lines of its own, each of its
            // m:oMath on one (ECMA-376 Part 1, 22.1.2, oMathPara): the text before it ends
            // its line and the text after it starts a new one. History h410 (34 displays
            // after "函数表示为：" and the like in the same paragraph): table of contents
            // entries on another page than Word's 22 -> 14 of 42.
            std::string eq;
            std::vector<std::size_t> splits;  // where each display equation ends in `eq`
            if (ml == "oMathPara") {
              for (auto c : node.children()) {
                if (ns_->mlocal(c) != "oMath") continue;
                math_text(c, eq, 0);
                splits.push_back(eq.size());
              }
            } else {
              math_text(node, eq, 0);
            }
            const auto before = b_.current_offset();
            put(node, std::string_view(eq));
            if (auto* L = current_layout(); L && !splits.empty() && b_.current_offset() > before) {
              auto line_end = [&](std::uint32_t at) {
                if (at > 0 && L->line_breaks.size() < 1000 && (L->line_breaks.empty() || L->line_breaks.back() < at))
                  L->line_breaks.push_back(at);
              };
              line_end(before);
              for (auto k : splits) line_end(before + static_cast<std::uint32_t>(k));
            }
            // Every equation is a range: the lint pass tests a finding only against the ranges
            // open where it is (lint/linter.cc), so their number costs nothing per finding.
            if (b_.is_open() && b_.current_offset() > before) {
              const auto blk = static_cast<std::uint32_t>(b_.doc().blocks.size() - 1);
              equations_.push_back({blk, before, blk, b_.current_offset(), {}, "公式"});
            }
          }
        } else if (ns_->mclocal(node) == "AlternateContent") {
          if (auto branch = ns_->choose(node); branch && branch.first_child()) {
            node = branch.first_child();
            continue;
          }
        } else {
          // Pictures, shapes and text boxes: their extent, inline or floating (EMU → pt).
          const std::string_view nm = node.name();
          if (nm.size() > 7 && nm.substr(nm.size() - 7) == ":extent") {
            const std::string_view parent = node.parent().name();
            if (parent.size() > 7 && (parent.substr(parent.size() - 7) == ":inline" ||
                                      parent.substr(parent.size() - 7) == ":anchor"))
              drawing(node);
          } else if (nm.size() > 2 && nm[0] == 'v' && nm[1] == ':' && node.attribute("style")) {
            const auto owner = ns_->wlocal(node.parent());
            if (owner == "pict" || owner == "object") vml_shape(node);
          }
          descend = true;  // drawing containers (wp:, a:, wps:, v:) may hold text boxes
        }
      } else if (l == "t") {
        if (!field_hidden()) put(node, std::string_view(node.text().get()), model::TextOrigin::kText);
      } else if (l == "r") {
        descend = !run_hidden(node);
        if (descend) run_format(node);
      } else if (l == "tab" || l == "ptab") {
        if (!field_hidden()) put(node, U'\t');
      } else if (l == "br") {
        const std::string_view type = node.attribute(ns_->attr("type").c_str()).value();
        if (type == "page" || type == "column") {
          if (b_.current_offset() == 0) {
            b_.current().page_break_before = true;
            if (auto* L = current_layout()) L->leading_break = true;
          } else if (auto* L = current_layout(); L && L->page_breaks.size() + L->column_breaks.size() < 1000) {
            (type == "page" ? L->page_breaks : L->column_breaks).push_back(b_.current_offset());
          }
        } else if (!field_hidden()) {
          put(node, U'\n');
        }
      } else if (l == "cr") {
        if (!field_hidden()) put(node, U'\n');
      } else if (l == "noBreakHyphen") {
        if (!field_hidden()) put(node, U'\u2011');
      } else if (l == "softHyphen") {
        if (!field_hidden()) put(node, U'\u00AD');
      } else if (l == "sym") {
        const char* hex = node.attribute(ns_->attr("char").c_str()).value();
        char* end = nullptr;
        const unsigned long cp = std::strtoul(hex, &end, 16);
        if (end != hex && cp > 0 && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF) && !field_hidden())
          put(node, static_cast<char32_t>(cp));
      } else if (l == "fldChar") {
        const std::string_view t = node.attribute(ns_->attr("fldCharType").c_str()).value();
        if (t == "begin") {
          fields_.push_back(false);
          field_codes_.emplace_back();
        } else if (t == "separate" && !fields_.empty()) {
          fields_.back() = true;
          if (is_contents_code(field_codes_.back())) contents_entered_ = true;
        } else if (t == "end" && !fields_.empty()) {
          fields_.pop_back();
          field_codes_.pop_back();
        }
      } else if (l == "instrText") {
        // The field's code (a TOC field's result is a table of contents); capped.
        if (!field_codes_.empty() && !fields_.back() && field_codes_.back().size() < 64)
          field_codes_.back() += node.text().get();
        descend = false;
      } else if (l == "fldSimple" && is_contents_code(node.attribute(ns_->attr("instr").c_str()).value())) {
        contents_entered_ = true;
        descend = true;
      } else if (l == "lastRenderedPageBreak") {
        if (auto* L = current_layout()) L->rendered_break = true;
      } else if (l == "footnoteReference") {
        if (auto* L = current_layout(); L && L->notes.size() < 1000)
          L->notes.push_back(int_attr(node, ns_->attr("id"), -1));
      } else if (l == "endnoteReference") {
        if (auto* L = current_layout(); L && L->endnotes.size() < 1000)
          L->endnotes.push_back(int_attr(node, ns_->attr("id"), -1));
        descend = false;
      } else if (l == "txbxContent") {
        PendingBox box{node};
        for (auto a = node.parent(); a && float_holder_; a = a.parent())
          if (a == float_holder_) {
            box.layout = float_layout_;
            box.index = float_index_;
            break;
          }
        pending_boxes_.push_back(box);
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
                 l == "delInstrText" || l == "sdtPr" || l == "sdtEndPr" ||
                 l == "annotationRef" ||
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
  bool saw_rsid_ = false;  // a main-text paragraph with a revision id
  std::vector<bool> fields_;  // open complex fields: false while in the code, true in the result
  std::vector<std::string> field_codes_;  // their codes (the start, up to 64 bytes)
  bool contents_entered_ = false;  // a TOC field's result began in the current paragraph
  bool para_style_hidden_ = false;  // the current paragraph's style hides its runs (w:vanish)
  bool merge_next_ = false;
  // Text boxes still to read, each with the float that holds it (layout index, float index;
  // -1 when none): a box that fits its text gets the range of blocks read from it.
  struct PendingBox {
    pugi::xml_node node;
    std::int32_t layout = -1, index = -1;
  };
  std::deque<PendingBox> pending_boxes_;
  pugi::xml_node float_holder_;  // the anchor or VML shape of the last float recorded
  std::int32_t float_layout_ = -1, float_index_ = -1;
  void walk_box(const PendingBox& box) {
    const auto first = b_.doc().blocks.size();
    walk_container(box.node, model::Story::kTextBox);
    if (box.layout < 0 || static_cast<std::size_t>(box.layout) >= b_.doc().layouts.size()) return;
    auto& floats = b_.doc().layouts[static_cast<std::size_t>(box.layout)].floats;
    if (box.index < 0 || static_cast<std::size_t>(box.index) >= floats.size()) return;
    auto& f = floats[static_cast<std::size_t>(box.index)];
    if (f.box_first >= 0) return;  // a second text in one shape: the first one only
    f.box_first = static_cast<std::int32_t>(first);
    f.box_count = static_cast<std::int32_t>(b_.doc().blocks.size() - first);
  }
  std::map<std::string, model::CommentRange> comments_;
  std::vector<model::Suppression> equations_;
  std::vector<model::TextOrigin>* origins_ = nullptr;
  docx::Formats& fmt_;
  // Layout state.
  std::vector<TableState> tables_;
  std::int32_t next_table_ = 0;
  std::vector<pugi::xml_node> sect_nodes_;
  std::uint16_t section_ = 0;
  docx::RunProps para_rp_;
  int override_table_style_ = -1;  // unknown yet; see override_table_style()
  std::int32_t note_id_ = -1;
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

}  // namespace

std::vector<Relationship> read_rels(ZipArchive& zip, const std::string& rels_name, const std::string& base_dir) {
  std::vector<Relationship> rels;
  if (!zip.contains(rels_name)) return rels;
  auto xml = zip.read(rels_name);
  if (!xml.ok()) return rels;
  auto utf8 = part_utf8(rels_name, std::move(xml).value());
  if (!utf8.ok()) return rels;
  pugi::xml_document d;
  if (!d.load_buffer(utf8->data(), utf8->size(), pugi::parse_default, pugi::encoding_utf8)) return rels;
  for (auto r : d.document_element().children()) {
    if (std::string_view(r.name()).find("Relationship") == std::string_view::npos) continue;
    if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
    std::string type = r.attribute("Type").value();
    type = type.substr(type.rfind('/') + 1);
    rels.push_back({type, resolve_target(base_dir, r.attribute("Target").value()), r.attribute("Id").value()});
  }
  return rels;
}

std::string main_part_name(ZipArchive& zip) {
  std::string main_part;
  for (const auto& r : read_rels(zip, "_rels/.rels", ""))
    if (r.type == "officeDocument") main_part = r.target;
  if (main_part.empty() || !zip.contains(main_part)) main_part = "word/document.xml";
  return main_part;
}

namespace {

// Reads the text content of simple property parts into doc.properties.
void read_properties(ZipArchive& zip, model::Document& doc) {
  auto load = [&](const char* name, pugi::xml_document& d) {
    if (!zip.contains(name)) return false;
    auto xml = zip.read(name);
    if (!xml.ok()) return false;
    auto utf8 = part_utf8(name, std::move(xml).value());  // a property is never invalid UTF-8
    return utf8.ok() && d.load_buffer(utf8->data(), utf8->size(), pugi::parse_default, pugi::encoding_utf8);
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

Result<model::Document> read_docx(std::string_view bytes, ZipLimits limits, bool run_map) {
  auto opened = ZipArchive::open(bytes, limits);
  if (!opened.ok()) return opened.error();
  ZipArchive& zip = **opened;

  // Locate the main part through the package relationships.
  const std::string main_part = main_part_name(zip);
  if (!zip.contains(main_part)) {
    return make_error(ErrorCode::kMissingPart,
                      "zip 容器中没有 word/document.xml，不是 Word 文档；请在 Word 中打开后另存为 .docx");
  }
  const std::string dir = main_part.substr(0, main_part.rfind('/') + 1);
  const std::string rels_name = dir + "_rels/" + main_part.substr(dir.size()) + ".rels";
  const auto rels = read_rels(zip, rels_name, dir);
  // Each part once, whatever number of relationships name it (a hostile file may hold
  // thousands to one header): every part is parsed once and read as one story at most, and
  // the main part is never read again as another story.
  std::set<std::string> walked{main_part};
  auto rel_targets = [&](const char* type) {
    std::vector<std::string> out;
    for (const auto& r : rels)
      if (r.type == type && r.target != main_part && zip.contains(r.target)) out.push_back(r.target);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };

  model::DocumentBuilder builder(model::Format::kDocx);
  docx::Styles styles;
  docx::Numbering numbering;
  docx::Formats formats;
  std::map<std::string, std::string> rel_by_id;
  for (const auto& r : rels) rel_by_id[r.id] = r.target;
  std::map<std::string, std::unique_ptr<XmlPart>> parsed;

  auto parse = [&](const std::string& name, bool keep = false) -> Result<XmlPart*> {
    // Parsed once: styles, numbering and the walker keep pointers into the trees.
    if (auto it = parsed.find(name); it != parsed.end()) {
      if (keep && !builder.doc().part_bytes.count(name))
        if (auto again = zip.read(name); again.ok()) builder.doc().part_bytes[name] = std::move(again).value();
      return it->second.get();
    }
    auto xml = zip.read(name);
    if (!xml.ok()) return xml.error();
    if (keep) builder.doc().part_bytes[name] = *xml;  // the bytes TextOrigin offsets index
    auto part = parse_xml_part(name, std::move(xml).value());
    if (!part.ok()) return part.error();
    XmlPart* raw = part->get();
    parsed[name] = std::move(part).value();
    return raw;
  };

  // Layout inputs: the theme's fonts (before styles refer to them) and settings.
  for (const auto& name : rel_targets("theme")) {
    auto p = parse(name);
    if (p.ok()) formats.load_theme((*p)->doc);
  }
  // Settings and the font table: an unreadable part only loses what it would have said.
  auto load_optional = [&](const char* rel, auto load) {
    for (const auto& name : rel_targets(rel)) {
      auto p = parse(name);
      if (!p.ok()) continue;
      Namespaces ns;
      ns.load((*p)->doc.document_element());
      load((*p)->doc, ns.w, builder.doc());
    }
  };
  load_optional("settings", docx::Formats::load_settings);
  load_optional("fontTable", docx::Formats::load_font_table);
  for (const auto& name : rel_targets("styles")) {
    auto p = parse(name);
    if (!p.ok()) return p.error();
    Namespaces ns;
    ns.load((*p)->doc.document_element());
    styles.load((*p)->doc, ns.w);
    formats.set_prefix(ns.w);
  }
  for (const auto& name : rel_targets("numbering")) {
    auto p = parse(name);
    if (!p.ok()) return p.error();
    Namespaces ns;
    ns.load((*p)->doc.document_element());
    numbering.load((*p)->doc, ns.w);
  }

  {
    // The Normal style's size sets the pitch of a character grid.
    docx::RunProps rp;
    formats.apply_rpr(styles.default_rpr, rp, builder.doc());
    for (const auto* st : styles.chain(styles.default_paragraph_style())) formats.apply_rpr(st->rpr, rp, builder.doc());
    builder.doc().normal_font_pt = rp.size;
  }
  Walker walker(builder, styles, numbering, formats);
  if (run_map) walker.record_origins(&builder.doc().origins);
  auto walk_part = [&](const std::string& name, model::Story story, const char* item) -> Status {
    auto p = parse(name, run_map && (story == model::Story::kMain || story == model::Story::kFootnote ||
                                     story == model::Story::kEndnote));
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
      formats.set_prefix(ns.w);
      for (const auto& sect : walker.section_nodes()) sections.push_back(formats.section(sect, rel_by_id));
      sections.push_back(formats.section(body.child((ns.w + ":sectPr").c_str()), rel_by_id));
      return ok_status();
    }
    const std::string item_name = ns.w + ":" + item;  // outlives the range-for (see docx_numbering.cc)
    for (auto e : root.children(item_name.c_str())) {
      const std::string_view type = e.attribute((ns.w + ":type").c_str()).value();
      if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
      const auto first_block = builder.doc().blocks.size();
      if (story == model::Story::kFootnote || story == model::Story::kEndnote)
        walker.set_note(int_attr(e, ns.w + ":id", -1));
      walker.walk(e, story);
      walker.set_note(-1);
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
      if (!walked.insert(name).second) continue;
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
  for (auto& e : walker.equations()) doc.suppressions.push_back(std::move(e));
  read_properties(zip, doc);
  return doc;
}

}  // namespace wenfeng::readers
