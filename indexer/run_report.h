// What a run of newsdex-index tells its operator: the summary line on stderr and the
// machine-readable report of --report-json.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "index_run.h"

namespace newsdex {

struct RunReport {
  std::string index;  // the index directory
  IndexCounts counts;
  // The new skips (path, reason); the remembered ones are counts.remembered.
  std::vector<std::pair<std::string, std::string>> skipped;
  std::string started, finished;  // UTC, ISO 8601
  double seconds = 0;
  int exit_code = 0;
};

// "indexed: 12 added, 3 updated, 480 unchanged, 2 deleted, 1 skipped in 0.84 s", then
// the skips per reason and how many of them were remembered from earlier runs;
// "interrupted: ..." for a run stopped by a signal.
std::string format_summary(const IndexCounts& counts, double seconds);

// The current time, UTC, ISO 8601 to the second.
std::string utc_now();

// Writes `report` as one JSON object to `path`, with the index's document count,
// revision and size on disk. Its "skipped" list holds the new skips, then the remembered
// ones, each marked by "remembered". Throws Error when the file cannot be written.
void write_run_report(const std::string& path, const RunReport& report);

// Bytes used by the files of an index directory.
std::uintmax_t index_size_on_disk(const std::string& db_path);

}  // namespace newsdex
