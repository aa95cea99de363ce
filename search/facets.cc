#include "facets.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace newsdex {
namespace {

// Whether Xapian's QueryParser would read `word` as an operator (with FLAG_BOOLEAN; NEAR
// and ADJ also take a distance: NEAR/3).
bool is_operator(std::string_view word) {
  while (word.starts_with('(')) word.remove_prefix(1);
  while (word.ends_with(')')) word.remove_suffix(1);
  if (word == "AND" || word == "OR" || word == "NOT" || word == "XOR") return true;
  for (std::string_view op : {"NEAR", "ADJ"}) {
    if (word == op || (word.starts_with(op) && word.substr(op.size()).starts_with('/'))) {
      return true;
    }
  }
  return false;
}

bool has_operator(std::string_view query_text) {
  std::size_t pos = 0;
  while (pos < query_text.size()) {
    std::size_t end = query_text.find_first_of(" \t\n", pos);
    if (end == std::string_view::npos) end = query_text.size();
    if (is_operator(query_text.substr(pos, end - pos))) return true;
    pos = end + 1;
  }
  return false;
}

}  // namespace

const Facet& facet_by_name(std::string_view name) {
  for (const Facet& facet : schema_facets()) {
    if (facet.name == name) return facet;
  }
  throw std::out_of_range("no facet named '" + std::string(name) + "'");
}

void sort_facet_values(std::vector<FacetValue>& values) {
  std::sort(values.begin(), values.end(), [](const FacetValue& a, const FacetValue& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.name < b.name;
  });
}

FacetCounter::FacetCounter(std::span<const Facet> facets) {
  for (const Facet& facet : facets) {
    FacetSpies& entry = facets_.emplace_back(FacetSpies{facet, {}});
    for (Xapian::valueno i = 0; i < kFacetSlots; ++i) {
      entry.spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet.first_slot + i));
    }
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (FacetSpies& entry : facets_) {
    for (auto& spy : entry.spies) enquire.add_matchspy(spy.get());
  }
}

std::vector<FacetCounts> FacetCounter::counts(std::size_t limit) const {
  std::vector<FacetCounts> all;
  for (const FacetSpies& entry : facets_) {
    std::map<std::string, Xapian::doccount> sums;
    for (const auto& spy : entry.spies) {
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
        sums[*it] += it.get_termfreq();
      }
    }
    FacetCounts counts{entry.facet, {}};
    counts.values.reserve(sums.size());
    for (auto& [name, count] : sums) counts.values.push_back(FacetValue{name, count});
    sort_facet_values(counts.values);
    if (counts.values.size() > limit) counts.values.resize(limit);
    all.push_back(std::move(counts));
  }
  return all;
}

Xapian::doccount FacetCounter::documents_seen() const {
  if (facets_.empty() || facets_.front().spies.empty()) return 0;
  return facets_.front().spies.front()->get_total();
}

Xapian::doccount check_all(const Xapian::Database& db) { return db.get_doccount(); }

std::string narrowed_query(std::string_view query_text, const Facet& facet,
                           std::string_view value) {
  std::string text;
  if (query_text.find_first_not_of(" \t\n") != std::string_view::npos) {
    bool wrap = has_operator(query_text);
    if (wrap) text += '(';
    text += query_text;
    if (wrap) text += ')';
    text += ' ';
  }
  text += facet.query_field;
  text += ":\"";
  // A phrase cannot contain a quote; inside one, punctuation only separates words.
  for (char c : value) text += c == '"' ? ' ' : c;
  text += '"';
  return text;
}

}  // namespace newsdex
