// Read-only zip container over an in-memory buffer, with caps against zip bombs.
// Hides libzip from the rest of the code.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace wenfeng::readers {

struct ZipLimits {
  std::uint64_t max_entries = 20000;
  std::uint64_t max_entry_bytes = 256ull << 20;  // one decompressed part
  std::uint64_t max_total_bytes = 1ull << 30;    // all parts read from one file
  std::uint64_t max_ratio = 500;                 // uncompressed : compressed, for parts > 8 MiB
};

class ZipArchive {
 public:
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // `bytes` must outlive the archive.
  static Result<std::unique_ptr<ZipArchive>> open(std::string_view bytes, ZipLimits limits = {});

  bool contains(std::string_view name) const;
  std::vector<std::string> names() const;
  // Reads one entry fully; nullopt-like error kMissingPart when it is absent.
  Result<std::string> read(std::string_view name);

 private:
  ZipArchive() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wenfeng::readers
