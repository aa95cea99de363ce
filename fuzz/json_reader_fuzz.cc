// JSON and JSON Lines dumps.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/formats/json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  newsdex::read_json_documents(text, false);
  newsdex::read_json_documents(text, true);
  return 0;
}
