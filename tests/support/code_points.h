// Reading highlight offsets (Unicode code points) back out of UTF-8 text in tests.
#pragma once

#include <string>
#include <string_view>

#include "newsdex/text_decoding.h"

namespace newsdex::testing {

// The code points [start, end) of valid UTF-8 text.
inline std::string code_point_substr(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t from = byte_offset_of_code_point(text, start);
  std::size_t to = byte_offset_of_code_point(text, end);
  return from <= to ? std::string(text.substr(from, to - from)) : std::string();
}

}  // namespace newsdex::testing
