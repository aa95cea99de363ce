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
  void add_field(Xapian::Document& doc, const Field& field, const Article& article);
  void add_entity_field(Xapian::Document& doc, const Field& field, const ArticleEntities& entities);

  class TextIndexer;  // the words of free-text fields (document_builder.cc)
  std::unique_ptr<TextIndexer> text_;
};

// Gives `doc` the near-duplicate group `key`: the collapse value (kSlotDuplicateKey) and
// the boolean term kDuplicateKeyPrefix + key, which lets search count a hit's copies
// exactly. The term of a key given before is removed, so the two always agree.
void set_duplicate_key(Xapian::Document& doc, const std::string& key);

}  // namespace newsdex
