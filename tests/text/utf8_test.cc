// UTF-8 validation: every well-formed sequence passes, 4-byte ones included (supplementary
// ideographs such as 𠮷 in names); malformed ones are found at their first byte.
#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <utility>

#include "text/charclass.h"

#include "readers/input.h"
#include "text/utf8.h"

namespace {

using wenfeng::text::find_invalid_utf8;

TEST(Utf8, FourByteSequencesAreValid) {
  // 𠮷 U+20BB7, 𪚥 U+2A6A5, 𰻞 U+30EDE (Ext G), and one at the end of the string.
  for (const char* s : {"\xF0\xA0\xAE\xB7", "郑\xF0\xA0\xAE\xB7安", "本报讯（记者 林晓岚 通讯员 郑\xF0\xA0\xAE\xB7安）",
                        "\xF0\xAA\x9A\xA5\xF0\xB0\xBB\x9E", "abcdefgh\xF0\xA0\xAE\xB7", "\xF4\x8F\xBF\xBF"})
    EXPECT_EQ(find_invalid_utf8(s), std::string_view::npos) << s;
}

TEST(Utf8, MalformedSequencesAreFoundAtTheirFirstByte) {
  const std::pair<const char*, std::size_t> bad[] = {
      {"\xF0\xA0\xAE", 0},           // truncated
      {"ab\xF0\xA0\xAE\x41", 2},     // a 4-byte lead with two continuations
      {"\xF5\x80\x80\x80", 0},       // lead above F4
      {"\xF4\x90\x80\x80", 0},       // above U+10FFFF
      {"\xF0\x8F\xBF\xBF", 0},       // overlong
      {"\xED\xA0\x80", 0},           // surrogate
      {"中\xB7", 3},                  // stray continuation
  };
  for (const auto& [s, at] : bad) EXPECT_EQ(find_invalid_utf8(s), at) << s;
}

TEST(Utf8, TextDraftWithASupplementaryIdeographReadsAsUtf8) {
  const std::string draft = "标题\n本报讯（记者 郑\xF0\xA0\xAE\xB7安）正文。\n";
  auto d = wenfeng::readers::read_document(draft, "x.txt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->encoding, "UTF-8");
  EXPECT_NE(d->block_text(1).find("\xF0\xA0\xAE\xB7"), std::string_view::npos);
}

}  // namespace

// display_width's fast ranges give what its ICU lookups give (East Asian Width W or F, no
// mark, not invisible): every code point in them.
TEST(DisplayWidth, FastRangesAgreeWithIcu) {
  for (const auto& [from, to] : {std::pair<char32_t, char32_t>{0x4E00, 0x9FFF}, {0x3001, 0x3011}, {0xFF01, 0xFF60}})
    for (char32_t cp = from; cp <= to; ++cp) {
      ASSERT_FALSE(wenfeng::text::is_invisible(cp)) << std::hex << static_cast<std::uint32_t>(cp);
      const auto gc = u_charType(static_cast<UChar32>(cp));
      ASSERT_NE(gc, U_NON_SPACING_MARK) << std::hex << static_cast<std::uint32_t>(cp);
      ASSERT_NE(gc, U_ENCLOSING_MARK) << std::hex << static_cast<std::uint32_t>(cp);
      const auto eaw = u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH);
      ASSERT_TRUE(eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) << std::hex << static_cast<std::uint32_t>(cp);
      ASSERT_EQ(wenfeng::text::display_width(cp), 2);
    }
  EXPECT_EQ(wenfeng::text::display_width(U'“'), 1);  // ambiguous width: ICU's answer, unchanged
  EXPECT_EQ(wenfeng::text::display_width(U'\u302A'), 0);  // an ideographic tone mark (Mn) next to the range
  EXPECT_EQ(wenfeng::text::display_width(std::string_view("中文，ab")), 8);
}
