// The HTTP API of `wenfeng serve`, driven over HTTP against the real binary: every
// endpoint, and the promise that /v1/check and /v1/count answer exactly what
// `wenfeng check|count --format json` prints for the same input.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "readers/zip_archive.h"
#include "serve/server_process.h"
#include "support/cli_runner.h"
#include "support/json_value.h"

using wenfeng::testing::JsonValue;
using wenfeng::testing::parse_json;
using wenfeng::testing::ServerProcess;
using wenfeng::testing::read_file;
using wenfeng::testing::run_cli;
using wenfeng::testing::source_path;
namespace fs = std::filesystem;

namespace {

// One server for the whole file (it is stateless).
ServerProcess& server() {
  static ServerProcess s;
  return s;
}

httplib::Client client() { return wenfeng::testing::client(server()); }

httplib::Result upload(const std::string& endpoint, const std::string& name, const std::string& bytes,
                       const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  return wenfeng::testing::upload(server(), endpoint, name, bytes, fields);
}

// What the command line prints for the same bytes under the same name, run where no
// .wenfeng.yaml can be found.
std::string cli_json(const std::string& command, const std::string& path, const std::string& name,
                     const std::vector<std::string>& options = {}) {
  std::vector<std::string> args = {command, "--format", "json"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), {"--stdin-filename", name, "-"});
  static const std::string workdir = wenfeng::testing::temp_dir();
  return run_cli(args, path, workdir).out;
}

// Every sample file, with the profile its folder is named after (if it is one).
std::vector<std::pair<std::string, std::string>> samples() {
  std::vector<std::pair<std::string, std::string>> out;
  const std::set<std::string> profiles = {"national", "jinxiang", "daxing", "yichun", "hengshan", "hubei"};
  for (const auto& e : fs::recursive_directory_iterator(source_path("samples"))) {
    if (!e.is_regular_file() || e.path().filename().string()[0] == '.') continue;
    const std::string dir = e.path().parent_path().filename().string();
    out.emplace_back(e.path().string(), profiles.count(dir) ? dir : "");
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ServeApi, StartsOnLoopback) {
  ASSERT_TRUE(server().ok()) << "wenfeng serve did not print its address";
  auto r = client().Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(parse_json(r->body)["status"].as_string(), "ok");
  r = client().Get("/readyz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(parse_json(r->body)["status"].as_string(), "ready");
  // Only the loopback address is bound by default.
  const std::string sockets = read_file("/proc/net/tcp");
  char port_hex[8];
  std::snprintf(port_hex, sizeof port_hex, "%04X", server().port());
  EXPECT_NE(sockets.find("0100007F:" + std::string(port_hex)), std::string::npos);
  EXPECT_EQ(sockets.find("00000000:" + std::string(port_hex)), std::string::npos);
}

TEST(ServeApi, CheckIsByteIdenticalToTheCommandLineOnEverySample) {
  const auto all = samples();
  ASSERT_GE(all.size(), 40u);
  for (const auto& [path, profile] : all) {
    SCOPED_TRACE(path);
    const std::string name = fs::path(path).filename().string();
    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<std::string> options;
    if (!profile.empty()) {
      fields.emplace_back("profile", profile);
      options = {"--profile", profile};
    }
    auto r = upload("/v1/check", name, read_file(path), fields);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << r->body.substr(0, 300);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(r->body, cli_json("check", path, name, options));
  }
}

TEST(ServeApi, CountIsByteIdenticalToTheCommandLine) {
  for (const char* rel : {"samples/count/notice.docx", "samples/count/notice.gb18030.txt", "samples/formats/draft.odt",
                          "samples/formats/draft-gb.html", "samples/formats/draft.newsml.xml"}) {
    SCOPED_TRACE(rel);
    const std::string path = source_path(rel);
    const std::string name = fs::path(path).filename().string();
    auto r = upload("/v1/count", name, read_file(path));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, cli_json("count", path, name));
  }
}

TEST(ServeApi, KindMediumAndEnglishOptionsMatchTheCommandLine) {
  const std::string path = source_path("samples/jinxiang/meeting-main-tv.docx");
  auto r = upload("/v1/check", "meeting-main-tv.docx", read_file(path),
                  {{"profile", "jinxiang"}, {"kind", "news.main-leader-meeting"}, {"medium", "tv"}, {"english", "1"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, cli_json("check", path, "meeting-main-tv.docx",
                              {"--profile", "jinxiang", "--kind", "news.main-leader-meeting", "--medium", "tv", "--english"}));
  const auto f = parse_json(r->body)["files"][0];
  EXPECT_EQ(f["kind"]["source"].as_string(), "option");
  EXPECT_TRUE(f["durations"].has("tv_seconds"));
  // The same options as query parameters.
  httplib::MultipartFormDataItems items = {{"file", read_file(path), "meeting-main-tv.docx", ""}};
  auto q = client().Post("/v1/check?profile=jinxiang&kind=news.main-leader-meeting&medium=tv&english=1", items);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->body, r->body);
}

TEST(ServeApi, JsonTextAndRawBodies) {
  const std::string path = source_path("samples/formats/draft.txt");
  const std::string text = read_file(path);
  const std::string want = cli_json("check", path, "draft.txt", {"--profile", "jinxiang"});
  std::string escaped;
  for (char c : text) {
    if (c == '"' || c == '\\') escaped += '\\', escaped += c;
    else if (c == '\n') escaped += "\\n";
    else if (c == '\r') escaped += "\\r";
    else if (c == '\t') escaped += "\\t";
    else escaped += c;
  }
  auto r = client().Post("/v1/check", "{\"text\":\"" + escaped + "\",\"filename\":\"draft.txt\",\"profile\":\"jinxiang\"}",
                         "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, want);
  r = client().Post("/v1/check?filename=draft.txt&profile=jinxiang", text, "text/plain; charset=utf-8");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, want);
  // A pasted `text` field in a form.
  httplib::MultipartFormDataItems items = {{"text", text, "", ""}, {"profile", "jinxiang", "", ""},
                                           {"filename", "draft.txt", "", ""}};
  r = client().Post("/v1/check", items);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, want);
  // Without a name, text is "text.txt".
  r = client().Post("/v1/check", "{\"text\":\"关于召开会议的通知\"}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(parse_json(r->body)["files"][0]["path"].as_string(), "text.txt");
}

TEST(ServeApi, PageViewCarriesTheReportAndTheParagraphs) {
  const std::string path = source_path("samples/jinxiang/research-main-long.docx");
  auto check = upload("/v1/check", "r.docx", read_file(path), {{"profile", "jinxiang"}});
  auto page = upload("/v1/page", "r.docx", read_file(path), {{"profile", "jinxiang"}});
  ASSERT_TRUE(check && page);
  EXPECT_EQ(page->status, 200);
  const auto v = parse_json(page->body);
  EXPECT_EQ(v["report"].as_string(), check->body);
  const auto report = parse_json(check->body)["files"][0];
  const auto& paragraphs = v["paragraphs"].items();
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs[0]["role"].as_string(), "title");
  ASSERT_EQ(v["stories"].items().size(), report["findings"].items().size());
  for (const auto& f : report["findings"].items()) {
    ASSERT_LE(f["paragraph"].as_number(), static_cast<double>(paragraphs.size()));
    // The excerpt is cut from the paragraph the finding names.
    std::string excerpt = f["excerpt"].as_string();
    for (const std::string cut : {"…"})
      for (std::size_t at; (at = excerpt.find(cut)) != std::string::npos;) excerpt.erase(at, cut.size());
    const std::string& text = paragraphs[static_cast<std::size_t>(f["paragraph"].as_number()) - 1]["text"].as_string();
    EXPECT_NE(text.find(excerpt.substr(0, 12)), std::string::npos) << f["rule"].as_string();
  }
}

TEST(ServeApi, ProfilesAndRules) {
  auto r = client().Get("/v1/profiles");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const auto v = parse_json(r->body);
  std::set<std::string> ids;
  for (const auto& p : v["profiles"].items()) ids.insert(p["id"].as_string());
  for (const char* id : {"national", "jinxiang", "daxing", "yichun", "hengshan", "hubei"}) EXPECT_TRUE(ids.count(id)) << id;
  bool found = false;
  for (const auto& p : v["profiles"].items())
    for (const auto& k : p["kinds"].items())
      for (const auto& l : k["limits"].items())
        if (p["id"].as_string() == "jinxiang" && k["id"].as_string() == "news.main-leader-research" &&
            l["rule"].as_string() == "length.body") {
          found = true;
          EXPECT_EQ(l["max"].as_number(), 800);
          EXPECT_EQ(l["unit"].as_string(), "zishu");
          EXPECT_FALSE(l["source"]["issuer"].as_string().empty());
        }
  EXPECT_TRUE(found);
  r = client().Get("/v1/rules");
  ASSERT_TRUE(r);
  const auto rules = parse_json(r->body)["rules"].items();
  const std::string listed = run_cli({"rules"}).out;
  EXPECT_GE(rules.size(), 30u);
  for (const auto& rule : rules) EXPECT_NE(listed.find(rule["id"].as_string()), std::string::npos) << rule["id"].as_string();
}

TEST(ServeApi, ThePageIsServedFromTheBinary) {
  auto r = client().Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("lang=\"zh-CN\""), std::string::npos);
  EXPECT_NE(r->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(r->body, read_file(source_path("web/index.html")));
  for (const char* asset : {"/app.js", "/app.css"}) {
    auto a = client().Get(asset);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->status, 200) << asset;
    EXPECT_EQ(a->body, read_file(source_path(std::string("web") + asset))) << asset;
  }
  auto h = client().Head("/app.js");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
}

TEST(ServeApi, AnnotateAnswersTheDocxWithCommentsAndTrackedFixes) {
  const std::string path = source_path("samples/national/format-faults.docx");
  auto r = upload("/v1/annotate", "format-faults.docx", read_file(path));
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body.substr(0, 300);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_NE(r->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  auto zip = wenfeng::readers::ZipArchive::open(r->body);
  ASSERT_TRUE(zip.ok());
  auto comments = (*zip)->read("word/comments.xml");
  ASSERT_TRUE(comments.ok()) << "no comments part";
  std::size_t n = 0;
  for (std::size_t at = 0; (at = comments->find("<w:comment ", at)) != std::string::npos; ++at) ++n;
  EXPECT_GE(n, 5u);
  auto document = (*zip)->read("word/document.xml");
  ASSERT_TRUE(document.ok());
  EXPECT_NE(document->find("<w:ins "), std::string::npos) << "no tracked-change fix";
  // The copy holds what `wenfeng annotate` writes for the same draft: read back, the same
  // counts and the same findings left.
  const std::string dir = wenfeng::testing::temp_dir();
  { std::ofstream(dir + "/service.docx", std::ios::binary) << r->body; }
  const auto cli = run_cli({"annotate", "--no-config", "-o", dir + "/cli.docx", path});
  ASSERT_EQ(cli.status == 0 || cli.status == 1, true) << cli.err;
  const auto a = parse_json(run_cli({"check", "--format", "json", "--no-config", dir + "/service.docx"}).out)["files"][0];
  const auto b = parse_json(run_cli({"check", "--format", "json", "--no-config", dir + "/cli.docx"}).out)["files"][0];
  for (const char* k : {"zishu", "hanzi", "chars_no_spaces", "paragraphs"})
    EXPECT_EQ(a["counts"][k].as_number(), b["counts"][k].as_number()) << k;
  EXPECT_EQ(a["findings"].items().size(), b["findings"].items().size());
  // Only a DOCX can be annotated.
  r = upload("/v1/annotate", "a.txt", "关于召开会议的通知");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  EXPECT_EQ(parse_json(r->body)["error"]["code"].as_string(), "unsupported");
}

TEST(ServeApi, MetricsCountRequestsLatencyBytesAndErrors) {
  ASSERT_TRUE(upload("/v1/check", "bad.txt", std::string("\x80\xff\xfe\x81", 4)));
  ASSERT_TRUE(upload("/v1/check", "ok.txt", "关于召开会议的通知"));
  auto m = client().Get("/metrics");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 200);
  EXPECT_NE(m->get_header_value("Content-Type").find("text/plain"), std::string::npos);
  for (const char* want : {"# TYPE wenfeng_http_requests_total counter", "wenfeng_http_requests_total{route=\"/v1/check\",code=\"200\"}",
                           "# TYPE wenfeng_http_request_duration_seconds histogram",
                           "wenfeng_http_request_duration_seconds_bucket{route=\"/v1/check\",le=\"+Inf\"}",
                           "wenfeng_http_request_bytes_total{route=\"/v1/check\"}", "wenfeng_errors_total{code=\"",
                           "wenfeng_checks_in_flight", "process_resident_memory_bytes"})
    EXPECT_NE(m->body.find(want), std::string::npos) << want;
  // A scanner's paths all count as one route.
  ASSERT_TRUE(client().Get("/wp-admin/x"));
  ASSERT_TRUE(client().Get("/etc/passwd"));
  m = client().Get("/metrics");
  EXPECT_NE(m->body.find("route=\"other\",code=\"404\""), std::string::npos);
  EXPECT_EQ(m->body.find("wp-admin"), std::string::npos);
}

}  // namespace
