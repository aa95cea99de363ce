// The last word when Xapian stops the process while it writes.
//
// Xapian 1.4.22's glass backend can end a commit that meets a full disk with
// std::terminate instead of an exception: an exception thrown again while an earlier one
// is being cleaned up inside WritableDatabase::commit. No catch in newsdex can see it.
// The index on disk is then as a killed run leaves it (glass commits are atomic, and a
// killed run is what the next run already takes up), so what is left to do is what the
// catch would have done: one line naming the index and the reason, the temporary folders
// of a new index removed (they would fill the disk again), and exit status 2.
#pragma once

#include <exception>
#include <string>

namespace newsdex {

// Installs the handler; `program` and `db_path` name the line it prints. `exit_code` is
// the status the indexer uses for an index it cannot write.
void install_fatal_write_handler(const std::string& program, const std::string& db_path,
                                 int exit_code);

// While one is alive, the handler removes `path` (a new index's temporary folder) before
// the process ends. Nested scopes are allowed; each removes its own path.
class RemovedIfWritingFails {
 public:
  explicit RemovedIfWritingFails(std::string path);
  ~RemovedIfWritingFails();
  RemovedIfWritingFails(const RemovedIfWritingFails&) = delete;
  RemovedIfWritingFails& operator=(const RemovedIfWritingFails&) = delete;

 private:
  std::string path_;
};

// What the handler would print for the exception in flight (none: nullptr), with the
// disk of `db_path` holding `free_bytes`. Exposed for tests.
std::string fatal_write_message(std::exception_ptr error, const std::string& db_path,
                                unsigned long long free_bytes);

}  // namespace newsdex
