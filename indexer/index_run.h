// One run of the indexer: walk the roots, index what changed, delete what vanished.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsdex/article_analyzer.h"
#include "newsdex/file_system.h"

namespace newsdex {

struct IndexOptions {
  std::string db_path;             // index directory; created when missing
  std::vector<std::string> roots;  // corpus folders
  bool full = false;               // re-index every file, changed or not
  AnalysisOptions analysis;        // entity and topic extraction
  // Threads that read, analyse and build documents; one more thread writes. Results
  // and document ids are the same for any number.
  unsigned jobs = 1;
  // Documents written between commits. A crash loses at most this much work; a re-run
  // redoes it because unchanged files are recognised by their stamp.
  std::size_t commit_every = 2000;
};

struct IndexCounts {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t deleted = 0;
  std::size_t skipped = 0;
};

// Called once per file or folder that was skipped, with a one-line reason.
using SkipReporter = std::function<void(const std::string& path, const std::string& reason)>;

// Runs the indexer. Bad articles are reported and skipped. Throws UsageError (bad
// roots), IndexBusyError (another writer), IndexError or Xapian::Error (the index
// cannot be used); nothing already committed is lost in any of these cases.
IndexCounts run_index(const IndexOptions& options, const FileSystem& fs,
                      const SkipReporter& report_skip);

}  // namespace newsdex
