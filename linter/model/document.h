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
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>
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
  kContents,   // an entry of a table of contents (DOCX TOC field or TOC style): never body text or an item
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

// A block's anchors, sorted by text_offset: one held in place (a text file's line, most
// paragraphs of any format), more in a vector of their own. Read as a contiguous range.
class Anchors {
 public:
  Anchors() = default;
  Anchors(std::initializer_list<SourceAnchor> list) {
    for (const auto& a : list) push_back(a);
  }
  Anchors(const Anchors& o) : one_(o.one_), n_(o.n_) {
    if (o.many_) many_ = std::make_unique<std::vector<SourceAnchor>>(*o.many_);
  }
  Anchors(Anchors&&) noexcept = default;
  Anchors& operator=(const Anchors& o) {
    if (this != &o) *this = Anchors(o);
    return *this;
  }
  Anchors& operator=(Anchors&&) noexcept = default;
  ~Anchors() = default;

  bool empty() const { return n_ == 0; }
  std::size_t size() const { return n_; }
  const SourceAnchor* begin() const { return n_ > 1 ? many_->data() : &one_; }
  const SourceAnchor* end() const { return begin() + n_; }
  SourceAnchor* begin() { return n_ > 1 ? many_->data() : &one_; }
  SourceAnchor* end() { return begin() + n_; }
  const SourceAnchor& operator[](std::size_t i) const { return begin()[i]; }
  const SourceAnchor& front() const { return *begin(); }
  const SourceAnchor& back() const { return end()[-1]; }
  SourceAnchor& back() { return end()[-1]; }
  void push_back(const SourceAnchor& a) {
    if (n_ == 0) one_ = a;
    else if (n_ == 1) many_ = std::make_unique<std::vector<SourceAnchor>>(std::vector<SourceAnchor>{one_, a});
    else many_->push_back(a);
    ++n_;
  }
  void pop_back() {
    if (n_ == 0) return;
    if (n_ == 2) {
      one_ = (*many_)[0];
      many_.reset();
    } else if (n_ > 2) {
      many_->pop_back();
    }
    --n_;
  }

 private:
  SourceAnchor one_{};
  std::uint32_t n_ = 0;
  std::unique_ptr<std::vector<SourceAnchor>> many_;  // all of them when there are two or more
};

// A short string held by a pointer (8 bytes; none allocated when empty): a block's list
// label and style id, empty on nearly every paragraph of a large text.
class ShortString {
 public:
  ShortString() = default;
  ShortString(std::string_view s) { assign(s); }  // NOLINT: a string, as std::string converts
  ShortString(const std::string& s) { assign(s); }  // NOLINT
  ShortString(const char* s) { assign(s); }  // NOLINT
  ShortString(const ShortString& o) { assign(o.view()); }
  ShortString(ShortString&&) noexcept = default;
  ShortString& operator=(const ShortString& o) {
    if (this != &o) assign(o.view());
    return *this;
  }
  ShortString& operator=(ShortString&&) noexcept = default;
  ShortString& operator=(std::string_view s) {
    assign(s);
    return *this;
  }
  ShortString& operator=(const std::string& s) { return *this = std::string_view(s); }
  ShortString& operator=(const char* s) { return *this = std::string_view(s); }
  ~ShortString() = default;

  std::string_view view() const {
    if (!p_) return {};
    std::uint32_t n;
    std::memcpy(&n, p_.get(), sizeof n);
    return {p_.get() + sizeof n, n};
  }
  operator std::string_view() const { return view(); }  // NOLINT
  std::string str() const { return std::string(view()); }
  operator std::string() const { return str(); }  // NOLINT
  bool empty() const { return !p_; }
  std::size_t size() const { return view().size(); }
  const char* data() const { return view().data(); }
  std::string_view substr(std::size_t pos, std::size_t n = std::string_view::npos) const { return view().substr(pos, n); }
  friend bool operator==(const ShortString& a, const ShortString& b) { return a.view() == b.view(); }
  friend bool operator==(const ShortString& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const ShortString& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const ShortString& a, const char* b) { return a.view() == b; }

 private:
  void assign(std::string_view s) {
    if (s.empty()) {
      p_.reset();
      return;
    }
    std::unique_ptr<char[]> p(new char[sizeof(std::uint32_t) + s.size()]);
    const auto n = static_cast<std::uint32_t>(s.size());
    std::memcpy(p.get(), &n, sizeof n);
    std::memcpy(p.get() + sizeof n, s.data(), s.size());
    p_ = std::move(p);
  }
  std::unique_ptr<char[]> p_;  // [u32 size][bytes]
};

// Page setup of one DOCX section, in points.
struct Section {
  double page_w = 595.3, page_h = 841.9;  // A4
  double m_top = 72, m_bottom = 72, m_left = 90, m_right = 90, m_header = 36, m_footer = 36, gutter = 0;
  int cols = 1;
  double col_space = 36;
  double col_w = 0;        // first column's width when columns are unequal (w:col), else 0
  std::string grid;        // "", "default", "lines", "linesAndChars", "snapToChars"
  double line_pitch = 0;   // points
  double char_space = 0;   // w:charSpace (1/4096 pt relative to the Normal font size)
  std::string start;       // section break type: nextPage (default), continuous, oddPage, evenPage, nextColumn
  bool title_page = false; // w:titlePg: the first page has its own header and footer
  // Header and footer parts (zip entry names) by reference type; empty: none given (Word
  // then uses the previous section's).
  std::string header_default, header_first, footer_default, footer_first;
};

// One stretch of a paragraph's text with the same character formatting. Fonts are
// indices into Document::font_names (the names as resolved from the theme, styles and
// direct formatting); -1 means none given (the layout's default applies).
struct RunFormat {
  std::uint32_t offset = 0;    // byte offset in the block text where the run starts
  float size = 10.5f;          // points
  float size_cs = 0;           // w:szCs, points (WPS sizes the line by it too, in the w:cs font)
  float spacing = 0;           // w:spacing: extra points after every character
  float scale = 1;             // w:w: horizontal scale
  std::int16_t latin = -1;     // w:ascii / w:hAnsi font
  std::int16_t east_asian = -1;  // w:eastAsia font
  std::int16_t complex = -1;     // w:cs font (WPS: a Chinese one does not size the line by size_cs)
  bool hint_east_asian = false;  // w:hint="eastAsia": shared punctuation (“” … —) in the East Asian font
  bool bold = false;             // w:b (a bulletin's item titles are often set in bold)
  std::int8_t vert = 0;          // w:vertAlign: 1 superscript, 2 subscript
};

// A custom tab stop (w:tabs), from the margin.
struct TabStop {
  float pos = 0;          // points from the margin (negative: in the left margin)
  std::uint8_t kind = 0;  // 0 left (also num and bar), 1 right, 2 center, 3 decimal
};

// A picture, shape, object or text box in the line, at `offset` in the block text.
struct InlineObject {
  std::uint32_t offset = 0;
  float w = 0, h = 0;          // points
};

// A float anchored in a paragraph (picture, shape, text box) that pushes the text.
struct Float {
  double w = 0, h = 0;         // extent, points
  std::uint8_t wrap = 0;       // 0 none/behind/in front, 1 top and bottom, 2 square/tight/through
  // A text box that grows to fit its text (a:spAutoFit, VML mso-fit-shape-to-text): its
  // text's blocks (Story::kTextBox, [box_first, box_first + box_count)) and insets.
  bool fit = false;
  std::int32_t box_first = -1, box_count = 0;
  float inset_v = 7.2f, inset_h = 14.4f;  // top + bottom, left + right, points
  float dist_v = 0;            // wrap top and bottom: the distance kept above and below it, in h
  // Square, tight and through wrapping: where the object stands across the page
  // (wp:positionH) and on which sides text may flow (wrapText).
  std::uint8_t h_from = 0;     // 0 unknown, 1 column or margin, 2 page
  std::uint8_t h_align = 0;    // 0 offset x, 1 left, 2 center, 3 right
  std::uint8_t wrap_text = 0;  // 0 bothSides, 1 left, 2 right, 3 largest
  float x = 0;                 // offset of its left edge, points
  float dist_l = 0, dist_r = 0;  // distL, distR, points
  // Where it stands down the page (wp:positionV): 0 unknown, 1 from its anchor paragraph
  // (or the anchor's line), 2 margin, 3 page; the offset of its top edge; distT, distB.
  std::uint8_t v_from = 0;
  float y = 0;
  float dist_t = 0, dist_b = 0;
};

// Layout inputs of a DOCX paragraph, resolved from docDefaults, styles, numbering and
// direct formatting (points).
struct ParagraphLayout {
  double font_pt = 10.5;       // the paragraph mark's size (an empty paragraph's line)
  double font_cs_pt = 0;       // the paragraph mark's w:szCs
  std::int16_t mark_latin = -1, mark_east_asian = -1;  // the paragraph mark's fonts
  std::int16_t mark_complex = -1;                      // the paragraph mark's w:cs font
  // The list label's fonts and size: the mark's with the numbering level's w:rPr over them
  // (-1 / 0: the mark's).
  std::int16_t label_latin = -1, label_east_asian = -1;
  float label_pt = 0;
  std::vector<RunFormat> runs; // character formatting, by offset; empty: the mark's throughout
  double before = 0, after = 0;
  double before_lines = -1, after_lines = -1;  // w:beforeLines/afterLines (lines), -1 unset
  bool before_auto = false, after_auto = false;  // beforeAutospacing/afterAutospacing
  double line = 240;           // w:spacing/@w:line (240ths for auto, twips→pt otherwise)
  std::uint8_t line_rule = 0;  // 0 auto (multiple of single), 1 exact, 2 atLeast
  double ind_left = 0, ind_right = 0, ind_first = 0;  // ind_first < 0: hanging
  double ind_first_chars = 0;  // firstLineChars / hangingChars (characters; < 0 hanging), overrides ind_first
  double ind_left_chars = 0, ind_right_chars = 0;     // leftChars / rightChars, override
  bool snap_to_grid = true;
  bool framed = false;         // w:framePr: positioned in a frame, outside the text flow
  bool mark_hidden = false;    // the paragraph mark is hidden text (w:vanish in its rPr or its style)
  bool justified = false;      // w:jc both / distribute (Word's line-end punctuation rules depend on it)
  bool auto_space_de = true, auto_space_dn = true;  // w:autoSpaceDE / autoSpaceDN (Han next to Latin / digits)
  bool word_wrap = true;  // w:wordWrap: off lets Latin text wrap in the middle of a word
  bool overflow_punct = true;  // w:overflowPunct: off, no mark hangs past the margin
  bool keep_next = false, keep_lines = false, widow_control = false, contextual = false;
  // Paragraph borders (w:pBdr): what each horizontal border adds to the paragraph's height,
  // its space from the text plus its width (points), and a digest of all four sides' and the
  // between border's settings: consecutive paragraphs with the same digest and indents form
  // one bordered group (a top border above the first only, a bottom below the last only).
  float bdr_top = 0, bdr_bottom = 0, bdr_between = 0;
  std::uint32_t bdr_key = 0;
  std::uint8_t label_suffix = 0;  // list label followed by 0 tab, 1 space, 2 nothing
  std::vector<TabStop> tabs;   // custom tab stops through styles, numbering and direct formatting, by position
  std::vector<InlineObject> inlines;  // inline pictures, shapes, objects
  std::vector<Float> floats;   // anchored objects
  std::vector<std::uint32_t> page_breaks;    // offsets of page breaks inside the text (> 0)
  std::vector<std::uint32_t> column_breaks;  // offsets of column breaks
  std::vector<std::uint32_t> line_breaks;    // offsets where a line must end (display equations)
  std::vector<std::int32_t> notes;           // footnote ids referenced here
  std::vector<std::int32_t> endnotes;        // endnote ids referenced here
  std::int32_t note_id = -1;   // for a footnote's own paragraphs: its id
  bool rendered_break = false; // holds a w:lastRenderedPageBreak (Word's last layout started a page here)
  bool leading_break = false;  // starts with a w:br page break (page_break_before then comes from it)
  // Tables (paragraphs inside cells carry the outermost table's place).
  std::int32_t table = -1;     // table id, row and cell for table paragraphs
  std::int32_t row = -1, cell = -1;
  double cell_w = 0;           // cell width (grid columns × span, else tcW), 0 unknown
  std::int32_t cells_in_row = 0;
  double table_w = 0;          // table width if given
  double cell_margin_l = 5.4, cell_margin_r = 5.4, cell_margin_t = 0, cell_margin_b = 0;
  double row_h = 0;            // w:trHeight
  std::uint8_t row_rule = 0;   // 0 atLeast, 1 exact
  double row_border = 0.5;     // what the row's horizontal borders add to its height (points)
  bool header_row = false, cant_split = false;
  std::uint8_t v_merge = 0;    // 0 none, 1 restart, 2 continue
  std::int32_t grid_col = 0, grid_span = 1;  // the cell's first grid column and span
  // A floating table (w:tblpPr): its vertical anchor (0 in the text flow, 1 text, 2 margin,
  // 3 page) and tblpY (points from the anchor).
  std::uint8_t float_anchor = 0;
  double float_y = 0;
  // Across the page: tblpX (points) from horzAnchor (0 text, 1 margin, 2 page) or tblpXSpec
  // (0 none, 1 left, 2 center, 3 right), and leftFromText / rightFromText (points).
  double float_x = 0, float_dist_l = 0, float_dist_r = 0;
  std::uint8_t float_h_from = 0, float_x_spec = 0;
  bool nested = false;         // inside a table inside this cell
  std::int32_t inner_row = -1, inner_cell = -1;  // nested: the innermost table's row (unique) and cell
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
  std::uint16_t source = 0;       // index into Document::sources (part name / file name)
  std::uint32_t begin = 0;        // byte range in Document::text
  std::uint32_t end = 0;
  ShortString label;              // generated list label ("一、", "（1）"); not in `text`
  ShortString style;              // paragraph style id, if any
  Anchors anchors;                // sorted by text_offset; anchors[0].text_offset == 0
};

// DOCX: where a stretch of block text comes from in its part's XML, so that tools writing
// back into the file (linter/annotate/) reuse the reader's text extraction. Recorded only
// when asked (readers::ReadOptions::docx_run_map). Byte offsets are into the part exactly as
// stored in the package (pugixml's in-place parse keeps them).
struct TextOrigin {
  enum Kind : std::uint8_t {
    kText,     // w:t content: `xml` is its first byte (entities in the source count as written)
    kElement,  // one element giving characters (w:tab, w:br, w:cr, w:sym, hyphens): `xml` is its '<'
  };
  std::uint32_t block = 0;        // index into Document::blocks
  std::uint32_t text_offset = 0;  // byte offset in the block text
  std::uint32_t length = 0;       // bytes of block text
  std::uint32_t xml = 0;          // see Kind
  std::uint32_t run = 0;          // byte offset of the '<' of the enclosing w:r
  std::uint16_t source = 0;       // the part, an index into Document::sources
  Kind kind = kText;
  bool in_revision = false;       // inside someone's tracked insertion or move (w:ins, w:moveTo)
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

// A DOCX table's grid (w:tblGrid) and how its columns are sized (w:tblLayout, ECMA-376 17.4.64).
struct TableGrid {
  std::vector<double> cols;  // grid column widths, points
  bool autofit = true;       // tblLayout absent or autofit; false: fixed
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
  std::vector<TableGrid> tables;           // DOCX tables by ParagraphLayout::table id
  std::vector<std::string> font_names;     // fonts referenced by RunFormat and ParagraphLayout
  double normal_font_pt = 10.5;            // the Normal style's size (sets a character grid's pitch)
  // Document properties: "custom:wenfeng.kind", "core:category", "core:title",
  // "app:Pages", "app:Application", "settings:characterSpacingControl", "settings:defaultTabStop", …
  std::map<std::string, std::string> properties;
  std::vector<TextOrigin> origins;         // DOCX run map, by block then offset (when asked)
  // DOCX with the run map: the main, footnote and endnote parts as stored in the package.
  std::map<std::string, std::string> part_bytes;

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
