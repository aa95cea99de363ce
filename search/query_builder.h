// Turns what the user typed into a Xapian query, with the QueryParser configured from
// the same schema table and analyzer settings that the indexer used. The query language
// is documented in help_query.h (newsdex-search --help-query).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "relative_dates.h"

namespace newsdex {

// The names a query may put before ':': the schema's fields, then "date".
std::vector<std::string_view> query_field_names();

// What date filters (date:2024, date:last-7-days, ranges) do with articles that have no
// date of their own (newsdex-search --undated).
enum class UndatedPolicy {
  kExclude,  // a date filter never matches them; queries without one still find them
  kInclude,  // every date filter matches them too
  kOnly,     // only they are found; date filters then match them as with kInclude
};

// "exclude", "include", "only"; nullopt for any other name.
std::optional<UndatedPolicy> parse_undated_policy(std::string_view name);

// The articles without a date of their own: those with no kSlotDay value.
Xapian::Query undated_articles_query();

// The syntax check that build() runs before Xapian's QueryParser: throws QueryError
// "cannot parse query 'Q': REASON at column N" for the mistakes the parser rejects
// without saying where (an operator without an operand) or silently reads another way
// (it drops an unmatched bracket or quote, and a leading '*'), and for an unknown field
// or a date: value that is no date. Exposed for its differential test against the stock
// parser (tests/query_checker_differential_test.cc) and bench/search.
void check_query_syntax(std::string_view query_text, Day today);

class QueryBuilder {
 public:
  // `db` gives the vocabulary for wildcard expansion and the synonyms; it must outlive
  // the builder. Relative dates (date:today, date:last-7-days) count from `today`, by
  // default the local date at the time each query is built.
  explicit QueryBuilder(const Xapian::Database& db, std::optional<Day> today = std::nullopt);

  // Words must all match by default; OR, NOT, AND, -word, (groups), "phrases", NEAR,
  // ADJ, field:value, date:... and trailing wildcards work, and words expand to their
  // synonyms in the database. Throws QueryError naming the query, as one line
  // "cannot parse query 'Q': REASON at column N" (columns count characters from 1) for
  // unmatched brackets and quotes, an operator missing an operand, an unknown field or
  // a bad date, and "cannot parse query 'Q': REASON" for what Xapian rejects. `undated`
  // says what date filters do with undated articles; with kOnly an empty query finds
  // every undated article.
  Xapian::Query build(const std::string& query_text,
                      UndatedPolicy undated = UndatedPolicy::kExclude);

  const Xapian::Stem& stemmer() const { return stemmer_; }

 private:
  Xapian::Stem stemmer_;
  Xapian::Database db_;  // for the synonyms of entity names (with_entity_salience)
  Xapian::QueryParser parser_;
  std::optional<Day> today_;
  // Read by the date field processor that parser_ holds, set by each build(): copies of a
  // builder share both, as they share the parser.
  std::shared_ptr<UndatedPolicy> undated_ = std::make_shared<UndatedPolicy>();
  // A date: value that is no date, told by the date filter during parsing.
  std::shared_ptr<std::string> bad_date_ = std::make_shared<std::string>();
};

}  // namespace newsdex
