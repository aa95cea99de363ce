#include "newsdex/stored_article.h"

#include <nlohmann/json.hpp>

#include "newsdex/errors.h"

namespace newsdex {

std::string StoredArticle::serialise() const {
  nlohmann::json data = {{"id", id},
                         {"path", path},
                         {"title", title},
                         {"section", section},
                         {"source", source},
                         {"author", author},
                         {"url", url},
                         {"date", date},
                         {"date_source", date_source},
                         {"body", body},
                         {"people", entities.people},
                         {"places", entities.places},
                         {"organizations", entities.organizations},
                         {"topics", entities.topics},
                         {"people_aliases", entities.people_aliases},
                         {"place_aliases", entities.place_aliases},
                         {"organization_aliases", entities.organization_aliases}};
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
    article.source = json.at("source").get<std::string>();
    article.author = json.at("author").get<std::string>();
    article.url = json.at("url").get<std::string>();
    article.date = json.at("date").get<std::string>();
    article.date_source = json.at("date_source").get<std::string>();
    article.entities.people = json.at("people").get<std::vector<std::string>>();
    article.entities.places = json.at("places").get<std::vector<std::string>>();
    article.entities.organizations = json.at("organizations").get<std::vector<std::string>>();
    article.entities.topics = json.at("topics").get<std::vector<std::string>>();
    // Optional: documents written before aliases were stored have none.
    using Names = std::vector<std::string>;
    article.entities.people_aliases = json.value("people_aliases", Names{});
    article.entities.place_aliases = json.value("place_aliases", Names{});
    article.entities.organization_aliases = json.value("organization_aliases", Names{});
    return article;
  } catch (const nlohmann::json::exception& e) {
    throw IndexError(std::string("unreadable document data: ") + e.what());
  }
}

}  // namespace newsdex
