// Encoding detection and the UTF-8 primitives on arbitrary bytes: detection never yields
// invalid UTF-8; the validator, the decoder, the counts and the steps agree with each other.
#include "fuzz_support.h"
#include "readers/encoding.h"
#include "text/utf8.h"

using namespace wenfeng;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto d = readers::decode_text(s); d.ok())
    fuzz::require(text::find_invalid_utf8(d->utf8) == std::string_view::npos, "decoded text is UTF-8");
  for (const char* cs : {"GB18030", "UTF-16LE", "UTF-16BE"})
    if (auto r = readers::convert_strict(s, cs); r.ok())
      fuzz::require(text::find_invalid_utf8(*r) == std::string_view::npos, "converted text is UTF-8");
  // The decoder steps 1–4 bytes, never past the end, and gives no replacement exactly when
  // the validator accepts.
  const auto bad = text::find_invalid_utf8(s);
  std::size_t n = 0;
  bool replaced = false;
  const char* p = s.data();
  const char* const e = p + s.size();
  while (p < e) {
    const char* before = p;
    const char32_t c = text::decode(p, e);
    fuzz::require(p > before && p <= e && p - before <= 4, "decode steps 1-4 bytes within the range");
    if (c == text::kReplacement && !(p - before == 3 && std::string_view(before, 3) == "\xEF\xBF\xBD")) replaced = true;
    fuzz::require(c < 0x110000 && !(c >= 0xD800 && c <= 0xDFFF), "decode gives scalar values");
    ++n;
  }
  fuzz::require(replaced == (bad != std::string_view::npos), "validator and decoder agree");
  if (bad == std::string_view::npos) {
    fuzz::require(n == text::codepoint_count(s), "count = decoded code points");
    std::string again;
    for (auto cp : text::code_points(s)) text::append_utf8(again, cp.cp);
    fuzz::require(again == s, "decode and encode round-trip");
  }
  fuzz::require(text::step_forward(s, 0, size) == s.size(), "step_forward reaches the end");
  fuzz::require(text::step_back(s, s.size(), size) == 0, "step_back reaches the start");
  (void)text::display_width(s);
  (void)text::is_blank(s);
  return 0;
}
