// Groups near-duplicate articles (the same story under several sites) by fingerprint,
// so that search can collapse each group into one hit (kSlotDuplicateKey).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "newsdex/fingerprint.h"

namespace newsdex {

// Finds fingerprints within kNearDuplicateDistance bits of each other without comparing
// every pair: by the pigeonhole principle two such fingerprints agree exactly on at
// least one of kNearDuplicateDistance + 1 bit blocks, so only fingerprints sharing a
// block are compared. Not thread-safe; the indexer's writer thread owns it.
class DuplicateClusters {
 public:
  DuplicateClusters();

  // An article already in the index, with the cluster key it was given.
  void add_existing(std::uint64_t fingerprint, const std::string& cluster_key);

  // The cluster key of a new or changed article: the key of the closest known
  // fingerprint within kNearDuplicateDistance bits (ties: the first added), else
  // `own_key`. Either way the article is remembered for later calls.
  std::string assign(std::uint64_t fingerprint, const std::string& own_key);

 private:
  static constexpr int kBlocks = kNearDuplicateDistance + 1;
  struct Entry {
    std::uint64_t fingerprint;
    std::string cluster_key;
  };
  // Block i of the kBlocks holds bits [64 * i / kBlocks, 64 * (i + 1) / kBlocks): contiguous
  // and as equal as possible.
  static std::uint64_t block_bits(std::uint64_t fingerprint, int block);
  void remember(std::uint64_t fingerprint, const std::string& cluster_key);
  // A fingerprint in a block's list, with its index in entries_. The copy of the
  // fingerprint lets a lookup scan a list without a cache miss per candidate.
  struct Candidate {
    std::uint64_t fingerprint;
    std::size_t index;
  };
  std::vector<Entry> entries_;
  // Each fingerprint -> the first entry that has it. An exact copy (a wire story carried
  // word for word) is then found at once: distance 0, first added, which no block scan
  // can beat; a story carried by 50 sites would otherwise compare against every earlier
  // copy once per block.
  std::unordered_map<std::uint64_t, std::size_t> first_with_fingerprint_;
  // Per block: block bits -> the fingerprints with those bits, in the order added.
  std::unordered_map<std::uint64_t, std::vector<Candidate>> by_block_[kBlocks];
};

}  // namespace newsdex
