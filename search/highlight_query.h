// The query used to pick and highlight passages. Passages are body text, whose words
// are indexed without prefix, so a match on a field (title:blinken, term "Sblinken")
// would highlight nothing; this adds each free-text field term's unprefixed form.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

// The phrases of a query whose words are all terms of one free-text field
// (person:"Jose Mourinho" is the phrase XPjose XPmourinho), as phrases of the words
// without the prefix, which is how the article's text holds them; and the prefixed
// terms they were made of.
struct FieldPhrases {
  struct Phrase {
    std::string prefix;              // the field's term prefix ("XP")
    std::vector<std::string> words;  // in order, without it
    Xapian::Query query() const;     // the phrase of the words
  };
  std::vector<Phrase> phrases;
  std::set<std::string> terms;
};
FieldPhrases field_phrases(const Xapian::Query& query);

// `query` OR the unprefixed forms of its free-text field terms (stemmed "Z" forms
// included), a phrase of them as a phrase (field_phrases()), so that org:"European
// Union" highlights "European Union" and not the "European" of "European Parliament". Boolean
// filter terms (id, section) are left out: they are not words of the text. Empty when `query` has
// no free-text field terms (use it as it is).
std::optional<Xapian::Query> highlight_query(const Xapian::Query& query);

}  // namespace newsdex
