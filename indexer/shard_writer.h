// One thread that applies the changes of one shard, so that the shards of a sharded
// index are written in parallel (Xapian's write path is most of the indexer's CPU).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

#include <xapian.h>

namespace newsdex {

class ShardWriter {
 public:
  using Change = std::function<void(Xapian::WritableDatabase&)>;

  // `db` must outlive the writer and must not be used by any other thread while
  // changes are pending (wait_idle() first).
  explicit ShardWriter(Xapian::WritableDatabase& db);
  // Finishes the pending changes (dropping them after a failure) and joins the thread.
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues a change; waits while kMaxPending are queued, so memory stays bounded.
  // Rethrows the first failure of an earlier change.
  void post(Change change);
  // Waits until every queued change is applied; rethrows the first failure.
  void wait_idle();

 private:
  static constexpr std::size_t kMaxPending = 128;
  void run();
  void rethrow_failure();  // with mutex_ held

  Xapian::WritableDatabase& db_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Change> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  std::exception_ptr failure_;
  std::thread thread_;
};

}  // namespace newsdex
