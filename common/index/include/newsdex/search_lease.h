// Searches and the indexer share a live index without a search ever failing for the
// indexer's sake. Xapian lets a reader finish across one commit but not two: once the
// writer goes on after its next commit, it reuses blocks that an older reader may still
// need (the reader then throws DatabaseModifiedError or DatabaseCorruptError). So each
// search holds a SearchLease, and the indexer, after each commit and before it writes
// again, waits at the SearchGate until no search that started before the commit is
// running. Searches that start meanwhile open the new revision and are safe until the
// writer's next commit, where it waits for them in turn.
//
// Both are byte-range locks (Linux open-file-description locks, which do not mix with
// the writer's flock on the same file) on "INDEX.lock", the writer lock file beside the
// index: byte 0 is the gate, held by the indexer while it waits, so that new searches
// queue behind it rather than starve it; byte 1 is held shared by every running search.
// Best effort on both sides: with no lock file (an index newsdex did not write, a
// read-only copy) searches run without a lease, as they did before.
#pragma once

#include <atomic>
#include <string>

namespace newsdex {

// Held by a search for as long as it reads the index.
class SearchLease {
 public:
  // Waits, at most `timeout` seconds, while an indexer is at the gate; then searches
  // without a lease rather than not at all.
  explicit SearchLease(const std::string& index_path, double timeout = 60);
  ~SearchLease();
  SearchLease(const SearchLease&) = delete;
  SearchLease& operator=(const SearchLease&) = delete;

  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Used by the indexer, which holds the writer lock.
class SearchGate {
 public:
  // Opens (creating if need be) the lock file beside `index_path`; a gate that cannot
  // is closed for good and waits for nothing.
  explicit SearchGate(const std::string& index_path);
  ~SearchGate();
  SearchGate(const SearchGate&) = delete;
  SearchGate& operator=(const SearchGate&) = delete;

  // Returns once no search is running (true), or after `timeout` seconds or when
  // *interrupted is set (false: the writer goes on, and a search that meets its writes
  // reopens and tries again, as without the gate). After one wait that ran out of time
  // a search is stuck (a stopped process): later calls return false at once rather than
  // make every commit of the run wait for it.
  bool wait_for_searches(double timeout, const std::atomic<bool>* interrupted = nullptr);

 private:
  int fd_ = -1;
  bool gave_up_ = false;
};

}  // namespace newsdex
