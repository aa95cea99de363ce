#include "newsdex/heading_lines.h"

#include <algorithm>

namespace newsdex {
namespace {

bool is_word_byte(char c) {
  auto byte = static_cast<unsigned char>(c);
  return (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z') ||
         (byte >= 'a' && byte <= 'z') || byte >= 0x80;
}

}  // namespace

HeadingLines::HeadingLines(std::string_view text, const std::vector<Token>& tokens) : text_(text) {
  for (std::size_t k = 0; k < tokens.size(); ++k) {
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
  if (name.empty()) return false;
  for (std::size_t at = text_.find(name); at != std::string_view::npos;
       at = text_.find(name, at + 1)) {
    std::size_t after = at + name.size();
    bool whole_words = (at == 0 || !is_word_byte(text_[at - 1])) &&
                       (after == text_.size() || !is_word_byte(text_[after]));
    if (whole_words && !contains(at)) return true;
  }
  return false;
}

}  // namespace newsdex
