#include "newsdex/lowercase_words.h"

#include <string>
#include <unordered_set>

#include "newsdex/embedded_data.h"

namespace newsdex {
namespace {

std::unordered_set<std::string_view> parse_lines(std::string_view text) {
  std::unordered_set<std::string_view> words;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty()) words.insert(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return words;
}

}  // namespace

bool is_lowercase_word(std::string_view key) {
  // Views into the embedded file, which lives as long as the program.
  static const std::unordered_set<std::string_view> words =
      parse_lines(embedded::lowercase_words());
  return words.contains(key);
}

}  // namespace newsdex
