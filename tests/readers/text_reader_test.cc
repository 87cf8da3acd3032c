#include "readers/text_reader.h"

#include <gtest/gtest.h>

#include "count/counter.h"
#include "readers/encoding.h"
#include "readers/input.h"

using namespace wenfeng;

namespace {

std::string utf16(const std::u16string& s, bool le, bool bom) {
  std::string out;
  auto put = [&](char16_t c) {
    const char lo = static_cast<char>(c & 0xFF), hi = static_cast<char>(c >> 8);
    if (le) { out.push_back(lo); out.push_back(hi); }
    else { out.push_back(hi); out.push_back(lo); }
  };
  if (bom) put(0xFEFF);
  for (char16_t c : s) put(c);
  return out;
}

TEST(Encoding, Utf8PlainAndBom) {
  auto a = readers::decode_text("关于开展检查的通知");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->encoding, "UTF-8");
  auto b = readers::decode_text("\xEF\xBB\xBF通知");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->encoding, "UTF-8 (BOM)");
  EXPECT_EQ(b->utf8, "通知");
}

TEST(Encoding, Utf16WithAndWithoutBom) {
  const std::u16string s = u"通知 Notice 2024\n";
  for (bool le : {true, false}) {
    auto r = readers::decode_text(utf16(s, le, true));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->utf8, "通知 Notice 2024\n");
    EXPECT_EQ(r->encoding, le ? "UTF-16LE" : "UTF-16BE");
  }
  // Without a BOM, ASCII-heavy UTF-16 is recognised by its NUL bytes.
  auto r = readers::decode_text(utf16(u"Report on the 2024 work plan 通知", true, false));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, "UTF-16LE");
}

TEST(Encoding, SurrogatePairsSurviveUtf16) {
  auto r = readers::decode_text(utf16(u"\U00020BB7", true, true));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->utf8, "\U00020BB7");
}

TEST(Encoding, Gb18030AndItsSubsets) {
  // 通知 in GB2312/GBK/GB18030: CD A8 D6 AA.
  auto r = readers::decode_text("\xCD\xA8\xD6\xAA\xA3\xBA");  // 通知：
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->encoding, "GB18030");
  EXPECT_EQ(r->utf8, "通知：");
  // A four-byte GB18030 sequence: U+20BB7 is 0x95 0x34 0xB2 0x35 (U+10000 + 12600·5 + 1260·4 + 10·49 + 5).
  auto four = readers::decode_text("\x95\x34\xB2\x35");
  ASSERT_TRUE(four.ok());
  EXPECT_EQ(four->utf8, "\U00020BB7");
}

TEST(Encoding, UndecodableBytesNameTheOffset) {
  // Valid ASCII then a byte that begins no GB18030 or UTF-8 sequence.
  auto r = readers::decode_text(std::string("abc\xFF\xFF"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kEncoding);
  // The message counts from 1 (the 4th byte is the first FF); the location is the offset.
  EXPECT_NE(r.error().message.find("第 4 字节"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("第 3 字节"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().where, "byte 3");
}

TEST(Encoding, BrokenUtf8AfterBomIsAnError) {
  auto r = readers::decode_text("\xEF\xBB\xBF" "ab\xC3");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "byte 5");
}

TEST(Encoding, NulBytesMeanBinary) {
  auto r = readers::decode_text(std::string("\x01\x02\x00\x00\x05\x06\x00\x00\xC8", 9));
  ASSERT_FALSE(r.ok());
}

TEST(TextReader, LinesAndLineEnds) {
  auto d = readers::build_text_document("标题\r\n第一段。\r第二段。\n\n第四段。\n", "t.txt");
  ASSERT_EQ(d.blocks.size(), 5u);
  EXPECT_EQ(d.block_text(0), "标题");
  EXPECT_EQ(d.blocks[0].role, model::Role::kTitle);
  EXPECT_EQ(d.block_text(2), "第二段。");
  EXPECT_EQ(d.block_text(3), "");
  EXPECT_EQ(d.blocks[4].anchors[0].line, 5u);
  auto pos = d.position(2, static_cast<std::uint32_t>(std::string("第二").size()));
  EXPECT_EQ(pos.source, "t.txt");
  EXPECT_EQ(pos.line, 3u);
  EXPECT_EQ(pos.column, 3u);
}

TEST(TextReader, NoTrailingPhantomParagraph) {
  EXPECT_EQ(readers::build_text_document("一\n二\n", "x").blocks.size(), 2u);
  EXPECT_EQ(readers::build_text_document("一\n二", "x").blocks.size(), 2u);
}

TEST(TextReader, TitleHeuristic) {
  EXPECT_TRUE(readers::looks_like_title("关于做好2024年防汛工作的通知"));
  EXPECT_FALSE(readers::looks_like_title("会议强调，要做好防汛工作。"));
  EXPECT_FALSE(readers::looks_like_title("各乡镇、各部门："));
}

TEST(TextReader, SameCountsInEveryEncoding) {
  const std::string utf8 = "县委召开常委会议\n会议强调，要把“三农”工作抓实抓细……2024年完成投资1.5亿元。\n";
  auto a = readers::read_text(utf8, "a.txt");
  // The same text in GB18030, produced by ICU's converter through the reader itself.
  auto gb = readers::convert_strict("\xCF\xD8\xCE\xAF", "GB18030");  // 县委
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(*gb, "县委");
  auto b = readers::read_text(utf16(u"县委召开常委会议\n会议强调，要把“三农”工作抓实抓细……2024年完成投资1.5亿元。\n", true, true), "b.txt");
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(count::count_document(*a, {}), count::count_document(*b, {}));
}

TEST(Input, ErrorsForBadInputs) {
  EXPECT_EQ(readers::read_file_bytes("/nonexistent/wenfeng.txt").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(readers::read_file_bytes("/").error().code, ErrorCode::kIsDirectory);
  // OLE compound files: legacy .doc and encrypted OOXML.
  const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  std::string doc = ole + std::string(64, '\0') + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  EXPECT_EQ(readers::read_document(doc, "a.doc").error().code, ErrorCode::kLegacyFormat);
  std::string enc = ole + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  auto e = readers::read_document(enc, "a.docx");
  EXPECT_EQ(e.error().code, ErrorCode::kEncrypted);
  EXPECT_NE(e.error().message.find("密码"), std::string::npos);
  EXPECT_EQ(readers::read_document("not a zip", "x.docx").error().code, ErrorCode::kNotZip);
  EXPECT_EQ(readers::read_document("%PDF-1.7", "x.pdf").error().code, ErrorCode::kUnsupported);
}

}  // namespace
