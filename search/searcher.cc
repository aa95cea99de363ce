#include "searcher.h"

#include <sys/stat.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "counting_match.h"
#include "highlight_query.h"
#include "more_like.h"
#include "newsdex/corpus_aliases.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/search_lease.h"
#include "related_entities.h"
#include "spelling.h"

namespace newsdex {
namespace {

constexpr int kReopenAttempts = 3;
constexpr double kSecondsPerYear = 365.25 * 24 * 3600;

// The user's query, with recency blended in when asked: every match gains
// recency_weight per year of its date (a built-in posting source, so remote shards
// serve it too). An undated match has no kSlotTimestamp value, so it gains nothing.
// `source` must outlive the query.
Xapian::Query with_recency(const Xapian::Query& query, double recency_weight,
                           Xapian::ValueWeightPostingSource& source) {
  if (recency_weight <= 0) return query;
  Xapian::Query recency(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(&source),
                        recency_weight / kSecondsPerYear);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, recency);
}

// For each near-duplicate group key of `mset`'s hits, how many articles of the group
// match the query: read from the counting match's spy on the collapse slot (`story_keys`,
// which saw every match), so exact, and without a match of its own.
std::unordered_map<std::string, Xapian::doccount> group_matches(
    const Xapian::ValueCountMatchSpy& story_keys, const Xapian::MSet& mset) {
  std::unordered_map<std::string, Xapian::doccount> counts;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    std::string key = it.get_collapse_key();
    if (!key.empty()) counts.emplace(std::move(key), 0);
  }
  if (counts.empty()) return counts;
  for (auto value = story_keys.values_begin(); value != story_keys.values_end(); ++value) {
    if (auto found = counts.find(*value); found != counts.end())
      found->second = value.get_termfreq();
  }
  return counts;
}

Xapian::Database checked(Xapian::Database db, const std::string& db_name) {
  check_schema_metadata(db, db_name);
  return db;
}

// The page of hits the request asks for, in its order, near-duplicates collapsed into
// their best hit unless it shows them. `recency_source` and `oldest_first` must outlive
// the MSet: its Enquire holds pointers to them.
Xapian::MSet page_of_hits(const Xapian::Database& db, const SearchRequest& request,
                          const Xapian::Query& query,
                          Xapian::ValueWeightPostingSource& recency_source,
                          Xapian::KeyMaker& oldest_first) {
  Xapian::Enquire enquire(db);
  enquire.set_query(with_recency(query, request.recency_weight, recency_source));
  // Newest first; an undated match has no value, which sorts below every date.
  if (request.sort == SortOrder::kDate)
    enquire.set_sort_by_value_then_relevance(kSlotTimestamp, true);
  if (request.sort == SortOrder::kOldest)
    enquire.set_sort_by_key_then_relevance(&oldest_first, false);
  if (request.collapse_duplicates) enquire.set_collapse_key(kSlotDuplicateKey);
  return enquire.get_mset(request.offset, request.limit);
}

// The articles `query` matches, exactly, with `story_keys` and `facet_counter` (each
// when not null) attached to see every match.
//
// The counts come from a second match over every document the query matches, without
// weights: Xapian's counts are estimates that change with the page asked for, and with
// collapsing even when every match is checked. A stock spy (so that remote shards
// count too) sees every match; the stories are its distinct collapse keys. The page
// of hits stops early, as Xapian's top-k match does; together they cost less than one
// match that weighs every document (bench/search).
Xapian::doccount count_every_match(const Xapian::Database& db, const Xapian::Query& query,
                                   Xapian::ValueCountMatchSpy* story_keys,
                                   FacetCounter* facet_counter) {
  Xapian::Enquire counter(db);
  counter.set_query(query);
  weigh_for_counting(counter);
  if (story_keys != nullptr) counter.add_matchspy(story_keys);
  if (facet_counter != nullptr) facet_counter->attach(counter);
  // Every match checked, nothing collapsed: Xapian's bounds meet and the count is exact.
  return counter.get_mset(0, 0, check_all(db)).get_matches_estimated();
}

// What make_passages() needs for the hits of a page: an MSet of the highlight query
// (snippet() needs only its terms and statistics, so it asks for no documents), and the
// needles of that query.
struct PassageSource {
  Xapian::MSet mset;
  std::vector<Needle> needles;
};

PassageSource passage_source(const Xapian::Database& db, const Xapian::Query& query,
                             const Xapian::MSet& page) {
  PassageSource source{page, {}};
  std::optional<Xapian::Query> for_passages = highlight_query(query);
  source.needles = passage_needles(for_passages ? *for_passages : query);
  if (for_passages) {
    Xapian::Enquire highlighter(db);
    highlighter.set_query(*for_passages);
    source.mset = highlighter.get_mset(0, 0);
  }
  return source;
}

// The facets and related names of `results`, from the counts of every match.
void add_facet_counts(const SearchRequest& request, const FacetCounter& facet_counter,
                      SearchResults& results) {
  // Related names need every count; facets alone only the first facet_limit.
  std::vector<FacetCounts> facets =
      facet_counter.counts(request.related_limit > 0 ? kAllFacetValues : request.facet_limit);
  if (request.related_limit > 0) {
    results.related = related_entities(facets, request.query, request.related_limit);
  }
  if (request.facets) {
    for (FacetCounts& counts : facets) {
      if (counts.values.size() > request.facet_limit) counts.values.resize(request.facet_limit);
    }
    results.facets = std::move(facets);
  }
}

// The hits of `page`, each with its passages and, when collapsing, the number of its
// near-duplicates that match (from `story_keys`, which saw every match).
// The names the index resolves to others (newsdex/corpus_aliases.h), as its last run
// left them: read at each search, since an indexer run may have changed them.
CorpusAliases corpus_aliases_of(const Xapian::Database& db) {
  return CorpusAliases::parse(db.get_metadata(std::string(kMetaCorpusAliases)));
}

// An article's names as the index resolves them: "Bush" shown as George W Bush.
StoredArticle resolved(StoredArticle article, const CorpusAliases& aliases) {
  for (const Facet& facet : schema_facets()) {
    if (std::vector<std::string>* names = article.entities.list_for(facet.source)) {
      aliases.canonicalise(facet.source, *names);
    }
  }
  return article;
}

std::vector<Hit> page_hits(const SearchRequest& request, const Xapian::MSet& page,
                           const Xapian::ValueCountMatchSpy& story_keys,
                           const PassageSource& passages, const Xapian::Stem& stemmer,
                           const CorpusAliases& aliases) {
  std::unordered_map<std::string, Xapian::doccount> group_counts;
  if (request.collapse_duplicates) group_counts = group_matches(story_keys, page);
  std::vector<Hit> hits;
  for (auto it = page.begin(); it != page.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.score = it.get_weight();
    hit.percent = it.get_percent();
    if (auto group = group_counts.find(it.get_collapse_key()); group != group_counts.end()) {
      hit.similar = group->second - 1;  // the copies besides the hit
    }
    hit.article = resolved(StoredArticle::parse(it.get_document().get_data()), aliases);
    hit.passages = make_passages(passages.mset, hit.article.body, stemmer, request.passage_bytes,
                                 request.passages, passages.needles);
    hits.push_back(std::move(hit));
  }
  return hits;
}

// The stub file that names an index's generation (the --db file itself, or a sharded
// folder's XAPIANDB) as device, inode, size and mtime: --rebuild replaces it with
// rename(), so any switch changes it. "" for a plain index folder, which never switches.
std::string stub_identity(const std::string& db_path) {
  struct stat st;
  if (::stat(db_path.c_str(), &st) != 0) return {};
  if (S_ISDIR(st.st_mode) && ::stat((db_path + "/XAPIANDB").c_str(), &st) != 0) return {};
  return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino) + ":" +
         std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

Searcher::Searcher(const std::string& db_path, const OpenOptions& options)
    : db_path_(db_path),
      open_options_(options),
      stub_identity_(stub_identity(db_path)),
      opened_(open_index(db_path, options)),
      db_(checked(opened_.db, db_path)),
      query_builder_(db_) {}

Searcher::Searcher(Xapian::Database db, const std::string& db_name)
    : db_(checked(std::move(db), db_name)), query_builder_(db_) {}

template <class Result, class Attempt>
Result Searcher::with_retries(Attempt attempt) {
  // Each search starts from the latest committed revision (reopen() is cheap when
  // nothing changed). A commit during the search can still make Xapian throw
  // DatabaseModifiedError: reopen to the new revision and answer from it. A remote
  // shard that stops answering is named, or left out when the options allow. The lease
  // keeps a local indexer from writing over the revision this search reads (see
  // newsdex/search_lease.h).
  SearchLease lease(db_path_);
  for (int attempt_number = 1;; ++attempt_number) {
    try {
      if (attempt_number == 1) follow_rebuilds();
      if (attempt_number == 1) db_.reopen();
      return attempt();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt_number == kReopenAttempts) throw;
      db_.reopen();
    } catch (const Xapian::DatabaseCorruptError&) {
      // A search that reads every match (exact counts) can meet blocks that a writer
      // freed two commits later: Xapian then says "corrupt" rather than "modified". It
      // is only that when a newer revision is there to reopen; otherwise it is real.
      if (attempt_number == kReopenAttempts || !db_.reopen()) throw;
    } catch (const Xapian::DatabaseOpeningError&) {
      // The generation went away between the check and the search (a second rebuild
      // removed it): open the index again from its path.
      if (attempt_number == kReopenAttempts || db_path_.empty()) throw;
      stub_identity_.clear();
      follow_rebuilds();
    } catch (const Xapian::NetworkError& e) {
      if (attempt_number == kReopenAttempts || db_path_.empty()) throw;
      handle_lost_shard(e);
    }
  }
}

void Searcher::handle_lost_shard(const Xapian::NetworkError& error) {
  std::vector<ShardName> dead = unreachable_shards(db_path_, open_options_);
  if (!dead.empty() && !open_options_.allow_missing_shards) {
    std::string names;
    for (const ShardName& shard : dead) names += (names.empty() ? "" : ", ") + shard.text;
    throw ShardUnavailableError("shard " + names + " does not answer: " + error.get_msg());
  }
  // A Database whose remote connection broke is unusable as a whole (its other
  // connections are out of step too): open everything again, without the dead shards.
  reopen_all(open_index(db_path_, open_options_));
}

void Searcher::follow_rebuilds() {
  if (db_path_.empty()) return;
  std::string now = stub_identity(db_path_);
  if (now == stub_identity_ && !now.empty()) return;
  if (now.empty() && stub_identity_.empty()) return;  // a plain folder: reopen() does it
  reopen_all(open_index(db_path_, open_options_));
  db_ = checked(db_, db_path_);
  stub_identity_ = now;
}

void Searcher::reopen_all(const OpenedIndex& opened) {
  opened_ = opened;
  db_ = opened_.db;
  query_builder_ = QueryBuilder(db_);
}

SearchResults Searcher::search(const SearchRequest& request) {
  SearchResults results = with_retries<SearchResults>([&] { return search_once(request); });
  if (!request.like.empty() || results.articles >= kFewMatches) return results;
  std::optional<std::string> corrected = with_retries<std::optional<std::string>>(
      [&] { return suggest_correction(db_, request.query); });
  if (!corrected) return results;
  SearchRequest again = request;
  again.query = *corrected;
  SearchResults fixed = with_retries<SearchResults>([&] { return search_once(again); });
  // A correction is worth showing only when it finds more ("zelenski" already finds
  // "Zelensky" by its stem).
  if (fixed.articles <= results.articles) return results;
  if (!request.autocorrect) {
    results.suggestion = corrected;
    return results;
  }
  fixed.suggestion = corrected;
  fixed.corrected_from = request.query;
  return fixed;
}

Xapian::Query Searcher::build_query(const SearchRequest& request) {
  if (request.like.empty()) return query_builder_.build(request.query, request.undated);
  std::optional<Xapian::docid> article = find_article(db_, request.like);
  if (!article) throw QueryError("--like " + request.like + ": no such article in the index");
  Xapian::Query like = more_like_query(db_, *article);
  if (request.query.find_first_not_of(" \t\n") == std::string::npos &&
      request.undated != UndatedPolicy::kOnly) {
    return like;
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, like,
                       query_builder_.build(request.query, request.undated));
}

SearchResults Searcher::search_once(const SearchRequest& request) {
  Xapian::Query query = build_query(request);
  bool count_facets = request.facets || request.related_limit > 0;
  // Outlive the Enquires, which hold pointers to them.
  const CorpusAliases aliases = corpus_aliases_of(db_);
  FacetCounter facet_counter(facet_source_for(db_, opened_.has_remote));
  facet_counter.resolve_aliases(aliases);
  Xapian::ValueWeightPostingSource recency_source(kSlotTimestamp);
  // Oldest first: an undated match has no value, which would sort first; it gets one
  // above every date (timestamps are sortable_serialise'd doubles, never 0xff...).
  Xapian::MultiValueKeyMaker oldest_first;
  oldest_first.add_value(kSlotTimestamp, false, std::string(9, '\xff'));
  Xapian::MSet page = page_of_hits(db_, request, query, recency_source, oldest_first);
  Xapian::ValueCountMatchSpy story_keys(kSlotDuplicateKey);
  Xapian::doccount articles =
      count_every_match(db_, query, request.collapse_duplicates ? &story_keys : nullptr,
                        count_facets ? &facet_counter : nullptr);
  PassageSource passages = passage_source(db_, query, page);

  SearchResults results;
  results.articles = articles;
  results.matches = request.collapse_duplicates
                        ? static_cast<Xapian::doccount>(
                              std::distance(story_keys.values_begin(), story_keys.values_end()))
                        : results.articles;
  if (count_facets) add_facet_counts(request, facet_counter, results);
  if (request.timeline) results.timeline = build_timeline(db_, query, *request.timeline);
  results.hits = page_hits(request, page, story_keys, passages, passage_stemmer_, aliases);
  return results;
}

std::optional<StoredArticle> Searcher::article(std::string_view id_or_path) {
  return with_retries<std::optional<StoredArticle>>([&]() -> std::optional<StoredArticle> {
    std::optional<Xapian::docid> docid = find_article(db_, id_or_path);
    if (!docid) return std::nullopt;
    return resolved(StoredArticle::parse(db_.get_document(*docid).get_data()),
                    corpus_aliases_of(db_));
  });
}

ListResults Searcher::list(const ListRequest& request) {
  return with_retries<ListResults>([&] { return list_once(request); });
}

ListResults Searcher::list_once(const ListRequest& request) {
  const Facet* facet = nullptr;
  try {
    facet = &facet_by_name(request.facet);
  } catch (const std::out_of_range&) {
    throw QueryError("no facet named '" + request.facet +
                     "' (people, places, organizations or topics)");
  }
  bool whole_index = request.query.find_first_not_of(" \t\n") == std::string::npos &&
                     request.undated != UndatedPolicy::kOnly;
  // The same spies as search(), over MatchAll for the whole index, so counts agree.
  FacetCounter facet_counter(facet_source_for(db_, opened_.has_remote),
                             std::span<const Facet>(facet, 1));
  facet_counter.resolve_aliases(corpus_aliases_of(db_));
  Xapian::Enquire enquire(db_);
  enquire.set_query(whole_index ? Xapian::Query::MatchAll
                                : query_builder_.build(request.query, request.undated));
  // Only counts are wanted, no ranking.
  weigh_for_counting(enquire);
  facet_counter.attach(enquire);
  Xapian::MSet mset = enquire.get_mset(0, 0, check_all(db_));
  return ListResults{mset.get_matches_estimated(), facet_counter.counts(request.limit).front()};
}

}  // namespace newsdex
