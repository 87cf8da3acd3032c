// WordprocessingML numbering (numbering.xml) and paragraph styles (styles.xml): what a
// paragraph's automatic list label reads ("一、", "（1）", "①") and which paragraphs are
// titles and headings. Labels go into the model but never into the counted text, as in Word.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

namespace wenfeng::readers::docx {

// Formats n in a numFmt ("decimal", "chineseCounting", "upperRoman", …). Unknown formats
// fall back to decimal, as Word does.
std::string format_number(int n, std::string_view num_fmt);

struct LevelDef {
  int start = 1;
  std::string fmt = "decimal";
  std::string text;         // lvlText, e.g. "（%1）"
  int restart = -1;         // lvlRestart (1-based level; 0 = never); -1 = default
  bool is_lgl = false;      // legal numbering: all referenced levels in decimal
  std::string suffix;       // w:suff: "tab" (default), "space", "nothing"
  pugi::xml_node ppr;       // the level's paragraph properties (indents), for the layout
  pugi::xml_node rpr;       // the level's run properties (the label's font over the mark's)
};

class Numbering {
 public:
  // Loads numbering.xml (already parsed); `w` is the prefix for the WordprocessingML namespace.
  void load(const pugi::xml_document& doc, const std::string& w);

  // Advances the counters for (num_id, ilvl) and returns the rendered label ("" when the
  // list is unknown or the format is "none").
  std::string next_label(int num_id, int ilvl);
  // The level definition (after overrides), or nullptr.
  const LevelDef* level(int num_id, int ilvl) const;

 private:
  struct Instance {
    int abstract_id = -1;
    std::array<std::optional<int>, 9> start_override;
    std::array<std::optional<LevelDef>, 9> level_override;
    bool has_override = false;
  };
  struct Counters {
    std::array<int, 9> value{};
    std::array<bool, 9> used{};
  };
  std::map<int, std::array<LevelDef, 9>> abstract_;
  std::map<int, Instance> instances_;
  std::map<long, Counters> counters_;  // key: abstract id, or -(num id) for overridden instances
};

struct StyleInfo {
  std::string type;       // "paragraph", "character", "table"
  std::string name;       // w:name, lower-cased
  std::string based_on;
  pugi::xml_node ppr, rpr;  // the style's own properties (valid while styles.xml is alive)
  pugi::xml_node node;      // the w:style element (a table style's tblPr, tcPr, tblStylePr)
  int outline_level = -1; // 0..8, or -1
  int num_id = -1;
  int ilvl = -1;
};

class Styles {
 public:
  void load(const pugi::xml_document& doc, const std::string& w);
  // Resolved along basedOn (bounded depth). Returns nullptr for unknown ids.
  const StyleInfo* find(const std::string& id) const;
  const std::string& default_paragraph_style() const { return default_para_; }

  // Heading level (1..9) from the style chain: "heading N", Title (returns 0 and sets
  // is_title), or outlineLvl. -1 when body text.
  int heading_level(const std::string& id, bool& is_title) const;
  // A table-of-contents style along the chain: "toc 1" … "toc 9", "toc heading" (Word's
  // built-in names), "目录 1" … (as WPS names them), and custom names with 目录 or the word
  // toc in them and a level digit at the end ("TOC 标题1", "自定义目录 2").
  bool is_contents(const std::string& id) const;
  // numPr inherited from the style chain.
  void numbering(const std::string& id, int& num_id, int& ilvl) const;
  // The style chain from the root (docDefaults excluded) down to `id`.
  std::vector<const StyleInfo*> chain(const std::string& id) const;
  pugi::xml_node default_ppr, default_rpr;  // w:docDefaults
  const std::string& default_table_style() const { return default_table_; }

 private:
  std::map<std::string, StyleInfo> styles_;
  std::string default_para_;
  std::string default_table_;
};

}  // namespace wenfeng::readers::docx
