// The language server driven message by message (lsp::Server), and once through the binary
// with Content-Length framing.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "lsp/server.h"
#include "support/cli_runner.h"

using nlohmann::json;

namespace {

class Client {
 public:
  explicit Client(json init_params = json::object(), wenfeng::lint::RunOptions o = {}) {
    server_ = std::make_unique<wenfeng::lsp::Server>(std::move(o), [this](std::string s) { out_.push_back(json::parse(s)); });
    const json r = request("initialize", std::move(init_params));
    capabilities = r["result"]["capabilities"];
    notify("initialized", json::object());
  }
  json request(const std::string& method, json params) {
    const int id = ++id_;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    for (const auto& m : out_)
      if (m.contains("id") && m["id"] == id) return m;
    return json();
  }
  void notify(const std::string& method, json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  void send(const json& m) {
    out_.clear();
    server_->handle(m.dump());
  }
  // The last publishDiagnostics sent for the last message.
  json diagnostics() const {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it)
      if (it->value("method", "") == "textDocument/publishDiagnostics") return (*it)["params"];
    return json();
  }
  void open(const std::string& uri, const std::string& text, int version = 1) {
    notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", version}, {"text", text}}}});
  }
  const std::vector<json>& out() const { return out_; }
  wenfeng::lsp::Server& server() { return *server_; }
  json capabilities;

 private:
  std::unique_ptr<wenfeng::lsp::Server> server_;
  std::vector<json> out_;
  int id_ = 0;
};

const char* kDraft = "关于做好防汛工作的通知\n𠮷祥村、王家庄村,要在汛前完成巡查。\n";

json find(const json& diags, const std::string& code, int line) {
  for (const auto& d : diags["diagnostics"])
    if (d["code"] == code && d["range"]["start"]["line"] == line) return d;
  return json();
}

json offering(std::initializer_list<const char*> encodings) {
  json list = json::array();
  for (const char* e : encodings) list.push_back(e);
  return {{"capabilities", {{"general", {{"positionEncodings", list}}}}}};
}

std::string file_uri(const std::string& path) { return "file://" + path; }

TEST(LspServer, PositionEncodingNegotiated) {
  struct Case {
    json params;
    const char* encoding;
    int start;  // the comma after 𠮷祥村、王家庄村
  } cases[] = {{json::object(), "utf-16", 9},
               {offering({"utf-16", "utf-8"}), "utf-16", 9},
               {offering({"utf-8", "utf-16"}), "utf-8", 25},
               {offering({"utf-32"}), "utf-32", 8}};
  for (auto& c : cases) {
    Client client(c.params);
    EXPECT_EQ(client.capabilities["positionEncoding"], c.encoding);
    client.open(file_uri(wenfeng::testing::temp_dir() + "/a.txt"), kDraft);
    const json d = find(client.diagnostics(), "punct.halfwidth", 1);
    ASSERT_FALSE(d.is_null()) << client.diagnostics().dump();
    EXPECT_EQ(d["range"]["start"]["character"], c.start) << c.encoding;
    EXPECT_EQ(d["severity"], 1);
    EXPECT_EQ(d["source"], "wenfeng");
    EXPECT_NE(d["codeDescription"]["href"].get<std::string>().find("#puncthalfwidth"), std::string::npos);
    EXPECT_NE(d["message"].get<std::string>().find("GB/T 15834"), std::string::npos) << "the clause is named";
  }
}

TEST(LspServer, FullAndIncrementalChanges) {
  Client c;
  const std::string uri = file_uri(wenfeng::testing::temp_dir() + "/a.txt");
  c.open(uri, kDraft);
  ASSERT_FALSE(find(c.diagnostics(), "punct.halfwidth", 1).is_null());
  // Incremental: replace the comma (UTF-16 9..10 on line 1) by a full-width one.
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", 2}}},
            {"contentChanges",
             {{{"range", {{"start", {{"line", 1}, {"character", 9}}}, {"end", {{"line", 1}, {"character", 10}}}}},
               {"text", "，"}}}}});
  EXPECT_EQ(c.diagnostics()["version"], 2);
  EXPECT_TRUE(find(c.diagnostics(), "punct.halfwidth", 1).is_null()) << c.diagnostics().dump();
  // Two changes in one message, applied in order: insert a line, then a comma on it.
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", 3}}},
            {"contentChanges",
             {{{"range", {{"start", {{"line", 2}, {"character", 0}}}, {"end", {{"line", 2}, {"character", 0}}}}},
               {"text", "𠮷𠮷村村民\n"}},
              {{"range", {{"start", {{"line", 2}, {"character", 4}}}, {"end", {{"line", 2}, {"character", 4}}}}},
               {"text", ","}}}}});
  const json d = find(c.diagnostics(), "punct.halfwidth", 2);
  ASSERT_FALSE(d.is_null()) << c.diagnostics().dump();
  EXPECT_EQ(d["range"]["start"]["character"], 4);
  // A full change replaces everything.
  c.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 4}}},
                                      {"contentChanges", {{{"text", "通知\n各单位,请\n"}}}}});
  EXPECT_EQ(find(c.diagnostics(), "punct.halfwidth", 1)["range"]["start"]["character"], 3);
  c.notify("textDocument/didClose", {{"textDocument", {{"uri", uri}}}});
  EXPECT_TRUE(c.diagnostics()["diagnostics"].empty());
}

TEST(LspServer, CodeActionsFromFixes) {
  Client c;
  const std::string uri = file_uri(wenfeng::testing::temp_dir() + "/a.txt");
  c.open(uri, "关于做好防汛工作的通知\n各乡镇,各部门,请于5月1日前报送。\n");
  const json r = c.request("textDocument/codeAction",
                           {{"textDocument", {{"uri", uri}}},
                            {"range", {{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 4}}}}},
                            {"context", {{"diagnostics", json::array()}}}});
  const json& actions = r["result"];
  ASSERT_TRUE(actions.is_array());
  json quick, all;
  for (const auto& a : actions) {
    if (a["kind"] == "quickfix" && quick.is_null()) quick = a;
    if (a["kind"] == "source.fixAll.wenfeng") all = a;
  }
  ASSERT_FALSE(quick.is_null()) << actions.dump();
  const json edit = quick["edit"]["changes"][uri][0];
  EXPECT_EQ(edit["newText"], "，");
  EXPECT_EQ(edit["range"]["start"]["character"], 3);
  EXPECT_EQ(quick["diagnostics"][0]["code"], "punct.halfwidth");
  ASSERT_FALSE(all.is_null());
  EXPECT_GE(all["edit"]["changes"][uri].size(), 2u);
}

TEST(LspServer, HoverAndCountsCommand) {
  Client c;
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string uri = file_uri(dir + "/a.txt");
  c.open(uri, kDraft);
  const json h = c.request("textDocument/hover",
                           {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 1}, {"character", 3}}}});
  const std::string md = h["result"]["contents"]["value"];
  EXPECT_NE(md.find("第 2 段"), std::string::npos) << md;
  EXPECT_NE(md.find("18 字"), std::string::npos) << md;  // 𠮷祥村、王家庄村,要在汛前完成巡查。
  EXPECT_NE(md.find("限额 5000 字"), std::string::npos) << md;
  EXPECT_NE(md.find("字/分钟"), std::string::npos) << md;
  const json r = c.request("workspace/executeCommand", {{"command", "wenfeng.counts"}, {"arguments", {uri}}});
  EXPECT_EQ(r["result"]["counts"]["zishu"], 29) << r.dump();
  EXPECT_EQ(r["result"]["counts"]["paragraphs"], 2);
  EXPECT_TRUE(r["result"].contains("pages"));
  // A file that is not open is read from disk.
  const std::string sample = wenfeng::testing::source_path("samples/count/notice.txt");
  const auto cli = wenfeng::testing::run_cli({"count", "--format", "json", sample});
  const json expected = json::parse(cli.out)["files"][0]["counts"];
  const json d = c.request("workspace/executeCommand", {{"command", "wenfeng.counts"}, {"arguments", {file_uri(sample)}}});
  EXPECT_EQ(d["result"]["counts"], expected);
}

TEST(LspServer, ConfigurationFromFolderAndClientSettings) {
  const std::string dir = wenfeng::testing::temp_dir();
  std::ofstream(dir + "/.wenfeng.yaml") << "profile: jinxiang\n";
  const std::string uri = file_uri(dir + "/a.txt");
  auto profile_in_hover = [&](Client& c) {
    const json h = c.request("textDocument/hover",
                             {{"textDocument", {{"uri", uri}}}, {"position", {{"line", 0}, {"character", 0}}}});
    const std::string md = h["result"]["contents"]["value"];
    const auto at = md.find("规范 ");
    return at == std::string::npos ? std::string() : md.substr(at + 7, md.find("，", at) - at - 7);
  };
  Client c;
  c.open(uri, kDraft);
  EXPECT_EQ(profile_in_hover(c), "jinxiang");
  c.notify("workspace/didChangeConfiguration", {{"settings", {{"wenfeng", {{"profile", "daxing"}}}}}});
  EXPECT_FALSE(c.diagnostics().is_null()) << "open documents are re-linted";
  EXPECT_EQ(profile_in_hover(c), "daxing");
  Client d(json{{"initializationOptions", {{"profile", "hubei"}}}});
  d.open(uri, kDraft);
  EXPECT_EQ(profile_in_hover(d), "hubei");
}

TEST(LspServer, DocxIsReadFromDisk) {
  const std::string path = wenfeng::testing::source_path("samples/formats/draft.docx");
  const auto cli = wenfeng::testing::run_cli({"check", "--format", "json", "--profile", "jinxiang", path});
  // JSON groups one rule's findings in a paragraph (`occurrences`) and may lead with an
  // overview; the editor gets every occurrence.
  const json report = json::parse(cli.out);
  json expected = json::array();
  for (const auto& x : report["files"][0]["findings"]) {
    if (x.contains("occurrences")) {
      for (const auto& o : x["occurrences"]) expected.push_back({{"rule", x["rule"]}, {"paragraph", o["paragraph"]}});
    } else if (x["count"].get<int>() == 1) {
      expected.push_back(x);
    }
  }
  ASSERT_FALSE(expected.empty());
  Client c(json{{"initializationOptions", {{"wenfeng", {{"profile", "jinxiang"}}}}}});
  c.open(file_uri(path), "PK\x03\x04 what an editor shows of a zip");
  const json diags = c.diagnostics()["diagnostics"];
  ASSERT_EQ(diags.size(), expected.size()) << diags.dump();
  for (std::size_t i = 0; i < diags.size(); ++i) {
    EXPECT_EQ(diags[i]["code"], expected[i]["rule"]);
    EXPECT_EQ(diags[i]["range"]["start"]["line"], expected[i]["paragraph"].get<int>() - 1) << "line = paragraph";
  }
}

TEST(LspServer, ProtocolErrorsAndLifecycle) {
  wenfeng::lint::RunOptions o;
  std::vector<json> out;
  wenfeng::lsp::Server s(o, [&](std::string m) { out.push_back(json::parse(m)); });
  s.handle(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}})");
  EXPECT_EQ(out.back()["error"]["code"], -32002);
  s.handle("{not json");
  EXPECT_EQ(out.back()["error"]["code"], -32700);
  s.handle(R"({"jsonrpc":"2.0","id":"a","method":"initialize","params":{"capabilities":{}}})");
  EXPECT_EQ(out.back()["id"], "a");
  s.handle(R"({"jsonrpc":"2.0","id":2,"method":"textDocument/unknown","params":{}})");
  EXPECT_EQ(out.back()["error"]["code"], -32601);
  s.handle(R"({"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"range":5}})");
  EXPECT_TRUE(out.back()["result"].is_array());
  s.handle(R"({"jsonrpc":"2.0","id":4,"method":"shutdown"})");
  EXPECT_TRUE(out.back()["result"].is_null());
  EXPECT_FALSE(s.exited());
  s.handle(R"({"jsonrpc":"2.0","method":"exit"})");
  EXPECT_TRUE(s.exited());
  EXPECT_EQ(s.exit_status(), 0);
}

TEST(LspServer, MessagesOfTheWrongShapeAreAnsweredNotFatal) {
  Client c;
  const std::string uri = file_uri(wenfeng::testing::temp_dir() + "/a.txt");
  c.open(uri, kDraft);
  for (const char* m : {R"({"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":5}})",
                        R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"URI"},"contentChanges":"x"}})",
                        R"({"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"URI"},"contentChanges":[{"range":{"start":{"line":"a"},"end":7},"text":3}]}})",
                        R"({"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"textDocument":{"uri":"URI"},"position":{"line":-4,"character":1e9}}})",
                        R"({"jsonrpc":"2.0","id":8,"method":"workspace/executeCommand","params":{"command":"wenfeng.counts","arguments":[{}]}})",
                        R"({"jsonrpc":"2.0","id":9,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"URI"},"range":{"start":[],"end":null}}})",
                        R"([1,2,3])"}) {
    std::string msg = m;
    if (const auto at = msg.find("URI"); at != std::string::npos) msg.replace(at, 3, uri);
    const json j = json::parse(msg);
    c.send(j);
    if (!j.is_object() || !j.contains("id")) continue;
    bool answered = false;
    for (const auto& out : c.out()) answered |= out.contains("id") && out["id"] == j["id"];
    EXPECT_TRUE(answered) << msg;
  }
  // Still serving.
  c.open(uri, kDraft, 9);
  EXPECT_FALSE(find(c.diagnostics(), "punct.halfwidth", 1).is_null());
}

TEST(LspServer, PathsFromUris) {
  EXPECT_EQ(wenfeng::lsp::path_from_uri("file:///tmp/%E6%96%87%20a.txt"), "/tmp/文 a.txt");
  EXPECT_EQ(wenfeng::lsp::path_from_uri("file://localhost/tmp/a.txt"), "/tmp/a.txt");
  EXPECT_EQ(wenfeng::lsp::path_from_uri("untitled:Untitled-1"), "");
}

std::string frame(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(LspServer, BinaryOverStdioWithFraming) {
  const std::string dir = wenfeng::testing::temp_dir();
  const std::string uri = file_uri(dir + "/a.txt");
  json open = {{"jsonrpc", "2.0"},
               {"method", "textDocument/didOpen"},
               {"params", {{"textDocument", {{"uri", uri}, {"languageId", "plaintext"}, {"version", 1}, {"text", kDraft}}}}}};
  std::ofstream(dir + "/in") << frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})")
                             << frame(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") << frame(open.dump())
                             << frame(R"({"jsonrpc":"2.0","id":2,"method":"shutdown"})")
                             << frame(R"({"jsonrpc":"2.0","method":"exit"})");
  const auto r = wenfeng::testing::run_cli({"lsp", "--stdio"}, dir + "/in");
  EXPECT_EQ(r.status, 0) << r.err;
  std::vector<json> messages;
  for (std::size_t at = 0; at < r.out.size();) {
    const auto sep = r.out.find("\r\n\r\n", at);
    ASSERT_NE(sep, std::string::npos);
    const std::size_t n = std::stoul(r.out.substr(at + 16, sep - at - 16));
    messages.push_back(json::parse(r.out.substr(sep + 4, n)));
    at = sep + 4 + n;
  }
  ASSERT_EQ(messages.size(), 3u);
  EXPECT_EQ(messages[1]["method"], "textDocument/publishDiagnostics");
  EXPECT_EQ(messages[2]["id"], 2);
  // Without shutdown first, exit is status 1.
  std::ofstream(dir + "/in2") << frame(R"({"jsonrpc":"2.0","method":"exit"})");
  EXPECT_EQ(wenfeng::testing::run_cli({"lsp"}, dir + "/in2").status, 1);
}

}  // namespace
