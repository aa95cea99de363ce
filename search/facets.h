// Facets: the people, places, organisations and topics of all articles matching a query,
// with document counts. Local databases count from each article's facet pack; with
// remote shards only Xapian's stock ValueCountMatchSpy over the facet value slots
// works (a stock xapian-tcpsrv runs it: each shard counts its own matches and Enquire
// merges the spies' results).
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "newsdex/corpus_aliases.h"
#include "newsdex/schema.h"
#include "packed_facet_spy.h"

namespace newsdex {

// "No limit" for the `limit` parameters below.
inline constexpr std::size_t kAllFacetValues = std::numeric_limits<std::size_t>::max();

// One value of a facet and the number of matching articles that have it.
struct FacetValue {
  std::string name;  // canonical name, UTF-8
  Xapian::doccount count = 0;

  bool operator==(const FacetValue&) const = default;
};

// The most frequent values of one facet among a set of matches.
struct FacetCounts {
  Facet facet;                     // points into the static schema table
  std::vector<FacetValue> values;  // count descending, then name ascending (bytes)
};

// The facet whose name is `name` ("people", "places", "organizations", "topics").
// Throws std::out_of_range for any other name.
const Facet& facet_by_name(std::string_view name);

// Puts values in display order: count descending, then name ascending (byte order), so
// that equal counts come out the same way on every run and every shard layout.
void sort_facet_values(std::vector<FacetValue>& values);

// Where facet counts come from. Both give the same counts.
enum class FacetSource {
  kValueSlots,  // Xapian's stock ValueCountMatchSpy per facet slot: remote shards too
  kFacetPack,   // newsdex's PackedFacetSpy over the facet pack: local databases, ~10x cheaper
};

// The cheapest source that can count `db`: the facet pack when no shard is remote and
// every article has one (indexes written before the pack existed have none).
FacetSource facet_source_for(const Xapian::Database& db, bool has_remote_shards);

// Counts facet values during one Enquire::get_mset (search facets and the entity
// browser alike, so their counts agree). From the value slots: one ValueCountMatchSpy
// per slot of each facet, summed per facet (the document builder puts a name in at most
// one slot of an article, so the sum counts documents). From the pack: one
// PackedFacetSpy for all facets. Not copyable: Enquire keeps pointers to the spies, so
// this object must outlive every get_mset of the Enquire it is attached to.
class FacetCounter {
 public:
  explicit FacetCounter(FacetSource source, std::span<const Facet> facets = schema_facets());
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // Counts every name the index resolves to another (newsdex/corpus_aliases.h) as that
  // one. Call before attach(). With the facet pack each article counts once per name;
  // with value slots (remote shards) an article that holds both forms of a name, as
  // separate names, counts twice: within one article the extractor already makes them
  // one name, so only an article naming two people of one surname can.
  void resolve_aliases(CorpusAliases aliases);

  // Registers the spies. They only see the documents the match looks at: call get_mset
  // with check_at_least = check_all(db) to count every match.
  void attach(Xapian::Enquire& enquire);

  // After get_mset: per facet (in the order given to the constructor), at most `limit`
  // values in display order.
  std::vector<FacetCounts> counts(std::size_t limit) const;

  // After get_mset: the documents the spies saw (every match, with check_all).
  Xapian::doccount documents_seen() const;

 private:
  std::vector<FacetValue> slot_counts(std::size_t position) const;

  std::vector<Facet> facets_;
  // kValueSlots: per facet, one spy per slot.
  std::vector<std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>> slot_spies_;
  // kFacetPack: one spy for all facets.
  std::unique_ptr<PackedFacetSpy> pack_spy_;
  CorpusAliases aliases_;
};

// The check_at_least that makes Xapian's match visit every matching document of `db`
// (so match spies see them all and the match count is exact).
Xapian::doccount check_all(const Xapian::Database& db);

// The query text that narrows the results of `query_text` to the articles with `value`
// in `facet`, such as `ceasefire person:"Antony Blinken"`. A query with boolean
// operators is put in parentheses first: Xapian's QueryParser would bind the added
// filter to the last operand only ("a OR b person:x" is "a OR (b AND person:x)").
std::string narrowed_query(std::string_view query_text, const Facet& facet, std::string_view value);

}  // namespace newsdex
