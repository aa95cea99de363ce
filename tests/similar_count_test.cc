// "+N similar": a collapsed hit counts exactly the copies of its story that match the
// query, including copies that weigh less than every hit shown (which Xapian's own
// collapse count misses unless the match checks every document), and not the copies
// that do not match.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "index_run.h"
#include "searcher.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

// A story of `words` made-up words (the same for the same seed), with "lighthouse"
// `mentions` times among them.
std::string story(unsigned seed, int words, int mentions) {
  static const char* const kSyllables[] = {"ka", "lo", "mi",  "ne",  "ru",  "sa",  "ti", "vo",
                                           "ze", "pa", "qui", "dor", "fen", "gal", "hob"};
  std::mt19937 random(seed);
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i % 12 == 0 && i / 12 < mentions) {
      text += "lighthouse";
    } else {
      for (int s = 0; s < 3; ++s) text += kSyllables[random() % std::size(kSyllables)];
    }
    text += (i % 10 == 9) ? ". " : " ";
  }
  return text;
}

class SimilarCountTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::MemoryFileSystem files;
    // The best story, "a-keeper": 6 mentions in 400 words. Two copies come later in the
    // walk and weigh less (longer: an added paragraph), so a match that stops early
    // never meets them; a third copy lost every mention: a near-duplicate that does not
    // match.
    std::string keeper = story(1, 400, 6);
    files.add_file("news/a-keeper.txt", "The keeper's night\n\n" + keeper + "\n");
    const std::string extra = "Mokadorfen gallivo.";
    // Each copy under its own title: a line repeated in three articles would be learnt
    // as residue.
    files.add_file("news/z-copy-1.txt", "Night of the keeper\n\n" + keeper + "\n\n" + extra + "\n");
    files.add_file("news/z-copy-2.txt",
                   "A keeper's night\n\n" + keeper + "\n\n" + extra + " " + extra + "\n");
    std::string without = keeper;
    for (std::size_t at; (at = without.find("lighthouse")) != std::string::npos;) {
      without.replace(at, 10, "beaconpost");
    }
    files.add_file("news/z-copy-3.txt", "Keeper by night\n\n" + without + "\n");
    // Other stories that match, each once and different from each other.
    for (unsigned i = 0; i < 8; ++i) {
      files.add_file("news/m-other-" + std::to_string(i) + ".txt",
                     "Another coast " + std::to_string(i) + "\n\n" + story(100 + i, 200, 1) + "\n");
    }
    IndexOptions options;
    options.db_path = dir_ / "index";
    options.roots = {"news"};
    options.analysis.entities = false;
    run_index(options, files, [](const std::string& path, const std::string& why) {
      ADD_FAILURE() << path << ": " << why;
    });
  }

  testing::TempDir dir_;
};

TEST_F(SimilarCountTest, CountsEveryMatchingCopyAndOnlyThose) {
  Searcher searcher(dir_ / "index");
  SearchRequest all;
  all.query = "lighthouse";
  all.limit = 100;
  all.collapse_duplicates = false;
  // The set-up holds: the two copies that mention it match, the third does not.
  SearchResults every = searcher.search(all);
  std::string ids;
  for (const Hit& hit : every.hits) ids += hit.article.id + " ";
  ASSERT_EQ(every.hits.size(), 11u) << ids;

  for (Xapian::doccount limit : {1u, 3u, 20u}) {
    SCOPED_TRACE(limit);
    SearchRequest collapsed = all;
    collapsed.collapse_duplicates = true;
    collapsed.limit = limit;
    SearchResults results = searcher.search(collapsed);
    ASSERT_FALSE(results.hits.empty());
    EXPECT_EQ(results.hits.front().article.id, "a-keeper.txt");
    EXPECT_EQ(results.hits.front().similar, 2u);
    for (std::size_t i = 1; i < results.hits.size(); ++i) {
      EXPECT_EQ(results.hits[i].similar, 0u) << results.hits[i].article.id;
    }
  }
}

TEST_F(SimilarCountTest, CountsOnlyCopiesMatchingTheWholeQuery) {
  Searcher searcher(dir_ / "index");
  SearchRequest request;
  // Only the two longer copies hold the added paragraph: one is the hit, the other its
  // one similar; the story they copy does not match.
  request.query = "lighthouse mokadorfen";
  SearchResults results = searcher.search(request);
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits.front().similar, 1u);
}

}  // namespace
}  // namespace newsdex
