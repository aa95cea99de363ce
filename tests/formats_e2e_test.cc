// End-to-end: the real binaries on a mixed archive (plain text, Markdown with front
// matter, HTML, JSON Lines, gzip, Windows-1252) written for these tests in
// tests/fixtures/mixed-archive.
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

const std::string kFixture = NEWSDEX_FIXTURES "/mixed-archive";

// gzip-compresses a file in place (adds ".gz") with zlib, as gzip(1) would.
void gzip_file(const std::string& path) {
  std::string plain = read_file(path);
  gzFile out = gzopen((path + ".gz").c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, plain.data(), static_cast<unsigned>(plain.size())),
            static_cast<int>(plain.size()));
  ASSERT_EQ(gzclose(out), Z_OK);
  std::filesystem::remove(path);
}

class MixedArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    corpus_ = *dir_ / "archive";
    db_ = *dir_ / "index";
    copy_tree(kFixture, corpus_);
    gzip_file(corpus_ + "/coastwire/lighthouse-sale.txt");
    // An article with no date anywhere but its file's time.
    std::filesystem::last_write_time(
        corpus_ + "/legacy/cafe-prize.txt",
        std::filesystem::file_time_type::clock::now() - std::chrono::hours(24 * 400));
    first_run_ = new ProcessResult(run_indexer({"--db", db_, corpus_}));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete dir_;
  }

  static std::vector<nlohmann::json> search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--json", "--limit", "50"});
    ProcessResult result = run_search(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json_records(result.out);
  }
  static std::vector<std::string> ids(const std::vector<nlohmann::json>& hits) {
    std::vector<std::string> result;
    for (const auto& hit : hits) result.push_back(hit.at("id"));
    return result;
  }
  static nlohmann::json hit_for(const std::string& id) {
    auto hits = search({"--duplicates=show", "id:" + id});
    EXPECT_EQ(hits.size(), 1u) << id;
    return hits.empty() ? nlohmann::json::object() : hits.front();
  }

  static inline TempDir* dir_;
  static inline std::string corpus_, db_;
  static inline ProcessResult* first_run_;
};

TEST_F(MixedArchive, EveryFormatIsIndexedAndTheBadLineSkippedWithItsNumber) {
  EXPECT_EQ(first_run_->exit_code, 1) << first_run_->err;  // one skip: the broken JSON line
  EXPECT_NE(first_run_->err.find("skipped " + corpus_ + "/dumps/feed.jsonl:3: not valid JSON"),
            std::string::npos)
      << first_run_->err;
  Summary summary = parse_summary(first_run_->err);
  EXPECT_EQ(summary.added, 8) << first_run_->err;
  EXPECT_EQ(summary.skipped, 1);
}

TEST_F(MixedArchive, TitlesComeFromEachFormat) {
  struct Case {
    std::string id, title;
  };
  for (const Case& c : std::vector<Case>{
           {"coastwire/harbour-dredging.md", "Dredging of Mallaig harbour to start in spring"},
           {"islandpost/ferry-strike-copy.html",
            "Ferry crews strike over night rota on Skye route"},
           {"dumps/feed.jsonl:4", "Harbour seals counted from the air"},
           {"coastwire/lighthouse-sale.txt.gz",
            "Old lighthouse keeper's cottage sold to island trust"},
           {"legacy/cafe-prize.txt", "Caf\u00e9 on the pier wins \u201cbest chowder\u201d prize"},
       }) {
    EXPECT_EQ(hit_for(c.id).value("title", ""), c.title) << c.id;
  }
}

// An entry of a JSON dump has no file of its own: --show prints it from the index.
TEST_F(MixedArchive, ShowPrintsAnEntryOfADump) {
  ProcessResult shown = run_search({"--db", db_, "--json", "--show", "dumps/feed.jsonl:4"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  std::vector<nlohmann::json> article = json_records(shown.out, "article");
  ASSERT_EQ(article.size(), 1u) << shown.out;
  EXPECT_EQ(article.front().at("title"), "Harbour seals counted from the air");
  EXPECT_FALSE(article.front().at("text").get<std::string>().empty());
}

TEST_F(MixedArchive, DatesComeFromMetadataTextOrPathAndNeverFromTheFileTime) {
  struct Case {
    std::string id, date, date_time, date_source;  // date_time "" = null
  };
  for (const Case& c : std::vector<Case>{
           {"coastwire/harbour-dredging.md", "2024-02-12", "2024-02-12T09:30:00Z", "metadata"},
           {"islandpost/ferry-strike-copy.html", "2024-02-07", "2024-02-07T14:05:00Z", "metadata"},
           {"dumps/feed.jsonl:2", "2024-01-22", "", "metadata"},
           {"coastwire/lighthouse-sale.txt.gz", "2024-03-03", "", "text"},
           {"coastwire/2024/02/07/ferry-strike.txt", "2024-02-07", "", "path"},
       }) {
    nlohmann::json hit = hit_for(c.id);
    EXPECT_EQ(hit.value("date", ""), c.date) << c.id;
    if (c.date_time.empty()) {
      EXPECT_TRUE(hit.at("date_time").is_null()) << c.id;
    } else {
      EXPECT_EQ(hit.value("date_time", ""), c.date_time) << c.id;
    }
    EXPECT_EQ(hit.value("date_source", ""), c.date_source) << c.id;
  }
  // Its file time was set about 400 days back; that is no date.
  nlohmann::json cafe = hit_for("legacy/cafe-prize.txt");
  EXPECT_TRUE(cafe.at("date").is_null()) << cafe.dump();
  EXPECT_TRUE(cafe.at("date_time").is_null()) << cafe.dump();
  EXPECT_TRUE(cafe.at("date_source").is_null()) << cafe.dump();
}

TEST_F(MixedArchive, SourcesComeFromMetadataUrlOrTopFolder) {
  EXPECT_EQ(hit_for("dumps/feed.jsonl:2").value("source", ""), "Northern Ledger");
  EXPECT_EQ(hit_for("islandpost/ferry-strike-copy.html").value("source", ""), "islandpost.example");
  EXPECT_EQ(hit_for("coastwire/lighthouse-sale.txt.gz").value("source", ""), "coastwire");
  EXPECT_EQ(ids(search({"source:\"northern ledger\""})).size(), 2u);
  EXPECT_EQ(ids(search({"source:Coastwire", "harbour"})),
            (std::vector<std::string>{"coastwire/harbour-dredging.md"}));
  // author: and url: find what the metadata names.
  EXPECT_EQ(ids(search({"author:beaton"})),
            (std::vector<std::string>{"islandpost/ferry-strike-copy.html"}));
  EXPECT_EQ(ids(search({"author:\"calum rae\""})),
            (std::vector<std::string>{"dumps/feed.jsonl:1"}));
  EXPECT_EQ(ids(search({"url:\"https://northernledger.example/oban-timetable\""})),
            (std::vector<std::string>{"dumps/feed.jsonl:1"}));
  // A host is found by the site's own name too.
  EXPECT_EQ(ids(search({"source:islandpost"})), ids(search({"source:islandpost.example"})));
  EXPECT_FALSE(ids(search({"source:islandpost"})).empty());
}

TEST_F(MixedArchive, LineRepeatedAcrossOneSourceIsLearntAsResidue) {
  // "Coastwire readers can get these stories by email every morning." ends all three
  // Coastwire articles; no fixed rule knows it.
  EXPECT_TRUE(search({"--duplicates=show", "\"stories by email\""}).empty());
  // A sentence that appears once stays searchable.
  EXPECT_EQ(ids(search({"\"eleven weeks\""})),
            (std::vector<std::string>{"coastwire/lighthouse-sale.txt.gz"}));
  std::string raw = read_file(kFixture + "/coastwire/harbour-dredging.md");
  EXPECT_NE(raw.find("stories by email"), std::string::npos) << "the line is in the files";
}

TEST_F(MixedArchive, HtmlNavigationScriptsAndFootersAreNotIndexed) {
  for (std::string word : {"tracker", "puffin", "whisky", "newsroom", "weather"}) {
    EXPECT_TRUE(search({"--duplicates=show", word}).empty()) << word;
  }
}

TEST_F(MixedArchive, DateRangeFilterUsesTheArticlesOwnDate) {
  std::vector<std::string> february =
      ids(search({"--duplicates=show", "date:2024-02-01..2024-02-29"}));
  std::sort(february.begin(), february.end());
  EXPECT_EQ(february,
            (std::vector<std::string>{"coastwire/2024/02/07/ferry-strike.txt",
                                      "coastwire/harbour-dredging.md", "dumps/feed.jsonl:1",
                                      "dumps/feed.jsonl:4", "islandpost/ferry-strike-copy.html"}));
  EXPECT_EQ(ids(search({"ferry", "date:2024-02-08..2024-02-10"})),
            (std::vector<std::string>{"dumps/feed.jsonl:1"}));
}

TEST_F(MixedArchive, SortByDateIsNewestFirst) {
  auto hits = search({"--duplicates=show", "--sort", "date", "date:2024-01-01..2024-12-31"});
  ASSERT_GE(hits.size(), 6u);
  for (std::size_t i = 1; i < hits.size(); ++i) {
    EXPECT_GE(hits[i - 1].value("date", ""), hits[i].value("date", "")) << i;
  }
  EXPECT_EQ(hits.front().value("id", ""), "coastwire/lighthouse-sale.txt.gz");
}

TEST_F(MixedArchive, SameStoryUnderTwoSourcesCollapsesDifferentStoriesDoNot) {
  auto collapsed = search({"ferry"});
  auto shown = search({"--duplicates=show", "ferry"});
  EXPECT_EQ(shown.size(), 3u);  // the strike twice, the Oban timetable once
  ASSERT_EQ(collapsed.size(), 2u);
  int similar = 0;
  for (const auto& hit : collapsed) similar += hit.value("similar", 0);
  EXPECT_EQ(similar, 1);
  std::vector<std::string> collapsed_ids = ids(collapsed);
  EXPECT_NE(std::find(collapsed_ids.begin(), collapsed_ids.end(), "dumps/feed.jsonl:1"),
            collapsed_ids.end());
}

TEST_F(MixedArchive, ARerunChangesNothing) {
  ProcessResult rerun = run_indexer({"--db", db_, corpus_});
  Summary summary = parse_summary(rerun.err);
  EXPECT_EQ(summary.added, 0) << rerun.err;
  EXPECT_EQ(summary.updated, 0);
  EXPECT_EQ(summary.deleted, 0);
  EXPECT_EQ(summary.unchanged, 8);
}

TEST(IndexCli, StrictTurnsDeliberateSkipsIntoExit1AndInvalidBytesAreCounted) {
  TempDir dir;
  write_file(dir / "news/small.txt", "Pier reopens\n\nThe pier reopened after repairs.\n");
  write_file(dir / "news/large.txt", "Long report\n\n" + std::string(2u << 20, 'x') + "\n");
  write_file(dir / "news/odd.txt", "Odd bytes\n\nText \x81 with \x8D two undefined bytes.\n");
  ProcessResult relaxed =
      run_indexer({"--db", dir / "index", "--max-file-size", "1", dir / "news"});
  EXPECT_EQ(relaxed.exit_code, 0) << relaxed.err;
  EXPECT_NE(relaxed.err.find("large.txt: larger than the size cap"), std::string::npos);
  EXPECT_NE(relaxed.err.find("; skipped: 1 larger than the size cap; 2 invalid bytes replaced"),
            std::string::npos)
      << relaxed.err;
  ProcessResult strict =
      run_indexer({"--db", dir / "index", "--max-file-size", "1", "--strict", dir / "news"});
  EXPECT_EQ(strict.exit_code, 1) << strict.err;
  Summary summary = parse_summary(strict.err);
  EXPECT_EQ(summary.unchanged, 2);
  EXPECT_EQ(summary.skipped, 1);
}

}  // namespace
}  // namespace newsdex::testing
