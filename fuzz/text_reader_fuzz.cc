// Plain text and Markdown with front matter, then the cleaner, as the indexer runs them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "newsdex/article_cleaner.h"
#include "newsdex/formats/text_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool markdown : {false, true}) {
    newsdex::ParsedDocument doc = newsdex::read_text_document(text, markdown);
    newsdex::clean_article(doc.text, {"fuzz", nullptr, true});
  }
  return 0;
}
