// Searches hold a lease on a live index; the indexer, after each commit, waits for the
// searches of the revision before it, so that no search meets the blocks it reuses.
#include "newsdex/search_lease.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "index_run.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

using std::chrono::steady_clock;

double seconds_since(steady_clock::time_point start) {
  return std::chrono::duration<double>(steady_clock::now() - start).count();
}

class SearchLeaseTest : public ::testing::Test {
 protected:
  std::string index() const { return dir_ / "index"; }
  testing::TempDir dir_;
};

TEST_F(SearchLeaseTest, WithoutALockFileASearchRunsWithoutALease) {
  SearchLease lease(index());
  EXPECT_FALSE(lease.held());
  EXPECT_FALSE(std::filesystem::exists(index() + ".lock")) << "a search writes nothing";
}

TEST_F(SearchLeaseTest, SearchesDoNotWaitForEachOther) {
  SearchGate gate(index());  // makes the lock file, as the indexer's writer lock does
  const auto start = steady_clock::now();
  SearchLease first(index(), 5), second(index(), 5);
  EXPECT_TRUE(first.held());
  EXPECT_TRUE(second.held());
  EXPECT_LT(seconds_since(start), 1.0);
}

TEST_F(SearchLeaseTest, TheIndexerWaitsUntilARunningSearchEnds) {
  SearchGate gate(index());
  std::optional<SearchLease> lease(std::in_place, index());
  ASSERT_TRUE(lease->held());
  std::future<void> search_ends = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    lease.reset();
  });
  const auto start = steady_clock::now();
  EXPECT_TRUE(gate.wait_for_searches(5));
  EXPECT_GE(seconds_since(start), 0.25);
  EXPECT_LT(seconds_since(start), 4.0);
  search_ends.get();
  EXPECT_TRUE(gate.wait_for_searches(5)) << "no search running now";
}

TEST_F(SearchLeaseTest, TheIndexerWaitsNoLongerThanAsked) {
  SearchGate gate(index());
  SearchLease lease(index());
  ASSERT_TRUE(lease.held());
  const auto start = steady_clock::now();
  EXPECT_FALSE(gate.wait_for_searches(0.3));
  EXPECT_GE(seconds_since(start), 0.3);
  EXPECT_LT(seconds_since(start), 5.0);
}

// A search that outlasts one wait is stuck (a stopped process): the rest of the run does
// not wait for it at every commit.
TEST_F(SearchLeaseTest, AfterOneWaitRunsOutTheIndexerNoLongerWaits) {
  SearchGate gate(index());
  SearchLease stuck(index());
  ASSERT_TRUE(stuck.held());
  EXPECT_FALSE(gate.wait_for_searches(0.2));
  const auto start = steady_clock::now();
  EXPECT_FALSE(gate.wait_for_searches(5));
  EXPECT_LT(seconds_since(start), 1.0);
}

// New searches queue behind a waiting indexer rather than keep it waiting for ever.
TEST_F(SearchLeaseTest, ANewSearchQueuesBehindAWaitingIndexer) {
  SearchGate gate(index());
  std::optional<SearchLease> running(std::in_place, index());
  ASSERT_TRUE(running->held());
  std::future<bool> waited =
      std::async(std::launch::async, [&] { return gate.wait_for_searches(10); });
  // Once the indexer is at the gate (however long its thread takes to start), a new
  // search does not get past it.
  bool refused = false;
  for (const auto start = steady_clock::now(); !refused && seconds_since(start) < 5;) {
    SearchLease newcomer(index(), 0.05);
    refused = !newcomer.held();
  }
  EXPECT_TRUE(refused) << "new searches got past an indexer waiting at the gate";
  running.reset();
  EXPECT_TRUE(waited.get());
  SearchLease after(index(), 1);
  EXPECT_TRUE(after.held());
}

// Reads every posting of `term` through `db`: what an exact count does, and what fails
// when a writer has reused the blocks of the revision `db` reads.
Xapian::doccount read_postings(const Xapian::Database& db, const std::string& term) {
  Xapian::doccount n = 0;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) n += it.get_wdf() > 0;
  return n;
}

// Through a real run on a real index: while a search holds its lease, the indexer
// commits at most once more, and the search can still read its whole revision.
TEST_F(SearchLeaseTest, AnIndexerRunDoesNotWriteOverTheRevisionASearchReads) {
  testing::MemoryFileSystem files;
  auto add = [&](const std::string& prefix, int count) {
    for (int i = 0; i < count; ++i) {
      const std::string n = std::to_string(i);
      files.add_file("news/port/" + prefix + n + ".txt", "Harbour notice " + n +
                                                             "\n\nThe harbour board moved berth " +
                                                             n + " after the tide gauge failed.\n");
    }
  };
  IndexOptions options;
  options.db_path = index();
  options.roots = {"news"};
  options.jobs = 1;
  options.commit_every = 2;  // a commit every second article
  options.min_seconds_between_commits = 0;
  auto no_skips = [](const std::string&, const std::string&) {};
  add("first-", 30);
  run_index(options, files, no_skips);  // a new index

  add("second-", 40);
  auto revision = [&] { return Xapian::Database(index()).get_revision(); };
  std::optional<SearchLease> lease(std::in_place, index());
  ASSERT_TRUE(lease->held());
  Xapian::Database reader(index());
  const Xapian::rev read = reader.get_revision();
  std::future<IndexCounts> run =
      std::async(std::launch::async, [&] { return run_index(options, files, no_skips); });
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_LE(revision(), read + 1);
  EXPECT_EQ(read_postings(reader, "harbour"), 30u);

  // The next search reads the revision of the moment; the indexer waits for it in turn.
  lease.emplace(index());
  reader.reopen();
  const Xapian::rev read_again = reader.get_revision();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_LE(revision(), read_again + 1);
  read_postings(reader, "harbour");  // throws if the writer reused its blocks

  lease.reset();
  ASSERT_EQ(run.wait_for(std::chrono::seconds(60)), std::future_status::ready);
  EXPECT_EQ(run.get().added, 40u);
  EXPECT_GE(revision(), read + 20) << "with no search running, every batch commits";
}

}  // namespace
}  // namespace newsdex
