// Generated search queries for the query tests: words, names, fields, operators, dates,
// wildcards, brackets and quotes out of balance, bytes that are not UTF-8, control
// characters and long runs, joined by spaces or not.
#pragma once

#include <random>
#include <string>
#include <vector>

namespace newsdex::testing {

// The words of the generated queries (and of corpora written to match them).
const std::vector<std::string>& query_words();

// One generated query of zero to seven pieces.
std::string generate_query(std::mt19937& random);

}  // namespace newsdex::testing
