// newsdex-index --rebuild: a complete new index built beside the live one, checked,
// optionally compacted, then made live at once by replacing a stub database file with
// rename(). Searches that start at any moment open either the whole old or the whole
// new index.
#pragma once

#include "index_run.h"

namespace newsdex {

// Builds options.roots into a new generation "DB.gen-TIMESTAMP-PID" beside DB (the
// --db path), verifies it with Xapian's Database::check, compacts it when `compact`,
// and switches the stub file DB to it. The previous generation is kept (long-lived
// readers may still use it); older ones are removed. An interrupted or failed rebuild
// leaves the live index untouched. A stopped (or killed) rebuild leaves its generation,
// marked "DB.gen-....resume" with the roots and options, for the next --rebuild with the
// same ones to carry on (IndexCounts::resumed_build); a failed one removes it. Throws UsageError
// when DB is an index folder rather than a stub file (a folder cannot be swapped atomically), plus
// run_index's errors.
IndexCounts rebuild_index(const IndexOptions& options, bool compact, const FileSystem& fs,
                          const SkipReporter& report_skip);

// The generation folders a stub file points to (its "glass DIR" lines), as paths
// usable from here; empty when `path` is not a stub file.
std::vector<std::string> stub_targets(const std::string& path);

}  // namespace newsdex
