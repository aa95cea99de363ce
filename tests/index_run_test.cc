#include "index_run.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <set>

#include "newsdex/aliases.h"
#include "newsdex/article_analyzer.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "newsdex/stored_article.h"
#include "rebuild.h"
#include "search_aids.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

struct Skip {
  std::string path, reason;
};

class IndexRunTest : public ::testing::Test {
 protected:
  IndexCounts run(bool full = false, unsigned jobs = 1, const std::string& db = "index",
                  double lock_timeout = 0.2) {
    skips_.clear();
    IndexOptions options;
    options.db_path = dir_ / db;
    options.jobs = jobs;
    options.lock_timeout = lock_timeout;
    options.roots = {"news"};
    options.full = full;
    options.commit_every = 2;  // several commits per run, as in a large corpus
    options.min_seconds_between_commits = commit_gap_;
    return run_index(options, fs_, [this](const std::string& path, const std::string& reason) {
      skips_.push_back({path, reason});
    });
  }

  // Ids of the articles matching `query_term`, sorted.
  std::vector<std::string> ids_with_term(const std::string& term) {
    Xapian::Database db(dir_ / "index");
    std::vector<std::string> ids;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      ids.push_back(StoredArticle::parse(db.get_document(*it).get_data()).id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  Xapian::doccount doc_count() { return Xapian::Database(dir_ / "index").get_doccount(); }

  testing::TempDir dir_;
  testing::MemoryFileSystem fs_;
  std::vector<Skip> skips_;
  double commit_gap_ = 0;  // a batch commit every second article, as if far apart
};

void expect_counts(const IndexCounts& c, std::size_t added, std::size_t updated,
                   std::size_t unchanged, std::size_t deleted, std::size_t skipped) {
  EXPECT_EQ(c.added, added);
  EXPECT_EQ(c.updated, updated);
  EXPECT_EQ(c.unchanged, unchanged);
  EXPECT_EQ(c.deleted, deleted);
  EXPECT_EQ(c.skipped, skipped);
}

TEST_F(IndexRunTest, FirstRunAddsEveryArticle) {
  fs_.add_file("news/world/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
  fs_.add_file("news/world/b.txt", "Bridge closes\n\nThe bridge closed for repairs.\n");
  fs_.add_file("news/sport/c.txt", "Cup final\n\nThe cup final went to penalties.\n");

  expect_counts(run(), 3, 0, 0, 0, 0);

  EXPECT_EQ(doc_count(), 3u);
  EXPECT_EQ(ids_with_term("XSECTIONworld"),
            (std::vector<std::string>{"world/a.txt", "world/b.txt"}));
  EXPECT_EQ(ids_with_term("harbour"), (std::vector<std::string>{"world/a.txt"}));
  Xapian::Database db(dir_ / "index");
  EXPECT_EQ(db.get_metadata(std::string(kMetaSchemaVersion)), std::to_string(kSchemaVersion));
}

// Xapian lets a search finish across one commit but not two, and an exact count reads
// every match: on an index that searches read, batch commits are kept apart in time.
TEST_F(IndexRunTest, BatchCommitsOnALiveIndexAreKeptApartInTime) {
  auto add_articles = [this](const std::string& prefix) {
    for (int i = 0; i < 30; ++i) {
      fs_.add_file("news/world/" + prefix + std::to_string(i) + ".txt",
                   "Harbour news " + std::to_string(i) + "\n\nThe harbour opened berth " +
                       std::to_string(i) + ".\n");
    }
  };
  auto revision = [this] { return Xapian::Database(dir_ / "index").get_revision(); };
  add_articles("first");
  run();  // a new index: built aside, nobody reads it yet

  add_articles("paced");
  commit_gap_ = 3600;
  const Xapian::rev before_paced = revision();
  expect_counts(run(), 30, 0, 30, 0, 0);
  const Xapian::rev paced = revision() - before_paced;

  add_articles("unpaced");
  commit_gap_ = 0;
  const Xapian::rev before_unpaced = revision();
  expect_counts(run(), 30, 0, 60, 0, 0);
  const Xapian::rev unpaced = revision() - before_unpaced;

  EXPECT_GE(unpaced, 15u);  // one commit per two articles
  EXPECT_LE(paced, 2u);     // only the run's closing commit(s)
  EXPECT_EQ(doc_count(), 90u);
}

// An index made by another analysis (an older newsdex's names or model) is analysed
// again as a whole, never left mixing old and new names; after that, runs are
// incremental again.
TEST_F(IndexRunTest, AnIndexMadeByAnotherAnalysisIsAnalysedAgain) {
  fs_.add_file("news/world/a.txt",
               "Talks resume\n\nThe U.S. envoy met Tory leaders in London before Christmas.\n");
  fs_.add_file("news/world/b.txt", "Bridge closes\n\nThe bridge closed for repairs.\n");
  IndexCounts first = run();
  EXPECT_FALSE(first.reanalysed);
  EXPECT_EQ(run().unchanged, 2u);
  const std::vector<std::string> places = ids_with_term("XPLACE:US");
  {
    Xapian::WritableDatabase db(dir_ / "index");
    EXPECT_EQ(db.get_metadata(std::string(kMetaAnalysis)), analysis_digest({}));
    // As an older newsdex would have left it: another digest, and another name.
    db.set_metadata(std::string(kMetaAnalysis), "0123456789abcdef");
    Xapian::Document doc = db.get_document(*db.postlist_begin("XPLACE:US"));
    doc.remove_term("XPLACE:US");
    doc.add_boolean_term("XORG:U.S.");
    db.replace_document(*db.postlist_begin("XPLACE:US"), doc);
    db.commit();
  }
  IndexCounts again = run();
  EXPECT_TRUE(again.reanalysed);
  EXPECT_EQ(again.updated, 2u);
  EXPECT_EQ(again.unchanged, 0u);
  EXPECT_EQ(ids_with_term("XPLACE:US"), places);
  EXPECT_TRUE(ids_with_term("XORG:U.S.").empty());
  IndexCounts after = run();
  EXPECT_FALSE(after.reanalysed);
  EXPECT_EQ(after.unchanged, 2u);
}

TEST_F(IndexRunTest, UnchangedFilesAreNotRead) {
  fs_.add_file("news/world/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
  run();
  // Reading would now fail; an unchanged stamp must mean the file is never opened.
  fs_.make_unreadable("news/world/a.txt");

  expect_counts(run(), 0, 0, 1, 0, 0);
  EXPECT_TRUE(skips_.empty());
}

TEST_F(IndexRunTest, ChangedFileIsReindexed) {
  fs_.add_file("news/world/a.txt", "Harbour opens\n\nThe harbour opened today.\n", 1000);
  run();
  fs_.add_file("news/world/a.txt", "Harbour shuts\n\nThe harbour shut after a storm.\n", 2000);

  expect_counts(run(), 0, 1, 0, 0, 0);
  EXPECT_EQ(doc_count(), 1u);
  EXPECT_EQ(ids_with_term("storm"), (std::vector<std::string>{"world/a.txt"}));
  EXPECT_TRUE(ids_with_term("today").empty());
}

TEST_F(IndexRunTest, TouchedFileIsNotReanalysed) {
  const std::string text = "Harbour opens\n\nThe harbour opened today.\n";
  fs_.add_file("news/world/a.txt", text, 1000);
  run();
  Xapian::docid before = *Xapian::Database(dir_ / "index").postlist_begin("Qworld/a.txt");
  fs_.add_file("news/world/a.txt", text, 2000);  // same bytes, new mtime

  IndexCounts touched = run();
  expect_counts(touched, 0, 0, 1, 0, 0);
  EXPECT_EQ(touched.touched, 1u);
  Xapian::Database db(dir_ / "index");
  EXPECT_EQ(*db.postlist_begin("Qworld/a.txt"), before);
  EXPECT_EQ(Xapian::sortable_unserialise(db.get_document(before).get_value(kSlotMtime)), 2000);

  // The refreshed stamp means the next run does not even open the file.
  fs_.make_unreadable("news/world/a.txt");
  IndexCounts again = run();
  expect_counts(again, 0, 0, 1, 0, 0);
  EXPECT_EQ(again.touched, 0u);
}

TEST_F(IndexRunTest, FullReanalysesTouchedFilesToo) {
  const std::string text = "Harbour opens\n\nThe harbour opened today.\n";
  fs_.add_file("news/a.txt", text, 1000);
  run();
  fs_.add_file("news/a.txt", text, 2000);
  IndexCounts full = run(/*full=*/true);
  expect_counts(full, 0, 1, 0, 0, 0);
  EXPECT_EQ(full.touched, 0u);
}

TEST_F(IndexRunTest, MovedFileKeepsItsAnalysis) {
  const std::string text =
      "Talks resume in Doha\n\nAntony Blinken met Qatari mediators in Doha on Tuesday. "
      "Blinken said the European Union (EU) backed the plan.\n";
  fs_.add_file("news/world/talks.txt", text, 1000);
  run();
  StoredArticle before =
      StoredArticle::parse(Xapian::Database(dir_ / "index").get_document(1).get_data());
  ASSERT_FALSE(before.entities.people.empty());

  fs_.remove_file("news/world/talks.txt");
  fs_.add_file("news/world/2024-talks.txt", text, 3000);  // renamed in its folder
  IndexCounts moved = run();
  expect_counts(moved, 1, 0, 0, 1, 0);
  EXPECT_EQ(moved.moved, 1u);

  Xapian::Database db(dir_ / "index");
  EXPECT_EQ(db.get_doccount(), 1u);
  StoredArticle after =
      StoredArticle::parse(db.get_document(*db.postlist_begin("Qworld/2024-talks.txt")).get_data());
  EXPECT_EQ(after.entities.people, before.entities.people);
  EXPECT_EQ(after.entities.places, before.entities.places);
  EXPECT_EQ(after.entities.people_aliases, before.entities.people_aliases);
  EXPECT_EQ(after.entities.topics, before.entities.topics);
}

// The section is a topic, and the text's own topics may name the old section: a file
// moved to another section must get the topics a fresh build gives it there.
TEST_F(IndexRunTest, FileMovedToAnotherSectionHasTheTopicsOfAFreshBuild) {
  const std::string text =
      "Markets rally on rate hopes\n\nMarkets rallied on Friday. Traders said markets "
      "had priced in a rate cut, and bond markets followed the markets in Asia.\n";
  fs_.add_file("news/markets/rally.txt", text, 1000);
  run();
  fs_.remove_file("news/markets/rally.txt");
  fs_.add_file("news/tech/rally.txt", text, 3000);
  run();
  run(/*full=*/false, 1, "fresh");  // a clean build of the same files

  auto topics_in = [&](const std::string& db_name) {
    Xapian::Database db(dir_ / db_name);
    return StoredArticle::parse(db.get_document(*db.postlist_begin("Qtech/rally.txt")).get_data())
        .entities.topics;
  };
  std::vector<std::string> fresh = topics_in("fresh");
  ASSERT_NE(std::find(fresh.begin(), fresh.end(), "markets"), fresh.end())
      << "the text's own topics must name the old section for this test to mean anything";
  EXPECT_EQ(topics_in("index"), fresh);
}

TEST_F(IndexRunTest, SameMtimeButNewSizeIsAChange) {
  fs_.add_file("news/a.txt", "Title\n\nShort.\n", 1000);
  run();
  fs_.add_file("news/a.txt", "Title\n\nA longer body now.\n", 1000);
  expect_counts(run(), 0, 1, 0, 0, 0);
}

using SynonymTable = std::map<std::string, std::set<std::string>>;

SynonymTable synonyms_of(const Xapian::Database& db) {
  SynonymTable table;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    for (auto value = db.synonyms_begin(*key); value != db.synonyms_end(*key); ++value) {
      table[*key].insert(*value);
    }
  }
  return table;
}

TEST_F(IndexRunTest, SynonymTableFollowsTheCorpusWhetherKeptOrWrittenAgain) {
  fs_.add_file("news/world/a.txt", "Envoys Meet\n\nThe United Nations sent envoys.\n", 1000);
  fs_.add_file("news/world/b.txt", "Harbour Opens\n\nThe harbour opened to traders.\n", 1000);
  run();
  // Each re-run: the index's table must be what writing it afresh gives. Edits with
  // words of other articles keep it; a word new to the index ("un") changes it.
  const std::vector<std::string> edits = {
      "Harbour Opens\n\nThe harbour opened to envoys and traders.\n",
      "Harbour Opens\n\nThe harbour opened; the UN sent traders.\n",
      "Harbour Opens\n\nThe harbour opened to traders.\n",
  };
  SynonymTable first;
  for (std::size_t i = 0; i < edits.size(); ++i) {
    SCOPED_TRACE(edits[i]);
    fs_.add_file("news/world/b.txt", edits[i], 2000 + i);
    expect_counts(run(), 0, 1, 1, 0, 0);
    Xapian::Database index(dir_ / "index");
    Xapian::WritableDatabase fresh(dir_ / ("fresh" + std::to_string(i)),
                                   Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    write_synonyms(index, fresh, shipped_aliases());
    fresh.commit();
    SynonymTable table = synonyms_of(index);
    EXPECT_EQ(table, synonyms_of(fresh));
    if (i == 0) first = table;
    if (i == 1) {
      EXPECT_NE(table, first) << "un is a word of the index now";
    }
  }
}

TEST(WorkerThreads, OneCoreIsLeftToTheOnlyWriterOfAnUpdate) {
  EXPECT_EQ(worker_threads(2, 1, false), 1u);  // update of one database
  EXPECT_EQ(worker_threads(8, 1, false), 7u);
  EXPECT_EQ(worker_threads(2, 1, true), 2u);   // a new index: two writer threads, merged
  EXPECT_EQ(worker_threads(2, 3, false), 2u);  // shards: a writer thread each
  EXPECT_EQ(worker_threads(1, 1, false), 1u);  // never none
  EXPECT_EQ(worker_threads(0, 1, true), 1u);   // cores unknown
}

TEST_F(IndexRunTest, VanishedFilesAreDeleted) {
  fs_.add_file("news/a.txt", "One\n\nFirst text.\n");
  fs_.add_file("news/b.txt", "Two\n\nSecond text.\n");
  run();
  fs_.remove_file("news/b.txt");

  expect_counts(run(), 0, 0, 1, 1, 0);
  EXPECT_EQ(doc_count(), 1u);
  EXPECT_TRUE(ids_with_term("second").empty());
}

TEST_F(IndexRunTest, BadFileIsSkippedWithReasonAndOthersIndexed) {
  fs_.add_file("news/a.txt", "One\n\nFirst text.\n");
  fs_.add_file("news/binary.txt", std::string("PK\0\3junk", 8));
  fs_.add_file("news/empty.txt", "");

  expect_counts(run(), 1, 0, 0, 0, 2);
  ASSERT_EQ(skips_.size(), 2u);
  // The walk finds the empty file; reading finds the binary one later.
  EXPECT_EQ(skips_[0].path, "news/empty.txt");
  EXPECT_EQ(skips_[0].reason, "empty file");
  EXPECT_EQ(skips_[1].path, "news/binary.txt");
  EXPECT_NE(skips_[1].reason.find("not a text file"), std::string::npos);
}

TEST_F(IndexRunTest, ArticleThatBreaksKeepsItsIndexedVersion) {
  fs_.add_file("news/a.txt", "One\n\nLighthouse keepers strike.\n", 1000);
  run();
  fs_.add_file("news/a.txt", "", 2000);

  expect_counts(run(), 0, 0, 0, 0, 1);
  EXPECT_EQ(ids_with_term("lighthouse"), (std::vector<std::string>{"a.txt"}));
}

TEST_F(IndexRunTest, UnreadableFolderKeepsItsArticles) {
  fs_.add_file("news/world/a.txt", "One\n\nFirst text.\n");
  fs_.add_file("news/locked/b.txt", "Two\n\nSecond text.\n");
  run();
  fs_.make_unreadable("news/locked");

  expect_counts(run(), 0, 0, 1, 0, 1);
  EXPECT_EQ(doc_count(), 2u);
  ASSERT_EQ(skips_.size(), 1u);
  EXPECT_EQ(skips_[0].path, "news/locked");
}

TEST_F(IndexRunTest, FullReindexesUnchangedFiles) {
  fs_.add_file("news/a.txt", "One\n\nFirst text.\n");
  fs_.add_file("news/b.txt", "Two\n\nSecond text.\n");
  run();
  expect_counts(run(/*full=*/true), 0, 2, 0, 0, 0);
  EXPECT_EQ(doc_count(), 2u);
}

TEST_F(IndexRunTest, DocumentIdsDoNotDependOnJobs) {
  for (int i = 0; i < 60; ++i) {
    std::string n = std::to_string(i);
    fs_.add_file("news/s" + std::to_string(i % 3) + "/a" + n + ".txt",
                 "Headline " + n + "\n\nHarbour story number " + n + " about ferries.\n");
  }
  fs_.add_file("news/s1/broken.txt", "");
  expect_counts(run(false, 1, "one"), 60, 0, 0, 0, 1);
  expect_counts(run(false, 3, "three"), 60, 0, 0, 0, 1);
  Xapian::Database one(dir_ / "one"), three(dir_ / "three");
  ASSERT_EQ(one.get_lastdocid(), three.get_lastdocid());
  for (Xapian::docid id = 1; id <= one.get_lastdocid(); ++id) {
    EXPECT_EQ(one.get_document(id).get_data(), three.get_document(id).get_data()) << id;
  }
}

TEST_F(IndexRunTest, SecondWriterIsBusy) {
  fs_.add_file("news/a.txt", "One\n\nFirst text.\n");
  run();
  Xapian::WritableDatabase holder(dir_ / "index", Xapian::DB_OPEN);
  EXPECT_THROW(run(), IndexBusyError);
}

TEST_F(IndexRunTest, OtherSchemaVersionNeedsFull) {
  fs_.add_file("news/a.txt", "One\n\nFirst text.\n");
  run();
  {
    Xapian::WritableDatabase db(dir_ / "index", Xapian::DB_OPEN);
    db.set_metadata(std::string(kMetaSchemaVersion), "0");
    db.commit();
  }
  EXPECT_THROW(run(), IndexError);
  expect_counts(run(/*full=*/true), 1, 0, 0, 0, 0);
  EXPECT_EQ(doc_count(), 1u);
}

TEST_F(IndexRunTest, BadRootNeverCreatesTheIndex) {
  EXPECT_THROW(run(), UsageError);  // "news" does not exist in the fake
  EXPECT_FALSE(std::filesystem::exists(dir_ / "index"));
}

std::uintmax_t folder_bytes(const std::string& path) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

TEST_F(IndexRunTest, ARunThatWritesTheWholeIndexLeavesItCompact) {
  for (int i = 0; i < 300; ++i) {
    fs_.add_file("news/local/report-" + std::to_string(i) + ".txt",
                 "Council report " + std::to_string(i) + "\n\nThe council met on day " +
                     std::to_string(i) + " to discuss the bridge, the library and the bus route " +
                     std::to_string(i % 17) + " before the budget vote.\n");
  }
  IndexCounts first = run();
  EXPECT_EQ(first.added, 300u);
  std::string db = dir_ / "index";
  EXPECT_EQ(Xapian::Database::check(db), 0u);
  Xapian::Database(db).compact(dir_ / "again");
  EXPECT_LE(folder_bytes(db), folder_bytes(dir_ / "again") * 11 / 10)
      << "compacting the index again would shrink it: it was not compacted";
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find("compacting"), std::string::npos)
        << entry.path();
  }
  // The compacted index carries on as before: the next run changes nothing.
  IndexCounts second = run();
  EXPECT_EQ(second.unchanged, 300u);
  EXPECT_EQ(second.added + second.updated + second.deleted, 0u);
}

TEST_F(IndexRunTest, ABuildLeftUnreadableIsStartedAgain) {
  for (int i = 0; i < 20; ++i) {
    fs_.add_file("news/local/note-" + std::to_string(i) + ".txt",
                 "Council note " + std::to_string(i) + "\n\nThe council met about the bridge " +
                     std::to_string(i) + ".\n");
  }
  // What a power cut can leave of a build written without fsync.
  testing::write_file(dir_ / "index.building/XAPIANDB", "auto shard-00\nauto shard-01\n");
  testing::write_file(dir_ / "index.building/shard-00", "not a database");
  IndexCounts counts = run();
  EXPECT_EQ(counts.added, 20u);
  EXPECT_EQ(doc_count(), 20u);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "index.building"));
}

// SIGTERM that lands after the last file, while the rebuild merges, checks or compacts,
// used to be ignored: the rebuild switched the stub and exited 0.
TEST_F(IndexRunTest, RebuildStoppedAfterTheLastFileLeavesTheLiveIndexAsItWas) {
  fs_.add_file("news/world/a.txt", "Harbour opens\n\nThe harbour opened today.\n");
  fs_.add_file("news/world/b.txt", "Bridge closes\n\nThe bridge closed for repairs.\n");
  IndexOptions options;
  options.db_path = dir_ / "live";
  options.roots = {"news"};
  options.jobs = 1;
  auto no_skips = [](const std::string&, const std::string&) {};
  ASSERT_FALSE(rebuild_index(options, /*compact=*/true, fs_, no_skips).interrupted);
  const std::vector<std::string> before = stub_targets(dir_ / "live");
  ASSERT_EQ(before.size(), 1u);

  std::atomic<bool> stop{false};
  options.interrupted = &stop;
  options.on_progress = [&](std::size_t done, std::size_t total) {
    if (done == total) stop = true;  // after the last file: no file is left to notice it
  };
  IndexCounts stopped = rebuild_index(options, /*compact=*/true, fs_, no_skips);
  EXPECT_TRUE(stopped.interrupted);
  EXPECT_EQ(stub_targets(dir_ / "live"), before) << "the live index must not switch";
  // The stopped build stays, marked, for the next rebuild to carry on (see
  // rebuild_resume_test.cc).
  std::size_t marks = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    marks += entry.path().filename().string().ends_with(".resume");
  }
  EXPECT_EQ(marks, 1u);
}

}  // namespace
}  // namespace newsdex
