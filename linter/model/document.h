// The document model every reader produces and every rule reads.
//
// A Document owns one UTF-8 buffer (`text`) holding the text of all blocks back to back,
// and a flat vector of Blocks in reading order. A Block is a paragraph-like unit: a
// paragraph, a heading, a list item, one paragraph inside a table cell, a footnote
// paragraph, a text-box paragraph… Each block knows which *story* it belongs to (main
// text, footnotes, a header, a text box…), its role, and how to map any byte of its text
// back to the source (DOCX part + paragraph index + offset; text file line + column).
//
// Rules receive `const Document&` and string_views into `text`; they never copy it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wenfeng::model {

// Which story a block belongs to. Word counts only kMain unless asked to include more.
enum class Story : std::uint8_t { kMain, kFootnote, kEndnote, kHeader, kFooter, kComment, kTextBox };

enum class Role : std::uint8_t {
  kBody,
  kTitle,
  kHeading,    // level in Block::level (1-based)
  kListItem,   // generated label in Block::label
  kTableCell,  // a paragraph inside a table cell
  kByline,     // by-line or dateline given as its own element (NewsML-G2): never body text
};

const char* story_name(Story s);
const char* role_name(Role r);

// The input format a document was read from.
enum class Format : std::uint8_t { kText, kDocx, kXml, kNewsml, kHtml, kOdt, kFodt };
const char* format_name(Format f);  // "text", "docx", "xml", "newsml", "html", "odt", "fodt"
// Formats whose source positions are lines and columns in a markup file worth showing.
inline bool has_markup_positions(Format f) {
  return f == Format::kXml || f == Format::kNewsml || f == Format::kHtml || f == Format::kOdt || f == Format::kFodt;
}

// Where block text came from. `line` and `column` are 1-based; for DOCX, `line` is the
// 1-based paragraph index within the part and `column` the 1-based code point offset in
// that paragraph; for text files, the physical line and column.
struct SourceAnchor {
  std::uint32_t text_offset = 0;  // byte offset inside the block text where this anchor starts
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Page setup of one DOCX section, in points.
struct Section {
  double page_w = 595.3, page_h = 841.9;  // A4
  double m_top = 72, m_bottom = 72, m_left = 90, m_right = 90, m_header = 36, m_footer = 36, gutter = 0;
  int cols = 1;
  double col_space = 36;
  std::string grid;        // "", "default", "lines", "linesAndChars", "snapToChars"
  double line_pitch = 0;   // points
  double char_space = 0;   // w:charSpace (1/4096 pt relative to the Normal font size)
  std::string start;       // section break type: nextPage (default), continuous, oddPage, evenPage, nextColumn
  double header_h = 0, footer_h = 0;  // estimated height of header/footer content, points
};

// Layout inputs of a DOCX paragraph, resolved from docDefaults, styles and direct
// formatting (points).
struct ParagraphLayout {
  double font_pt = 10.5;       // the largest run size in the paragraph (or the paragraph mark's)
  double ascii_factor = 1.15;  // single-line height / font size, Latin font
  double ea_factor = 1.3;      // single-line height / font size, East Asian font
  double before = 0, after = 0;
  double line = 240;           // w:spacing/@w:line (240ths for auto, twips→pt otherwise)
  std::uint8_t line_rule = 0;  // 0 auto (multiple of single), 1 exact, 2 atLeast
  double ind_left = 0, ind_right = 0, ind_first = 0;  // ind_first < 0: hanging
  double ind_first_chars = 0;  // firstLineChars / hangingChars (characters; < 0 hanging), overrides ind_first
  bool snap_to_grid = true;
  double image_h = 0;          // tallest inline image/drawing extent
  std::int32_t table = -1;     // table id, row and cell for table paragraphs
  std::int32_t row = -1, cell = -1;
  double cell_w = 0;           // cell width if given (points), 0 unknown
  std::int32_t cells_in_row = 0;
  double table_w = 0;          // table width if given
  bool keep_lines = false;
};

struct Block {
  Story story = Story::kMain;
  Role role = Role::kBody;
  std::uint8_t level = 0;         // heading level (1..9) or list level (1..9), else 0
  bool page_break_before = false; // explicit break (w:br type=page / pageBreakBefore / section)
  bool in_table = false;          // inside a table (role may still be heading/list)
  bool directive = false;         // a wenfeng directive line (text formats): never counted
  std::uint16_t section = 0;      // DOCX section index into Document::sections
  std::int32_t layout = -1;       // index into Document::layouts (DOCX), -1 none
  std::uint32_t begin = 0;        // byte range in Document::text
  std::uint32_t end = 0;
  std::uint16_t source = 0;       // index into Document::sources (part name / file name)
  std::string label;              // generated list label ("一、", "（1）"); not in `text`
  std::string style;              // paragraph style id, if any
  std::vector<SourceAnchor> anchors;  // sorted by text_offset; anchors[0].text_offset == 0
};

// A resolved source location for reporting.
struct SourcePosition {
  std::string_view source;  // part name ("word/document.xml") or file name
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// A Word comment's anchor range in the main text (used for wenfeng-ignore suppression).
struct CommentRange {
  std::string id;
  std::uint32_t begin_block = 0, begin_offset = 0;  // byte offset within the block text
  std::uint32_t end_block = 0, end_offset = 0;
  std::string text;                                 // the comment's own text
};

// A range where findings are suppressed (DOCX comment "wenfeng-ignore", text directives).
// `only` narrows it to rule ids, dictionary lists, categories or phrases; empty = all.
struct Suppression {
  std::uint32_t begin_block = 0, begin_offset = 0;
  std::uint32_t end_block = 0, end_offset = 0;  // end exclusive
  std::vector<std::string> only;
  std::string origin;  // "DOCX 批注" / "第 3 行 wenfeng-ignore"
};

struct Document {
  Format format = Format::kText;
  std::string encoding;               // source encoding for text formats ("UTF-8", "GB18030", …)
  std::string text;                   // all block texts, back to back
  std::vector<Block> blocks;
  std::vector<std::string> sources;   // part or file names referenced by Block::source
  std::vector<CommentRange> comments;
  std::vector<Suppression> suppressions;
  std::vector<Section> sections;           // DOCX page setup, in order
  std::vector<ParagraphLayout> layouts;    // DOCX paragraph layout inputs
  // Document properties: "custom:wenfeng.kind", "core:category", "core:title",
  // "app:Pages", "app:Application", …
  std::map<std::string, std::string> properties;

  std::string_view block_text(const Block& b) const {
    return std::string_view(text).substr(b.begin, b.end - b.begin);
  }
  std::string_view block_text(std::size_t i) const { return block_text(blocks[i]); }

  // Maps a byte offset within block i to its source position.
  SourcePosition position(std::size_t block_index, std::uint32_t byte_offset) const;

  std::optional<std::string> property(const std::string& key) const {
    auto it = properties.find(key);
    if (it == properties.end()) return std::nullopt;
    return it->second;
  }
};

// For every block, its 1-based paragraph number among main-text blocks (as output
// reports it); blocks of other stories carry the number of the main paragraph before them.
std::vector<std::uint32_t> paragraph_numbers(const Document& doc);

// Index of the title block (role title, else the first non-empty main-text block), or -1.
int title_block(const Document& doc);
// Index of the lead paragraph: first non-empty main-text block after the title, or -1.
int lead_block(const Document& doc);

// Incremental builder used by readers: append text to the open block, then close it.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(Format format);

  std::uint16_t add_source(std::string name);

  // Starts a block; `line`/`column` locate its first byte in the source.
  Block& open(Story story, Role role, std::uint16_t source, std::uint32_t line,
              std::uint32_t column = 1);
  bool is_open() const { return open_; }
  Block& current() { return doc_.blocks.back(); }
  void append(std::string_view utf8) { doc_.text.append(utf8); }
  void append(char32_t cp);
  // Records that the next appended byte comes from (line, column) in the source.
  void anchor(std::uint32_t line, std::uint32_t column);
  std::uint32_t current_offset() const;  // byte offset in the open block
  void trim_trailing_spaces();            // drops ASCII spaces at the end of the open block
  void close();

  Document& doc() { return doc_; }
  Document finish();

 private:
  Document doc_;
  bool open_ = false;
};

}  // namespace wenfeng::model
