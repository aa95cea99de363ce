// Runs a query against an index and gathers what the printers show.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsdex/stored_article.h"
#include "passage.h"
#include "query_builder.h"

namespace newsdex {

struct SearchRequest {
  std::string query;
  Xapian::doccount offset = 0;  // hits to pass over (paging)
  Xapian::doccount limit = 10;  // hits to return at most
  std::size_t passage_bytes = 240;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based over the whole result list
  double score = 0;           // Xapian BM25 weight
  int percent = 0;            // Xapian's percentage of the best possible match
  StoredArticle article;
  std::vector<Passage> passages;
};

struct SearchResults {
  Xapian::doccount matches_lower_bound = 0;
  Xapian::doccount matches_estimated = 0;
  Xapian::doccount matches_upper_bound = 0;
  std::vector<Hit> hits;
};

class Searcher {
 public:
  // Opens the index and checks its schema. Throws IndexError when it is missing, not a
  // newsdex index, or built with another schema.
  explicit Searcher(const std::string& db_path);

  // Throws QueryError for a query that cannot be parsed.
  SearchResults search(const SearchRequest& request);

 private:
  Xapian::Database db_;
  QueryBuilder query_builder_;
};

}  // namespace newsdex
