// The title-case lines of an article (headlines and sub-headings, kTokenTitleLine), and
// whether a name is also written in the article's running text. Title case capitalises
// every word, so a capital on such a line says nothing about a name: the entity
// extractor keeps a name seen only there when other evidence backs it.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "newsdex/text_analyzer.h"
#include "newsdex/tokenizer.h"

namespace newsdex {

// Whether `name` is written in `text` as whole words (no letter or digit on either
// side) at an offset that `where(offset)` accepts.
template <typename Where>
bool written_as_words(std::string_view text, std::string_view name, Where where) {
  auto is_word_byte = [](char c) { return is_loose_word_byte(static_cast<unsigned char>(c)); };
  if (name.empty()) return false;
  for (std::size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    std::size_t after = at + name.size();
    if ((at == 0 || !is_word_byte(text[at - 1])) &&
        (after == text.size() || !is_word_byte(text[after])) && where(at)) {
      return true;
    }
  }
  return false;
}

class HeadingLines {
 public:
  HeadingLines(std::string_view text, const std::vector<Token>& tokens);

  // Whether the byte at `offset` lies on a title-case line.
  bool contains(std::size_t offset) const;
  bool empty() const { return lines_.empty(); }

  // Whether `name` is written, as whole words and with the same capitals, somewhere
  // off the title-case lines; a one-word name not only at the start of a sentence,
  // where any word has a capital ("Fares on the island ferries...").
  bool written_in_running_text(std::string_view name) const;

 private:
  std::string_view text_;
  std::vector<std::pair<std::size_t, std::size_t>> lines_;  // [begin, end) bytes, in order
  std::vector<std::size_t> sentence_starts_;                // first bytes of sentences, in order
};

}  // namespace newsdex
