#include <nlohmann/json.hpp>

#include "printer.h"

namespace newsdex {
namespace {

nlohmann::json passage_json(const Passage& passage) {
  nlohmann::json highlights = nlohmann::json::array();
  for (const auto& [start, end] : passage.highlights) highlights.push_back({start, end});
  return {{"text", passage.text}, {"highlights", std::move(highlights)}};
}

class JsonPrinter final : public Printer {
 public:
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void print(const SearchRequest&, const SearchResults& results) override {
    for (const Hit& hit : results.hits) {
      const StoredArticle& a = hit.article;
      nlohmann::json passages = nlohmann::json::array();
      for (const Passage& passage : hit.passages) passages.push_back(passage_json(passage));
      nlohmann::json line = {{"rank", hit.rank},       {"id", a.id},
                             {"path", a.path},         {"title", a.title},
                             {"section", a.section},   {"score", hit.score},
                             {"percent", hit.percent}, {"passages", std::move(passages)}};
      out_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out) {
  return std::make_unique<JsonPrinter>(out);
}

}  // namespace newsdex
