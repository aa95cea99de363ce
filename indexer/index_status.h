// newsdex-index --status: what an index holds and how its last run went.
#pragma once

#include <ostream>
#include <string>

namespace newsdex {

// Prints documents, sections, the dated range and undated count, schema, revision, size
// on disk and the last run. Throws IndexError when there is no usable index at `db_path`.
void print_status(const std::string& db_path, std::ostream& out);
// The same as one JSON object on one line, for monitoring: index, documents, shards,
// sections (name -> articles), dated ({first, last, articles} or null), undated, schema,
// revision, size_bytes, last_run (the last run's counts, or null), residue ({learning,
// lines: [{source, articles, of, text}]}) and skipped ([{path, reason}]).
void print_status_json(const std::string& db_path, std::ostream& out);

}  // namespace newsdex
