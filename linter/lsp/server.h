// `wenfeng lsp`: a Language Server Protocol 3.17 server.
//
//   initialize      position encoding negotiated from general.positionEncodings (utf-16
//                   when the client offers none; utf-8 and utf-32 when it prefers them);
//                   settings from initializationOptions ({profile, kind, medium}, or the
//                   same under "wenfeng")
//   documents       didOpen / didChange (full and incremental) / didSave / didClose; a
//                   .docx (or .odt) is read from disk by its path, never from the buffer
//   diagnostics     publishDiagnostics after every change: severity mapped, code = rule id
//                   with a codeDescription link to the rule reference, the clause as
//                   related information
//   codeAction      a quick fix for each finding with a fix, and "fix all" for the document
//   hover           the paragraph's counts, the body's length against its limit, spoken
//                   durations
//   executeCommand  wenfeng.counts [uri] → the whole document's counts, body, pages
//   configuration   each document's .wenfeng.yaml (from its folder, as `check` finds it),
//                   overridden by the client's settings (workspace/didChangeConfiguration)
//
// Messages are parsed with nlohmann::json and written with report::JsonWriter. Everything
// runs on one thread; each change re-lints the document (bench/lsp_bench.cc).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lint/session.h"
#include "lsp/text_buffer.h"

namespace wenfeng::lsp {

class Server {
 public:
  // `send` gets each outgoing message body (JSON), to be framed by the transport.
  Server(lint::RunOptions options, std::function<void(std::string)> send);
  ~Server();

  // Handles one incoming message body.
  void handle(std::string_view body);
  // After the `exit` notification: the process exit status (0 after shutdown, else 1).
  bool exited() const { return exit_status_.has_value(); }
  int exit_status() const { return exit_status_.value_or(1); }

  Encoding encoding() const { return encoding_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Encoding encoding_ = Encoding::kUtf16;
  std::optional<int> exit_status_;
  friend struct Impl;
};

// Serves on standard input and output (Content-Length framing) until `exit` or end of input.
int serve_stdio(lint::RunOptions options);

// "file:///a/%E6%96%87.txt" -> "/a/文.txt"; "" for a URI that is not a file URI.
std::string path_from_uri(std::string_view uri);

}  // namespace wenfeng::lsp
