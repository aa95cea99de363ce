// newsdex checks a query's syntax itself before Xapian's QueryParser reads it
// (check_query_syntax). That checker re-implements a piece of the parser's grammar, so
// it is held here against the stock parser, configured with the same flags and fields,
// on generated queries:
// - it is never more lenient: whatever the stock parser rejects, it rejects too (and
//   names the column, which the stock parser's message does not);
// - where it alone refuses a query, the reason is one the stock parser would have read
//   another way without a word: an unmatched bracket or quote or a leading '*' (dropped),
//   an operator without an operand, an unknown field or a bad date (read as words).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "query_builder.h"
#include "support/query_generator.h"
#include "support/stock_query_parser.h"

namespace newsdex {
namespace {

constexpr int kQueries = 6000;

// The parser newsdex configures, without its field processors: the stock path.
Xapian::QueryParser stock_parser(const Xapian::Database& db) {
  Xapian::QueryParser parser = testing::stock_query_parser(db);
  parser.add_boolean_prefix(std::string(kDateFieldName), "D");
  return parser;
}

constexpr unsigned kStockFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
    Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
    Xapian::QueryParser::FLAG_PURE_NOT;

// The kind of mistake a checker message names, for counting.
std::string reason_kind(const std::string& message) {
  for (const char* kind : {"unmatched", "nothing before", "nothing after", "unknown field",
                           "is not a date", "cannot start with '*'", "cannot follow NOT"}) {
    if (message.find(kind) != std::string::npos) return kind;
  }
  return "other: " + message;
}

TEST(QueryCheckerDifferential, NeverMoreLenientThanTheStockParserAndStricterOnlyWhereItRereads) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  for (const std::string& word : testing::query_words())
    doc.add_term(Xapian::Unicode::tolower(word));
  db.add_document(doc);
  Xapian::QueryParser stock = stock_parser(db);
  const Day today{std::chrono::year{2024}, std::chrono::month{5}, std::chrono::day{20}};

  std::mt19937 random(2612);
  std::map<std::string, int> only_checker;  // reason kind -> queries
  int both = 0, neither = 0;
  for (int i = 0; i < kQueries; ++i) {
    const std::string query = testing::generate_query(random);
    SCOPED_TRACE("query '" + query + "'");
    std::string checker_message;
    try {
      check_query_syntax(query, today);
    } catch (const QueryError& e) {
      checker_message = e.what();
    }
    bool stock_rejects = false;
    try {
      stock.parse_query(query, kStockFlags);
    } catch (const Xapian::QueryParserError&) {
      stock_rejects = true;
    }
    if (stock_rejects) {
      EXPECT_FALSE(checker_message.empty()) << "the stock parser rejects what the checker passes";
      EXPECT_NE(checker_message.find(" at column "), std::string::npos) << checker_message;
      ++both;
    } else if (!checker_message.empty()) {
      ++only_checker[reason_kind(checker_message)];
    } else {
      ++neither;
    }
  }
  for (const auto& [kind, count] : only_checker) {
    EXPECT_FALSE(kind.starts_with("other")) << kind;
  }
  std::cout << "of " << kQueries << " generated queries: " << neither << " pass both, " << both
            << " rejected by both";
  for (const auto& [kind, count] : only_checker) {
    std::cout << ", " << count << " refused by the checker alone (" << kind << ")";
  }
  std::cout << "\n";
  // Every kind of rereading is met, and most queries pass both: the comparison is real.
  for (const char* kind : {"unmatched", "nothing before", "nothing after", "unknown field",
                           "is not a date", "cannot start with '*'"}) {
    EXPECT_GT(only_checker[kind], 0) << kind;
  }
  EXPECT_GT(neither, kQueries / 4);
  EXPECT_GT(both, 0);
}

}  // namespace
}  // namespace newsdex
