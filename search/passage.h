// Passages of an article's text with the places that match the query.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "passage_needles.h"

namespace newsdex {

struct Passage {
  std::string text;  // plain UTF-8, whitespace folded to single spaces, no markers
  // [start, end) offsets in Unicode code points into `text`, in order, not overlapping.
  std::vector<std::pair<std::size_t, std::size_t>> highlights;
  // Where `text` begins in the whole article text folded the same way (see
  // fold_whitespace), in code points; 0 when unknown (make_passage).
  std::size_t start = 0;
  // A sentence too long for a passage is cut between words: whether `text` starts or
  // ends inside a sentence (printed as "…" on that side).
  bool cut_start = false;
  bool cut_end = false;
};

// Picks about `length` bytes of `text` around the best matches of the query behind
// `mset`, using Xapian's MSet::snippet with the query's stemmer.
Passage make_passage(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer,
                     std::size_t length);

// Up to `count` passages of at most about `length` bytes each, in text order and not
// overlapping. The text is cut into windows of whole sentences (a longer sentence is cut
// between words); a paragraph that ends no sentence (a heading, a byline, a date line)
// is a window of its own. Each window is highlighted with MSet::snippet, and the windows
// with the most highlighted words of distinct stems (then the most highlights, then prose
// before headings, then the earliest) win. Only windows with a highlight are returned;
// when none has one, the first window of prose alone (the article's start). Empty for a
// text of blanks only.
// With `needles` (see passage_needles), snippet() sees only the windows that can still
// rank among the best (kPruned), most of a search's time otherwise; kEvery, for tests,
// highlights every window and must give the same passages.
enum class WindowSelection { kPruned, kEvery };
std::vector<Passage> make_passages(const Xapian::MSet& mset, const std::string& text,
                                   const Xapian::Stem& stemmer, std::size_t length,
                                   std::size_t count, const std::vector<Needle>& needles = {},
                                   WindowSelection selection = WindowSelection::kPruned);

// Turns MSet::snippet output (HTML-escaped, with the private highlight markers of
// make_passage) into a Passage. Exposed for tests.
Passage passage_from_snippet(const std::string& snippet);

// `text` (plain, not escaped) with blanks folded as passages fold them: runs of blanks
// become one space, or " · " after a heading that ends a paragraph; outer blanks go.
// Passage::start counts code points in this. Exposed for tests.
std::string fold_whitespace(const std::string& text);

}  // namespace newsdex
