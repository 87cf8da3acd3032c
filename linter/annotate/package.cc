#include "annotate/package.h"

#include <zip.h>

#include <cstdio>

namespace wenfeng::annotate {
namespace {

Error zip_failure(const std::string& what, zip_t* z) {
  std::string detail = z ? zip_error_strerror(zip_get_error(z)) : "";
  return make_error(ErrorCode::kCorruptZip, "无法写出批注副本：" + what + (detail.empty() ? "" : "（" + detail + "）"));
}

}  // namespace

Result<std::string> rewrite_package(std::string_view original, const std::map<std::string, std::string>& changed) {
  zip_error_t err;
  zip_error_init(&err);
  // libzip writes the new archive into a fresh buffer of this source; `original` is only read.
  zip_source_t* src = zip_source_buffer_create(original.data(), original.size(), 0, &err);
  zip_error_fini(&err);
  if (!src) return make_error(ErrorCode::kInternal, "无法创建 zip 缓冲区");
  zip_source_keep(src);
  zip_error_init(&err);
  zip_t* z = zip_open_from_source(src, ZIP_CHECKCONS, &err);
  zip_error_fini(&err);
  if (!z) {
    zip_source_free(src);
    return make_error(ErrorCode::kCorruptZip, "zip 容器已损坏，无法写出批注副本");
  }
  for (const auto& [name, content] : changed) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    if (!s) {
      zip_discard(z);
      zip_source_free(src);
      return zip_failure("无法准备条目 " + name, nullptr);
    }
    const zip_int64_t idx = zip_name_locate(z, name.c_str(), 0);
    const bool ok = idx >= 0 ? zip_file_replace(z, static_cast<zip_uint64_t>(idx), s, 0) == 0
                             : zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8) >= 0;
    if (!ok) {
      zip_source_free(s);
      Error e = zip_failure("无法写入条目 " + name, z);
      zip_discard(z);
      zip_source_free(src);
      return e;
    }
    const zip_int64_t at = idx >= 0 ? idx : zip_name_locate(z, name.c_str(), 0);
    if (at >= 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(z) < 0) {
    Error e = zip_failure("无法完成 zip 容器", z);
    zip_discard(z);
    zip_source_free(src);
    return e;
  }
  std::string out;
  if (zip_source_open(src) == 0) {
    zip_source_seek(src, 0, SEEK_END);
    const zip_int64_t len = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    out.resize(static_cast<std::size_t>(len > 0 ? len : 0));
    const zip_int64_t got = len > 0 ? zip_source_read(src, out.data(), static_cast<zip_uint64_t>(len)) : 0;
    zip_source_close(src);
    if (got != len) out.clear();
  }
  zip_source_free(src);
  if (out.empty()) return make_error(ErrorCode::kInternal, "无法取回写出的 zip 容器");
  return out;
}

}  // namespace wenfeng::annotate
