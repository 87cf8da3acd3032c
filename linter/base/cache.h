// A cache of what is costly to build at startup and depends only on files and on this
// binary: the shipped phrase set (its automaton) and loaded profiles. An entry is a file in
// the cache directory holding the files it was built from, each with its content hash (and
// other facts the builder depends on, such as which file a profile id resolves to), and the
// result in a binary form; it is used only when every one of those still holds, so an edited
// profile or dictionary is simply read again. The cache directory is $WENFENG_CACHE_DIR
// ("off" turns the cache off), else $XDG_CACHE_HOME/wenfeng, else ~/.cache/wenfeng. Nothing
// here ever fails a run: an unreadable, unwritable, stale or damaged entry is a miss, and
// the result is built as if there were no cache.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace wenfeng::cache {

// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit, the low ones
// included (hash tables index by them).
inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
// 64-bit hash of bytes (not cryptographic; eight bytes a step).
std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0);

// The cache directory, or "" when the cache is off or no directory can be named.
std::string directory();

// A fact an entry depends on: `kind` 'f' is the content of the file `arg` (a missing or
// unreadable file is a value of its own), 'd' the sorted names of the files ending in
// `arg2` in the folder `arg`; other kinds are checked by the caller's `Check`.
struct Dependency {
  char kind = 'f';
  std::string arg;
  std::string arg2;
  std::uint64_t value = 0;
};
using Check = std::function<std::optional<std::uint64_t>(const Dependency&)>;

// The current value of a 'f' or 'd' dependency.
std::uint64_t file_value(const std::string& path);
std::uint64_t listing_value(const std::string& dir, const std::string& extension);

// An entry read back: its file mapped read-only (no copy of a large automaton).
class Entry {
 public:
  Entry(void* map, std::size_t size, std::string_view payload) : map_(map), size_(size), payload_(payload) {}
  ~Entry();
  Entry(const Entry&) = delete;
  Entry& operator=(const Entry&) = delete;
  std::string_view payload() const { return payload_; }
  void set_payload(std::string_view p) { payload_ = p; }

 private:
  void* map_;
  std::size_t size_;
  std::string_view payload_;
};

// The entry stored under (`name`, `key`) when every dependency still holds (`check`
// answers the kinds other than 'f' and 'd'; none: the entry is stale).
std::unique_ptr<Entry> load(std::string_view name, std::string_view key, const Check& check = {});
// Stores a payload (best effort: errors are ignored; the file appears atomically).
void store(std::string_view name, std::string_view key, const std::vector<Dependency>& deps, std::string_view payload);

// Binary forms. Writer appends; Reader reads with bounds checks and turns `ok` off at the
// first inconsistency (everything after it reads as zero or empty).
class Writer {
 public:
  void bytes(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  template <typename T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes(&v, sizeof v);
  }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool bytes(void* p, std::size_t n) {
    if (!ok_ || n > in_.size() - pos_) return fail();
    if (n) std::memcpy(p, in_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool pod(T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return bytes(&v, sizeof v);
  }
  // A count of items of at least `min_item` bytes each that the rest of the input can hold.
  bool count(std::uint64_t& n, std::size_t min_item) {
    if (!pod(n)) return false;
    if (min_item && n > (in_.size() - pos_) / min_item) return fail();
    return true;
  }
  bool fail() {
    ok_ = false;
    return false;
  }
  bool ok() const { return ok_; }
  bool done() const { return ok_ && pos_ == in_.size(); }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// Serialisation of values: numbers, enums, strings, vectors, maps, optionals, pairs and
// structs that declare their fields with `describe(v, x)` (found by argument-dependent
// lookup): `template <class V> void describe(V& v, T& x) { v(x.a, x.b, …); }`.
template <typename T>
void put(Writer& w, const T& x);
template <typename T>
void get(Reader& r, T& x);

struct PutFields {
  Writer& w;
  template <typename... T>
  void operator()(const T&... x) {
    (put(w, x), ...);
  }
};
struct GetFields {
  Reader& r;
  template <typename... T>
  void operator()(T&... x) {
    (get(r, x), ...);
  }
};

template <typename T>
struct IsVector : std::false_type {};
template <typename T, typename A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <typename T>
struct IsMap : std::false_type {};
template <typename K, typename V, typename C, typename A>
struct IsMap<std::map<K, V, C, A>> : std::true_type {};
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <typename T>
struct IsPair : std::false_type {};
template <typename A, typename B>
struct IsPair<std::pair<A, B>> : std::true_type {};

template <typename T>
void put(Writer& w, const T& x) {
  if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T> ||
                (std::is_array_v<T> && std::is_arithmetic_v<std::remove_all_extents_t<T>>)) {
    w.pod(x);
  } else if constexpr (std::is_same_v<T, std::string>) {
    w.pod(static_cast<std::uint64_t>(x.size()));
    w.bytes(x.data(), x.size());
  } else if constexpr (IsVector<T>::value) {
    w.pod(static_cast<std::uint64_t>(x.size()));
    using E = typename T::value_type;
    if constexpr (std::is_arithmetic_v<E> && !std::is_same_v<E, bool>) w.bytes(x.data(), x.size() * sizeof(E));
    else
      for (const auto& e : x) put(w, e);
  } else if constexpr (IsMap<T>::value) {
    w.pod(static_cast<std::uint64_t>(x.size()));
    for (const auto& [k, v] : x) put(w, k), put(w, v);
  } else if constexpr (IsOptional<T>::value) {
    w.pod(static_cast<std::uint8_t>(x.has_value()));
    if (x) put(w, *x);
  } else if constexpr (IsPair<T>::value) {
    put(w, x.first), put(w, x.second);
  } else {
    PutFields v{w};
    describe(v, const_cast<T&>(x));  // describe only reads through a PutFields
  }
}

template <typename T>
void get(Reader& r, T& x) {
  if constexpr (std::is_same_v<T, bool>) {
    std::uint8_t b = 0;
    r.pod(b);
    if (b > 1) r.fail();
    x = b == 1;
  } else if constexpr (std::is_arithmetic_v<T> || std::is_enum_v<T>) {
    if (!r.pod(x)) x = T{};
  } else if constexpr (std::is_array_v<T> && std::is_arithmetic_v<std::remove_all_extents_t<T>>) {
    r.pod(x);
  } else if constexpr (std::is_same_v<T, std::string>) {
    std::uint64_t n = 0;
    x.clear();
    if (!r.count(n, 1)) return;
    x.resize(n);
    r.bytes(x.data(), n);
  } else if constexpr (IsVector<T>::value) {
    using E = typename T::value_type;
    std::uint64_t n = 0;
    x.clear();
    if (!r.count(n, std::is_arithmetic_v<E> ? sizeof(E) : 1)) return;
    x.resize(n);
    if constexpr (std::is_arithmetic_v<E> && !std::is_same_v<E, bool>) r.bytes(x.data(), n * sizeof(E));
    else
      for (auto& e : x)
        if (r.ok()) get(r, e);
  } else if constexpr (IsMap<T>::value) {
    std::uint64_t n = 0;
    x.clear();
    if (!r.count(n, 1)) return;
    for (std::uint64_t i = 0; i < n && r.ok(); ++i) {
      typename T::key_type k{};
      typename T::mapped_type v{};
      get(r, k), get(r, v);
      x.emplace_hint(x.end(), std::move(k), std::move(v));
    }
  } else if constexpr (IsOptional<T>::value) {
    bool has = false;
    get(r, has);
    x.reset();
    if (has) get(r, x.emplace());
  } else if constexpr (IsPair<T>::value) {
    get(r, x.first), get(r, x.second);
  } else {
    GetFields v{r};
    describe(v, x);
  }
}

}  // namespace wenfeng::cache
