// The real `wenfeng serve` for API tests: started from the built binary on a free port
// (it prints its address), stopped with SIGTERM. Tests talk to it over HTTP only.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "support/json_value.h"

namespace wenfeng::testing {

class ServerProcess {
 public:
  // `args` after `serve --port 0`; `env` adds variables; `workdir` is its current directory.
  explicit ServerProcess(const std::vector<std::string>& args = {}, const std::map<std::string, std::string>& env = {},
                         const std::string& workdir = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool ok() const { return port_ > 0; }
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // Stops the server (SIGTERM) and returns its exit status (-1 if it did not exit cleanly).
  int stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int out_ = -1;
};

// Raw HTTP over a loopback socket, for what a client library will not send (slow bodies,
// chunked bodies, missing headers). Returns the whole answer as received (empty on failure).
std::string raw_http(int port, const std::string& request, int pause_ms = 0, const std::string& after_pause = "",
                     int read_timeout_s = 20);

// An answer's JSON (a test failure when it is not JSON).
JsonValue parse_json(const std::string& s);

// A client of the server with a generous read timeout.
httplib::Client client(const ServerProcess& s);

// POSTs `bytes` as the multipart `file` part named `name`, with `fields`.
httplib::Result upload(const ServerProcess& s, const std::string& endpoint, const std::string& name,
                       const std::string& bytes, const std::vector<std::pair<std::string, std::string>>& fields = {});

}  // namespace wenfeng::testing
