#include "newsdex/stored_article.h"

#include <nlohmann/json.hpp>

#include "newsdex/errors.h"

namespace newsdex {

std::string StoredArticle::serialise() const {
  nlohmann::json data = {{"id", id},
                         {"path", path},
                         {"title", title},
                         {"section", section},
                         {"body", body},
                         {"people", entities.people},
                         {"places", entities.places},
                         {"organizations", entities.organizations},
                         {"topics", entities.topics}};
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
    article.entities.people = json.at("people").get<std::vector<std::string>>();
    article.entities.places = json.at("places").get<std::vector<std::string>>();
    article.entities.organizations = json.at("organizations").get<std::vector<std::string>>();
    article.entities.topics = json.at("topics").get<std::vector<std::string>>();
    return article;
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("unreadable document data: ") + e.what());
  }
}

}  // namespace newsdex
