#include "readers/xml_util.h"

#include <algorithm>

#include "readers/encoding.h"
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

LineIndex::LineIndex(std::string_view buffer) : buf_(buffer) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < buffer.size(); ++i)
    if (buffer[i] == '\n') starts_.push_back(i + 1);
}

std::size_t LineIndex::line_start(std::size_t line) const {
  return starts_[std::min(std::max<std::size_t>(line, 1), starts_.size()) - 1];
}

void LineIndex::position(std::size_t offset, std::uint32_t& line, std::uint32_t& column) {
  offset = std::min(offset, buf_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t ln = static_cast<std::size_t>(it - starts_.begin());
  const std::size_t start = starts_[ln - 1];
  std::size_t from = start, col = 1;
  if (ln == last_line_ && offset >= last_offset_ && last_offset_ >= start) {
    from = last_offset_;
    col = last_col_;
  }
  col += text::codepoint_count(buf_.substr(from, offset - from));
  last_offset_ = offset;
  last_line_ = ln;
  last_col_ = col;
  line = static_cast<std::uint32_t>(ln);
  column = static_cast<std::uint32_t>(col);
}

Result<std::string> part_utf8(const std::string& name, std::string bytes) {
  auto starts = [&](std::string_view p) { return std::string_view(bytes).substr(0, p.size()) == p; };
  const bool le = starts("\xFF\xFE") || starts(std::string_view("<\0", 2));
  const bool be = starts("\xFE\xFF") || starts(std::string_view("\0<", 2));
  if (le || be) {
    const std::size_t bom = starts("\xFF\xFE") || starts("\xFE\xFF") ? 2 : 0;
    auto r = convert_strict(std::string_view(bytes).substr(bom), le ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) {
      Error e = r.error();
      e.message = "部件 " + name + " 不是有效的 UTF-16：" + e.message + "；文件可能已损坏，请在 Word/WPS 中打开后另存";
      e.where = name + ":" + e.where;
      return e;
    }
    return std::move(r).value();
  }
  const auto bad = text::find_invalid_utf8(bytes);
  if (bad == std::string_view::npos) return bytes;
  std::size_t line = 0, col = 0;
  line_column(bytes, bad, line, col);
  const std::string where = name + ":" + std::to_string(line) + ":" + std::to_string(col);
  std::string seq;
  for (std::size_t i = bad; i < std::min(bytes.size(), bad + 4); ++i) {
    static const char* digits = "0123456789ABCDEF";
    const auto b = static_cast<unsigned char>(bytes[i]);
    seq += std::string(seq.empty() ? "" : " ") + digits[b >> 4] + digits[b & 15];
  }
  return make_error(ErrorCode::kEncoding,
                    "部件 " + name + " 第 " + std::to_string(line) + " 行第 " + std::to_string(col) + " 列（第 " +
                        std::to_string(bad) + " 字节，" + seq + "）不是有效的 UTF-8" +
                        (truncated_utf8_at_end(bytes, bad) ? "（部件在字符中间被截断）" : "") +
                        "；文件可能已损坏或由不规范的程序生成，请在 Word/WPS 中打开后另存",
                    where);
}

Result<std::unique_ptr<XmlPart>> parse_xml_part(std::string name, std::string bytes, bool keep_original) {
  auto utf8 = part_utf8(name, std::move(bytes));
  if (!utf8.ok()) return utf8.error();
  auto part = std::make_unique<XmlPart>();
  part->name = std::move(name);
  part->buffer = std::move(utf8).value();
  if (keep_original) part->original = part->buffer;
  // parse_ws_pcdata_single keeps <w:t xml:space="preserve"> </w:t>; DOCTYPE is not
  // parsed and no external entity is ever resolved.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result r = part->doc.load_buffer_inplace(
      part->buffer.data(), part->buffer.size(), options, pugi::encoding_utf8);
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
