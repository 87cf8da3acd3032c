// Writing OOXML packages for fixtures: a zip writer over memory, and a minimal
// WordprocessingML package assembled from given parts (with [Content_Types].xml and
// relationships filled in). Used by the tests' DOCX fixtures and by the sample and
// benchmark generator (bench/gen.cc).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"

namespace wenfeng::testing {

// Zips (name, content) pairs, deflated (or stored, when `deflate` is false), in the given order.
Result<std::string> zip_files(const std::vector<std::pair<std::string, std::string>>& files, bool deflate = true);

constexpr const char* kWordNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:m=\"http://schemas.openxmlformats.org/officeDocument/2006/math\" "
    "mc:Ignorable=\"w14\"";

struct DocxParts {
  std::string body;       // inner XML of <w:body>
  std::string styles;     // inner XML of <w:styles>, optional
  std::string numbering;  // inner XML of <w:numbering>, optional
  std::string footnotes;  // inner XML of <w:footnotes>, optional
  std::string endnotes;
  std::string comments;
  std::string header;     // inner XML of <w:hdr>, optional
  std::string footer;
  std::string settings;   // inner XML of <w:settings>, optional
  std::string fonts;      // inner XML of <w:fonts> (word/fontTable.xml), optional
  std::map<std::string, std::string> custom_properties;  // docProps/custom.xml
  std::map<std::string, std::string> core;               // docProps/core.xml: "category" …
  std::map<std::string, std::string> app;                // docProps/app.xml: "Pages" …
};

// A complete .docx from the parts.
Result<std::string> build_docx(const DocxParts& parts);

// Escapes text for XML content and attributes.
std::string xml_escape(std::string_view s);

}  // namespace wenfeng::testing
