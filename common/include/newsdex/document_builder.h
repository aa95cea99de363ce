// Turns an Article into a Xapian::Document by walking the schema table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <xapian.h>

#include "newsdex/article.h"

namespace newsdex {

// Not thread-safe: it owns a TermGenerator. Use one per worker thread.
class DocumentBuilder {
 public:
  DocumentBuilder();
  ~DocumentBuilder();
  DocumentBuilder(DocumentBuilder&&) noexcept;
  DocumentBuilder& operator=(DocumentBuilder&&) noexcept;

  Xapian::Document build(const Article& article);

 private:
  class TextIndexer;  // the words of free-text fields (document_builder.cc)
  std::unique_ptr<TextIndexer> text_;
};

}  // namespace newsdex
