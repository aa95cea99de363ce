// The query used to pick and highlight passages. Passages are body text, whose words
// are indexed without prefix, so a match on a field (title:blinken, term "Sblinken")
// would highlight nothing; this adds each free-text field term's unprefixed form.
#pragma once

#include <optional>

#include <xapian.h>

namespace newsdex {

// `query` OR the unprefixed forms of its free-text field terms (stemmed "Z" forms
// included). Boolean filter terms (id, section) are left out: they are not words of
// the text. Empty when `query` has no free-text field terms (use it as it is).
std::optional<Xapian::Query> highlight_query(const Xapian::Query& query);

}  // namespace newsdex
