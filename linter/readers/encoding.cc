#include "readers/encoding.h"

#include <unicode/ucnv.h>

#include <memory>
#include <vector>

#include "text/utf8.h"

namespace wenfeng::readers {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

std::string hex_byte(unsigned char b) {
  static const char* digits = "0123456789ABCDEF";
  return std::string{'0', 'x', digits[b >> 4], digits[b & 15]};
}

bool looks_like_utf16(std::string_view b, bool& little_endian) {
  if (b.size() < 4 || b.size() % 2 != 0) return false;
  std::size_t even_nul = 0, odd_nul = 0;
  const std::size_t n = std::min<std::size_t>(b.size(), 1 << 16);
  for (std::size_t i = 0; i + 1 < n; i += 2) {
    even_nul += b[i] == '\0';
    odd_nul += b[i + 1] == '\0';
  }
  const std::size_t pairs = n / 2;
  if (odd_nul * 4 > pairs && even_nul * 20 < pairs) { little_endian = true; return true; }
  if (even_nul * 4 > pairs && odd_nul * 20 < pairs) { little_endian = false; return true; }
  return false;
}

}  // namespace

Result<std::string> convert_strict(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  if (U_FAILURE(status))
    return make_error(ErrorCode::kEncoding, std::string("不支持的编码：") + charset);
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);

  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  std::vector<UChar> buf(1 << 15);
  const char* src = bytes.data();
  const char* const src_end = src + bytes.size();
  char32_t high = 0;  // a high surrogate at the end of one buffer, paired in the next
  while (true) {
    UChar* target = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr,
                   /*flush=*/true, &status);
    // Append converted UTF-16 as UTF-8. The strict converter gives only paired surrogates;
    // a pair may straddle two buffers.
    for (const UChar* u = buf.data(); u < target; ++u) {
      const char32_t cu = *u;
      if (cu >= 0xD800 && cu <= 0xDBFF) {
        if (high) text::append_utf8(out, text::kReplacement);
        high = cu;
        continue;
      }
      if (cu >= 0xDC00 && cu <= 0xDFFF) {
        text::append_utf8(out, high ? 0x10000 + ((high - 0xD800) << 10) + (cu - 0xDC00) : text::kReplacement);
        high = 0;
        continue;
      }
      if (high) text::append_utf8(out, text::kReplacement);
      high = 0;
      text::append_utf8(out, cu);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (high && !U_FAILURE(status)) text::append_utf8(out, text::kReplacement);
    if (U_FAILURE(status)) {
      char bad[32];
      int8_t bad_len = sizeof(bad);
      UErrorCode s2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), bad, &bad_len, &s2);
      const std::size_t consumed = static_cast<std::size_t>(src - bytes.data());
      const std::size_t offset =
          consumed - (U_SUCCESS(s2) && static_cast<std::size_t>(bad_len) <= consumed ? bad_len : 0);
      std::string msg = std::string("按 ") + charset + " 解码失败：第 " + std::to_string(offset + 1) + " 字节";
      if (offset < bytes.size()) msg += "（" + hex_byte(static_cast<unsigned char>(bytes[offset])) + "）";
      msg += status == U_TRUNCATED_CHAR_FOUND ? "起的字符在文件末尾不完整" : "处的字节序列无效";
      return make_error(ErrorCode::kEncoding, std::move(msg), "byte " + std::to_string(offset));
    }
    break;
  }
  return out;
}

bool truncated_utf8_at_end(std::string_view bytes, std::size_t bad) {
  if (bad >= bytes.size()) return false;
  const auto* b = reinterpret_cast<const unsigned char*>(bytes.data()) + bad;
  const std::size_t left = bytes.size() - bad;
  const auto info = text::detail::lead_info(b[0]);
  if (info.len == 0 || left >= info.len) return false;
  if (left >= 2 && (b[1] < info.lo || b[1] > info.hi)) return false;
  for (std::size_t k = 2; k < left; ++k)
    if ((b[k] & 0xC0) != 0x80) return false;
  return true;
}

namespace {

Error empty_after_bom(const char* bom) {
  return make_error(ErrorCode::kEmpty, std::string("文件只有 ") + bom + " 字节顺序标记（BOM），没有可检查的内容");
}

std::size_t non_ascii_count(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += c >= 0xC0;
  return n;
}

}  // namespace

// Messages count bytes from 1 as people do ("第 3 字节"); the location stays the 0-based
// offset ("byte 2") that tools use.
Result<std::string> decode_gb18030_evidently(std::string_view bytes, std::size_t bad_utf8) {
  const std::string utf8_part = "不是有效的 UTF-8（第 " + std::to_string(bad_utf8 + 1) + " 字节处无效）";
  // Cut-off UTF-8 (a download or copy that stopped mid-character) often decodes as GB18030
  // too; that reading would be wrong, so it is refused for what it is.
  if (bad_utf8 > 0 && truncated_utf8_at_end(bytes, bad_utf8) &&
      non_ascii_count(bytes.substr(0, bad_utf8)) > 0)
    return make_error(ErrorCode::kEncoding,
                      "文本是 UTF-8，但在末尾被截断：第 " + std::to_string(bad_utf8 + 1) +
                          " 字节起的最后一个字符不完整；请从原处重新获取或重新保存文件",
                      "byte " + std::to_string(bad_utf8));
  // UTF-8 with Chinese in it before one bad sequence is broken UTF-8, not GB18030: GBK pairs
  // seldom form a run of valid UTF-8 with three-byte characters, and reading it as GB18030
  // would turn the whole text into other characters.
  {
    std::size_t multibyte = 0, wide = 0;
    for (unsigned char c : bytes.substr(0, bad_utf8)) {
      multibyte += c >= 0xC0;
      wide += c >= 0xE0;
    }
    if (multibyte >= 2 && wide >= 1)
      return make_error(ErrorCode::kEncoding,
                        "文本前面是有效的 UTF-8（含 " + std::to_string(multibyte) + " 个非 ASCII 字符），但第 " +
                            std::to_string(bad_utf8 + 1) + " 字节处的字节序列无效；文件可能已损坏，或混入了其他编码的内容",
                        "byte " + std::to_string(bad_utf8));
  }
  auto gb = convert_strict(bytes, "GB18030");
  if (!gb.ok())
    return make_error(ErrorCode::kEncoding,
                      "无法识别文本编码：既" + utf8_part + "，也不是 GB18030（" + gb.error().message +
                          "）。请另存为 UTF-8 文本后再检查",
                      "byte " + std::to_string(bad_utf8));
  // Two bytes decode in GB18030 by chance as easily as they mean a character: with fewer
  // than four bytes of multibyte text (two GBK characters, or one four-byte sequence) the
  // encoding is not evident, and guessing would give wrong counts. Each ASCII character of
  // the result is one byte of the input, so the rest is the multibyte text.
  std::size_t ascii = 0;
  for (unsigned char c : *gb) ascii += c < 0x80;
  if (bytes.size() - ascii < 4)
    return make_error(ErrorCode::kEncoding,
                      "无法确定文本编码：内容" + utf8_part + "，按 GB18030 虽能解码，但其中的中文只有 " +
                          std::to_string(bytes.size() - ascii) +
                          " 个字节，太短，无法判断；请另存为 UTF-8 文本后再检查",
                      "byte " + std::to_string(bad_utf8));
  return gb;
}

Result<std::string> encode_strict(std::string_view utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return make_error(ErrorCode::kEncoding, std::string("不支持的编码：") + charset);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::vector<UChar> u;
  u.reserve(utf8.size());
  for (const auto c : text::code_points(utf8)) {
    if (c.cp >= 0x10000) {
      u.push_back(static_cast<UChar>(0xD800 + ((c.cp - 0x10000) >> 10)));
      u.push_back(static_cast<UChar>(0xDC00 + ((c.cp - 0x10000) & 0x3FF)));
    } else {
      u.push_back(static_cast<UChar>(c.cp));
    }
  }
  std::string out(u.size() * 4 + 16, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), u.data(),
                                    static_cast<int32_t>(u.size()), &status);
  if (U_FAILURE(status))
    return make_error(ErrorCode::kEncoding, std::string("修正后的文字无法用 ") + charset + " 编码保存");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

Result<Decoded> decode_text(std::string_view bytes) {
  auto starts = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };

  if (starts("\xEF\xBB\xBF")) {
    std::string_view body = bytes.substr(3);
    if (body.empty()) return empty_after_bom("UTF-8");
    const auto bad = text::find_invalid_utf8(body);
    if (bad != std::string_view::npos)
      return make_error(ErrorCode::kEncoding,
                        "文件以 UTF-8 BOM 开头，但第 " + std::to_string(bad + 3) +
                            " 字节处不是有效的 UTF-8；请用文本编辑器重新以 UTF-8 保存",
                        "byte " + std::to_string(bad + 3));
    return Decoded{std::string(body), "UTF-8 (BOM)"};
  }
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    const bool le = starts("\xFF\xFE");
    if (bytes.size() == 2) return empty_after_bom(le ? "UTF-16LE" : "UTF-16BE");
    auto r = convert_strict(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) return r.error();
    return Decoded{std::move(r).value(), le ? "UTF-16LE" : "UTF-16BE"};
  }
  if (starts("\x84\x31\x95\x33")) {
    if (bytes.size() == 4) return empty_after_bom("GB18030");
    auto r = convert_strict(bytes.substr(4), "GB18030");
    if (!r.ok()) return r.error();
    return Decoded{std::move(r).value(), "GB18030"};
  }

  const auto bad_utf8 = text::find_invalid_utf8(bytes);
  if (bad_utf8 == std::string_view::npos) {
    if (bytes.find('\0') != std::string_view::npos)
      return make_error(ErrorCode::kBinary,
                        "文件含有 NUL 字节，像是二进制文件而不是文本；请确认文件格式");
    return Decoded{std::string(bytes), "UTF-8"};
  }

  bool le = true;
  if (looks_like_utf16(bytes, le)) {
    auto r = convert_strict(bytes, le ? "UTF-16LE" : "UTF-16BE");
    if (r.ok()) return Decoded{std::move(r).value(), le ? "UTF-16LE" : "UTF-16BE"};
  }
  if (bytes.find('\0') != std::string_view::npos)
    return make_error(ErrorCode::kBinary,
                      "文件含有 NUL 字节，像是二进制文件而不是文本；请确认文件格式");

  auto gb = decode_gb18030_evidently(bytes, bad_utf8);
  if (!gb.ok()) return gb.error();
  return Decoded{std::move(gb).value(), "GB18030"};
}

}  // namespace wenfeng::readers
