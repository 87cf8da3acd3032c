// Reports rendered on the workers (--jobs > 1, Renderer::render/commit) are byte for byte
// the report rendered file by file on one thread (--jobs 1, Renderer::file), in input order,
// in every format: JSON's commas, SARIF's notifications of unreadable files, text's summaries.
#include <gtest/gtest.h>

#include "report/json_writer.h"
#include "support/cli_runner.h"

using wenfeng::testing::run_cli;

namespace {

TEST(JobsCli, EveryFormatIsTheSameBytesWithAnyNumberOfJobs) {
  // Directories of drafts in several input formats, a missing file among them (an error
  // entry or notification), and a file given twice.
  const std::vector<std::string> inputs = {"samples/formats", "samples/no-such-draft.txt", "samples/formats/draft.txt",
                                           "samples"};
  const std::vector<std::vector<std::string>> formats = {
      {"text"}, {"json"}, {"json", "--pretty"}, {"sarif"}, {"sarif", "--pretty"}, {"checkstyle"},
      {"junit"}, {"line"}, {"github"}, {"rdjson"}, {"rdjson", "--pretty"}};
  for (const auto& format : formats) {
    std::vector<std::string> base = {"check", "--format"};
    base.insert(base.end(), format.begin(), format.end());
    SCOPED_TRACE(format[0] + (format.size() > 1 ? " " + format[1] : ""));
    auto args = [&](const char* jobs) {
      auto a = base;
      a.insert(a.end(), {"--jobs", jobs});
      a.insert(a.end(), inputs.begin(), inputs.end());
      return a;
    };
    const auto one = run_cli(args("1"));
    EXPECT_EQ(one.status, 2) << one.err;  // the missing file
    ASSERT_GT(one.out.size(), 1000u);
    for (const char* jobs : {"2", "4"}) {
      const auto many = run_cli(args(jobs));
      EXPECT_EQ(many.status, one.status);
      EXPECT_EQ(many.err, one.err);
      ASSERT_EQ(many.out.size(), one.out.size()) << "--jobs " << jobs;
      EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs;
    }
  }
}

// A fragment written apart and joined gives the bytes written in place: no comma before
// the container's first element, one before every other, empty fragments leaving no trace.
TEST(JsonWriterFragment, JoinedFragmentsAreTheBytesWrittenInPlace) {
  using wenfeng::report::JsonWriter;
  for (bool pretty : {false, true}) {
    JsonWriter direct(pretty), joined(pretty);
    for (JsonWriter* j : {&direct, &joined}) j->begin_object().key("files").begin_array();
    std::string out = joined.take();
    const JsonWriter frag = joined.fragment();
    const auto element = [](JsonWriter& j, int n) {
      for (int k = 0; k < n; ++k) j.begin_object().key("n").value(k).key("a").begin_array().value(k).end_array().end_object();
    };
    for (int n : {0, 2, 0, 1, 3}) {
      element(direct, n);
      JsonWriter apart = frag;
      element(apart, n);
      out += joined.join(apart.take());
    }
    direct.end_array().end_object();
    joined.end_array().end_object();
    out += joined.take();
    EXPECT_EQ(out, direct.take()) << pretty;
  }
}

}  // namespace
