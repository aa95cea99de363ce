// A Searcher whose remote shard goes away while it is open (a server dies during an
// interactive session): the next search names the shard, or answers from the others
// when allowed.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "index_run.h"
#include "newsdex/errors.h"
#include "searcher.h"
#include "shard_layout.h"
#include "support/memory_file_system.h"
#include "support/tcp_server.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class SearcherShardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::tcpsrv_path().empty()) GTEST_SKIP() << "xapian-tcpsrv not installed";
    testing::MemoryFileSystem files;
    for (int i = 0; i < 30; ++i) {
      files.add_file("news/local/quay-" + std::to_string(i) + ".txt",
                     "Quay report " + std::to_string(i) +
                         "\n\nThe ferry left the quay at dawn with " + std::to_string(i) +
                         " passengers aboard.\n");
    }
    IndexOptions options;
    options.db_path = dir_ / "index";
    options.roots = {"news"};
    options.shards = 3;
    options.analysis.entities = false;
    run_index(options, files, [](const std::string&, const std::string&) {});
    fs::create_directories(dir_ / "remote");
    fs::copy(dir_ / "index/side", dir_ / "remote/side", fs::copy_options::recursive);
    std::ofstream stub(dir_ / "remote/XAPIANDB");
    for (unsigned i = 0; i < 3; ++i) {
      servers_.push_back(
          std::make_unique<testing::TcpServer>(dir_ / ("index/" + shard_folder_name(i))));
      ASSERT_TRUE(servers_.back()->running());
      stub << "remote " << servers_.back()->address() << "\n";
    }
  }

  static SearchRequest ferry() {
    SearchRequest request;
    request.query = "ferry";
    request.limit = 100;
    request.collapse_duplicates = false;  // the articles are near-duplicates of each other
    return request;
  }

  testing::TempDir dir_;
  std::vector<std::unique_ptr<testing::TcpServer>> servers_;
};

TEST_F(SearcherShardsTest, AShardLostDuringASessionIsNamed) {
  OpenOptions options;
  options.remote_timeout_ms = 2000;
  Searcher searcher(dir_ / "remote", options);
  ASSERT_EQ(searcher.search(ferry()).hits.size(), 30u);
  std::string gone = servers_[2]->address();
  servers_[2]->stop();
  try {
    searcher.search(ferry());
    ADD_FAILURE() << "a search with a dead shard succeeded";
  } catch (const ShardUnavailableError& e) {
    EXPECT_NE(std::string(e.what()).find(gone), std::string::npos) << e.what();
  }
}

TEST_F(SearcherShardsTest, AShardLostDuringASessionIsLeftOutWhenAllowed) {
  OpenOptions options;
  options.remote_timeout_ms = 2000;
  options.allow_missing_shards = true;
  Searcher searcher(dir_ / "remote", options);
  ASSERT_EQ(searcher.search(ferry()).hits.size(), 30u);
  EXPECT_TRUE(searcher.missing_shards().empty());
  std::string gone = servers_[0]->address();
  servers_[0]->stop();
  SearchResults partial = searcher.search(ferry());
  EXPECT_GT(partial.hits.size(), 0u);
  EXPECT_LT(partial.hits.size(), 30u);
  ASSERT_EQ(searcher.missing_shards().size(), 1u);
  EXPECT_NE(searcher.missing_shards().front().text.find(gone), std::string::npos);
}

}  // namespace
}  // namespace newsdex
