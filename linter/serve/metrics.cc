#include "serve/metrics.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace wenfeng::serve {
namespace {

constexpr std::string_view kRoutes[] = {"/v1/check", "/v1/count", "/v1/annotate", "/v1/profiles", "/v1/rules",
                                        "/v1/page",  "/healthz",  "/readyz",      "/metrics"};

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::uint64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

std::string_view Metrics::route(std::string_view path) {
  for (auto r : kRoutes)
    if (path == r) return r;
  if (path == "/" || path == "/index.html" || path == "/app.js" || path == "/app.css") return "page";
  return "other";
}

void Metrics::observe(std::string_view r, int status, double seconds, std::uint64_t bytes_in,
                      std::uint64_t bytes_out) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{std::string(r), status}];
  auto it = latency_.find(r);
  if (it == latency_.end()) it = latency_.emplace(std::string(r), Latency{}).first;
  Latency& l = it->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      ++l.buckets[i];
      break;
    }
  ++l.count;
  l.sum += seconds;
  l.bytes_in += bytes_in;
  l.bytes_out += bytes_out;
}

void Metrics::error(std::string_view code) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = errors_.find(code);
  if (it == errors_.end()) it = errors_.emplace(std::string(code), 0).first;
  ++it->second;
}

std::string Metrics::render(unsigned in_flight, unsigned waiting) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string o;
  o += "# HELP wenfeng_http_requests_total HTTP requests answered, by route and status code.\n"
       "# TYPE wenfeng_http_requests_total counter\n";
  for (const auto& [k, n] : requests_)
    o += "wenfeng_http_requests_total{route=\"" + k.first + "\",code=\"" + std::to_string(k.second) + "\"} " +
         std::to_string(n) + "\n";
  o += "# HELP wenfeng_http_request_duration_seconds Time from the request's arrival to its answer.\n"
       "# TYPE wenfeng_http_request_duration_seconds histogram\n";
  for (const auto& [r, l] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += l.buckets[i];
      o += "wenfeng_http_request_duration_seconds_bucket{route=\"" + r + "\",le=\"" + number(kBuckets[i]) + "\"} " +
           std::to_string(cumulative) + "\n";
    }
    o += "wenfeng_http_request_duration_seconds_bucket{route=\"" + r + "\",le=\"+Inf\"} " + std::to_string(l.count) +
         "\n";
    o += "wenfeng_http_request_duration_seconds_sum{route=\"" + r + "\"} " + number(l.sum) + "\n";
    o += "wenfeng_http_request_duration_seconds_count{route=\"" + r + "\"} " + std::to_string(l.count) + "\n";
  }
  o += "# HELP wenfeng_http_request_bytes_total Bytes received in request bodies.\n"
       "# TYPE wenfeng_http_request_bytes_total counter\n";
  for (const auto& [r, l] : latency_)
    o += "wenfeng_http_request_bytes_total{route=\"" + r + "\"} " + std::to_string(l.bytes_in) + "\n";
  o += "# HELP wenfeng_http_response_bytes_total Bytes sent in response bodies.\n"
       "# TYPE wenfeng_http_response_bytes_total counter\n";
  for (const auto& [r, l] : latency_)
    o += "wenfeng_http_response_bytes_total{route=\"" + r + "\"} " + std::to_string(l.bytes_out) + "\n";
  o += "# HELP wenfeng_errors_total Error answers, by wenfeng error code.\n"
       "# TYPE wenfeng_errors_total counter\n";
  for (const auto& [c, n] : errors_) o += "wenfeng_errors_total{code=\"" + c + "\"} " + std::to_string(n) + "\n";
  o += "# HELP wenfeng_checks_in_flight Checks running now.\n# TYPE wenfeng_checks_in_flight gauge\n"
       "wenfeng_checks_in_flight " + std::to_string(in_flight) + "\n";
  o += "# HELP wenfeng_checks_waiting Checks waiting for a worker.\n# TYPE wenfeng_checks_waiting gauge\n"
       "wenfeng_checks_waiting " + std::to_string(waiting) + "\n";
  o += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
       "# TYPE process_resident_memory_bytes gauge\nprocess_resident_memory_bytes " +
       std::to_string(resident_bytes()) + "\n";
  return o;
}

}  // namespace wenfeng::serve
