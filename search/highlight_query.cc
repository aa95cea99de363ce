#include "highlight_query.h"

#include <cctype>
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

}  // namespace

std::optional<Xapian::Query> highlight_query(const Xapian::Query& query) {
  std::vector<Xapian::Query> words;
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    std::string word = without_field_prefix(*term);
    if (!word.empty()) words.emplace_back(word);
  }
  if (words.empty()) return std::nullopt;
  words.push_back(query);
  return Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end());
}

}  // namespace newsdex
