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

bool in_display_order(const FacetValue& a, const FacetValue& b) {
  if (a.count != b.count) return a.count > b.count;
  return a.name < b.name;
}

}  // namespace

const Facet& facet_by_name(std::string_view name) {
  for (const Facet& facet : schema_facets()) {
    if (facet.name == name) return facet;
  }
  throw std::out_of_range("no facet named '" + std::string(name) + "'");
}

void sort_facet_values(std::vector<FacetValue>& values) {
  std::sort(values.begin(), values.end(), in_display_order);
}

FacetSource facet_source_for(const Xapian::Database& db, bool has_remote_shards) {
  if (has_remote_shards) return FacetSource::kValueSlots;
  // Every article written since the pack exists has one, even without facet values.
  return db.get_value_freq(kSlotFacetPack) == db.get_doccount() ? FacetSource::kFacetPack
                                                                : FacetSource::kValueSlots;
}

FacetCounter::FacetCounter(FacetSource source, std::span<const Facet> facets)
    : facets_(facets.begin(), facets.end()) {
  if (source == FacetSource::kFacetPack) {
    std::vector<unsigned> indexes;
    std::span<const Facet> all = schema_facets();
    for (const Facet& facet : facets_) {
      auto it = std::find_if(all.begin(), all.end(),
                             [&](const Facet& known) { return known.name == facet.name; });
      indexes.push_back(static_cast<unsigned>(it - all.begin()));
    }
    pack_spy_ = std::make_unique<PackedFacetSpy>(indexes);
    return;
  }
  for (const Facet& facet : facets_) {
    auto& spies = slot_spies_.emplace_back();
    for (Xapian::valueno i = 0; i < kFacetSlots; ++i) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet.first_slot + i));
    }
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (pack_spy_) enquire.add_matchspy(pack_spy_.get());
  for (auto& spies : slot_spies_) {
    for (auto& spy : spies) enquire.add_matchspy(spy.get());
  }
}

void FacetCounter::resolve_aliases(CorpusAliases aliases) {
  aliases_ = std::move(aliases);
  if (pack_spy_) pack_spy_->resolve_aliases(&aliases_);
}

std::vector<FacetValue> FacetCounter::slot_counts(std::size_t position) const {
  std::map<std::string, Xapian::doccount> sums;
  for (const auto& spy : slot_spies_[position]) {
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
      sums[aliases_.canonical(facets_[position].source, *it)] += it.get_termfreq();
    }
  }
  std::vector<FacetValue> values;
  values.reserve(sums.size());
  for (auto& [name, count] : sums) values.push_back(FacetValue{name, count});
  return values;
}

std::vector<FacetCounts> FacetCounter::counts(std::size_t limit) const {
  std::vector<FacetCounts> all;
  for (std::size_t position = 0; position < facets_.size(); ++position) {
    FacetCounts counts{facets_[position], {}};
    if (pack_spy_) {
      counts.values = pack_spy_->values(position);
    } else {
      counts.values = slot_counts(position);
    }
    // Only the first `limit` need ordering: a common word matches thousands of names.
    if (counts.values.size() > limit) {
      std::partial_sort(counts.values.begin(), counts.values.begin() + limit, counts.values.end(),
                        in_display_order);
      counts.values.resize(limit);
    } else {
      sort_facet_values(counts.values);
    }
    all.push_back(std::move(counts));
  }
  return all;
}

Xapian::doccount FacetCounter::documents_seen() const {
  if (pack_spy_) return pack_spy_->total();
  if (slot_spies_.empty() || slot_spies_.front().empty()) return 0;
  return slot_spies_.front().front()->get_total();
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
