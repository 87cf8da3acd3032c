// Byte-level navigation in well-formed XML text (a part pugixml has already parsed), for
// editing a part in place: where an element ends, its start tag, its children, and how a
// decoded character offset in a text node maps back to the bytes as written (entities).
// Iterative, linear in what it walks; never allocates.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wenfeng::annotate::xml {

// `lt` is the '<' of a start tag. Offset just past its '>' (handles quoted '>').
std::size_t start_tag_end(std::string_view x, std::size_t lt);
// True when the start tag at `lt` ends with "/>".
bool self_closing(std::string_view x, std::size_t lt);
// Offset just past the element starting at `lt` (its "/>" or its matching end tag),
// skipping comments, CDATA and processing instructions inside. npos if unterminated.
std::size_t element_end(std::string_view x, std::size_t lt);
// The qualified name of the element whose start tag is at `lt` ("w:r").
std::string_view tag_name(std::string_view x, std::size_t lt);
// "r" for "w:r".
std::string_view local_name(std::string_view qname);
// The prefix with its colon ("w:" for "w:r", "" for "r").
std::string_view prefix_of(std::string_view qname);

// Children of the element at `lt`: call next() until it returns false; `begin`/`end` is
// each child element's byte range. Text between children (whitespace) is skipped.
class Children {
 public:
  Children(std::string_view x, std::size_t lt);
  bool next();
  std::size_t begin = 0, end = 0;
  std::size_t content_end() const { return close_; }  // where the parent's end tag starts

 private:
  std::string_view x_;
  std::size_t pos_ = 0, close_ = 0;
};

// Byte offset in `x` of decoded character offset `k` of the text starting at `from`
// (entities and CRLF counted as pugixml decodes them).
std::size_t text_offset(std::string_view x, std::size_t from, std::size_t k);

// The value of attribute `name` in the start tag at `lt`, as written (no entity decoding).
std::string_view attribute(std::string_view x, std::size_t lt, std::string_view name);

// Escapes text for element content and attribute values; C0 controls XML cannot hold
// (all but tab, LF, CR) are left out.
std::string escape(std::string_view s);

}  // namespace wenfeng::annotate::xml
