#include "readers/html_reader.h"

#include <libxml/xpath.h>

#include <map>
#include <set>
#include <vector>

#include "readers/markup.h"
#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

const std::set<std::string_view> kDropped = {"script", "style", "nav", "header", "footer", "aside", "noscript",
                                             "form", "iframe", "template", "button", "select", "svg"};
const std::set<std::string_view> kBlocks = {"p",  "h1", "h2",         "h3", "h4", "h5", "h6", "li", "blockquote",
                                            "pre", "dt", "dd", "figcaption", "td", "th", "div"};

bool dropped(const xmlNode* n) {
  for (; n; n = n->parent)
    if (n->type == XML_ELEMENT_NODE && kDropped.count(local_name(n))) return true;
  return false;
}

// Iterative pre-order over element nodes under `root`.
template <typename F>
void for_each_element(xmlNode* root, F&& fn) {
  xmlNode* n = root;
  while (n) {
    bool descend = true;
    if (n->type == XML_ELEMENT_NODE) descend = fn(n);
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
}

std::size_t text_length(xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::size_t len = s ? text::codepoint_count(reinterpret_cast<const char*>(s)) : 0;
  if (s) xmlFree(s);
  return len;
}

bool has_block_descendant(xmlNode* n) {
  bool found = false;
  for_each_element(n, [&](xmlNode* e) {
    if (e != n && kBlocks.count(local_name(e))) found = true;
    return !found;
  });
  return found;
}

// A page without <h1> often sets its title in a styled block above the article
// (<div class="title">…</div>, then the info bar 发布日期：… 来源：…): the nearest short
// title-shaped block before the main content, skipping info-bar and breadcrumb lines.
xmlNode* title_block_before(xmlNode* root, xmlNode* main) {
  std::vector<xmlNode*> before;
  bool reached = false;
  for_each_element(root, [&](xmlNode* e) {
    if (reached) return false;
    if (e == main || is_ancestor(e, main)) {
      if (e == main) reached = true;
      return !reached;
    }
    const auto n = local_name(e);
    if (kDropped.count(n)) return false;
    if (kBlocks.count(n) && !has_block_descendant(e)) {
      before.push_back(e);
      return false;
    }
    return true;
  });
  int looked = 0;
  for (auto it = before.rbegin(); it != before.rend() && looked < 4; ++it) {
    xmlChar* c = xmlNodeGetContent(*it);
    std::string t = c ? reinterpret_cast<const char*>(c) : "";
    if (c) xmlFree(c);
    const std::size_t cps = text::codepoint_count(t);
    if (text::is_blank(t)) continue;
    ++looked;
    const bool info = t.find("发布") != std::string::npos || t.find("来源：") != std::string::npos ||
                      t.find("浏览") != std::string::npos || t.find("【打印】") != std::string::npos;
    const bool crumb = t.find('>') != std::string::npos || t.find("＞") != std::string::npos ||
                       t.find("当前位置") != std::string::npos || t.find("您的位置") != std::string::npos;
    if (info || crumb) continue;
    // A link (a menu entry, "上一篇") is not the article's title.
    bool link = false;
    for_each_element(*it, [&](xmlNode* e) {
      if (local_name(e) == "a" && text_length(e) * 2 > cps) link = true;
      return !link;
    });
    if (link) continue;
    if (cps >= 6 && cps <= 80 && t.find("。") == std::string::npos) return *it;
    return nullptr;
  }
  return nullptr;
}

}  // namespace

Result<model::Document> read_html(std::string_view bytes, std::string_view name, const std::string& selector) {
  auto decoded = decode_markup(bytes, true);
  if (!decoded.ok()) return decoded.error();
  if (auto st = refuse_entities(decoded->utf8); !st.ok()) return st.error();
  auto parsed = parse_markup(decoded->utf8, std::string(name), true);
  if (!parsed.ok()) return parsed.error();
  xmlDoc* doc = parsed->get();
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return make_error(ErrorCode::kMalformedXml, "HTML 文件没有内容");

  // Title: the first h1 outside dropped regions; <title> is only the page's name.
  xmlNode* h1 = nullptr;
  xmlNode* title = nullptr;
  for_each_element(root, [&](xmlNode* e) {
    const auto n = local_name(e);
    if (!h1 && n == "h1" && !dropped(e)) h1 = e;
    if (!title && n == "title") title = e;
    return !kDropped.count(n);
  });

  // Main content.
  xmlNode* main = nullptr;
  if (!selector.empty()) {
    xmlXPathContext* ctx = xmlXPathNewContext(doc);
    xmlXPathObject* obj = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(selector.c_str()), ctx);
    if (!obj) {
      xmlXPathFreeContext(ctx);
      return make_error(ErrorCode::kUsage, "HTML 正文选择器（XPath）无效：“" + selector + "”");
    }
    if (obj->type == XPATH_NODESET && obj->nodesetval && obj->nodesetval->nodeNr > 0) main = obj->nodesetval->nodeTab[0];
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    if (!main) return make_error(ErrorCode::kUnsupported, "HTML 正文选择器“" + selector + "”没有选中任何元素");
  } else {
    // The largest text block: the element whose direct <p> children hold the most text.
    std::map<xmlNode*, std::size_t> score;
    for_each_element(root, [&](xmlNode* e) {
      const auto n = local_name(e);
      if (kDropped.count(n)) return false;
      if (n == "p" && e->parent) score[e->parent] += text_length(e);
      return true;
    });
    std::size_t best = 0;
    for (auto& [node, s] : score)
      if (s > best) { best = s; main = node; }
    if (!main) main = root;
  }

  model::DocumentBuilder b(model::Format::kHtml);
  const auto src = b.add_source(std::string(name));
  SourceLocator loc(decoded->utf8);
  // A page's <title> is the browser tab's (often a file or site name): Word does not count
  // it, and neither does wenfeng. It is kept as a property; a page without <h1> has the
  // draft's title, if any, as its first paragraph.
  xmlNode* title_node = h1 ? h1 : (selector.empty() ? title_block_before(root, main) : nullptr);
  // Blocks in document order: the title (when outside the main content) first.
  if (title_node && !is_ancestor(main, title_node)) {
    b.open(model::Story::kMain, model::Role::kTitle, src, static_cast<std::uint32_t>(xmlGetLineNo(title_node)), 1);
    append_node_text(b, loc, title_node, true);
    b.close();
  }
  for_each_element(main, [&](xmlNode* e) {
    const auto n = local_name(e);
    if (kDropped.count(n)) return false;
    if (!kBlocks.count(n) || has_block_descendant(e)) return true;
    model::Role role = model::Role::kBody;
    std::uint8_t level = 0;
    if (e == title_node) role = model::Role::kTitle;
    else if (n.size() == 2 && n[0] == 'h' && n[1] >= '1' && n[1] <= '6') {
      role = model::Role::kHeading;
      level = static_cast<std::uint8_t>(n[1] - '0');
    } else if (n == "li") role = model::Role::kListItem;
    else if (n == "td" || n == "th") role = model::Role::kTableCell;
    auto& blk = b.open(model::Story::kMain, role, src, static_cast<std::uint32_t>(xmlGetLineNo(e)), 1);
    blk.level = level;
    append_node_text(b, loc, e, n != "pre");
    b.close();
    return false;
  });
  model::Document d = b.finish();
  d.encoding = decoded->encoding;
  if (title) {
    std::string t;
    for (xmlNode* c = title->children; c; c = c->next)
      if (c->type == XML_TEXT_NODE && c->content) t += reinterpret_cast<const char*>(c->content);
    if (!t.empty()) d.properties["html:title"] = t;
  }
  return d;
}

}  // namespace wenfeng::readers
