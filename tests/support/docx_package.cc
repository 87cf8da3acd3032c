#include "support/docx_package.h"

#include <zip.h>

#include <cstdio>

#include "annotate/xml_scan.h"

namespace wenfeng::testing {

std::string xml_escape(std::string_view s) { return annotate::xml::escape(s); }

Result<std::string> zip_files(const std::vector<std::pair<std::string, std::string>>& files, bool deflate) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* mem = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!mem) return make_error(ErrorCode::kInternal, "无法创建 zip 缓冲区");
  zip_source_keep(mem);
  zip_t* z = zip_open_from_source(mem, ZIP_TRUNCATE, &err);
  if (!z) {
    zip_source_free(mem);
    return make_error(ErrorCode::kInternal, "无法创建 zip 容器");
  }
  for (const auto& [name, content] : files) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    const zip_int64_t idx = s ? zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      zip_discard(z);
      zip_source_free(mem);
      return make_error(ErrorCode::kInternal, "无法写入 zip 条目 " + name);
    }
    if (!deflate) zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  if (zip_close(z) < 0) {
    zip_discard(z);
    zip_source_free(mem);
    return make_error(ErrorCode::kInternal, "无法完成 zip 容器");
  }
  std::string out;
  if (zip_source_open(mem) == 0) {
    zip_source_seek(mem, 0, SEEK_END);
    const zip_int64_t len = zip_source_tell(mem);
    zip_source_seek(mem, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(len > 0 ? len : 0));
    if (len > 0) zip_source_read(mem, out.data(), static_cast<zip_uint64_t>(len));
    zip_source_close(mem);
  }
  zip_source_free(mem);
  return out;
}

Result<std::string> build_docx(const DocxParts& p) {
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  const std::string ns = kWordNamespaces;
  std::vector<std::pair<std::string, std::string>> files;
  std::string types =
      decl +
      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
  std::string rels = decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  int rid = 0;
  const std::string rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  auto add_part = [&](const std::string& type, const std::string& file, const std::string& root,
                      const std::string& inner, const std::string& content_type) {
    if (inner.empty()) return;
    files.emplace_back("word/" + file, decl + "<w:" + root + " " + ns + ">" + inner + "</w:" + root + ">");
    rels += "<Relationship Id=\"rId" + std::to_string(++rid) + "\" Type=\"" + rel_base + type +
            "\" Target=\"" + file + "\"/>";
    types += "<Override PartName=\"/word/" + file +
             "\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml." +
             content_type + "+xml\"/>";
  };
  files.emplace_back("word/document.xml",
                     decl + "<w:document " + ns + "><w:body>" + p.body + "</w:body></w:document>");
  add_part("styles", "styles.xml", "styles", p.styles, "styles");
  add_part("numbering", "numbering.xml", "numbering", p.numbering, "numbering");
  add_part("footnotes", "footnotes.xml", "footnotes", p.footnotes, "footnotes");
  add_part("endnotes", "endnotes.xml", "endnotes", p.endnotes, "endnotes");
  add_part("comments", "comments.xml", "comments", p.comments, "comments");
  add_part("header", "header1.xml", "hdr", p.header, "header");
  add_part("footer", "footer1.xml", "ftr", p.footer, "footer");
  add_part("settings", "settings.xml", "settings", p.settings, "settings");
  add_part("fontTable", "fontTable.xml", "fonts", p.fonts, "fontTable");
  rels += "</Relationships>";
  files.emplace_back("word/_rels/document.xml.rels", rels);

  std::string pkg_rels =
      decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId1\" Type=\"" + rel_base + "officeDocument\" Target=\"word/document.xml\"/>";
  if (!p.core.empty()) {
    std::string core = decl +
                       "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">";
    for (const auto& [k, v] : p.core) {
      const std::string tag = (k == "title" || k == "creator" || k == "subject") ? "dc:" + k : "cp:" + k;
      core += "<" + tag + ">" + xml_escape(v) + "</" + tag + ">";
    }
    files.emplace_back("docProps/core.xml", core + "</cp:coreProperties>");
    pkg_rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                "metadata/core-properties\" Target=\"docProps/core.xml\"/>";
    types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>";
  }
  if (!p.app.empty()) {
    std::string app = decl + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">";
    for (const auto& [k, v] : p.app) app += "<" + k + ">" + xml_escape(v) + "</" + k + ">";
    files.emplace_back("docProps/app.xml", app + "</Properties>");
    pkg_rels += "<Relationship Id=\"rId3\" Type=\"" + rel_base + "extended-properties\" Target=\"docProps/app.xml\"/>";
    types += "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>";
  }
  if (!p.custom_properties.empty()) {
    std::string custom = decl +
                         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties\" "
                         "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">";
    int pid = 1;
    for (const auto& [k, v] : p.custom_properties)
      custom += "<property fmtid=\"{D5CDD505-2E9C-101B-9397-08002B2CF9AE}\" pid=\"" + std::to_string(++pid) +
                "\" name=\"" + xml_escape(k) + "\"><vt:lpwstr>" + xml_escape(v) + "</vt:lpwstr></property>";
    files.emplace_back("docProps/custom.xml", custom + "</Properties>");
    pkg_rels += "<Relationship Id=\"rId4\" Type=\"" + rel_base + "custom-properties\" Target=\"docProps/custom.xml\"/>";
    types += "<Override PartName=\"/docProps/custom.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.custom-properties+xml\"/>";
  }
  pkg_rels += "</Relationships>";
  types += "</Types>";
  files.insert(files.begin(), {"_rels/.rels", pkg_rels});
  files.insert(files.begin(), {"[Content_Types].xml", types});
  return zip_files(files);
}

}  // namespace wenfeng::testing
