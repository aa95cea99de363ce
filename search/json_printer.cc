#include <nlohmann/json.hpp>

#include "facets.h"
#include "hit_record.h"
#include "newsdex/schema.h"
#include "printer.h"

namespace newsdex {
namespace {

nlohmann::ordered_json value_json(const FacetValue& value) {
  return {{"name", value.name}, {"count", value.count}};
}

// Names come from article text; replace bytes that are not UTF-8 rather than throw.
template <typename Json>
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class JsonPrinter final : public Printer {
 public:
  JsonPrinter(std::ostream& out, std::vector<std::string> fields)
      : out_(out), fields_(std::move(fields)) {}

  void print(const SearchRequest& request, const SearchResults& results) override {
    for (const Hit& hit : results.hits) {
      const nlohmann::json record = hit_record(hit);
      out_ << (fields_.empty() ? dump(record) : dump(select_fields(record, fields_))) << "\n";
    }
    // Asked for, facets are a record even when nothing matches: their lists are empty.
    if (request.facets) print_facets(results.facets);
  }

  void print_article(const StoredArticle& a) override {
    nlohmann::json line = article_record("article", a, display_path(a));
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
  std::vector<std::string> fields_;  // empty: every field, keys sorted
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out, std::vector<std::string> fields) {
  return std::make_unique<JsonPrinter>(out, std::move(fields));
}

}  // namespace newsdex
