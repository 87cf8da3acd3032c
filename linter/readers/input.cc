#include "readers/input.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "readers/docx_reader.h"
#include "readers/html_reader.h"
#include "readers/odt_reader.h"
#include "readers/text_reader.h"
#include "readers/zip_archive.h"

namespace wenfeng::readers {
namespace {

std::string lower_extension(std::string_view name) {
  const auto slash = name.find_last_of('/');
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(name.substr(dot + 1));
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool contains_utf16le(std::string_view bytes, std::string_view ascii) {
  std::string needle;
  for (char c : ascii) { needle.push_back(c); needle.push_back('\0'); }
  return bytes.find(needle) != std::string_view::npos;
}

Error ole_error(std::string_view bytes) {
  if (contains_utf16le(bytes, "EncryptedPackage"))
    return make_error(ErrorCode::kEncrypted,
                      "这是受密码保护（加密）的 Office 文档，无法读取正文；请在 Word/WPS 中取消密码后另存为 .docx 再检查");
  if (contains_utf16le(bytes, "WordDocument"))
    return make_error(ErrorCode::kLegacyFormat,
                      "这是旧版 Word 97-2003 文档（.doc，OLE 复合文件），不是 .docx；请在 Word/WPS 中“另存为” .docx 后再检查");
  if (contains_utf16le(bytes, "WpsContent") || contains_utf16le(bytes, "WPS"))
    return make_error(ErrorCode::kLegacyFormat,
                      "这是旧版 WPS 文字文档（.wps，OLE 复合文件）；请在 WPS 中“另存为” .docx 后再检查");
  return make_error(ErrorCode::kLegacyFormat,
                    "这是 OLE 复合文件（旧版 .doc/.wps，或加密的 Office 文档），不是 .docx；请“另存为” .docx 后再检查");
}

}  // namespace

Result<std::string> read_file_bytes(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    return make_error(ErrorCode::kNotFound, "文件不存在，请检查路径");
  if (std::filesystem::is_directory(status))
    return make_error(ErrorCode::kIsDirectory, "这是一个目录而不是文件；请给出目录中的文件");
  std::FILE* f = std::fopen(path.c_str(), "rb");  // read-only: inputs are never modified
  if (!f) return make_error(ErrorCode::kUnreadable, std::string("无法打开文件：") + std::strerror(errno));
  std::string bytes;
  // Read straight into the buffer, growing it for files whose size is unknown (pipes).
  std::size_t used = 0;
  std::size_t want = 1 << 16;
  if (status.type() == std::filesystem::file_type::regular) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) want = static_cast<std::size_t>(std::min<std::uintmax_t>(size, kMaxInputBytes)) + 1;
  }
  while (true) {
    bytes.resize(used + want);
    const std::size_t got = std::fread(bytes.data() + used, 1, want, f);
    used += got;
    if (got < want) break;
    if (used > kMaxInputBytes) {
      std::fclose(f);
      return make_error(ErrorCode::kTooLarge, "文件超过 512 MiB，不像是一份文稿，拒绝读取");
    }
    want = std::max<std::size_t>(used, 1 << 16);
  }
  bytes.resize(used);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return make_error(ErrorCode::kUnreadable, "读取文件时发生 I/O 错误");
  if (bytes.empty()) return make_error(ErrorCode::kEmpty, "文件为空（0 字节），没有可检查的内容");
  return bytes;
}

Result<std::string> read_stdin_bytes() {
  std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  if (bytes.size() > kMaxInputBytes)
    return make_error(ErrorCode::kTooLarge, "标准输入超过 512 MiB，拒绝读取");
  if (bytes.empty()) return make_error(ErrorCode::kEmpty, "标准输入为空，没有可检查的内容");
  return bytes;
}

Result<ReadOptions> read_options(const std::optional<std::string>& xml_map,
                                 const std::optional<std::string>& html_selector) {
  ReadOptions o;
  if (xml_map) {
    auto m = parse_xml_map(*xml_map);
    if (!m.ok()) return m.error();
    o.xml_map = *m;
  }
  if (html_selector) o.html_selector = *html_selector;
  return o;
}

Result<model::Document> read_document(std::string_view bytes, std::string_view name, const ReadOptions& options) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  const std::string ext = lower_extension(name);

  if (starts("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return ole_error(bytes);
  if (starts("PK\x03\x04") || starts("PK\x05\x06")) {
    // ODT and DOCX are both zip containers: the parts inside decide.
    auto zip = ZipArchive::open(bytes, options.zip);
    if (zip.ok() && !(*zip)->contains("word/document.xml") && (*zip)->contains("content.xml"))
      return read_odt(bytes, options.zip);
    return read_docx(bytes, options.zip, options.docx_run_map);
  }
  if (starts("%PDF-"))
    return make_error(ErrorCode::kUnsupported, "这是 PDF 文件；wenfeng 读取可编辑的文稿，请提供 .docx 或文本");
  if (ext == "docx" || ext == "docm" || ext == "dotx" || ext == "dotm")
    return make_error(ErrorCode::kNotZip,
                      "扩展名是 ." + ext + "，但内容不是 zip 容器（可能已损坏、被截断，或其实是别的格式）；请在 Word 中打开后另存为 .docx");
  if (ext == "doc" || ext == "wps")
    return make_error(ErrorCode::kLegacyFormat, "旧版 ." + ext + " 文件不受支持；请“另存为” .docx 后再检查");
  if (ext == "odt" || ext == "ott")
    return make_error(ErrorCode::kNotZip, "扩展名是 ." + ext + "，但内容不是 zip 容器（可能已损坏或被截断）");
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return read_html(bytes, name, options.html_selector);
  if (ext == "fodt") return read_fodt(bytes, name);
  if (ext == "xml" || ext == "nml" || ext == "newsml") return read_xml(bytes, name, options.xml_map);
  if (ext != "txt" && ext != "text") {
    // No telling extension: markup is recognised by its first characters.
    std::string_view head = bytes.substr(0, 2048);
    if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.remove_prefix(3);
    while (!head.empty() && (head[0] == ' ' || head[0] == '\n' || head[0] == '\r' || head[0] == '\t')) head.remove_prefix(1);
    if (!head.empty() && head[0] == '<') {
      std::string lower(head);
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower.find("<html") != std::string::npos || lower.rfind("<!doctype html", 0) == 0)
        return read_html(bytes, name, options.html_selector);
      if (lower.find("office:document") != std::string::npos) return read_fodt(bytes, name);
      return read_xml(bytes, name, options.xml_map);
    }
  }
  return read_text(bytes, name);
}

}  // namespace wenfeng::readers
