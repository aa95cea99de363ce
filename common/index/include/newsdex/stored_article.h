// The document data of an indexed article: what the search tool shows without
// re-reading the file. Part of the schema: changing the layout bumps kSchemaVersion.
#pragma once

#include <string>

#include "newsdex/entities.h"

namespace newsdex {

struct StoredArticle {
  std::string id;
  std::string path;
  std::string title;
  std::string section;
  std::string body;  // clean text used for passages
  ArticleEntities entities;
  std::string source;  // news source
  std::string author;
  std::string url;
  std::string date;         // iso_date() of the article's date; "" when it has none
  std::string date_source;  // date_source_name(); "" when it has no date

  // A compact binary record: a layout byte, then each string as a varint length and its
  // bytes, each list as a varint count and its strings. Every search reads the data of
  // the hits it shows, bodies included: a JSON parser spent a fifth of a whole search
  // reading them. Strings are stored as they are, UTF-8 or not.
  std::string serialise() const;
  // Throws IndexError when `data` is not what serialise() writes.
  static StoredArticle parse(const std::string& data);
};

}  // namespace newsdex
