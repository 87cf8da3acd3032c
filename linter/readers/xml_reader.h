// XML drafts: news-system exports, NewsML-G2 news items, and generic XML mapped by XPath.
//
// Generic XML: XPath expressions choose the title, the body paragraphs, the bulletin item
// titles and the kind (from the profile's xml_map, or `--xml-map title=//headline,body=//p`),
// with a default for simple <doc><title/><body><p/></body></doc>-like drafts.
// NewsML-G2 (<newsItem>): headline, by-line and dateline, body from inlineXML (XHTML or
// NITF paragraphs) or inlineData; the kind from a genre or subject naming a kind id.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace wenfeng::readers {

struct XmlMap {
  std::string title;  // XPath; empty = default
  std::string body;
  std::string items;  // item-title nodes (bulletins), interleaved with body in document order
  std::string kind;   // string or node whose text is a kind id
  bool empty() const { return title.empty() && body.empty() && items.empty() && kind.empty(); }
};

// "title=//headline,body=//p,kind=/doc/@kind" → XmlMap; errors (kUsage) name the bad part:
// an unknown or repeated key, an empty or invalid XPath, or one that cannot select elements
// (all but kind must).
Result<XmlMap> parse_xml_map(const std::string& spec);

// An XPath that compiles (and, with `nodes`, selects nodes); `what` names it in messages.
Status check_xpath(const std::string& expr, bool nodes, const std::string& what);

Result<model::Document> read_xml(std::string_view bytes, std::string_view name, const XmlMap& map);

}  // namespace wenfeng::readers
