#include "readers/docx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
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
      } else if (l == "tr") {
        // A row deleted as a tracked change is not in the final view.
        descend = !node.child(ns_->attr("trPr").c_str()).child(ns_->attr("del").c_str());
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
        if (ns_->wlocal(node) == "tbl") --table_depth;
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
    inline_content(p);
    // A deleted paragraph mark joins this paragraph to the next one in the final view.
    const auto mark_rpr = ppr.child(ns_->attr("rPr").c_str());
    merge_next_ = mark_rpr.child(ns_->attr("del").c_str()) || mark_rpr.child(ns_->attr("moveFrom").c_str());
    if (!merge_next_) b_.close();
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
          descend = true;  // drawing containers (wp:, a:, wps:, v:) may hold text boxes
        }
      } else if (l == "t") {
        if (!field_hidden()) b_.append(std::string_view(node.text().get()));
      } else if (l == "r") {
        descend = !run_hidden(node);
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
};

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

  model::DocumentBuilder builder("docx");
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
      walker.walk(root.child((ns.w + ":body").c_str()), story);
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
