// Precision guard, every issuer: the clean samples of each issuer (samples/<issuer>/*-ok.*,
// text, DOCX and HTML) give no warning and no error under the issuer's own profile — every
// rule on, phrase lists and kinds included. Infos (a hint to give --kind) are allowed.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/cli_runner.h"
#include "support/json_value.h"

namespace {

using wenfeng::testing::JsonValue;

TEST(PrecisionGuard, CleanSamplesOfEveryIssuerGiveNoWarningOrError) {
  int checked = 0;
  for (const char* issuer : {"national", "jinxiang", "daxing", "yichun", "hengshan", "hubei"}) {
    std::vector<std::string> args = {"check", "--format", "json", "--profile", issuer};
    std::size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(wenfeng::testing::source_path("samples/") + issuer)) {
      const auto stem = f.path().stem().string();
      if (stem.size() < 3 || stem.substr(stem.size() - 3) != "-ok") continue;
      args.push_back("samples/" + std::string(issuer) + "/" + f.path().filename().string());
      ++files;
    }
    ASSERT_GE(files, 2u) << issuer << ": every issuer has clean samples in text and DOCX";
    const auto r = wenfeng::testing::run_cli(args);
    EXPECT_EQ(r.status, 0) << issuer << ": " << r.err;
    auto j = JsonValue::parse(r.out);
    ASSERT_TRUE(j.ok()) << r.out.substr(0, 300);
    for (const auto& file : (*j)["files"].items()) {
      ++checked;
      ASSERT_FALSE(file.has("error")) << file["path"].as_string() << ": " << file["error"]["message"].as_string();
      for (const auto& x : file["findings"].items())
        EXPECT_EQ(x["severity"].as_string(), "info")
            << file["path"].as_string() << " (" << issuer << "): " << x["rule"].as_string() << " "
            << x["message"].as_string() << " — " << x["excerpt"].as_string();
    }
  }
  EXPECT_GE(checked, 20);
}

}  // namespace
