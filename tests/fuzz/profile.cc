// YAML profiles and .wenfeng.yaml from anyone's folder: loaded with the caps of
// profiles/yaml_caps.h, never a crash, a hang or a memory explosion.
#include <filesystem>

#include "fuzz_support.h"
#include "profiles/profile.h"

using namespace wenfeng;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  const std::string path = fuzz::scratch_file("fuzz-profile.yaml", yaml);
  if (auto p = profiles::load_profile(path); !p.ok()) fuzz::require(!p.error().message.empty(), "errors have messages");
  const std::string cfg = fuzz::scratch_file(".wenfeng.yaml", yaml);
  (void)profiles::find_project_config((std::filesystem::path(cfg).parent_path() / "draft.txt").string());
  return 0;
}
