#include "annotate/package.h"

#include <libdeflate.h>
#include "readers/zip_api.h"

#include <cstdio>
#include <cstring>
#include <memory>

namespace wenfeng::annotate {
namespace {

Error zip_failure(const std::string& what, zip_t* z) {
  std::string detail = z ? zip_error_strerror(zip_get_error(z)) : "";
  return make_error(ErrorCode::kCorruptZip, "无法写出批注副本：" + what + (detail.empty() ? "" : "（" + detail + "）"));
}

// A zip source serving data we deflated ourselves. libzip copies already-compressed data
// as it is, so the compressor is ours: libdeflate at its fastest level, which compresses a
// whole part held in memory (exactly our case) in about half zlib's level-1 time and a
// little smaller, and checksums it several times faster; the parts are mostly markup,
// packed about tenfold (libzip 1.7 would keep a replaced entry's original level, often the
// slowest). Deflating the new XML is most of what writing an annotated copy costs:
// bench/annotate_bench.sh.
struct Deflated {
  std::unique_ptr<char[]> bytes;  // not zero-filled: deflate writes it
  std::string_view data;
  zip_uint64_t size = 0;
  zip_uint32_t crc = 0;
  zip_uint64_t pos = 0;
  zip_error_t error;
};

zip_int64_t deflated_source(void* state, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
  auto* d = static_cast<Deflated*>(state);
  switch (cmd) {
    case ZIP_SOURCE_OPEN:
      d->pos = 0;
      return 0;
    case ZIP_SOURCE_READ: {
      const zip_uint64_t n = std::min<zip_uint64_t>(len, d->data.size() - d->pos);
      std::memcpy(data, d->data.data() + d->pos, n);
      d->pos += n;
      return static_cast<zip_int64_t>(n);
    }
    case ZIP_SOURCE_CLOSE:
      return 0;
    case ZIP_SOURCE_STAT: {
      auto* st = static_cast<zip_stat_t*>(data);
      zip_stat_init(st);
      st->size = d->size;
      st->comp_size = d->data.size();
      st->crc = d->crc;
      st->comp_method = ZIP_CM_DEFLATE;
      st->encryption_method = ZIP_EM_NONE;
      st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
      return sizeof(zip_stat_t);
    }
    case ZIP_SOURCE_ERROR:
      return zip_error_to_data(&d->error, data, len);
    case ZIP_SOURCE_FREE:
      zip_error_fini(&d->error);
      delete d;
      return 0;
    case ZIP_SOURCE_SUPPORTS:
      return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
      zip_error_set(&d->error, ZIP_ER_OPNOTSUPP, 0);
      return -1;
  }
}

// Raw deflate (no zlib header), as zip stores it.
bool deflate_fast(libdeflate_compressor* c, std::string_view in, Deflated& out) {
  const std::size_t bound = libdeflate_deflate_compress_bound(c, in.size());
  out.bytes.reset(new char[bound]);
  const std::size_t n = libdeflate_deflate_compress(c, in.data(), in.size(), out.bytes.get(), bound);
  if (n == 0) return false;
  out.data = std::string_view(out.bytes.get(), n);
  out.size = in.size();
  out.crc = static_cast<zip_uint32_t>(libdeflate_crc32(0, in.data(), in.size()));
  return true;
}

// A zip source for `content`, deflated by us when it can be.
zip_source_t* content_source(zip_t* z, libdeflate_compressor* c, const std::string& content) {
  auto* packed = new Deflated();
  zip_error_init(&packed->error);
  zip_source_t* s = nullptr;
  if (c && deflate_fast(c, content, *packed)) s = zip_source_function(z, deflated_source, packed);
  if (s) return s;
  zip_error_fini(&packed->error);
  delete packed;
  return zip_source_buffer(z, content.data(), content.size(), 0);
}

// The bytes a buffer source holds.
std::string buffer_bytes(zip_source_t* buf) {
  std::string out;
  if (zip_source_open(buf) != 0) return out;
  zip_source_seek(buf, 0, SEEK_END);
  const zip_int64_t len = zip_source_tell(buf);
  zip_source_seek(buf, 0, SEEK_SET);
  out.resize(static_cast<std::size_t>(len > 0 ? len : 0));
  const zip_int64_t got = len > 0 ? zip_source_read(buf, out.data(), static_cast<zip_uint64_t>(len)) : 0;
  zip_source_close(buf);
  if (got != len) out.clear();
  return out;
}

}  // namespace

// The copy is a new archive: each entry of the original is either copied from it with its
// compressed bytes as they are (zip_source_zip with ZIP_FL_COMPRESSED) or given its new
// content, in the original order, then the new entries. (Editing the original archive in
// place is not used: libzip 1.7 may then free the caller's buffer while cloning it.)
Result<std::string> rewrite_package(std::string_view original, const std::map<std::string, std::string>& changed) {
  if (!readers::zip_api())
    return make_error(ErrorCode::kInternal, std::string("无法加载 libzip（") + readers::zip_api_error() + "）");
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* in = zip_source_buffer_create(original.data(), original.size(), 0, &err);
  zip_t* from = in ? zip_open_from_source(in, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  if (!from) {
    if (in) zip_source_free(in);
    zip_error_fini(&err);
    return make_error(ErrorCode::kCorruptZip, "zip 容器已损坏，无法写出批注副本");
  }
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* to = buf ? zip_open_from_source(buf, ZIP_TRUNCATE, &err) : nullptr;
  zip_error_fini(&err);
  if (!to) {
    if (buf) zip_source_free(buf);
    zip_discard(from);
    return make_error(ErrorCode::kInternal, "无法创建 zip 缓冲区");
  }
  zip_source_keep(buf);
  std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> packer(libdeflate_alloc_compressor(1),
                                                                                  libdeflate_free_compressor);
  auto fail = [&](const std::string& what) {
    Error e = zip_failure(what, to);
    zip_discard(to);
    zip_discard(from);
    zip_source_free(buf);
    return e;
  };
  std::map<std::string, bool> done;
  const zip_int64_t n = zip_get_num_entries(from, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto idx = static_cast<zip_uint64_t>(i);
    const char* raw = zip_get_name(from, idx, ZIP_FL_ENC_RAW);
    if (!raw) return fail("无法读取条目名");
    const std::string name = raw;
    zip_stat_t st;
    zip_stat_init(&st);
    zip_stat_index(from, idx, 0, &st);
    const auto it = changed.find(name);
    zip_source_t* s = it != changed.end() ? content_source(to, packer.get(), it->second)
                                          : zip_source_zip(to, from, idx, ZIP_FL_COMPRESSED, 0, -1);
    if (!s) return fail("无法准备条目 " + name);
    const zip_int64_t at = zip_file_add(to, name.c_str(), s, ZIP_FL_ENC_RAW);
    if (at < 0) {
      zip_source_free(s);
      return fail("无法写入条目 " + name);
    }
    if (st.valid & ZIP_STAT_MTIME) zip_file_set_mtime(to, static_cast<zip_uint64_t>(at), st.mtime, 0);
    // A copied entry keeps its method: a stored picture stays stored, byte for byte.
    if (it == changed.end() && (st.valid & ZIP_STAT_COMP_METHOD))
      zip_set_file_compression(to, static_cast<zip_uint64_t>(at), st.comp_method, 0);
    done[name] = true;
  }
  for (const auto& [name, content] : changed) {
    if (done.count(name)) continue;
    zip_source_t* s = content_source(to, packer.get(), content);
    if (!s) return fail("无法准备条目 " + name);
    if (zip_file_add(to, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(s);
      return fail("无法写入条目 " + name);
    }
  }
  if (zip_close(to) < 0) return fail("无法完成 zip 容器");
  zip_discard(from);
  std::string out = buffer_bytes(buf);
  zip_source_free(buf);
  if (out.empty()) return make_error(ErrorCode::kInternal, "无法取回写出的 zip 容器");
  return out;
}

}  // namespace wenfeng::annotate
