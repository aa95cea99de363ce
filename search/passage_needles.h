// Needles: cheap substring tests that tell which windows of an article can hold a
// highlight of the query, and at most how many, so that MSet::snippet (which stems every
// word it is given) runs on few windows per article instead of all of them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

// A lower-case string that a word matching one word of the query must hold. Needles of
// the same word (a stem's two spellings: "dying" -> "die" gives "di" and "dy") share a
// group.
struct Needle {
  std::string text;
  std::size_t group = 0;

  bool operator==(const Needle&) const = default;
};

// The needles of `query`, of which a window of text (lower-cased, dots removed: "U.N."
// holds "un") must hold one as a substring to be able to match: its words, its stems
// less their last letter (a stem need not be a prefix of its words: happy -> happi), and
// each wildcard's pattern without its field prefix (snippet() highlights the words that
// begin with the pattern), up to an apostrophe (a word's ’ is ' in its term), each
// wildcard its own group. A superset of what snippet() highlights, so choosing windows
// by them changes no passage. Empty, meaning "no filter", when the query holds no word,
// or a wildcard whose pattern cannot be read or leaves no needle.
std::vector<Needle> passage_needles(const Xapian::Query& query);

// What a window can hold at most: highlighted words with distinct stems (one per needle
// group found) and highlights in all (one per needle occurrence).
struct HighlightBound {
  std::size_t distinct = 0;
  std::size_t total = 0;
};

// The groups of `needles` that `word` holds one of, each once, in needle order.
std::vector<std::size_t> groups_held(std::string_view word, const std::vector<Needle>& needles);

// The bound of a window of text (whole words: a window folds as it does within its
// article, so that each window can be folded on its own, once).
HighlightBound highlight_bound(std::string_view window, const std::vector<Needle>& needles);

}  // namespace newsdex
