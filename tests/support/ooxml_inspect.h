// Reading what a DOCX writer produced, independently of the writer: zip entries (as stored
// and inflated), the comments with the final-view text each is anchored on, and a revision
// resolver that accepts every tracked change (as Word's "Accept All" does).
#pragma once

#include <string>
#include <vector>

namespace wenfeng::testing {

std::vector<std::string> entry_names(const std::string& docx);
std::string entry(const std::string& docx, const std::string& name);
// The entry's compressed bytes as stored in the zip.
std::string raw_entry(const std::string& docx, const std::string& name);

struct AnchoredComment {
  std::string id, author, initials;
  std::string text;      // the comment's paragraphs joined by '\n'
  std::string anchored;  // the final-view text between its range markers
  std::string part;      // where its range is
  bool referenced = false;
};
// Every comment of comments.xml with its anchor in the main part, footnotes or endnotes.
std::vector<AnchoredComment> comments(const std::string& docx);

// The package with every revision accepted: w:del and w:moveFrom dropped, w:ins and
// w:moveTo unwrapped, in the main part, footnotes and endnotes.
std::string accept_all(const std::string& docx);

// The package with one more entry, stored (not compressed), as Word stores pictures.
std::string with_stored_entry(const std::string& docx, const std::string& name, const std::string& content);

// How many elements of local name `local` a part holds.
std::size_t count_elements(const std::string& xml, const std::string& local);

}  // namespace wenfeng::testing
