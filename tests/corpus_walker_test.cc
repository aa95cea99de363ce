#include "corpus_walker.h"

#include <gtest/gtest.h>

#include "newsdex/errors.h"
#include "support/memory_file_system.h"

namespace newsdex {
namespace {

std::vector<std::string> ids_of(const WalkResult& result) {
  std::vector<std::string> ids;
  for (const SourceFile& file : result.files) ids.push_back(file.id);
  return ids;
}

TEST(CorpusWalker, FindsTextFilesRecursivelyInSortedOrder) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/world/b.txt", "B");
  fs.add_file("news/world/a.TXT", "A");
  fs.add_file("news/business/z.txt", "Z");
  fs.add_file("news/top.txt", "T");
  fs.add_file("news/notes.md", "not an article yet");

  WalkResult result = walk_corpus(fs, {"news"});

  EXPECT_EQ(ids_of(result),
            (std::vector<std::string>{"business/z.txt", "top.txt", "world/a.TXT", "world/b.txt"}));
  EXPECT_TRUE(result.problems.empty());
  EXPECT_EQ(result.files[0].path, "news/business/z.txt");
  EXPECT_EQ(result.files[0].size, 1u);
}

TEST(CorpusWalker, SkipsHiddenFilesAndFolders) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/.git/HEAD.txt", "x");
  fs.add_file("news/.draft.txt", "x");
  fs.add_file("news/world/.swap.txt", "x");
  fs.add_file("news/world/kept.txt", "x");

  EXPECT_EQ(ids_of(walk_corpus(fs, {"news"})), (std::vector<std::string>{"world/kept.txt"}));
}

TEST(CorpusWalker, KeepsTrailingSlashOfRootOutOfPaths) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/a.txt", "x");
  WalkResult result = walk_corpus(fs, {"news/"});
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path, "news/a.txt");
  EXPECT_EQ(result.files[0].id, "a.txt");
}

TEST(CorpusWalker, MissingRootIsAUsageError) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/a.txt", "x");
  EXPECT_THROW(walk_corpus(fs, {"news", "nowhere"}), UsageError);
  EXPECT_THROW(walk_corpus(fs, {"news/a.txt"}), UsageError);
}

TEST(CorpusWalker, UnreadableFolderIsAProblemWithItsIdPrefix) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/world/a.txt", "x");
  fs.add_file("news/locked/b.txt", "x");
  fs.make_unreadable("news/locked");

  WalkResult result = walk_corpus(fs, {"news"});

  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"world/a.txt"}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "news/locked");
  EXPECT_EQ(result.problems[0].id_prefix, "locked/");
  EXPECT_NE(result.problems[0].reason.find("cannot read folder"), std::string::npos);
}

TEST(CorpusWalker, SameIdUnderTwoRootsKeepsTheFirst) {
  testing::MemoryFileSystem fs;
  fs.add_file("one/world/a.txt", "first");
  fs.add_file("two/world/a.txt", "second");
  fs.add_file("two/world/b.txt", "other");

  WalkResult result = walk_corpus(fs, {"one", "two"});

  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, "one/world/a.txt");
  EXPECT_EQ(result.files[1].path, "two/world/b.txt");
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, "two/world/a.txt");
}

}  // namespace
}  // namespace newsdex
