#include "readers/html_reader.h"

#include <libxml/xpath.h>

#include <functional>
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
                                            "pre", "dt", "dd", "figcaption", "td", "th", "div", "section"};

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

// Text inside <a> elements of `n`'s subtree.
std::size_t link_text_length(xmlNode* n) {
  std::size_t len = 0;
  for_each_element(n, [&](xmlNode* e) {
    if (local_name(e) != "a") return true;
    len += text_length(e);
    return false;
  });
  return len;
}

// Code points of the non-blank text nodes that are direct children of `n` (text set between
// <br>s rather than in paragraphs), not counting <a> text.
std::size_t direct_text_length(xmlNode* n) {
  std::size_t len = 0;
  for (xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      const auto* t = reinterpret_cast<const char*>(c->content);
      if (!text::is_blank(t)) len += text::codepoint_count(t);
    }
  return len;
}

bool has_sentence_end(xmlNode* n) {
  xmlChar* c = xmlNodeGetContent(n);
  const std::string_view t = c ? reinterpret_cast<const char*>(c) : "";
  const bool end = t.find("。") != std::string_view::npos || t.find("！") != std::string_view::npos ||
                   t.find("？") != std::string_view::npos;
  if (c) xmlFree(c);
  return end;
}

std::size_t direct_breaks(xmlNode* n) {
  std::size_t k = 0;
  for (xmlNode* c = n->children; c; c = c->next) k += c->type == XML_ELEMENT_NODE && local_name(c) == "br";
  return k;
}

bool has_block_descendant(xmlNode* n) {
  bool found = false;
  for_each_element(n, [&](xmlNode* e) {
    if (e != n && kBlocks.count(local_name(e))) found = true;
    return !found;
  });
  return found;
}

// A date line above a page's body: "（2026年11月15日）", "2026年11月15日", "2026-11-15".
bool date_line(std::string_view t) {
  std::size_t digits = 0;
  bool year = false;
  const char* p = t.data();
  const char* const e = p + t.size();
  while (p < e) {
    const char32_t c = text::decode(p, e);
    if (c >= '0' && c <= '9') ++digits;
    else if (c == U'年' || c == '-' || c == '.' || c == '/') year = true;
    else if (!(c == U'月' || c == U'日' || c == U'（' || c == U'）' || c == '(' || c == ')' || c == ' ' ||
               c == 0xA0 || c == 0x3000 || std::u32string_view(U"〇零一二三四五六七八九十").find(c) != std::u32string_view::npos))
      return false;
  }
  return year && (digits >= 4 || t.find("年") != std::string_view::npos);
}

// A speaker's or author's line under a title: "县长　李国强", "市委书记 王明" — short, no
// sentence punctuation, a space between the office and the name.
bool byline_line(std::string_view t, std::size_t cps) {
  if (cps < 3 || cps > 20) return false;
  for (const char* mark : {"。", "，", "：", ":", "、", "《"})
    if (t.find(mark) != std::string_view::npos) return false;
  return t.find(' ') != std::string_view::npos || t.find("\u3000") != std::string_view::npos ||
         t.find("\u00A0") != std::string_view::npos;
}

// A page's credit line after the article: "（责任编辑：刘敏）", "【责任编辑：黄丽】",
// "来源：青山县融媒体中心", "编辑：刘敏　审核：孙雨". The site adds them; they are not the draft.
bool credit_line(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\n')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
  if (t.empty() || text::codepoint_count(t) > 40 || t.find("。") != std::string_view::npos) return false;
  for (std::string_view open : {"（", "【", "(", "[", "［"})
    if (t.substr(0, open.size()) == open) {
      t.remove_prefix(open.size());
      break;
    }
  for (std::string_view label : {"责任编辑", "编辑", "来源", "审核", "校对", "审校", "编审", "终审", "监制", "出品", "稿源"})
    if (t.substr(0, label.size()) == label) {
      const std::string_view rest = t.substr(label.size());
      return rest.substr(0, 3) == "：" || rest.substr(0, 1) == ":";
    }
  return false;
}

struct TitleBlock {
  xmlNode* title = nullptr;
  std::vector<xmlNode*> lines;  // byline and date lines between the title and the body, in order
};

// A page without <h1> often sets its title in a styled block above the article
// (<div class="title">…</div>, then the info bar 发布日期：… 来源：…): the nearest short
// title-shaped block before the main content, skipping info-bar and breadcrumb lines. A
// speech page sets the speaker and the date under its title: those lines are the draft's
// (the text of a speech has them too) and are kept; the info bar is not.
TitleBlock title_block_before(xmlNode* root, xmlNode* main) {
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
  TitleBlock out;
  int looked = 0;
  for (auto it = before.rbegin(); it != before.rend() && looked < 6; ++it) {
    xmlChar* c = xmlNodeGetContent(*it);
    std::string t = c ? reinterpret_cast<const char*>(c) : "";
    if (c) xmlFree(c);
    const std::size_t cps = text::codepoint_count(t);
    if (text::is_blank(t)) continue;
    ++looked;
    const bool info = t.find("发布") != std::string::npos || t.find("来源：") != std::string::npos ||
                      t.find("浏览") != std::string::npos || t.find("【打印】") != std::string::npos ||
                      t.find("字体：") != std::string::npos || t.find("字号：") != std::string::npos ||
                      t.find("点击：") != std::string::npos || t.find("作者：") != std::string::npos ||
                      t.find("分享到") != std::string::npos;
    const bool crumb = t.find('>') != std::string::npos || t.find("＞") != std::string::npos ||
                       t.find("当前位置") != std::string::npos || t.find("您的位置") != std::string::npos ||
                       t.find("现在的位置") != std::string::npos;
    if (info || crumb) continue;
    // A link (a menu entry, "上一篇") is not the article's title.
    bool link = false;
    for_each_element(*it, [&](xmlNode* e) {
      if (local_name(e) == "a" && text_length(e) * 2 > cps) link = true;
      return !link;
    });
    if (link) continue;
    std::string_view tv = t;
    while (!tv.empty() && (tv.front() == ' ' || tv.front() == '\n' || tv.front() == '\r' || tv.front() == '\t')) tv.remove_prefix(1);
    while (!tv.empty() && (tv.back() == ' ' || tv.back() == '\n' || tv.back() == '\r' || tv.back() == '\t')) tv.remove_suffix(1);
    if (out.lines.size() < 3 && (date_line(tv) || byline_line(tv, text::codepoint_count(tv)))) {
      out.lines.insert(out.lines.begin(), *it);
      continue;
    }
    if (cps >= 6 && cps <= 80 && t.find("。") == std::string::npos) {
      out.title = *it;
      return out;
    }
    return {};
  }
  return {};
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
    // A site's logo set as <h1><a href="/">…</a></h1> is not the draft's title.
    if (!h1 && n == "h1" && !dropped(e) && link_text_length(e) * 2 <= text_length(e)) h1 = e;
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
    // The largest text block: the element whose paragraphs hold the most text that is not
    // link text (menus, related-article lists and footers are mostly links). Paragraphs are
    // <p>, but also leaf <div>s (portal editors set each paragraph in its own <div>) and
    // text set directly in an element between <br>s (news systems' "art-con" bodies).
    std::map<xmlNode*, std::size_t> score;
    for_each_element(root, [&](xmlNode* e) {
      const auto n = local_name(e);
      if (kDropped.count(n)) return false;
      const bool leaf = n == "p" || ((n == "div" || n == "td" || n == "section") && !has_block_descendant(e));
      if (leaf) {
        const std::size_t len = text_length(e), links = link_text_length(e);
        // A <div>'s text counts when it reads as prose (a sentence's end in it): info bars,
        // title blocks and footers set in <div>s do not outweigh a short article.
        const std::size_t own = len > 2 * links && (n == "p" || has_sentence_end(e)) ? len - links : 0;
        // A block whose lines are set apart by several <br>s holds the paragraphs itself.
        if (direct_breaks(e) >= 2 && direct_text_length(e) > 0) score[e] += own;
        else if (e->parent) score[e->parent] += own;
        return false;
      }
      score[e] += direct_text_length(e);
      return true;
    });
    std::size_t best = 0;
    for (auto& [node, s] : score)
      if (s > best || (s == best && best > 0 && main && is_ancestor(main, node))) {
        best = s;
        main = node;
      }
    if (!main) main = root;
  }

  model::DocumentBuilder b(model::Format::kHtml);
  const auto src = b.add_source(std::string(name));
  SourceLocator loc(decoded->utf8);
  // A page's <title> is the browser tab's (often a file or site name): Word does not count
  // it, and neither does wenfeng. It is kept as a property; a page without <h1> has the
  // draft's title, if any, as its first paragraph.
  TitleBlock above;
  if (!h1 && selector.empty()) above = title_block_before(root, main);
  xmlNode* title_node = h1 ? h1 : above.title;
  // Blocks in document order: the title (when outside the main content) first, then the
  // byline and date lines set between it and the body.
  if (title_node && !is_ancestor(main, title_node)) {
    b.open(model::Story::kMain, model::Role::kTitle, src, static_cast<std::uint32_t>(xmlGetLineNo(title_node)), 1);
    append_node_text(b, loc, title_node, true);
    b.close();
    for (xmlNode* line : above.lines) {
      b.open(model::Story::kMain, model::Role::kBody, src, static_cast<std::uint32_t>(xmlGetLineNo(line)), 1);
      append_node_text(b, loc, line, true);
      b.close();
    }
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
    // The cell of a layout table that holds the whole body is no table of the draft.
    else if ((n == "td" || n == "th") && e != main) role = model::Role::kTableCell;
    const auto line = static_cast<std::uint32_t>(xmlGetLineNo(e));
    const std::size_t first_of_element = b.doc().blocks.size() + 1;
    auto& blk = b.open(model::Story::kMain, role, src, line, 1);
    blk.level = level;
    // Body text set apart by several <br>s is one paragraph per line, as the page shows it
    // (one <br> is a line break inside a paragraph; a title broken over two lines stays one).
    std::function<void()> next_line;
    if (n != "pre" && (role == model::Role::kBody || role == model::Role::kTableCell) && direct_breaks(e) >= 2)
      next_line = [&] {
        const auto& cur = b.doc().blocks.back();
        if (text::is_blank(std::string_view(b.doc().text).substr(cur.begin))) return;
        b.close();
        b.open(model::Story::kMain, role, src, line, 1);
      };
    append_node_text(b, loc, e, n != "pre", next_line);
    b.close();
    // A trailing <br> leaves an empty line: no paragraph of its own.
    auto& built = b.doc();
    if (next_line && built.blocks.size() > first_of_element &&
        text::is_blank(std::string_view(built.text).substr(built.blocks.back().begin))) {
      built.text.resize(built.blocks.back().begin);
      built.blocks.pop_back();
    }
    return false;
  });
  model::Document d = b.finish();
  // Credit lines (and blank lines) closing the article, when there is an article before them.
  if (selector.empty())
    while (d.blocks.size() > 2 && d.blocks.back().role == model::Role::kBody &&
           (text::is_blank(d.block_text(d.blocks.back())) || credit_line(d.block_text(d.blocks.back())))) {
      d.text.resize(d.blocks.back().begin);
      d.blocks.pop_back();
    }
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
