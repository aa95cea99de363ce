#include <string_view>

#include "printer.h"

namespace newsdex {
namespace {

// Where in its file an article of a JSON dump is (":12" for line 12): the part of the
// article id after the file id, which is the tail of the path.
std::string_view entry_suffix(const StoredArticle& a) {
  std::string_view id = a.id;
  for (std::size_t k = id.size(); k > 0; --k) {
    if (std::string_view(a.path).ends_with(id.substr(0, k))) return id.substr(k);
  }
  return {};
}

class PathsPrinter final : public Printer {
 public:
  PathsPrinter(std::ostream& out, char terminator) : out_(out), terminator_(terminator) {}

  void print(const SearchRequest&, const SearchResults& results) override {
    for (const Hit& hit : results.hits) out_ << display_path(hit.article) << terminator_;
  }

  void print_article(const StoredArticle& article) override {
    out_ << display_path(article) << terminator_;
  }

  void print_list(const ListRequest&, const ListResults& results) override {
    for (const FacetValue& value : results.counts.values) out_ << value.name << terminator_;
  }

 private:
  std::ostream& out_;
  char terminator_;
};

}  // namespace

std::string display_path(const StoredArticle& article) {
  return article.path + std::string(entry_suffix(article));
}

std::unique_ptr<Printer> make_paths_printer(std::ostream& out, char terminator) {
  return std::make_unique<PathsPrinter>(out, terminator);
}

}  // namespace newsdex
