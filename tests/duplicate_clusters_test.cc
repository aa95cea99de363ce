// Tests of DuplicateClusters: keys of near duplicates, ties, the block index, speed.
#include "duplicate_clusters.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "newsdex/fingerprint.h"

namespace newsdex {
namespace {

constexpr std::uint64_t kBase = 0x5a3c96e1f00f7b24ULL;
constexpr int kBlocks = kNearDuplicateDistance + 1;

std::uint64_t bit(int position) { return std::uint64_t{1} << position; }

// The first bit of block `block`, by the layout documented in duplicate_clusters.h.
int first_bit_of_block(int block) { return 64 * block / kBlocks; }

// kBase with the given number of its low bits flipped.
std::uint64_t flip_low_bits(int count) { return kBase ^ (bit(count) - 1); }

struct AssignStep {
  bool existing;  // add_existing() instead of assign()
  std::uint64_t fingerprint;
  std::string key;       // cluster key for add_existing(), own key for assign()
  std::string expected;  // assign() only
};

struct ClusterCase {
  std::string name;
  std::vector<AssignStep> steps;
};

std::ostream& operator<<(std::ostream& out, const ClusterCase& c) { return out << c.name; }

const ClusterCase kClusterCases[] = {
    {"FirstArticleKeepsOwnKey", {{false, kBase, "a", "a"}}},
    {"ExactCopyGetsFirstKey", {{false, kBase, "a", "a"}, {false, kBase, "b", "a"}}},
    {"NearCopyGetsFirstKey", {{false, kBase, "a", "a"}, {false, flip_low_bits(3), "b", "a"}}},
    {"CopyAtThresholdGetsFirstKey",
     {{false, kBase, "a", "a"}, {false, flip_low_bits(kNearDuplicateDistance), "b", "a"}}},
    {"OneBitBeyondThresholdKeepsOwnKey",
     {{false, kBase, "a", "a"}, {false, flip_low_bits(kNearDuplicateDistance + 1), "b", "b"}}},
    {"DistinctKeepsOwnKey", {{false, kBase, "a", "a"}, {false, ~kBase, "b", "b"}}},
    {"ExistingKeyReused", {{true, kBase, "old", ""}, {false, kBase ^ bit(40), "new", "old"}}},
    {"ExistingDistinctIgnored", {{true, kBase, "old", ""}, {false, ~kBase ^ bit(2), "new", "new"}}},
    {"TieGoesToEarliest",
     {{true, kBase ^ bit(0), "first", ""},
      {true, kBase ^ bit(63), "second", ""},
      {false, kBase, "new", "first"}}},
    {"TieGoesToEarliestWhateverTheBlock",
     {{true, kBase ^ bit(63), "first", ""},
      {true, kBase ^ bit(0), "second", ""},
      {false, kBase, "new", "first"}}},
    {"CloserBeatsEarlier",
     {{true, flip_low_bits(4), "far", ""},
      {true, kBase ^ bit(50), "near", ""},
      {false, kBase, "new", "near"}}},
    {"ExactCopyBeatsEarlierNearOne",
     {{true, kBase ^ bit(5), "near", ""},
      {true, kBase, "exact", ""},
      {true, kBase, "exact-again", ""},
      {false, kBase, "new", "exact"}}},
    {"OfExactCopiesTheFirstWinsANearMatch",
     {{true, kBase, "first", ""},
      {true, kBase, "second", ""},
      {false, kBase ^ bit(3) ^ bit(60), "new", "first"}}},
    {"AssignedArticleIsRemembered",
     {{false, kBase, "a", "a"}, {false, ~kBase, "b", "b"}, {false, ~kBase ^ bit(7), "c", "b"}}},
    {"CopyOfCopyKeepsClusterKey",
     {{false, kBase, "a", "a"},
      {false, flip_low_bits(kNearDuplicateDistance), "b", "a"},
      {false, flip_low_bits(2 * kNearDuplicateDistance), "c", "a"}}},
};

class DuplicateClustersTable : public ::testing::TestWithParam<ClusterCase> {};

TEST_P(DuplicateClustersTable, Assigns) {
  DuplicateClusters clusters;
  int step_number = 0;
  for (const AssignStep& step : GetParam().steps) {
    SCOPED_TRACE(testing::Message() << "step " << step_number++);
    if (step.existing) {
      clusters.add_existing(step.fingerprint, step.key);
    } else {
      EXPECT_EQ(clusters.assign(step.fingerprint, step.key), step.expected);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(DuplicateClusters, DuplicateClustersTable,
                         ::testing::ValuesIn(kClusterCases),
                         [](const ::testing::TestParamInfo<ClusterCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(DuplicateClusters, CandidateFoundThroughEveryBlock) {
  // A copy differing in the first bit of every block but one agrees with the original on
  // that one block only, and is kNearDuplicateDistance bits away: it must still be found.
  for (int kept = 0; kept < kBlocks; ++kept) {
    SCOPED_TRACE(testing::Message() << "agreeing block " << kept);
    std::uint64_t copy = kBase;
    for (int block = 0; block < kBlocks; ++block) {
      if (block != kept) copy ^= bit(first_bit_of_block(block));
    }
    ASSERT_EQ(fingerprint_distance(kBase, copy), kNearDuplicateDistance);
    DuplicateClusters clusters;
    clusters.add_existing(kBase, "original");
    EXPECT_EQ(clusters.assign(copy, "copy"), "original");
  }
}

TEST(DuplicateClusters, NoBlockInCommonIsBeyondThreshold) {
  std::uint64_t copy = kBase;
  for (int block = 0; block < kBlocks; ++block) copy ^= bit(first_bit_of_block(block));
  DuplicateClusters clusters;
  clusters.add_existing(kBase, "original");
  EXPECT_EQ(clusters.assign(copy, "copy"), "copy");
}

// The rule of assign() applied by comparing every pair.
std::vector<std::string> brute_force_keys(const std::vector<std::uint64_t>& fingerprints) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < fingerprints.size(); ++i) {
    std::size_t best = i;
    int best_distance = kNearDuplicateDistance + 1;
    for (std::size_t j = 0; j < i; ++j) {
      const int distance = fingerprint_distance(fingerprints[i], fingerprints[j]);
      if (distance < best_distance) {
        best = j;
        best_distance = distance;
      }
    }
    keys.push_back(best == i ? std::to_string(i) : keys[best]);
  }
  return keys;
}

TEST(DuplicateClusters, TenThousandFingerprintsQuicklyAndLikeBruteForce) {
  // Random stories, a third of them followed by a copy a few bits away (up to two bits
  // beyond the threshold), so that both matches and misses occur.
  std::mt19937_64 random(20240601);
  std::vector<std::uint64_t> fingerprints;
  while (fingerprints.size() < 10000) {
    const std::uint64_t story = random();
    fingerprints.push_back(story);
    // Some stories are carried word for word again: exact copies.
    if (random() % 5 == 0) fingerprints.push_back(story);
    if (random() % 3 == 0) {
      std::uint64_t copy = story;
      const int flips = static_cast<int>(random() % (kNearDuplicateDistance + 3));
      for (int i = 0; i < flips; ++i) copy ^= bit(static_cast<int>(random() % 64));
      fingerprints.push_back(copy);
    }
  }

  DuplicateClusters clusters;
  std::vector<std::string> keys;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < fingerprints.size(); ++i) {
    keys.push_back(clusters.assign(fingerprints[i], std::to_string(i)));
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;

  EXPECT_LT(elapsed, std::chrono::milliseconds(500));
  const std::vector<std::string> expected = brute_force_keys(fingerprints);
  EXPECT_EQ(keys, expected);
  std::size_t clustered = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) clustered += keys[i] != std::to_string(i);
  EXPECT_GT(clustered, 1000u);  // the comparison above covered many matches
}

}  // namespace
}  // namespace newsdex
