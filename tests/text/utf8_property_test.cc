// All of Unicode through every reader and count: characters of CJK Extensions B–H, emoji,
// variation selectors, a BOM, standard input, 1 byte to 1 MB; and a property test holding
// the validator and the decoder to ICU's on random byte strings.
#include <unicode/ustring.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <type_traits>
#include <random>

#include "count/counter.h"
#include "readers/input.h"
#include "support/cli_runner.h"
#include "support/docx_package.h"
#include "support/hostile_files.h"
#include "support/json_value.h"
#include "support/utf8_reference.h"
#include "text/utf8.h"

using namespace wenfeng;

namespace {

// ICU's reading of bytes as UTF-8: code points, U+FFFD for each maximal subpart of an
// ill-formed sequence (its documented best practice), and the number of substitutions.
std::u32string icu_decode(std::string_view s, int32_t& substitutions) {
  std::u16string u16(s.size() + 1, u'\0');
  int32_t len = 0;
  UErrorCode st = U_ZERO_ERROR;
  u_strFromUTF8WithSub(reinterpret_cast<UChar*>(u16.data()), static_cast<int32_t>(u16.size()), &len, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, &substitutions, &st);
  EXPECT_TRUE(U_SUCCESS(st));
  std::u32string out;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(u16.data(), i, len, c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

template <typename S>
std::string hex(const S& s) {
  std::string out;
  char buf[16];
  for (auto c : s) {
    std::snprintf(buf, sizeof buf, "%X ", static_cast<unsigned>(static_cast<std::make_unsigned_t<typename S::value_type>>(c)));
    out += buf;
  }
  return out;
}

std::u32string our_decode(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* const e = p + s.size();
  while (p < e) {
    const char* before = p;
    out.push_back(text::decode(p, e));
    EXPECT_GT(p, before);
    EXPECT_LE(p, e);
  }
  return out;
}

// Random bytes weighted towards the boundaries of Table 3-7: leads C0–C2, E0, ED, F0, F4,
// F5–FF, continuations 80, 8F, 90, 9F, A0, BF, ASCII, and well-formed sequences.
std::string random_bytes(std::mt19937& rng) {
  static const unsigned char interesting[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                                              0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3,
                                              0xF4, 0xF5, 0xF7, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
  std::string s;
  const int n = static_cast<int>(rng() % 17);
  for (int i = 0; i < n; ++i) {
    const unsigned r = rng() % 10;
    if (r < 4) {
      s.push_back(static_cast<char>(interesting[rng() % sizeof interesting]));
    } else if (r < 6) {
      s.push_back(static_cast<char>(rng() & 0xFF));
    } else {
      char32_t cp = static_cast<char32_t>(rng() % 0x110000);
      if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0x20BB7;
      text::append_utf8(s, cp);
    }
  }
  return s;
}

TEST(Utf8Property, ValidatorAndDecoderAgreeWithIcuOnRandomBytes) {
  std::mt19937 rng(20240515);
  int invalid = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string s = random_bytes(rng);
    int32_t subs = 0;
    const auto icu = icu_decode(s, subs);
    const bool valid = text::find_invalid_utf8(s) == std::string_view::npos;
    ASSERT_EQ(valid, subs == 0) << "case " << i;
    ASSERT_TRUE(our_decode(s) == icu) << "case " << i << ": " << hex(s) << " → ours " << hex(our_decode(s))
                                      << ", ICU " << hex(icu);
    if (valid) {
      ASSERT_EQ(text::codepoint_count(s), icu.size());
    } else {
      ++invalid;
      // The first invalid offset: everything before it is valid, and ICU substitutes there.
      const auto bad = text::find_invalid_utf8(s);
      int32_t before = 0;
      icu_decode(s.substr(0, bad), before);
      EXPECT_EQ(before, 0);
    }
  }
  EXPECT_GT(invalid, 50000);  // both kinds were exercised
}

TEST(Utf8Property, EveryScalarValueRoundTrips) {
  for (char32_t cp = 0; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    text::append_utf8(s, cp);
    ASSERT_EQ(text::find_invalid_utf8(s), std::string_view::npos) << std::hex << static_cast<std::uint32_t>(cp);
    const char* p = s.data();
    ASSERT_EQ(static_cast<std::uint32_t>(text::decode(p, s.data() + s.size())), static_cast<std::uint32_t>(cp));
    ASSERT_EQ(p, s.data() + s.size());
  }
}

TEST(Utf8Property, DecodeNeverStepsPastTheEnd) {
  // Every lead byte alone and with one or two continuation bytes, at the very end.
  for (int b = 0x80; b <= 0xFF; ++b)
    for (const std::string tail : {"", "\x80", "\x80\x80", "\xBF\xBF"}) {
      const std::string s = std::string(1, static_cast<char>(b)) + tail;
      const char* p = s.data();
      const char* const e = p + s.size();
      while (p < e) text::decode(p, e);
      EXPECT_EQ(p, e) << b;
      std::size_t n = 0;
      for (auto c : text::code_points(s)) n += c.end <= s.size();
      EXPECT_GE(n, 1u);
    }
}

// Extensions B–H (one each), emoji with a skin tone and a ZWJ sequence, variation selectors.
const char* const kExtensions[] = {"\U00020BB7", "\U0002A700", "\U0002B740", "\U0002B820",
                                   "\U0002CEB0", "\U00030000", "\U00031350"};

TEST(Utf8Everywhere, SupplementaryCharactersInEveryReaderAndCount) {
  std::string line = "郑";
  for (const char* c : kExtensions) line += c;
  line += "安";  // 9 hanzi
  const std::string text = "关于" + line + "同志任职的通知\n" + line + "说：“好😀👍🏽👨‍👩‍👧︎葛\U000E0100”\n";
  // Title: 关于 + 9 + 同志任职的通知 = 18 hanzi. Body: 9 + 说：“好 (说 ：好 3 + the run “) …
  auto d = readers::read_document(text, "x.txt");
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_EQ(d->encoding, "UTF-8");
  const auto c = count::count_document(*d, {});
  // hanzi: 18 + 9 + 说 好 葛 = 30
  EXPECT_EQ(c.hanzi, 30u);
  auto with_bom = readers::read_document("\xEF\xBB\xBF" + text, "x.txt");
  ASSERT_TRUE(with_bom.ok());
  EXPECT_EQ(with_bom->encoding, "UTF-8 (BOM)");
  EXPECT_EQ(count::count_document(*with_bom, {}).zishu, c.zishu);
  // The same text in the other readers: XML, HTML, FODT, ODT, DOCX.
  const std::string esc = wenfeng::testing::xml_escape(line);
  const std::string xml = "<doc><title>t</title><body><p>" + esc + "</p></body></doc>";
  const std::string html = "<html><body><h1>t</h1><div><p>" + esc + "</p></div></body></html>";
  const std::string odf_body = "<office:text><text:p>" + esc + "</text:p></office:text>";
  const std::string odf_ns = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                             "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";
  const std::string fodt = "<?xml version=\"1.0\"?><office:document " + odf_ns + "><office:body>" + odf_body +
                           "</office:body></office:document>";
  wenfeng::testing::DocxParts parts;
  parts.body = "<w:p><w:r><w:t>" + esc + "</w:t></w:r></w:p>";
  const auto docx = wenfeng::testing::build_docx(parts);
  const auto odt = wenfeng::testing::build_odt("<?xml version=\"1.0\"?><office:document-content " + odf_ns +
                                               "><office:body>" + odf_body + "</office:body></office:document-content>");
  for (const auto& [name, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"a.xml", xml}, {"a.html", html}, {"a.fodt", fodt}, {"a.docx", *docx}, {"a.odt", *odt}}) {
    auto r = readers::read_document(bytes, name);
    ASSERT_TRUE(r.ok()) << name << ": " << r.error().message;
    bool found = false;
    for (const auto& b : r->blocks) found |= r->block_text(b) == line;
    EXPECT_TRUE(found) << name;
  }
}

TEST(Utf8Everywhere, InvalidSequencesAreRefusedInEveryReader) {
  for (const std::string bad : {"\xF8\x88\x80\x80\x80", "\xF0\xA0\xAE", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80"}) {
    const std::string body = "文字" + bad + "文字";
    EXPECT_FALSE(readers::read_document("<doc><body><p>" + body + "</p></body></doc>", "a.xml").ok());
    EXPECT_FALSE(readers::read_document("<html><body><p>" + body + "</p></body></html>", "a.html").ok());
    wenfeng::testing::DocxParts parts;
    parts.body = "<w:p><w:r><w:t>" + body + "</w:t></w:r></w:p>";
    auto d = readers::read_document(*wenfeng::testing::build_docx(parts), "a.docx");
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.error().code, ErrorCode::kEncoding);
    EXPECT_NE(d.error().message.find("word/document.xml"), std::string::npos);
  }
}

TEST(Utf8Everywhere, OneByteToOneMegabyte) {
  // Sizes around every boundary of the eight-byte fast path and far beyond, each ending in a
  // supplementary character that straddles the last eight-byte block.
  for (std::size_t n : {1u, 2u, 3u, 4u, 7u, 8u, 9u, 15u, 16u, 17u, 63u, 64u, 65u, 1000u, 65536u, 1u << 20}) {
    std::string s(n, 'a');
    EXPECT_EQ(text::find_invalid_utf8(s), std::string_view::npos);
    if (n >= 4) {
      s.replace(n - 4, 4, "\xF0\xA0\xAE\xB7");
      EXPECT_EQ(text::find_invalid_utf8(s), std::string_view::npos) << n;
      s[n - 1] = 'x';  // cut it
      EXPECT_EQ(text::find_invalid_utf8(s), n - 4) << n;
    }
    if (n >= 3) {
      std::string han;
      while (han.size() + 3 <= n) han += "中";
      han += std::string(n - han.size(), 'b');
      auto d = readers::read_document(han, "x.txt");
      ASSERT_TRUE(d.ok()) << n;
      EXPECT_EQ(d->encoding, "UTF-8");
      EXPECT_EQ(count::count_document(*d, {}).hanzi, n / 3);
    }
  }
  auto one = readers::read_document("a", "x.txt");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(count::count_document(*one, {}).zishu, 1u);
  EXPECT_FALSE(readers::read_document("\xE4", "x.txt").ok());
}

TEST(Utf8Everywhere, StandardInputWithExtensionsAndEmoji) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::string text = "\xEF\xBB\xBF";
  for (const char* c : kExtensions) text += c;
  text += "😀\n";
  std::ofstream(dir + "/in.txt", std::ios::binary) << text;
  const auto r = wenfeng::testing::run_cli({"count", "--format", "json", "-"}, dir + "/in.txt");
  EXPECT_EQ(r.status, 0) << r.err;
  auto j = wenfeng::testing::JsonValue::parse(r.out);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["files"][0]["counts"]["hanzi"].as_number(), 7);
  EXPECT_EQ((*j)["files"][0]["counts"]["zishu"].as_number(), 8);
  EXPECT_EQ((*j)["files"][0]["encoding"].as_string(), "UTF-8 (BOM)");
}

TEST(Utf8Everywhere, ShortAndCutInputIsNeverGuessedAsGb18030) {
  // 高度重视 in UTF-8 cut one byte short decodes as five GB18030 characters; it is refused.
  const std::string cut = "\xE9\xAB\x98\xE5\xBA\xA6\xE9\x87\x8D\xE8";
  auto r = readers::read_document(cut, "x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("截断"), std::string::npos) << r.error().message;
  // One GBK character alone is too little to tell; two are enough; no detector guesses.
  EXPECT_FALSE(readers::read_document("\xBA\xC3", "x.txt").ok());
  auto two = readers::read_document("\xC4\xE3\xBA\xC3", "x.txt");  // 你好
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two->encoding, "GB18030");
  EXPECT_EQ(two->block_text(0), "你好");
  auto bad = readers::read_document("abc\xFF\xFF", "x.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message.find("ICU"), std::string::npos) << bad.error().message;
  EXPECT_EQ(bad.error().message.find("猜测"), std::string::npos);
}

}  // namespace

// find_invalid_utf8 checks runs of five three-byte sequences sixteen bytes at a time: long
// runs of Chinese text with a byte spoiled here and there (a lead, a continuation, ASCII, a
// truncated or four-byte sequence), against a byte-by-byte check of Unicode Table 3-7.
TEST(Utf8Property, ValidatorFindsTheFirstBadByteInLongChineseRuns) {
  auto reference = [](const std::string& s) { return wenfeng::testing::reference_find_invalid_utf8(s); };
  std::mt19937 rng(16);
  const std::string pieces[] = {"通", "知", "，", "。", "、", "\xED\x9F\xBF", "\xEF\xBC\x88", "a", "𠮷"};
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int len = static_cast<int>(rng() % 40);
    for (int i = 0; i < len; ++i) s += pieces[rng() % 5 == 0 ? rng() % std::size(pieces) : rng() % 3];
    if (!s.empty() && rng() % 2) s[rng() % s.size()] = static_cast<char>(rng() % 256);
    if (!s.empty() && rng() % 4 == 0) s.resize(rng() % s.size());
    ASSERT_EQ(text::find_invalid_utf8(s), reference(s)) << "round " << round << ": " << hex(s);
  }
}
