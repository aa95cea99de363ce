// Parallel work with ordered, single-threaded results: the shape of the indexer, where
// worker threads build documents and one thread, the only owner of the database,
// applies them in corpus order (so document ids do not depend on the number of threads).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace newsdex {

// Calls produce(state, i) for every i in [0, n) on `workers` threads, each with its own
// `state` from make_state() (objects that must stay on one thread, like a Xapian
// TermGenerator), and consume(i, result) on the calling thread in order of i. At most
// `window` results are produced ahead of consumption, so memory stays bounded however
// large n is. An exception from produce or consume stops the workers and is rethrown.
template <class MakeState, class Produce, class Consume>
void run_ordered(std::size_t n, unsigned workers, std::size_t window, MakeState make_state,
                 Produce produce, Consume consume) {
  using State = decltype(make_state());
  using Result = decltype(produce(std::declval<State&>(), std::size_t{}));
  if (workers == 0) workers = 1;
  if (window < workers) window = workers;

  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::optional<Result>> slots(window);  // result i waits in slots[i % window]
  std::size_t next = 0, consumed = 0;
  bool stop = false;
  std::exception_ptr failure;

  auto fail = [&](std::exception_ptr error) {
    std::lock_guard lock(mutex);
    if (!failure) failure = error;
    stop = true;
    changed.notify_all();
  };
  auto work = [&] {
    try {
      State state = make_state();
      for (;;) {
        std::size_t i;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || next >= n || next < consumed + window; });
          if (stop || next >= n) return;
          i = next++;
        }
        Result result = produce(state, i);
        {
          std::lock_guard lock(mutex);
          slots[i % window] = std::move(result);
        }
        changed.notify_all();
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) threads.emplace_back(work);
  try {
    for (std::size_t i = 0; i < n; ++i) {
      Result result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || slots[i % window].has_value(); });
        if (!slots[i % window].has_value()) break;  // a worker failed
        result = std::move(*slots[i % window]);
        slots[i % window].reset();
        consumed = i + 1;
      }
      changed.notify_all();
      consume(i, std::move(result));
    }
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace newsdex
