// Saved HTML pages.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/formats/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsdex::read_html_document(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
