// What the --db guard recognises as newsdex's on a real disk, and what it refuses: the
// guard is what stands between a typo and a user's archive.
#include "db_path_guard.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <functional>
#include <ostream>

#include "newsdex/schema.h"
#include "shard_layout.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

void make_database(const std::string& path, bool newsdex_metadata, int documents) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
  if (newsdex_metadata) write_schema_metadata(db);
  for (int i = 0; i < documents; ++i) db.add_document(Xapian::Document());
  db.commit();
  db.close();
}

struct KindCase {
  std::string name;
  std::function<void(const std::string& path)> make;  // makes what is at `path`
  DbPathKind kind;
  std::string why;  // a part of the reason, for kForeign
};

std::ostream& operator<<(std::ostream& out, const KindCase& c) { return out << c.name; }

const KindCase kKinds[] = {
    {"Missing", [](const std::string&) {}, DbPathKind::kMissing, ""},
    {"EmptyFolder", [](const std::string& p) { fs::create_directories(p); },
     DbPathKind::kEmptyFolder, ""},
    {"NewsdexDatabase", [](const std::string& p) { make_database(p, true, 2); },
     DbPathKind::kDatabase, ""},
    // What a first run killed before its first commit leaves.
    {"EmptyDatabase", [](const std::string& p) { make_database(p, false, 0); },
     DbPathKind::kDatabase, ""},
    {"OtherProgramsDatabase", [](const std::string& p) { make_database(p, false, 1); },
     DbPathKind::kForeign, "a Xapian database of another program"},
    {"DatabaseWithChangesets",
     [](const std::string& p) {
       make_database(p, true, 1);
       write_file(p + "/changes1", "");
     },
     DbPathKind::kDatabase, ""},
    {"DatabaseWithNotes",
     [](const std::string& p) {
       make_database(p, true, 1);
       write_file(p + "/notes.md", "mine\n");
     },
     DbPathKind::kForeign, "a Xapian database folder that also holds notes.md"},
    {"ShardedIndex",
     [](const std::string& p) {
       write_file(p + "/" + std::string(kStubFileName), stub_text(2));
       for (const char* sub : {"/side", "/shard-00", "/shard-01"}) make_database(p + sub, true, 0);
     },
     DbPathKind::kShardedIndex, ""},
    {"OtherStubFolder",
     [](const std::string& p) { write_file(p + "/" + std::string(kStubFileName), "auto a\n"); },
     DbPathKind::kForeign, "a Xapian stub that newsdex did not write"},
    {"RebuildStub",
     [](const std::string& p) { write_file(p, "glass live.gen-20261125T031500-4242\n"); },
     DbPathKind::kStubFile, ""},
    {"TextFile",
     [](const std::string& p) { write_file(p, "glass is fragile\nhandle with care\n"); },
     DbPathKind::kForeign, "not a newsdex stub"},
    {"FolderOfArticles",
     [](const std::string& p) {
       write_file(p + "/world/a.txt", "A\n\nText.\n");
       write_file(p + "/notes.md", "mine\n");
     },
     DbPathKind::kForeign, "a folder holding 2 entries: notes.md, world"},
    {"BrokenLink", [](const std::string& p) { fs::create_symlink("/nonexistent/target", p); },
     DbPathKind::kForeign, "a broken symbolic link"},
};

class DbPathKinds : public ::testing::TestWithParam<KindCase> {};

TEST_P(DbPathKinds, AreRecognised) {
  TempDir dir;
  std::string path = dir / "db";
  GetParam().make(path);
  DbPathVerdict verdict = classify_db_path(path);
  EXPECT_EQ(verdict.kind, GetParam().kind) << verdict.why;
  EXPECT_NE(verdict.why.find(GetParam().why), std::string::npos) << verdict.why;
  if (GetParam().kind == DbPathKind::kForeign) {
    EXPECT_THROW(check_db_path(path, {}), DbPathRefused);
  } else {
    EXPECT_NO_THROW(check_db_path(path, {}));
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, DbPathKinds, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<KindCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(DbPathGuard, RefusesAnIndexAndARootThatOverlap) {
  TempDir dir;
  write_file(dir / "news/world/a.txt", "A\n\nText.\n");
  make_database(dir / "index", true, 0);
  fs::create_directories(dir / "index-notes");
  EXPECT_THROW(check_db_path(dir / "news/index", {dir / "news"}), DbPathRefused);
  EXPECT_THROW(check_db_path(dir / "news", {dir / "news"}), DbPathRefused);
  // Through another spelling of the same folder.
  fs::create_symlink(dir / "news", dir / "alias");
  EXPECT_THROW(check_db_path(dir / "alias/index", {dir / "news"}), DbPathRefused);
  EXPECT_THROW(check_db_path(dir / "news/./sub/../index", {dir / "news/"}), DbPathRefused);
  try {
    check_db_path(dir / "index", {dir / "index/sub/"});
    ADD_FAILURE() << "a root inside the index was accepted";
  } catch (const DbPathRefused& e) {
    EXPECT_NE(std::string(e.what()).find(" holds the ROOT "), std::string::npos) << e.what();
  }
  // A sibling whose name starts like the root is not inside it.
  EXPECT_NO_THROW(check_db_path(dir / "news-index", {dir / "news"}));
  EXPECT_NO_THROW(check_db_path(dir / "index", {dir / "index-notes"}));
}

TEST(DbPathGuard, LeftoversOfOurRunsAreOursAndAUsersAreNot) {
  TempDir dir;
  // A build killed before its stub was written, and one killed after.
  fs::create_directories(dir / "a.building/side");
  fs::create_directories(dir / "a.building/shard-00");
  EXPECT_TRUE(is_build_leftover(dir / "a.building"));
  write_file(dir / "b.building/XAPIANDB", stub_text(2));
  EXPECT_TRUE(is_build_leftover(dir / "b.building"));
  write_file(dir / "c.building/draft.txt", "mine\n");
  EXPECT_FALSE(is_build_leftover(dir / "c.building"));
  EXPECT_FALSE(is_build_leftover(dir / "missing.building"));

  make_database(dir / "a.merging", false, 0);
  EXPECT_TRUE(is_merge_leftover(dir / "a.merging"));
  write_file(dir / "c.merging/draft.txt", "mine\n");
  EXPECT_FALSE(is_merge_leftover(dir / "c.merging"));

  EXPECT_NO_THROW(check_run_leftovers(dir / "a"));
  EXPECT_THROW(check_run_leftovers(dir / "c"), DbPathRefused);
  write_file(dir / "d.lock", "4242\n");
  EXPECT_NO_THROW(check_run_leftovers(dir / "d"));
  write_file(dir / "e.lock", "lock the shed\n");
  EXPECT_THROW(check_run_leftovers(dir / "e"), DbPathRefused);
}

TEST(DbPathGuard, MessageIsOneLineNamingTheOption) {
  TempDir dir;
  write_file(dir / "news/a.txt", "A\n\nText.\n");
  try {
    check_db_path(dir / "news", {}, "--merge-to");
    ADD_FAILURE() << "not refused";
  } catch (const DbPathRefused& e) {
    std::string message = e.what();
    EXPECT_EQ(message, "--merge-to " + (dir / "news") +
                           " is not a newsdex index (a folder holding 1 entry: a.txt); refusing "
                           "to write there");
  }
}

}  // namespace
}  // namespace newsdex
