// Turns what the user typed into a Xapian query, with the QueryParser configured from
// the same schema table and analyzer settings that the indexer used.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// What a date range filter starts with in a query.
inline constexpr std::string_view kDateFilterPrefix = "date:";

class QueryBuilder {
 public:
  // `db` gives the vocabulary for wildcard expansion; it must outlive the builder.
  explicit QueryBuilder(const Xapian::Database& db);

  // Words must all match by default; OR, NOT, AND, "phrases", field:value and trailing
  // wildcards work. Throws QueryError naming the query when Xapian cannot parse it.
  Xapian::Query build(const std::string& query_text);

  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::Stem stemmer_;
  Xapian::QueryParser parser_;
};

}  // namespace newsdex
