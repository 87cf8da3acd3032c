#include "support/ooxml_inspect.h"

#include <zip.h>

#include <pugixml.hpp>

#include <map>
#include <set>

#include "support/docx_package.h"

namespace wenfeng::testing {
namespace {

std::string local(const char* name) {
  std::string n(name);
  const auto c = n.find(':');
  return c == std::string::npos ? n : n.substr(c + 1);
}

zip_t* open_zip(const std::string& docx) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(docx.data(), docx.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  if (!z && src) zip_source_free(src);
  zip_error_fini(&err);
  return z;
}

std::string read_entry(const std::string& docx, const std::string& name, zip_flags_t flags) {
  zip_t* z = open_zip(docx);
  if (!z) return {};
  std::string out;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), flags)) {
    char buf[1 << 15];
    zip_int64_t n;
    while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_fclose(f);
  }
  zip_discard(z);
  return out;
}

const char* kParts[] = {"word/document.xml", "word/footnotes.xml", "word/endnotes.xml"};

}  // namespace

std::vector<std::string> entry_names(const std::string& docx) {
  std::vector<std::string> out;
  zip_t* z = open_zip(docx);
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) out.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), 0));
  zip_discard(z);
  return out;
}

std::string entry(const std::string& docx, const std::string& name) { return read_entry(docx, name, 0); }
std::string raw_entry(const std::string& docx, const std::string& name) {
  return read_entry(docx, name, ZIP_FL_COMPRESSED);
}

std::size_t count_elements(const std::string& xml, const std::string& name) {
  pugi::xml_document d;
  d.load_string(xml.c_str());
  std::size_t n = 0;
  for (auto node : d.select_nodes("//*")) n += local(node.node().name()) == name;
  return n;
}

std::vector<AnchoredComment> comments(const std::string& docx) {
  std::vector<AnchoredComment> out;
  std::map<std::string, std::size_t> by_id;
  pugi::xml_document c;
  c.load_string(entry(docx, "word/comments.xml").c_str());
  for (auto e : c.document_element().children()) {
    if (local(e.name()) != "comment") continue;
    AnchoredComment a;
    a.id = e.attribute("w:id").value();
    a.author = e.attribute("w:author").value();
    a.initials = e.attribute("w:initials").value();
    for (auto p : e.children()) {
      std::string t;
      for (auto n : p.select_nodes(".//w:t")) t += n.node().text().get();
      a.text += (a.text.empty() ? "" : "\n") + t;
    }
    by_id[a.id] = out.size();
    out.push_back(a);
  }
  for (const char* part : kParts) {
    const std::string xml = entry(docx, part);
    if (xml.empty()) continue;
    pugi::xml_document d;
    d.load_string(xml.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    std::set<std::string> open;
    // Document order, leaving deleted text out.
    struct Walker : pugi::xml_tree_walker {
      std::set<std::string>* open;
      std::vector<AnchoredComment>* out;
      std::map<std::string, std::size_t>* by_id;
      const char* part;
      bool for_each(pugi::xml_node& n) override {
        const std::string l = local(n.name());
        const std::string id = n.attribute("w:id").value();
        for (auto a = n.parent(); a; a = a.parent())
          if (local(a.name()) == "del" || local(a.name()) == "moveFrom") return true;
        if (l == "commentRangeStart") {
          open->insert(id);
          if (by_id->count(id)) (*out)[(*by_id)[id]].part = part;
        } else if (l == "commentRangeEnd") {
          open->erase(id);
        } else if (l == "commentReference" && by_id->count(id)) {
          (*out)[(*by_id)[id]].referenced = true;
        } else if (l == "t" || l == "tab") {
          const std::string t = l == "t" ? n.text().get() : "\t";
          for (const auto& o : *open)
            if (by_id->count(o)) (*out)[(*by_id)[o]].anchored += t;
        }
        return true;
      }
    } w;
    w.open = &open;
    w.out = &out;
    w.by_id = &by_id;
    w.part = part;
    d.traverse(w);
  }
  return out;
}

std::string with_stored_entry(const std::string& docx, const std::string& name, const std::string& content) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  zip_error_fini(&err);
  std::vector<std::string> keep;
  for (const auto& n : entry_names(docx)) keep.push_back(entry(docx, n));
  const auto names = entry_names(docx);
  for (std::size_t i = 0; i < names.size(); ++i)
    zip_file_add(z, names[i].c_str(), zip_source_buffer(z, keep[i].data(), keep[i].size(), 0), 0);
  const zip_int64_t at = zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0), 0);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);
  zip_close(z);
  std::string out;
  zip_source_open(src);
  zip_source_seek(src, 0, SEEK_END);
  out.resize(static_cast<std::size_t>(zip_source_tell(src)));
  zip_source_seek(src, 0, SEEK_SET);
  zip_source_read(src, out.data(), out.size());
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

std::string accept_all(const std::string& docx) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& name : entry_names(docx)) {
    std::string content = entry(docx, name);
    bool revisable = false;
    for (const char* p : kParts) revisable |= name == p;
    if (revisable) {
      pugi::xml_document d;
      d.load_string(content.c_str(), pugi::parse_default | pugi::parse_ws_pcdata_single);
      std::vector<pugi::xml_node> drop, unwrap;
      for (auto x : d.select_nodes("//w:del | //w:moveFrom")) drop.push_back(x.node());
      for (auto x : d.select_nodes("//w:ins | //w:moveTo")) unwrap.push_back(x.node());
      for (auto n : drop)
        if (local(n.parent().name()) != "rPr") n.parent().remove_child(n);
      for (auto n : unwrap) {
        if (local(n.parent().name()) == "rPr") continue;
        auto parent = n.parent();
        while (n.first_child()) parent.insert_move_before(n.first_child(), n);
        parent.remove_child(n);
      }
      struct Out : pugi::xml_writer {
        std::string s;
        void write(const void* data, size_t size) override { s.append(static_cast<const char*>(data), size); }
      } w;
      d.save(w, "", pugi::format_raw);
      content = w.s;
    }
    files.emplace_back(name, content);
  }
  auto z = zip_files(files);
  return z.ok() ? *z : std::string();
}

}  // namespace wenfeng::testing
