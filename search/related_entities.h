// Related entities: the people, places and organisations that co-occur most with a
// query, from the facet counts of its search (so every match counts, on remote shards
// too), less the ones the query itself names.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "facets.h"

namespace newsdex {

// Whether `query_text` names `name`: compared in name_key() form (case and Latin
// diacritics folded), the whole name appears in the query between word boundaries, or
// every word of the name is a word of the query. Words are runs of letters and digits
// (bytes >= 0x80 count as letters); so `org:hamas`, `Hamas` and `hamas ceasefire` name
// "Hamas", and `blinken` names "Blinken" but not "Antony Blinken".
bool query_names(std::string_view query_text, std::string_view name);

// The people, places and organisations of `facets` (topics and any other facet are
// dropped), in their order, without the values the query names, at most `limit` values
// per facet, each facet's values kept in the order given (display order from
// FacetCounter). Facets left empty are kept.
std::vector<FacetCounts> related_entities(const std::vector<FacetCounts>& facets,
                                          std::string_view query_text, std::size_t limit);

// One line per facet with values: "Related people: Antony Blinken (12), Rafah (3)"; one
// "No related people, places or organizations" line when all are empty. With `color`,
// headings bold and counts dim (ANSI).
void print_related(std::ostream& out, const std::vector<FacetCounts>& related, bool color);

// One JSON line (no newline), every facet given, in order, even when empty:
//   {"related": {"people": [{"name": "Antony Blinken", "count": 12}], "places": [], ...}}
std::string related_json_line(const std::vector<FacetCounts>& related);

}  // namespace newsdex
