#include "readers/zip_archive.h"
#include "readers/zip_api.h"


#include <unordered_set>

namespace wenfeng::readers {

struct ZipArchive::Impl {
  zip_t* zip = nullptr;
  ZipLimits limits;
  std::uint64_t total_read = 0;
  std::vector<std::string> names;
  std::unordered_set<std::string_view> index;  // views into names
};

ZipArchive::~ZipArchive() {
  if (impl_ && impl_->zip) zip_discard(impl_->zip);
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(std::string_view bytes, ZipLimits limits) {
  if (!zip_api()) return make_error(ErrorCode::kInternal, std::string("无法加载 libzip（") + zip_api_error() + "）");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    zip_error_fini(&error);
    return make_error(ErrorCode::kInternal, "无法创建 zip 读取缓冲区");
  }
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!z) {
    const int code = zip_error_code_zip(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    if (code == ZIP_ER_NOZIP)
      return make_error(ErrorCode::kNotZip, "不是有效的 zip 容器（找不到中央目录），文件可能不完整或已损坏");
    return make_error(ErrorCode::kCorruptZip,
                      "zip 容器已损坏或被截断（libzip 错误 " + std::to_string(code) +
                          "）；请从原处重新获取文件，或在 Word 中打开后另存为 .docx");
  }
  zip_error_fini(&error);

  auto archive = std::unique_ptr<ZipArchive>(new ZipArchive());
  archive->impl_ = std::make_unique<Impl>();
  archive->impl_->zip = z;
  archive->impl_->limits = limits;

  const zip_int64_t n = zip_get_num_entries(z, 0);
  if (n < 0 || static_cast<std::uint64_t>(n) > limits.max_entries)
    return make_error(ErrorCode::kZipBomb, "zip 容器含 " + std::to_string(n) + " 个条目，超过上限 " +
                                               std::to_string(limits.max_entries) + "，拒绝读取");
  archive->impl_->names.reserve(static_cast<std::size_t>(n));
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    archive->impl_->names.emplace_back(name ? name : "");
  }
  for (const auto& name : archive->impl_->names) archive->impl_->index.insert(name);
  return archive;
}

bool ZipArchive::contains(std::string_view name) const { return impl_->index.count(name) != 0; }

std::vector<std::string> ZipArchive::names() const { return impl_->names; }

Result<std::string> ZipArchive::read(std::string_view name) {
  const std::string key(name);
  const zip_int64_t idx = zip_name_locate(impl_->zip, key.c_str(), 0);
  if (idx < 0) return make_error(ErrorCode::kMissingPart, "zip 容器中没有 " + key);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->zip, static_cast<zip_uint64_t>(idx), 0, &st) != 0)
    return make_error(ErrorCode::kCorruptZip, "无法读取 zip 条目 " + key + " 的信息");
  const auto& lim = impl_->limits;
  const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  auto bomb = [&](const std::string& why) {
    return make_error(ErrorCode::kZipBomb, "zip 条目 " + key + " " + why + "，疑似压缩炸弹，拒绝读取");
  };
  if (declared > lim.max_entry_bytes)
    return bomb("解压后 " + std::to_string(declared) + " 字节，超过单个部件上限 " +
                std::to_string(lim.max_entry_bytes));
  if (declared > (8u << 20) && packed > 0 && declared / packed > lim.max_ratio)
    return bomb("压缩比 " + std::to_string(declared / packed) + ":1 超过上限 " +
                std::to_string(lim.max_ratio) + ":1");

  zip_file_t* f = zip_fopen_index(impl_->zip, static_cast<zip_uint64_t>(idx), 0);
  if (!f) {
    const int code = zip_error_code_zip(zip_get_error(impl_->zip));
    if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD)
      return make_error(ErrorCode::kEncrypted, "zip 条目 " + key + " 已加密，无法读取");
    return make_error(ErrorCode::kCorruptZip, "无法打开 zip 条目 " + key + "（libzip 错误 " +
                                                  std::to_string(code) + "），文件可能已损坏");
  }
  std::string out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(declared, lim.max_entry_bytes)));
  char buf[1 << 16];
  while (true) {
    const zip_int64_t got = zip_fread(f, buf, sizeof buf);
    if (got < 0) {
      const int code = zip_error_code_zip(zip_file_get_error(f));
      zip_fclose(f);
      return make_error(ErrorCode::kCorruptZip, "读取 zip 条目 " + key + " 失败（libzip 错误 " +
                                                    std::to_string(code) + "），文件可能被截断或损坏");
    }
    if (got == 0) break;
    out.append(buf, static_cast<std::size_t>(got));
    impl_->total_read += static_cast<std::uint64_t>(got);
    // Never trust the declared size: cap what is actually inflated. An entry that inflates
    // past the size its headers declare is lying about it (a bomb hiding behind a small
    // declared size): it stops there, before the ratio or the part cap is reached.
    if (declared > 0 && out.size() > declared) {
      zip_fclose(f);
      return bomb("解压后超过声明的 " + std::to_string(declared) + " 字节（条目头所记大小不实）");
    }
    if (out.size() > (8u << 20) && packed > 0 && out.size() / packed > lim.max_ratio) {
      zip_fclose(f);
      return bomb("实际压缩比超过 " + std::to_string(lim.max_ratio) + ":1");
    }
    if (out.size() > lim.max_entry_bytes || impl_->total_read > lim.max_total_bytes) {
      zip_fclose(f);
      return bomb("实际解压超过上限");
    }
  }
  zip_fclose(f);
  return out;
}

}  // namespace wenfeng::readers
