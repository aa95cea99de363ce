// Groups of names that mean the same thing in news text ("UN", "U.N.", "United Nations"),
// from the list shipped in common/data/aliases.tsv. The indexer turns them into the
// index's synonym table (see indexer/search_aids.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct AliasForm {
  std::string text;  // as written: "U.N.", "United Nations"
  // Its lower-cased word is an everyday English word ("us", "who"): a query for it finds
  // the other forms, but the bare word is not added to queries for the other forms.
  bool common_word = false;
};

struct AliasGroup {
  std::vector<AliasForm> forms;  // at least two; the long name first
};

// Parses the aliases.tsv format (described at the top of that file): one group per line,
// forms separated by tabs, '!' before a common-word form, '#' comments and blank lines.
// Throws std::runtime_error naming the line number for a line with fewer than two
// forms or an empty form.
std::vector<AliasGroup> parse_aliases(std::string_view tsv);

// The shipped list, parsed once. Thread-safe.
const std::vector<AliasGroup>& shipped_aliases();

}  // namespace newsdex
