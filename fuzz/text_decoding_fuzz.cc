// Encoding detection and conversion (UTF-8, UTF-16 with BOM, Windows-1252).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "newsdex/errors.h"
#include "newsdex/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    newsdex::DecodedText decoded =
        newsdex::decode_text(std::string_view(reinterpret_cast<const char*>(data), size));
    // Whatever came in, what goes out must be valid UTF-8: the rest of newsdex relies on it.
    if (!newsdex::is_valid_utf8(decoded.utf8)) std::abort();
  } catch (const newsdex::ArticleError&) {
    // Binary input: a skip reason, as designed.
  }
  return 0;
}
