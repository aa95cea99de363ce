// Dates in metadata, in the first lines of a text, and in paths.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/article_date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (auto date : {newsdex::parse_date_text(text), newsdex::find_date_in_text(text, 2024),
                    newsdex::find_date_in_path(text)}) {
    if (date) {
      newsdex::day_key(*date);
      newsdex::iso_date(*date);
    }
  }
  return 0;
}
