// Tests of DuplicateClusters: near duplicates are grouped as connected components, with
// the smallest own key; the groups do not depend on the order articles arrive in, and
// deletions split them again.
#include "duplicate_clusters.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "newsdex/fingerprint.h"
#include "newsdex/hashing.h"

namespace newsdex {
namespace {

constexpr std::uint64_t kBase = 0x5a3c96e1f00f7b24ULL;
constexpr int kBlocks = kNearDuplicateDistance + 1;

std::uint64_t bit(int position) { return std::uint64_t{1} << position; }

// The first bit of block `block`, by the layout documented in duplicate_clusters.h.
int first_bit_of_block(int block) { return 64 * block / kBlocks; }

// kBase with the given number of its low bits flipped.
std::uint64_t flip_low_bits(int count) { return kBase ^ (bit(count) - 1); }

std::string term(int n) { return "Qarticle-" + std::to_string(n); }
// The key of a group: its smallest fingerprint, in hex.
std::string group_key(std::initializer_list<std::uint64_t> members) {
  return hex64(std::min(members));
}

// Keeps what an index would hold: the key written with each article, corrected by
// regrouped() at the end of the run; next_run() reads it back as the indexer does.
struct Index {
  DuplicateClusters clusters;
  std::map<std::string, std::string> keys;
  std::map<std::string, std::uint64_t> fingerprints;

  void add(int n, std::uint64_t fingerprint) {
    keys[term(n)] = clusters.assign(term(n), fingerprint);
    fingerprints[term(n)] = fingerprint;
  }
  void remove(int n) {
    clusters.remove(term(n));
    keys.erase(term(n));
    fingerprints.erase(term(n));
  }
  std::map<std::string, std::string> after_run() {
    for (const auto& change : clusters.regrouped()) keys[change.id_term] = change.key;
    return keys;
  }
  std::string key(int n) { return after_run().at(term(n)); }
  void next_run() {
    after_run();
    clusters = DuplicateClusters();
    for (const auto& [t, key] : keys) clusters.add_existing(t, fingerprints.at(t), key);
  }
};

TEST(DuplicateClusters, ALoneArticleHasItsOwnKey) {
  Index index;
  index.add(1, kBase);
  EXPECT_EQ(index.key(1), group_key({kBase}));
  EXPECT_TRUE(index.clusters.regrouped().empty());
}

TEST(DuplicateClusters, ExactAndNearCopiesShareTheSmallestOwnKey) {
  Index index;
  index.add(1, kBase);
  index.add(2, kBase);
  index.add(3, flip_low_bits(kNearDuplicateDistance));
  index.add(4, ~kBase);
  const std::string group = group_key({kBase, flip_low_bits(kNearDuplicateDistance)});
  EXPECT_EQ(index.key(1), group);
  EXPECT_EQ(index.key(2), group);
  EXPECT_EQ(index.key(3), group);
  EXPECT_EQ(index.key(4), group_key({~kBase}));
}

TEST(DuplicateClusters, OneBitBeyondTheThresholdIsAnotherStory) {
  Index index;
  index.add(1, kBase);
  index.add(2, flip_low_bits(kNearDuplicateDistance + 1));
  EXPECT_EQ(index.key(1), group_key({kBase}));
  EXPECT_EQ(index.key(2), group_key({flip_low_bits(kNearDuplicateDistance + 1)}));
}

// 1 and 3 are 2 * kNearDuplicateDistance apart; 2 lies between them.
const std::uint64_t kFirst = kBase;
const std::uint64_t kBridge = flip_low_bits(kNearDuplicateDistance);
const std::uint64_t kThird = flip_low_bits(2 * kNearDuplicateDistance);

TEST(DuplicateClusters, AnArticleBetweenTwoGroupsJoinsThem) {
  Index index;
  index.add(1, kFirst);
  index.add(3, kThird);
  ASSERT_NE(index.key(1), index.key(3));
  index.add(2, kBridge);
  const std::string group = group_key({kFirst, kBridge, kThird});
  EXPECT_EQ(index.key(1), group);
  EXPECT_EQ(index.key(2), group);
  EXPECT_EQ(index.key(3), group);
}

TEST(DuplicateClusters, ABridgeAddedInALaterRunJoinsTwoGroups) {
  Index index;
  index.add(1, kFirst);
  index.add(3, kThird);
  index.next_run();
  index.add(2, kBridge);
  EXPECT_EQ(index.key(1), group_key({kFirst, kBridge, kThird}));
  EXPECT_EQ(index.key(3), group_key({kFirst, kBridge, kThird}));
}

TEST(DuplicateClusters, DeletingTheBridgeSplitsTheGroup) {
  for (bool later_run : {false, true}) {
    SCOPED_TRACE(later_run ? "in a later run" : "in the same run");
    Index index;
    index.add(1, kFirst);
    index.add(2, kBridge);
    index.add(3, kThird);
    if (later_run) index.next_run();
    index.remove(2);
    EXPECT_EQ(index.key(1), group_key({kFirst}));
    EXPECT_EQ(index.key(3), group_key({kThird}));
  }
}

TEST(DuplicateClusters, AnEditedArticleLeavesItsGroup) {
  for (bool later_run : {false, true}) {
    SCOPED_TRACE(later_run ? "in a later run" : "in the same run");
    Index index;
    index.add(1, kBase);
    index.add(2, kBase);
    index.add(3, kBase);
    if (later_run) index.next_run();
    index.add(2, ~kBase);  // rewritten: another story
    EXPECT_EQ(index.key(2), group_key({~kBase}));
    EXPECT_EQ(index.key(1), group_key({kBase}));
    EXPECT_EQ(index.key(3), group_key({kBase}));
  }
}

TEST(DuplicateClusters, ACopyStaysJoinedWhileAnyArticleWithItsFingerprintIsLeft) {
  Index index;
  index.add(1, kBase);
  index.add(2, kBase);
  index.add(3, kBridge);  // one link, to kBase
  index.remove(1);
  EXPECT_EQ(index.key(3), group_key({kBase, kBridge}));
  index.remove(2);
  EXPECT_EQ(index.key(3), group_key({kBridge}));
}

TEST(DuplicateClusters, KeysOfAnOlderIndexAreCorrected) {
  DuplicateClusters clusters(/*keys_are_groups=*/false);
  clusters.add_existing(term(1), kBase, "older-key");
  clusters.add_existing(term(2), kBase, "older-key");
  clusters.add_existing(term(3), ~kBase, group_key({~kBase}));
  std::vector<DuplicateClusters::Regrouped> changes = clusters.regrouped();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].id_term, term(1));
  EXPECT_EQ(changes[1].id_term, term(2));
  EXPECT_EQ(changes[0].key, group_key({kBase}));
  EXPECT_EQ(changes[1].key, group_key({kBase}));
}

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
    Index index;
    index.add(1, kBase);
    index.add(2, copy);
    EXPECT_EQ(index.key(2), group_key({kBase, copy}));
  }
}

TEST(DuplicateClusters, NoBlockInCommonIsBeyondThreshold) {
  std::uint64_t copy = kBase;
  for (int block = 0; block < kBlocks; ++block) copy ^= bit(first_bit_of_block(block));
  Index index;
  index.add(1, kBase);
  index.add(2, copy);
  EXPECT_EQ(index.key(2), group_key({copy}));
}

// Random stories, a third of them followed by a copy a few bits away (up to two bits
// beyond the threshold), so that both matches and misses occur, and some carried word
// for word again.
std::vector<std::uint64_t> stories_with_copies(std::size_t count) {
  std::mt19937_64 random(20240601);
  std::vector<std::uint64_t> fingerprints;
  while (fingerprints.size() < count) {
    const std::uint64_t story = random();
    fingerprints.push_back(story);
    if (random() % 5 == 0) fingerprints.push_back(story);
    if (random() % 3 == 0) {
      std::uint64_t copy = story;
      const int flips = static_cast<int>(random() % (kNearDuplicateDistance + 3));
      for (int i = 0; i < flips; ++i) copy ^= bit(static_cast<int>(random() % 64));
      fingerprints.push_back(copy);
    }
  }
  return fingerprints;
}

// Connected components by comparing every pair, keyed by the smallest fingerprint.
std::map<std::string, std::string> brute_force_keys(const std::vector<std::uint64_t>& prints) {
  std::vector<std::size_t> group(prints.size());
  std::iota(group.begin(), group.end(), 0);
  bool merged = true;
  while (merged) {
    merged = false;
    for (std::size_t i = 0; i < prints.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (fingerprint_distance(prints[i], prints[j]) <= kNearDuplicateDistance &&
            group[i] != group[j]) {
          const std::size_t low = std::min(group[i], group[j]);
          const std::size_t high = std::max(group[i], group[j]);
          std::replace(group.begin(), group.end(), high, low);
          merged = true;
        }
      }
    }
  }
  std::map<std::size_t, std::uint64_t> smallest;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    auto [found, added] = smallest.emplace(group[i], prints[i]);
    if (!added) found->second = std::min(found->second, prints[i]);
  }
  std::map<std::string, std::string> keys;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    keys[term(static_cast<int>(i))] = hex64(smallest[group[i]]);
  }
  return keys;
}

TEST(DuplicateClusters, GroupsDoNotDependOnTheOrderOfArrival) {
  const std::vector<std::uint64_t> prints = stories_with_copies(1500);
  const std::map<std::string, std::string> expected = brute_force_keys(prints);
  std::size_t grouped = 0;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    grouped += expected.at(term(static_cast<int>(i))) != hex64(prints[i]);
  }
  ASSERT_GT(grouped, 200u);  // the comparison covers many groups

  std::vector<int> order(prints.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 shuffle(7);
  for (int attempt = 0; attempt < 4; ++attempt) {
    SCOPED_TRACE(testing::Message() << "order " << attempt);
    std::shuffle(order.begin(), order.end(), shuffle);
    // Arrived over three runs, the earlier ones read back as an existing index, with a
    // few articles deleted and added again in between.
    Index index;
    for (std::size_t i = 0; i < order.size(); ++i) {
      index.add(order[i], prints[order[i]]);
      if (i == order.size() / 3 || i == 2 * order.size() / 3) {
        for (std::size_t back = 1; back <= 40; ++back) index.remove(order[i - back]);
        index.next_run();
        for (std::size_t back = 1; back <= 40; ++back) {
          index.add(order[i - back], prints[order[i - back]]);
        }
      }
    }
    EXPECT_EQ(index.after_run(), expected);
  }
}

TEST(DuplicateClusters, FiftyThousandFingerprintsQuickly) {
  // About 1.5 s alone; the bound leaves room for a machine busy with other tests, and
  // comparing every pair would take minutes.
  const std::vector<std::uint64_t> prints = stories_with_copies(50000);
  const auto start = std::chrono::steady_clock::now();
  Index index;
  for (std::size_t i = 0; i < prints.size(); ++i) index.add(static_cast<int>(i), prints[i]);
  std::size_t changes = index.clusters.regrouped().size();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(20));
  // The key written first is wrong only for an article whose group turns out to hold a
  // smaller fingerprint than its own, which an exact copy never does.
  const std::map<std::string, std::string> keys = index.after_run();
  std::size_t not_smallest = 0;
  for (std::size_t i = 0; i < prints.size(); ++i) {
    not_smallest += keys.at(term(static_cast<int>(i))) != hex64(prints[i]);
  }
  EXPECT_LE(changes, not_smallest);
  EXPECT_GT(not_smallest, 5000u);
}

TEST(DuplicateClusters, ExactCopiesNeedNoRewrite) {
  Index index;
  for (int n = 0; n < 50; ++n) index.add(n, kBase);
  EXPECT_TRUE(index.clusters.regrouped().empty());
}

}  // namespace
}  // namespace newsdex
