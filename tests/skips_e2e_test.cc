// End-to-end tests of remembered skips: the real newsdex-index, run night after night
// on a corpus that holds broken files, as cron or the systemd timer would run it.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSkipLine = "newsdex-index: skipped ";

// A readable article, and a binary file of exactly its length: swapping one for the
// other without changing size or mtime shows whether the indexer read the file.
const std::string kGoodText =
    "Quillwort found in the reservoir\n\n"
    "Volunteers found quillwort growing in the shallows of the reservoir this week.\n";
std::string binary_of_good_size() {
  std::string bytes("\x89PNG\0\0\0\x0d", 8);
  bytes.resize(kGoodText.size(), '\0');
  return bytes;
}

// The lines of stderr that report a skip.
std::vector<std::string> skip_lines(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with(kSkipLine)) lines.push_back(line);
  }
  return lines;
}

void bump_mtime(const std::string& path) {
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
}

// Rewrites a file with other bytes of the same length and puts its mtime back: to the
// indexer's stat it is unchanged.
void swap_unseen(const std::string& path, const std::string& bytes) {
  fs::file_time_type mtime = fs::last_write_time(path);
  write_file(path, bytes);
  fs::last_write_time(path, mtime);
}

class RememberedSkips : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(corpus_ + "/local/ferry.txt",
               "Ferry resumes\n\nThe island ferry sails again after the storm.\n");
    write_file(corpus_ + "/local/zz-empty.txt", "");
    write_file(corpus_ + "/local/zz-binary.txt", binary_of_good_size());
    // A gzip header, then bytes that are no deflate stream.
    write_file(corpus_ + "/local/zz-corrupt.txt.gz", std::string("\x1f\x8b\x08\x00junkjunk", 12));
    write_file(corpus_ + "/dumps/feed.jsonl",
               "{\"headline\": \"Tide gauge fixed\", \"maintext\": \"The harbour tide gauge "
               "works again.\"}\n"
               "{\"headline\": broken\n");
  }

  ProcessResult index(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db", db_, "--report-json", report_path_};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(corpus_);
    return run_indexer(args);
  }
  nlohmann::json report() { return nlohmann::json::parse(read_file(report_path_)); }
  std::vector<std::string> find(const std::string& word) {
    return hit_ids(run_search({"--db", db_, word, "--json"}));
  }
  std::string path(const std::string& id) { return corpus_ + "/" + id; }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string db_ = dir_ / "index";
  std::string report_path_ = dir_ / "report.json";
};

TEST_F(RememberedSkips, FirstRunReportsSecondRunRemembersAndExits0) {
  ProcessResult first = index();
  EXPECT_EQ(first.exit_code, 1) << first.err;
  EXPECT_EQ(skip_lines(first.err).size(), 4u) << first.err;
  EXPECT_NE(first.err.find(kSkipLine + path("local/zz-empty.txt") + ": empty file"),
            std::string::npos);
  EXPECT_NE(first.err.find(kSkipLine + path("local/zz-corrupt.txt.gz") + ": corrupt gzip data"),
            std::string::npos)
      << first.err;
  EXPECT_NE(first.err.find(kSkipLine + path("dumps/feed.jsonl:2") + ": not valid JSON"),
            std::string::npos)
      << first.err;
  nlohmann::json counts = report().at("counts");
  EXPECT_EQ(counts.at("skipped"), 4);
  EXPECT_EQ(counts.at("skipped_new"), 4);
  EXPECT_EQ(counts.at("skipped_remembered"), 0);
  EXPECT_EQ(counts.at("added"), 2);  // the ferry and the dump's good entry

  // Unchanged: nothing is printed again, the run succeeds, and nothing is read (the
  // binary file now holds an article of the same size and mtime, which stays unseen).
  swap_unseen(path("local/zz-binary.txt"), kGoodText);
  ProcessResult second = index();
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(skip_lines(second.err).empty()) << second.err;
  EXPECT_NE(second.err.find("4 skipped in"), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("4 remembered from earlier runs"), std::string::npos) << second.err;
  nlohmann::json json = report();
  EXPECT_EQ(json.at("exit_code"), 0);
  EXPECT_EQ(json.at("counts").at("skipped"), 4);
  EXPECT_EQ(json.at("counts").at("skipped_new"), 0);
  EXPECT_EQ(json.at("counts").at("skipped_remembered"), 4);
  EXPECT_EQ(json.at("counts").at("added"), 0);
  EXPECT_EQ(json.at("counts").at("updated"), 0);
  EXPECT_EQ(json.at("counts").at("unchanged"), 2);
  ASSERT_EQ(json.at("skipped").size(), 4u);
  for (const nlohmann::json& skip : json.at("skipped")) {
    EXPECT_TRUE(skip.at("remembered").get<bool>()) << skip.dump();
  }
  EXPECT_TRUE(find("quillwort").empty());
  // The dump's good entry is kept while its broken one is remembered.
  EXPECT_EQ(find("gauge"), (std::vector<std::string>{"dumps/feed.jsonl:1"}));

  ProcessResult status = run_indexer({"--status", "--db", db_});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("skipped:    4 remembered"), std::string::npos) << status.out;
  for (const char* line :
       {"local/zz-empty.txt: empty file",
        "local/zz-binary.txt: not a text file (contains NUL bytes)",
        "local/zz-corrupt.txt.gz: corrupt gzip data", "dumps/feed.jsonl:2: not valid JSON"}) {
    EXPECT_NE(status.out.find("  " + corpus_ + "/" + line + "\n"), std::string::npos)
        << line << "\n"
        << status.out;
  }
}

TEST_F(RememberedSkips, ChangedFilesAreRetriedAndVanishedOnesForgotten) {
  ASSERT_EQ(index().exit_code, 1);

  // Touched but still empty, rewritten but still corrupt: met anew, so exit 1.
  bump_mtime(path("local/zz-empty.txt"));
  write_file(path("local/zz-corrupt.txt.gz"), std::string("\x1f\x8b\x08\x00moremorejunk", 16));
  ProcessResult still_bad = index();
  EXPECT_EQ(still_bad.exit_code, 1) << still_bad.err;
  std::vector<std::string> lines = skip_lines(still_bad.err);
  EXPECT_EQ(lines, (std::vector<std::string>{
                       kSkipLine + path("local/zz-empty.txt") + ": empty file",
                       kSkipLine + path("local/zz-corrupt.txt.gz") + ": corrupt gzip data"}))
      << still_bad.err;
  EXPECT_EQ(report().at("counts").at("skipped_remembered"), 2);  // the binary file and the dump

  // Fixed: read, indexed, exit 0.
  write_file(path("local/zz-binary.txt"), kGoodText);
  bump_mtime(path("local/zz-binary.txt"));
  ProcessResult fixed = index();
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_TRUE(skip_lines(fixed.err).empty()) << fixed.err;
  EXPECT_EQ(report().at("counts").at("added"), 1);
  EXPECT_EQ(find("quillwort"), (std::vector<std::string>{"local/zz-binary.txt"}));

  // Gone: forgotten, not listed, and the run is clean.
  fs::remove(path("local/zz-empty.txt"));
  fs::remove(path("local/zz-corrupt.txt.gz"));
  fs::remove(path("dumps/feed.jsonl"));
  ProcessResult gone = index();
  EXPECT_EQ(gone.exit_code, 0) << gone.err;
  EXPECT_EQ(report().at("counts").at("skipped"), 0);
  ProcessResult status = run_indexer({"--status", "--db", db_});
  EXPECT_NE(status.out.find("skipped:    none remembered\n"), std::string::npos) << status.out;
}

TEST_F(RememberedSkips, RetrySkippedReadsThemAgain) {
  ASSERT_EQ(index().exit_code, 1);
  swap_unseen(path("local/zz-binary.txt"), kGoodText);
  ASSERT_EQ(index().exit_code, 0);
  EXPECT_TRUE(find("quillwort").empty());

  ProcessResult retry = index({"--retry-skipped"});
  EXPECT_EQ(retry.exit_code, 0) << retry.err;  // the others fail as before: not new
  EXPECT_TRUE(skip_lines(retry.err).empty()) << retry.err;
  nlohmann::json counts = report().at("counts");
  EXPECT_EQ(counts.at("added"), 1);
  EXPECT_EQ(counts.at("skipped"), 3);
  EXPECT_EQ(counts.at("skipped_remembered"), 3);
  EXPECT_EQ(find("quillwort"), (std::vector<std::string>{"local/zz-binary.txt"}));
}

TEST_F(RememberedSkips, QuietPrintsNewSkipsOnlyAndStrictCountsEverySkip) {
  ProcessResult first = index({"--quiet"});
  EXPECT_EQ(first.exit_code, 1);
  // The skips and nothing else: no summary line.
  EXPECT_EQ(skip_lines(first.err).size(), 4u) << first.err;
  EXPECT_EQ(std::count(first.err.begin(), first.err.end(), '\n'), 4) << first.err;
  EXPECT_TRUE(first.out.empty());

  ProcessResult second = index({"--quiet"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(second.err.empty()) << second.err;
  EXPECT_TRUE(second.out.empty());

  // --strict: any file not indexed fails the run, and each is said again.
  ProcessResult strict = index({"--quiet", "--strict"});
  EXPECT_EQ(strict.exit_code, 1);
  std::vector<std::string> lines = skip_lines(strict.err);
  ASSERT_EQ(lines.size(), 4u) << strict.err;
  for (const std::string& line : lines) EXPECT_TRUE(line.ends_with(" (remembered)")) << line;
}

TEST_F(RememberedSkips, DeliberateSkipsPrintOnceAndNeverFailTheRun) {
  fs::remove_all(corpus_ + "/dumps");
  for (const char* bad : {"zz-empty.txt", "zz-binary.txt", "zz-corrupt.txt.gz"}) {
    fs::remove(path(std::string("local/") + bad));
  }
  write_file(dir_ / "elsewhere/outside.txt", kGoodText);
  fs::create_symlink(dir_ / "elsewhere/outside.txt", path("local/link.txt"));

  ProcessResult first = index({"--quiet"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(skip_lines(first.err),
            (std::vector<std::string>{kSkipLine + path("local/link.txt") +
                                      ": symbolic link leads outside the indexed folders"}));
  ProcessResult second = index({"--quiet"});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_TRUE(second.err.empty()) << second.err;
  EXPECT_EQ(report().at("counts").at("skipped_remembered"), 1);
}

// Skips are known by article id, as the index knows its articles: the same corpus
// reached by another path is the same corpus.
TEST_F(RememberedSkips, AnotherSpellingOfTheRootRemembersTheSame) {
  ASSERT_EQ(index().exit_code, 1);
  fs::create_directory_symlink(corpus_, dir_ / "alias");
  ProcessResult second = run_indexer({"--db", db_, "--report-json", report_path_, dir_ / "alias"});
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_TRUE(skip_lines(second.err).empty()) << second.err;
  EXPECT_EQ(report().at("counts").at("skipped_remembered"), 4);
  ProcessResult status = run_indexer({"--status", "--db", db_});
  EXPECT_NE(status.out.find("  " + (dir_ / "alias/local/zz-binary.txt") + ": "), std::string::npos)
      << status.out;
}

TEST_F(RememberedSkips, ShardedIndexRemembersInItsSideDatabase) {
  EXPECT_EQ(index({"--shards", "2"}).exit_code, 1);
  ProcessResult second = index();
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(report().at("counts").at("skipped_remembered"), 4);
  ProcessResult status = run_indexer({"--status", "--db", db_});
  EXPECT_NE(status.out.find("skipped:    4 remembered"), std::string::npos) << status.out;
}

// A rebuild reads every file anew, but the problems the live index met are not new.
TEST_F(RememberedSkips, RebuildKnowsTheLiveIndexSkips) {
  ProcessResult first = index({"--rebuild"});
  EXPECT_EQ(first.exit_code, 1) << first.err;
  ProcessResult again = index({"--rebuild"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(skip_lines(again.err).empty()) << again.err;
  EXPECT_EQ(report().at("counts").at("skipped_remembered"), 4);
  EXPECT_EQ(index().exit_code, 0);  // and the incremental run after it
}

}  // namespace
}  // namespace newsdex::testing
