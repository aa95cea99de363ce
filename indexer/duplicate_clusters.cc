#include "duplicate_clusters.h"

#include <algorithm>
#include <utility>

namespace newsdex {

// Blocks of 1 to 63 bits keep the shifts in block_bits() defined.
static_assert(kNearDuplicateDistance >= 1 && kNearDuplicateDistance < 64);

DuplicateClusters::DuplicateClusters() = default;

std::uint64_t DuplicateClusters::block_bits(std::uint64_t fingerprint, int block) {
  const int first = 64 * block / kBlocks;
  const int width = 64 * (block + 1) / kBlocks - first;
  return (fingerprint >> first) & ((std::uint64_t{1} << width) - 1);
}

void DuplicateClusters::add_existing(std::uint64_t fingerprint, const std::string& cluster_key) {
  remember(fingerprint, cluster_key);
}

std::string DuplicateClusters::assign(std::uint64_t fingerprint, const std::string& own_key) {
  // The smallest (distance, index): the closest, and of equally close the first added.
  // An entry sharing several blocks is seen several times, which cannot change the minimum.
  std::pair<int, std::size_t> best{kNearDuplicateDistance + 1, 0};
  if (auto same = first_with_fingerprint_.find(fingerprint);
      same != first_with_fingerprint_.end()) {
    best = {0, same->second};
  }
  for (int block = 0; block < kBlocks && best.first > 0; ++block) {
    auto found = by_block_[block].find(block_bits(fingerprint, block));
    if (found == by_block_[block].end()) continue;
    for (const Candidate& candidate : found->second) {
      best = std::min(best,
                      {fingerprint_distance(fingerprint, candidate.fingerprint), candidate.index});
    }
  }
  // A copy: remember() may reallocate entries_.
  std::string key =
      best.first <= kNearDuplicateDistance ? entries_[best.second].cluster_key : own_key;
  remember(fingerprint, key);
  return key;
}

void DuplicateClusters::remember(std::uint64_t fingerprint, const std::string& cluster_key) {
  const std::size_t index = entries_.size();
  entries_.push_back({fingerprint, cluster_key});
  // A later entry with the same fingerprint is as close to anything as the first and
  // added after it, so it never wins a block scan: only the first goes into the blocks.
  if (!first_with_fingerprint_.emplace(fingerprint, index).second) return;
  for (int block = 0; block < kBlocks; ++block) {
    by_block_[block][block_bits(fingerprint, block)].push_back({fingerprint, index});
  }
}

}  // namespace newsdex
