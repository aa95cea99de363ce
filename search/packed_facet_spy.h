// Counts facet values from the facet pack (kSlotFacetPack, newsdex/facet_pack.h): one
// value read per match where Xapian's stock ValueCountMatchSpy needs one per facet slot
// (48), which made searches with facets several times slower than without. It is not a
// stock spy, so a stock xapian-tcpsrv cannot run it: FacetCounter uses it for local
// databases only.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace newsdex {

class PackedFacetSpy : public Xapian::MatchSpy {
 public:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Counts = std::unordered_map<std::string, Xapian::doccount, Hash, std::equal_to<>>;

  // Counts the facets whose indexes in schema_facets() are `facet_indexes`.
  explicit PackedFacetSpy(const std::vector<unsigned>& facet_indexes);

  void operator()(const Xapian::Document& doc, double weight) override;

  // The counts of the facet given at `position` in the constructor's list.
  const Counts& counts(std::size_t position) const { return counts_[position]; }
  // Documents seen.
  Xapian::doccount total() const { return total_; }

 private:
  // facet index in schema_facets() -> position in counts_, or -1 when not counted.
  std::vector<int> position_of_facet_;
  std::vector<Counts> counts_;
  Xapian::doccount total_ = 0;
};

}  // namespace newsdex
