// The stock path of query parsing, for tests that hold newsdex to it.
#pragma once

#include <xapian.h>

namespace newsdex::testing {

// A Xapian::QueryParser set up as the search tool's (search/query_builder.cc) without its
// field processors: the schema's named fields as plain prefixes (boolean ones as boolean
// prefixes), the schema's stemmer and strategy, and AND between words.
Xapian::QueryParser stock_query_parser(const Xapian::Database& db);

}  // namespace newsdex::testing
