// The dateline of a wire story: the line under its headline that names the city it was
// filed from, in capitals, maybe with the date ("NEW YORK 1996-08-22", "BANGKOK"). That
// city is a place whatever the tagger makes of a lone line of capitals (an organisation
// "NEW YORK", a person "MILAN"), or when it tags nothing there at all.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "newsdex/tokenizer.h"

namespace newsdex {

// Tokens [first, last] of a dateline's place.
struct DatelinePlace {
  std::size_t first = 0, last = 0;
};

// The place of the dateline of `text` (title, then body, as the entity extractor reads
// it), if one of the three lines after the title is one: one to four words in capitals,
// then only a date (figures, "-", "/", ","), or alone and a name `is_place` knows (given
// the words as written).
std::optional<DatelinePlace> find_dateline(std::string_view text, const std::vector<Token>& tokens,
                                           const std::function<bool(std::string_view)>& is_place);

}  // namespace newsdex
