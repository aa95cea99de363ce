#include "spelling.h"

#include <algorithm>
#include <array>

#include "newsdex/schema.h"
#include "query_builder.h"

namespace newsdex {
namespace {

// Shorter words have too many neighbours to guess from.
constexpr std::size_t kMinWordBytes = 3;
constexpr std::size_t kMaxWordBytes = 30;

constexpr std::array<std::string_view, 7> kOperators = {"AND",  "OR",  "NOT", "XOR",
                                                        "NEAR", "ADJ", "SYN"};

// The end of the run of word characters at `start` (Xapian's notion of a word character).
std::size_t word_end(std::string_view text, std::size_t start) {
  Xapian::Utf8Iterator it(text.data() + start, text.size() - start);
  while (it != Xapian::Utf8Iterator() && Xapian::Unicode::is_wordchar(*it)) ++it;
  return it == Xapian::Utf8Iterator() ? text.size()
                                      : static_cast<std::size_t>(it.raw() - text.data());
}

// Whether the values of the field named `name` are exact terms, not words.
bool takes_exact_value(std::string_view name) {
  if (name == kDateFilterPrefix.substr(0, kDateFilterPrefix.size() - 1)) return true;
  for (const Field& field : schema_fields()) {
    if (!field.name.empty() && field.name == name) return field.kind == FieldKind::kBoolean;
  }
  return false;
}

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

// The correction of one word, or "" to keep it.
std::string correction(const Xapian::Database& db, std::string_view word) {
  bool has_digit =
      std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::string lower = Xapian::Unicode::tolower(std::string(word));
  if (has_digit || lower.size() < kMinWordBytes || lower.size() > kMaxWordBytes ||
      db.term_exists(lower) || in_spelling_dictionary(db, lower)) {
    return {};
  }
  std::string suggestion = db.get_spelling_suggestion(lower);
  if (suggestion.empty() || suggestion == lower) return {};
  return in_case_of(word, suggestion);
}

}  // namespace

std::optional<std::string> suggest_correction(const Xapian::Database& db,
                                              std::string_view query_text) {
  std::string corrected;
  bool changed = false;
  std::size_t i = 0;
  while (i < query_text.size()) {
    std::size_t end = word_end(query_text, i);
    if (end == i) {  // not a word character: copy one byte
      corrected += query_text[i++];
      continue;
    }
    std::string_view word = query_text.substr(i, end - i);
    char next = end < query_text.size() ? query_text[end] : '\0';
    if (next == ':' && takes_exact_value(word)) {
      end = value_end(query_text, end + 1);
      corrected.append(query_text.substr(i, end - i));
    } else if (next == '*' || next == ':' ||
               std::find(kOperators.begin(), kOperators.end(), word) != kOperators.end()) {
      corrected.append(word);
    } else if (std::string fixed = correction(db, word); !fixed.empty()) {
      corrected += fixed;
      changed = true;
    } else {
      corrected.append(word);
    }
    i = end;
  }
  if (!changed) return std::nullopt;
  return corrected;
}

}  // namespace newsdex
