// The query used to pick and highlight passages. Passages are body text, whose words
// are indexed without prefix, so a match on a field (title:blinken, term "Sblinken")
// would highlight nothing; this adds each free-text field term's unprefixed form.
#pragma once

#include <optional>

#include <xapian.h>

namespace newsdex {

// `query` OR the unprefixed forms of its free-text field terms (stemmed "Z" forms
// included), a field's phrase as a phrase and a person's family name alone as well, so
// that org:"European Union" highlights "European Union" and not the "European" of
// "European Parliament". Boolean filter terms (id, section) are left out: they are not
// words of the text. Empty when `query` has no free-text field terms (use it as it is).
std::optional<Xapian::Query> highlight_query(const Xapian::Query& query);

}  // namespace newsdex
