// Groups near-duplicate articles (the same story under several sites) by fingerprint,
// so that search can collapse each group into one hit (kSlotDuplicateKey).
//
// A group is a connected component: articles whose fingerprints are near_duplicates() are
// in one group, and so, transitively, are their neighbours. Its key is the smallest
// fingerprint digest of its members, in hex (an article without words has no fingerprint,
// is in no group and keeps duplicate_key_of).
// Both depend only on which articles the index holds, never on the order in which they
// arrived, so an index kept up to date run after run groups its articles as a clean
// build of the same files does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "newsdex/fingerprint.h"

namespace newsdex {

// The added fingerprints that are near_duplicates() of a given one, found without
// comparing every pair: two near duplicates agree on every row of some band, so only
// fingerprints that share a band's bucket are compared (locality-sensitive hashing).
class NeighbourIndex {
 public:
  void add(const Fingerprint& fingerprint, std::size_t id);
  // The ids of the added fingerprints that are near_duplicates() of this one, each once.
  std::vector<std::size_t> near(const Fingerprint& fingerprint) const;

 private:
  // Buckets shared by all bands, chosen by a hash of band and rows: a fixed number, so an
  // index costs little when small; at 100,000 articles a bucket holds some 24 entries.
  static constexpr unsigned kBucketBits = 16;
  static std::uint64_t bucket_hash(const Fingerprint& fingerprint, std::size_t band);
  struct Entry {
    std::uint32_t item;   // in items_
    std::uint32_t check;  // low bits of bucket_hash(): most other bands' rows differ there
  };
  struct Item {
    Fingerprint fingerprint;
    std::size_t id;
  };
  std::vector<Item> items_;
  std::vector<std::vector<Entry>> buckets_;  // allocated by the first add()
};

// The near-duplicate groups of an index during one run. Not thread-safe; the indexer's
// writer thread owns it.
//
// Reading the index does not compare fingerprints: the keys an index holds are its
// groups (when `keys_are_groups`, which the index's metadata tells). A run compares each
// article it writes with all others, and at the end works out again only the groups that
// lost or changed a member; so its cost follows what changed, not the index's size.
class DuplicateClusters {
 public:
  explicit DuplicateClusters(bool keys_are_groups = true) : keys_are_groups_(keys_are_groups) {}

  // An article already in the index, with its fingerprint and the key it holds.
  void add_existing(const std::string& id_term, const Fingerprint& fingerprint, std::string key);
  // A new or changed article (replacing what was known of `id_term`): a first guess at
  // its key, to be written with it; regrouped() has the last word.
  std::string assign(const std::string& id_term, const Fingerprint& fingerprint);
  // An article gone from the index, or left without a fingerprint (no words).
  void remove(const std::string& id_term);

  struct Regrouped {
    std::string id_term;
    std::string key;
  };
  // The articles whose key is not the one of their group as the known articles form
  // them now, with the right key; in id-term order.
  std::vector<Regrouped> regrouped() const;

 private:
  struct Entry {
    Fingerprint fingerprint;
    std::string id_term;
    std::string key;  // as written
    bool alive = true;
    bool existing = false;  // read from the index, not written by this run
  };
  void retire(const std::string& id_term);

  bool keys_are_groups_;
  std::vector<Entry> entries_;  // replaced and removed ones stay, not alive
  std::unordered_map<std::string, std::size_t> by_term_;  // the alive entry of each term
  NeighbourIndex all_;                                    // every entry
  // An entry and the digest of a near-duplicate fingerprint, other than its own, found by
  // assign().
  std::vector<std::pair<std::size_t, std::uint64_t>> links_;
  // Keys of groups read from the index that lost a member or had one changed.
  std::unordered_set<std::string> broken_groups_;
};

}  // namespace newsdex
