#include "readers/input.h"

#include <algorithm>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "base/io.h"
#include "readers/docx_reader.h"
#include "readers/html_reader.h"
#include "readers/odt_reader.h"
#include "readers/text_reader.h"
#include "readers/zip_archive.h"
#include "text/utf8.h"

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

// The last line of defence behind every reader: whatever a parser let through (a character
// reference to a surrogate, a converter's oddity), nothing but valid UTF-8 leaves the
// readers. The error names the part and the paragraph.
Status check_utf8(const model::Document& doc) {
  auto bad_in = [&](const std::string& what, const std::string& where) -> Status {
    return make_error(ErrorCode::kEncoding,
                      what + "含有无效的字符（不是有效的 UTF-8，例如指向代理区或超出 Unicode 范围的字符引用）；"
                             "请在 Word/WPS 中打开后另存",
                      where);
  };
  // A UTF-8 text file's text is its own bytes, validated by the text reader and split at
  // line ends only: a second pass over them would find nothing.
  const bool validated = doc.format == model::Format::kText && doc.encoding == "UTF-8";
  const auto bad = validated ? std::string_view::npos : text::find_invalid_utf8(doc.text);
  if (bad != std::string_view::npos) {
    for (const auto& b : doc.blocks)
      if (bad >= b.begin && bad < b.end) {
        const std::string part = b.source < doc.sources.size() ? doc.sources[b.source] : std::string("正文");
        const auto para = std::to_string(b.anchors.empty() ? 0 : b.anchors.front().line);
        return bad_in("部件 " + part + " 第 " + para + " 段", part + ":" + para);
      }
    return bad_in("正文", "正文");
  }
  for (const auto& b : doc.blocks)
    if (text::find_invalid_utf8(b.label) != std::string_view::npos ||
        text::find_invalid_utf8(b.style) != std::string_view::npos)
      return bad_in("编号或样式名", b.source < doc.sources.size() ? doc.sources[b.source] : std::string("正文"));
  for (const auto& [key, value] : doc.properties)
    if (text::find_invalid_utf8(key) != std::string_view::npos || text::find_invalid_utf8(value) != std::string_view::npos)
      return bad_in("文档属性", "docProps");
  for (const auto& name : doc.sources)
    if (text::find_invalid_utf8(name) != std::string_view::npos) return bad_in("容器中的部件名", "zip");
  for (const auto& c : doc.comments)
    if (text::find_invalid_utf8(c.text) != std::string_view::npos || text::find_invalid_utf8(c.id) != std::string_view::npos)
      return bad_in("批注", "comments");
  return ok_status();
}

Result<model::Document> checked(Result<model::Document> doc) {
  if (!doc.ok()) return doc;
  if (auto st = check_utf8(*doc); !st.ok()) return st.error();
  return doc;
}

}  // namespace

Result<std::string> read_file_bytes(const std::string& path) {
  auto bytes = read_regular_file(path, kMaxInputBytes);
  if (!bytes.ok()) {
    Error e = bytes.error();
    if (e.code == ErrorCode::kTooLarge) e.message += "（文稿不会这么大）";
    return e;
  }
  if (bytes->empty()) return make_error(ErrorCode::kEmpty, "文件为空（0 字节），没有可检查的内容");
  return bytes;
}

Result<std::string> read_stdin_bytes() {
  struct stat st {};
  std::size_t cap = kMaxStreamBytes, hint = 1u << 16;
  if (::fstat(0, &st) == 0) {
    if (S_ISDIR(st.st_mode)) return make_error(ErrorCode::kIsDirectory, "标准输入是一个目录，没有可检查的内容");
    if (S_ISREG(st.st_mode)) {  // a redirected file: refused from its size, as a file
      const auto size = static_cast<std::size_t>(st.st_size);
      if (size > kMaxInputBytes)
        return make_error(ErrorCode::kTooLarge, "标准输入（文件）有 " + std::to_string(size) + " 字节，超过 " +
                                                    size_text(kMaxInputBytes) + " 的上限，拒绝读取");
      cap = kMaxInputBytes;
      hint = size;
    }
  }
  auto bytes = read_capped(0, cap, hint, "标准输入");
  if (!bytes.ok()) return bytes.error();
  if (bytes->empty()) return make_error(ErrorCode::kEmpty, "标准输入为空，没有可检查的内容");
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
  if (html_selector) {
    if (auto st = check_xpath(*html_selector, true, "--html-selector"); !st.ok()) return st.error();
    o.html_selector = *html_selector;
  }
  return o;
}

namespace {

// `owned`, when given, holds the bytes `bytes` views and may be taken (a text file's text).
Result<model::Document> dispatch(std::string_view bytes, std::string_view name, const ReadOptions& options,
                                 std::string* owned = nullptr) {
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
  return owned ? read_owned_text(std::move(*owned), name) : read_text(bytes, name);
}

}  // namespace

Result<model::Document> read_document(std::string_view bytes, std::string_view name, const ReadOptions& options) {
  return checked(dispatch(bytes, name, options));
}

Result<model::Document> read_owned_document(std::string&& bytes, std::string_view name, const ReadOptions& options) {
  const std::string_view view = bytes;
  return checked(dispatch(view, name, options, &bytes));
}

}  // namespace wenfeng::readers
