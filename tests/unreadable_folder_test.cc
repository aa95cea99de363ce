// A folder that cannot be read never deletes the articles under it: whether its listing
// fails or it lists but its entries cannot be entered, the run reports the folder with
// its reason and keeps what the index holds of it. On the in-memory fake; the real disk,
// as an unprivileged user, is in hostile_input_e2e_test.cc.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "corpus_walker.h"
#include "index_run.h"
#include "newsdex/errors.h"
#include "newsdex/stored_article.h"
#include "support/locked_folders_file_system.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

struct Disk {
  Disk() {
    files.add_file("news/world/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
    files.add_file("news/locked/b.txt", "Lighthouse lit\n\nThe lighthouse was lit again.\n");
    files.add_file("news/locked/deep/c.txt", "Glacier melts\n\nThe glacier lost more ice.\n");
  }
  testing::MemoryFileSystem files;
  testing::LockedFoldersFileSystem locked{files};
};

struct UnreadableCase {
  std::string name;
  std::function<void(Disk&)> make_unreadable;
  std::string reported_path;
};

std::ostream& operator<<(std::ostream& out, const UnreadableCase& c) { return out << c.name; }

const UnreadableCase kCases[] = {
    {"ListingFails", [](Disk& disk) { disk.files.make_unreadable("news/locked"); }, "news/locked"},
    {"ListsButCannotBeEntered", [](Disk& disk) { disk.locked.lock("news/locked"); }, "news/locked"},
    {"SubfolderListsButCannotBeEntered", [](Disk& disk) { disk.locked.lock("news/locked/deep"); },
     "news/locked/deep"},
};

class UnreadableFolder : public ::testing::TestWithParam<UnreadableCase> {
 protected:
  struct Skip {
    std::string path, reason;
  };

  IndexCounts run() {
    skips_.clear();
    IndexOptions options;
    options.db_path = dir_ / "index";
    options.roots = {"news"};
    options.lock_timeout = 0.2;
    return run_index(options, disk_->locked,
                     [this](const std::string& path, const std::string& reason) {
                       skips_.push_back({path, reason});
                     });
  }

  std::vector<std::string> indexed_ids() {
    Xapian::Database db(dir_ / "index");
    std::vector<std::string> ids;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
      ids.push_back(StoredArticle::parse(db.get_document(*it).get_data()).id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  testing::TempDir dir_;
  std::unique_ptr<Disk> disk_ = std::make_unique<Disk>();
  std::vector<Skip> skips_;
};

TEST_P(UnreadableFolder, KeepsEveryArticleUnderItAndReportsIt) {
  const std::vector<std::string> all = {"locked/b.txt", "locked/deep/c.txt", "world/a.txt"};
  ASSERT_EQ(run().added, 3u);

  GetParam().make_unreadable(*disk_);
  IndexCounts counts = run();
  EXPECT_EQ(counts.deleted, 0u);
  EXPECT_EQ(indexed_ids(), all);
  ASSERT_EQ(skips_.size(), 1u);
  EXPECT_EQ(skips_[0].path, GetParam().reported_path);
  EXPECT_EQ(skips_[0].reason, "cannot read folder: Permission denied");
  EXPECT_EQ(counts.new_problems, 1u);

  // Readable again: nothing was lost, so nothing needs reading.
  disk_ = std::make_unique<Disk>();
  IndexCounts readable = run();
  EXPECT_EQ(readable.unchanged, 3u);
  EXPECT_EQ(readable.skipped, 0u);
  EXPECT_EQ(indexed_ids(), all);
}

INSTANTIATE_TEST_SUITE_P(IndexRun, UnreadableFolder, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<UnreadableCase>& param_info) {
                           return param_info.param.name;
                         });

// A root that lists but cannot be entered has no folder id to keep its articles by: it
// is refused before anything is walked, as a root that cannot be listed is.
TEST(UnreadableRoot, ThatListsButCannotBeEnteredIsAUsageError) {
  testing::MemoryFileSystem files;
  files.add_file("top/news/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
  testing::LockedFoldersFileSystem fs(files);
  fs.lock("top/news");
  EXPECT_THROW(walk_corpus(fs, {"top/news"}), UsageError);
}

// A root inside a folder that cannot be entered is there but unreadable, not missing.
TEST(UnreadableRoot, InsideAFolderThatCannotBeEnteredSaysSo) {
  testing::MemoryFileSystem files;
  files.add_file("top/news/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
  testing::LockedFoldersFileSystem fs(files);
  fs.lock("top");
  try {
    walk_corpus(fs, {"top/news"});
    ADD_FAILURE() << "walked a root it cannot reach";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "cannot read folder top/news: Permission denied");
  }
}

}  // namespace
}  // namespace newsdex
