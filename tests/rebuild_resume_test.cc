// A --rebuild stopped before its switch is carried on by the next one with the same roots
// and options, and ends as a rebuild from nothing would; other leftovers are removed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "index_run.h"
#include "rebuild.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class RebuildResumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 40; ++i) {
      const std::string n = std::to_string(i);
      files_.add_file("news/local/story-" + n + ".txt",
                      "Ferry timetable " + n + "\n\nThe harbour board changed sailing " + n +
                          " to the island after storms closed the pier.\n");
    }
  }

  IndexOptions options(const std::string& db = "live") {
    IndexOptions options;
    options.db_path = dir_ / db;
    options.roots = {"news"};
    options.jobs = 1;
    options.commit_every = 4;
    options.min_seconds_between_commits = 0;  // every batch commits, as in a long run
    return options;
  }

  IndexCounts rebuild(IndexOptions options) {
    return rebuild_index(options, /*compact=*/true, files_,
                         [](const std::string&, const std::string&) {});
  }

  // A rebuild stopped once `stop_after` files are done.
  IndexCounts stopped_rebuild(std::size_t stop_after) {
    std::atomic<bool> stop{false};
    IndexOptions stopping = options();
    stopping.interrupted = &stop;
    stopping.on_progress = [&](std::size_t done, std::size_t) {
      if (done >= stop_after) stop = true;
    };
    return rebuild(stopping);
  }

  // Terms with their frequencies and each article's stored record: what two builds of
  // the same files must share.
  static std::map<std::string, std::string> digest(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::map<std::string, std::string> digest;
    for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
      digest["term " + *term] = std::to_string(term.get_termfreq());
      if ((*term).starts_with("Q"))
        digest["data " + *term] = db.get_document(*db.postlist_begin(*term)).get_data();
    }
    return digest;
  }

  std::vector<std::string> names_ending(const std::string& suffix) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_.path())) {
      if (entry.path().filename().string().ends_with(suffix))
        names.push_back(entry.path().filename().string());
    }
    return names;
  }

  testing::TempDir dir_;
  testing::MemoryFileSystem files_;
};

TEST_F(RebuildResumeTest, AStoppedRebuildIsCarriedOnAndEndsAsABuildFromNothing) {
  IndexCounts stopped = stopped_rebuild(12);
  ASSERT_TRUE(stopped.interrupted);
  EXPECT_FALSE(fs::exists(dir_ / "live")) << "nothing may go live before the switch";
  ASSERT_EQ(names_ending(".resume").size(), 1u);

  IndexCounts resumed = rebuild(options());
  EXPECT_FALSE(resumed.interrupted);
  EXPECT_FALSE(resumed.resumed_build.empty());
  EXPECT_TRUE(names_ending(".resume").empty()) << "the mark goes with the switch";
  // The files done before the stop were not indexed again.
  EXPECT_GE(resumed.unchanged, 12u);
  EXPECT_EQ(resumed.added + resumed.unchanged, 40u);
  ASSERT_EQ(stub_targets(dir_ / "live").size(), 1u);
  EXPECT_EQ(stub_targets(dir_ / "live").front(), resumed.resumed_build);

  IndexCounts fresh = rebuild(options("fresh"));
  EXPECT_TRUE(fresh.resumed_build.empty());
  EXPECT_EQ(digest(dir_ / "live"), digest(dir_ / "fresh"));
}

TEST_F(RebuildResumeTest, ARebuildStoppedAfterItsBuildOnlyChecksAndSwitches) {
  IndexCounts stopped = stopped_rebuild(40);  // after the last file
  ASSERT_TRUE(stopped.interrupted);
  IndexCounts resumed = rebuild(options());
  EXPECT_FALSE(resumed.resumed_build.empty());
  EXPECT_EQ(resumed.added, 0u);
  EXPECT_EQ(resumed.unchanged, 40u);
  EXPECT_EQ(Xapian::Database(dir_ / "live").get_doccount(), 40u);
}

TEST_F(RebuildResumeTest, ChangesMadeWhileStoppedAreTakenIn) {
  ASSERT_TRUE(stopped_rebuild(12).interrupted);
  files_.add_file("news/local/late.txt", "Late ferry\n\nA late sailing was added.\n");
  files_.remove_file("news/local/story-0.txt");
  files_.add_file("news/local/story-1.txt", "Ferry timetable one\n\nSailings were cut.\n");
  IndexCounts resumed = rebuild(options());
  EXPECT_FALSE(resumed.resumed_build.empty());
  IndexCounts fresh = rebuild(options("fresh"));
  EXPECT_EQ(digest(dir_ / "live"), digest(dir_ / "fresh"));
  EXPECT_EQ(Xapian::Database(dir_ / "live").get_doccount(), 40u);
}

TEST_F(RebuildResumeTest, ARebuildOfOtherRootsStartsAfreshAndRemovesTheStoppedOne) {
  ASSERT_TRUE(stopped_rebuild(12).interrupted);
  const std::vector<std::string> marks = names_ending(".resume");
  ASSERT_EQ(marks.size(), 1u);
  files_.add_file("other/a.txt", "Bridge repairs\n\nThe bridge reopened.\n");
  IndexOptions other = options();
  other.roots = {"other"};
  IndexCounts counts = rebuild(other);
  EXPECT_TRUE(counts.resumed_build.empty());
  EXPECT_EQ(counts.added, 1u);
  EXPECT_TRUE(names_ending(".resume").empty());
  // Only the new generation is left. Its name comes from the clock and the pid, so it
  // takes the stopped one's name when both were made in the same second; either way the
  // stopped build's content is gone and the index points at the one generation left.
  std::vector<std::string> generations;
  for (const auto& entry : fs::directory_iterator(dir_.path())) {
    if (entry.path().filename().string().starts_with("live.gen-"))
      generations.push_back(entry.path());
  }
  ASSERT_EQ(generations.size(), 1u);
  EXPECT_EQ(stub_targets(dir_ / "live"), generations);
  EXPECT_EQ(Xapian::Database(dir_ / "live").get_doccount(), 1u);
}

TEST_F(RebuildResumeTest, AResumedRebuildCanBeStoppedAndCarriedOnAgain) {
  ASSERT_TRUE(stopped_rebuild(5).interrupted);
  files_.add_file("news/local/late.txt", "Late ferry\n\nA late sailing was added.\n");
  IndexCounts second = stopped_rebuild(20);
  EXPECT_TRUE(second.interrupted);
  EXPECT_FALSE(second.resumed_build.empty());
  IndexCounts third = rebuild(options());
  EXPECT_EQ(third.resumed_build, second.resumed_build);
  EXPECT_EQ(Xapian::Database(dir_ / "live").get_doccount(), 41u);
}

}  // namespace
}  // namespace newsdex
