#include "newsdex/lowercase_words.h"

#include <string>
#include <unordered_set>

#include "newsdex/embedded_data.h"
#include "newsdex/lines.h"

namespace newsdex {
namespace {

std::unordered_set<std::string_view> parse_lines(std::string_view text) {
  std::unordered_set<std::string_view> words;
  while (!text.empty()) {
    std::string_view line = take_line(text);
    if (!line.empty()) words.insert(line);
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
