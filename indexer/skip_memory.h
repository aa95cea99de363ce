// The skips of the last run, kept in the index so that the next run knows which
// problems it has met before (as Omega's omindex remembers failed files). A file skipped
// for its content is not read again while its size and mtime stay the same, and a run
// that meets only remembered problems exits 0: one broken file fails one scheduled run,
// not every one after it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "corpus_walker.h"
#include "index_run.h"
#include "newsdex/article.h"
#include "newsdex/file_system.h"

namespace newsdex {

// One skip: of a whole file or folder (entry ""), or of one entry of a JSON dump (its
// id suffix, ":12" or "#3").
struct RememberedSkip {
  std::string entry;
  std::string reason;
};

// What was skipped of one file or folder, with the file's stamp when it is a file.
struct SkipRecord {
  std::string path;                   // as reported (a dump entry's adds its entry)
  std::optional<std::uint64_t> size;  // no stamp: a folder or a link (re-checked each run)
  double mtime = 0;
  std::vector<RememberedSkip> skips;
};

// Skips by key: a file's article id (how the index knows it, whatever spelling of its
// root a run was given), or the path of what the walk could not give an id (a link
// leading outside the roots). Stored as one JSON value in the metadata key kMetaSkips
// of the database that holds the index's metadata (IndexDatabases::aids()).
class SkipMemory {
 public:
  // What `db` remembers. An index written before skips were remembered, or a record
  // this version cannot read, remembers nothing: its skips are met as new once.
  static SkipMemory load(const Xapian::Database& db);
  // The same for the index at `db_path` (a sharded one keeps it in its side database);
  // nothing when it cannot be opened.
  static SkipMemory load_index(const std::string& db_path);
  // Writes the memory into the metadata (part of the next commit); empty memory
  // removes the key.
  void save(Xapian::WritableDatabase& db) const;

  // The keys of a file (or folder) with this id, and of a path that has none.
  static std::string id_key(const std::string& id) { return "i" + id; }
  static std::string path_key(const std::string& path) { return "p" + path; }

  const std::map<std::string, SkipRecord>& records() const { return records_; }
  std::size_t skip_count() const;

  // The record of `key` if it was made for this size and mtime; null otherwise.
  const SkipRecord* unchanged(const std::string& key, std::uint64_t size, double mtime) const;
  // Whether this skip was met before: the same reason for the same entry, and the same
  // stamp when the record has one.
  bool knows(const std::string& key, const std::optional<std::uint64_t>& size, double mtime,
             const std::string& entry, const std::string& reason) const;

  void remember(const std::string& key, const std::string& path,
                const std::optional<std::uint64_t>& size, double mtime, const std::string& entry,
                const std::string& reason);
  void copy_record(const SkipMemory& from, const std::string& key);
  void forget(const std::string& key) { records_.erase(key); }
  // Shows the record of `key` under `path` (the run's spelling of its root) from now on.
  void set_path(const std::string& key, const std::string& path) {
    if (auto record = records_.find(key); record != records_.end()) record->second.path = path;
  }

 private:
  std::map<std::string, SkipRecord> records_;
};

// The skips of one run: tells new ones to the reporter, counts every one in IndexCounts
// (remembered ones in `skipped_remembered` and `remembered`), and builds the memory the
// run leaves for the next. Used by the writer thread only.
class RunSkips {
 public:
  // `before`: what the index remembered; with `retry` (--retry-skipped, --full) every
  // remembered file is read again, though a skip it gives again is not new.
  RunSkips(SkipMemory before, bool retry, const SkipReporter& report, IndexCounts& counts)
      : before_(std::move(before)), retry_(retry), report_(report), counts_(counts) {}

  // Something the walk could not take. Walk problems are found again each run; one met
  // before (same path, reason and, for a file, stamp) is remembered, not new.
  void walk_problem(const WalkProblem& problem, const FileSystem& fs);
  // Counts the remembered skips of a file unchanged since they were met, and returns
  // true: the file is not to be read. Its skipped dump entries are added to `entries`
  // (their id suffixes), so that their indexed versions can be kept. False for a file
  // not remembered, changed since, or with `retry`.
  bool replay(const SourceFile& file, std::vector<std::string>& entries);
  // Whether the file is remembered as skipped and `retry` asks to read it again.
  bool retries(const SourceFile& file) const {
    return retry_ && before_.records().contains(SkipMemory::id_key(file.id));
  }
  // A file chosen to be read: what was remembered of it stays remembered until it is
  // (a run interrupted before then leaves it as it was).
  void keep_until_read(const SourceFile& file) {
    after_.copy_record(before_, SkipMemory::id_key(file.id));
  }
  // The file has been read: its skips, if any, follow through file_skipped.
  void file_read(const SourceFile& file) { after_.forget(SkipMemory::id_key(file.id)); }
  // The file, or its dump entry `entry`, was skipped for `reason` after reading.
  void file_skipped(const SourceFile& file, const std::string& entry, const std::string& reason);

  // The memory this run leaves.
  const SkipMemory& after() const { return after_; }

 private:
  void count(const std::string& path, const std::string& reason, bool met_before, bool deliberate);

  SkipMemory before_;
  SkipMemory after_;
  bool retry_;
  const SkipReporter& report_;
  IndexCounts& counts_;
};

}  // namespace newsdex
