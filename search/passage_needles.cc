#include "passage_needles.h"

#include <algorithm>

namespace newsdex {
namespace {

// A term that is a word of the text ("election", "élection", "2024"), as opposed to a
// prefixed term (an upper-case ASCII prefix: "Zelect", "XPblinken").
bool is_word_term(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// Whether a wildcard is anywhere in `query`: its terms are known only to the match.
bool has_wildcard(const Xapian::Query& query) {
  if (query.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    if (has_wildcard(query.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

std::vector<Needle> passage_needles(const Xapian::Query& query) {
  if (has_wildcard(query)) return {};
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
    for (std::size_t start = 0; start < needle.size();) {
      std::size_t end = std::min(needle.find(' ', start), needle.size());
      if (end > start) needles.push_back({needle.substr(start, end - start), group++});
      start = end + 1;
    }
    if (!also.empty()) needles.push_back({also, group - 1});
  }
  return needles;
}

std::string fold_for_needles(std::string_view text, std::vector<std::uint32_t>* folded_at) {
  std::string folded;
  folded.reserve(text.size());
  if (folded_at != nullptr) folded_at->assign(text.size() + 1, 0);
  std::size_t i = 0;
  while (i < text.size()) {
    char byte = text[i];
    if (folded_at != nullptr) (*folded_at)[i] = static_cast<std::uint32_t>(folded.size());
    if (static_cast<unsigned char>(byte) < 0x80) {
      if (byte >= 'A' && byte <= 'Z') byte = static_cast<char>(byte - 'A' + 'a');
      if (byte != '.') folded += byte;
      ++i;
      continue;
    }
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    Xapian::Unicode::append_utf8(folded, Xapian::Unicode::tolower(*it));
    std::size_t length = std::max<std::size_t>(1, it.left() - (++Xapian::Utf8Iterator(it)).left());
    if (folded_at != nullptr) {
      for (std::size_t k = 1; k < length; ++k) (*folded_at)[i + k] = (*folded_at)[i];
    }
    i += length;
  }
  if (folded_at != nullptr) (*folded_at)[text.size()] = static_cast<std::uint32_t>(folded.size());
  return folded;
}

std::vector<std::size_t> groups_held(std::string_view word, const std::vector<Needle>& needles) {
  std::string folded = fold_for_needles(word);
  std::vector<std::size_t> groups;
  for (const Needle& needle : needles) {
    if (folded.find(needle.text) == std::string::npos) continue;
    if (groups.empty() || groups.back() != needle.group) groups.push_back(needle.group);
  }
  return groups;
}

HighlightBound FoldedText::bound(std::size_t begin, std::size_t end,
                                 const std::vector<Needle>& needles) const {
  std::string_view window(folded_.data() + folded_at_[begin], folded_at_[end] - folded_at_[begin]);
  HighlightBound bound;
  std::size_t last_group_found = SIZE_MAX;
  for (const Needle& needle : needles) {
    std::size_t found = 0;
    for (std::size_t at = window.find(needle.text); at != std::string_view::npos;
         at = window.find(needle.text, at + needle.text.size())) {
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
