// Saved HTML pages.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/errors.h"
#include "newsdex/formats/html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    newsdex::read_html_document(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const newsdex::ArticleError&) {
    // A page past the bounds of depth or attributes is refused: a skip, not a crash.
  }
  return 0;
}
