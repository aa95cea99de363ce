#include "ordered_pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace newsdex {
namespace {

struct Counter {
  int produced = 0;  // per worker: proves each worker has its own state
};

TEST(OrderedPipeline, ConsumesInOrderWhateverTheWorkers) {
  for (unsigned workers : {1u, 2u, 4u, 8u}) {
    SCOPED_TRACE(workers);
    std::vector<std::size_t> seen;
    std::atomic<int> states{0};
    run_ordered(
        1000, workers, 16,
        [&] {
          ++states;
          return Counter{};
        },
        [](Counter& counter, std::size_t i) {
          ++counter.produced;
          // Uneven work, so that workers finish out of order.
          if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(50));
          return i * 3;
        },
        [&](std::size_t i, std::size_t result) {
          EXPECT_EQ(result, i * 3);
          seen.push_back(i);
        });
    ASSERT_EQ(seen.size(), 1000u);
    for (std::size_t i = 0; i < seen.size(); ++i) ASSERT_EQ(seen[i], i);
    EXPECT_EQ(states.load(), static_cast<int>(workers));
  }
}

TEST(OrderedPipeline, WorkersStayWithinTheWindow) {
  constexpr std::size_t kWindow = 8;
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> furthest_ahead{0};
  run_ordered(
      500, 4, kWindow, [] { return 0; },
      [&](int&, std::size_t i) {
        std::size_t ahead = i - std::min(i, consumed.load());
        std::size_t seen = furthest_ahead.load();
        while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return i;
      },
      [&](std::size_t i, std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(20));  // a slow writer
        consumed = i + 1;
      });
  // The pipeline counts item i as consumed as consume(i) starts, this test once it
  // returns: so a worker may be seen at most kWindow items ahead, never more.
  EXPECT_LE(furthest_ahead.load(), kWindow);
  EXPECT_EQ(consumed.load(), 500u);
}

TEST(OrderedPipeline, ExceptionsReachTheCaller) {
  EXPECT_THROW(run_ordered(
                   100, 3, 8, [] { return 0; },
                   [](int&, std::size_t i) {
                     if (i == 42) throw std::runtime_error("worker failed");
                     return i;
                   },
                   [](std::size_t, std::size_t) {}),
               std::runtime_error);
  EXPECT_THROW(run_ordered(
                   100, 3, 8, [] { return 0; }, [](int&, std::size_t i) { return i; },
                   [](std::size_t i, std::size_t) {
                     if (i == 10) throw std::logic_error("writer failed");
                   }),
               std::logic_error);
}

TEST(OrderedPipeline, NothingToDo) {
  int calls = 0;
  run_ordered(
      0, 2, 4, [] { return 0; }, [&](int&, std::size_t i) { return i; },
      [&](std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace newsdex
