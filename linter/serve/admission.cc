#include "serve/admission.h"

namespace wenfeng::serve {

Admission::Outcome Admission::enter(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock<std::mutex> lock(mu_);
  if (running_ < slots_ && waiting_ == 0) {
    ++running_;
    return Outcome::kAdmitted;
  }
  if (waiting_ >= queue_) return Outcome::kQueueFull;
  ++waiting_;
  const bool got = cv_.wait_until(lock, deadline, [&] { return running_ < slots_; });
  --waiting_;
  if (!got) return Outcome::kTimedOut;
  ++running_;
  return Outcome::kAdmitted;
}

void Admission::leave() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    --running_;
  }
  cv_.notify_one();
}

unsigned Admission::running() const {
  std::lock_guard<std::mutex> lock(mu_);
  return running_;
}

unsigned Admission::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return waiting_;
}

}  // namespace wenfeng::serve
