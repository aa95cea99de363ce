#include "newsdex/heading_lines.h"

#include <algorithm>
#include <iterator>

namespace newsdex {

HeadingLines::HeadingLines(std::string_view text, const std::vector<Token>& tokens) : text_(text) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    if (tokens[k].has(kTokenSentenceStart)) sentence_starts_.push_back(tokens[k].begin);
    if (!tokens[k].has(kTokenTitleLine)) continue;
    if (tokens[k].has(kTokenLineStart) || lines_.empty()) {
      lines_.emplace_back(tokens[k].begin, tokens[k].end);
    } else {
      lines_.back().second = tokens[k].end;
    }
  }
}

bool HeadingLines::contains(std::size_t offset) const {
  auto after = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                [](std::size_t at, const auto& line) { return at < line.first; });
  return after != lines_.begin() && offset < std::prev(after)->second;
}

bool HeadingLines::written_in_running_text(std::string_view name) const {
  const bool one_word = name.find(' ') == std::string_view::npos;
  return written_as_words(text_, name, [&](std::size_t at) {
    return !contains(at) &&
           !(one_word && std::binary_search(sentence_starts_.begin(), sentence_starts_.end(), at));
  });
}

}  // namespace newsdex
