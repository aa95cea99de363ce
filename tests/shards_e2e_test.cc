// Shards: the same corpus indexed as one database and as three shards answers every
// query the same way, searched through the folder's stub and through xapian-tcpsrv
// servers on 127.0.0.1; a server that goes away is named, or left out when asked.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "e2e_support.h"
#include "support/tcp_server.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::parse_json_lines;
using testing::ProcessResult;
using testing::run_indexer;
using testing::run_search;
using testing::TcpServer;
using testing::TempDir;

constexpr int kShards = 3;

// What must agree between layouts: per hit its id, weight (rounded: the sums of the
// statistics are the same, the order of floating-point additions may not be), date and
// passages; hits of equal weight in id order (Xapian breaks ties by docid, and docids
// differ between layouts); the facets line as printed.
std::vector<std::string> comparable(const ProcessResult& result) {
  std::vector<std::pair<double, std::string>> hits;
  std::vector<std::string> lines;
  for (const nlohmann::json& line : parse_json_lines(result.out)) {
    if (!line.contains("id")) {
      lines.push_back(line.dump());
      continue;
    }
    double score = std::round(line.at("score").get<double>() * 1e6) / 1e6;
    hits.emplace_back(score, line.at("id").get<std::string>() + " " + line.value("date", "") + " " +
                                 line.at("passages").dump());
  }
  std::stable_sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  std::vector<std::string> out;
  for (const auto& [score, text] : hits) out.push_back(std::to_string(score) + " " + text);
  out.insert(out.end(), lines.begin(), lines.end());
  return out;
}

// Queries over words, phrases, entity filters, facets, dates, both sort orders, spelling
// suggestions, synonyms, timelines and related entities.
const std::vector<std::vector<std::string>> kQueries = {
    {"election"},
    {"\"interest rates\""},
    {"parliament", "OR", "congress"},
    {"person:blinken"},
    {"org:hamas", "--facets"},
    {"place:gaza", "--duplicates=show"},
    {"date:2024-01-01..2024-06-30", "--sort", "date", "--limit", "20"},
    {"record", "--sort", "date"},
    {"--list", "people", "--limit", "15"},
    {"minister", "--facets", "--limit", "5", "--offset", "3"},
    // The side database answers for remote shards: spelling and synonyms.
    {"netanyahoo"},
    {"UN", "--duplicates=show"},
    {"election", "--timeline", "--related"},
};

class ShardsTest : public ::testing::Test {
 protected:
  // A failed assertion in SetUpTestSuite would make GoogleTest skip the tests, which
  // ctest counts as passing: the indexing is checked in SetUp, as a failure.
  static void SetUpTestSuite() {
    dir_ = std::make_unique<TempDir>();
    single_ = run_indexer({"--db", *dir_ / "single", NEWSDEX_SAMPLE_CORPUS});
    sharded_ = run_indexer(
        {"--db", *dir_ / "sharded", "--shards", std::to_string(kShards), NEWSDEX_SAMPLE_CORPUS});
  }
  static void TearDownTestSuite() { dir_.reset(); }
  void SetUp() override {
    ASSERT_EQ(single_.exit_code, 0) << single_.err;
    ASSERT_EQ(sharded_.exit_code, 0) << sharded_.err;
  }

  static std::vector<std::string> search(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--json"});
    ProcessResult result = run_search(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return comparable(result);
  }

  // A search machine's folder: a stub of remote lines and a copy of the side database.
  static std::string remote_index(const std::vector<std::unique_ptr<TcpServer>>& servers) {
    std::string folder = *dir_ / ("remote-" + std::to_string(servers.front()->port()));
    fs::create_directories(folder);
    fs::copy(*dir_ / "sharded/side", fs::path(folder) / "side", fs::copy_options::recursive);
    std::ofstream stub(fs::path(folder) / "XAPIANDB");
    for (const auto& server : servers) stub << "remote " << server->address() << "\n";
    return folder;
  }

  static std::vector<std::unique_ptr<TcpServer>> serve_shards() {
    std::vector<std::unique_ptr<TcpServer>> servers;
    for (int i = 0; i < kShards; ++i) {
      std::string shard = *dir_ / ("sharded/shard-0" + std::to_string(i));
      servers.push_back(std::make_unique<TcpServer>(shard));
    }
    return servers;
  }

  static std::unique_ptr<TempDir> dir_;
  static ProcessResult single_, sharded_;
};

std::unique_ptr<TempDir> ShardsTest::dir_;
ProcessResult ShardsTest::single_, ShardsTest::sharded_;

TEST_F(ShardsTest, ShardsSplitTheArticlesAndAgreeWithOneDatabase) {
  int total = 0;
  for (int i = 0; i < kShards; ++i) {
    ProcessResult status =
        run_indexer({"--status", "--db", *dir_ / ("sharded/shard-0" + std::to_string(i))});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(status.out, m, std::regex(R"(documents:\s+(\d+))")))
        << status.out;
    EXPECT_GT(std::stoi(m[1]), 0) << "shard " << i << " is empty";
    total += std::stoi(m[1]);
  }
  EXPECT_EQ(total, testing::count_articles(NEWSDEX_SAMPLE_CORPUS));
  for (const auto& query : kQueries) {
    SCOPED_TRACE(query.front());
    std::vector<std::string> expected = search(*dir_ / "single", query);
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(search(*dir_ / "sharded", query), expected);
  }
}

TEST_F(ShardsTest, RemoteShardsAgreeWithOneDatabase) {
  if (testing::tcpsrv_path().empty()) GTEST_SKIP() << "xapian-tcpsrv not installed (xapian-tools)";
  auto servers = serve_shards();
  for (const auto& server : servers) ASSERT_TRUE(server->running());
  std::string remote = remote_index(servers);
  for (const auto& query : kQueries) {
    SCOPED_TRACE(query.front());
    EXPECT_EQ(search(remote, query), search(*dir_ / "single", query));
  }
}

TEST_F(ShardsTest, AShardThatDoesNotAnswerIsNamedOrLeftOut) {
  if (testing::tcpsrv_path().empty()) GTEST_SKIP() << "xapian-tcpsrv not installed (xapian-tools)";
  auto servers = serve_shards();
  for (const auto& server : servers) ASSERT_TRUE(server->running());
  std::string remote = remote_index(servers);
  std::string gone = servers[1]->address();
  servers[1]->stop();

  ProcessResult failed = run_search({"--db", remote, "--timeout", "2", "election"});
  EXPECT_EQ(failed.exit_code, 3);
  EXPECT_NE(failed.err.find(gone), std::string::npos) << failed.err;
  EXPECT_EQ(std::count(failed.err.begin(), failed.err.end(), '\n'), 1) << failed.err;

  ProcessResult partial = run_search(
      {"--db", remote, "--timeout", "2", "--allow-missing-shards", "--json", "election"});
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_NE(partial.err.find("warning"), std::string::npos) << partial.err;
  EXPECT_NE(partial.err.find(gone), std::string::npos) << partial.err;
  std::vector<std::string> all = testing::hit_ids(
      run_search({"--db", *dir_ / "single", "--json", "--limit", "100", "election"}));
  std::vector<std::string> some = testing::hit_ids(partial);
  EXPECT_FALSE(some.empty());
  for (const std::string& id : some) {
    EXPECT_NE(std::find(all.begin(), all.end(), id), all.end()) << id;
  }
}

TEST_F(ShardsTest, ADifferentShardCountIsRefusedAndMergeGivesOneDatabase) {
  ProcessResult refused =
      run_indexer({"--db", *dir_ / "sharded", "--shards", "2", NEWSDEX_SAMPLE_CORPUS});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("has 3 shards, not 2"), std::string::npos) << refused.err;

  std::string merged = *dir_ / "merged";
  ProcessResult merge = run_indexer({"--db", *dir_ / "sharded", "--merge-to", merged});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_TRUE(fs::exists(fs::path(merged) / "iamglass"));
  for (const auto& query : kQueries) {
    SCOPED_TRACE(query.front());
    EXPECT_EQ(search(merged, query), search(*dir_ / "single", query));
  }
}

}  // namespace
}  // namespace newsdex
