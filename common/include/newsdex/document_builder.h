// Turns an Article into a Xapian::Document by walking the schema table.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "newsdex/article.h"

namespace newsdex {

// 16 lower-case hex digits: the text form of fingerprints and line keys in the index.
std::string hex64(std::uint64_t value);

// Not thread-safe: it owns a TermGenerator. Use one per worker thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  Xapian::Document build(const Article& article);

 private:
  Xapian::TermGenerator term_generator_;
};

}  // namespace newsdex
