#include "readers/zip_api.h"

#include <dlfcn.h>

#include <string>

namespace wenfeng::readers {
namespace {

struct Loaded {
  ZipApi api;
  bool ok = false;
  std::string error;
};

const Loaded& loaded() {
  static const Loaded l = [] {
    Loaded out;
    void* lib = ::dlopen("libzip.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      const char* e = ::dlerror();
      out.error = e ? e : "dlopen(libzip.so.4) failed";
      return out;
    }
    out.ok = true;
#define X(name)                                                                                   \
  out.api.name = reinterpret_cast<decltype(out.api.name)>(::dlsym(lib, "zip_" #name));           \
  if (!out.api.name) {                                                                            \
    out.ok = false;                                                                               \
    out.error = "libzip.so.4 has no zip_" #name;                                                  \
  }
    WENFENG_ZIP_FUNCTIONS(X)
#undef X
    return out;  // the library stays loaded for the life of the process
  }();
  return l;
}

}  // namespace

const ZipApi* zip_api() {
  const Loaded& l = loaded();
  return l.ok ? &l.api : nullptr;
}

const char* zip_api_error() { return loaded().error.c_str(); }

}  // namespace wenfeng::readers
