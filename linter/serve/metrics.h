// Prometheus metrics of the web service (text exposition format 0.0.4 at /metrics):
//
//   wenfeng_http_requests_total{route,code}            requests answered
//   wenfeng_http_request_duration_seconds{route}       latency histogram (request read to answer)
//   wenfeng_http_request_bytes_total{route}            bytes received in request bodies
//   wenfeng_http_response_bytes_total{route}           bytes sent in response bodies
//   wenfeng_errors_total{code}                         error answers by wenfeng error code
//   wenfeng_checks_in_flight, wenfeng_checks_waiting   admission (serve/admission.h)
//   process_resident_memory_bytes                      current RSS
//
// Routes are a fixed set (unknown paths count as "other"), so a scanner cannot grow the
// label space.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace wenfeng::serve {

class Metrics {
 public:
  // The label for a request path.
  static std::string_view route(std::string_view path);

  void observe(std::string_view route, int status, double seconds, std::uint64_t bytes_in, std::uint64_t bytes_out);
  void error(std::string_view code);
  std::string render(unsigned in_flight, unsigned waiting) const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                      0.5,   1,    2.5,   5,    10,  30};
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // cumulative on output
    std::uint64_t count = 0;
    double sum = 0;
    std::uint64_t bytes_in = 0, bytes_out = 0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency, std::less<>> latency_;
  std::map<std::string, std::uint64_t, std::less<>> errors_;
};

}  // namespace wenfeng::serve
