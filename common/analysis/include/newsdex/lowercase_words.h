// Words that news text writes in lower case in the middle of a sentence ("banks",
// "most", "fully"), from common/data/lowercase_words.txt. A capital at the start of a
// sentence says nothing about such a word, so it is no evidence of a name.
#pragma once

#include <string_view>

namespace newsdex {

// Whether `key` (lower case, one word, as entity_key() writes it) is on the shipped list.
// Thread-safe; the list is parsed on first use.
bool is_lowercase_word(std::string_view key);

}  // namespace newsdex
