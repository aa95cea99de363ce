// Matches that only count: exact totals, facets, timelines, duplicate groups, spelling
// checks. They ask for no ranking, but must not ask for it with BoolWeight.
//
// Xapian 1.4.22, as Debian ships it, throws DatabaseCorruptError ("Unexpected end of
// posting list for 'the'") from a match that does not read the wdf of a term which every
// document of a database holds, once that database has gaps in its document ids (any
// index after a deletion) and more than one chunk of document lengths: LocalSubMatch
// then swaps in the all-documents list for the term but reads it under the term's name.
// `newsdex-search the` failed so on every updated BBC index. A scheme that reads the
// wdf keeps the term's own list; "nnn" (raw wdf, nothing else) is the cheapest such
// built-in scheme, so remote shards know it too. The query parser's zero-weight filters
// meet the same trap; QueryBuilder rewrites them (see filters_of_match_all()).
#pragma once

#include <xapian.h>

namespace newsdex {

inline void weigh_for_counting(Xapian::Enquire& enquire) {
  enquire.set_weighting_scheme(Xapian::TfIdfWeight("nnn"));
}

}  // namespace newsdex
