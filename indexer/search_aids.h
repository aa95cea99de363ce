// The search aids kept beside the documents: the spelling dictionary behind "Did you
// mean" and the synonym table behind aliases ("UN" finds "United Nations").
//
// Each function reads documents from `docs` and writes to `aids`: for a single index the
// same database; with shards, the shards (combined in one Database) and the small side
// database, because remote shards serve neither spelling nor synonyms. Neither commits:
// the caller commits `aids`. Both read only the term lists of `docs` (no document data),
// so they are cheap enough for every run. Xapian's InMemory backend has neither table:
// `aids` must be a disk database.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "newsdex/aliases.h"
#include "newsdex/corpus_aliases.h"

namespace newsdex {

// Words outside these lengths (bytes) are not in the spelling dictionary.
inline constexpr std::size_t kMinSpellingWordBytes = 3;
inline constexpr std::size_t kMaxSpellingWordBytes = 30;

// Makes the spelling dictionary of `aids` the set of indexed words of `docs`: the
// unprefixed terms (names are words of the text, so they are in it) that hold a letter
// and fit the lengths above, each with its term frequency as its spelling frequency.
// Merges the two sorted lists, so a re-run writes only the difference. Returns the
// number of words added, removed or given a new frequency.
std::size_t sync_spelling(const Xapian::Database& docs, Xapian::WritableDatabase& aids);

// Rewrites the synonym table of `aids` (it owns the whole table) so that any form of a
// name finds the documents that use another form. The groups are `shipped` plus those
// found in the entity terms of `docs`:
//  - two canonical names of people that differ in one word only, by accents ("Léon
//    Marchand"/"Leon Marchand") or, for the last word of five letters or more, by one
//    letter after the same initial ("Volodymyr Zelensky"/"Volodymyr Zelenskyy"): the two
//    full names, and the two differing words as well when no other person's name has
//    either word in that place ("zelensky", but not "regan" beside Mark Regan);
//  - an organisation acronym that is not in `shipped` and the one longer organisation
//    name with its initials that some article uses it for ("ECB", "European Central
//    Bank": an article has the long name, and the acronym among its org: words but in
//    none of its canonical organisation names, so the extractor resolved it as an alias).
// Keys are what Xapian's QueryParser looks up: the lower-case word ("U.N." is "un"), a
// multi-word form's words joined by spaces (FLAG_AUTO_MULTIWORD_SYNONYMS), and one-word
// forms with the person:, place: and org: prefixes. A multi-word form is a synonym as
// its words joined by spaces (when each is indexed), which newsdex's QueryBuilder turns
// into a phrase (Xapian 1.4 alone would look it up as one term), and also reached
// through the entity terms of the names that spell it (XORG:United Nations).
// A common-word form ("!" in the list) is never a bare-word synonym of the others. Idempotent;
// returns the number of keys written or cleared.
//  - a person's one-word name and the full name `corpus` resolves it to ("Bush", "George
//    W Bush"), the one-word form as a common word (see corpus_alias_groups()).
std::size_t write_synonyms(const Xapian::Database& docs, Xapian::WritableDatabase& aids,
                           const std::vector<AliasGroup>& shipped,
                           const CorpusAliases& corpus = {});

// What write_synonyms() makes its table from besides the documents: its rules (a version
// to bump when they change) and `shipped`, as a short string to keep in the index.
inline constexpr int kSynonymRulesVersion = 2;
std::string synonym_source(const std::vector<AliasGroup>& shipped);

}  // namespace newsdex
