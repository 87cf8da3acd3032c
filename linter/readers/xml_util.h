// Parsing OOXML parts with pugixml: owned buffer, whitespace-only w:t kept, and malformed
// XML reported with the part name, line and column.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "base/result.h"

namespace wenfeng::readers {

struct XmlPart {
  std::string name;
  std::string buffer;  // parsed in place: pugixml's nodes point into it
  std::string original;  // an untouched copy, when a reader needs line/column lookups
  pugi::xml_document doc;
};

// Parses a part of a container (DOCX, ODT) or a flat file already decoded to UTF-8. The
// bytes are made strict UTF-8 first (UTF-16 with a BOM or starting "<\0" is converted), so
// that no invalid sequence reaches the text: bytes that are not UTF-8 are an `encoding`
// error naming the part, line and column. `keep_original` keeps a copy in `original`.
Result<std::unique_ptr<XmlPart>> parse_xml_part(std::string name, std::string bytes, bool keep_original = false);

// The strict UTF-8 form of a part's bytes (as parse_xml_part makes it), or the error.
Result<std::string> part_utf8(const std::string& name, std::string bytes);

// 1-based line and column (in code points) of a byte offset in a buffer.
void line_column(std::string_view buffer, std::size_t offset, std::size_t& line, std::size_t& column);

// Line and column of many offsets in one buffer, asked for mostly in increasing order (as
// a reader walks the document): columns are counted on from the previous answer on the
// same line, so a whole file on one line (as LibreOffice and minifiers write it) costs
// linear time, not quadratic.
class LineIndex {
 public:
  explicit LineIndex(std::string_view buffer);
  void position(std::size_t offset, std::uint32_t& line, std::uint32_t& column);
  std::size_t line_start(std::size_t line) const;  // 1-based line; clamped
  std::size_t lines() const { return starts_.size(); }

 private:
  std::string_view buf_;
  std::vector<std::size_t> starts_;
  std::size_t last_offset_ = 0, last_line_ = 1, last_col_ = 1;
};

}  // namespace wenfeng::readers
