// Needles: cheap substring tests that tell which windows of an article can hold a
// highlight of the query, and at most how many, so that MSet::snippet (which stems every
// word it is given) runs on few windows per article instead of all of them.
#pragma once

#include <cstddef>
#include <cstdint>
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
// holds "un") must hold one as a substring to be able to match: its words, and its
// stems less their last letter (a stem need not be a prefix of its words: happy ->
// happi). A superset of what snippet() highlights, so choosing windows by them changes
// no passage. Empty, meaning "no filter", when the query holds a wildcard (expanded only
// by the match) or no word.
std::vector<Needle> passage_needles(const Xapian::Query& query);

// What a window can hold at most: highlighted words with distinct stems (one per needle
// group found) and highlights in all (one per needle occurrence).
struct HighlightBound {
  std::size_t distinct = 0;
  std::size_t total = 0;
};

// `text` lower-cased with dots removed, as needles are. With `folded_at`, also where
// each byte of `text` (and its end) went in the result.
std::string fold_for_needles(std::string_view text,
                             std::vector<std::uint32_t>* folded_at = nullptr);

// The groups of `needles` that `word` holds one of, each once, in needle order.
std::vector<std::size_t> groups_held(std::string_view word, const std::vector<Needle>& needles);

// A text folded for needles once per article, to bound its windows.
class FoldedText {
 public:
  explicit FoldedText(std::string_view text) : folded_(fold_for_needles(text, &folded_at_)) {}

  // The bound of the text's bytes [begin, end).
  HighlightBound bound(std::size_t begin, std::size_t end,
                       const std::vector<Needle>& needles) const;

 private:
  std::vector<std::uint32_t> folded_at_;  // byte offset in the text -> offset in folded_
  std::string folded_;
};

}  // namespace newsdex
