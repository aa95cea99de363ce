#include "packed_facet_spy.h"

#include "newsdex/facet_pack.h"
#include "newsdex/schema.h"

namespace newsdex {

PackedFacetSpy::PackedFacetSpy(const std::vector<unsigned>& facet_indexes)
    : position_of_facet_(schema_facets().size(), -1), counts_(facet_indexes.size()) {
  for (std::size_t position = 0; position < facet_indexes.size(); ++position) {
    position_of_facet_.at(facet_indexes[position]) = static_cast<int>(position);
  }
}

void PackedFacetSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  ++total_;
  const std::string pack = doc.get_value(kSlotFacetPack);
  for_each_packed_facet_value(pack, [&](unsigned facet_index, std::string_view name) {
    if (facet_index >= position_of_facet_.size()) return;
    int position = position_of_facet_[facet_index];
    if (position < 0) return;
    Counts& counts = counts_[static_cast<std::size_t>(position)];
    // Look up by view first: most names were seen before, and need no copy.
    if (auto it = counts.find(name); it != counts.end()) {
      ++it->second;
    } else {
      counts.emplace(std::string(name), 1);
    }
  });
}

}  // namespace newsdex
