// The installed tree: `cmake --install` into DESTDIR, the tree moved elsewhere, and the
// moved binary run from another directory finds its own data (share/wenfeng) — not the
// checkout's — and checks a draft; the man page and the completions are installed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "support/cli_runner.h"

namespace fs = std::filesystem;

namespace {

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }

std::string capture(const std::string& cmd) {
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    ::pclose(p);
  }
  return out;
}

TEST(Install, AMovedInstalledTreeWorksFromAnyDirectory) {
  const std::string tmp = wenfeng::testing::temp_dir();
  const std::string stage = tmp + "/stage";
  ASSERT_EQ(sh("DESTDIR='" + stage + "' '" WENFENG_CMAKE "' --install '" WENFENG_BUILD_DIR "' --prefix /opt/wenfeng > '" +
               tmp + "/install.log' 2>&1"),
            0)
      << wenfeng::testing::read_file(tmp + "/install.log");
  const fs::path installed = fs::path(stage) / "opt/wenfeng";
  ASSERT_TRUE(fs::exists(installed / "bin/wenfeng"));
  EXPECT_TRUE(fs::exists(installed / "bin/wenfeng-serve"));  // what `wenfeng serve` runs
  EXPECT_TRUE(fs::exists(installed / "share/wenfeng/profiles/national.yaml"));
  EXPECT_TRUE(fs::exists(installed / "share/wenfeng/dictionaries/boilerplate.dict"));
  EXPECT_TRUE(fs::exists(installed / "share/bash-completion/completions/wenfeng"));
  EXPECT_TRUE(fs::exists(installed / "share/zsh/vendor-completions/_wenfeng"));
  EXPECT_TRUE(fs::exists(installed / "share/fish/vendor_completions.d/wenfeng.fish"));
  if (fs::exists(WENFENG_BUILD_DIR "/wenfeng.1.gz")) {
    EXPECT_TRUE(fs::exists(installed / "share/man/man1/wenfeng.1.gz"));
  }

  // Move the tree: nothing in it may depend on where it was installed.
  const fs::path moved = fs::path(tmp) / "elsewhere" / "tree";
  fs::create_directories(moved.parent_path());
  fs::rename(installed, moved);
  // A profile only the moved tree has proves whose data the binary reads.
  std::ofstream(moved / "share/wenfeng/profiles/movedonly.yaml")
      << "id: movedonly\nname: 只在移动后的安装目录中\nextends: national\n";
  const std::string env = "env -u WENFENG_DATA_DIR -u WENFENG_PROFILES_DIR -u WENFENG_DICTIONARIES_DIR ";
  const std::string bin = (moved / "bin/wenfeng").string();
  const std::string draft = wenfeng::testing::source_path("samples/national/notice-ok.txt");
  const std::string out = capture("cd / && " + env + "'" + bin + "' check --profile movedonly --format json '" + draft +
                                  "'; echo \" exit=$?\"");
  EXPECT_NE(out.find("\"movedonly\""), std::string::npos) << out;
  EXPECT_NE(out.find(" exit=0"), std::string::npos) << out;
  EXPECT_NE(capture("cd / && " + env + "'" + bin + "' profiles").find("movedonly"), std::string::npos);
  // WENFENG_DATA_DIR overrides it.
  const std::string elsewhere = capture("cd / && WENFENG_DATA_DIR=/nonexistent '" + bin + "' check '" + draft +
                                        "' 2>&1; echo \" exit=$?\"");
  EXPECT_NE(elsewhere.find(" exit=2"), std::string::npos) << elsewhere;
  EXPECT_NE(elsewhere.find("WENFENG_DATA_DIR"), std::string::npos) << elsewhere;
}

// The web service's libraries (HTTP, TLS, brotli) are wenfeng-serve's alone, and libzip
// (with libcrypto) is loaded when a zip container is opened: every command would pay for
// loading and initialising them at startup (CMakeLists.txt, readers/zip_api.h).
TEST(Install, OnlyTheServiceLoadsTheHttpAndTlsLibraries) {
  const std::string needed = capture("ldd '" WENFENG_BINARY "' 2>&1");
  ASSERT_NE(needed.find("libicuuc"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("httplib"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("libssl"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("brotli"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("libzip"), std::string::npos) << needed;
  EXPECT_EQ(needed.find("libcrypto"), std::string::npos) << needed;
  const std::string server = (fs::path(WENFENG_BINARY).parent_path() / "wenfeng-serve").string();
  EXPECT_NE(capture("ldd '" + server + "' 2>&1").find("httplib"), std::string::npos);
  // Without wenfeng-serve beside it, `wenfeng serve` says what is missing.
  const std::string tmp = wenfeng::testing::temp_dir();
  fs::copy_file(WENFENG_BINARY, tmp + "/wenfeng");
  const std::string out = capture("'" + tmp + "/wenfeng' serve 2>&1; echo \" exit=$?\"");
  EXPECT_NE(out.find("wenfeng-serve"), std::string::npos) << out;
  EXPECT_NE(out.find(" exit=2"), std::string::npos) << out;
}

TEST(Install, TheBashCompletionLoadsAndOffersCommands) {
  const std::string script = wenfeng::testing::source_path("packaging/completions/wenfeng.bash");
  const std::string out = capture("bash -c 'source \"" + script +
                                  "\"; COMP_WORDS=(wenfeng ch); COMP_CWORD=1; _wenfeng; echo \"${COMPREPLY[@]}\"'");
  EXPECT_EQ(out, "check\n");
}

}  // namespace

namespace {

// The .deb CPack builds: its dependencies are packages of this Debian release, and its
// tree, unpacked anywhere, checks a draft from any directory.
TEST(Install, TheDebianPackageDeclaresItsDependenciesAndRuns) {
  if (std::system("command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null") != 0)
    GTEST_SKIP() << "dpkg-deb/dpkg-shlibdeps missing (dpkg-dev, installed by scripts/bootstrap)";
  const std::string tmp = wenfeng::testing::temp_dir();
  const std::string cpack = fs::path(WENFENG_CMAKE).parent_path().string() + "/cpack";
  ASSERT_EQ(sh("cd '" WENFENG_BUILD_DIR "' && '" + cpack + "' -G DEB -B '" + tmp + "/pkg' > '" + tmp +
               "/cpack.log' 2>&1"),
            0)
      << wenfeng::testing::read_file(tmp + "/cpack.log");
  std::string deb;
  for (const auto& e : fs::directory_iterator(tmp + "/pkg"))
    if (e.path().extension() == ".deb") deb = e.path().string();
  ASSERT_FALSE(deb.empty());
  const std::string depends = capture("dpkg-deb -f '" + deb + "' Depends");
  for (const char* lib : {"libicu", "libxml2", "libpugixml", "libyaml-cpp", "libzip", "libstdc++6"})
    EXPECT_NE(depends.find(lib), std::string::npos) << lib << " in " << depends;
  // Every dependency is a package this release has (and this machine has installed).
  std::string names = depends;
  for (std::size_t at = 0; (at = names.find('(', at)) != std::string::npos;) names.erase(at, names.find(')', at) - at + 1);
  for (auto& c : names) c = c == ',' ? ' ' : c;
  EXPECT_EQ(sh("dpkg-query -W " + names + " > /dev/null 2>&1"), 0) << names;
  ASSERT_EQ(sh("dpkg-deb -x '" + deb + "' '" + tmp + "/root'"), 0);
  const std::string bin = tmp + "/root/usr/bin/wenfeng";
  const std::string draft = wenfeng::testing::source_path("samples/national/notice-ok.txt");
  const std::string out = capture("cd / && env -u WENFENG_DATA_DIR '" + bin + "' check --format json '" + draft +
                                  "'; echo \" exit=$?\"");
  EXPECT_NE(out.find(" exit=0"), std::string::npos) << out;
  EXPECT_NE(out.find("\"national\""), std::string::npos) << out;
  EXPECT_NE(capture("dpkg-deb -c '" + deb + "'").find("./usr/share/man/man1/wenfeng.1.gz"), std::string::npos);
}

}  // namespace
