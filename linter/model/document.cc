#include "model/document.h"

#include <algorithm>

#include "text/utf8.h"

namespace wenfeng::model {

const char* story_name(Story s) {
  switch (s) {
    case Story::kMain: return "main";
    case Story::kFootnote: return "footnote";
    case Story::kEndnote: return "endnote";
    case Story::kHeader: return "header";
    case Story::kFooter: return "footer";
    case Story::kComment: return "comment";
    case Story::kTextBox: return "textbox";
  }
  return "main";
}

const char* role_name(Role r) {
  switch (r) {
    case Role::kBody: return "body";
    case Role::kTitle: return "title";
    case Role::kHeading: return "heading";
    case Role::kListItem: return "list-item";
    case Role::kTableCell: return "table-cell";
    case Role::kByline: return "byline";
    case Role::kContents: return "contents";
  }
  return "body";
}

const char* format_name(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kDocx: return "docx";
    case Format::kXml: return "xml";
    case Format::kNewsml: return "newsml";
    case Format::kHtml: return "html";
    case Format::kOdt: return "odt";
    case Format::kFodt: return "fodt";
  }
  return "text";
}

SourcePosition Document::position(std::size_t block_index, std::uint32_t byte_offset) const {
  const Block& b = blocks[block_index];
  SourcePosition pos;
  pos.source = b.source < sources.size() ? std::string_view(sources[b.source]) : std::string_view();
  if (b.anchors.empty()) {
    pos.line = 1;
    pos.column = 1 + static_cast<std::uint32_t>(text::codepoints_before(block_text(b), byte_offset));
    return pos;
  }
  // Last anchor at or before byte_offset.
  auto it = std::upper_bound(b.anchors.begin(), b.anchors.end(), byte_offset,
                             [](std::uint32_t off, const SourceAnchor& a) { return off < a.text_offset; });
  if (it != b.anchors.begin()) --it;
  const std::string_view t = block_text(b);
  const auto from = std::min<std::size_t>(it->text_offset, t.size());
  const auto to = std::min<std::size_t>(byte_offset, t.size());
  pos.line = it->line;
  pos.column = it->column +
               static_cast<std::uint32_t>(to > from ? text::codepoint_count(t.substr(from, to - from)) : 0);
  return pos;
}

std::vector<std::uint32_t> paragraph_numbers(const Document& doc) {
  std::vector<std::uint32_t> out(doc.blocks.size());
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    n += doc.blocks[i].story == Story::kMain;
    out[i] = n;
  }
  return out;
}

int title_block(const Document& doc) {
  int first = -1;
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story != Story::kMain || b.directive) continue;
    if (b.role == Role::kTitle) return static_cast<int>(i);
    if (first < 0 && !text::is_blank(doc.block_text(b))) first = static_cast<int>(i);
  }
  return first;
}

int lead_block(const Document& doc) {
  const int t = title_block(doc);
  for (std::size_t i = static_cast<std::size_t>(t + 1); i < doc.blocks.size(); ++i) {
    const auto& b = doc.blocks[i];
    if (b.story == Story::kMain && !b.directive && b.role != Role::kTitle && !text::is_blank(doc.block_text(b)))
      return static_cast<int>(i);
  }
  return -1;
}

DocumentBuilder::DocumentBuilder(Format format) { doc_.format = format; }

std::uint16_t DocumentBuilder::add_source(std::string name) {
  for (std::size_t i = 0; i < doc_.sources.size(); ++i)
    if (doc_.sources[i] == name) return static_cast<std::uint16_t>(i);
  doc_.sources.push_back(std::move(name));
  return static_cast<std::uint16_t>(doc_.sources.size() - 1);
}

Block& DocumentBuilder::open(Story story, Role role, std::uint16_t source, std::uint32_t line,
                             std::uint32_t column) {
  if (open_) close();
  Block b;
  b.story = story;
  b.role = role;
  b.source = source;
  b.begin = b.end = static_cast<std::uint32_t>(doc_.text.size());
  b.anchors.push_back(SourceAnchor{0, line, column});
  doc_.blocks.push_back(std::move(b));
  open_ = true;
  return doc_.blocks.back();
}

void DocumentBuilder::append(char32_t cp) { text::append_utf8(doc_.text, cp); }

std::uint32_t DocumentBuilder::current_offset() const {
  return open_ ? static_cast<std::uint32_t>(doc_.text.size()) - doc_.blocks.back().begin : 0;
}

void DocumentBuilder::anchor(std::uint32_t line, std::uint32_t column) {
  if (!open_) return;
  Block& b = doc_.blocks.back();
  const std::uint32_t off = current_offset();
  if (!b.anchors.empty() && b.anchors.back().text_offset == off) {
    b.anchors.back().line = line;
    b.anchors.back().column = column;
  } else {
    b.anchors.push_back(SourceAnchor{off, line, column});
  }
}

void DocumentBuilder::trim_trailing_spaces() {
  if (!open_) return;
  const std::uint32_t begin = doc_.blocks.back().begin;
  while (doc_.text.size() > begin && doc_.text.back() == ' ') doc_.text.pop_back();
  auto& anchors = doc_.blocks.back().anchors;
  const auto end = current_offset();
  while (anchors.size() > 1 && anchors.back().text_offset > end) anchors.pop_back();
}

void DocumentBuilder::close() {
  if (!open_) return;
  doc_.blocks.back().end = static_cast<std::uint32_t>(doc_.text.size());
  open_ = false;
}

Document DocumentBuilder::finish() {
  close();
  return std::move(doc_);
}

}  // namespace wenfeng::model
