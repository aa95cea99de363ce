// "Did you mean": the query with its misspelt words corrected from the index's spelling
// dictionary (the indexed words; see indexer/search_aids.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

// The query with each word that is neither indexed nor in the spelling dictionary
// replaced by Xapian's spelling suggestion, in the user's capitalisation ("Netanyahoo"
// -> "Netanyahu", "NATO" style kept); nullopt when no word changes. Everything else is
// kept as typed: operators, quotes, brackets, +/-, field names (person:netanyahoo ->
// person:netanyahu). Never touched: words with digits, words shorter than three bytes,
// wildcards (kiptu*), and the values of date: and of boolean fields (id:, section:,
// source:). `db` must see both the documents and the spelling dictionary: with shards,
// the shards and the side database added to one Database. Not thread-safe for one `db`.
std::optional<std::string> suggest_correction(const Xapian::Database& db,
                                              std::string_view query_text);

}  // namespace newsdex
