#include "lsp/server.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <nlohmann/json.hpp>

#include "base/format.h"
#include "count/counter.h"
#include "report/json_writer.h"
#include "report/position.h"
#include "report/renderer.h"

namespace wenfeng::lsp {
namespace {

using json = nlohmann::json;
using report::JsonWriter;

// JSON-RPC and LSP error codes.
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;
constexpr int kInvalidRequest = -32600;

const json* member(const json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string string_at(const json& j, const char* key) {
  const json* m = member(j, key);
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

std::uint32_t uint_at(const json& j, const char* key) {
  const json* m = member(j, key);
  return m && m->is_number_unsigned() ? m->get<std::uint32_t>()
         : m && m->is_number_integer() ? static_cast<std::uint32_t>(std::max<std::int64_t>(0, m->get<std::int64_t>()))
                                       : 0;
}

// Formats read from the file on disk rather than from the editor's buffer (binary containers).
bool read_from_disk(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() &&
           std::equal(ext.rbegin(), ext.rend(), path.rbegin(), [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  return ends(".docx") || ends(".odt");
}

struct Range {
  std::uint32_t l0 = 0, c0 = 0, l1 = 0, c1 = 0;
  bool intersects(const Range& r) const {
    return !(std::make_pair(l1, c1) < std::make_pair(r.l0, r.c0) || std::make_pair(r.l1, r.c1) < std::make_pair(l0, c0));
  }
};

void write_range(JsonWriter& j, const Range& r) {
  j.key("range").begin_object();
  j.key("start").begin_object().key("line").value(r.l0).key("character").value(r.c0).end_object();
  j.key("end").begin_object().key("line").value(r.l1).key("character").value(r.c1).end_object();
  j.end_object();
}

void write_id(JsonWriter& j, const json& id) {
  if (id.is_number_integer()) j.value(id.get<std::int64_t>());
  else if (id.is_string()) j.value(id.get<std::string>());
  else j.null();
}

int lsp_severity(model::Severity s) {
  return s == model::Severity::kError ? 1 : s == model::Severity::kWarning ? 2 : 3;
}

struct Document {
  std::string uri;
  std::string path;  // on disk, or "" for an untitled buffer
  std::string name;  // what the reader and the configuration search see
  std::int64_t version = 0;
  TextBuffer text;
  bool from_disk = false;
  std::optional<lint::FileResult> result;
};

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

std::string path_from_uri(std::string_view uri) {
  if (uri.rfind("file://", 0) != 0) return {};
  std::string_view rest = uri.substr(7);
  if (!rest.empty() && rest[0] != '/') {  // file://host/path: keep the path
    const auto slash = rest.find('/');
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  }
  if (const auto q = rest.find_first_of("?#"); q != std::string_view::npos) rest = rest.substr(0, q);
  return percent_decode(rest);
}

struct Server::Impl {
  Server& self;
  lint::RunOptions base;      // the command line's
  lint::RunOptions options;   // with the client's settings
  std::function<void(std::string)> send;
  std::unique_ptr<lint::Session> session;
  std::map<std::string, Document> docs;
  bool initialized = false, shutdown = false;

  Impl(Server& s, lint::RunOptions o, std::function<void(std::string)> out)
      : self(s), base(o), options(std::move(o)), send(std::move(out)) {}

  // ---- messages out ----
  void respond(const json& id, const std::function<void(JsonWriter&)>& result) {
    JsonWriter j;
    j.begin_object().key("jsonrpc").value("2.0").key("id");
    write_id(j, id);
    j.key("result");
    if (result) result(j);
    else j.null();
    j.end_object();
    send(j.take());
  }
  void respond_error(const json& id, int code, const std::string& message) {
    JsonWriter j;
    j.begin_object().key("jsonrpc").value("2.0").key("id");
    write_id(j, id);
    j.key("error").begin_object().key("code").value(code).key("message").value(message).end_object();
    j.end_object();
    send(j.take());
  }
  void notify(std::string_view method, const std::function<void(JsonWriter&)>& params) {
    JsonWriter j;
    j.begin_object().key("jsonrpc").value("2.0").key("method").value(method).key("params");
    params(j);
    j.end_object();
    send(j.take());
  }
  void show_message(int type, const std::string& text) {
    notify("window/showMessage", [&](JsonWriter& j) { j.begin_object().key("type").value(type).key("message").value(text).end_object(); });
  }

  // ---- settings ----
  bool open_session() {
    auto s = lint::Session::open(options, true);
    if (!s.ok()) {
      show_message(1, "wenfeng: " + s.error().message);
      return false;
    }
    session = std::move(s).value();
    return true;
  }
  void apply_settings(const json& settings) {
    const json* w = member(settings, "wenfeng");
    const json& s = w ? *w : settings;
    options = base;
    for (auto [key, slot] : {std::pair{"profile", &options.profile}, {"kind", &options.kind}, {"medium", &options.medium}})
      if (std::string v = string_at(s, key); !v.empty()) *slot = v;
    if (const json* f = member(s, "failOn"); f && f->is_string()) {
      model::Severity sev;
      if (model::parse_severity(f->get<std::string>(), sev)) options.fail_on = sev;
    }
  }

  // ---- positions ----
  // A byte range of a block as an LSP range in the negotiated encoding.
  Range range_of(const Document& d, std::uint32_t block, std::uint32_t offset, std::uint32_t length,
                 std::uint32_t paragraph) const {
    const model::Document& doc = *d.result->doc;
    const auto s = report::source_span(doc, block, offset, length, paragraph, report::ColumnUnit::kByte);
    Range r;
    r.l0 = s.line - 1;
    r.l1 = s.end_line - 1;
    // Columns are bytes into the line: the buffer's line for text, the paragraph for DOCX.
    auto chars = [&](std::uint32_t line, std::uint32_t byte_col) {
      const std::string_view t = doc.format == model::Format::kDocx || d.from_disk ? doc.block_text(block)
                                                                                     : d.text.line(line);
      return units(t.substr(0, std::min<std::size_t>(byte_col - 1, t.size())), self.encoding_);
    };
    r.c0 = chars(r.l0, s.column);
    r.c1 = chars(r.l1, s.end_column);
    return r;
  }

  void write_diagnostic(JsonWriter& j, const Document& d, const model::Diagnostic& f, const report::Position& p) {
    j.begin_object();
    write_range(j, range_of(d, f.block, f.offset, f.length, p.paragraph));
    j.key("severity").value(lsp_severity(f.severity));
    j.key("code").value(f.rule_id());
    j.key("codeDescription").begin_object().key("href").value(report::rule_help_uri(f.rule_id())).end_object();
    j.key("source").value("wenfeng");
    std::string message = f.text();
    if (f.source && !f.source->text().empty()) message += "\n依据：" + f.source->text();
    j.key("message").value(message);
    if (f.fix) j.key("data").begin_object().key("fix").value(f.fix->replacement).end_object();
    j.end_object();
  }

  // ---- linting ----
  void lint(Document& d) {
    d.result = d.from_disk ? session->check(d.path, nullptr) : session->check_buffer(d.name, d.text.text());
    publish(d);
  }

  void publish(const Document& d) {
    notify("textDocument/publishDiagnostics", [&](JsonWriter& j) {
      j.begin_object().key("uri").value(d.uri).key("version").value(d.version).key("diagnostics").begin_array();
      const auto& f = *d.result;
      if (f.error && f.error->code != ErrorCode::kEmpty) {
        j.begin_object();
        write_range(j, Range{});
        j.key("severity").value(1).key("code").value(error_code_name(f.error->code)).key("source").value("wenfeng");
        j.key("message").value(f.error->message + (f.error->where.empty() ? "" : "（" + f.error->where + "）"));
        j.end_object();
      }
      if (f.report) {
        const auto positions = report::locate(*f.doc, f.report->findings, f.report->m.numbers);
        for (std::size_t i = 0; i < f.report->findings.size(); ++i)
          write_diagnostic(j, d, f.report->findings[i], positions[i]);
      }
      j.end_array().end_object();
    });
  }

  Document* find(const json& params) {
    const json* td = member(params, "textDocument");
    if (!td) return nullptr;
    auto it = docs.find(string_at(*td, "uri"));
    return it == docs.end() ? nullptr : &it->second;
  }

  // ---- handlers ----
  void initialize(const json& id, const json& params) {
    // The client lists the encodings it supports, most preferred first; utf-16 otherwise.
    self.encoding_ = Encoding::kUtf16;
    if (const json* caps = member(params, "capabilities"))
      if (const json* general = member(*caps, "general"))
        if (const json* encs = member(*general, "positionEncodings"); encs && encs->is_array())
          for (const auto& e : *encs) {
            if (!e.is_string()) continue;
            const std::string name = e.get<std::string>();
            if (name == "utf-8") { self.encoding_ = Encoding::kUtf8; break; }
            if (name == "utf-32") { self.encoding_ = Encoding::kUtf32; break; }
            if (name == "utf-16") break;
          }
    if (const json* init = member(params, "initializationOptions")) apply_settings(*init);
    if (!open_session() && !(options = base, open_session())) {
      respond_error(id, kInvalidParams, "wenfeng: 无法加载规范或词典");
      return;
    }
    initialized = true;
    respond(id, [&](JsonWriter& j) {
      j.begin_object().key("capabilities").begin_object();
      j.key("positionEncoding").value(encoding_name(self.encoding_));
      j.key("textDocumentSync").begin_object().key("openClose").value(true).key("change").value(2);
      j.key("save").begin_object().key("includeText").value(false).end_object().end_object();
      j.key("codeActionProvider").begin_object().key("codeActionKinds").begin_array().value("quickfix").value("source.fixAll");
      j.end_array().end_object();
      j.key("hoverProvider").value(true);
      j.key("executeCommandProvider").begin_object().key("commands").begin_array().value("wenfeng.counts").end_array();
      j.end_object();
      j.end_object();
      j.key("serverInfo").begin_object().key("name").value("wenfeng").key("version").value(WENFENG_VERSION).end_object();
      j.end_object();
    });
  }

  void did_open(const json& params) {
    const json* td = member(params, "textDocument");
    if (!td) return;
    Document d;
    d.uri = string_at(*td, "uri");
    d.path = path_from_uri(d.uri);
    // An untitled buffer is read as text; its configuration comes from the current folder.
    d.name = d.path.empty() ? "untitled.txt" : d.path;
    if (const json* v = member(*td, "version"); v && v->is_number_integer()) d.version = v->get<std::int64_t>();
    d.from_disk = !d.path.empty() && read_from_disk(d.path);
    if (!d.from_disk) d.text = TextBuffer(string_at(*td, "text"));
    auto [it, _] = docs.insert_or_assign(d.uri, std::move(d));
    lint(it->second);
  }

  void did_change(const json& params) {
    Document* d = find(params);
    if (!d) return;
    if (const json* v = member(*member(params, "textDocument"), "version"); v && v->is_number_integer())
      d->version = v->get<std::int64_t>();
    if (const json* changes = member(params, "contentChanges"); changes && changes->is_array() && !d->from_disk)
      for (const auto& c : *changes) {
        const json* r = member(c, "range");
        if (!r) {
          d->text = TextBuffer(string_at(c, "text"));
          continue;
        }
        const json* start = member(*r, "start");
        const json* end = member(*r, "end");
        if (!start || !end) continue;
        const std::size_t b = d->text.offset(uint_at(*start, "line"), uint_at(*start, "character"), self.encoding_);
        const std::size_t e = d->text.offset(uint_at(*end, "line"), uint_at(*end, "character"), self.encoding_);
        d->text.replace(b, e, string_at(c, "text"));
      }
    lint(*d);
  }

  void did_save(const json& params) {
    Document* d = find(params);
    if (!d) return;
    if (const json* t = member(params, "text"); t && t->is_string() && !d->from_disk) d->text = TextBuffer(t->get<std::string>());
    lint(*d);
  }

  void did_close(const json& params) {
    Document* d = find(params);
    if (!d) return;
    const std::string uri = d->uri;
    docs.erase(uri);
    notify("textDocument/publishDiagnostics", [&](JsonWriter& j) {
      j.begin_object().key("uri").value(uri).key("diagnostics").begin_array().end_array().end_object();
    });
  }

  void code_action(const json& id, const json& params) {
    Document* d = find(params);
    const json* r = member(params, "range");
    if (!d || !d->result || !d->result->report || d->from_disk || !r) {
      respond(id, [](JsonWriter& j) { j.begin_array().end_array(); });
      return;
    }
    Range want;
    if (const json* s = member(*r, "start")) want.l0 = uint_at(*s, "line"), want.c0 = uint_at(*s, "character");
    if (const json* e = member(*r, "end")) want.l1 = uint_at(*e, "line"), want.c1 = uint_at(*e, "character");
    const auto& f = *d->result;
    const auto positions = report::locate(*f.doc, f.report->findings, f.report->m.numbers);
    auto write_edit = [&](JsonWriter& j, const model::Diagnostic& g, const report::Position& p) {
      j.begin_object();
      write_range(j, range_of(*d, g.block, g.offset + g.fix->offset, g.fix->length, p.paragraph));
      j.key("newText").value(g.fix->replacement);
      j.end_object();
    };
    respond(id, [&](JsonWriter& j) {
      j.begin_array();
      std::size_t fixable = 0;
      for (std::size_t i = 0; i < f.report->findings.size(); ++i) {
        const auto& g = f.report->findings[i];
        if (!g.fix) continue;
        ++fixable;
        if (!range_of(*d, g.block, g.offset, g.length, positions[i].paragraph).intersects(want)) continue;
        j.begin_object();
        j.key("title").value("改为 “" + g.fix->replacement + "”（" + std::string(g.rule_id()) + "）");
        j.key("kind").value("quickfix");
        j.key("isPreferred").value(true);
        j.key("diagnostics").begin_array();
        write_diagnostic(j, *d, g, positions[i]);
        j.end_array();
        j.key("edit").begin_object().key("changes").begin_object().key(d->uri).begin_array();
        write_edit(j, g, positions[i]);
        j.end_array().end_object().end_object();
        j.end_object();
      }
      if (fixable > 1) {
        j.begin_object();
        j.key("title").value("wenfeng：全部修正（" + std::to_string(fixable) + " 处）");
        j.key("kind").value("source.fixAll.wenfeng");
        j.key("edit").begin_object().key("changes").begin_object().key(d->uri).begin_array();
        for (std::size_t i = 0; i < f.report->findings.size(); ++i)
          if (f.report->findings[i].fix) write_edit(j, f.report->findings[i], positions[i]);
        j.end_array().end_object().end_object();
        j.end_object();
      }
      j.end_array();
    });
  }

  // The main-text block shown on `line` (0-based), or -1.
  int block_at(const Document& d, std::uint32_t line) const {
    const model::Document& doc = *d.result->doc;
    const auto& numbers = d.result->report->m.numbers;
    int found = -1;
    for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
      const auto& blk = doc.blocks[b];
      if (blk.story != model::Story::kMain) continue;
      const std::uint32_t first = doc.format == model::Format::kDocx || d.from_disk ? numbers[b]
                                  : blk.anchors.empty()                          ? 1
                                                                                  : blk.anchors.front().line;
      if (first > line + 1) break;
      found = static_cast<int>(b);
    }
    return found;
  }

  void hover(const json& id, const json& params) {
    Document* d = find(params);
    const json* pos = member(params, "position");
    if (!d || !d->result || !d->result->report || !pos) {
      respond(id, nullptr);
      return;
    }
    const auto& f = *d->result;
    const auto& m = f.report->m;
    const int b = block_at(*d, uint_at(*pos, "line"));
    if (b < 0) {
      respond(id, nullptr);
      return;
    }
    const auto c = count::count_text(f.doc->block_text(static_cast<std::size_t>(b)));
    std::string md = "**第 " + std::to_string(m.numbers[static_cast<std::size_t>(b)]) + " 段**：" +
                     std::to_string(c.zishu) + " 字（汉字 " + std::to_string(c.hanzi) + "，字符 " +
                     std::to_string(c.chars_no_spaces) + "，计空格 " + std::to_string(c.chars_with_spaces) + "）\n\n";
    md += "**正文**：" + std::to_string(m.body_figure) + " " + (f.profile->unit == "zishu" ? "字" : f.profile->unit);
    const profiles::Kind* kind = f.profile->kind(f.report->kind.id);
    if (kind)
      if (auto it = kind->limits.find("length.body"); it != kind->limits.end()) {
        const double limit = it->second.max;
        md += "，限额 " + short_number(limit) + (f.profile->unit == "zishu" ? " 字" : "") + (it->second.soft ? "（默认软上限）" : "");
        md += static_cast<double>(m.body_figure) > limit
                  ? "，超出 " + short_number(static_cast<double>(m.body_figure) - limit)
                  : "，余 " + short_number(limit - static_cast<double>(m.body_figure));
      }
    md += "；规范 " + f.profile->id + "，类型 " + model::kind_summary(f.report->kind) + "\n\n";
    if (m.durations.tv_seconds)
      md += "**电视播报**：约 " + lint::format_duration(*m.durations.tv_seconds) + "（按 " +
            short_number(m.durations.tv_rate) + " 字/分钟）\n\n";
    if (m.durations.speech_minutes)
      md += "**讲话**：约 " + lint::format_duration(*m.durations.speech_minutes * 60) + "（按 " +
            short_number(m.durations.speech_rate) + " 字/分钟）\n\n";
    else if (!m.durations.tv_seconds && m.durations.speech_rate > 0)
      md += "**朗读**：约 " + lint::format_duration(static_cast<double>(m.body_figure) * 60 / m.durations.speech_rate) +
            "（按 " + short_number(m.durations.speech_rate) + " 字/分钟）\n\n";
    md += "全文 " + std::to_string(m.counts.zishu) + " 字，约 " + one_decimal(m.pages.estimate) + " 页";
    respond(id, [&](JsonWriter& j) {
      j.begin_object().key("contents").begin_object().key("kind").value("markdown").key("value").value(md).end_object();
      j.end_object();
    });
  }

  void execute_command(const json& id, const json& params) {
    if (string_at(params, "command") != "wenfeng.counts") {
      respond_error(id, kInvalidParams, "未知命令 " + string_at(params, "command"));
      return;
    }
    std::string uri;
    if (const json* args = member(params, "arguments"); args && args->is_array() && !args->empty()) {
      const json& a = (*args)[0];
      uri = a.is_string() ? a.get<std::string>() : string_at(a, "uri");
    }
    std::optional<lint::FileResult> fresh;
    const lint::FileResult* f = nullptr;
    if (auto it = docs.find(uri); it != docs.end() && it->second.result) {
      f = &*it->second.result;
    } else if (const std::string path = path_from_uri(uri); !path.empty()) {
      fresh = session->check(path, nullptr);
      f = &*fresh;
    }
    if (!f || f->error || !f->report) {
      respond_error(id, kInvalidParams, f && f->error ? f->error->message : "wenfeng.counts 需要一个已打开或磁盘上的文档 URI");
      return;
    }
    respond(id, [&](JsonWriter& j) {
      const auto& m = f->report->m;
      j.begin_object();
      j.key("uri").value(uri);
      j.key("format").value(model::format_name(f->doc->format));
      j.key("profile").value(f->profile->id);
      j.key("kind").begin_object().key("id").value(f->report->kind.id);
      j.key("source").value(model::kind_source_name(f->report->kind.source));
      j.key("guessed").value(f->report->kind.guessed()).end_object();
      j.key("counts");
      report::write_counts(j, m.counts);
      j.key("body").begin_object().key("figure").value(m.body_figure).key("counts");
      report::write_counts(j, m.body.counts);
      j.end_object();
      j.key("pages");
      report::write_pages(j, m.pages);
      j.key("durations").begin_object();
      if (m.durations.tv_seconds) j.key("tv_seconds").value(std::round(*m.durations.tv_seconds), 0);
      if (m.durations.speech_minutes) j.key("speech_minutes").value(*m.durations.speech_minutes, 1);
      j.end_object();
      j.end_object();
    });
  }

  void dispatch(const json& msg) {
    const std::string method = string_at(msg, "method");
    const json* id = member(msg, "id");
    static const json kNoParams = json::object();
    const json* p = member(msg, "params");
    const json& params = p ? *p : kNoParams;
    if (method.empty()) return;  // a response to a request of ours: none are sent
    if (method == "exit") {
      self.exit_status_ = shutdown ? 0 : 1;
      return;
    }
    if (id) {
      if (method == "initialize") return initialize(*id, params);
      if (!initialized) return respond_error(*id, kServerNotInitialized, "服务器尚未初始化");
      if (shutdown) return respond_error(*id, kInvalidRequest, "服务器已关闭");
      if (method == "shutdown") {
        shutdown = true;
        return respond(*id, nullptr);
      }
      if (method == "textDocument/codeAction") return code_action(*id, params);
      if (method == "textDocument/hover") return hover(*id, params);
      if (method == "workspace/executeCommand") return execute_command(*id, params);
      return respond_error(*id, kMethodNotFound, "不支持的方法 " + method);
    }
    if (!initialized || shutdown) return;
    if (method == "textDocument/didOpen") return did_open(params);
    if (method == "textDocument/didChange") return did_change(params);
    if (method == "textDocument/didSave") return did_save(params);
    if (method == "textDocument/didClose") return did_close(params);
    if (method == "workspace/didChangeConfiguration") {
      if (const json* s = member(params, "settings")) apply_settings(*s);
      if (open_session())
        for (auto& [uri, d] : docs) lint(d);
    }
  }
};

Server::Server(lint::RunOptions options, std::function<void(std::string)> send)
    : impl_(std::make_unique<Impl>(*this, std::move(options), std::move(send))) {}
Server::~Server() = default;

void Server::handle(std::string_view body) {
  const json msg = json::parse(body, nullptr, false);
  if (msg.is_discarded() || !msg.is_object()) {
    impl_->respond_error(json(), -32700, "无法解析的 JSON 消息");
    return;
  }
  try {
    impl_->dispatch(msg);
  } catch (const std::exception& e) {  // a message of the wrong shape: answer it, keep serving
    if (const json* id = member(msg, "id")) impl_->respond_error(*id, kInvalidParams, std::string("参数有误：") + e.what());
  }
}

namespace {

// Content-Length framing over file descriptors.
class Transport {
 public:
  // The next message body, or nullopt at the end of input.
  std::optional<std::string> read() {
    std::size_t length = SIZE_MAX;
    while (true) {
      const auto end = buf_.find("\r\n", pos_);
      if (end == std::string::npos) {
        if (!fill()) return std::nullopt;
        continue;
      }
      const std::string line = buf_.substr(pos_, end - pos_);
      pos_ = end + 2;
      if (line.empty()) {
        if (length == SIZE_MAX) continue;  // no Content-Length: skip the stray blank line
        break;
      }
      constexpr std::string_view kKey = "content-length:";
      std::string lower = line.substr(0, std::min(line.size(), kKey.size()));
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == kKey) length = std::strtoull(line.c_str() + kKey.size(), nullptr, 10);
    }
    while (buf_.size() - pos_ < length)
      if (!fill()) return std::nullopt;
    std::string body = buf_.substr(pos_, length);
    pos_ += length;
    buf_.erase(0, pos_);
    pos_ = 0;
    return body;
  }

  static void write(const std::string& body) {
    const std::string msg = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    std::size_t done = 0;
    while (done < msg.size()) {
      const ssize_t n = ::write(1, msg.data() + done, msg.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      done += static_cast<std::size_t>(n);
    }
  }

 private:
  bool fill() {
    char chunk[65536];
    while (true) {
      const ssize_t n = ::read(0, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buf_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }
  std::string buf_;
  std::size_t pos_ = 0;
};

}  // namespace

int serve_stdio(lint::RunOptions options) {
  Transport t;
  Server server(std::move(options), [](std::string body) { Transport::write(body); });
  while (!server.exited()) {
    auto body = t.read();
    if (!body) return 1;  // the client went away without `exit`
    server.handle(*body);
  }
  return server.exit_status();
}

}  // namespace wenfeng::lsp
