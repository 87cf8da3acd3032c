#include "base/cache.h"

#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "base/io.h"

namespace wenfeng::cache {
namespace {

namespace fs = std::filesystem;

constexpr char kMagic[8] = {'W', 'F', 'C', 'A', 'C', 'H', 'E', '1'};
constexpr std::size_t kMaxEntryBytes = 64u << 20;
constexpr std::size_t kMaxDependencyBytes = 16u << 20;  // the largest file a dependency hashes


// This binary's identity: its GNU build id (a hash of its contents), else its file's
// size, time and inode. Entries of another build are stale.
int note_callback(dl_phdr_info* info, std::size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* e = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= e) {
      const auto* n = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((n->n_namesz + 3) & ~3u);
      if (desc + n->n_descsz > e) break;
      if (n->n_type == NT_GNU_BUILD_ID && n->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        out->assign(desc, n->n_descsz);
        return 1;
      }
      p = desc + ((n->n_descsz + 3) & ~3u);
    }
  }
  return 1;  // the first object is the program itself
}

const std::string& binary_identity() {
  static const std::string id = [] {
    std::string out;
    dl_iterate_phdr(note_callback, &out);
    if (!out.empty()) return "id:" + out;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) != 0) return std::string();
    return "st:" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_ino);
  }();
  return id;
}

std::string entry_path(const std::string& dir, std::string_view name, std::string_view key) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_bytes(key)));
  return dir + "/" + std::string(name) + "-" + hex + ".bin";
}

}  // namespace

std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed) {
  std::uint64_t h = mix64(seed ^ 0x9e3779b97f4a7c15ULL ^ s.size());
  const char* p = s.data();
  std::size_t n = s.size();
  // Four lanes of eight bytes a step, so that the multiplications overlap.
  std::uint64_t a = h, b = h ^ 0x243f6a8885a308d3ULL, c = h ^ 0x13198a2e03707344ULL, d = h ^ 0xa4093822299f31d0ULL;
  constexpr std::uint64_t k = 0x9fb21c651e98df25ULL;
  while (n >= 32) {
    std::uint64_t w[4];
    std::memcpy(w, p, 32);
    a = (a ^ w[0]) * k, a ^= a >> 29;
    b = (b ^ w[1]) * k, b ^= b >> 29;
    c = (c ^ w[2]) * k, c ^= c >> 29;
    d = (d ^ w[3]) * k, d ^= d >> 29;
    p += 32, n -= 32;
  }
  h = mix64(a ^ mix64(b) ^ (mix64(c) >> 1) ^ (mix64(d) << 1));
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = mix64(h ^ w);
    p += 8, n -= 8;
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  return mix64(h ^ tail ^ (static_cast<std::uint64_t>(n) << 56));
}

std::string directory() {
  if (const char* env = std::getenv("WENFENG_CACHE_DIR"); env && *env) {
    if (std::string_view(env) == "off") return {};
    return env;
  }
  if (binary_identity().empty()) return {};
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x == '/') return std::string(x) + "/wenfeng";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return std::string(home) + "/.cache/wenfeng";
  return {};
}

std::uint64_t file_value(const std::string& path) {
  auto bytes = read_regular_file(path, kMaxDependencyBytes, "缓存");
  if (!bytes.ok()) return 0x6d697373696e67ULL ^ static_cast<std::uint64_t>(bytes.error().code);  // "missing"
  return hash_bytes(*bytes, 1);
}

std::uint64_t listing_value(const std::string& dir, const std::string& extension) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == extension) names.push_back(it->path().filename().string());
  if (ec) return 0x6e6f646972ULL;  // "nodir"
  std::sort(names.begin(), names.end());
  std::string all;
  for (const auto& n : names) all += n, all.push_back('\0');
  return hash_bytes(all, 2);
}

Entry::~Entry() {
  if (map_) ::munmap(map_, size_);
}

std::unique_ptr<Entry> load(std::string_view name, std::string_view key, const Check& check) {
  const std::string dir = directory();
  if (dir.empty()) return nullptr;
  const std::string path = entry_path(dir, name, key);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return nullptr;
  struct stat st {};
  void* map = MAP_FAILED;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      static_cast<std::size_t>(st.st_size) <= kMaxEntryBytes)
    map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  auto entry = std::make_unique<Entry>(map, static_cast<std::size_t>(st.st_size), std::string_view());
  const std::string_view s(static_cast<const char*>(map), static_cast<std::size_t>(st.st_size));
  // magic, hash of the rest, then: identity, key, dependencies, payload.
  if (s.size() < sizeof kMagic + 8 || std::memcmp(s.data(), kMagic, sizeof kMagic) != 0) return nullptr;
  std::uint64_t sum = 0;
  std::memcpy(&sum, s.data() + sizeof kMagic, 8);
  const std::string_view body = std::string_view(s).substr(sizeof kMagic + 8);
  if (hash_bytes(body, 3) != sum) return nullptr;
  Reader r(body);
  std::string identity, stored_key;
  std::vector<Dependency> deps;
  get(r, identity);
  get(r, stored_key);
  std::uint64_t n = 0;
  if (!r.count(n, 1)) return nullptr;
  deps.resize(n);
  for (auto& d : deps) get(r, d.kind), get(r, d.arg), get(r, d.arg2), get(r, d.value);
  std::uint64_t size = 0;
  if (!r.count(size, 1) || size != r.remaining()) return nullptr;
  const std::size_t at = body.size() - static_cast<std::size_t>(size);
  if ( identity != binary_identity() || stored_key != key) return nullptr;
  for (const auto& d : deps) {
    std::optional<std::uint64_t> now;
    if (d.kind == 'f') now = file_value(d.arg);
    else if (d.kind == 'd') now = listing_value(d.arg, d.arg2);
    else if (check) now = check(d);
    if (!now || *now != d.value) return nullptr;
  }
  entry->set_payload(body.substr(at));
  return entry;
}

void store(std::string_view name, std::string_view key, const std::vector<Dependency>& deps, std::string_view payload) {
  const std::string dir = directory();
  if (dir.empty() || payload.size() > kMaxEntryBytes / 2) return;
  Writer w;
  put(w, binary_identity());
  put(w, std::string(key));
  w.pod(static_cast<std::uint64_t>(deps.size()));
  for (const auto& d : deps) put(w, d.kind), put(w, d.arg), put(w, d.arg2), put(w, d.value);
  put(w, std::string(payload));
  const std::uint64_t sum = hash_bytes(w.str(), 3);
  std::error_code ec;
  fs::create_directories(dir, ec);
  const std::string path = entry_path(dir, name, key);
  std::random_device rd;
  const std::string tmp = path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(rd());
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return;
  bool ok = true;
  auto write_all = [&](const char* p, std::size_t n) {
    while (ok && n) {
      const ssize_t k = ::write(fd, p, n);
      if (k <= 0) ok = false;
      else p += k, n -= static_cast<std::size_t>(k);
    }
  };
  write_all(kMagic, sizeof kMagic);
  write_all(reinterpret_cast<const char*>(&sum), sizeof sum);
  write_all(w.str().data(), w.str().size());
  if (::close(fd) != 0) ok = false;
  if (!ok || ::rename(tmp.c_str(), path.c_str()) != 0) ::unlink(tmp.c_str());
}

}  // namespace wenfeng::cache
