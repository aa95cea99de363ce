#include "shard_writer.h"

namespace newsdex {

ShardWriter::ShardWriter(Xapian::WritableDatabase& db) : db_(db), thread_([this] { run(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

void ShardWriter::rethrow_failure() {
  if (!failure_) return;
  std::exception_ptr failure = failure_;
  failure_ = nullptr;  // reported once; the caller stops the run
  std::rethrow_exception(failure);
}

void ShardWriter::post(Change change) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return pending_.size() < kMaxPending || failure_; });
  rethrow_failure();
  pending_.push_back(std::move(change));
  changed_.notify_all();
}

void ShardWriter::wait_idle() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return (pending_.empty() && !busy_) || failure_; });
  rethrow_failure();
}

void ShardWriter::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [this] { return !pending_.empty() || stopping_; });
    if (pending_.empty()) return;  // stopping, and nothing left
    Change change = std::move(pending_.front());
    pending_.pop_front();
    busy_ = true;
    lock.unlock();
    std::exception_ptr failure;
    try {
      change(db_);
    } catch (...) {
      failure = std::current_exception();
    }
    lock.lock();
    busy_ = false;
    if (failure) {
      if (!failure_) failure_ = failure;
      pending_.clear();  // later changes may depend on this one
    }
    changed_.notify_all();
  }
}

}  // namespace newsdex
