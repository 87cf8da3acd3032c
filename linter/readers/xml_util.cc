#include "readers/xml_util.h"

#include "text/utf8.h"

namespace wenfeng::readers {

void line_column(std::string_view buffer, std::size_t offset, std::size_t& line, std::size_t& column) {
  if (offset > buffer.size()) offset = buffer.size();
  line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (buffer[i] == '\n') { ++line; line_start = i + 1; }
  column = 1 + text::codepoint_count(buffer.substr(line_start, offset - line_start));
}

Result<std::unique_ptr<XmlPart>> parse_xml_part(std::string name, std::string bytes) {
  auto part = std::make_unique<XmlPart>();
  part->name = std::move(name);
  part->buffer = std::move(bytes);
  // parse_ws_pcdata_single keeps <w:t xml:space="preserve"> </w:t>; DOCTYPE is not
  // parsed and no external entity is ever resolved.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result r = part->doc.load_buffer_inplace(
      part->buffer.data(), part->buffer.size(), options, pugi::encoding_auto);
  if (!r) {
    std::size_t line = 0, col = 0;
    line_column(part->buffer, static_cast<std::size_t>(r.offset), line, col);
    std::string where = part->name + ":" + std::to_string(line) + ":" + std::to_string(col);
    return make_error(ErrorCode::kMalformedXml,
                      "部件 " + part->name + " 第 " + std::to_string(line) + " 行第 " + std::to_string(col) +
                          " 列 XML 格式错误（" + r.description() +
                          "）；文件可能已损坏，请在 Word 中打开并另存为 .docx",
                      where);
  }
  return part;
}

}  // namespace wenfeng::readers
