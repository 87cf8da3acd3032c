// Encoding detection and conversion to UTF-8 for text inputs. This is the only place
// (with the XML readers' own declared-encoding handling) that sees non-UTF-8 bytes.
//
// Order of decisions:
//   1. BOM (UTF-8, UTF-16LE/BE, GB18030's 84 31 95 33) — authoritative;
//   2. valid UTF-8 → UTF-8;
//   3. UTF-16 without BOM when NUL bytes fall on one parity (ASCII-heavy text) — checked
//      by strict conversion;
//   4. GB18030 (a superset of GBK and GB2312) by strict conversion, when that is evident:
//      UTF-8 cut off in its last character is refused as such, and fewer than two non-ASCII
//      characters are too few to tell;
//   5. otherwise an error naming the first byte offset that no candidate could decode.
// Errors say only what is certain (no charset detector's guess). Nothing is ever decoded
// with replacement characters. A BOM with nothing after it is an empty file.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace wenfeng::readers {

struct Decoded {
  std::string utf8;
  std::string encoding;  // "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "UTF-16BE", "GB18030"
};

Result<Decoded> decode_text(std::string_view bytes);

// Strict conversion from a named ICU charset to UTF-8. On failure the error names the byte
// offset of the first undecodable sequence.
Result<std::string> convert_strict(std::string_view bytes, const char* charset);

// Step 4 above for bytes that are not valid UTF-8 (the first invalid byte at `bad_utf8`):
// the GB18030 reading, or an error saying why it is not evident. Shared with HTML.
Result<std::string> decode_gb18030_evidently(std::string_view bytes, std::size_t bad_utf8);

// True when bytes[bad..] is the beginning of a valid UTF-8 sequence cut off by the end.
bool truncated_utf8_at_end(std::string_view bytes, std::size_t bad);

// The reverse: UTF-8 to a named ICU charset, refusing characters the charset cannot hold
// (used to write a fixed file back in its own encoding).
Result<std::string> encode_strict(std::string_view utf8, const char* charset);

}  // namespace wenfeng::readers
