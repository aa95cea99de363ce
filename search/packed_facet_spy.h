// Counts facet values from the facet pack (kSlotFacetPack, newsdex/facet_pack.h): one
// value read per match where Xapian's stock ValueCountMatchSpy needs one per facet slot
// (48), which made searches with facets several times slower than without. It is not a
// stock spy, so a stock xapian-tcpsrv cannot run it: FacetCounter uses it for local
// databases only.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct FacetValue;
class CorpusAliases;

class PackedFacetSpy : public Xapian::MatchSpy {
 public:
  // Counts the facets whose indexes in schema_facets() are `facet_indexes`.
  explicit PackedFacetSpy(const std::vector<unsigned>& facet_indexes);
  // Counts each name the index resolves to another (newsdex/corpus_aliases.h) as that
  // one, once per article however many of its names resolve to it. `aliases` must
  // outlive the spy.
  void resolve_aliases(const CorpusAliases* aliases);

  void operator()(const Xapian::Document& doc, double weight) override;

  // The values counted of the facet given at `position` in the constructor's list, in
  // no particular order.
  std::vector<FacetValue> values(std::size_t position) const;
  // Documents seen.
  Xapian::doccount total() const { return total_; }

 private:
  struct Counted {
    std::uint32_t hash;
    unsigned position;
    std::string name;
    Xapian::doccount count;
  };
  void count(unsigned position, std::uint32_t hash, std::string_view name);
  void count_resolved(const std::string& pack);
  void grow();

  // facet index in schema_facets() -> position in the constructor's list, or -1.
  std::vector<int> position_of_facet_;
  std::vector<Counted> counted_;
  // Open addressing over counted_: index + 1, 0 for a free slot. A power of two long,
  // at most half full. Names come with their hash from the pack, so a lookup is a probe
  // and one comparison.
  std::vector<std::uint32_t> table_;
  Xapian::doccount total_ = 0;
  const CorpusAliases* aliases_ = nullptr;
  // facet_name_hash() of every alias: an article none of whose names is one (nearly
  // all) is counted on the fast path, without resolving names.
  std::unordered_set<std::uint32_t> alias_hashes_;
};

}  // namespace newsdex
