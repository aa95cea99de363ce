#include "passage_needles.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// A term that is a word of the text ("election", "élection", "2024"), as opposed to a
// prefixed term (an upper-case ASCII prefix: "Zelect", "XPblinken").
bool is_word_term(std::string_view term) { return !term.empty() && term_prefix(term).empty(); }

// The pattern of a wildcard subquery ("econom", "Secon" for title:econ*), read from its
// description "Query(WILDCARD SYNONYM econom)": Xapian 1.4 has no accessor for it. Empty
// when the description is not of that form.
std::string wildcard_pattern(const Xapian::Query& wildcard) {
  constexpr std::string_view kHead = "Query(WILDCARD ";
  std::string description = wildcard.get_description();
  if (!description.starts_with(kHead) || !description.ends_with(')')) return {};
  // The combiner (SYNONYM, OR or MAX) is one word.
  std::size_t space = description.find(' ', kHead.size());
  if (space == std::string::npos) return {};
  return description.substr(space + 1, description.size() - space - 2);
}

// A wildcard's needle: its pattern less a field prefix, folded as text is. "" when
// nothing is left.
std::string wildcard_needle(std::string_view pattern) {
  return fold_for_match(pattern.substr(term_prefix(pattern).size()));
}

// Appends a needle, in a group of its own, for each wildcard in `query`: the match
// expands them into terms the query does not list. False when one gives no needle.
bool add_wildcard_needles(const Xapian::Query& query, std::vector<Needle>& needles,
                          std::size_t& group) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) {
    std::string needle = wildcard_needle(wildcard_pattern(query));
    if (needle.empty()) return false;
    needles.push_back({std::move(needle), group++});
    return true;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (!add_wildcard_needles(query.get_subquery(i), needles, group)) return false;
  }
  return true;
}

}  // namespace

std::vector<Needle> passage_needles(const Xapian::Query& query) {
  std::vector<Needle> needles;
  std::size_t group = 0;
  for (auto term = query.get_terms_begin(); term != query.get_terms_end(); ++term) {
    std::string name = *term;
    std::string needle;
    std::string also;  // another spelling of the same word
    if (is_word_term(name)) {
      needle = name;
    } else if (name.size() > 1 && name[0] == 'Z' && is_word_term(name.substr(1))) {
      needle = name.substr(1);
      // English stemming rewrites "dying" as "die" (also lying, tying): "dy" then.
      if (needle.size() > 2 && needle.ends_with("ie")) {
        also = needle.substr(0, needle.size() - 2) + "y";
      }
      if (needle.size() > 2) needle.pop_back();
    } else {
      continue;
    }
    std::erase(needle, '.');
    // A multi-word synonym ("united nations") is looked for word by word: each word can
    // be highlighted on its own.
    for (std::string& word : split_at_spaces(needle)) needles.push_back({std::move(word), group++});
    if (!also.empty()) needles.push_back({also, group - 1});
  }
  if (!add_wildcard_needles(query, needles, group)) return {};
  return needles;
}

std::vector<std::size_t> groups_held(std::string_view word, const std::vector<Needle>& needles) {
  std::string folded = fold_for_match(word);
  std::vector<std::size_t> groups;
  for (const Needle& needle : needles) {
    if (folded.find(needle.text) == std::string::npos) continue;
    if (groups.empty() || groups.back() != needle.group) groups.push_back(needle.group);
  }
  return groups;
}

HighlightBound highlight_bound(std::string_view window, const std::vector<Needle>& needles) {
  std::string folded = fold_for_match(window);
  HighlightBound bound;
  std::size_t last_group_found = SIZE_MAX;
  for (const Needle& needle : needles) {
    std::size_t found = 0;
    for (std::size_t at = folded.find(needle.text); at != std::string::npos;
         at = folded.find(needle.text, at + needle.text.size())) {
      ++found;
    }
    if (found == 0) continue;
    bound.total += found;
    // Needles of a group are next to each other.
    if (needle.group != last_group_found) ++bound.distinct;
    last_group_found = needle.group;
  }
  return bound;
}

}  // namespace newsdex
