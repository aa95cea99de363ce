#include "skip_memory.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "newsdex/schema.h"

namespace newsdex {
namespace {

Xapian::WritableDatabase memory_database() {
  return Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
}

TEST(SkipMemory, RoundTripsThroughMetadataWithExactStamps) {
  SkipMemory memory;
  // An mtime with sub-second digits that a short decimal would round.
  double mtime = 1764945123.123456789;
  const std::string a = SkipMemory::id_key("a.txt");
  const std::string feed = SkipMemory::id_key("feed.jsonl");
  const std::string locked = SkipMemory::id_key("locked/");
  const std::string link = SkipMemory::path_key("news/link.txt");
  memory.remember(a, "news/a.txt", 12, mtime, "", "not a text file");
  memory.remember(feed, "news/feed.jsonl", 400, 17.5, ":2", "not valid JSON");
  memory.remember(feed, "news/feed.jsonl", 400, 17.5, ":9", "not valid JSON");
  memory.remember(locked, "news/locked", std::nullopt, 0, "", "cannot read folder: denied");
  memory.remember(link, "news/link.txt", std::nullopt, 0, "", "symbolic link loop");
  Xapian::WritableDatabase db = memory_database();
  memory.save(db);

  SkipMemory loaded = SkipMemory::load(db);
  EXPECT_EQ(loaded.skip_count(), 5u);
  ASSERT_NE(loaded.unchanged(a, 12, mtime), nullptr);
  EXPECT_EQ(loaded.unchanged(a, 12, mtime)->path, "news/a.txt");
  EXPECT_EQ(loaded.unchanged(a, 12, mtime + 1e-6), nullptr);
  EXPECT_EQ(loaded.unchanged(a, 13, mtime), nullptr);
  // A folder has no stamp: it is never "unchanged" (the walk checks it each run).
  EXPECT_EQ(loaded.unchanged(locked, 0, 0), nullptr);
  EXPECT_EQ(loaded.unchanged(feed, 400, 17.5)->skips.size(), 2u);
  // Keys by id and by path stay apart.
  EXPECT_TRUE(loaded.knows(link, std::nullopt, 0, "", "symbolic link loop"));
  EXPECT_FALSE(
      loaded.knows(SkipMemory::id_key("news/link.txt"), std::nullopt, 0, "", "symbolic link loop"));
}

struct KnowsCase {
  const char* name;
  std::string path;
  std::optional<std::uint64_t> size;
  double mtime;
  std::string entry, reason;
  bool known;
};

TEST(SkipMemory, KnowsOnlyTheSameSkipOfTheSameFile) {
  SkipMemory memory;
  memory.remember("a.txt", "root/a.txt", 12, 5.0, "", "empty file");
  memory.remember("feed.jsonl", "root/feed.jsonl", 40, 6.0, ":2", "not valid JSON");
  memory.remember("link.txt", "root/link.txt", std::nullopt, 0, "", "symbolic link leads outside");
  const KnowsCase kCases[] = {
      {"same", "a.txt", 12, 5.0, "", "empty file", true},
      {"touched", "a.txt", 12, 6.0, "", "empty file", false},
      {"grown", "a.txt", 13, 5.0, "", "empty file", false},
      {"other reason", "a.txt", 12, 5.0, "", "not a text file", false},
      {"other path", "b.txt", 12, 5.0, "", "empty file", false},
      {"same entry", "feed.jsonl", 40, 6.0, ":2", "not valid JSON", true},
      {"other entry", "feed.jsonl", 40, 6.0, ":3", "not valid JSON", false},
      {"no stamp: reason only", "link.txt", 99, 1.0, "", "symbolic link leads outside", true},
  };
  for (const KnowsCase& c : kCases) {
    EXPECT_EQ(memory.knows(c.path, c.size, c.mtime, c.entry, c.reason), c.known) << c.name;
  }
}

TEST(SkipMemory, EmptyMemoryRemovesTheKeyAndUnreadableRecordsAreForgotten) {
  Xapian::WritableDatabase db = memory_database();
  SkipMemory memory;
  memory.remember("a.txt", "root/a.txt", 1, 1, "", "empty file");
  memory.save(db);
  EXPECT_FALSE(db.get_metadata(std::string(kMetaSkips)).empty());
  SkipMemory().save(db);
  EXPECT_TRUE(db.get_metadata(std::string(kMetaSkips)).empty());

  for (const char* record : {"not json", "[]", "{\"version\": 99, \"paths\": []}",
                             "{\"version\": 1, \"paths\": [{\"path\": 3}]}"}) {
    db.set_metadata(std::string(kMetaSkips), record);
    EXPECT_EQ(SkipMemory::load(db).skip_count(), 0u) << record;
  }
}

}  // namespace
}  // namespace newsdex
