#include "newsdex/dateline.h"

namespace newsdex {
namespace {

constexpr std::size_t kLinesAfterTitle = 3;
constexpr std::size_t kMaxPlaceWords = 4;

// A word of the place: letters in capitals, no figures ("NEW", "ST.", "PORT-AU-PRINCE").
bool is_place_word(const Token& token) {
  return token.has(kTokenWord) && token.all_caps() && !token.has(kTokenHasDigit);
}

// A token of the date after the place: figures, or the punctuation of a date.
bool is_date_part(const Token& token, std::string_view text) {
  if (token.has(kTokenWord)) {
    return token.has(kTokenHasDigit) && !token.has(kTokenHasUpper) && !token.has(kTokenHasLower);
  }
  std::string_view punct = token.text(text);
  return punct == "-" || punct == "/" || punct == ",";
}

}  // namespace

std::optional<DatelinePlace> find_dateline(std::string_view text, const std::vector<Token>& tokens,
                                           const std::function<bool(std::string_view)>& is_place) {
  std::size_t line = 0;
  for (std::size_t start = 0; start < tokens.size() && line <= kLinesAfterTitle; ++line) {
    std::size_t end = start + 1;
    while (end < tokens.size() && !tokens[end].has(kTokenLineStart)) ++end;
    std::size_t words = start;
    while (words < end && is_place_word(tokens[words])) ++words;
    bool only_date = true, has_figures = false;
    for (std::size_t k = words; k < end; ++k) {
      only_date = only_date && is_date_part(tokens[k], text);
      has_figures = has_figures || tokens[k].has(kTokenHasDigit);
    }
    const std::size_t count = words - start;
    if (line > 0 && count >= 1 && count <= kMaxPlaceWords && only_date) {
      const bool alone = words == end;
      std::string_view name =
          text.substr(tokens[start].begin, tokens[words - 1].end - tokens[start].begin);
      if ((has_figures && !alone) || (alone && is_place(name))) {
        return DatelinePlace{start, words - 1};
      }
    }
    start = end;
  }
  return std::nullopt;
}

}  // namespace newsdex
