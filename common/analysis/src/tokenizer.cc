#include "newsdex/tokenizer.h"

#include <array>
#include <cctype>
#include <cstdint>

#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// Abbreviations that keep their full stop, so "Mr." does not end a sentence.
constexpr std::array<std::string_view, 22> kAbbreviations = {
    "mr",  "mrs", "ms",   "dr",  "st",   "jr",  "sr", "gen", "lt", "col", "sgt",
    "gov", "sen", "prof", "inc", "corp", "ltd", "co", "no",  "vs", "rev", "capt"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of a UTF-8 punctuation sequence that must not count as a letter: curly quotes,
// apostrophes, dashes, ellipsis, bullets (U+2010..U+2027), and Latin-1 punctuation.
std::size_t unicode_punctuation_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (byte(i) == 0xE2 && i + 2 < text.size() && byte(i + 1) == 0x80 && byte(i + 2) >= 0x90 &&
      byte(i + 2) <= 0xA7) {
    return 3;
  }
  if (byte(i) == 0xC2 && i + 1 < text.size() && byte(i + 1) < 0xC0) return 2;  // « » ¡ ¿ ...
  return 0;
}

// Classes of ASCII bytes, for the loops that look at every byte of the text.
enum AsciiClass : std::uint8_t { kAsciiDigit = 1, kAsciiUpper = 2, kAsciiLower = 4 };
constexpr std::array<std::uint8_t, 128> kAsciiClasses = [] {
  std::array<std::uint8_t, 128> classes{};
  for (int c = '0'; c <= '9'; ++c) classes[c] = kAsciiDigit;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = kAsciiUpper;
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = kAsciiLower;
  return classes;
}();

inline bool is_word_byte(std::string_view text, std::size_t i) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return kAsciiClasses[c] != 0;
  return unicode_punctuation_length(text, i) == 0;
}

// Right single quotation mark, used as an apostrophe by most news sites.
bool is_curly_apostrophe(std::string_view text, std::size_t i) {
  return text.substr(i, 3) == "\xE2\x80\x99";
}

// Upper case for the first code point of a non-ASCII letter: Latin-1 capitals
// (U+00C0..U+00DE but not ×) and the even code points of Latin Extended-A.
bool is_unicode_upper(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  if (i + 1 >= text.size()) return false;
  if (byte(i) == 0xC3) return byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9E && byte(i + 1) != 0x97;
  if (byte(i) == 0xC4 || byte(i) == 0xC5) {
    unsigned cp = ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    return cp >= 0x100 && cp <= 0x17F && cp % 2 == 0;
  }
  return false;
}

bool is_abbreviation(std::string_view word) {
  if (word.size() > 4) return false;
  char lower[5];
  for (std::size_t i = 0; i < word.size(); ++i) {
    lower[i] = ascii_lower(word[i]);
  }
  std::string_view key(lower, word.size());
  for (std::string_view abbreviation : kAbbreviations) {
    if (abbreviation == key) return true;
  }
  return false;
}

// A dotted acronym or an initial so far: "U", "U.S", "J".
bool is_dotted_acronym(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i) {
    bool letter_place = i % 2 == 0;
    if (letter_place ? !std::isalpha(static_cast<unsigned char>(word[i])) : word[i] != '.') {
      return false;
    }
  }
  return !word.empty();
}

std::size_t scan_word(std::string_view text, std::size_t start) {
  std::size_t i = start;
  while (i < text.size()) {
    if (is_word_byte(text, i)) {
      ++i;
      continue;
    }
    bool next_is_word = i + 1 < text.size() && is_word_byte(text, i + 1);
    char c = text[i];
    if ((c == '-' || c == '&') && next_is_word && i > start) {
      ++i;
      continue;
    }
    bool apostrophe = c == '\'' || is_curly_apostrophe(text, i);
    if (apostrophe) {
      std::size_t width = c == '\'' ? 1 : 3;
      std::size_t after = i + width;
      bool possessive = after < text.size() && (text[after] == 's' || text[after] == 'S') &&
                        (after + 1 >= text.size() || !is_word_byte(text, after + 1));
      if (!possessive && after < text.size() && is_word_byte(text, after)) {
        i = after;
        continue;
      }
      break;
    }
    if (c == '.' || c == ',') {
      std::string_view so_far = text.substr(start, i - start);
      bool between_digits =
          i > start && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1]);
      if (between_digits) {
        ++i;
        continue;
      }
      if (c == '.' && is_dotted_acronym(so_far)) {
        ++i;  // the full stop belongs to "U.S." or "J."
        if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) &&
            (i + 1 >= text.size() || text[i + 1] == '.')) {
          continue;
        }
        break;
      }
      if (c == '.' && is_abbreviation(so_far)) ++i;
    }
    break;
  }
  return i;
}

void set_case_flags(std::string_view text, Token& token) {
  bool first_letter = true;
  for (std::size_t i = token.begin; i < token.end; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool upper, lower;
    if (c < 0x80) {
      std::uint8_t cls = kAsciiClasses[c];
      if (cls == kAsciiDigit) token.flags |= kTokenHasDigit;
      upper = cls == kAsciiUpper;
      lower = cls == kAsciiLower;
    } else {
      upper = c >= 0xC3 && is_unicode_upper(text, i);
      // A non-ASCII lead byte that is not a capital counts as a small letter.
      lower = c >= 0xC3 && !upper && (c & 0xC0) == 0xC0;
    }
    if (!upper && !lower) continue;
    token.flags |= upper ? kTokenHasUpper : kTokenHasLower;
    if (first_letter && upper) token.flags |= kTokenCapitalised;
    first_letter = false;
  }
}

// Words that title case leaves small ("Talks in Israel", "Out of Time"), and the
// possessive's token.
constexpr std::array<std::string_view, 28> kTitleSmallWords = {
    "a",    "an",   "the", "of",  "in",  "on",  "at", "to",           "for",  "and",
    "or",   "but",  "nor", "by",  "via", "vs",  "as", "from",         "with", "into",
    "over", "amid", "is",  "are", "up",  "out", "'s", "\xE2\x80\x99s"};

bool is_title_small_word(std::string_view word) {
  for (std::string_view small : kTitleSmallWords) {
    if (word == small) return true;
  }
  return false;
}

// Marks the tokens of lines written in capitals (a wire headline): at least two words
// with letters, none of them with a small letter; of title-case lines (see
// kTokenTitleLine); and of table rows: figures and capitalised names, no word in small
// letters ("Leeds 2 Arsenal 1").
void mark_caps_lines(std::string_view text, std::vector<Token>& tokens) {
  std::size_t line_begin = 0;
  while (line_begin < tokens.size()) {
    std::size_t line_end = line_begin + 1;
    while (line_end < tokens.size() && !tokens[line_end].has(kTokenLineStart)) ++line_end;
    std::size_t letter_words = 0, caps_words = 0, figures = 0, small_words = 0;
    std::size_t capitalised_words = 0, uncapitalised_words = 0, list_marks = 0;
    for (std::size_t k = line_begin; k < line_end; ++k) {
      if (tokens[k].has(kTokenHasDigit)) ++figures;
      if (tokens[k].has(kTokenHasLower) && !tokens[k].has(kTokenHasUpper)) ++small_words;
      std::string_view piece = tokens[k].text(text);
      if (piece == "," || piece == "(") ++list_marks;
      if (!tokens[k].has(kTokenHasUpper) && !tokens[k].has(kTokenHasLower)) continue;
      ++letter_words;
      if (tokens[k].all_caps()) ++caps_words;
      if (tokens[k].has(kTokenCapitalised)) {
        ++capitalised_words;
      } else if (!is_title_small_word(tokens[k].text(text))) {
        ++uncapitalised_words;
      }
    }
    std::uint16_t line_flags = 0;
    if (letter_words >= 2 && caps_words == letter_words) {
      line_flags |= kTokenCapsLine;
    } else if (capitalised_words >= (line_begin == 0 ? 1u : 3u) && uncapitalised_words == 0 &&
               list_marks == 0 && figures == 0) {
      line_flags |= kTokenTitleLine;
    }
    if (figures > 0 && small_words == 0) line_flags |= kTokenTableLine;
    for (std::size_t k = line_begin; k < line_end; ++k) tokens[k].flags |= line_flags;
    line_begin = line_end;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 4 + 1);  // news runs at about five bytes a token
  bool line_start = true, sentence_start = true;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      line_start = sentence_start = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    Token token;
    token.begin = static_cast<std::uint32_t>(i);
    if (is_word_byte(text, i)) {
      i = scan_word(text, i);
      token.flags |= kTokenWord;
    } else if ((c == '\'' || is_curly_apostrophe(text, i)) && !tokens.empty() &&
               tokens.back().end == i && tokens.back().has(kTokenWord)) {
      i += (c == '\'' ? 1 : 3) + 1;  // the possessive "'s"
      token.flags |= kTokenWord;
    } else {
      std::size_t width = unicode_punctuation_length(text, i);
      if (width == 0) {
        // One code point: continuation bytes of a stray sequence travel with it.
        width = 1;
        while (i + width < text.size() &&
               (static_cast<unsigned char>(text[i + width]) & 0xC0) == 0x80) {
          ++width;
        }
      }
      i += width;
    }
    token.end = static_cast<std::uint32_t>(i);
    if (line_start) token.flags |= kTokenLineStart;
    if (sentence_start) token.flags |= kTokenSentenceStart;
    line_start = false;
    std::string_view piece = text.substr(token.begin, token.end - token.begin);
    sentence_start =
        piece == "." || piece == "!" || piece == "?" || (sentence_start && !token.has(kTokenWord));
    if (token.has(kTokenWord)) set_case_flags(text, token);
    tokens.push_back(token);
  }
  mark_caps_lines(text, tokens);
  return tokens;
}

}  // namespace newsdex
