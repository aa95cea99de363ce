// Runs a query against an index and gathers what the printers show.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "facets.h"
#include "index_opener.h"
#include "newsdex/caching_stemmer.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "passage.h"
#include "query_builder.h"
#include "timeline.h"

namespace newsdex {

enum class SortOrder {
  kRelevance,  // best match first (BM25, plus recency when asked)
  kDate,       // newest first by the article's own date, then relevance
  kOldest,     // oldest first by the article's own date, then relevance
};

struct SearchRequest {
  std::string query;
  Xapian::doccount offset = 0;  // hits to pass over (paging)
  Xapian::doccount limit = 10;  // hits to return at most
  std::size_t passage_bytes = 240;
  std::size_t passages = 1;  // passages per hit at most, best first by matches shown
  // When the query finds little and a spelling correction exists, answer the corrected
  // query instead (SearchResults::corrected_from says so); otherwise only suggest it.
  bool autocorrect = false;
  // Count the people, places, organisations and topics of all matches (not only the
  // hits returned): slower, as the match then visits every matching document.
  bool facets = false;
  std::size_t facet_limit = 10;            // values per facet at most
  SortOrder sort = SortOrder::kRelevance;  // undated articles come after dated ones
  // What date filters do with articles that have no date of their own (query_builder.h).
  UndatedPolicy undated = UndatedPolicy::kExclude;
  // Near-duplicate stories (the same wire story under several sites) become one hit
  // that counts the others (Hit::similar); false lists them all.
  bool collapse_duplicates = true;
  // Blends recency into relevance: a match gains this much weight per year it is
  // newer (BM25 weights of good matches are around 5 to 20); undated ones gain nothing.
  // 0 = off.
  double recency_weight = 0;
  // More like this: the article with this id (or a path ending with its id) gives the
  // query; `query`, when not empty, then only filters. "" = off.
  std::string like;
  // Count all matches by date too (SearchResults::timeline).
  std::optional<TimelineBucket> timeline;
  // The people, places and organisations that co-occur most with the query
  // (SearchResults::related), at most this many each; 0 = off.
  std::size_t related_limit = 0;
};

struct Hit {
  Xapian::doccount rank = 0;  // 1-based over the whole result list
  double score = 0;           // Xapian BM25 weight
  int percent = 0;            // Xapian's percentage of the best possible match
  // The other articles of this hit's near-duplicate group that match the query,
  // folded into this hit: an exact count.
  Xapian::doccount similar = 0;
  StoredArticle article;
  std::vector<Passage> passages;
};

struct SearchResults {
  // Exact counts, the same whatever the limit and offset: the stories that match (what
  // the pages list, near-duplicate copies collapsed into their best hit unless the
  // request shows them) and the articles that match, copies included.
  Xapian::doccount matches = 0;
  Xapian::doccount articles = 0;
  std::vector<Hit> hits;
  // One entry per schema facet, in schema order, when the request asked for facets;
  // empty otherwise.
  std::vector<FacetCounts> facets;
  std::optional<Timeline> timeline;  // when the request asked for one
  std::vector<FacetCounts> related;  // when the request asked: people, places, organizations
  // "Did you mean": a corrected query, when this one found fewer than kFewMatches and
  // the correction finds more.
  std::optional<std::string> suggestion;
  // Set when autocorrect answered `suggestion` instead: the query as the user typed it.
  std::optional<std::string> corrected_from;
};

// Below this many matches a query is worth a spelling suggestion.
inline constexpr Xapian::doccount kFewMatches = 3;

// The entity browser: the values of one facet, most frequent first.
struct ListRequest {
  std::string facet;       // a schema facet name: people, places, organizations, topics
  std::string query;       // "" = every article of the index
  std::size_t limit = 10;  // values at most
  UndatedPolicy undated = UndatedPolicy::kExclude;  // as in SearchRequest
};

struct ListResults {
  Xapian::doccount matches = 0;  // articles counted (all of the index without a query)
  FacetCounts counts;
};

class Searcher {
 public:
  // Opens the index (a folder, a sharded folder or a stub with remote shards, see
  // index_opener.h) and checks its schema. Throws IndexError when it is missing, not a
  // newsdex index, or built with another schema, ShardUnavailableError when a shard
  // does not answer (unless options.allow_missing_shards).
  explicit Searcher(const std::string& db_path, const OpenOptions& options = {});
  // Searches a local database the caller opened (tests use in-memory ones); checks its
  // schema the same way, naming it `db_name` in errors. Not for remote databases: their
  // facets need the stock spies that only the path constructor knows to choose.
  Searcher(Xapian::Database db, const std::string& db_name);

  // Throws QueryError for a query that cannot be parsed, ShardUnavailableError naming
  // the shard when one stops answering (with allow_missing_shards the search is
  // answered from the others and missing_shards() grows).
  SearchResults search(const SearchRequest& request);

  // Counts like the facets of search(), so the two agree. Throws QueryError for a query
  // that cannot be parsed or an unknown facet name.
  ListResults list(const ListRequest& request);
  // The stored article with this id (as results show it) or path; nullopt when the index
  // has none.
  std::optional<StoredArticle> article(std::string_view id_or_path);

  // Shards left out because they did not answer (only with allow_missing_shards).
  const std::vector<ShardName>& missing_shards() const { return opened_.missing; }

  // The open database: the side database (if any) and every shard, as one.
  const Xapian::Database& database() const { return db_; }

 private:
  // The Xapian query of a request: its text, or more-like-this filtered by its text.
  Xapian::Query build_query(const SearchRequest& request);
  SearchResults search_once(const SearchRequest& request);
  ListResults list_once(const ListRequest& request);
  // Runs `attempt` against the latest revision; see search().
  template <class Result, class Attempt>
  Result with_retries(Attempt attempt);
  // After a network error: names the dead shards, or reopens without them.
  void handle_lost_shard(const Xapian::NetworkError& error);
  void reopen_all(const OpenedIndex& opened);
  // Opens the index again from its path when --rebuild switched its stub to another
  // generation: Database::reopen() stays with the generation it opened, which the
  // next rebuild removes.
  void follow_rebuilds();

  std::string db_path_;  // empty for a database the caller opened
  OpenOptions open_options_;
  std::string stub_identity_;  // of the stub file when opened; see follow_rebuilds()
  OpenedIndex opened_;
  Xapian::Database db_;
  QueryBuilder query_builder_;
  // The query's stemmer with a cache, for the passages (see newsdex/caching_stemmer.h).
  Xapian::Stem passage_stemmer_ = with_stem_cache(make_stemmer());
};

}  // namespace newsdex
