// The query language page of newsdex-search --help-query. Its examples are a table that
// tests parse, so that the page cannot drift from the parser.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace newsdex {

struct QueryExample {
  std::string_view query;    // what a user types
  std::string_view meaning;  // what it finds
};

// Every example query of the page, in page order.
std::span<const QueryExample> query_examples();

// The error line the page shows, exactly as QueryBuilder::build() reports that query.
inline constexpr std::string_view kQueryErrorExample = "a (b OR c";
inline constexpr std::string_view kQueryErrorExampleMessage =
    "cannot parse query 'a (b OR c': unmatched '(' at column 3";

// The page: plain text, lines of at most 80 columns; the field list comes from the
// schema table (query_field_names()).
std::string query_help_text();

}  // namespace newsdex
