#include "searcher.h"

#include <sys/stat.h>

#include "highlight_query.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

Xapian::Database open_index(const std::string& db_path) {
  // Xapian's own message for a missing path ("Couldn't detect type of database") does
  // not say what is wrong, so check for the path first.
  struct stat st;
  if (::stat(db_path.c_str(), &st) != 0) {
    throw IndexError("no index at " + db_path + " (create it with newsdex-index --db " + db_path +
                     " ROOT)");
  }
  try {
    Xapian::Database db(db_path);
    check_schema_metadata(db, db_path);
    return db;
  } catch (const Xapian::Error& e) {
    throw IndexError("cannot open index " + db_path + ": " + e.get_msg());
  }
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : db_(open_index(db_path)), query_builder_(db_) {}

SearchResults Searcher::search(const SearchRequest& request) {
  Xapian::Query query = query_builder_.build(request.query);
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);

  // Passages come from an MSet of the highlight query; snippet() needs only its terms
  // and statistics, so it asks for no documents.
  Xapian::MSet passage_mset = mset;
  if (std::optional<Xapian::Query> for_passages = highlight_query(query)) {
    Xapian::Enquire highlighter(db_);
    highlighter.set_query(*for_passages);
    passage_mset = highlighter.get_mset(0, 0);
  }

  SearchResults results;
  results.matches_lower_bound = mset.get_matches_lower_bound();
  results.matches_estimated = mset.get_matches_estimated();
  results.matches_upper_bound = mset.get_matches_upper_bound();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    hit.article = StoredArticle::parse(it.get_document().get_data());
    hit.passages.push_back(make_passage(passage_mset, hit.article.body, query_builder_.stemmer(),
                                        request.passage_bytes));
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace newsdex
