// Turns an Article into a Xapian::Document by walking the schema table.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "newsdex/article.h"

namespace newsdex {

// Not thread-safe: it owns a TermGenerator. Use one per worker thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  Xapian::Document build(const Article& article);

 private:
  Xapian::TermGenerator term_generator_;
};

}  // namespace newsdex
