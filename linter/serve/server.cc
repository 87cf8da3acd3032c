#include "serve/server.h"

#include <httplib.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <thread>

#include "readers/markup.h"
#include "serve/admission.h"
#include "serve/api.h"
#include "serve/assets.h"
#include "serve/metrics.h"

namespace wenfeng::serve {
namespace {

using Clock = std::chrono::steady_clock;

// What the logger needs about the request in progress. httplib gives handlers no
// per-request storage, but a connection is served by one thread, one request at a time.
struct RequestStats {
  Clock::time_point start = Clock::now();
  std::uint64_t bytes_in = 0;
  bool routed = false;  // false: httplib refused it before routing (no start time taken)
};
thread_local RequestStats t_stats;

constexpr std::string_view kPostRoutes[] = {"/v1/check", "/v1/count", "/v1/annotate", "/v1/page"};

bool is_post_route(std::string_view path) {
  for (auto r : kPostRoutes)
    if (path == r) return true;
  return false;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

bool same_token(std::string_view a, std::string_view b) {
  // Constant time in the token's length: no timing hint of how much matched.
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

// The cores this process may use: the cgroup v2 CPU quota when one is set (a Kubernetes
// CPU limit), else the machine's.
unsigned available_cores() {
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  std::ifstream f("/sys/fs/cgroup/cpu.max");
  std::string quota;
  double period = 0;
  if (f >> quota >> period && quota != "max" && period > 0) {
    const double q = std::strtod(quota.c_str(), nullptr);
    if (q > 0) return std::clamp(static_cast<unsigned>(std::ceil(q / period)), 1u, hw);
  }
  return hw;
}

void send(httplib::Response& res, Reply r) {
  res.status = r.status;
  if (!r.error_code.empty()) res.set_header("X-Wenfeng-Error", r.error_code);
  if (!r.filename.empty()) res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
  res.set_header("Content-Type", r.content_type);
  res.body = std::move(r.body);
}

// Refuses the request and closes the connection (its body, if any, is left unread).
void refuse(httplib::Response& res, int status, std::string_view code, std::string_view message) {
  send(res, error_reply(status, code, message));
  res.set_header("Connection", "close");
}

std::string_view default_code(int status) {
  switch (status) {
    case 400: return "bad-request";
    case 401: return "unauthorized";
    case 404: return "not-found";
    case 405: return "method-not-allowed";
    case 408: return "timeout";
    case 413: return "too-large";
    case 414: return "uri-too-long";
    case 415: return "unsupported";
    case 416: return "range";
    case 503: return "busy";
    default: return status >= 500 ? "internal" : "bad-request";
  }
}

std::string_view default_message(int status) {
  switch (status) {
    case 404: return "没有这个地址；API 见 README（/v1/check、/v1/count、/v1/profiles、/v1/rules）";
    case 405: return "此地址不接受这种请求方法";
    case 413: return "请求过大";
    case 414: return "请求地址过长";
    default: return status >= 500 ? "服务内部错误" : "请求格式错误";
  }
}

enum class BodyOutcome { kOk, kTooLarge, kTimeout };

// Counts body bytes as they arrive (after any Content-Encoding is undone) against the cap
// and the deadline. Past the cap the rest is read and dropped, up to twice the cap, so
// that an ordinary client (which reads the answer only after sending) sees the 413; beyond
// that the connection is cut.
struct BodyBudget {
  std::size_t max;
  Clock::time_point deadline;
  std::size_t total = 0;
  BodyOutcome outcome = BodyOutcome::kOk;

  // Whether to go on reading; `keep()` says whether to store what arrived.
  bool take(std::size_t n) {
    total += n;
    t_stats.bytes_in = total;
    if (Clock::now() > deadline) outcome = BodyOutcome::kTimeout;
    else if (total > max) outcome = BodyOutcome::kTooLarge;
    return outcome == BodyOutcome::kOk || (outcome == BodyOutcome::kTooLarge && total <= 2 * max);
  }
  bool keep() const { return outcome == BodyOutcome::kOk; }
};

std::string mib(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g MiB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

// httplib listens with a backlog of 5 (compiled into Debian's library): a burst of new
// connections overflows it and clients see resets. Listening again on the bound socket
// raises the backlog.
class HttpServer : public httplib::Server {
 public:
  bool raise_backlog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
};

}  // namespace

struct Server::Impl {
  Impl(const ServeOptions& opt, std::unique_ptr<Api> a)
      : o(opt), api(std::move(a)), admission(o.workers ? o.workers : available_cores(), o.queue) {}

  ServeOptions o;
  std::unique_ptr<Api> api;
  Admission admission;
  Metrics metrics;
  HttpServer http;
  std::atomic<bool> stopping{false};

  void routes();
  httplib::Server::HandlerResponse before(const httplib::Request& req, httplib::Response& res);
  // Reads the request's input and options; a reply when it cannot.
  std::optional<Reply> read_upload(const httplib::Request& req, const httplib::ContentReader& reader, Upload& u,
                                   Clock::time_point deadline);
  void post(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
            Reply (Api::*endpoint)(const Upload&) const);
};

httplib::Server::HandlerResponse Server::Impl::before(const httplib::Request& req, httplib::Response& res) {
  t_stats = RequestStats{};
  t_stats.routed = true;
  const bool has_body_method = req.method == "POST" || req.method == "PUT" || req.method == "PATCH" ||
                               req.method == "DELETE" || req.method == "PRI";
  // httplib would read the body of a request no handler takes into memory without a cap:
  // refuse those before a byte of it is read.
  if (has_body_method && !(req.method == "POST" && is_post_route(req.path))) {
    const bool known = is_post_route(req.path) || Metrics::route(req.path) != "other";
    refuse(res, known ? 405 : 404, known ? "method-not-allowed" : "not-found", default_message(known ? 405 : 404));
    if (known) res.set_header("Allow", is_post_route(req.path) ? "POST" : "GET, HEAD");
    return httplib::Server::HandlerResponse::Handled;
  }
  if (!o.token.empty() && (req.path.rfind("/v1/", 0) == 0 || req.path == "/metrics")) {
    const std::string auth = req.get_header_value("Authorization");
    const std::string_view prefix = "Bearer ";
    if (auth.rfind(prefix, 0) != 0 || !same_token(std::string_view(auth).substr(prefix.size()), o.token)) {
      refuse(res, 401, "unauthorized", "需要令牌：请求头 Authorization: Bearer <令牌>（向服务管理员索取）");
      res.set_header("WWW-Authenticate", "Bearer realm=\"wenfeng\"");
      return httplib::Server::HandlerResponse::Handled;
    }
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

std::optional<Reply> Server::Impl::read_upload(const httplib::Request& req, const httplib::ContentReader& reader,
                                               Upload& u, Clock::time_point deadline) {
  for (const auto& [k, v] : req.params) {
    if (k == "filename") u.name = safe_name(v, "upload");
    else if (auto e = set_option(u, k, v)) return e;
  }
  if (req.has_header("Content-Length")) {
    const std::string declared = req.get_header_value("Content-Length");
    char* end = nullptr;
    const unsigned long long n = std::strtoull(declared.c_str(), &end, 10);
    if (end == declared.c_str() || *end != '\0') return error_reply(400, "bad-request", "Content-Length 不是数字");
    if (n > 2 * o.max_body)
      return error_reply(413, "too-large", "请求体 " + mib(n) + "，超过上限 " + mib(o.max_body) + "（--max-body）");
  }
  BodyBudget budget{o.max_body, deadline};
  bool ok = true;
  std::optional<Reply> problem;
  if (req.is_multipart_form_data()) {
    // Parts: `file` (the upload), `text` (pasted text), `filename`, and the options.
    enum class Slot { kNone, kFile, kText, kField } slot = Slot::kNone;
    std::string field_name, field_value, text_name;
    std::vector<std::pair<std::string, std::string>> fields;
    auto finish = [&] {
      if (slot == Slot::kField) fields.emplace_back(std::move(field_name), std::move(field_value));
      field_name.clear();
      field_value.clear();
      slot = Slot::kNone;
    };
    ok = reader(
        [&](const httplib::MultipartFormData& part) {
          finish();
          if (part.name == "file" || part.name == "text") {
            if (u.has_input) {
              problem = error_reply(400, "usage", "一次只能提交一份文稿（file 或 text 只给一个）");
              return false;
            }
            u.has_input = true;
            slot = part.name == "file" ? Slot::kFile : Slot::kText;
            if (slot == Slot::kFile) u.name = safe_name(part.filename, "upload");
            else text_name = "text.txt";
          } else {
            slot = Slot::kField;
            field_name = part.name;
          }
          return true;
        },
        [&](const char* data, std::size_t n) {
          if (!budget.take(n)) return false;
          if (!budget.keep()) return true;
          if (slot == Slot::kField) {
            if (field_value.size() + n > 4096) {
              problem = error_reply(400, "usage", "字段 " + safe_name(field_name, "?") + " 过长");
              return false;
            }
            field_value.append(data, n);
          } else if (slot != Slot::kNone) {
            u.bytes.append(data, n);
          }
          return true;
        });
    finish();
    if (ok && !problem && budget.keep()) {
      for (auto& [k, v] : fields) {
        if (k == "filename") {
          text_name = safe_name(v, "text.txt");
          continue;
        }
        if (auto e = set_option(u, k, std::move(v))) return e;
      }
      if (u.name.empty()) u.name = text_name.empty() ? "upload" : text_name;
    }
  } else {
    std::string body;
    ok = reader([&](const char* data, std::size_t n) {
      if (!budget.take(n)) return false;
      if (budget.keep()) body.append(data, n);
      return true;
    });
    if (ok && budget.keep()) {
      const std::string type = req.get_header_value("Content-Type");
      if (type.rfind("application/json", 0) == 0) {
        if (auto e = parse_json_body(body, u)) return e;
      } else if (type.rfind("application/x-www-form-urlencoded", 0) == 0) {
        return error_reply(415, "unsupported",
                           "不接受 application/x-www-form-urlencoded；请用 multipart/form-data、JSON，或直接发送文件内容");
      } else {
        u.bytes = std::move(body);
        u.has_input = true;
        if (u.name.empty()) u.name = type.rfind("text/", 0) == 0 ? "text.txt" : "upload";
      }
    }
  }
  if (problem) return problem;
  if (budget.outcome == BodyOutcome::kTooLarge)
    return error_reply(413, "too-large", "请求体超过上限 " + mib(o.max_body) + "（--max-body）");
  if (budget.outcome == BodyOutcome::kTimeout || (!ok && Clock::now() >= deadline - std::chrono::seconds(1)))
    return error_reply(408, "timeout", "未能在 " + std::to_string(o.timeout_seconds) + " 秒内收到完整的请求体");
  if (!ok) return error_reply(400, "bad-request", "请求体不完整或格式错误（multipart 边界、分块编码或压缩数据有误）");
  return std::nullopt;
}

void Server::Impl::post(const httplib::Request& req, httplib::Response& res, const httplib::ContentReader& reader,
                        Reply (Api::*endpoint)(const Upload&) const) {
  const auto deadline = t_stats.start + std::chrono::seconds(o.timeout_seconds);
  Upload u;
  if (auto e = read_upload(req, reader, u, deadline)) {
    // The body may be only partly read: the connection cannot carry another request.
    send(res, std::move(*e));
    res.set_header("Connection", "close");
    return;
  }
  switch (admission.enter(t_stats.start + std::chrono::seconds(o.queue_timeout_seconds))) {
    case Admission::Outcome::kAdmitted: break;
    case Admission::Outcome::kQueueFull:
      send(res, error_reply(503, "busy", "服务繁忙（所有检查线程都在工作，等待队列已满）；请稍后重试"));
      res.set_header("Retry-After", "1");
      return;
    case Admission::Outcome::kTimedOut:
      send(res, error_reply(503, "busy",
                            "服务繁忙：" + std::to_string(o.queue_timeout_seconds) + " 秒内没有空闲的检查线程；请稍后重试"));
      res.set_header("Retry-After", "2");
      return;
  }
  {
    AdmissionSlot slot(admission);
    send(res, (api.get()->*endpoint)(u));
  }
  // A large document leaves tens of MB free in this thread's malloc arena: give it back,
  // so that resident memory follows the checks in flight, not the largest ever seen.
  if (u.bytes.size() >= (256u << 10)) ::malloc_trim(0);
}

void Server::Impl::routes() {
  for (const char* path : {"/", "/index.html", "/app.js", "/app.css"})
    http.Get(path, [](const httplib::Request& req, httplib::Response& res) {
      const Asset* a = find_asset(req.path);
      if (!a) return;
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                     "connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");
      res.set_header("Cache-Control", "no-cache");
      res.set_content(a->data.data(), a->data.size(), std::string(a->content_type));
    });
  http.Post("/v1/check", [this](const httplib::Request& q, httplib::Response& r, const httplib::ContentReader& c) {
    post(q, r, c, &Api::check);
  });
  http.Post("/v1/count", [this](const httplib::Request& q, httplib::Response& r, const httplib::ContentReader& c) {
    post(q, r, c, &Api::count);
  });
  http.Post("/v1/page", [this](const httplib::Request& q, httplib::Response& r, const httplib::ContentReader& c) {
    post(q, r, c, &Api::page);
  });
  http.Post("/v1/annotate", [this](const httplib::Request& q, httplib::Response& r, const httplib::ContentReader& c) {
    post(q, r, c, &Api::annotate);
  });
  // A GET on a POST endpoint is a wrong method, not a missing page.
  for (auto path : kPostRoutes)
    http.Get(std::string(path), [](const httplib::Request&, httplib::Response& res) {
      send(res, error_reply(405, "method-not-allowed", "此地址只接受 POST（multipart/form-data 或 JSON）"));
      res.set_header("Allow", "POST");
    });
  http.Get("/v1/profiles", [this](const httplib::Request&, httplib::Response& res) { send(res, api->profiles()); });
  http.Get("/v1/rules", [this](const httplib::Request&, httplib::Response& res) { send(res, api->rules()); });
  http.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"status\":\"ok\"}\n", "application/json; charset=utf-8");
  });
  http.Get("/readyz", [this](const httplib::Request&, httplib::Response& res) {
    if (stopping) {
      send(res, error_reply(503, "stopping", "服务正在停止"));
      return;
    }
    res.set_content("{\"status\":\"ready\"}\n", "application/json; charset=utf-8");
  });
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.render(admission.running(), admission.waiting()), "text/plain; version=0.0.4");
  });

  http.set_pre_routing_handler([this](const httplib::Request& q, httplib::Response& r) { return before(q, r); });
  // Every error answer is JSON, whoever produced it (a handler's own body is kept).
  http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    send(res, error_reply(res.status, default_code(res.status), default_message(res.status)));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send(res, error_reply(500, "internal", "服务内部错误（已记录）；请把文稿和此信息发给维护者"));
  });
  // Counted just before the answer is written (a logger would run after, when the client
  // may already be reading /metrics).
  http.set_post_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    const double seconds =
        t_stats.routed ? std::chrono::duration<double>(Clock::now() - t_stats.start).count() : 0.0;
    t_stats.routed = false;
    const auto route = Metrics::route(req.path);
    metrics.observe(route, res.status, seconds, t_stats.bytes_in, res.body.size());
    if (res.has_header("X-Wenfeng-Error")) metrics.error(res.get_header_value("X-Wenfeng-Error"));
  });
}

Server::Server() = default;
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::create(const ServeOptions& options) {
  readers::init_markup_parsers();
  ApiOptions ao;
  ao.zip.max_total_bytes = options.max_expanded;
  ao.zip.max_entry_bytes = std::min<std::uint64_t>(ao.zip.max_entry_bytes, options.max_expanded);
  ao.dictionaries = options.dictionaries;
  auto api = Api::open(ao);
  if (!api.ok()) return api.error();
  std::unique_ptr<Server> s(new Server());
  s->impl_ = std::make_unique<Impl>(options, std::move(api).value());
  Impl& m = *s->impl_;
  const unsigned threads = std::max(1u, options.threads);
  m.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  m.http.set_read_timeout(static_cast<time_t>(options.timeout_seconds));
  m.http.set_write_timeout(static_cast<time_t>(options.timeout_seconds));
  m.http.set_keep_alive_max_count(1000);
  m.http.set_keep_alive_timeout(5);
  m.http.set_tcp_nodelay(true);
  m.routes();
  return s;
}

Result<int> Server::bind() {
  const int port = impl_->o.port == 0 ? impl_->http.bind_to_any_port(impl_->o.host)
                                      : (impl_->http.bind_to_port(impl_->o.host, impl_->o.port) ? impl_->o.port : -1);
  if (port < 0)
    return make_error(ErrorCode::kUsage, "无法监听 " + impl_->o.host + ":" + std::to_string(impl_->o.port) +
                                             "（端口已被占用，或地址不属于本机）");
  impl_->http.raise_backlog(1024);
  return port;
}

bool Server::run() { return impl_->http.listen_after_bind(); }

void Server::stop() {
  impl_->stopping = true;
  impl_->http.stop();
}

int serve(const ServeOptions& options) {
  // glibc gives each of the many connection threads an arena of its own (up to 8 per core)
  // and keeps what a large document left in each: peak memory would grow with the threads,
  // not with the checks. A few arenas shared by all threads bound it (MALLOC_ARENA_MAX in
  // the environment still decides when set).
  if (!std::getenv("MALLOC_ARENA_MAX")) ::mallopt(M_ARENA_MAX, 2);
  // Signals go to one thread that stops the server; every other thread blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = Server::create(options);
  if (!server.ok()) {
    std::fprintf(stderr, "wenfeng serve: %s\n", server.error().message.c_str());
    return 2;
  }
  auto port = (*server)->bind();
  if (!port.ok()) {
    std::fprintf(stderr, "wenfeng serve: %s\n", port.error().message.c_str());
    return 2;
  }
  const std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  std::fprintf(stdout, "wenfeng serve: http://%s:%d/\n", host.c_str(), *port);
  std::fflush(stdout);
  if (!is_loopback(options.host) && options.token.empty())
    std::fprintf(stderr,
                 "wenfeng serve: 警告：监听 %s 且未设置令牌，能访问此地址的任何人都可使用本服务"
                 "（--token-file 或 WENFENG_SERVE_TOKEN 可启用令牌）\n",
                 options.host.c_str());

  Server* s = server->get();
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (!done) s->stop();
  });
  const bool ok = s->run();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if run() ended by itself
  waiter.join();
  return ok ? 0 : 2;
}

}  // namespace wenfeng::serve
