#include "serve/server_process.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <regex>
#include <thread>

extern char** environ;

namespace wenfeng::testing {
namespace {

// A server that answers early (413) and closes must not kill the test process with SIGPIPE.
const bool kSigpipeIgnored = [] {
  ::signal(SIGPIPE, SIG_IGN);
  return true;
}();

}  // namespace

ServerProcess::ServerProcess(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                             const std::string& workdir) {
  int pipefd[2];
  if (::pipe(pipefd) != 0) return;
  std::vector<std::string> argv = {WENFENG_BINARY, "serve", "--port", "0"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  std::vector<std::string> envs;
  for (char** e = environ; *e; ++e) envs.emplace_back(*e);
  for (const auto& [k, v] : env) envs.push_back(k + "=" + v);
  std::vector<char*> cenv;
  for (auto& e : envs) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  // fork + exec rather than posix_spawn: the child asks to be stopped when the test
  // process dies, so a crashed test never leaves a server (and ctest's pipe) behind.
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(127);
    ::dup2(pipefd[1], 1);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    if (!workdir.empty() && ::chdir(workdir.c_str()) != 0) ::_exit(127);
    ::execve(WENFENG_BINARY, cargv.data(), cenv.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  out_ = pipefd[0];
  if (pid_ < 0) return;
  // The first line: "wenfeng serve: http://127.0.0.1:PORT/".
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{out_, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char buf[256];
    const ssize_t n = ::read(out_, buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  std::smatch m;
  if (std::regex_search(line, m, std::regex(":([0-9]+)/"))) port_ = std::stoi(m[1]);
}

int ServerProcess::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 200; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

ServerProcess::~ServerProcess() {
  stop();
  if (out_ >= 0) ::close(out_);
}

std::string raw_http(int port, const std::string& request, int pause_ms, const std::string& after_pause,
                     int read_timeout_s) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return {};
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return {};
  }
  auto send_all = [&](const std::string& s) {
    std::size_t off = 0;
    while (off < s.size()) {
      const ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return false;
      off += static_cast<std::size_t>(n);
    }
    return true;
  };
  send_all(request);
  if (pause_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
  if (!after_pause.empty()) send_all(after_pause);
  std::string out;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(read_timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    // One answer is enough: stop once its body (Content-Length) is complete.
    const auto head_end = out.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      std::smatch m;
      const std::string head = out.substr(0, head_end);
      if (std::regex_search(head, m, std::regex("Content-Length: ([0-9]+)", std::regex::icase)) &&
          out.size() >= head_end + 4 + std::stoul(m[1]))
        break;
    }
  }
  ::close(fd);
  return out;
}

JsonValue parse_json(const std::string& s) {
  auto v = JsonValue::parse(s);
  EXPECT_TRUE(v.ok()) << s.substr(0, 300);
  return v.ok() ? std::move(v).value() : JsonValue{};
}

httplib::Client client(const ServerProcess& s) {
  httplib::Client c("127.0.0.1", s.port());
  c.set_read_timeout(60, 0);
  return c;
}

httplib::Result upload(const ServerProcess& s, const std::string& endpoint, const std::string& name,
                       const std::string& bytes, const std::vector<std::pair<std::string, std::string>>& fields) {
  httplib::MultipartFormDataItems items = {{"file", bytes, name, "application/octet-stream"}};
  for (const auto& [k, v] : fields) items.push_back({k, v, "", ""});
  return client(s).Post(endpoint.c_str(), items);
}

}  // namespace wenfeng::testing
