#include "readers/encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

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

// A likely encoding name from ICU's detector, for error messages only.
std::string guess_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  std::string result;
  const auto len = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det, bytes.data(), len, &status);
  const UCharsetMatch* m = ucsdet_detect(det, &status);
  if (U_SUCCESS(status) && m) {
    const char* name = ucsdet_getName(m, &status);
    if (U_SUCCESS(status) && name) result = name;
  }
  ucsdet_close(det);
  return result;
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
  while (true) {
    UChar* target = buf.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv.get(), &target, buf.data() + buf.size(), &src, src_end, nullptr,
                   /*flush=*/true, &status);
    // Append converted UTF-16 as UTF-8.
    for (const UChar* u = buf.data(); u < target; ++u) {
      char32_t cp = *u;
      if (cp >= 0xD800 && cp <= 0xDBFF && u + 1 < target && u[1] >= 0xDC00 && u[1] <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (u[1] - 0xDC00);
        ++u;
      }
      text::append_utf8(out, cp);
    }
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) {
      char bad[32];
      int8_t bad_len = sizeof(bad);
      UErrorCode s2 = U_ZERO_ERROR;
      ucnv_getInvalidChars(conv.get(), bad, &bad_len, &s2);
      const std::size_t offset =
          static_cast<std::size_t>(src - bytes.data()) - (U_SUCCESS(s2) ? bad_len : 0);
      std::string msg = std::string("按 ") + charset + " 解码失败：第 " + std::to_string(offset) +
                        " 字节（" + hex_byte(static_cast<unsigned char>(bytes[offset])) +
                        "）处的字节序列无效";
      return make_error(ErrorCode::kEncoding, std::move(msg), "byte " + std::to_string(offset));
    }
    break;
  }
  return out;
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
    auto r = convert_strict(bytes.substr(2), le ? "UTF-16LE" : "UTF-16BE");
    if (!r.ok()) return r.error();
    return Decoded{std::move(r).value(), le ? "UTF-16LE" : "UTF-16BE"};
  }
  if (starts("\x84\x31\x95\x33")) {
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

  auto gb = convert_strict(bytes, "GB18030");
  if (gb.ok()) return Decoded{std::move(gb).value(), "GB18030"};

  // Neither UTF-8 nor GB18030: report the offset where the candidate got furthest.
  std::string guess = guess_charset(bytes);
  std::string msg = "无法识别文本编码：既不是有效的 UTF-8（第 " + std::to_string(bad_utf8) +
                    " 字节处无效），也不是 GB18030（" + gb.error().message + "）";
  if (!guess.empty()) msg += "；ICU 猜测可能是 " + guess;
  msg += "。请另存为 UTF-8 文本后再检查";
  return make_error(ErrorCode::kEncoding, std::move(msg), "byte " + std::to_string(bad_utf8));
}

}  // namespace wenfeng::readers
