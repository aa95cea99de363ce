// A passage of an article's text with the places that match the query.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct Passage {
  std::string text;  // plain UTF-8, whitespace folded to single spaces, no markers
  // [start, end) offsets in Unicode code points into `text`, in order, not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

// Picks about `length` bytes of `text` around the best matches of the query behind
// `mset`, using Xapian's MSet::snippet with the query's stemmer.
Passage make_passage(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                     std::size_t length);

// Turns MSet::snippet output (HTML-escaped, with the private highlight markers of
// make_passage) into a Passage. Exposed for tests.
Passage passage_from_snippet(const std::string& snippet);

}  // namespace newsdex
