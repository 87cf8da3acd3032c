// Parallel loops over independent items (whole-corpus runs are parallel across files).
//
// ordered_parallel produces results on worker threads and hands them to
// `consume` on the calling thread in input order, as soon as each is next in line, with at
// most `window` results produced but not yet consumed: output streams while the batch runs
// and memory is bounded by the items in flight, not by the batch. Functions must not throw.
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
  std::condition_variable ready, room;
  std::size_t next = 0, consumed = 0;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      while (true) {
        std::size_t i;
        {
          std::unique_lock<std::mutex> lock(mu);
          room.wait(lock, [&] { return next >= n || next < consumed + window; });
          if (next >= n) return;
          i = next++;
        }
        T result = produce(i);
        {
          std::lock_guard<std::mutex> lock(mu);
          slots[i % window].emplace(std::move(result));
        }
        ready.notify_all();
      }
    });
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<T> item;
    {
      std::unique_lock<std::mutex> lock(mu);
      ready.wait(lock, [&] { return slots[i % window].has_value(); });
      item = std::move(slots[i % window]);
      slots[i % window].reset();
      consumed = i + 1;
    }
    room.notify_all();
    consume(std::move(*item));
  }
  for (auto& th : pool) th.join();
}

}  // namespace wenfeng
