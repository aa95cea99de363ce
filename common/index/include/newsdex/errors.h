// Typed errors thrown by the newsdex library. Each program translates them once, in
// main(), into one line "prog: message" and an exit code (see README, "Exit codes").
#pragma once

#include <stdexcept>
#include <string>

namespace newsdex {

// Base of everything newsdex throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One article cannot be used (unreadable, empty, not text). The indexer skips the file
// with this message as the reason and goes on; it never aborts a run.
class ArticleError : public Error {
 public:
  using Error::Error;
};

// The user asked for something that cannot work (bad option, missing folder).
class UsageError : public Error {
 public:
  using Error::Error;
};

// The index cannot be opened or used: missing, not a newsdex index, built with another
// schema. Fatal for the program.
class IndexError : public Error {
 public:
  using Error::Error;
};

// A shard of a sharded index did not answer (a remote server down or too slow). The
// message names the shard.
class ShardUnavailableError : public IndexError {
 public:
  using IndexError::IndexError;
};

// Another writer holds the index lock.
class IndexBusyError : public Error {
 public:
  using Error::Error;
};

// The query text cannot be turned into a Xapian query.
class QueryError : public Error {
 public:
  using Error::Error;
};

}  // namespace newsdex
