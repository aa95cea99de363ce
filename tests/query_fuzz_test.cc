// A query fuzzer: 3,000 generated queries (words, names, fields, operators, dates,
// wildcards, brackets and quotes out of balance, bytes that are not UTF-8, control
// characters, long runs) against a single and a sharded index, each in one of the
// output modes. Every query is answered or refused with a QueryError, within 5 s.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "index_run.h"
#include "newsdex/errors.h"
#include "newsdex/file_system.h"
#include "printer.h"
#include "result_output.h"
#include "searcher.h"
#include "shard_layout.h"
#include "support/query_generator.h"
#include "support/tcp_server.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

constexpr int kQueries = 3000;
constexpr auto kMaxSeconds = std::chrono::seconds(5);

void write_corpus(const testing::TempDir& dir) {
  const std::vector<std::string>& kWords = testing::query_words();
  std::mt19937 random(7);
  for (int i = 0; i < 80; ++i) {
    std::string text =
        "Report " + std::to_string(i) + " on the " + kWords[i % kWords.size()] + "\n\n";
    for (int sentence = 0; sentence < 6; ++sentence) {
      text += "Tony Blair met José Mourinho in London about the " +
              kWords[random() % kWords.size()] + " and the " + kWords[random() % kWords.size()] +
              " on 2004-05-" + std::to_string(1 + i % 28) + ". ";
    }
    const char* section = i % 3 == 0 ? "politics" : i % 3 == 1 ? "sport" : "business";
    testing::write_file(
        dir / (std::string("corpus/") + section + "/a" + std::to_string(i) + ".txt"), text + "\n");
  }
}

enum class Layout { kSingle, kLocalShards, kRemoteShards };

class QueryFuzz : public ::testing::TestWithParam<Layout> {};

TEST_P(QueryFuzz, EveryQueryIsAnsweredOrRefusedInTime) {
  testing::TempDir dir;
  write_corpus(dir);
  RealFileSystem fs;
  IndexOptions options;
  options.db_path = dir / "index";
  options.roots = {dir / "corpus"};
  const Layout layout = GetParam();
  options.shards = layout == Layout::kSingle ? 0 : 2;
  run_index(options, fs, [](const std::string&, const std::string&) {});
  std::string searched = options.db_path;
  // Remote: the same two shards served by xapian-tcpsrv, found through a stub with the
  // side database, as a cluster would serve them.
  std::vector<std::unique_ptr<testing::TcpServer>> servers;
  if (layout == Layout::kRemoteShards) {
    if (testing::tcpsrv_path().empty()) GTEST_SKIP() << "xapian-tcpsrv not installed";
    searched = dir / "remote";
    std::filesystem::create_directories(searched);
    std::filesystem::copy(dir / "index/side", searched + "/side",
                          std::filesystem::copy_options::recursive);
    std::ofstream stub(searched + "/XAPIANDB");
    for (unsigned shard = 0; shard < 2; ++shard) {
      servers.push_back(
          std::make_unique<testing::TcpServer>(dir / ("index/" + shard_folder_name(shard))));
      ASSERT_TRUE(servers.back()->running());
      stub << "remote " << servers.back()->address() << "\n";
    }
  }
  Searcher searcher(searched);

  std::mt19937 random(2026);
  int answered = 0, refused = 0;
  for (int i = 0; i < kQueries; ++i) {
    const std::string query = testing::generate_query(random);
    SCOPED_TRACE("query " + std::to_string(i) + ": '" + query + "'");
    // NEWSDEX_FUZZ_TRACE=1 prints each query first: the last one printed is the culprit
    // when a query kills the process.
    if (std::getenv("NEWSDEX_FUZZ_TRACE") != nullptr) std::cerr << i << "\t" << query << "\n";
    std::ostringstream out, notes;
    const auto started = std::chrono::steady_clock::now();
    try {
      if (i % 6 == 5) {
        ListRequest list;
        list.facet = i % 4 == 0 ? "people" : "places";
        list.query = query;
        searcher.list(list);
      } else {
        SearchRequest request;
        request.query = query;
        request.facets = i % 2 == 0;
        request.autocorrect = i % 3 == 0;
        request.sort = i % 5 == 0 ? SortOrder::kDate : SortOrder::kRelevance;
        request.undated = i % 7 == 0 ? UndatedPolicy::kInclude : UndatedPolicy::kExclude;
        if (i % 11 == 0) request.timeline = TimelineBucket::kAuto;
        request.related_limit = i % 13 == 0 ? 5 : 0;
        OutputOptions output;
        output.style = i % 3 == 0   ? OutputStyle::kJson
                       : i % 3 == 1 ? OutputStyle::kText
                                    : OutputStyle::kPaths;
        auto printer = output.style == OutputStyle::kJson   ? make_json_printer(out)
                       : output.style == OutputStyle::kText ? make_text_printer(out, i % 2 == 0)
                                                            : make_paths_printer(out, '\n');
        SearchResults results = searcher.search(request);
        print_results(request, results, *printer, output, out, notes);
      }
      ++answered;
    } catch (const QueryError&) {
      ++refused;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, kMaxSeconds);
  }
  // The generator must reach both outcomes for the test to mean anything.
  EXPECT_GT(answered, kQueries / 2);
  EXPECT_GT(refused, 0);
}

INSTANTIATE_TEST_SUITE_P(Layouts, QueryFuzz,
                         ::testing::Values(Layout::kSingle, Layout::kLocalShards,
                                           Layout::kRemoteShards),
                         [](const ::testing::TestParamInfo<Layout>& param) {
                           return param.param == Layout::kSingle ? std::string("Single")
                                  : param.param == Layout::kLocalShards
                                      ? std::string("LocalShards")
                                      : std::string("RemoteShards");
                         });

}  // namespace
}  // namespace newsdex
