// `wenfeng lsp` driven by a real LSP client: Neovim's built-in one, headless
// (tests/lsp/nvim_e2e.lua). Checks diagnostics and their UTF-16 ranges on a line with 𠮷
// before the finding, a code action applied through the client's workspace edit, an
// incremental edit re-linted, and hover. Neovim is installed by scripts/bootstrap.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "support/cli_runner.h"

namespace {

TEST(LspNeovim, DiagnosticsCodeActionAndIncrementalEdit) {
  ASSERT_EQ(std::system("command -v nvim > /dev/null 2>&1"), 0)
      << "Neovim is needed for this test: run scripts/bootstrap (Debian package neovim)";
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/draft.txt") << "关于做好防汛工作的通知\n𠮷祥村、王家庄村,要在汛前完成巡查。\n各村要落实责任。\n";
  const std::string out = dir + "/result.txt";
  const std::string cmd = "cd '" + dir + "' && WENFENG_BIN='" + WENFENG_BINARY + "' WENFENG_DRAFT='" + dir +
                          "/draft.txt' WENFENG_OUT='" + out + "' HOME='" + dir +
                          "' timeout 120 nvim --headless --clean -n -i NONE -c 'luafile " +
                          wenfeng::testing::source_path("tests/lsp/nvim_e2e.lua") + "' > '" + dir + "/nvim.log' 2>&1";
  const int status = std::system(cmd.c_str());
  const std::string result = wenfeng::testing::read_file(out);
  ASSERT_EQ(status, 0) << wenfeng::testing::read_file(dir + "/nvim.log") << result;
  ASSERT_NE(result.find("DONE"), std::string::npos) << result;
  EXPECT_EQ(result.find("FAIL"), std::string::npos) << result;
  int passed = 0;
  for (std::size_t at = 0; (at = result.find("PASS ", at)) != std::string::npos; ++at) ++passed;
  EXPECT_EQ(passed, 19) << result;
}

}  // namespace
