#include "highlight_query.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace newsdex {
namespace {

std::set<std::string> terms_of(const Xapian::Query& query) {
  return {query.get_unique_terms_begin(), query.get_unique_terms_end()};
}

TEST(HighlightQuery, AddsUnprefixedFormsOfTitleTerms) {
  Xapian::Query title(Xapian::Query::OP_OR, Xapian::Query("Sharbour"), Xapian::Query("ZSharbour"));
  std::optional<Xapian::Query> highlight = highlight_query(title);
  ASSERT_TRUE(highlight.has_value());
  EXPECT_EQ(terms_of(*highlight),
            (std::set<std::string>{"Sharbour", "ZSharbour", "harbour", "Zharbour"}));
}

TEST(HighlightQuery, LeavesQueriesWithoutFieldTermsAlone) {
  const Xapian::Query kCases[] = {
      Xapian::Query("harbour"),
      Xapian::Query("Zharbour"),
      // Boolean filters are not words of the text.
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("harbour"),
                    Xapian::Query("XSECTIONworld")),
      Xapian::Query("Qworld/a.txt"),
      Xapian::Query(),
  };
  for (const Xapian::Query& query : kCases) {
    SCOPED_TRACE(query.get_description());
    EXPECT_FALSE(highlight_query(query).has_value());
  }
}

TEST(HighlightQuery, IgnoresUnknownPrefixes) {
  // "XUNKNOWN" is no free-text field of the schema.
  EXPECT_FALSE(highlight_query(Xapian::Query("XUNKNOWNharbour")).has_value());
}

}  // namespace
}  // namespace newsdex
