// Works out the names the whole index resolves to another canonical name
// (newsdex/corpus_aliases.h) from the names of every article.
#pragma once

#include <vector>

#include <xapian.h>

#include "newsdex/aliases.h"
#include "newsdex/corpus_aliases.h"

namespace newsdex {

// A person the index's articles name with one word only ("Bush") is the full name the
// archive uses for that surname, when one person's full name ending in it dominates: held
// by at least kMinFullNameArticles articles, by more articles than the one-word name
// itself (else that is a name of its own: Ronaldo), and by kDominance times as many as
// any other use of the word (another person, place or organisation whose name ends in
// it; the people whose first name it is, together). A word several people share about
// as often ("Charles": Ray Charles, Charles Kennedy) stays as it is. Reads only the
// boolean entity terms of `docs` and their frequencies.
inline constexpr unsigned kMinFullNameArticles = 3;
inline constexpr unsigned kDominance = 3;
CorpusAliases find_corpus_aliases(const Xapian::Database& docs);

// The synonym groups that let a query for either form find both: the full name first,
// the one-word form marked as a common word, so that a plain query for the full name
// gains only the articles whose person is that one-word name, never every article with
// the word.
std::vector<AliasGroup> corpus_alias_groups(const CorpusAliases& aliases);

}  // namespace newsdex
