// Admission of CPU work in the web service: at most `slots` checks run at once (the cores
// the service may use), at most `queue` more wait for one, and a request that would wait
// past its deadline gives up. The HTTP layer answers 503 to both refusals, so a burst
// never grows memory or latency without bound: an orchestrator's load balancer sends the
// request elsewhere, and the HorizontalPodAutoscaler sees the CPU.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace wenfeng::serve {

class Admission {
 public:
  Admission(unsigned slots, unsigned queue) : slots_(slots == 0 ? 1 : slots), queue_(queue) {}

  enum class Outcome { kAdmitted, kQueueFull, kTimedOut };

  // Waits for a slot until `deadline`. Every kAdmitted must be followed by leave().
  Outcome enter(std::chrono::steady_clock::time_point deadline);
  void leave();

  unsigned running() const;
  unsigned waiting() const;

 private:
  const unsigned slots_;
  const unsigned queue_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  unsigned running_ = 0;
  unsigned waiting_ = 0;
};

// Holds a slot for a scope.
class AdmissionSlot {
 public:
  explicit AdmissionSlot(Admission& a) : a_(a) {}
  ~AdmissionSlot() { a_.leave(); }
  AdmissionSlot(const AdmissionSlot&) = delete;
  AdmissionSlot& operator=(const AdmissionSlot&) = delete;

 private:
  Admission& a_;
};

}  // namespace wenfeng::serve
