#include "packed_facet_spy.h"

#include "facets.h"

#include <algorithm>
#include <span>
#include <utility>

#include "newsdex/corpus_aliases.h"
#include "newsdex/facet_pack.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

constexpr std::size_t kInitialTableSize = 1024;

// The table slot to start probing at: the name's hash mixed with its facet, as the
// same name can be a person and an organisation.
std::size_t home(std::uint32_t hash, unsigned position, std::size_t table_size) {
  return (hash ^ (position * 0x9E3779B9u)) & (table_size - 1);
}

}  // namespace

PackedFacetSpy::PackedFacetSpy(const std::vector<unsigned>& facet_indexes)
    : position_of_facet_(schema_facets().size(), -1), table_(kInitialTableSize, 0) {
  for (std::size_t position = 0; position < facet_indexes.size(); ++position) {
    position_of_facet_.at(facet_indexes[position]) = static_cast<int>(position);
  }
}

void PackedFacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++total_;
  const std::string pack = doc.get_value(kSlotFacetPack);
  if (!alias_hashes_.empty()) {
    bool holds_alias = false;
    for_each_packed_facet_value(pack, [&](const PackedFacetValue& value) {
      holds_alias = holds_alias || alias_hashes_.contains(value.hash);
    });
    if (holds_alias) {
      count_resolved(pack);
      return;
    }
  }
  for_each_packed_facet_value(pack, [&](const PackedFacetValue& value) {
    if (value.facet_index >= position_of_facet_.size()) return;
    int position = position_of_facet_[value.facet_index];
    if (position >= 0) count(static_cast<unsigned>(position), value.hash, value.name);
  });
}

void PackedFacetSpy::resolve_aliases(const CorpusAliases* aliases) {
  aliases_ = aliases;
  alias_hashes_.clear();
  if (aliases_ == nullptr) return;
  for (const CorpusAliases::Entry& entry : aliases_->entries()) {
    alias_hashes_.insert(facet_name_hash(entry.alias));
  }
}

void PackedFacetSpy::count_resolved(const std::string& pack) {
  std::span<const Facet> facets = schema_facets();
  std::vector<std::pair<unsigned, std::string>> names;  // this article's, resolved
  for_each_packed_facet_value(pack, [&](const PackedFacetValue& value) {
    if (value.facet_index >= position_of_facet_.size()) return;
    int position = position_of_facet_[value.facet_index];
    if (position < 0) return;
    std::pair<unsigned, std::string> name{
        static_cast<unsigned>(position),
        aliases_->canonical(facets[value.facet_index].source, std::string(value.name))};
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  });
  for (const auto& [position, name] : names) count(position, facet_name_hash(name), name);
}

void PackedFacetSpy::count(unsigned position, std::uint32_t hash, std::string_view name) {
  std::size_t mask = table_.size() - 1;
  for (std::size_t slot = home(hash, position, table_.size());; slot = (slot + 1) & mask) {
    std::uint32_t entry = table_[slot];
    if (entry == 0) {
      counted_.push_back(Counted{hash, position, std::string(name), 1});
      table_[slot] = static_cast<std::uint32_t>(counted_.size());
      if (2 * counted_.size() > table_.size()) grow();
      return;
    }
    Counted& counted = counted_[entry - 1];
    if (counted.hash == hash && counted.position == position && counted.name == name) {
      ++counted.count;
      return;
    }
  }
}

void PackedFacetSpy::grow() {
  table_.assign(2 * table_.size(), 0);
  std::size_t mask = table_.size() - 1;
  for (std::size_t i = 0; i < counted_.size(); ++i) {
    std::size_t slot = home(counted_[i].hash, counted_[i].position, table_.size());
    while (table_[slot] != 0) slot = (slot + 1) & mask;
    table_[slot] = static_cast<std::uint32_t>(i + 1);
  }
}

std::vector<FacetValue> PackedFacetSpy::values(std::size_t position) const {
  std::vector<FacetValue> values;
  for (const Counted& counted : counted_) {
    if (counted.position == position) values.push_back(FacetValue{counted.name, counted.count});
  }
  return values;
}

}  // namespace newsdex
