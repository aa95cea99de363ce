// Reading text line by line: the data files of common/data/ and the line records newsdex
// keeps in its index metadata.
#pragma once

#include <algorithm>
#include <string_view>

namespace newsdex {

// Takes the first line off `text` and returns it: up to the first '\n' (or the end),
// without the '\n' and without a '\r' before it (a file saved with Windows line ends).
inline std::string_view take_line(std::string_view& text) {
  const std::size_t end = std::min(text.find('\n'), text.size());
  std::string_view line = text.substr(0, end);
  text.remove_prefix(std::min(end + 1, text.size()));
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace newsdex
