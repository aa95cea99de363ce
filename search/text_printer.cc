#include <string_view>
#include <vector>

#include "facets.h"
#include "newsdex/text_decoding.h"
#include "printer.h"

namespace newsdex {
namespace {

struct Style {
  std::string_view highlight_on, highlight_off, title_on, title_off, dim_on, dim_off;
};
constexpr Style kAnsiStyle{"\x1b[1;33m", "\x1b[0m", "\x1b[1m", "\x1b[0m", "\x1b[2m", "\x1b[0m"};
constexpr Style kPlainStyle{"[", "]", "", "", "", ""};
constexpr std::string_view kIndent = "   ";
// Where in its file an article of a JSON dump is (":12" for line 12): the part of the
// article id after the file id, which is the tail of the path.
std::string_view entry_suffix(const StoredArticle& a) {
  std::string_view id = a.id;
  for (std::size_t k = id.size(); k > 0; --k) {
    if (std::string_view(a.path).ends_with(id.substr(0, k))) return id.substr(k);
  }
  return {};
}

// Names of a hit's people and places shown under its title; the rest are in --json.
constexpr std::size_t kEntitiesPerHit = 3;
constexpr std::string_view kListSeparator = " \xC2\xB7 ";  // " · "

// "people: A, B, C, …" with the first kEntitiesPerHit names; "" when there are none.
std::string entity_summary(std::string_view label, const std::vector<std::string>& names) {
  if (names.empty()) return {};
  std::string text(label);
  text += ": ";
  for (std::size_t i = 0; i < names.size() && i < kEntitiesPerHit; ++i) {
    if (i > 0) text += ", ";
    text += names[i];
  }
  if (names.size() > kEntitiesPerHit) text += ", \xE2\x80\xA6";  // …
  return text;
}

std::string render_passage(const Passage& passage, const Style& style) {
  std::string out;
  std::size_t done = 0;
  for (const auto& [start, end] : passage.highlights) {
    std::size_t from = byte_offset_of_code_point(passage.text, start);
    std::size_t to = byte_offset_of_code_point(passage.text, end);
    out.append(passage.text, done, from - done);
    out += style.highlight_on;
    out.append(passage.text, from, to - from);
    out += style.highlight_off;
    done = to;
  }
  out.append(passage.text, done);
  return out;
}

std::string describe_count(const SearchResults& results) {
  if (results.matches_lower_bound == results.matches_upper_bound) {
    std::size_t n = results.matches_estimated;
    return std::to_string(n) + (n == 1 ? " article matches" : " articles match");
  }
  std::size_t n = results.matches_estimated;
  return "about " + std::to_string(n) + (n == 1 ? " article matches" : " articles match");
}

// A value worth suggesting as a filter: the first (people first, most frequent first)
// that fewer than all matches have, so that adding it really narrows; nullptr if none.
const FacetValue* narrowing_value(const SearchResults& results, const Facet** facet) {
  for (const FacetCounts& counts : results.facets) {
    for (const FacetValue& value : counts.values) {
      if (value.count < results.matches_upper_bound) {
        *facet = &counts.facet;
        return &value;
      }
    }
  }
  return nullptr;
}

class TextPrinter final : public Printer {
 public:
  TextPrinter(std::ostream& out, bool color)
      : out_(out), style_(color ? kAnsiStyle : kPlainStyle) {}

  void print(const SearchRequest& request, const SearchResults& results) override {
    if (results.hits.empty()) {
      out_ << (results.matches_estimated == 0 ? "No articles match: " : "No more articles for: ")
           << request.query << "\n";
      return;
    }
    out_ << style_.dim_on << describe_count(results) << "; showing " << results.hits.front().rank
         << "-" << results.hits.back().rank << style_.dim_off << "\n";
    for (const Hit& hit : results.hits) print_hit(hit);
    if (request.facets) print_facets(request, results);
  }

  void print_list(const ListRequest& request, const ListResults& results) override {
    const std::vector<FacetValue>& values = results.counts.values;
    if (values.empty()) {
      bool whole_index = request.query.find_first_not_of(" \t\n") == std::string::npos;
      if (whole_index) {
        out_ << "No " << results.counts.facet.name << " in the index\n";
      } else if (results.matches == 0) {
        out_ << "No articles match: " << request.query << "\n";
      } else {
        out_ << "No " << results.counts.facet.name << " in the articles matching: " << request.query
             << "\n";
      }
      return;
    }
    // Counts right-aligned: values come most frequent first.
    std::size_t width = std::to_string(values.front().count).size();
    for (const FacetValue& value : values) {
      std::string count = std::to_string(value.count);
      out_ << "  " << std::string(width - count.size(), ' ') << count << "  " << value.name << "\n";
    }
  }

 private:
  void print_hit(const Hit& hit) {
    const StoredArticle& a = hit.article;
    out_ << "\n" << hit.rank << ". " << style_.title_on << a.title << style_.title_off;
    if (!a.section.empty()) out_ << "  (" << a.section << ")";
    out_ << "\n" << kIndent << style_.dim_on << a.date.substr(0, 10);
    // The top folder stands in for an unknown source; it is often the section too.
    if (!a.source.empty() && a.source != a.section) out_ << "  " << a.source;
    out_ << "  " << a.path << entry_suffix(a) << "  " << hit.percent << "%";
    if (hit.similar > 0) out_ << "  +" << hit.similar << " similar";
    out_ << style_.dim_off << "\n";
    std::string people = entity_summary("people", a.entities.people);
    std::string places = entity_summary("places", a.entities.places);
    if (!people.empty() || !places.empty()) {
      std::string_view separator = people.empty() || places.empty() ? "" : kListSeparator;
      out_ << kIndent << style_.dim_on << people << separator << places << style_.dim_off << "\n";
    }
    for (const Passage& passage : hit.passages) {
      if (!passage.text.empty()) out_ << kIndent << render_passage(passage, style_) << "\n";
    }
  }

  void print_facets(const SearchRequest& request, const SearchResults& results) {
    out_ << "\n" << style_.title_on << "Facets" << style_.title_off << "\n";
    bool any = false;
    for (const FacetCounts& counts : results.facets) {
      if (counts.values.empty()) continue;
      any = true;
      out_ << kIndent << counts.facet.name << ": ";
      for (std::size_t i = 0; i < counts.values.size(); ++i) {
        const FacetValue& value = counts.values[i];
        out_ << (i > 0 ? ", " : "") << value.name << " (" << value.count << ")";
      }
      out_ << "\n";
    }
    if (!any) {
      out_ << kIndent << "no people, places, organizations or topics in the matching articles\n";
      return;
    }
    const Facet* facet = nullptr;
    if (const FacetValue* value = narrowing_value(results, &facet)) {
      out_ << kIndent << style_.dim_on
           << "narrow with: " << narrowed_query(request.query, *facet, value->name)
           << style_.dim_off << "\n";
    }
  }

  std::ostream& out_;
  Style style_;
};

}  // namespace

bool should_color(ColorMode mode, bool output_is_terminal, const char* no_color_env) {
  switch (mode) {
    case ColorMode::kAlways:
      return true;
    case ColorMode::kNever:
      return false;
    case ColorMode::kAuto:
      return output_is_terminal && (no_color_env == nullptr || *no_color_env == '\0');
  }
  return false;
}

std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color) {
  return std::make_unique<TextPrinter>(out, color);
}

}  // namespace newsdex
