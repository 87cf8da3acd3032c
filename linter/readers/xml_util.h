// Parsing OOXML parts with pugixml: owned buffer, whitespace-only w:t kept, and malformed
// XML reported with the part name, line and column.
#pragma once

#include <memory>
#include <string>

#include <pugixml.hpp>

#include "base/result.h"

namespace wenfeng::readers {

struct XmlPart {
  std::string name;
  std::string buffer;  // parsed in place: pugixml's nodes point into it
  std::string original;  // an untouched copy, when a reader needs line/column lookups
  pugi::xml_document doc;
};

Result<std::unique_ptr<XmlPart>> parse_xml_part(std::string name, std::string bytes);

// 1-based line and column (in code points) of a byte offset in a buffer.
void line_column(std::string_view buffer, std::size_t offset, std::size_t& line, std::size_t& column);

}  // namespace wenfeng::readers
