#include "highlight_query.h"

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {
namespace {

// The unprefixed form of a free-text field term, or "" when `term` is not one.
// Terms are ["Z"] PREFIX word, where word starts with a non-capital (TermGenerator and
// QueryParser lower-case words) so the prefix is the run of capitals.
std::string without_field_prefix(const std::string& term) {
  std::size_t start = term.starts_with('Z') ? 1 : 0;
  std::size_t word = start;
  while (word < term.size() && std::isupper(static_cast<unsigned char>(term[word]))) ++word;
  if (word == start || word == term.size()) return {};
  std::string_view prefix(term.data() + start, word - start);
  for (const Field& field : schema_fields()) {
    if (field.kind == FieldKind::kFreeText && !field.prefix.empty() && field.prefix == prefix) {
      std::string unprefixed(start == 1 ? "Z" : "");
      unprefixed.append(term, word);
      return unprefixed;
    }
  }
  return {};
}

// The phrases of a query whose words are all terms of one free-text field
// (person:"Jose Mourinho" is the phrase XPjose XPmourinho), as the words without the
// prefix, which is how the article's text holds them; and the prefixed terms they were
// made of.
struct FieldPhrases {
  struct Phrase {
    std::string prefix;              // the field's term prefix ("XP")
    std::vector<std::string> words;  // in order, without it
    Xapian::Query query() const {
      return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end());
    }
  };
  std::vector<Phrase> phrases;
  std::set<std::string> terms;
};

void collect_field_phrases(const Xapian::Query& query, FieldPhrases& found) {
  if (query.get_type() == Xapian::Query::OP_PHRASE) {
    FieldPhrases::Phrase phrase;
    std::vector<std::string> terms;
    for (auto it = query.get_terms_begin(); it != query.get_terms_end(); ++it) {
      const std::string term = *it;
      std::string word = without_field_prefix(term);
      if (word.empty() || word.starts_with('Z')) return;  // not a field's words
      std::string prefix = term.substr(0, term.size() - word.size());
      if (!terms.empty() && prefix != phrase.prefix) return;
      phrase.prefix = std::move(prefix);
      phrase.words.push_back(std::move(word));
      terms.push_back(term);
    }
    if (phrase.words.size() < 2) return;
    found.phrases.push_back(std::move(phrase));
    found.terms.insert(terms.begin(), terms.end());
    return;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    collect_field_phrases(query.get_subquery(i), found);
  }
}

// `query` without the loose terms of `drop` (phrases are kept whole). Rebuilt for
// highlighting only: weights and operator parameters do not matter there, so a scaled
// subquery is taken as it is and sets of several operands become ORs.
Xapian::Query without_loose(const Xapian::Query& query, const std::set<std::string>& drop) {
  using Q = Xapian::Query;
  const Q::op type = query.get_type();
  if (type == Q::LEAF_TERM) {
    return drop.contains(*query.get_terms_begin()) ? Q() : query;
  }
  if (type == Q::OP_PHRASE || type == Q::OP_NEAR || query.get_num_subqueries() == 0) return query;
  std::vector<Q> kept;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    Q sub = without_loose(query.get_subquery(i), drop);
    if (!sub.empty()) kept.push_back(std::move(sub));
  }
  if (kept.empty()) return Q();
  if (type == Q::OP_SCALE_WEIGHT) return kept.front();
  if (type == Q::OP_AND_NOT || type == Q::OP_FILTER || type == Q::OP_AND_MAYBE) {
    // The first operand is what matches: without it, the rest matches nothing.
    if (without_loose(query.get_subquery(0), drop).empty()) return Q();
    return Q(type, kept.begin(), kept.end());
  }
  if (type == Q::OP_AND || type == Q::OP_OR || type == Q::OP_XOR || type == Q::OP_SYNONYM) {
    return Q(type, kept.begin(), kept.end());
  }
  return Q(Q::OP_OR, kept.begin(), kept.end());
}

}  // namespace

std::optional<Xapian::Query> highlight_query(const Xapian::Query& query) {
  FieldPhrases phrases;
  collect_field_phrases(query, phrases);
  std::vector<Xapian::Query> words;
  // The words of a name are highlighted where they stand as that name, and a person's
  // family name alone ("Mr Blair"); the query's loose copies of the other words (the
  // salience weighting of entity queries adds them) would mark "European" of "European
  // Parliament" for org:"European Union".
  std::set<std::string> not_alone;
  for (const FieldPhrases::Phrase& phrase : phrases.phrases) {
    words.push_back(phrase.query());
    for (const std::string& word : phrase.words) not_alone.insert(word);
    if (phrase.prefix == field_by_name("person").prefix) {
      not_alone.erase(phrase.words.back());
      words.emplace_back(phrase.words.back());
    }
  }
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    if (phrases.terms.contains(*term)) continue;
    std::string word = without_field_prefix(*term);
    if (!word.empty()) words.emplace_back(word);
  }
  if (words.empty()) return std::nullopt;
  Xapian::Query rest = not_alone.empty() ? query : without_loose(query, not_alone);
  if (!rest.empty()) words.push_back(rest);
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

}  // namespace newsdex
