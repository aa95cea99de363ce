#include "duplicate_clusters.h"

#include <algorithm>
#include <numeric>

#include "newsdex/hashing.h"

namespace newsdex {

// Blocks of 1 to 63 bits keep the shifts in block_bits() defined.
static_assert(kNearDuplicateDistance >= 1 && kNearDuplicateDistance < 64);

std::uint64_t NeighbourIndex::block_bits(std::uint64_t fingerprint, int block) {
  const int first = 64 * block / kBlocks;
  const int width = 64 * (block + 1) / kBlocks - first;
  return (fingerprint >> first) & ((std::uint64_t{1} << width) - 1);
}

void NeighbourIndex::add(std::uint64_t fingerprint, std::size_t id) {
  for (int block = 0; block < kBlocks; ++block) {
    by_block_[block][block_bits(fingerprint, block)].push_back({fingerprint, id});
  }
}

std::vector<std::size_t> NeighbourIndex::near(std::uint64_t fingerprint) const {
  std::vector<std::size_t> ids;
  for (int block = 0; block < kBlocks; ++block) {
    auto found = by_block_[block].find(block_bits(fingerprint, block));
    if (found == by_block_[block].end()) continue;
    for (const Candidate& candidate : found->second) {
      if (fingerprint_distance(fingerprint, candidate.fingerprint) <= kNearDuplicateDistance)
        ids.push_back(candidate.id);
    }
  }
  // A fingerprint sharing several blocks with this one is met once per block.
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
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

void DuplicateClusters::add_existing(const std::string& id_term, std::uint64_t fingerprint,
                                     std::string key) {
  retire(id_term);
  const std::size_t id = entries_.size();
  entries_.push_back({fingerprint, id_term, std::move(key)});
  entries_.back().existing = true;
  by_term_[id_term] = id;
  all_.add(fingerprint, id);
}

std::string DuplicateClusters::assign(const std::string& id_term, std::uint64_t fingerprint) {
  retire(id_term);
  const std::size_t id = entries_.size();
  Entry entry{fingerprint, id_term, hex64(fingerprint)};
  // The guess: the smallest key among its own and its neighbours' (equal-length hex:
  // the smallest fingerprint). An exact copy's guess is right at once.
  // A link names a fingerprint, which the end joins to every article that has it: a
  // story carried word for word by many sites costs one link, and the link holds while
  // any of them is left.
  std::unordered_set<std::uint64_t> linked;
  for (std::size_t other : all_.near(fingerprint)) {
    if (!entries_[other].alive) continue;
    entry.key = std::min(entry.key, entries_[other].key);
    const std::uint64_t other_fingerprint = entries_[other].fingerprint;
    if (other_fingerprint != fingerprint && linked.insert(other_fingerprint).second) {
      links_.emplace_back(id, other_fingerprint);
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
  std::unordered_map<std::uint64_t, std::size_t> first_with_fingerprint;
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    if (!entries_[id].alive) continue;
    auto [first, added] = first_with_fingerprint.emplace(entries_[id].fingerprint, id);
    if (!added) components.unite(id, first->second);
  }
  for (const auto& [id, fingerprint] : links_) {
    auto other = first_with_fingerprint.find(fingerprint);
    if (entries_[id].alive && other != first_with_fingerprint.end())
      components.unite(id, other->second);
  }

  std::unordered_map<std::size_t, std::uint64_t> smallest;  // fingerprint, by root
  for (std::size_t id = 0; id < entries_.size(); ++id) {
    if (!entries_[id].alive) continue;
    auto [found, added] = smallest.emplace(components.root_of(id), entries_[id].fingerprint);
    if (!added) found->second = std::min(found->second, entries_[id].fingerprint);
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
