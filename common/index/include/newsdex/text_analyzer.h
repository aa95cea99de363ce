// newsdex's one text analyzer: how text becomes words, and how words and names fold, for
// the indexer and the search tool alike. The words of the index are the words Xapian's
// TermGenerator and QueryParser make (split at non-word characters, lower case, stemmed
// by make_stemmer()); what newsdex adds around them is here and nowhere else:
//   - the accent fold the index holds beside each accented word, fold_accents() (utf8.h);
//   - the fold names are compared by, name_key() (name_fold.h);
//   - the folds and splits below, which the builder, the query builder, spelling,
//     synonyms, highlighting, passages and the readers' keyword tests share.
// The analysis keeps tokenizers of its own where the task is not "words of the index"
// (the entity tagger's tokens, date phrases, topic phrases); they use these folds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/name_fold.h"
#include "newsdex/utf8.h"

namespace newsdex {

// ASCII A-Z as a-z; every other byte as it is. For keywords of formats and the schema
// (HTML tags, JSON keys, month names, boolean field values), which are ASCII: a byte of
// a UTF-8 sequence is never changed.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
std::string ascii_lower(std::string_view text);
// Equal but for the case of ASCII letters.
bool iequals_ascii(std::string_view a, std::string_view b);

// A byte of a "loose" word: an ASCII letter or digit, or any byte of a non-ASCII
// character. The words of fingerprints, heading tests and entity-name comparisons.
constexpr bool is_loose_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The prefix of a term: its leading capitals ("XPERSON" of "XPERSON:Ada Brennan", "Z" of
// "Zelect", "" of a word). Words never start with a capital: the TermGenerator and the
// QueryParser lower-case them.
std::string_view term_prefix(std::string_view term);

// Lower case as Xapian makes terms (Xapian::Unicode::tolower of each character).
std::string fold_case(std::string_view utf8);

// The term the TermGenerator makes of one word, unstemmed: lower case, with the
// apostrophes U+2019 and U+201B written as "'" ("O’Brien" -> "o'brien").
std::string word_term(std::string_view word);

// The form a word of the text takes in the index when a query word is looked up: lower
// case, then without accents (fold_accents()). Synonym keys are written in it, because
// the search tool folds every query so before parsing it.
std::string query_key(std::string_view text);

// `text` lower-cased as terms are, with full stops dropped ("U.N." -> "un") and the
// apostrophe U+2019 written as "'" (the TermGenerator reads "O’Brien" as "o'brien"): the
// fold under which a word of a text contains a term of its query. Never longer than
// `text` but for the rare lower case that takes more bytes than its capital.
std::string fold_for_match(std::string_view text);

// The end of the word that the TermGenerator reads at `start` (a word character there),
// with what it keeps inside a word: an apostrophe or "&" between word characters
// ("O'Brien", "AT&T"). `start` itself when no word starts there.
std::size_t index_word_end(std::string_view text, std::size_t start);

// The words the TermGenerator (and so the QueryParser) makes of `text`, in order, without
// stemming: lower case, "U.N." as "un", "O’Brien" as "o'brien".
std::vector<std::string> index_words(std::string_view text);

// Words joined by single spaces, and the words of such a text (the non-empty pieces
// between spaces): a multi-word synonym, a name's key.
std::string join_words(const std::vector<std::string>& words);
std::vector<std::string> split_at_spaces(std::string_view text);

}  // namespace newsdex
