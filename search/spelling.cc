#include "spelling.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "counting_match.h"
#include "newsdex/schema.h"
#include "newsdex/text_analyzer.h"
#include "query_builder.h"

namespace newsdex {
namespace {

// Shorter words have too many neighbours to guess from.
constexpr std::size_t kMinWordBytes = 3;
constexpr std::size_t kMaxWordBytes = 30;

constexpr std::array<std::string_view, 7> kOperators = {"AND",  "OR",  "NOT", "XOR",
                                                        "NEAR", "ADJ", "SYN"};

// The end of a field's value at `start`: a quoted string, else up to a space or ')'.
std::size_t value_end(std::string_view text, std::size_t start) {
  if (start < text.size() && text[start] == '"') {
    std::size_t close = text.find('"', start + 1);
    return close == std::string_view::npos ? text.size() : close + 1;
  }
  std::size_t end = text.find_first_of(" \t\n)", start);
  return end == std::string_view::npos ? text.size() : end;
}

bool in_spelling_dictionary(const Xapian::Database& db, const std::string& word) {
  Xapian::TermIterator it = db.spellings_begin();
  it.skip_to(word);
  return it != db.spellings_end() && *it == word;
}

// `suggestion` written the way the user wrote `word`: all capitals, a capital first, or
// lower case.
std::string in_case_of(std::string_view word, const std::string& suggestion) {
  std::u32string letters;
  for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
    letters += *it;
  }
  auto is_upper = [](char32_t c) {
    return Xapian::Unicode::toupper(c) == c && Xapian::Unicode::tolower(c) != c;
  };
  bool all_upper = letters.size() > 1 && std::all_of(letters.begin(), letters.end(), is_upper);
  bool first_upper = !letters.empty() && is_upper(letters[0]);
  std::string out;
  bool first = true;
  for (Xapian::Utf8Iterator it(suggestion); it != Xapian::Utf8Iterator(); ++it) {
    unsigned c = *it;
    if (all_upper || (first && first_upper)) c = Xapian::Unicode::toupper(c);
    Xapian::Unicode::append_utf8(out, c);
    first = false;
  }
  return out;
}

// Levenshtein distance of two byte strings, or `limit` + 1 once it must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t smallest = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
  }
  return row[b.size()];
}

// A possible correction: the word, and the terms whose articles show it in use (the word
// itself, or the word in a name of the archive).
struct Candidate {
  std::string word;
  std::vector<std::string> terms;
};

// Words of the names of people, places and organisations in the archive within two edits
// of `word` (one for words of up to four letters): a misspelt name is more often one of
// the archive's names than the dictionary word Xapian finds nearest.
void add_name_words_near(const Xapian::Database& db, const std::string& word,
                         std::vector<Candidate>& candidates) {
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  for (const char* name : {"person", "place", "org"}) {
    const std::string prefix(field_by_name(name).prefix);
    for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
      const std::string& text = *term;
      // The boolean name terms (XPERSON..., XPLACE...) share the prefix; words are lower
      // case.
      if (text.size() <= prefix.size() ||
          (text[prefix.size()] >= 'A' && text[prefix.size()] <= 'Z')) {
        continue;
      }
      std::string_view candidate = std::string_view(text).substr(prefix.size());
      if (candidate.size() < kMinWordBytes || edit_distance(word, candidate, limit) > limit) {
        continue;
      }
      auto known = std::find_if(candidates.begin(), candidates.end(),
                                [&](const Candidate& c) { return c.word == candidate; });
      if (known == candidates.end()) {
        candidates.push_back({std::string(candidate), {}});
        known = candidates.end() - 1;
      }
      known->terms.push_back(text);
    }
  }
}

// How many articles hold every word of `company` and one of `terms`.
Xapian::doccount articles_with(const Xapian::Database& db, const std::vector<std::string>& company,
                               const std::vector<std::string>& terms) {
  std::vector<Xapian::Query> all;
  for (const std::string& word : company) all.emplace_back(word);
  all.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end()));
  weigh_for_counting(enquire);
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// Whether a word of the query is one to correct: not a number, not too short or long,
// and neither a word of the index nor of its spelling dictionary.
bool needs_correction(const Xapian::Database& db, const std::string& lower) {
  bool has_digit =
      std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  return !has_digit && lower.size() >= kMinWordBytes && lower.size() <= kMaxWordBytes &&
         !db.term_exists(lower) && !in_spelling_dictionary(db, lower);
}

// The correction of one word in the company of the query's other words, or "" to keep
// it: Xapian's suggestion, or a word of the archive's names near it that more articles
// use as a name together with the other words.
std::string correction(const Xapian::Database& db, std::string_view word,
                       const std::vector<std::string>& company) {
  std::string lower = word_term(word);
  if (!needs_correction(db, lower)) return {};
  std::vector<Candidate> candidates;
  if (std::string suggestion = db.get_spelling_suggestion(lower);
      !suggestion.empty() && suggestion != lower) {
    candidates.push_back({suggestion, {suggestion}});
  }
  add_name_words_near(db, lower, candidates);
  const Candidate* best = nullptr;
  Xapian::doccount best_count = 0;
  for (const Candidate& candidate : candidates) {
    // Ties go to the earlier candidate: Xapian's own suggestion first.
    const Xapian::doccount count = articles_with(db, company, candidate.terms);
    if (best == nullptr || count > best_count) {
      best_count = count;
      best = &candidate;
    }
  }
  return best == nullptr ? std::string() : in_case_of(word, best->word);
}

// A piece of the query: a word that may be corrected, or text kept as it is.
struct Piece {
  std::string_view text;
  bool word;
};

std::vector<Piece> split_query(std::string_view query_text) {
  std::vector<Piece> pieces;
  std::size_t i = 0;
  while (i < query_text.size()) {
    std::size_t end = index_word_end(query_text, i);
    if (end == i) {  // not a word character: kept
      pieces.push_back({query_text.substr(i++, 1), false});
      continue;
    }
    std::string_view word = query_text.substr(i, end - i);
    char next = end < query_text.size() ? query_text[end] : '\0';
    if (next == ':' && field_takes_exact_value(word)) {
      end = value_end(query_text, end + 1);
      pieces.push_back({query_text.substr(i, end - i), false});
    } else {
      bool plain = next != '*' && next != ':' &&
                   std::find(kOperators.begin(), kOperators.end(), word) == kOperators.end();
      pieces.push_back({word, plain});
    }
    i = end;
  }
  return pieces;
}

}  // namespace

std::optional<std::string> suggest_correction(const Xapian::Database& db,
                                              std::string_view query_text) {
  const std::vector<Piece> pieces = split_query(query_text);
  // The query's words that the index holds: the company a correction is judged in.
  std::vector<std::string> known;
  for (const Piece& piece : pieces) {
    if (!piece.word) continue;
    std::string lower = word_term(piece.text);
    if (db.term_exists(lower)) known.push_back(std::move(lower));
  }
  std::string corrected;
  bool changed = false;
  for (const Piece& piece : pieces) {
    std::string fixed = piece.word ? correction(db, piece.text, known) : std::string();
    if (fixed.empty()) {
      corrected.append(piece.text);
    } else {
      corrected += fixed;
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  return corrected;
}

}  // namespace newsdex
