#include "passage_needles.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace newsdex {
namespace {

// A term that is a word of the text ("election", "élection", "2024"), as opposed to a
// prefixed term (an upper-case ASCII prefix: "Zelect", "XPblinken").
bool is_word_term(std::string_view term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

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

// A wildcard's needle: its pattern less a field prefix (a run of capitals, as in
// prefixed terms), folded as text is, up to an apostrophe: a term holds ' where its
// word may hold ’. "" when nothing is left.
std::string wildcard_needle(std::string_view pattern) {
  std::size_t word = 0;
  while (word < pattern.size() && pattern[word] >= 'A' && pattern[word] <= 'Z') ++word;
  std::string needle = fold_for_needles(pattern.substr(word));
  needle.resize(std::min(needle.size(), needle.find('\'')));
  return needle;
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

// Eight bytes (in any byte order) lower-cased when all are ASCII and none is a dot, the
// bulk of a text, folded without a branch per byte; nothing otherwise.
std::optional<std::uint64_t> lower_ascii_without_dots(std::uint64_t eight) {
  constexpr std::uint64_t kOnes = 0x0101010101010101;
  constexpr std::uint64_t kHighBits = 0x80 * kOnes;
  if ((eight & kHighBits) != 0) return std::nullopt;
  // With every byte below 0x80, adding at most 0x7F to each carries into no other byte;
  // bit 7 of each byte then answers a question about it.
  std::uint64_t not_dots = (eight ^ ('.' * kOnes)) + 0x7F * kOnes;  // bit 7: byte != '.'
  if ((not_dots & kHighBits) != kHighBits) return std::nullopt;
  std::uint64_t from_a = eight + (0x80 - 'A') * kOnes;  // bit 7: byte >= 'A'
  std::uint64_t past_z = eight + (0x7F - 'Z') * kOnes;  // bit 7: byte > 'Z'
  std::uint64_t upper = from_a & ~past_z & kHighBits;
  return eight | (upper >> 2);  // 0x80 >> 2 is 'a' - 'A'
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
    for (std::size_t start = 0; start < needle.size();) {
      std::size_t end = std::min(needle.find(' ', start), needle.size());
      if (end > start) needles.push_back({needle.substr(start, end - start), group++});
      start = end + 1;
    }
    if (!also.empty()) needles.push_back({also, group - 1});
  }
  if (!add_wildcard_needles(query, needles, group)) return {};
  return needles;
}

std::string fold_for_needles(std::string_view text) {
  // Written in place: an ASCII byte (most of a news text) folds to one byte or none, so
  // the text's size holds them; a longer lower case (rare) makes room as it comes.
  std::string folded(text.size(), '\0');
  char* out = folded.data();
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, text.data() + i, 8);
      if (std::optional<std::uint64_t> lowered = lower_ascii_without_dots(eight)) {
        std::memcpy(out, &*lowered, 8);
        out += 8;
        i += 8;
        continue;
      }
    }
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      *out = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + ('a' - 'A') : byte);
      out += (byte != '.');  // a dot is overwritten by the next byte
      ++i;
      continue;
    }
    Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
    char utf8[4];
    std::size_t size = Xapian::Unicode::to_utf8(Xapian::Unicode::tolower(*it), utf8);
    std::size_t length = std::max<std::size_t>(1, it.left() - (++Xapian::Utf8Iterator(it)).left());
    // Room for this character and one byte for each byte after it.
    std::size_t written = static_cast<std::size_t>(out - folded.data());
    std::size_t needed = written + size + (text.size() - i - length);
    if (needed > folded.size()) folded.resize(needed);
    out = std::copy(utf8, utf8 + size, folded.data() + written);
    i += length;
  }
  folded.resize(static_cast<std::size_t>(out - folded.data()));
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

HighlightBound highlight_bound(std::string_view window, const std::vector<Needle>& needles) {
  std::string folded = fold_for_needles(window);
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
