// End-to-end test over a real news corpus: 2,095 BBC articles in five section folders.
// The corpus is not part of the project; NEWSDEX_BBC_CORPUS names its folder (.ci/run
// sets it when the corpus is available). Without it the test skips and says why.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

class BbcCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* corpus = std::getenv("NEWSDEX_BBC_CORPUS");
    if (corpus == nullptr || *corpus == '\0') return;
    corpus_ = new std::string(std::filesystem::exists(std::string(corpus) + "/news")
                                  ? std::string(corpus) + "/news"
                                  : std::string(corpus));
    dir_ = new TempDir;
    first_run_ = new ProcessResult(run_indexer({"--db", *dir_ / "index", *corpus_}));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete dir_;
    delete corpus_;
  }

  void SetUp() override {
    if (corpus_ == nullptr) {
      GTEST_SKIP() << "NEWSDEX_BBC_CORPUS is not set: set it to the bbc-news corpus folder "
                      "to run the real-corpus tests";
    }
  }

  static std::vector<std::string> section_counts(const std::string& query, int limit = 100,
                                                 const std::string& duplicates = "show") {
    std::vector<std::string> sections;
    ProcessResult result = run_search({"--db", *dir_ / "index", query, "--json", "--limit",
                                       std::to_string(limit), "--duplicates=" + duplicates});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    for (const auto& hit : json_records(result.out)) sections.push_back(hit.at("section"));
    return sections;
  }

  static std::string* corpus_;
  static TempDir* dir_;
  static ProcessResult* first_run_;
};
std::string* BbcCorpus::corpus_ = nullptr;
TempDir* BbcCorpus::dir_ = nullptr;
ProcessResult* BbcCorpus::first_run_ = nullptr;

TEST_F(BbcCorpus, IndexesEveryArticleWithoutSkips) {
  EXPECT_EQ(first_run_->exit_code, 0) << first_run_->err.substr(0, 2000);
  Summary summary = parse_summary(first_run_->err);
  EXPECT_EQ(summary.added, count_articles(*corpus_));
  EXPECT_EQ(summary.skipped, 0);
}

// No BBC article carries a date of its own (no metadata, no dateline with a year; match
// previews name a weekday and a day that the file time's year contradicts), and the file
// times of a copied corpus are no dates.
TEST_F(BbcCorpus, EveryArticleIsUndatedAndNoneIsRecent) {
  const int articles = count_articles(*corpus_);
  ProcessResult status = run_indexer({"--status", "--db", *dir_ / "index"});
  EXPECT_NE(status.out.find("dates:      none\n"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("undated:    " + std::to_string(articles) + " articles"),
            std::string::npos)
      << status.out;
  for (const char* mode : {"--undated=exclude", "--undated=include"}) {
    ProcessResult recent = run_search({"--db", *dir_ / "index", "--paths-only", "--limit", "100000",
                                       "--duplicates=show", mode, "date:last-7-days"});
    EXPECT_EQ(recent.exit_code, 0) << recent.err;
    const auto lines = std::count(recent.out.begin(), recent.out.end(), '\n');
    EXPECT_EQ(lines, std::string(mode) == "--undated=exclude" ? 0 : articles) << mode;
  }
}

TEST_F(BbcCorpus, SectionFilterCountsMatchTheFolders) {
  for (const char* section : {"business", "sport", "tech"}) {
    SCOPED_TRACE(section);
    std::vector<std::string> hits = section_counts(std::string("section:") + section, 100000);
    EXPECT_EQ(static_cast<int>(hits.size()), count_articles(*corpus_ + "/" + section));
    for (const std::string& s : hits) EXPECT_EQ(s, section);
  }
}

// The corpus holds the same story more than once (identical bodies under other titles):
// collapsed, a section shows fewer hits than it has files, never more.
TEST_F(BbcCorpus, DuplicateStoriesCollapse) {
  int files = 0, collapsed = 0;
  for (const char* section : {"business", "entertainment", "politics", "sport", "tech"}) {
    files += count_articles(*corpus_ + "/" + section);
    collapsed += static_cast<int>(
        section_counts(std::string("section:") + section, 100000, "collapse").size());
  }
  EXPECT_LT(collapsed, files);
  EXPECT_GT(collapsed, files * 95 / 100) << "different stories must not collapse";
}

TEST_F(BbcCorpus, TopicalWordsFindTheirSection) {
  // Words whose articles sit almost all in one section: the top ten hits must too.
  const std::pair<const char*, const char*> kCases[] = {
      {"yukos", "business"}, {"wenger", "sport"}, {"broadband", "tech"}, {"blunkett", "politics"}};
  for (const auto& [word, section] : kCases) {
    SCOPED_TRACE(word);
    std::vector<std::string> sections = section_counts(word, 10);
    ASSERT_EQ(sections.size(), 10u);
    EXPECT_GE(std::count(sections.begin(), sections.end(), section), 9);
  }
}

TEST_F(BbcCorpus, PassagesHighlightTheQuery) {
  ProcessResult result = run_search({"--db", *dir_ / "index", "oscar", "--limit", "5"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("[Oscar"), std::string::npos) << result.out;
}

TEST_F(BbcCorpus, RerunTouchesNothing) {
  ProcessResult rerun = run_indexer({"--db", *dir_ / "index", *corpus_});
  EXPECT_EQ(rerun.exit_code, 0);
  Summary summary = parse_summary(rerun.err);
  EXPECT_EQ(summary.unchanged, count_articles(*corpus_));
  EXPECT_EQ(summary.added + summary.updated + summary.deleted, 0);
}

}  // namespace
}  // namespace newsdex::testing
