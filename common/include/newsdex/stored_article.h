// The document data of an indexed article: what the search tool shows without
// re-reading the file. Serialised as a JSON object; part of the schema.
#pragma once

#include <string>

#include "newsdex/article.h"

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
  std::string date;         // iso_date() of the article's date
  std::string date_source;  // date_source_name()

  std::string serialise() const;
  // Throws IndexError when `data` is not what serialise() writes.
  static StoredArticle parse(const std::string& data);
};

}  // namespace newsdex
