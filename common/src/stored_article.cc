#include "newsdex/stored_article.h"

#include <nlohmann/json.hpp>

#include "newsdex/errors.h"

namespace newsdex {

std::string StoredArticle::serialise() const {
  nlohmann::json data = {
      {"id", id}, {"path", path}, {"title", title}, {"section", section}, {"body", body}};
  // File names need not be UTF-8; replace bad bytes rather than fail the article.
  return data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

StoredArticle StoredArticle::parse(const std::string& data) {
  try {
    nlohmann::json json = nlohmann::json::parse(data);
    StoredArticle article;
    article.id = json.at("id").get<std::string>();
    article.path = json.at("path").get<std::string>();
    article.title = json.at("title").get<std::string>();
    article.section = json.at("section").get<std::string>();
    article.body = json.at("body").get<std::string>();
    return article;
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("unreadable document data: ") + e.what());
  }
}

}  // namespace newsdex
