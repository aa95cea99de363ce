// Learnt residue through the real binaries: what is learnt (site footers at article
// edges), what never is (datelines, bylines, line-ups, lines inside the body), how it
// shows in --status, how it is turned off, and that a run cleans each article once
// and leaves the index a clean build of the same files would.
#include <gtest/gtest.h>

#include <xapian.h>

#include <fstream>
#include <map>
#include <string>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

// The terms of an index with their frequencies, and each article's stored record by id
// term: what a clean build and an incremental run must agree on.
std::map<std::string, std::string> index_digest(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> digest;
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    std::string name = *term;
    digest["term " + name] = std::to_string(term.get_termfreq());
    if (name.starts_with("Q")) {
      auto post = db.postlist_begin(name);
      digest["data " + name] = db.get_document(*post).get_data();
    }
  }
  return digest;
}

// A site whose every article ends with the same footer line, and whose articles all
// open with a dateline and a byline and end their body with a team line-up.
void write_site(const std::string& root, const std::string& site, int articles, int first = 0) {
  for (int i = first; i < first + articles; ++i) {
    std::string n = std::to_string(i);
    write_file(root + "/" + site + "/story" + n + ".txt",
               "Pier repairs reach stage " + n + "\n\n" + "PORTSMOUTH 2024-03-01\n\n" +
                   "By Morag Fenwick\n\n" + "Engineers replaced " + n +
                   " timber piles under the old pier this week.\n" +
                   "The pier trust said walkway " + n + " stays shut.\n\n" +
                   "Saturday's side: K Imrie, D Oyelaran, P Szabo, T Quennell, R Abaso.\n\n" +
                   "Get the Harbourside Bulletin in your inbox daily\n");
  }
}

int report_count(const std::string& report_path, const std::string& key) {
  std::ifstream in(report_path);
  nlohmann::json report = nlohmann::json::parse(in);
  return report.at("counts").at(key).get<int>();
}

std::size_t search_count(const std::string& db, const std::string& query) {
  return hit_ids(run_search({"--db", db, query, "--json", "--duplicates=show", "-n", "1000"}))
      .size();
}

TEST(ResidueLearning, LearnsAFooterButNeverDatelinesBylinesOrLineUps) {
  TempDir dir;
  write_site(dir / "corpus", "harbourside", 8);
  std::string db = dir / "index";
  ProcessResult run =
      run_indexer({"--db", db, "--report-json", dir / "report.json", dir / "corpus"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // Learnt before any article was cleaned: nothing was built twice.
  EXPECT_EQ(report_count(dir / "report.json", "recleaned"), 0);

  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 0u);
  EXPECT_EQ(search_count(db, "portsmouth"), 8u);  // the dateline
  EXPECT_EQ(search_count(db, "fenwick"), 8u);     // the byline
  EXPECT_EQ(search_count(db, "quennell"), 8u);    // the line-up

  ProcessResult status = run_indexer({"--db", db, "--status"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("residue:    1 line learnt"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("harbourside 8/8: Get the Harbourside Bulletin in your inbox daily"),
            std::string::npos)
      << status.out;
}

TEST(ResidueLearning, KeepsARepeatedLineInsideTheBodyAndALineOfAFewArticles) {
  TempDir dir;
  // The same quote in the middle of every article, and a closing line in 3 of 20.
  for (int i = 0; i < 20; ++i) {
    std::string n = std::to_string(i);
    std::string closing =
        i < 3 ? "Talks resume at the ferry office on Monday" : "Story " + n + " ends";
    write_file(dir / ("corpus/ferries/f" + n + ".txt"),
               "Ferry timetable change " + n + "\n\nCrossing " + n + " moves to the morning.\n\n" +
                   "The operator wrote to " + n + " households.\n\n" +
                   "\"We listened to the islanders\"\n\nRoute " + n +
                   " is run by two boats.\n\nFares on route " + n +
                   " stay the same.\n\nA review of route " + n + " is due in spring.\n\n" +
                   closing + "\n");
  }
  std::string db = dir / "index";
  ASSERT_EQ(run_indexer({"--db", db, dir / "corpus"}).exit_code, 0);
  EXPECT_EQ(search_count(db, "\"listened to the islanders\""), 20u);
  EXPECT_EQ(search_count(db, "\"talks resume at the ferry office\""), 3u);
  EXPECT_NE(run_indexer({"--db", db, "--status"}).out.find("residue:    0 lines learnt"),
            std::string::npos);
}

TEST(ResidueLearning, TurnedOffKeepsEveryLineAndCleansLearntArticlesAgain) {
  TempDir dir;
  write_site(dir / "corpus", "harbourside", 6);
  std::string db = dir / "index";
  ASSERT_EQ(run_indexer({"--db", db, dir / "corpus"}).exit_code, 0);
  ASSERT_EQ(search_count(db, "\"harbourside bulletin\""), 0u);

  ProcessResult off = run_indexer(
      {"--db", db, "--no-learn-residue", "--report-json", dir / "report.json", dir / "corpus"});
  ASSERT_EQ(off.exit_code, 0) << off.err;
  EXPECT_EQ(report_count(dir / "report.json", "recleaned"), 6);
  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 6u);
  EXPECT_NE(run_indexer({"--db", db, "--status"}).out.find("residue:    learning off"),
            std::string::npos);

  ProcessResult fresh = run_indexer({"--db", dir / "fresh", "--no-learn-residue", dir / "corpus"});
  ASSERT_EQ(fresh.exit_code, 0) << fresh.err;
  EXPECT_EQ(index_digest(db), index_digest(dir / "fresh"));
}

TEST(ResidueLearning, IncrementalRunsAgreeWithACleanBuildAsLinesAreLearntAndForgotten) {
  TempDir dir;
  std::string corpus = dir / "corpus";
  std::string db = dir / "index";
  auto agrees_with_clean_build = [&](const std::string& step) {
    std::string fresh = dir / ("fresh-" + step);
    ASSERT_EQ(run_indexer({"--db", fresh, corpus}).exit_code, 0) << step;
    EXPECT_EQ(index_digest(db), index_digest(fresh)) << step;
  };
  // Two sites, one footer each; 2 articles of three are too few to learn from.
  write_site(corpus, "harbourside", 2);
  write_site(corpus, "quayside", 4);
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 2u);
  agrees_with_clean_build("start");

  // A third footer article: now learnt, and the first two are cleaned again.
  write_site(corpus, "harbourside", 1, 2);
  ASSERT_EQ(run_indexer({"--db", db, "--report-json", dir / "r1.json", corpus}).exit_code, 0);
  EXPECT_EQ(report_count(dir / "r1.json", "recleaned"), 2);
  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 0u);
  agrees_with_clean_build("learnt");

  // Many articles of the site without the footer: under a quarter, forgotten again.
  for (int i = 0; i < 12; ++i) {
    write_file(corpus + "/harbourside/note" + std::to_string(i) + ".txt",
               "Tide note " + std::to_string(i) + "\n\nHigh water at " + std::to_string(i) +
                   " o'clock on the east quay.\n");
  }
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 3u);
  agrees_with_clean_build("forgotten");

  // Deleting those articles makes the footer a large share again.
  for (int i = 0; i < 12; ++i) {
    std::filesystem::remove(corpus + "/harbourside/note" + std::to_string(i) + ".txt");
  }
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  EXPECT_EQ(search_count(db, "\"harbourside bulletin\""), 0u);
  agrees_with_clean_build("deleted");
}

// A file moved to another source keeps its bytes but not its cleaning: the footer its
// old source had learnt is text in the new one, and is analysed as such.
TEST(ResidueLearning, AFileMovedToAnotherSourceIsAnalysedAsThatSourceCleansIt) {
  TempDir dir;
  std::string corpus = dir / "corpus";
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    write_file(corpus + "/coastwatch/c" + n + ".txt",
               "Lifeboat launch " + n + "\n\nThe crew launched " + n +
                   " times this month to help small boats.\n\nFollow Gordon Pettigrew in "
                   "Aberdeen for updates\n");
  }
  write_site(corpus, "quayside", 2);
  std::string db = dir / "index";
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  ASSERT_EQ(search_count(db, "person:pettigrew"), 0u);

  std::filesystem::rename(corpus + "/coastwatch/c0.txt", corpus + "/quayside/c0.txt");
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  EXPECT_EQ(search_count(db, "person:pettigrew"), 1u);
  std::string fresh = dir / "fresh";
  ASSERT_EQ(run_indexer({"--db", fresh, corpus}).exit_code, 0);
  EXPECT_EQ(index_digest(db), index_digest(fresh));
}

TEST(ResidueLearning, ExtractOnlyCleansAsTheIndexDoes) {
  TempDir dir;
  // The footer names a person and a place; learnt, neither is in the article.
  for (int i = 0; i < 4; ++i) {
    std::string n = std::to_string(i);
    write_file(dir / ("corpus/coastwatch/c" + n + ".txt"),
               "Lifeboat launch " + n + "\n\nThe crew launched " + n +
                   " times this month to help small boats.\n\nFollow Gordon Pettigrew in Aberdeen "
                   "for updates\n");
  }
  ProcessResult extracted = run_indexer({"--extract-only", dir / "corpus"});
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  EXPECT_EQ(extracted.out.find("Pettigrew"), std::string::npos) << extracted.out;
  ProcessResult kept = run_indexer({"--extract-only", "--no-learn-residue", dir / "corpus"});
  EXPECT_NE(kept.out.find("Gordon Pettigrew"), std::string::npos) << kept.out;

  std::string db = dir / "index";
  ASSERT_EQ(run_indexer({"--db", db, dir / "corpus"}).exit_code, 0);
  EXPECT_EQ(search_count(db, "person:pettigrew"), 0u);
  EXPECT_EQ(search_count(db, "pettigrew"), 0u);
}

}  // namespace
}  // namespace newsdex::testing
