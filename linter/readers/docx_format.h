// What the DOCX reader captures for the page layout (layout/docx_layout.cc): paragraph and
// character formatting resolved through docDefaults, the style chain (paragraph, character
// and table styles), numbering levels and direct formatting; fonts through the theme
// (w:asciiTheme / w:eastAsiaTheme → word/theme/theme1.xml); section page setup; table
// properties. Nothing here decides a page count: it only reads what Word would use.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "model/document.h"

namespace wenfeng::readers::docx {

// Character formatting while resolving it (a run's effective rPr).
struct RunProps {
  double size = 10;        // points; OOXML's default when nothing says otherwise
  double size_cs = 10;     // w:szCs: the complex-script size (WPS sizes lines by it too)
  std::int16_t latin = -1, east_asian = -1;
  std::int16_t complex = -1;  // w:cs / w:cstheme: the complex-script font (what w:szCs sizes)
  bool hint_east_asian = false;
  double spacing = 0;      // points
  double scale = 1;
  bool bold = false;       // w:b
  std::int8_t vert = 0;    // w:vertAlign: 1 superscript, 2 subscript
};

class Formats {
 public:
  // `w`: the WordprocessingML prefix of the part being read.
  void set_prefix(const std::string& w);
  // The theme part (a:majorFont / a:minorFont).
  void load_theme(const pugi::xml_document& theme);
  // settings.xml: characterSpacingControl, defaultTabStop, compatibility options, stored
  // as "settings:NAME" properties.
  static void load_settings(const pugi::xml_document& settings, const std::string& w, model::Document& doc);
  // fontTable.xml: a font the saving Word did not have (an entry with w:altName and no
  // w:panose1, which Word writes only from an installed font) was laid out in its altName,
  // stored as "fonttable:substitute:NAME" = ALTNAME.
  static void load_font_table(const pugi::xml_document& table, const std::string& w, model::Document& doc);

  // Applies an rPr over `rp`, interning font names into doc.font_names.
  void apply_rpr(const pugi::xml_node& rpr, RunProps& rp, model::Document& doc);
  // Applies a pPr over `L` (spacing, indents, keep/widow options, snapToGrid, …).
  void apply_ppr(const pugi::xml_node& ppr, model::ParagraphLayout& L) const;

  // Section page setup; header/footer references resolved through `rel_target` (r:id → part).
  model::Section section(const pugi::xml_node& sect, const std::map<std::string, std::string>& rel_target) const;

  const std::string& w() const { return w_; }
  std::string name(const char* local) const { return w_ + ":" + local; }

 private:
  std::int16_t intern(const std::string& font, model::Document& doc);
  std::string theme_font(std::string_view ref) const;

  std::string w_ = "w";
  std::string major_latin_, major_ea_, minor_latin_, minor_ea_;
  std::map<std::string, std::int16_t, std::less<>> interned_;
  const model::Document* interned_for_ = nullptr;
};

}  // namespace wenfeng::readers::docx
