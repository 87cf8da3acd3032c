#include "readers/odt_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "readers/markup.h"
#include "readers/xml_util.h"
#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

std::string_view local(const pugi::xml_node& n) {
  std::string_view s = n.name();
  const auto c = s.find(':');
  return c == std::string_view::npos ? s : s.substr(c + 1);
}
std::string_view prefix(const pugi::xml_node& n) {
  std::string_view s = n.name();
  const auto c = s.find(':');
  return c == std::string_view::npos ? std::string_view() : s.substr(0, c);
}

class OdtWalker {
 public:
  OdtWalker(model::DocumentBuilder& b, std::uint16_t src, std::string_view xml)
      : b_(b), src_(src), lines_(xml) {}

  // Styles whose name says Title (directly or through the automatic style's parent).
  void load_styles(const pugi::xml_node& root) {
    for (auto container : root.children()) {
      if (local(container) != "automatic-styles" && local(container) != "styles") continue;
      for (auto st : container.children()) {
        if (local(st) != "style") continue;
        const std::string name = st.attribute("style:name").value();
        std::string parent = st.attribute("style:parent-style-name").value();
        std::string display = st.attribute("style:display-name").value();
        parent_[name] = parent;
        if (display == "Title" || name == "Title") title_styles_.insert(name);
      }
    }
  }

  static constexpr std::size_t kMaxExpandedSpaces = 1u << 20;
  bool over_cap() const { return over_cap_; }

  void walk_text(const pugi::xml_node& office_text) {
    walk(office_text, model::Story::kMain);
    while (!pending_.empty()) {
      auto [node, story] = pending_.front();
      pending_.pop_front();
      walk(node, story);
    }
  }

 private:
  bool is_title_style(std::string name) const {
    for (int depth = 0; depth < 8 && !name.empty(); ++depth) {
      if (title_styles_.count(name) || name == "Title") return true;
      auto it = parent_.find(name);
      if (it == parent_.end()) break;
      name = it->second;
    }
    return false;
  }

  void position(std::ptrdiff_t offset, std::uint32_t& line, std::uint32_t& col) {
    lines_.position(static_cast<std::size_t>(std::max<std::ptrdiff_t>(offset, 0)), line, col);
  }

  // Block-level walk of a container (office:text, table cell, text box, note body).
  void walk(const pugi::xml_node& container, model::Story story) {
    pugi::xml_node n = container.first_child();
    int table_depth = 0, list_depth = 0;
    while (n) {
      bool descend = false;
      const auto l = local(n);
      const auto p = prefix(n);
      if (p == "text" && (l == "p" || l == "h")) {
        paragraph(n, story, table_depth > 0, list_depth);
      } else if (p == "text" && (l == "tracked-changes" || l == "sequence-decls" || l == "variable-decls")) {
        descend = false;  // the deleted text of tracked changes lives here
      } else if (p == "office" && (l == "forms" || l == "annotation")) {
        descend = false;
      } else if (l == "table" && p == "table") {
        descend = static_cast<bool>(n.first_child());
        table_depth += descend;
      } else if (p == "text" && l == "list") {
        descend = static_cast<bool>(n.first_child());
        list_depth += descend;
      } else {
        descend = true;  // sections, list items, table rows and cells, soft page breaks…
      }
      if (descend && n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && n != container && !n.next_sibling()) {
        n = n.parent();
        if (local(n) == "table" && prefix(n) == "table") --table_depth;
        if (local(n) == "list" && prefix(n) == "text") --list_depth;
      }
      if (!n || n == container) break;
      n = n.next_sibling();
    }
  }

  void paragraph(const pugi::xml_node& p, model::Story story, bool in_table, int list_depth) {
    const bool heading = local(p) == "h";
    const std::string style = p.attribute("text:style-name").value();
    model::Role role = model::Role::kBody;
    int level = 0;
    if (is_title_style(style)) role = model::Role::kTitle;
    else if (heading) {
      role = model::Role::kHeading;
      level = std::clamp(p.attribute("text:outline-level").as_int(1), 1, 9);
    } else if (list_depth > 0) {
      role = model::Role::kListItem;
      level = std::min(list_depth, 9);
    } else if (in_table) {
      role = model::Role::kTableCell;
    }
    std::uint32_t line = 0, col = 0;
    position(p.offset_debug(), line, col);
    auto& blk = b_.open(story, role, src_, line, col);
    blk.level = static_cast<std::uint8_t>(level);
    blk.in_table = in_table;
    blk.style = style;
    inline_content(p);
    b_.close();
  }

  void inline_content(const pugi::xml_node& p) {
    pugi::xml_node n = p.first_child();
    while (n) {
      bool descend = false;
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
        std::uint32_t line = 0, col = 0;
        position(n.offset_debug(), line, col);
        b_.anchor(line, col);
        b_.append(std::string_view(n.value()));
      } else if (n.type() == pugi::node_element) {
        const auto l = local(n);
        const auto pf = prefix(n);
        if (pf == "text" && l == "s") {
          // text:c is bounded twice: per element, and over the document, so that a few MB of
          // <text:s text:c="1000"/> cannot become gigabytes of spaces.
          const auto c = static_cast<std::size_t>(std::clamp(n.attribute("text:c").as_int(1), 1, 1000));
          spaces_ += c;
          if (spaces_ > kMaxExpandedSpaces) over_cap_ = true;
          else b_.doc().text.append(c, ' ');
        } else if (pf == "text" && l == "tab") {
          b_.append(U'\t');
        } else if (pf == "text" && l == "line-break") {
          b_.append(U'\n');
        } else if (pf == "text" && l == "note") {
          for (auto c : n.children())
            if (local(c) == "note-body")
              pending_.emplace_back(c, std::string_view(n.attribute("text:note-class").value()) == "endnote"
                                           ? model::Story::kEndnote
                                           : model::Story::kFootnote);
        } else if (pf == "office" && l == "annotation") {
          pending_.emplace_back(n, model::Story::kComment);
        } else if (pf == "draw" && l == "text-box") {
          pending_.emplace_back(n, model::Story::kTextBox);
        } else if (pf == "text" && (l == "change" || l == "bookmark-ref" || l == "note-citation")) {
          descend = false;  // a deletion point; its text is in tracked-changes
        } else {
          descend = true;  // span, a, change-start/-end, bookmarks, fields (their text is the result), frames
        }
      }
      if (descend && n.first_child()) {
        n = n.first_child();
        continue;
      }
      while (n && n != p && !n.next_sibling()) n = n.parent();
      if (!n || n == p) break;
      n = n.next_sibling();
    }
  }

  model::DocumentBuilder& b_;
  std::uint16_t src_;
  LineIndex lines_;
  std::map<std::string, std::string> parent_;
  std::set<std::string> title_styles_;
  std::deque<std::pair<pugi::xml_node, model::Story>> pending_;
  std::size_t spaces_ = 0;  // spaces written for text:s so far
  bool over_cap_ = false;
};

Result<model::Document> read_parts(const XmlPart& content, const XmlPart* styles, model::Format format,
                                   const std::string& source) {
  const auto root = content.doc.document_element();
  pugi::xml_node office_text;
  for (auto body : root.children())
    if (local(body) == "body")
      for (auto t : body.children())
        if (local(t) == "text") office_text = t;
  if (!office_text)
    return make_error(ErrorCode::kUnsupported, "这不是文字文档（没有 office:text），可能是表格或演示文稿");
  model::DocumentBuilder b(format);
  const auto src = b.add_source(source);
  OdtWalker w(b, src, content.original);
  if (styles) w.load_styles(styles->doc.document_element());
  w.load_styles(root);
  w.walk_text(office_text);
  if (w.over_cap())
    return make_error(ErrorCode::kTooLarge,
                      "文档中 <text:s> 要求的空格超过 " + std::to_string(OdtWalker::kMaxExpandedSpaces) +
                          " 个的上限，不像是一份文稿，拒绝读取");
  return b.finish();
}

}  // namespace

Result<model::Document> read_odt(std::string_view bytes, ZipLimits limits) {
  auto opened = ZipArchive::open(bytes, limits);
  if (!opened.ok()) return opened.error();
  ZipArchive& zip = **opened;
  if (!zip.contains("content.xml"))
    return make_error(ErrorCode::kMissingPart, "zip 容器中没有 content.xml，不是 OpenDocument 文档");
  auto content_bytes = zip.read("content.xml");
  if (!content_bytes.ok()) return content_bytes.error();
  // The pugixml buffer is parsed in place; keep an untouched copy for line/column lookup.
  auto content = parse_xml_part("content.xml", std::move(content_bytes).value(), true);
  if (!content.ok()) return content.error();
  std::unique_ptr<XmlPart> styles;
  if (zip.contains("styles.xml")) {
    auto s = zip.read("styles.xml");
    if (s.ok()) {
      auto p = parse_xml_part("styles.xml", std::move(s).value());
      if (p.ok()) styles = std::move(p).value();
    }
  }
  return read_parts(**content, styles.get(), model::Format::kOdt, "content.xml");
}

Result<model::Document> read_fodt(std::string_view bytes, std::string_view name) {
  auto decoded = decode_markup(bytes, false);
  if (!decoded.ok()) return decoded.error();
  if (auto st = refuse_entities(decoded->utf8); !st.ok()) return st.error();
  auto part = parse_xml_part(std::string(name), std::move(decoded->utf8), true);
  if (!part.ok()) return part.error();
  auto d = read_parts(**part, part->get(), model::Format::kFodt, std::string(name));
  if (d.ok()) d->encoding = decoded->encoding;
  return d;
}

}  // namespace wenfeng::readers
