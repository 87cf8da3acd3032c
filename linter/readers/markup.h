// Shared by the XML, NewsML-G2, HTML and flat-ODT readers: decoding markup to UTF-8 with
// the encoding it declares, refusing hostile input, parsing with libxml2 safely, and
// locating text nodes in the source for line/column positions.
//
// Safety: entity declarations (<!ENTITY …>) are refused before parsing — no billion laughs,
// no external entities; the network is never used (XML_PARSE_NONET), no DTD is loaded, and
// libxml2's default depth limit applies (our own walks are iterative).
#pragma once

#include <libxml/tree.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "readers/xml_util.h"

namespace wenfeng::readers {

struct DecodedMarkup {
  std::string utf8;
  std::string encoding;  // as found: "UTF-8", "GB18030 (declared gb2312)", …
};

// Encoding from the BOM, then the XML declaration (or, for HTML, a meta charset), else
// UTF-8 (HTML: UTF-8, else GB18030). GB2312 and GBK declarations are read as GB18030, their
// superset. Bytes that do not decode in the declared encoding are an error naming the
// encoding and the byte offset.
Result<DecodedMarkup> decode_markup(std::string_view bytes, bool html);

// Refuses entity declarations.
Status refuse_entities(std::string_view utf8);

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses UTF-8 XML (or HTML when `html`); errors carry "name:line".
Result<XmlDocPtr> parse_markup(const std::string& utf8, const std::string& name, bool html);

// Maps text-node contents to 1-based line and column (code points) in the UTF-8 source,
// searching forward from the previous hit (text nodes are visited in document order), in
// time linear in the source.
class SourceLocator {
 public:
  explicit SourceLocator(std::string_view src);
  // `line` is libxml2's line of the node (0 if unknown); `content` the node's text.
  void locate(long line, std::string_view content, std::uint32_t& out_line, std::uint32_t& out_col);

 private:
  std::string_view src_;
  LineIndex lines_;
  std::size_t cursor_ = 0;
  std::size_t miss_budget_;  // bytes that failed searches may still scan
};

// Local name of an element ("p" for "xhtml:p" or "p").
std::string_view local_name(const xmlNode* n);

// libxml2 must be initialised once on the main thread before parsing on workers.
void init_markup_parsers();

}  // namespace wenfeng::readers

#include "model/document.h"

namespace wenfeng::readers {

// Appends the text of `node`'s subtree in document order to the open block: text and
// CDATA as they are, <br> as a line break; comments, processing instructions, and for
// HTML script/style/template are skipped. Each text node gets a source anchor.
// With `collapse_ws` (HTML outside <pre>), runs of ASCII whitespace become one space and
// whitespace at the start and end of the block is dropped, as a browser renders it.
// With `on_break` (HTML body paragraphs), a <br> calls it instead of appending a line break:
// pages that set paragraphs apart with <br> (and &nbsp; indents) get one block per line.
void append_node_text(model::DocumentBuilder& b, SourceLocator& loc, const xmlNode* node, bool collapse_ws = false,
                      const std::function<void()>& on_break = {});

// True when `a` is `d` or one of its ancestors.
bool is_ancestor(const xmlNode* a, const xmlNode* d);

}  // namespace wenfeng::readers
