// Splits article text into word and punctuation tokens for the entity tagger, keeping
// byte offsets so that mentions can be highlighted and reported where they stand.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdex {

enum TokenFlag : std::uint16_t {
  kTokenWord = 1 << 0,           // letters/digits (else punctuation)
  kTokenLineStart = 1 << 1,      // first token of a line
  kTokenSentenceStart = 1 << 2,  // first token of a sentence, line-initial or after . ! ?
  kTokenCapsLine = 1 << 3,       // on a line written in capitals (a wire headline)
  kTokenCapitalised = 1 << 4,    // first letter is a capital ("Rafah", "EU", "Al-Thani")
  kTokenHasUpper = 1 << 5,       // some letter is a capital ("al-Sisi", "iPhone")
  kTokenHasLower = 1 << 6,       // some letter is lower case
  kTokenHasDigit = 1 << 7,
  kTokenTableLine = 1 << 8,  // on a line of figures and names only: a results table row
  // On a title-case line: three or more words (any number on the first line, the
  // title), every one but the small ones capitalised, no comma, bracket or figure
  // ("Escalating Violence Takes Toll", "Report"): a headline or sub-heading, not a list
  // of names ("Phil Fear (WRU)"), a byline nor a table row.
  kTokenTitleLine = 1 << 9,
};

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the text: [begin, end)
  std::uint32_t end = 0;
  std::uint16_t flags = 0;

  bool has(TokenFlag flag) const { return (flags & flag) != 0; }
  // Every letter a capital ("NATO", "U.S."); false for a token without letters.
  bool all_caps() const { return has(kTokenHasUpper) && !has(kTokenHasLower); }
  std::string_view text(std::string_view all) const { return all.substr(begin, end - begin); }
};

// Words keep inner hyphens and apostrophes ("Al-Thani", "O'Brien"), dotted acronyms and
// initials ("U.S.", "J."), common abbreviations ("Mr.") and numbers ("2,000", "1.5"); a
// possessive "'s" is its own token. Everything else is one punctuation token per
// character. Never throws; text is UTF-8 (bytes >= 0x80 count as letters).
std::vector<Token> tokenize(std::string_view text);

}  // namespace newsdex
