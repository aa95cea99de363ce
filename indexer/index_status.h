// newsdex-index --status: what an index holds and how its last run went.
#pragma once

#include <ostream>
#include <string>

namespace newsdex {

// Prints documents, sections, the dated range and undated count, schema, revision, size
// on disk and the last run. Throws IndexError when there is no usable index at `db_path`.
void print_status(const std::string& db_path, std::ostream& out);

}  // namespace newsdex
