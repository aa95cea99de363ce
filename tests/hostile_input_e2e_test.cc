// End-to-end tests of hostile input: values, files and queries that nobody planned for
// must never end a run or reach the terminal raw. The real binaries, a real index.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

// A folder name at the file system's limit becomes a section term of more than Xapian's
// 245 bytes; dump fields can be longer still. Each used to end every run with exit 2.
TEST(HostileInput, ValuesTooLongForATermAreIndexedAndFoundByTheirField) {
  TempDir dir;
  const std::string long_section(250, 's');
  const std::string long_value(400, 'x');
  write_file(dir / ("corpus/" + long_section + "/vote.txt"),
             "Council vote delayed\n\nThe council delayed its vote on the harbour plan.\n");
  nlohmann::json rows =
      nlohmann::json::array({{{"title", "Long source"},
                              {"text", "Ministers met in Brussels to discuss the budget."},
                              {"source", long_value}},
                             {{"title", "Long host"},
                              {"text", "The central bank raised its rates again."},
                              {"url", "https://" + long_value + ".example/a"}},
                             {{"title", "Long author"},
                              {"text", "Talks resumed in Geneva on Tuesday."},
                              {"author", "Jean " + long_value}},
                             {{"title", "Long id"},
                              {"text", "Rain fell on the coast all week."},
                              {"id", long_value + long_value}}});
  std::string dump;
  for (const auto& row : rows) dump += row.dump() + "\n";
  write_file(dir / "corpus/wire/dump.jsonl", dump);

  const std::string index = dir / "index";
  ProcessResult first = run_indexer({"--db", index, dir / "corpus"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(parse_summary(first.err).added, 5) << first.err;

  ProcessResult by_section =
      run_search({"--db", index, "--paths-only", "--undated=include", "section:" + long_section});
  EXPECT_EQ(by_section.exit_code, 0) << by_section.err;
  EXPECT_NE(by_section.out.find("vote.txt"), std::string::npos) << by_section.out;
  ProcessResult by_source =
      run_search({"--db", index, "--json", "--undated=include", "source:" + long_value});
  EXPECT_EQ(by_source.exit_code, 0) << by_source.err;
  std::vector<nlohmann::json> hits = parse_json_lines(by_source.out);
  ASSERT_FALSE(hits.empty()) << by_source.out;
  EXPECT_EQ(hits.front().value("title", ""), "Long source");

  ProcessResult again = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_summary(again.err).unchanged, 5) << again.err;
  ProcessResult full = run_indexer({"--db", index, "--full", dir / "corpus"});
  EXPECT_EQ(full.exit_code, 0) << full.err;
  ProcessResult sharded = run_indexer({"--db", dir / "sharded", "--shards", "2", dir / "corpus"});
  EXPECT_EQ(sharded.exit_code, 0) << sharded.err;
}

}  // namespace
}  // namespace newsdex::testing
