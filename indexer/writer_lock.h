// One newsdex writer per index: an flock() on "INDEX.lock" beside the index, held for
// the whole run (a --rebuild writes several databases under it). The lock file records
// the holder's pid for the busy message and is never removed: removing a lock file
// while someone holds it is how indexes get corrupted.
#pragma once

#include <atomic>
#include <string>

namespace newsdex {

class WriterLock {
 public:
  // Waits up to `timeout` seconds (or until *interrupted) for the lock, then throws
  // IndexBusyError naming the index and the holder's pid. Throws IndexError when the
  // lock file cannot be created.
  WriterLock(const std::string& index_path, double timeout, const std::atomic<bool>* interrupted);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace newsdex
