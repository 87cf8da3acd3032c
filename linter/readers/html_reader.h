// HTML drafts (web teams' copy): encoding from BOM or meta charset; script, style,
// navigation, header, footer, aside and forms dropped; the main content from an XPath
// selector (profile or --html-selector) or, by default, the element whose paragraphs
// hold the most text; the title from the first h1, else <title>.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "model/document.h"

namespace wenfeng::readers {

Result<model::Document> read_html(std::string_view bytes, std::string_view name, const std::string& selector);

}  // namespace wenfeng::readers
