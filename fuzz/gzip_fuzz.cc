// gzip decompression with the size cap.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/errors.h"
#include "newsdex/gzip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    newsdex::gunzip(std::string_view(reinterpret_cast<const char*>(data), size), 1 << 20);
  } catch (const newsdex::ArticleError&) {
    // Corrupt or too large: a skip reason, as designed.
  }
  return 0;
}
