// Tests of the corpus walk: article names, size limits, hidden entries, roots, and symbolic
// links, the latter both on the in-memory fake and on the real disk.
#include "corpus_walker.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cctype>
#include <chrono>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "newsdex/errors.h"
#include "support/deep_folders.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

std::vector<std::string> ids_of(const WalkResult& result) {
  std::vector<std::string> ids;
  for (const SourceFile& file : result.files) ids.push_back(file.id);
  return ids;
}

// Each problem as "path: reason", with `base` taken off the front of the path.
std::vector<std::string> problems_of(const WalkResult& result, const std::string& base = "") {
  std::vector<std::string> problems;
  for (const WalkProblem& problem : result.problems) {
    std::string path = problem.path;
    if (!base.empty() && path.starts_with(base + "/")) path.erase(0, base.size() + 1);
    problems.push_back(path + ": " + problem.reason);
  }
  return problems;
}

TEST(CorpusWalker, FindsArticlesRecursivelyInSortedOrder) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/world/b.txt", "B");
  fs.add_file("news/world/a.TXT", "A");
  fs.add_file("news/business/z.txt", "Z");
  fs.add_file("news/top.txt", "T");
  fs.add_file("news/photo.jpg", "not an article");

  WalkResult result = walk_corpus(fs, {"news"});

  EXPECT_EQ(ids_of(result),
            (std::vector<std::string>{"business/z.txt", "top.txt", "world/a.TXT", "world/b.txt"}));
  EXPECT_TRUE(result.problems.empty());
  EXPECT_EQ(result.files[0].path, "news/business/z.txt");
  EXPECT_EQ(result.files[0].size, 1u);
}

struct NameCase {
  std::string name;
  bool is_article;
};

std::ostream& operator<<(std::ostream& out, const NameCase& c) { return out << c.name; }

const NameCase kNameCases[] = {
    {"a.txt", true},     {"a.TXT", true},       {"a.md", true},          {"a.markdown", true},
    {"a.html", true},    {"a.HTM", true},       {"a.json", true},        {"a.jsonl", true},
    {"a.txt.gz", true},  {"a.MD.GZ", true},     {"a.markdown.gz", true}, {"a.html.gz", true},
    {"a.htm.Gz", true},  {"a.json.gz", true},   {"a.JSONL.gz", true},    {"a.gz", false},
    {"a.tar.gz", false}, {"a.pdf", false},      {"a.txt.bak", false},    {"a.json.zip", false},
    {"txt", false},      {"a.xhtml.gz", false}, {"atxt", false},         {"a.jsonl.gz.part", false},
};

class CorpusWalkerNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(CorpusWalkerNames, TakesArticleFormatsPlainOrGzipped) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/world/" + GetParam().name, "Ferry service resumes after the storm.");
  WalkResult result = walk_corpus(fs, {"news"});
  std::vector<std::string> expected;
  if (GetParam().is_article) expected.push_back("world/" + GetParam().name);
  EXPECT_EQ(ids_of(result), expected);
  EXPECT_TRUE(result.problems.empty());
}

INSTANTIATE_TEST_SUITE_P(CorpusWalker, CorpusWalkerNames, ::testing::ValuesIn(kNameCases),
                         [](const ::testing::TestParamInfo<NameCase>& param_info) {
                           std::string name;
                           for (char c : param_info.param.name)
                             name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

TEST(CorpusWalker, DefaultSizeCapIs64MiB) {
  EXPECT_EQ(WalkOptions{}.max_file_bytes, std::uint64_t{64} * 1024 * 1024);
}

struct SizeCase {
  std::size_t size;
  std::string reason;  // empty when the file is taken
};

std::ostream& operator<<(std::ostream& out, const SizeCase& c) { return out << c.size; }

class CorpusWalkerSizes : public ::testing::TestWithParam<SizeCase> {};

TEST_P(CorpusWalkerSizes, RefusesEmptyAndOversizedFilesKeepingTheirIds) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/world/a.txt", std::string(GetParam().size, 'x'));
  WalkOptions options;
  options.max_file_bytes = 10;

  WalkResult result = walk_corpus(fs, {"news"}, options);

  if (GetParam().reason.empty()) {
    EXPECT_EQ(ids_of(result), (std::vector<std::string>{"world/a.txt"}));
    EXPECT_TRUE(result.problems.empty());
  } else {
    EXPECT_TRUE(result.files.empty());
    ASSERT_EQ(result.problems.size(), 1u);
    EXPECT_EQ(result.problems[0].path, "news/world/a.txt");
    EXPECT_EQ(result.problems[0].reason, GetParam().reason);
    EXPECT_EQ(result.problems[0].id_prefix, "world/a.txt");
  }
}

INSTANTIATE_TEST_SUITE_P(CorpusWalker, CorpusWalkerSizes,
                         ::testing::Values(SizeCase{0, "empty file"}, SizeCase{1, ""},
                                           SizeCase{9, ""}, SizeCase{10, ""},
                                           SizeCase{11, "larger than the size cap"},
                                           SizeCase{4096, "larger than the size cap"}),
                         [](const ::testing::TestParamInfo<SizeCase>& param_info) {
                           return "Bytes" + std::to_string(param_info.param.size);
                         });

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

TEST(CorpusWalker, BadRootIsAUsageError) {
  testing::MemoryFileSystem fs;
  fs.add_file("news/a.txt", "x");
  fs.add_symlink("gone", "nowhere");
  fs.add_symlink("round", "round");
  EXPECT_THROW(walk_corpus(fs, {"news", "nowhere"}), UsageError);
  EXPECT_THROW(walk_corpus(fs, {"news/a.txt"}), UsageError);
  EXPECT_THROW(walk_corpus(fs, {"gone"}), UsageError);
  EXPECT_THROW(walk_corpus(fs, {"news", "round"}), UsageError);
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

TEST(CorpusWalker, SeveralRootsLabelTheirIdsSoNoArticleIsLost) {
  testing::MemoryFileSystem fs;
  fs.add_file("one/world/a.txt", "first");
  fs.add_file("one/world/c.txt", "");
  fs.add_file("two/world/a.txt", "second");
  fs.add_file("two/world/b.txt", "other");

  WalkResult result = walk_corpus(fs, {"one", "two"});

  EXPECT_EQ(ids_of(result),
            (std::vector<std::string>{"one/world/a.txt", "two/world/a.txt", "two/world/b.txt"}));
  ASSERT_EQ(result.files.size(), 3u);
  EXPECT_EQ(result.files[1].path, "two/world/a.txt");
  EXPECT_EQ(result.files[1].root_label, "two");
  // Folders (source, section) are read from the path under the root, as with one root.
  EXPECT_EQ(result.files[1].path_in_root(), "world/a.txt");
  EXPECT_EQ(problems_of(result), (std::vector<std::string>{"one/world/c.txt: empty file"}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].id_prefix, "one/world/c.txt");  // its indexed version stays
}

struct LabelCase {
  std::vector<std::string> roots;
  std::vector<std::string> ids;
};

TEST(CorpusWalker, RootLabelsAreFolderNamesMadeUnique) {
  const LabelCase kCases[] = {
      {{"news"}, {"a.txt"}},  // one root: no label
      {{"2023/news", "2024/news"}, {"news/a.txt", "news-2/a.txt"}},
      {{"2023/news/", "2024/news", "news-2"}, {"news/a.txt", "news-2/a.txt", "news-2-2/a.txt"}},
      {{"2023/news/.", "2024"}, {"news/a.txt", "2024/news/a.txt"}},
  };
  testing::MemoryFileSystem fs;
  fs.add_file("news/a.txt", "A");
  fs.add_file("news-2/a.txt", "A");
  fs.add_file("2023/news/a.txt", "A");
  fs.add_file("2024/news/a.txt", "A");
  for (const LabelCase& c : kCases) {
    EXPECT_EQ(ids_of(walk_corpus(fs, c.roots)), c.ids) << c.roots.front();
  }
}

TEST(CorpusWalker, UnreadableFolderUnderALabelledRootKeepsItsArticles) {
  testing::MemoryFileSystem fs;
  fs.add_file("one/a.txt", "A");
  fs.add_file("two/locked/b.txt", "B");
  fs.make_unreadable("two/locked");

  WalkResult result = walk_corpus(fs, {"one", "two"});

  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].id_prefix, "two/locked/");
}

// A small tree, built the same way on the fake and on the real disk. Link targets are
// written as they would be for ln -s, except that a leading '/' means the tree's top.
struct Tree {
  std::vector<std::pair<std::string, std::string>> files;  // path, content
  std::vector<std::pair<std::string, std::string>> links;  // link path, target

  void build(testing::MemoryFileSystem& fs) const {
    for (const auto& [path, content] : files) fs.add_file(path, content);
    for (const auto& [link, target] : links) fs.add_symlink(link, target);
  }

  void build(const testing::TempDir& dir) const {
    for (const auto& [path, content] : files) testing::write_file(dir / path, content);
    for (const auto& [link, target] : links) {
      std::filesystem::create_directories(std::filesystem::path(dir / link).parent_path());
      std::filesystem::create_symlink(target.starts_with('/') ? dir.path() + target : target,
                                      dir / link);
    }
  }
};

const std::vector<std::pair<std::string, std::string>> kLinkTreeFiles = {
    {"news/world/a.txt", "Harbour reopens after the storm."},
    {"news/world/b.txt", "Bridge tolls rise in spring."},
    {"elsewhere/x.txt", "Outside the corpus."},
    {"more/m.txt", "A second root."},
    {"news2/y.txt", "A sibling whose name starts like a root."},
};

const std::string kOutside = "symbolic link leads outside the indexed folders";
const std::string kBroken = "broken symbolic link";
const std::string kLoop = "symbolic link loop";

struct LinkCase {
  std::string name;
  std::vector<std::pair<std::string, std::string>> links;
  std::vector<std::string> roots;
  std::vector<std::string> ids;
  std::vector<std::string> problems;  // "path: reason"; links give no id_prefix
};

std::ostream& operator<<(std::ostream& out, const LinkCase& c) { return out << c.name; }

const LinkCase kLinkCases[] = {
    {"FolderLinkInside",
     {{"news/latest", "world"}},
     {"news"},
     {"latest/a.txt", "latest/b.txt", "world/a.txt", "world/b.txt"},
     {}},
    {"TwoLinksToOneFolder",
     {{"news/latest", "world"}, {"news/top", "world"}},
     {"news"},
     {"latest/a.txt", "latest/b.txt", "world/a.txt", "world/b.txt"},
     {"news/top: folder already walked through another link"}},
    {"FileLinkInside",
     {{"news/pick.txt", "world/a.txt"}},
     {"news"},
     {"pick.txt", "world/a.txt", "world/b.txt"},
     {}},
    {"AbsoluteLinkInside",
     {{"news/pick.txt", "/news/world/b.txt"}},
     {"news"},
     {"pick.txt", "world/a.txt", "world/b.txt"},
     {}},
    {"LinkIntoAnotherRoot",
     {{"news/m", "../more"}},
     {"news", "more"},
     {"news/m/m.txt", "news/world/a.txt", "news/world/b.txt", "more/m.txt"},
     {}},
    {"FolderLinkOutside",
     {{"news/out", "../elsewhere"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/out: " + kOutside}},
    {"FileLinkOutside",
     {{"news/x.txt", "../elsewhere/x.txt"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/x.txt: " + kOutside}},
    {"OtherFileLinkOutsideIsIgnored",
     {{"news/x.pdf", "../elsewhere/x.txt"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {}},
    {"SiblingWithTheRootsNameAsPrefixIsOutside",
     {{"news/n", "../news2"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/n: " + kOutside}},
    {"HiddenLinkIsSkipped",
     {{"news/.out", "../elsewhere"}, {"news/.gone", "nowhere"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {}},
    {"BrokenFileLink",
     {{"news/gone.txt", "world/none.txt"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/gone.txt: " + kBroken}},
    {"BrokenFolderLink",
     {{"news/gone", "../missing"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/gone: " + kBroken}},
    {"LinkToItsOwnFolder",
     {{"news/world/self", "."}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/world/self: " + kLoop}},
    {"LinkToTheRoot",
     {{"news/world/up", ".."}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/world/up: " + kLoop}},
    {"LinksInACircle",
     {{"news/a", "b"}, {"news/b", "a"}},
     {"news"},
     {"world/a.txt", "world/b.txt"},
     {"news/a: " + kLoop, "news/b: " + kLoop}},
    {"LoopThroughAnAlias",
     {{"news/latest", "world"}, {"news/world/up", ".."}},
     {"news"},
     {"latest/a.txt", "latest/b.txt", "world/a.txt", "world/b.txt"},
     {"news/latest/up: " + kLoop, "news/world/up: " + kLoop}},
};

class CorpusWalkerLinks : public ::testing::TestWithParam<LinkCase> {
 protected:
  Tree tree() const { return {kLinkTreeFiles, GetParam().links}; }

  void expect_walk(const FileSystem& fs, const std::string& base) const {
    std::vector<std::string> roots;
    for (const std::string& root : GetParam().roots) {
      roots.push_back(base.empty() ? root : base + "/" + root);
    }
    WalkResult result = walk_corpus(fs, roots);
    EXPECT_EQ(ids_of(result), GetParam().ids);
    EXPECT_EQ(problems_of(result, base), GetParam().problems);
    for (const WalkProblem& problem : result.problems) EXPECT_EQ(problem.id_prefix, "");
  }
};

TEST_P(CorpusWalkerLinks, OnTheFake) {
  testing::MemoryFileSystem fs;
  tree().build(fs);
  expect_walk(fs, "");
}

TEST_P(CorpusWalkerLinks, OnTheRealDisk) {
  testing::TempDir dir;
  tree().build(dir);
  expect_walk(RealFileSystem(), dir.path());
}

// Every file the walk takes, through the links it followed on purpose, can be read as
// the walk allows: the checks on the open descriptor refuse none of them.
TEST_P(CorpusWalkerLinks, OnTheRealDiskEveryFileTakenReads) {
  testing::TempDir dir;
  tree().build(dir);
  std::vector<std::string> roots;
  for (const std::string& root : GetParam().roots) roots.push_back(dir / root);
  RealFileSystem fs;
  for (const SourceFile& file : walk_corpus(fs, roots).files) {
    EXPECT_NO_THROW(fs.read_file(file.path, file.read_limits)) << file.path;
  }
}

INSTANTIATE_TEST_SUITE_P(CorpusWalker, CorpusWalkerLinks, ::testing::ValuesIn(kLinkCases),
                         [](const ::testing::TestParamInfo<LinkCase>& param_info) {
                           return param_info.param.name;
                         });

// The root itself is a link: what its real path holds is inside, and paths keep the
// link's name.
const Tree kLinkedRootTree = {
    {{"data/news/world/a.txt", "Ferries run late."},
     {"data/news/world/empty.txt", ""},
     {"data/other/o.txt", "Not in the corpus."}},
    {{"current", "data/news"}, {"data/news/latest", "world"}, {"data/news/out", "../other"}}};

void expect_linked_root_walk(const FileSystem& fs, const std::string& base) {
  std::string root = base.empty() ? "current" : base + "/current";
  WalkResult result = walk_corpus(fs, {root});
  EXPECT_EQ(ids_of(result), (std::vector<std::string>{"latest/a.txt", "world/a.txt"}));
  ASSERT_FALSE(result.files.empty());
  EXPECT_EQ(result.files[0].path, root + "/latest/a.txt");
  EXPECT_EQ(
      problems_of(result, base),
      (std::vector<std::string>{"current/latest/empty.txt: empty file", "current/out: " + kOutside,
                                "current/world/empty.txt: empty file"}));
}

TEST(CorpusWalkerLinkedRoot, OnTheFake) {
  testing::MemoryFileSystem fs;
  kLinkedRootTree.build(fs);
  expect_linked_root_walk(fs, "");
}

TEST(CorpusWalkerLinkedRoot, OnTheRealDisk) {
  testing::TempDir dir;
  kLinkedRootTree.build(dir);
  expect_linked_root_walk(RealFileSystem(), dir.path());
  RealFileSystem fs;
  for (const SourceFile& file : walk_corpus(fs, {dir / "current"}).files) {
    EXPECT_NO_THROW(fs.read_file(file.path, file.read_limits)) << file.path;
  }
}

TEST(CorpusWalkerRealDisk, RealPathResolvesEveryLinkOrGivesEmpty) {
  testing::TempDir dir;
  Tree{{{"news/world/a.txt", "Trams return to the old town."}},
       {{"news/latest", "world"}, {"news/gone", "nowhere"}, {"news/a", "b"}, {"news/b", "a"}}}
      .build(dir);
  RealFileSystem fs;
  std::string real_top = fs.real_path(dir.path());
  ASSERT_FALSE(real_top.empty());
  EXPECT_EQ(fs.real_path(dir / "news/latest/a.txt"), real_top + "/news/world/a.txt");
  EXPECT_EQ(fs.real_path(dir / "news/gone"), "");
  EXPECT_EQ(fs.real_path(dir / "news/a"), "");
  FileStatus loop = fs.status(dir / "news/a");
  EXPECT_TRUE(loop.is_symlink && loop.is_link_loop && !loop.exists);
  FileStatus dangling = fs.status(dir / "news/gone");
  EXPECT_TRUE(dangling.is_symlink && !dangling.is_link_loop && !dangling.exists);
}

// What the walk saw may change before the file is read: a link, a FIFO or a device put
// in its place, or more bytes. Each is refused on the open descriptor, at once.
TEST(CorpusWalkerRealDisk, ReadingRefusesWhatTheWalkDidNotSee) {
  testing::TempDir dir;
  Tree{{{"news/a.txt", "Trams return to the old town."}}, {}}.build(dir);
  RealFileSystem fs;
  WalkResult walked = walk_corpus(fs, {dir / "news"});
  ASSERT_EQ(walked.files.size(), 1u);
  const SourceFile& file = walked.files.front();
  EXPECT_FALSE(file.read_limits.follow_symlink) << "the walk saw a regular file";
  EXPECT_EQ(fs.read_file(file.path, file.read_limits), "Trams return to the old town.");

  // Replaced by a link to a file outside the roots.
  Tree{{{"outside.txt", "Secret notes."}}, {}}.build(dir);
  std::filesystem::remove(file.path);
  std::filesystem::create_symlink(dir / "outside.txt", file.path);
  EXPECT_THROW(fs.read_file(file.path, file.read_limits), ArticleError);

  // Replaced by a FIFO with no writer: refused at once rather than blocking the run.
  std::filesystem::remove(file.path);
  ASSERT_EQ(::mkfifo(file.path.c_str(), 0600), 0);
  auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(fs.read_file(file.path, file.read_limits), ArticleError);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));

  // A link the walk allowed, now leading to a device that never ends.
  std::filesystem::remove(file.path);
  std::filesystem::create_symlink("/dev/zero", file.path);
  EXPECT_THROW(fs.read_file(file.path, ReadLimits{.follow_symlink = true, .max_bytes = 1 << 20}),
               ArticleError);

  // Grown past the cap since the walk.
  std::filesystem::remove(file.path);
  testing::write_file(file.path, std::string(5000, 'x'));
  EXPECT_THROW(fs.read_file(file.path, ReadLimits{.follow_symlink = false, .max_bytes = 4096}),
               ArticleError);
}

// A chain of folders deeper than PATH_MAX: what lies within the limit is walked, and the
// first entry past it is a problem that names it, whose articles stay (they could have
// been indexed under a shorter spelling of the root). It used to vanish without a word.
TEST(CorpusWalkerRealDisk, AnEntryPastPathMaxIsAProblemNamingIt) {
  testing::TempDir dir;
  testing::write_file(dir / "news/world/a.txt", "Trams return to the old town.");
  const std::string component(100, 'd');
  testing::DeepFolders deep(dir / "news", component, PATH_MAX + 300);
  std::size_t legal = deep.deepest_under(PATH_MAX, "legal.txt");
  deep.write(legal, "legal.txt", "Deep but within the limit.");
  deep.write(deep.depth(), "bottom.txt", "Past the limit.");
  std::size_t too_deep = 1;
  while (deep.path(too_deep).size() < PATH_MAX) ++too_deep;
  std::string legal_id, too_deep_id;
  for (std::size_t i = 0; i < legal; ++i) legal_id += component + "/";
  for (std::size_t i = 0; i < too_deep; ++i) too_deep_id += (i == 0 ? "" : "/") + component;

  WalkResult result = walk_corpus(RealFileSystem(), {dir / "news"});

  EXPECT_EQ(ids_of(result), (std::vector<std::string>{legal_id + "legal.txt", "world/a.txt"}));
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].path, deep.path(too_deep));
  EXPECT_EQ(result.problems[0].reason, "path longer than the system allows (PATH_MAX)");
  EXPECT_EQ(result.problems[0].id_prefix, too_deep_id + "/");
  EXPECT_FALSE(result.problems[0].deliberate);
}

// O_NOFOLLOW guards the last component only: a folder on the way replaced, after the
// walk, by a link to a folder outside the roots led the read out of them. The open
// descriptor is checked against the root the walk found the file under.
TEST(CorpusWalkerRealDisk, ReadingRefusesAFileWhoseFolderBecameALinkOutside) {
  testing::TempDir dir;
  Tree{{{"news/world/a.txt", "Trams return to the old town."},
        {"news/sport/b.txt", "The cup final went to penalties."},
        {"elsewhere/world/a.txt", "Secret notes."}},
       {}}
      .build(dir);
  RealFileSystem fs;
  WalkResult walked = walk_corpus(fs, {dir / "news"});
  ASSERT_EQ(ids_of(walked), (std::vector<std::string>{"sport/b.txt", "world/a.txt"}));
  const SourceFile& file = walked.files[1];

  std::filesystem::rename(dir / "news/world", dir / "news/.world-old");
  std::filesystem::create_symlink(dir / "elsewhere/world", dir / "news/world");
  try {
    std::string read = fs.read_file(file.path, file.read_limits);
    ADD_FAILURE() << "read outside the roots: " << read;
  } catch (const ArticleError& e) {
    EXPECT_NE(std::string(e.what()).find("outside the indexed folders"), std::string::npos)
        << e.what();
  }

  // A link to a folder inside the roots in its place still reads: the walk would follow it.
  std::filesystem::remove(dir / "news/world");
  std::filesystem::create_symlink("sport", dir / "news/world");
  testing::write_file(dir / "news/sport/a.txt", "Moved within the corpus.");
  EXPECT_EQ(fs.read_file(file.path, file.read_limits), "Moved within the corpus.");
}

// Two links per level to the next level: walked once per path, depth 14 gave one
// article 32,767 ids. Each folder is now entered through one link at most.
TEST(CorpusWalker, LinksThatFanOutAreWalkedOnceEach) {
  testing::MemoryFileSystem fs;
  constexpr int kDepth = 14;
  fs.add_file("news/level" + std::to_string(kDepth) + "/story.txt", "The only article.");
  for (int level = 0; level < kDepth; ++level) {
    std::string next = "../level" + std::to_string(level + 1);
    fs.add_symlink("news/level" + std::to_string(level) + "/a", next);
    fs.add_symlink("news/level" + std::to_string(level) + "/b", next);
  }
  WalkResult result = walk_corpus(fs, {"news"});
  EXPECT_LE(result.files.size(), 2u) << "the article by its own path and by one link";
  // A few lines per level (each folder is walked by its path and by one link), not 2^depth.
  EXPECT_LE(result.problems.size(), static_cast<std::size_t>(4 * kDepth));
}

}  // namespace
}  // namespace newsdex
