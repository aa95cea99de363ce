#include "duplicate_clusters.h"

#include <algorithm>
#include <numeric>

#include "newsdex/hashing.h"

namespace newsdex {

std::uint64_t NeighbourIndex::bucket_hash(const Fingerprint& fingerprint, std::size_t band) {
  // splitmix64's finaliser over the rows, with the band folded in.
  std::uint64_t h = band_key(fingerprint, band) ^ (0x9e3779b97f4a7c15ULL * (band + 1));
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

void NeighbourIndex::add(const Fingerprint& fingerprint, std::size_t id) {
  if (buckets_.empty()) buckets_.resize(std::size_t{1} << kBucketBits);
  const auto item = static_cast<std::uint32_t>(items_.size());
  items_.push_back({fingerprint, id});
  for (std::size_t band = 0; band < kBands; ++band) {
    const std::uint64_t h = bucket_hash(fingerprint, band);
    buckets_[h >> (64 - kBucketBits)].push_back({item, static_cast<std::uint32_t>(h)});
  }
}

std::vector<std::size_t> NeighbourIndex::near(const Fingerprint& fingerprint) const {
  std::vector<std::size_t> ids;
  if (buckets_.empty() || fingerprint.empty()) return ids;
  std::vector<std::uint32_t> candidates;
  for (std::size_t band = 0; band < kBands; ++band) {
    const std::uint64_t h = bucket_hash(fingerprint, band);
    for (const Entry& entry : buckets_[h >> (64 - kBucketBits)]) {
      if (entry.check == static_cast<std::uint32_t>(h)) candidates.push_back(entry.item);
    }
  }
  // A fingerprint sharing several bands with this one is met once per band.
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t item : candidates) {
    if (near_duplicates(fingerprint, items_[item].fingerprint)) ids.push_back(items_[item].id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

namespace {

// Union-find over entry ids, with path halving.
class Components {
 public:
  explicit Components(std::size_t size) : parent_(size) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
  }
  std::size_t root_of(std::size_t id) {
    while (parent_[id] != id) {
      parent_[id] = parent_[parent_[id]];
      id = parent_[id];
    }
    return id;
  }
  void unite(std::size_t a, std::size_t b) { parent_[root_of(a)] = root_of(b); }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

void DuplicateClusters::add_existing(const std::string& id_term, const Fingerprint& fingerprint,
                                     std::string key) {
  retire(id_term);
  const std::size_t id = entries_.size();
  entries_.push_back({fingerprint, id_term, std::move(key)});
  entries_.back().existing = true;
  by_term_[id_term] = id;
  all_.add(fingerprint, id);
}

std::string DuplicateClusters::assign(const std::string& id_term, const Fingerprint& fingerprint) {
  retire(id_term);
  const std::size_t id = entries_.size();
  Entry entry{fingerprint, id_term, hex64(fingerprint.digest)};
  // The guess: the smallest key among its own and its neighbours' (equal-length hex:
  // the smallest digest). An exact copy's guess is right at once.
  // A link names a fingerprint (by digest), which the end joins to every article that has
  // it: a story carried word for word by many sites costs one link, and the link holds
  // while any of them is left.
  std::unordered_set<std::uint64_t> linked;
  for (std::size_t other : all_.near(fingerprint)) {
    if (!entries_[other].alive) continue;
    entry.key = std::min(entry.key, entries_[other].key);
    const std::uint64_t other_digest = entries_[other].fingerprint.digest;
    if (other_digest != fingerprint.digest && linked.insert(other_digest).second) {
      links_.emplace_back(id, other_digest);
    }
  }
  std::string key = entry.key;
  entries_.push_back(std::move(entry));
  by_term_[id_term] = id;
  all_.add(fingerprint, id);
  return key;
}

void DuplicateClusters::remove(const std::string& id_term) { retire(id_term); }

void DuplicateClusters::retire(const std::string& id_term) {
  auto found = by_term_.find(id_term);
  if (found == by_term_.end()) return;
  Entry& entry = entries_[found->second];
  entry.alive = false;
  if (entry.existing) broken_groups_.insert(entry.key);
  by_term_.erase(found);
}

std::vector<DuplicateClusters::Regrouped> DuplicateClusters::regrouped() const {
  Components components(entries_.size());
  // Groups read from the index and left whole are components still: joined by key.
  // The alive members of the others are compared again among themselves (all articles
  // read, when their keys are not known to be groups).
  std::unordered_map<std::string, std::size_t> first_of_group;
  NeighbourIndex recompared;
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    const Entry& entry = entries_[id];
    if (!entry.alive || !entry.existing) continue;
    if (keys_are_groups_ && !broken_groups_.contains(entry.key)) {
      auto [first, added] = first_of_group.emplace(entry.key, id);
      if (!added) components.unite(id, first->second);
      continue;
    }
    for (std::size_t other : recompared.near(entry.fingerprint)) components.unite(id, other);
    recompared.add(entry.fingerprint, id);
  }
  // Every pair with an article of this run was found when the later of the two came,
  // up to equal fingerprints, which are joined here.
  std::unordered_map<std::uint64_t, std::size_t> first_with_fingerprint;  // by digest
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    if (!entries_[id].alive) continue;
    auto [first, added] = first_with_fingerprint.emplace(entries_[id].fingerprint.digest, id);
    if (!added) components.unite(id, first->second);
  }
  for (const auto& [id, fingerprint] : links_) {
    auto other = first_with_fingerprint.find(fingerprint);
    if (entries_[id].alive && other != first_with_fingerprint.end())
      components.unite(id, other->second);
  }

  std::unordered_map<std::size_t, std::uint64_t> smallest;  // digest, by root
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    if (!entries_[id].alive) continue;
    const std::uint64_t digest = entries_[id].fingerprint.digest;
    auto [found, added] = smallest.emplace(components.root_of(id), digest);
    if (!added) found->second = std::min(found->second, digest);
  }
  std::vector<Regrouped> changes;
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    const Entry& entry = entries_[id];
    if (!entry.alive) continue;
    std::string key = hex64(smallest.at(components.root_of(id)));
    if (key != entry.key) changes.push_back({entry.id_term, std::move(key)});
  }
  std::sort(changes.begin(), changes.end(),
            [](const Regrouped& a, const Regrouped& b) { return a.id_term < b.id_term; });
  return changes;
}

}  // namespace newsdex
