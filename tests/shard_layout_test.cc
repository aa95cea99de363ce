// Sharded indexes as the indexer writes them: stable placement by id, the stub, the
// refusal of another shard count, and incremental runs that update and delete articles
// in the right shard.
#include "shard_layout.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "index_run.h"
#include "newsdex/errors.h"
#include "newsdex/schema.h"
#include "shard_writer.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

TEST(ShardOfTest, SpreadsIdsAndNeverMovesOne) {
  std::map<unsigned, int> per_shard;
  for (int i = 0; i < 3000; ++i) {
    std::string term = id_term("world/story-" + std::to_string(i) + ".txt");
    unsigned shard = shard_of(term, 3);
    ASSERT_LT(shard, 3u);
    EXPECT_EQ(shard_of(term, 3), shard);
    ++per_shard[shard];
  }
  for (const auto& [shard, count] : per_shard) {
    EXPECT_NEAR(count, 1000, 100) << "shard " << shard;
  }
  // Stable across builds and machines: FNV-1a of the id term, not std::hash. Changing
  // it would move articles between shards of existing indexes.
  EXPECT_EQ(shard_of("Qworld/a.txt", 1000), 802u);
}

TEST(ShardLayoutTest, ExistingShardCountReadsTheStub) {
  testing::TempDir dir;
  EXPECT_EQ(existing_shard_count(dir / "nothing"), 0u);
  Xapian::WritableDatabase(dir / "single", Xapian::DB_CREATE_OR_OPEN).commit();
  EXPECT_EQ(existing_shard_count(dir / "single"), 1u);
  testing::write_file(dir / "sharded/XAPIANDB", stub_text(4));
  EXPECT_EQ(existing_shard_count(dir / "sharded"), 4u);
  testing::write_file(dir / "foreign/XAPIANDB", "auto elsewhere\n");
  EXPECT_THROW(existing_shard_count(dir / "foreign"), IndexError);
}

class ShardedRunTest : public ::testing::Test {
 protected:
  IndexCounts run(unsigned shards) {
    IndexOptions options;
    options.db_path = dir_ / "index";
    options.roots = {"news"};
    options.shards = shards;
    options.commit_every = 2;
    options.min_seconds_between_commits = 0;  // every batch commits, as in a long run
    options.analysis.entities = false;
    return run_index(options, fs_, [](const std::string&, const std::string&) {});
  }

  // id -> shard folder, from the shards themselves.
  std::map<std::string, std::string> placement() {
    std::map<std::string, std::string> where;
    for (unsigned i = 0; i < 3; ++i) {
      std::string shard = shard_folder_name(i);
      Xapian::Database db(dir_ / ("index/" + shard));
      for (auto t = db.allterms_begin("Q"); t != db.allterms_end("Q"); ++t) {
        EXPECT_EQ(where.count(*t), 0u) << *t << " is in two shards";
        where[*t] = shard;
      }
    }
    return where;
  }

  testing::TempDir dir_;
  testing::MemoryFileSystem fs_;
};

TEST_F(ShardedRunTest, ArticlesLandInTheirShardAndStayThere) {
  for (int i = 0; i < 12; ++i) {
    fs_.add_file("news/world/story-" + std::to_string(i) + ".txt",
                 "Harbour story " + std::to_string(i) +
                     "\n\nThe ferry to the island ran late on day " + std::to_string(i) +
                     " because of fog over the harbour.\n");
  }
  IndexCounts first = run(3);
  EXPECT_EQ(first.added, 12u);
  std::map<std::string, std::string> where = placement();
  ASSERT_EQ(where.size(), 12u);
  for (const auto& [term, shard] : where) {
    EXPECT_EQ(shard, shard_folder_name(shard_of(term, 3))) << term;
  }
  EXPECT_EQ(Xapian::Database(dir_ / "index").get_doccount(), 12u);  // through the stub
  EXPECT_FALSE(
      Xapian::Database(dir_ / "index/side").get_metadata(std::string(kMetaLastRun)).empty());

  // Change one, delete one, add one: each change goes to the article's own shard.
  fs_.add_file("news/world/story-3.txt", "Harbour story 3\n\nThe ferry sailed on time.\n", 2000);
  fs_.remove_file("news/world/story-5.txt");
  fs_.add_file("news/world/story-12.txt", "Harbour story 12\n\nA new ferry arrived.\n");
  IndexCounts second = run(0);  // 0: keep the index's own number of shards
  EXPECT_EQ(second.updated, 1u);
  EXPECT_EQ(second.deleted, 1u);
  EXPECT_EQ(second.added, 1u);
  std::map<std::string, std::string> after = placement();
  EXPECT_EQ(after.size(), 12u);
  EXPECT_EQ(after.count(id_term("world/story-5.txt")), 0u);
  for (const auto& [term, shard] : after) {
    EXPECT_EQ(shard, shard_folder_name(shard_of(term, 3))) << term;
  }

  // Same bytes, new time: only the stamp is written, in the article's shard.
  fs_.add_file("news/world/story-7.txt",
               "Harbour story 7\n\nThe ferry to the island ran late on day 7 because of fog over "
               "the harbour.\n",
               3000);
  IndexCounts touched = run(0);
  EXPECT_EQ(touched.touched, 1u);
  EXPECT_EQ(touched.updated, 0u);
  IndexCounts quiet = run(0);
  EXPECT_EQ(quiet.unchanged, 12u);
  EXPECT_EQ(quiet.touched, 0u) << "the new stamp was stored";

  EXPECT_THROW(run(2), UsageError);
  EXPECT_EQ(placement().size(), 12u);  // the refused run changed nothing
}

TEST(ShardWriterTest, AppliesChangesInOrderAndReportsAFailure) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir / "shard", Xapian::DB_CREATE_OR_OPEN);
  ShardWriter writer(db);
  for (int i = 1; i <= 300; ++i) {  // more than the queue holds: post() must wait
    writer.post([i](Xapian::WritableDatabase& shard) {
      Xapian::Document doc;
      doc.add_boolean_term("Qn" + std::to_string(i));
      shard.replace_document("Qn" + std::to_string(i), doc);
      shard.set_metadata("last", std::to_string(i));
    });
  }
  writer.wait_idle();
  EXPECT_EQ(db.get_doccount(), 300u);
  EXPECT_EQ(db.get_metadata("last"), "300");

  writer.post([](Xapian::WritableDatabase& shard) { shard.delete_document(999999); });
  EXPECT_THROW(writer.wait_idle(), Xapian::DocNotFoundError);
  writer.post([](Xapian::WritableDatabase& shard) { shard.set_metadata("after", "yes"); });
  writer.wait_idle();  // a reported failure does not stick
  EXPECT_EQ(db.get_metadata("after"), "yes");
}

}  // namespace
}  // namespace newsdex
