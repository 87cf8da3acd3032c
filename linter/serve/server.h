// `wenfeng serve`: the page for office staff and the HTTP API for publishing systems, in
// one stateless process (cpp-httplib from Debian).
//
//   GET  /                 the page (web/, embedded at build time)
//   POST /v1/check         JSON v1 of `wenfeng check --format json`
//   POST /v1/count         JSON v1 of `wenfeng count --format json`
//   POST /v1/annotate      the annotated DOCX (comments and tracked-change fixes)
//   POST /v1/page          the page's view: the report plus the document's paragraphs
//   GET  /v1/profiles      profiles, kinds, limits and sources
//   GET  /v1/rules         the rule registry
//   GET  /healthz          200 while the process serves
//   GET  /readyz           200 once the dictionaries and profiles are loaded, 503 when stopping
//   GET  /metrics          Prometheus text format (serve/metrics.h)
//
// Inputs: multipart/form-data with a `file` part (or a `text` field) and fields profile,
// kind, medium, english; or a JSON body {"text", "filename", "profile", "kind", "medium"};
// or the raw bytes with ?filename=NAME. Options may also be query parameters.
//
// Safe by default: listens on 127.0.0.1 unless --host says otherwise; a request body over
// --max-body is 413 (counted after any Content-Encoding is undone, so a gzip bomb is
// stopped too), a body not received within --timeout is 408, a check that cannot start
// (every worker busy and the queue full, or no worker free within --queue-timeout) is 503; uploads stay in memory
// and are never written to disk; no path from a request is opened (profiles are chosen by
// listed id, file names only choose the reader); with a token (--token-file or
// WENFENG_SERVE_TOKEN) every /v1/ endpoint and /metrics need `Authorization: Bearer TOKEN`.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"

namespace wenfeng::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (printed at start)
  std::string token;                     // empty: no authentication
  std::size_t max_body = 16u << 20;      // bytes of one request body
  std::uint64_t max_expanded = 256u << 20;  // bytes decompressed from one DOCX/ODT
  unsigned timeout_seconds = 30;         // receiving the body
  unsigned queue_timeout_seconds = 120;  // waiting for a worker (then 503)
  unsigned workers = 0;                  // checks at once; 0 = the cores
  unsigned queue = 64;                   // checks waiting for a worker
  unsigned threads = 64;                 // connections served at once
  std::string dictionaries;              // empty: the shipped ones
};

class Server {
 public:
  // Loads the dictionaries and profiles; a broken one is an error here, not per request.
  static Result<std::unique_ptr<Server>> create(const ServeOptions& options);
  ~Server();

  // Binds the socket; returns the port (the chosen one for port 0).
  Result<int> bind();
  // Serves until stop(). Returns false when the socket failed.
  bool run();
  // Stops accepting, lets requests in progress finish, and makes run() return.
  void stop();

 private:
  Server();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The `serve` command's body: create, bind, print the address, serve until SIGINT or
// SIGTERM. Returns the process exit status (0, or 2 when it could not start).
int serve(const ServeOptions& options);

}  // namespace wenfeng::serve
