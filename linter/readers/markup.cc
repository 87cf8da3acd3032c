#include "readers/markup.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "readers/encoding.h"
#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The value of `key="…"` (or '…', or unquoted for HTML meta) after position `from`.
std::string attribute_value(std::string_view s, std::size_t from) {
  std::size_t i = from;
  while (i < s.size() && (s[i] == ' ' || s[i] == '=' || s[i] == '\t')) ++i;
  if (i >= s.size()) return {};
  const char q = s[i];
  std::size_t j;
  if (q == '"' || q == '\'') {
    j = s.find(q, i + 1);
    if (j == std::string_view::npos) return {};
    return std::string(s.substr(i + 1, j - i - 1));
  }
  j = i;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-' || s[j] == '_')) ++j;
  return std::string(s.substr(i, j - i));
}

std::string declared_encoding(std::string_view bytes, bool html) {
  const std::string head = lower(std::string(bytes.substr(0, html ? 4096 : 512)));
  if (head.rfind("<?xml", 0) == 0) {
    const auto end = head.find("?>");
    const auto pos = head.find("encoding");
    if (pos != std::string::npos && (end == std::string::npos || pos < end)) return attribute_value(head, pos + 8);
    if (!html) return {};
  }
  if (html) {
    const auto pos = head.find("charset");
    if (pos != std::string::npos) return attribute_value(head, pos + 7);
  }
  return {};
}

// An encoding name as IANA registers them: at most 40 characters of letters, digits and
// - _ . : + ( ). Anything else (a quote left open over binary bytes, say) names no
// encoding, and must never reach a message or the output as it stands.
bool plausible_encoding_name(std::string_view name) {
  if (name.empty() || name.size() > 40) return false;
  for (const unsigned char ch : name)
    if (!std::isalnum(ch) && std::string_view("-_.:+()").find(static_cast<char>(ch)) == std::string_view::npos)
      return false;
  return true;
}

}  // namespace

namespace {
void ignore_libxml_message(void*, const char*, ...) {}
void ignore_libxml_error(void*, xmlErrorPtr) {}
}  // namespace

void init_markup_parsers() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // libxml2 keeps its error handlers per thread: silence its own printing (XPath and parser
  // messages) on every thread that parses; errors reach the user as wenfeng's messages.
  thread_local bool quiet = false;
  if (!quiet) {
    xmlSetGenericErrorFunc(nullptr, ignore_libxml_message);
    xmlSetStructuredErrorFunc(nullptr, ignore_libxml_error);
    quiet = true;
  }
}

Result<DecodedMarkup> decode_markup(std::string_view bytes, bool html) {
  auto starts = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts("\xEF\xBB\xBF") || starts("\xFF\xFE") || starts("\xFE\xFF")) {
    auto d = decode_text(bytes);
    if (!d.ok()) return d.error();
    return DecodedMarkup{std::move(d->utf8), d->encoding};
  }
  // UTF-16 without a BOM starts with "<\0" or "\0<".
  if (starts(std::string_view("<\0", 2)) || starts(std::string_view("\0<", 2))) {
    auto r = convert_strict(bytes, starts(std::string_view("<\0", 2)) ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) return r.error();
    return DecodedMarkup{std::move(r).value(), "UTF-16"};
  }
  std::string declared = declared_encoding(bytes, html);
  if (!declared.empty() && !plausible_encoding_name(declared)) {
    // A browser ignores a charset label it does not know; so does the HTML reader (the
    // bytes are then read as undeclared). XML's declaration is binding.
    if (!html)
      return make_error(ErrorCode::kEncoding,
                        "XML 声明中的编码名称无效（不是可识别的编码名）；请写明实际编码（如 UTF-8、GB18030），或另存为 UTF-8");
    declared.clear();
  }
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    std::string charset = declared;
    if (declared == "gb2312" || declared == "gbk" || declared == "gb18030" || declared == "x-gbk" ||
        declared == "cp936" || declared == "euc-cn")
      charset = "GB18030";
    // A declaration left over from another encoding: multibyte UTF-8 that is valid as
    // such is almost never meaningful GBK text.
    if (charset == "GB18030" && text::find_invalid_utf8(bytes) == std::string_view::npos) {
      // Chinese in UTF-8 takes three bytes (lead E0–EF); GBK pairs seldom form such a
      // sequence by chance, so its presence tells the two apart.
      bool multibyte = false;
      for (unsigned char ch : bytes.substr(0, 1 << 16)) multibyte |= ch >= 0xE0;
      if (multibyte)
        return make_error(ErrorCode::kEncoding,
                          "文件声明的编码是 " + declared +
                              "，但内容是有效的 UTF-8：声明与实际编码不符；请把声明改为 UTF-8，或按声明的编码重新保存");
    }
    auto r = convert_strict(bytes, charset.c_str());
    if (!r.ok()) {
      Error e = r.error();
      e.message = "文件声明的编码是 " + declared + "，但内容不符：" + e.message + "；请核对声明或另存为 UTF-8";
      return e;
    }
    return DecodedMarkup{std::move(r).value(), charset == "GB18030" && declared != "gb18030"
                                                   ? "GB18030 (declared " + declared + ")"
                                                   : charset};
  }
  const auto bad = text::find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return DecodedMarkup{std::string(bytes), "UTF-8"};
  if (html && declared.empty()) {
    auto r = decode_gb18030_evidently(bytes, bad);
    if (!r.ok()) return r.error();
    return DecodedMarkup{std::move(r).value(), "GB18030 (undeclared)"};
  }
  return make_error(ErrorCode::kEncoding,
                    std::string(declared.empty() ? "文件没有声明编码（按 XML 规定应为 UTF-8）" : "文件声明为 UTF-8") +
                        "，但第 " + std::to_string(bad) + " 字节处不是有效的 UTF-8；请在声明中写明实际编码，或另存为 UTF-8",
                    "byte " + std::to_string(bad));
}

Status refuse_entities(std::string_view utf8) {
  const auto pos = utf8.find("<!ENTITY");
  if (pos == std::string_view::npos) return ok_status();
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos; ++i) line += utf8[i] == '\n';
  return make_error(ErrorCode::kUnsupported,
                    "第 " + std::to_string(line) +
                        " 行有实体声明（<!ENTITY …>）：这类 XML 可能是“实体炸弹”或外部实体攻击，wenfeng 不读取；"
                        "文稿导出时请不要带 DTD 实体",
                    "line " + std::to_string(line));
}

namespace {

// Numbers the elements in document order before any XPath runs: without the numbers
// libxml2 orders a node set by walking sibling chains, quadratic in the siblings
// (40,000 <p> took a minute to sort).
void number_elements(xmlDoc* d) { xmlXPathOrderDocElems(d); }

}  // namespace

Result<XmlDocPtr> parse_markup(const std::string& utf8, const std::string& name, bool html) {
  init_markup_parsers();
  if (html) {
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return make_error(ErrorCode::kInternal, "无法创建 HTML 解析器");
    const int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                     HTML_PARSE_NOIMPLIED;
    xmlDoc* d = htmlCtxtReadMemory(ctxt, utf8.data(), static_cast<int>(utf8.size()), name.c_str(), "UTF-8", opts);
    htmlFreeParserCtxt(ctxt);
    if (!d) return make_error(ErrorCode::kMalformedXml, "无法解析 HTML 文件");
    number_elements(d);
    return XmlDocPtr(d);
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (!ctxt) return make_error(ErrorCode::kInternal, "无法创建 XML 解析器");
  const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDoc* d = xmlCtxtReadMemory(ctxt, utf8.data(), static_cast<int>(utf8.size()), name.c_str(), "UTF-8", opts);
  if (!d || !ctxt->wellFormed) {
    const xmlError* e = &ctxt->lastError;
    std::string msg = e && e->message ? e->message : "XML 格式错误";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    // libxml2 words its depth limit as advice to its own callers ("use XML_PARSE_HUGE
    // option"), which a user cannot follow: say what the limit is instead.
    if (msg.find("Excessive depth") != std::string::npos)
      msg = "元素嵌套过深，超过 " + std::to_string(xmlParserMaxDepth) + " 层的上限，不像是一份文稿";
    else if (msg.find("XML_PARSE_HUGE") != std::string::npos)
      msg = "名称、属性或文本节点超过 XML 解析器的长度上限，不像是一份文稿";
    const int line = e ? e->line : 0;
    const int col = e ? e->int2 : 0;
    if (d) xmlFreeDoc(d);
    xmlFreeParserCtxt(ctxt);
    const std::string where = name + ":" + std::to_string(line) + (col > 0 ? ":" + std::to_string(col) : "");
    return make_error(ErrorCode::kMalformedXml,
                      "第 " + std::to_string(line) + " 行" + (col > 0 ? "第 " + std::to_string(col) + " 列" : "") +
                          " XML 格式错误（" + msg + "）；文件可能不完整或已损坏",
                      where);
  }
  xmlFreeParserCtxt(ctxt);
  number_elements(d);
  return XmlDocPtr(d);
}

SourceLocator::SourceLocator(std::string_view src)
    : src_(src), lines_(src), miss_budget_(2 * src.size() + (64u << 10)) {}

void SourceLocator::locate(long line, std::string_view content, std::uint32_t& out_line, std::uint32_t& out_col) {
  // Search for the first few bytes of the content (entities in the source may differ
  // later in the run), starting at the node's line and never before the last hit.
  std::size_t from = cursor_;
  if (line > 0 && static_cast<std::size_t>(line) <= lines_.lines())
    from = std::max(from, lines_.line_start(static_cast<std::size_t>(line)));
  from = std::min(from, src_.size());
  // Characters pages often write as named references (&nbsp; &ldquo; &mdash; …) are
  // skipped at the start, so that a paragraph opening with a quotation mark is still found.
  std::uint32_t skipped = 0;
  const char* p = content.data();
  const char* const e = p + content.size();
  while (p < e) {
    const char* here = p;
    const char32_t c = text::decode(p, e);
    const bool entity_like = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0xA9 ||
                             c == 0xAE || c == 0xB7 || (c >= 0x2002 && c <= 0x2026);
    if (!entity_like) {
      p = here;
      break;
    }
    ++skipped;
  }
  std::string_view needle(p, static_cast<std::size_t>(std::min<std::ptrdiff_t>(e - p, 24)));
  while (!needle.empty() && (static_cast<unsigned char>(needle.back()) & 0xC0) == 0x80) needle.remove_suffix(1);
  if (!needle.empty() && (static_cast<unsigned char>(needle.back()) & 0x80)) needle.remove_suffix(1);
  // Stop the needle before any character that might be written as an entity.
  const auto special = needle.find_first_of("&<>\"'");
  if (special != std::string_view::npos) needle = needle.substr(0, special);
  // A hit moves the cursor forward, so hits cost the file's length in all; a miss (text the
  // source writes as character references) draws on a budget proportional to the file, and
  // once that is spent a search looks only a few KiB ahead: linear in the file, never
  // quadratic however many text nodes are written differently.
  std::size_t at = from;
  bool hit = false;
  if (!needle.empty() && from < src_.size()) {
    const std::size_t window = std::min(src_.size() - from, std::max<std::size_t>(miss_budget_, 4096));
    const auto found = src_.substr(from, window).find(needle);
    if (found != std::string_view::npos) {
      at = from + found;
      cursor_ = at + needle.size();
      hit = true;
    } else {
      miss_budget_ -= std::min(miss_budget_, window);
    }
  }
  lines_.position(at, out_line, out_col);
  if (hit) out_col = out_col > skipped ? out_col - skipped : 1;
}

std::string_view local_name(const xmlNode* n) {
  if (!n || !n->name) return {};
  return reinterpret_cast<const char*>(n->name);
}

}  // namespace wenfeng::readers

namespace wenfeng::readers {

bool is_ancestor(const xmlNode* a, const xmlNode* d) {
  for (; d; d = d->parent)
    if (d == a) return true;
  return false;
}

void append_node_text(model::DocumentBuilder& b, SourceLocator& loc, const xmlNode* node, bool collapse_ws,
                      const std::function<void()>& on_break) {
  auto is_ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  auto emit = [&](const xmlNode* t) {
    if (!t->content) return;
    const std::string_view content(reinterpret_cast<const char*>(t->content));
    std::uint32_t line = 0, col = 0;
    loc.locate(xmlGetLineNo(const_cast<xmlNode*>(t)), content, line, col);
    b.anchor(line, col);
    if (!collapse_ws) {
      b.append(content);
      return;
    }
    std::string out;
    const std::string& text = b.doc().text;
    const std::size_t block_start = b.doc().blocks.back().begin;
    bool space = text.size() == block_start || text.back() == ' ' || text.back() == '\n';
    for (char c : content) {
      if (is_ws(c)) {
        if (!space) out.push_back(' ');
        space = true;
      } else {
        out.push_back(c);
        space = false;
      }
    }
    b.append(out);
  };
  if (node->type != XML_ELEMENT_NODE) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) emit(node);
    return;
  }
  // Iterative pre-order walk of the subtree (no recursion over untrusted nesting). Entity
  // references are not followed: declarations are refused, predefined entities are text.
  const xmlNode* n = node->children;
  while (n) {
    bool descend = false;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      emit(n);
    } else if (n->type == XML_ELEMENT_NODE) {
      const auto name = local_name(n);
      if (name == "br") {
        if (on_break) {
          if (collapse_ws) b.trim_trailing_spaces();
          on_break();
        } else {
          b.append(U'\n');
        }
      }
      else descend = !(name == "script" || name == "style" || name == "template" || name == "noscript");
    }
    if (descend && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != node && !n->next) n = n->parent;
    if (!n || n == node) break;
    n = n->next;
  }
  if (collapse_ws) b.trim_trailing_spaces();
}

}  // namespace wenfeng::readers
