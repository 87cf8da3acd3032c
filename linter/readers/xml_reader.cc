#include "readers/xml_reader.h"

#include <libxml/xpath.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <unordered_set>
#include <vector>

#include "readers/markup.h"
#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

struct XPathCtxDeleter {
  void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
};
struct XPathObjDeleter {
  void operator()(xmlXPathObject* o) const { xmlXPathFreeObject(o); }
};

const char* kDefaultTitle = "(//*[local-name()='title' or local-name()='headline'])[1]";
const char* kDefaultBody =
    "//*[local-name()='body' or local-name()='content' or local-name()='text' or local-name()='article']"
    "//*[local-name()='p']";
const char* kDefaultKind = "(/*/@kind | /*/@wenfeng-kind | //*[local-name()='kind'])[1]";

// Evaluates an XPath; nodes in document order, or the string value for non-node results.
Result<std::vector<xmlNode*>> eval_nodes(xmlXPathContext* ctx, const std::string& expr, std::string* string_value) {
  std::unique_ptr<xmlXPathObject, XPathObjDeleter> obj(
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr.c_str()), ctx));
  if (!obj) return make_error(ErrorCode::kUsage, "XPath 表达式无效：“" + expr + "”");
  std::vector<xmlNode*> out;
  if (!string_value && obj->type != XPATH_NODESET)
    return make_error(ErrorCode::kUsage, "XPath 表达式“" + expr + "”得到的不是元素；请写选取元素的表达式");
  if (obj->type == XPATH_NODESET && obj->nodesetval) {
    for (int i = 0; i < obj->nodesetval->nodeNr; ++i) out.push_back(obj->nodesetval->nodeTab[i]);
  } else if (string_value) {
    xmlChar* s = xmlXPathCastToString(obj.get());
    if (s) {
      *string_value = reinterpret_cast<const char*>(s);
      xmlFree(s);
    }
  }
  return out;
}

std::string node_string(xmlNode* n) {
  xmlChar* s = xmlNodeGetContent(n);
  std::string out = s ? reinterpret_cast<const char*>(s) : "";
  if (s) xmlFree(s);
  const auto a = out.find_first_not_of(" \t\r\n");
  const auto b = out.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : out.substr(a, b - a + 1);
}

// Drops nodes that lie inside another selected node (a body XPath may select nested p).
// Linear in the nodes times the depth (which libxml2 bounds), not quadratic in the nodes.
std::vector<xmlNode*> outermost(const std::vector<xmlNode*>& nodes) {
  const std::unordered_set<const xmlNode*> selected(nodes.begin(), nodes.end());
  std::vector<xmlNode*> out;
  for (auto* n : nodes) {
    bool inside = false;
    for (const xmlNode* a = n->parent; a && !inside; a = a->parent) inside = selected.count(a) != 0;
    if (!inside) out.push_back(n);
  }
  return out;
}

// Inline text (XHTML in NITF bodies, or inlineData) split into lines.
void add_lines(model::DocumentBuilder& b, std::uint16_t src, SourceLocator& loc, xmlNode* data) {
  const std::string all = node_string(data);
  std::size_t i = 0;
  while (i <= all.size()) {
    const auto j = std::min(all.find('\n', i), all.size());
    std::string line = all.substr(i, j - i);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::uint32_t ln = 0, col = 0;
    loc.locate(xmlGetLineNo(data), line, ln, col);
    b.open(model::Story::kMain, model::Role::kBody, src, ln, col);
    b.append(line);
    b.close();
    if (j >= all.size()) break;
    i = j + 1;
  }
}

Result<model::Document> read_newsml(xmlDoc* doc, const std::string& src_text, std::string_view name) {
  model::DocumentBuilder b(model::Format::kNewsml);
  const auto src = b.add_source(std::string(name));
  SourceLocator loc(src_text);
  std::unique_ptr<xmlXPathContext, XPathCtxDeleter> ctx(xmlXPathNewContext(doc));
  auto first = [&](const char* expr) -> xmlNode* {
    auto r = eval_nodes(ctx.get(), expr, nullptr);
    return r.ok() && !r->empty() ? (*r)[0] : nullptr;
  };
  auto block = [&](xmlNode* n, model::Role role) {
    if (!n) return;
    b.open(model::Story::kMain, role, src, static_cast<std::uint32_t>(xmlGetLineNo(n)), 1);
    append_node_text(b, loc, n, true);
    b.close();
  };
  block(first("//*[local-name()='contentMeta']/*[local-name()='headline']"), model::Role::kTitle);
  block(first("//*[local-name()='contentMeta']/*[local-name()='by']"), model::Role::kByline);
  // A Chinese dateline (本报青山11月20日讯, 新华社北京11月20日电) runs into the lead as printed:
  // it opens the first paragraph, where the 电头 is looked for, unless the body repeats it.
  // Any other dateline ("青山，11月20日") stays a line of its own.
  xmlNode* dateline = first("//*[local-name()='contentMeta']/*[local-name()='dateline']");
  std::string lead_in;
  if (dateline) {
    const std::string t = node_string(dateline);
    const bool runs_in = text::codepoint_count(t) <= 40 &&
                         (t.ends_with("讯") || t.ends_with("电") || t.ends_with("消息"));
    if (runs_in) lead_in = t;
    else block(dateline, model::Role::kByline);
  }
  auto paras = eval_nodes(ctx.get(),
                          "//*[local-name()='inlineXML']//*[local-name()='p' or local-name()='h1' or "
                          "local-name()='h2' or local-name()='h3' or local-name()='hl2']",
                          nullptr);
  if (paras.ok() && !paras->empty()) {
    for (auto* p : outermost(*paras)) {
      const auto ln = local_name(p);
      if (!lead_in.empty() && ln == "p") {
        const std::string text = node_string(p);
        if (text.find(lead_in) == std::string::npos) {
          b.open(model::Story::kMain, model::Role::kBody, src, static_cast<std::uint32_t>(xmlGetLineNo(dateline)), 1);
          std::uint32_t dl = 0, dc = 0;
          loc.locate(xmlGetLineNo(dateline), lead_in, dl, dc);
          b.anchor(dl, dc);
          b.append(lead_in);
          append_node_text(b, loc, p, true);
          b.close();
          lead_in.clear();
          continue;
        }
        lead_in.clear();
      }
      block(p, ln == "p" ? model::Role::kBody : model::Role::kHeading);
      if (ln != "p") b.doc().blocks.back().level = 2;
    }
  } else if (xmlNode* data = first("//*[local-name()='inlineData']")) {
    if (!lead_in.empty()) block(dateline, model::Role::kByline);
    add_lines(b, src, loc, data);
  }
  model::Document d = b.finish();
  // The kind: a genre or subject whose qcode or literal names a kind id ("wenfeng:news.member-research").
  auto kinds = eval_nodes(ctx.get(),
                          "//*[local-name()='contentMeta']/*[local-name()='genre' or local-name()='subject']", nullptr);
  if (kinds.ok())
    for (auto* k : *kinds)
      for (const char* attr : {"qcode", "literal"}) {
        xmlChar* v = xmlGetProp(k, reinterpret_cast<const xmlChar*>(attr));
        if (!v) continue;
        std::string s = reinterpret_cast<const char*>(v);
        xmlFree(v);
        const auto colon = s.find(':');
        if (colon != std::string::npos) s = s.substr(colon + 1);
        if (!d.properties.count("xml:kind")) d.properties["xml:kind"] = s;
      }
  return d;
}


// News systems often export the body as one element holding the text, not as paragraphs:
// HTML in CDATA (or escaped), "<content><![CDATA[<p>…</p><p>…</p>]]></content>", or plain
// lines. The first such element (content, body, text, article, fulltext, description) with
// text and no child elements is read as paragraphs.
// Tried in this order (a summary in <description> is read only when there is nothing else).
// Export systems name them in their own fashion (DocContent, ArticleContent, zw_text): the
// name is compared in lower case, and a name ending in one of these words matches.
const char* const kBodyContainers[] = {"content", "body", "text", "fulltext", "article", "description"};
constexpr const char* kLowerName = "translate(local-name(),'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')";

std::string name_ends_with(const std::string& word) {
  return std::string("substring(") + kLowerName + ", string-length(local-name()) - " + std::to_string(word.size() - 1) +
         ") = '" + word + "'";
}

// The title when the default XPath finds none: an element whose name ends in "title"
// (DocTitle, ArticleTitle), not a subtitle, with text.
const std::string& fallback_title_xpath() {
  static const std::string x = "(//*[" + name_ends_with("title") + " and not(" + name_ends_with("subtitle") +
                               ") and not(*) and normalize-space(.) != ''])[1]";
  return x;
}

// The element holding the body text when the body XPath finds no paragraphs, or null.
xmlNode* body_container(xmlXPathContext* ctx, const xmlNode* title) {
  for (const char* name : kBodyContainers) {
    const std::string expr = "//*[" + name_ends_with(name) + " and not(*) and normalize-space(.) != '']";
    auto found = eval_nodes(ctx, expr, nullptr);
    if (!found.ok()) continue;
    for (auto* n : *found)
      if (n != title) return n;
  }
  return nullptr;
}

bool looks_like_html(std::string_view t) {
  for (const char* tag : {"<p", "<P", "<br", "<BR", "<div", "<DIV", "<span", "<h2", "<h3", "<li"})
    if (t.find(tag) != std::string_view::npos) return true;
  return false;
}

// Appends the paragraphs of `container`'s text as body blocks.
Status add_container_paragraphs(model::DocumentBuilder& b, std::uint16_t src, SourceLocator& loc, xmlNode* container) {
  const std::string all = node_string(container);
  const auto line = static_cast<std::uint32_t>(xmlGetLineNo(container));
  if (!looks_like_html(all)) {
    std::size_t i = 0;
    while (i <= all.size()) {
      const auto j = std::min(all.find('\n', i), all.size());
      std::string text = all.substr(i, j - i);
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (!text::is_blank(text)) {
        std::uint32_t ln = 0, col = 0;
        loc.locate(line, text, ln, col);
        b.open(model::Story::kMain, model::Role::kBody, src, ln, col);
        b.append(text);
        b.close();
      }
      if (j >= all.size()) break;
      i = j + 1;
    }
    return ok_status();
  }
  auto parsed = parse_markup("<html><body>" + all + "</body></html>", "content", true);
  if (!parsed.ok()) return parsed.error();
  xmlNode* root = xmlDocGetRootElement(parsed->get());
  // Leaf blocks in document order; text between <br>s is one paragraph per line.
  static const std::set<std::string_view> kLeafBlocks = {"p", "div", "li", "h1", "h2", "h3", "h4", "td", "th", "blockquote"};
  std::vector<xmlNode*> stack;
  if (root) stack.push_back(root);
  std::vector<xmlNode*> leaves;
  // Iterative pre-order: children pushed in reverse.
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type != XML_ELEMENT_NODE) continue;
    const auto name = local_name(n);
    if (name == "script" || name == "style") continue;
    // Any block below `n` (bounded walk over the fragment's subtree)?
    bool block_below = false;
    for (const xmlNode* d = n->children; d && !block_below;) {
      if (d->type == XML_ELEMENT_NODE && kLeafBlocks.count(local_name(d))) block_below = true;
      if (d->children && d->type == XML_ELEMENT_NODE) {
        d = d->children;
        continue;
      }
      while (d && d != n && !d->next) d = d->parent;
      if (!d || d == n) break;
      d = d->next;
    }
    if (!block_below && (kLeafBlocks.count(name) || n == root || name == "body")) {
      leaves.push_back(n);
      continue;
    }
    std::vector<xmlNode*> kids;
    for (xmlNode* c = n->children; c; c = c->next) kids.push_back(c);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
  for (xmlNode* leaf : leaves) {
    const auto name = local_name(leaf);
    const model::Role role = name.size() == 2 && name[0] == 'h' ? model::Role::kHeading : model::Role::kBody;
    auto& blk = b.open(model::Story::kMain, role, src, line, 1);
    if (role == model::Role::kHeading) blk.level = 2;
    std::function<void()> next_line = [&] {
      if (text::is_blank(std::string_view(b.doc().text).substr(b.doc().blocks.back().begin))) return;
      b.close();
      b.open(model::Story::kMain, role, src, line, 1);
    };
    append_node_text(b, loc, leaf, true, next_line);
    b.close();
    auto& doc = b.doc();
    if (text::is_blank(std::string_view(doc.text).substr(doc.blocks.back().begin))) {
      doc.text.resize(doc.blocks.back().begin);
      doc.blocks.pop_back();
    }
  }
  return ok_status();
}

}  // namespace

Status check_xpath(const std::string& expr, bool nodes, const std::string& what) {
  init_markup_parsers();
  if (expr.empty()) return make_error(ErrorCode::kUsage, what + " 没有给出 XPath 表达式");
  // Compiled, then evaluated once on an empty document to learn what it yields: a map that
  // cannot select elements is a usage error before any file is read, not an error per file.
  xmlXPathCompExpr* comp = xmlXPathCompile(reinterpret_cast<const xmlChar*>(expr.c_str()));
  if (!comp) return make_error(ErrorCode::kUsage, what + " 的 XPath 表达式无效：“" + expr + "”");
  XmlDocPtr doc(xmlReadMemory("<x/>", 4, "xpath-check", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR));
  std::unique_ptr<xmlXPathContext, XPathCtxDeleter> ctx(doc ? xmlXPathNewContext(doc.get()) : nullptr);
  std::unique_ptr<xmlXPathObject, XPathObjDeleter> obj(ctx ? xmlXPathCompiledEval(comp, ctx.get()) : nullptr);
  xmlXPathFreeCompExpr(comp);
  if (!obj) return make_error(ErrorCode::kUsage, what + " 的 XPath 表达式无效：“" + expr + "”");
  if (nodes && obj->type != XPATH_NODESET)
    return make_error(ErrorCode::kUsage, what + " 的 XPath “" + expr + "” 得到的是数值或字符串，不是元素；请写选取元素的表达式，例如 //p");
  return ok_status();
}

Result<XmlMap> parse_xml_map(const std::string& spec) {
  XmlMap m;
  std::set<std::string> seen;
  std::size_t i = 0;
  if (spec.empty()) return make_error(ErrorCode::kUsage, "--xml-map 应写成 key=XPath，逗号分隔，不能为空");
  while (i < spec.size()) {
    // Keys are separated by ",key=" so that XPath expressions may contain commas.
    const auto eq = spec.find('=', i);
    if (eq == std::string::npos) return make_error(ErrorCode::kUsage, "--xml-map 应写成 key=XPath，逗号分隔：" + spec);
    const std::string key = spec.substr(i, eq - i);
    std::size_t end = spec.size();
    for (const char* k : {",title=", ",body=", ",items=", ",kind="}) end = std::min(end, spec.find(k, eq));
    const std::string value = spec.substr(eq + 1, end - eq - 1);
    std::string* slot = key == "title" ? &m.title : key == "body" ? &m.body : key == "items" ? &m.items
                        : key == "kind"                                               ? &m.kind
                                                                                      : nullptr;
    if (!slot) return make_error(ErrorCode::kUsage, "--xml-map 不认识 “" + key + "”（可用 title、body、items、kind）");
    if (!seen.insert(key).second) return make_error(ErrorCode::kUsage, "--xml-map 中 “" + key + "” 出现了不止一次");
    if (auto st = check_xpath(value, key != "kind", "--xml-map " + key + "="); !st.ok()) return st.error();
    *slot = value;
    i = end == spec.size() ? end : end + 1;
  }
  return m;
}

Result<model::Document> read_xml(std::string_view bytes, std::string_view name, const XmlMap& map) {
  auto decoded = decode_markup(bytes, false);
  if (!decoded.ok()) return decoded.error();
  if (auto st = refuse_entities(decoded->utf8); !st.ok()) return st.error();
  auto parsed = parse_markup(decoded->utf8, std::string(name), false);
  if (!parsed.ok()) return parsed.error();
  xmlDoc* doc = parsed->get();
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return make_error(ErrorCode::kMalformedXml, "XML 文件没有根元素");
  if (local_name(root) == "newsItem") {
    auto d = read_newsml(doc, decoded->utf8, name);
    if (d.ok()) d->encoding = decoded->encoding;
    return d;
  }

  std::unique_ptr<xmlXPathContext, XPathCtxDeleter> ctx(xmlXPathNewContext(doc));
  auto title = eval_nodes(ctx.get(), map.title.empty() ? kDefaultTitle : map.title, nullptr);
  if (!title.ok()) return title.error();
  if (map.title.empty() && title->empty()) title = eval_nodes(ctx.get(), fallback_title_xpath(), nullptr);
  if (!title.ok()) return title.error();
  auto body = eval_nodes(ctx.get(), map.body.empty() ? kDefaultBody : map.body, nullptr);
  if (!body.ok()) return body.error();
  std::vector<xmlNode*> items;
  if (!map.items.empty()) {
    auto it = eval_nodes(ctx.get(), map.items, nullptr);
    if (!it.ok()) return it.error();
    items = *it;
  }
  std::string kind;
  auto kind_nodes = eval_nodes(ctx.get(), map.kind.empty() ? kDefaultKind : map.kind, &kind);
  if (!kind_nodes.ok()) return kind_nodes.error();
  if (kind.empty() && !kind_nodes->empty()) kind = node_string((*kind_nodes)[0]);

  xmlNode* container = map.body.empty() && body->empty() ? body_container(ctx.get(), title->empty() ? nullptr : (*title)[0]) : nullptr;
  if (body->empty() && title->empty() && !container)
    return make_error(ErrorCode::kUnsupported,
                      "在 XML 中找不到标题和正文段落（默认找 title/headline 和 body//p）；请用 --xml-map "
                      "title=XPath,body=XPath 指定，或在规范的 xml_map 中设置");

  model::DocumentBuilder b(model::Format::kXml);
  const auto src = b.add_source(std::string(name));
  SourceLocator loc(decoded->utf8);
  // Title, items and body paragraphs in document order.
  struct Piece {
    xmlNode* node;
    model::Role role;
  };
  std::vector<Piece> pieces;
  if (!title->empty()) pieces.push_back({(*title)[0], model::Role::kTitle});
  for (auto* n : outermost(*body))
    if (title->empty() || n != (*title)[0]) pieces.push_back({n, model::Role::kBody});
  for (auto* n : items) pieces.push_back({n, model::Role::kHeading});
  // Document order: the elements were numbered when parsed (parse_markup).
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& c) {
    return xmlXPathCmpNodes(a.node, c.node) > 0;  // 1: a precedes c
  });
  pieces.erase(std::unique(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& c) { return a.node == c.node; }),
               pieces.end());
  for (const auto& p : pieces) {
    auto& blk = b.open(model::Story::kMain, p.role, src, static_cast<std::uint32_t>(xmlGetLineNo(p.node)), 1);
    if (p.role == model::Role::kHeading) blk.level = 2;
    append_node_text(b, loc, p.node, true);
    b.close();
  }
  if (container)
    if (auto st = add_container_paragraphs(b, src, loc, container); !st.ok()) return st.error();
  model::Document d = b.finish();
  d.encoding = decoded->encoding;
  if (!kind.empty()) d.properties["xml:kind"] = kind;
  return d;
}

}  // namespace wenfeng::readers
