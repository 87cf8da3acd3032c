// `wenfeng serve` refusing what it must: every error code over HTTP (400, 401, 404, 405,
// 408, 413, 415, 422, 503), hostile reader inputs answered with a 4xx naming the error code
// (the command line's JSON v1) and never a crash, no path from a request opened, uploads
// never written to disk, and 64 concurrent clients served without an error.
#include <gtest/gtest.h>
#include <httplib.h>
#include <zlib.h>

#include <atomic>
#include <fstream>
#include <filesystem>
#include <mutex>
#include <thread>

#include "serve/server_process.h"
#include "support/cli_runner.h"
#include "support/docx_package.h"
#include "support/json_value.h"

using wenfeng::testing::JsonValue;
using wenfeng::testing::parse_json;
using wenfeng::testing::raw_http;
using wenfeng::testing::read_file;
using wenfeng::testing::run_cli;
using wenfeng::testing::ServerProcess;
using wenfeng::testing::source_path;
namespace fs = std::filesystem;

namespace {

using wenfeng::testing::client;

httplib::Result upload(const ServerProcess& s, const std::string& name, const std::string& bytes,
                       const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  return wenfeng::testing::upload(s, "/v1/check", name, bytes, fields);
}

// The error code of a request-level answer or of the file in a JSON v1 answer.
std::string code_of(const std::string& body) {
  const auto v = parse_json(body);
  if (v.has("error")) return v["error"]["code"].as_string();
  return v["files"][0]["error"]["code"].as_string();
}

int status_of(const std::string& raw) {
  if (raw.rfind("HTTP/1.1 ", 0) != 0) return -1;
  return std::stoi(raw.substr(9, 3));
}

std::string body_of(const std::string& raw) {
  const auto at = raw.find("\r\n\r\n");
  return at == std::string::npos ? "" : raw.substr(at + 4);
}

std::string gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

ServerProcess& server() {
  static ServerProcess s;
  return s;
}

TEST(ServeLimits, BadRequestsAre400WithTheReason) {
  ASSERT_TRUE(server().ok());
  auto c = client(server());
  struct Case {
    std::string body, type, code;
  };
  const std::vector<Case> cases = {
      {"{}", "application/json", "usage"},                                   // no input
      {"{\"text\":", "application/json", "usage"},                           // malformed
      {"[1]", "application/json", "usage"},                                  // not an object
      {std::string(40, '[') + std::string(40, ']'), "application/json", "usage"},  // too deep
      {"{\"text\":\"x\",\"profile\":\"nosuch\"}", "application/json", "usage"},
      {"{\"text\":\"x\",\"profile\":\"../profiles/national.yaml\"}", "application/json", "usage"},
      {"{\"text\":\"x\",\"profile\":\"/etc/passwd\"}", "application/json", "usage"},
      {"{\"text\":\"x\",\"profile\":\"jinxiang\",\"kind\":\"no.such-kind\"}", "application/json", "usage"},
      {"{\"text\":\"x\",\"medium\":\"radio\"}", "application/json", "usage"},
      {"{\"text\":\"x\",\"colour\":\"red\"}", "application/json", "usage"},
      {"{\"text\":5}", "application/json", "usage"},
      {"{\"text\":\"\\ud800\"}", "application/json", "usage"},  // a lone surrogate is not UTF-8
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.body.substr(0, 60));
    auto r = c.Post("/v1/check", k.body, k.type.c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(code_of(r->body), k.code);
    EXPECT_EQ(r->get_header_value("X-Wenfeng-Error"), k.code);
    EXPECT_FALSE(parse_json(r->body)["error"]["message"].as_string().empty());
  }
  // Two drafts in one form.
  httplib::MultipartFormDataItems two = {{"file", "甲", "a.txt", ""}, {"file", "乙", "b.txt", ""}};
  auto r = c.Post("/v1/check", two);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  // A form body for a URL-encoded form is refused with a hint.
  r = c.Post("/v1/check", "text=abc", "application/x-www-form-urlencoded");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 415);
  // A broken multipart body.
  const std::string part = "--XX\r\nnot a part\r\n";
  const std::string broken = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=XX\r\n"
                             "Content-Length: " + std::to_string(part.size()) + "\r\n\r\n" + part;
  const std::string raw = raw_http(server().port(), broken);
  EXPECT_EQ(status_of(raw), 400) << raw;
}

TEST(ServeLimits, RequestFileNamesNeverNamePaths) {
  // The name only chooses the reader: directories are dropped, nothing is opened.
  auto r = upload(server(), "../../../../etc/passwd.txt", "关于召开会议的通知");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(parse_json(r->body)["files"][0]["path"].as_string(), "passwd.txt");
  r = upload(server(), "/proc/self/environ", "关于召开会议的通知");
  ASSERT_TRUE(r);
  EXPECT_EQ(parse_json(r->body)["files"][0]["path"].as_string(), "environ");
  r = upload(server(), "..\\..\\boot.ini", "关于召开会议的通知");
  ASSERT_TRUE(r);
  EXPECT_EQ(parse_json(r->body)["files"][0]["path"].as_string(), "boot.ini");
  r = client(server()).Post("/v1/check?filename=/etc/shadow", "关于", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(parse_json(r->body)["files"][0]["path"].as_string(), "shadow");
}

TEST(ServeLimits, HostileReaderInputsAre4xxWithTheCommandLinesError) {
  auto docx = [](const std::vector<std::pair<std::string, std::string>>& parts) {
    auto z = wenfeng::testing::zip_files(parts);
    EXPECT_TRUE(z.ok());
    return z.ok() ? *z : std::string();
  };
  struct Case {
    std::string name, bytes;
    int status;
    std::string code;
  };
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + std::string(504, '\0'));
  const std::vector<Case> cases = {
      {"bad.txt", std::string("\x80\xff\xfe\x81", 4), 422, "encoding"},
      {"bad.docx", "PK\x03\x04 truncated", 422, "not-zip"},
      {"plain.docx", "这不是 zip", 422, "not-zip"},
      {"nodoc.docx", docx({{"[Content_Types].xml", "<Types/>"}, {"x.txt", "x"}}), 422, "missing-part"},
      {"broken.docx", docx({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document><w:body>"}}), 422,
       "malformed-xml"},
      {"entity.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>", 415, "unsupported"},
      {"old.doc", ole, 415, "legacy-format"},
      {"paper.pdf", "%PDF-1.7\n...", 415, "unsupported"},
      {"empty.txt", "", 422, "empty"},
  };
  const std::string dir = wenfeng::testing::temp_dir();
  for (const auto& k : cases) {
    SCOPED_TRACE(k.name);
    auto r = upload(server(), k.name, k.bytes);
    ASSERT_TRUE(r) << "no answer (crash?)";
    EXPECT_EQ(r->status, k.status) << r->body;
    EXPECT_EQ(code_of(r->body), k.code) << r->body;
    EXPECT_EQ(r->get_header_value("X-Wenfeng-Error"), k.code);
    if (k.code == "empty") continue;  // the command line words an empty stdin its own way
    // The same JSON v1 the command line prints for the same bytes.
    const std::string path = dir + "/" + k.name;
    { std::ofstream(path, std::ios::binary) << k.bytes; }
    EXPECT_EQ(r->body, run_cli({"check", "--format", "json", "--stdin-filename", k.name, "-"}, path, dir).out);
  }
  auto h = client(server()).Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
}

TEST(ServeLimits, UnknownPathsAndWrongMethods) {
  auto c = client(server());
  auto r = c.Get("/nosuch");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(code_of(r->body), "not-found");
  r = c.Get("/v1/check");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->get_header_value("Allow"), "POST");
  r = c.Put("/v1/check", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  r = c.Post("/v1/profiles", "x", "text/plain");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 405);
  // A body sent to a path nobody takes is refused before it is read (httplib would buffer a
  // chunked body of any size).
  const std::string raw = raw_http(server().port(),
                                   "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "10\r\n0123456789abcdef\r\n");
  EXPECT_EQ(status_of(raw), 404) << raw;
  EXPECT_NE(raw.find("Connection: close"), std::string::npos);
}

TEST(ServeLimits, BodiesOverTheCapAre413HoweverTheyArrive) {
  ServerProcess s({"--max-body", "1", "--max-expanded", "1"});
  ASSERT_TRUE(s.ok());
  const std::string big(1536 * 1024, 'a');
  // Declared too large: refused before reading.
  std::string raw = raw_http(s.port(), "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                        "Content-Length: 1073741824\r\n\r\nabc");
  EXPECT_EQ(status_of(raw), 413) << raw;
  EXPECT_EQ(code_of(body_of(raw)), "too-large");
  // Multipart over the cap.
  auto r = upload(s, "big.txt", big);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  // Chunked, with no length declared.
  std::string chunked = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 24; ++i) chunked += "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
  raw = raw_http(s.port(), chunked + "0\r\n\r\n");
  EXPECT_EQ(status_of(raw), 413) << raw.substr(0, 200);
  // A gzip bomb: 10 KB on the wire, 8 MiB once inflated.
  const std::string bomb = gzip(std::string(8 << 20, 'a'));
  ASSERT_LT(bomb.size(), 64u * 1024);
  raw = raw_http(s.port(), "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
                           "Content-Length: " + std::to_string(bomb.size()) + "\r\n\r\n" + bomb);
  EXPECT_EQ(status_of(raw), 413) << raw.substr(0, 200);
  // A zip bomb inside a small DOCX: a part inflating past --max-expanded.
  auto docx = wenfeng::testing::zip_files({{"[Content_Types].xml", "<Types/>"},
                                           {"word/document.xml", std::string(3 << 20, ' ')}});
  ASSERT_TRUE(docx.ok());
  ASSERT_LT(docx->size(), 1u << 20);
  r = upload(s, "bomb.docx", *docx);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(code_of(r->body), "zip-bomb");
  // Gzip that is within the cap is accepted (Content-Encoding undone).
  const std::string small = gzip("关于召开会议的通知");
  raw = raw_http(s.port(), "POST /v1/check?filename=a.txt HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                           "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(small.size()) + "\r\n\r\n" + small);
  EXPECT_EQ(status_of(raw), 200) << raw.substr(0, 300);
  auto h = client(s).Get("/healthz");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->status, 200);
}

TEST(ServeLimits, ABodyThatDoesNotArriveInTimeIs408) {
  ServerProcess s({"--timeout", "2"});
  ASSERT_TRUE(s.ok());
  const auto t0 = std::chrono::steady_clock::now();
  // Half of the body, then silence.
  const std::string raw = raw_http(s.port(), "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                                             "Content-Length: 100\r\n\r\n0123456789");
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(status_of(raw), 408) << raw;
  EXPECT_EQ(code_of(body_of(raw)), "timeout");
  EXPECT_GE(waited, 1.5);
  EXPECT_LT(waited, 10);
  // A trickle that keeps the socket alive is cut at the deadline as well.
  std::string head = "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n0";
  const std::string trickle = raw_http(s.port(), head, 1500, "1", 10);
  const std::string later = trickle.empty() ? raw_http(s.port(), head, 2600, "2", 10) : trickle;
  EXPECT_TRUE(status_of(trickle) == 408 || status_of(later) == 408) << trickle << later;
}

TEST(ServeLimits, TokenAuthenticationForNonLocalUse) {
  ServerProcess s({}, {{"WENFENG_SERVE_TOKEN", "s3cret-token"}});
  ASSERT_TRUE(s.ok());
  auto c = client(s);
  auto r = c.Post("/v1/check", "{\"text\":\"关于\"}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_EQ(code_of(r->body), "unauthorized");
  EXPECT_NE(r->get_header_value("WWW-Authenticate").find("Bearer"), std::string::npos);
  c.set_bearer_token_auth("wrong-token!");
  r = c.Get("/v1/profiles");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = c.Get("/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  c.set_bearer_token_auth("s3cret-token");
  r = c.Post("/v1/check", "{\"text\":\"关于\"}", "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // Probes and the page itself stay open (the page asks for the token).
  httplib::Client open("127.0.0.1", s.port());
  for (const char* path : {"/healthz", "/readyz", "/"}) {
    auto o = open.Get(path);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->status, 200) << path;
  }
  // The token file form; a missing file stops the server from starting.
  const std::string dir = wenfeng::testing::temp_dir();
  { std::ofstream(dir + "/token") << "from-a-file\n"; }
  ServerProcess f({"--token-file", dir + "/token"});
  ASSERT_TRUE(f.ok());
  auto fc = client(f);
  fc.set_bearer_token_auth("from-a-file");
  r = fc.Get("/v1/rules");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  const auto bad = run_cli({"serve", "--port", "0", "--token-file", dir + "/missing"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("令牌"), std::string::npos);
}

TEST(ServeLimits, BusyIs503AndEveryOtherRequestSucceeds) {
  ServerProcess s({"--workers", "1", "--queue", "0"});
  ASSERT_TRUE(s.ok());
  const std::string draft = read_file(source_path("samples/jinxiang/research-main-long.txt"));
  std::string big;
  while (big.size() < (1u << 20)) big += draft;
  std::atomic<int> ok{0}, busy{0}, other{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < 6; ++i)
    clients.emplace_back([&] {
      auto r = upload(s, "big.txt", big);
      if (r && r->status == 200) ++ok;
      else if (r && r->status == 503 && code_of(r->body) == "busy" && r->has_header("Retry-After")) ++busy;
      else ++other;
    });
  for (auto& t : clients) t.join();
  EXPECT_GE(ok.load(), 1);
  EXPECT_GE(busy.load(), 1);
  EXPECT_EQ(other.load(), 0);
}

TEST(ServeLimits, SixtyFourConcurrentClientsAllSucceedWithTheSameAnswer) {
  const std::string draft = read_file(source_path("samples/daxing/info-issue-over.docx"));
  auto first = upload(server(), "info.docx", draft, {{"profile", "daxing"}});
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200);
  std::atomic<int> same{0}, wrong{0};
  std::mutex mu;
  std::string problems;
  std::vector<std::thread> clients;
  for (int i = 0; i < 64; ++i)
    clients.emplace_back([&] {
      auto c = client(server());
      for (int k = 0; k < 3; ++k) {
        httplib::MultipartFormDataItems items = {{"file", draft, "info.docx", ""}, {"profile", "daxing", "", ""}};
        auto r = c.Post("/v1/check", items);
        if (r && r->status == 200 && r->body == first->body) {
          ++same;
        } else {
          ++wrong;
          std::lock_guard<std::mutex> lock(mu);
          problems += (r ? "status " + std::to_string(r->status) + " " + r->body.substr(0, 120)
                         : "no answer: " + httplib::to_string(r.error())) + "\n";
        }
      }
    });
  for (auto& t : clients) t.join();
  EXPECT_EQ(same.load(), 192);
  EXPECT_EQ(wrong.load(), 0) << problems;
}

TEST(ServeLimits, UploadsAreNeverWrittenToDisk) {
  // A server whose working and temporary directories start empty stays that way.
  const std::string dir = wenfeng::testing::temp_dir();
  fs::create_directories(dir + "/work");
  fs::create_directories(dir + "/tmp");
  ServerProcess s({}, {{"TMPDIR", dir + "/tmp"}}, dir + "/work");
  ASSERT_TRUE(s.ok());
  for (const char* rel : {"samples/jinxiang/research-main-long.docx", "samples/formats/draft.odt", "samples/formats/draft.html"}) {
    auto r = upload(s, fs::path(rel).filename().string(), read_file(source_path(rel)));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << rel;
  }
  EXPECT_TRUE(fs::is_empty(dir + "/work"));
  EXPECT_TRUE(fs::is_empty(dir + "/tmp"));
  // No regular file is open in the server but its own binary's libraries.
  for (const auto& e : fs::directory_iterator("/proc/" + std::to_string(s.pid()) + "/fd")) {
    std::error_code ec;
    const auto target = fs::read_symlink(e.path(), ec);
    if (ec) continue;
    EXPECT_EQ(target.string().find(dir), std::string::npos) << target;
  }
  EXPECT_EQ(s.stop(), 0);  // SIGTERM stops it cleanly
}

}  // namespace
