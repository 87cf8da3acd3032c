// text.duplicate-paragraph's comparisons, for its tests: a paragraph's texts are compared
// word for word (an exact hash, then the bytes) and on their Han characters and Latin letters
// alone (a normalised hash and count, then those characters, compared in place).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wenfeng::rules::duplicate {

// Whether a code point counts in the normalised comparison: a Han character or an ASCII letter.
bool kept(char32_t c);

// The hash of a paragraph's bytes.
std::uint64_t exact_hash(std::string_view t);

// The hash of a paragraph's kept characters (in the order they come) and how many there are.
// Equal normalised texts (same_normalised) have equal digests. `scratch` is working space
// (kept from paragraph to paragraph: it grows to the longest).
struct Digest {
  std::uint64_t hash = 0;
  std::size_t kept = 0;
};
Digest normalised_digest(std::string_view t, std::string& scratch);

// Whether a and b have the same kept characters, in the same order: each is decoded as
// text::decode would, an invalid sequence being one U+FFFD (never kept).
bool same_normalised(std::string_view a, std::string_view b);

}  // namespace wenfeng::rules::duplicate
