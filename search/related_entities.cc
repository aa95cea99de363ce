#include "related_entities.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "newsdex/name_fold.h"
#include "newsdex/text_analyzer.h"

namespace newsdex {
namespace {

// The words of `text` in name_key() form.
std::vector<std::string> folded_words(std::string_view text) {
  std::string folded = name_key(text);
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && !is_loose_word_byte(static_cast<unsigned char>(folded[i]))) ++i;
    std::size_t start = i;
    while (i < folded.size() && is_loose_word_byte(static_cast<unsigned char>(folded[i]))) ++i;
    if (i > start) words.push_back(folded.substr(start, i - start));
  }
  return words;
}

bool is_related_source(FieldSource source) {
  return source == FieldSource::kPeople || source == FieldSource::kPlaces ||
         source == FieldSource::kOrganizations;
}

bool names_in(const std::vector<std::string>& query_words, std::string_view name) {
  std::vector<std::string> name_words = folded_words(name);
  // A whole name found in the query has all its words there too, so this one test covers
  // both; a name without any word is never named.
  return !name_words.empty() &&
         std::all_of(name_words.begin(), name_words.end(), [&](const std::string& word) {
           return std::find(query_words.begin(), query_words.end(), word) != query_words.end();
         });
}

}  // namespace

bool query_names(std::string_view query_text, std::string_view name) {
  return names_in(folded_words(query_text), name);
}

std::vector<FacetCounts> related_entities(const std::vector<FacetCounts>& facets,
                                          std::string_view query_text, std::size_t limit) {
  std::vector<std::string> query_words = folded_words(query_text);
  std::vector<FacetCounts> related;
  for (const FacetCounts& counts : facets) {
    if (!is_related_source(counts.facet.source)) continue;
    FacetCounts& kept = related.emplace_back(FacetCounts{counts.facet, {}});
    for (const FacetValue& value : counts.values) {
      if (kept.values.size() >= limit) break;
      if (!names_in(query_words, value.name)) kept.values.push_back(value);
    }
  }
  return related;
}

void print_related(std::ostream& out, const std::vector<FacetCounts>& related, bool color) {
  std::string_view bold_on = color ? "\x1b[1m" : "";
  std::string_view dim_on = color ? "\x1b[2m" : "";
  std::string_view off = color ? "\x1b[0m" : "";
  bool any = false;
  for (const FacetCounts& counts : related) {
    if (counts.values.empty()) continue;
    any = true;
    out << bold_on << "Related " << counts.facet.name << ":" << off;
    for (std::size_t i = 0; i < counts.values.size(); ++i) {
      const FacetValue& value = counts.values[i];
      out << (i > 0 ? ", " : " ") << printable_on_terminal(value.name) << " " << dim_on << "("
          << value.count << ")" << off;
    }
    out << "\n";
  }
  if (!any) out << "No related people, places or organizations\n";
}

std::string related_json_line(const std::vector<FacetCounts>& related) {
  nlohmann::ordered_json by_facet = nlohmann::ordered_json::object();
  for (const FacetCounts& counts : related) {
    nlohmann::ordered_json values = nlohmann::ordered_json::array();
    for (const FacetValue& value : counts.values) {
      values.push_back({{"name", value.name}, {"count", value.count}});
    }
    by_facet[std::string(counts.facet.name)] = std::move(values);
  }
  nlohmann::ordered_json line = {{"type", "related"}, {"related", std::move(by_facet)}};
  // Names come from article text; replace bytes that are not UTF-8 rather than throw.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace newsdex
