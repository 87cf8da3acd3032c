// ordered_parallel: every item produced once and consumed once, in input order, never two
// consumers at once, never more than `window` items produced but not yet taken by the consumer, with any
// number of threads (the calling thread included) and items of uneven cost.
#include "base/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace {

struct Tally {
  std::mutex mu;
  std::size_t produced = 0, consumed = 0, most_ahead = 0;
};

void check_run(std::size_t n, unsigned threads, std::size_t window) {
  Tally t;
  std::vector<int> made(n, 0);
  std::vector<std::size_t> order;
  std::atomic<int> consumers{0};
  bool overlapped = false;
  wenfeng::ordered_parallel<std::size_t>(
      n, threads, window,
      [&](std::size_t i) {
        {
          std::lock_guard<std::mutex> lock(t.mu);
          ++made[i];
          ++t.produced;
          t.most_ahead = std::max(t.most_ahead, t.produced - t.consumed);
        }
        // Uneven work: every seventh item is slow, so later items finish first.
        if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
        return i;
      },
      [&](std::size_t i) {
        if (consumers.fetch_add(1) != 0) overlapped = true;
        order.push_back(i);
        {
          std::lock_guard<std::mutex> lock(t.mu);
          ++t.consumed;
        }
        consumers.fetch_sub(1);
      });
  ASSERT_EQ(order.size(), n);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(order[i], i);
    EXPECT_EQ(made[i], 1) << "item " << i;
  }
  EXPECT_FALSE(overlapped);
  // The window's results plus the one in the consumer's hands.
  const std::size_t bound = std::max<std::size_t>(window, threads) + 1;
  if (threads > 1 && n > 0) {
    EXPECT_LE(t.most_ahead, bound) << threads << " threads, window " << window;
  }
}

TEST(OrderedParallel, InOrderOnceEachWithinTheWindow) {
  for (unsigned threads : {1u, 2u, 3u, 8u})
    for (std::size_t window : {1u, 2u, 8u})
      for (std::size_t n : {0u, 1u, 2u, 5u, 64u, 301u}) check_run(n, threads, window);
}

TEST(OrderedParallel, ConsumesWhileProducing) {
  // The first item is consumed before the last one is produced: output streams, it is not
  // held until the batch ends.
  std::atomic<bool> first_consumed{false};
  bool last_after_first = false;
  const std::size_t n = 200;
  wenfeng::ordered_parallel<std::size_t>(
      n, 2, 4,
      [&](std::size_t i) {
        if (i == n - 1) last_after_first = first_consumed.load();
        return i;
      },
      [&](std::size_t i) {
        if (i == 0) first_consumed = true;
      });
  EXPECT_TRUE(last_after_first);
}

}  // namespace
