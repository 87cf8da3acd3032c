// Parallel loops over independent items (whole-corpus runs are parallel across files).
//
// ordered_parallel produces results on `threads` threads (the calling thread is one of them)
// and hands them to `consume` in input order, as soon as each is next in line, with at most
// `window` results produced but not yet taken by the consumer: output streams while the
// batch runs and memory is bounded by the items in flight, not by the batch. No thread waits
// to emit: the thread that finishes the item next in line consumes it, and every later one
// already done, while the others go on producing. `consume` runs on any of the threads,
// never on two at once, in input order. Functions must not throw.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace wenfeng {

template <typename T, typename Produce, typename Consume>
void ordered_parallel(std::size_t n, unsigned threads, std::size_t window, Produce&& produce, Consume&& consume) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(produce(i));
    return;
  }
  window = std::max<std::size_t>(window, threads);
  std::vector<std::optional<T>> slots(window);
  std::mutex mu;
  std::condition_variable room;
  // next: the first item not yet claimed; consumed: the first item not yet taken by the
  // consumer; emitting: a thread is consuming (outside the lock).
  std::size_t next = 0, consumed = 0, room_waiters = 0;
  bool emitting = false;
  const auto work = [&] {
    std::unique_lock<std::mutex> lock(mu);
    while (true) {
      if (next < n && next >= consumed + window) {
        ++room_waiters;
        room.wait(lock, [&] { return next >= n || next < consumed + window; });
        --room_waiters;
      }
      if (next >= n) return;
      const std::size_t i = next++;
      lock.unlock();
      T result = produce(i);
      lock.lock();
      slots[i % window].emplace(std::move(result));
      if (emitting) continue;  // the consuming thread takes it when its turn comes
      emitting = true;
      while (consumed < n && slots[consumed % window]) {
        std::optional<T> item = std::move(slots[consumed % window]);
        slots[consumed % window].reset();
        ++consumed;
        if (room_waiters) room.notify_all();
        lock.unlock();
        consume(std::move(*item));
        lock.lock();
      }
      emitting = false;
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& th : pool) th.join();
}

}  // namespace wenfeng
