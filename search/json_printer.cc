#include <nlohmann/json.hpp>

#include "facets.h"
#include "newsdex/schema.h"
#include "printer.h"

namespace newsdex {
namespace {

nlohmann::json passage_json(const Passage& passage) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [start, end] : passage.highlights) highlights.push_back({start, end});
  return {{"text", passage.text},
          {"start", passage.start},
          {"highlights", std::move(highlights)},
          {"cut_start", passage.cut_start},
          {"cut_end", passage.cut_end}};
}

nlohmann::ordered_json value_json(const FacetValue& value) {
  return {{"name", value.name}, {"count", value.count}};
}

nlohmann::json nullable(const std::optional<std::string>& text) {
  return text ? nlohmann::json(*text) : nlohmann::json(nullptr);
}

// Names come from article text; replace bytes that are not UTF-8 rather than throw.
template <typename Json>
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What a hit and a shown article both say of an article (keys are sorted when dumped).
nlohmann::json article_json(const char* type, const StoredArticle& a, const std::string& path) {
  const JsonDate date = json_date(a);
  nlohmann::json json = {{"type", type},
                         {"id", a.id},
                         {"path", path},
                         {"title", a.title},
                         {"section", a.section},
                         {"date", nullable(date.date)},
                         {"date_time", nullable(date.date_time)},
                         {"date_source", nullable(date.date_source)},
                         {"source", a.source},
                         {"author", a.author},
                         {"url", a.url}};
  for (const Facet& facet : schema_facets()) {
    json[std::string(facet.name)] = *a.entities.list_for(facet.source);
  }
  return json;
}

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void print(const SearchRequest& request, const SearchResults& results) override {
    for (const Hit& hit : results.hits) {
      nlohmann::json passages = nlohmann::json::array();
      for (const Passage& passage : hit.passages) passages.push_back(passage_json(passage));
      nlohmann::json line = article_json("hit", hit.article, hit.article.path);
      line["rank"] = hit.rank;
      line["score"] = hit.score;
      line["percent"] = hit.percent;
      line["similar"] = hit.similar;
      line["passages"] = std::move(passages);
      out_ << dump(line) << "\n";
    }
    if (request.facets && results.matches > 0) print_facets(results.facets);
  }

  void print_article(const StoredArticle& a) override {
    nlohmann::json line = article_json("article", a, display_path(a));
    line["text"] = a.body;
    out_ << dump(line) << "\n";
  }

  void print_list(const ListRequest& request, const ListResults& results) override {
    for (const FacetValue& value : results.counts.values) {
      nlohmann::ordered_json line = {{"type", "value"}, {"facet", request.facet}};
      line.update(value_json(value));
      out_ << dump(line) << "\n";
    }
  }

 private:
  // Keys in schema order (people, places, organizations, topics), as documented.
  void print_facets(const std::vector<FacetCounts>& facets) {
    nlohmann::ordered_json by_facet = nlohmann::ordered_json::object();
    for (const FacetCounts& counts : facets) {
      nlohmann::ordered_json values = nlohmann::ordered_json::array();
      for (const FacetValue& value : counts.values) values.push_back(value_json(value));
      by_facet[std::string(counts.facet.name)] = std::move(values);
    }
    nlohmann::ordered_json line = {{"type", "facets"}, {"facets", std::move(by_facet)}};
    out_ << dump(line) << "\n";
  }

  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace newsdex
