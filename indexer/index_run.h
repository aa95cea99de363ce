// One run of the indexer: walk the roots, index what changed, delete what vanished.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "newsdex/article_analyzer.h"
#include "newsdex/file_system.h"

namespace newsdex {

struct IndexOptions {
  std::string db_path;             // index directory; created when missing
  std::vector<std::string> roots;  // corpus folders
  bool full = false;               // re-index every file, changed or not
  // Commit without waiting for the disk: for temporary builds only (see IndexOpenOptions).
  bool no_sync = false;
  // Shard databases of a new index (see shard_layout.h); 0 keeps what an existing index
  // has (1 for a new one). A different number for an existing index is a UsageError.
  unsigned shards = 0;
  AnalysisOptions analysis;  // entity and topic extraction
  // Learn residue: edge lines that a source repeats across a large share of its articles
  // are dropped (see residue_learning.h). Off, nothing learnt is dropped.
  bool learn_residue = true;
  // Threads that read, analyse and build documents; one more thread writes (one per
  // shard). Results and document ids are the same for any number. 0: worker_threads().
  unsigned jobs = 1;
  // Seconds to wait for another writer to release the index before giving up with
  // IndexBusyError.
  double lock_timeout = 60;
  // Take the newsdex writer lock (WriterLock) on db_path; off when the caller holds it.
  bool take_writer_lock = true;
  // Set (from a signal handler) to stop early: what is done is committed, the next run
  // finishes the rest. May be null.
  const std::atomic<bool>* interrupted = nullptr;
  // Called by the writer after each file that needed work: (done, to do). May be empty.
  std::function<void(std::size_t, std::size_t)> on_progress;
  // Documents written between commits. A crash loses at most this much work; a re-run
  // redoes it because unchanged files are recognised by their stamp. Smaller batches
  // keep Xapian's in-memory posting buffers small, which costs its writer less CPU
  // (10x BBC corpus: 2000 -> 500 took a full run from 24.0 s to 21.4 s and its peak
  // memory from 233 MB to 161 MB; 200 was slower again, for the extra fsyncs).
  std::size_t commit_every = 500;
  // Seconds at least between two batch commits, on an index that searches may be
  // reading. Xapian lets a reader finish across one commit but not two (it then throws
  // DatabaseModifiedError, or DatabaseCorruptError when it meets a block the second
  // commit reused): a search for a common word counts every match and takes long enough
  // to meet two commits 500 articles apart. With commits this far apart, a search that
  // fails once reopens and finishes. 0 for an index nobody reads yet (a new build, a
  // rebuild's generation).
  double min_seconds_between_commits = 2.0;
  // Searches may be reading db_path while this run writes it. Spacing commits is not
  // enough on a loaded machine (a search can outlast any gap), so after each commit the
  // run also waits, at most max_seconds_waiting_for_searches, for the searches that
  // still read the revision before it (see newsdex/search_lease.h). Off for an index
  // nobody reads yet.
  bool searches_may_read = true;
  double max_seconds_waiting_for_searches = 30;
  // Files larger than this, on disk or decompressed, are skipped with a reason.
  std::uint64_t max_file_bytes = std::uint64_t{64} << 20;
  // Read again the files remembered as skipped (see skip_memory.h), though unchanged.
  bool retry_skipped = false;
  // An index whose remembered skips count as met before when db_path remembers none:
  // --rebuild passes the live index, so a rebuild does not meet old problems as new.
  std::string skips_known_from;
};

// Counts of articles (a JSON dump holds many), except `skipped`: files and entries.
struct IndexCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t skipped = 0;
  std::size_t touched = 0;         // of the unchanged: new mtime, same content, not re-analysed
  std::size_t moved = 0;           // of the added: a vanished article's content, analysis kept
  std::size_t replaced_bytes = 0;  // invalid bytes read as U+FFFD, in files indexed
  std::size_t recleaned = 0;       // cleaned again: a line they hold was learnt as residue
  std::size_t skipped_deliberately = 0;  // of the skipped: by the options (WalkProblem)
  std::size_t skipped_remembered = 0;    // of the skipped: met before, unchanged since (not read)
  std::size_t new_problems = 0;          // of the skipped: not met before and not deliberate
  std::map<std::string, std::size_t> skip_reasons;  // reason -> files
  // The remembered skips (path, reason), which are not told to the SkipReporter.
  std::vector<std::pair<std::string, std::string>> remembered;
  bool interrupted = false;  // stopped early; deletions wait for a complete run
  // --rebuild: the generation of a rebuild stopped before that this one carried on;
  // empty when it began from nothing.
  std::string resumed_build;
  // Every article was analysed again: the index was made by another analysis (a newer
  // newsdex's names or model, or --no-entities changed).
  bool reanalysed = false;
};

// Called once per file, folder or dump entry skipped for a problem not met before (a new
// skip), with a one-line reason. Skips remembered from an earlier run are not told again:
// they are in IndexCounts::remembered.
using SkipReporter = std::function<void(const std::string& path, const std::string& reason)>;

// The skip reason of an exception thrown while reading or analysing one file: the
// message of an ArticleError, the system's words for an I/O error. Rethrows anything
// else (database errors are not the file's fault).
std::string skip_reason(std::exception_ptr error);

// Runs the indexer. Bad articles are reported and skipped. Throws UsageError (bad
// roots), IndexBusyError (another writer), IndexError or Xapian::Error (the index
// cannot be used); nothing already committed is lost in any of these cases.
// The workers of a run with jobs = 0, on `cores` cores: all of them, except for an index
// of one database that exists already. Its one writer thread is the bottleneck of an
// update (Xapian's replace_document costs more than analysing an article), and a worker
// per core only takes CPU from it: one core is left to the writer.
unsigned worker_threads(unsigned cores, unsigned writer_threads, bool new_index);

IndexCounts run_index(const IndexOptions& options, const FileSystem& fs,
                      const SkipReporter& report_skip);

}  // namespace newsdex
