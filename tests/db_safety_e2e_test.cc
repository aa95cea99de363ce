// A mistyped --db never costs the user a file: newsdex-index refuses, in one line and
// with exit 2, every path that is not a newsdex index (or nothing yet), and every index
// that overlaps a ROOT. Each refused run is checked by hashing what was there before and
// after. Then the paths and ids of what is indexed: usable from any folder, unique
// across several roots, and command-line roots replacing those of a config file.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = NEWSDEX_SAMPLE_CORPUS;

// Every name, type and file content under `path` (or of the file itself), in one string
// hashed: equal before and after a run when the run changed nothing there.
std::size_t hash_tree(const std::string& path) {
  std::string all;
  auto add = [&](const fs::path& entry) {
    all += fs::relative(entry, path).string() + "\n";
    if (fs::is_symlink(entry)) {
      all += "-> " + fs::read_symlink(entry).string() + "\n";
    } else if (fs::is_regular_file(entry)) {
      all += read_file(entry) + "\n";
    } else {
      all += "<folder>\n";
    }
  };
  if (!fs::exists(fs::symlink_status(path))) return 0;
  add(path);
  if (fs::is_directory(path)) {
    std::vector<fs::path> entries;
    for (const auto& entry : fs::recursive_directory_iterator(path)) entries.push_back(entry);
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) add(entry);
  }
  return std::hash<std::string>()(all);
}

// A small corpus of its own, so that a refusal is not mistaken for an empty run.
void write_small_corpus(const std::string& root) {
  write_file(root + "/world/harbour.txt",
             "Harbour reopens\n\nThe quayside harbour of Wexmouth reopened after the storm.\n");
  write_file(root + "/business/tolls.txt",
             "Bridge tolls rise\n\nTolls on the Wexmouth bridge rise in spring.\n");
}

struct RefusalCase {
  std::string name;
  // Makes what is at the guarded path (under `dir`) and returns the arguments of the
  // run; the path hashed is dir / guarded.
  std::function<std::vector<std::string>(const TempDir& dir)> setup;
  std::string guarded;
  std::string message;  // a part of the one line printed
};

std::ostream& operator<<(std::ostream& out, const RefusalCase& c) { return out << c.name; }

const std::string kNotAnIndex = " is not a newsdex index (";
const std::string kRefusing = "; refusing to write there\n";

const RefusalCase kRefusals[] = {
    {"FolderOfArticles",
     [](const TempDir& dir) {
       copy_tree(kCorpus, dir / "news");
       return std::vector<std::string>{"--db", dir / "news", dir / "corpus"};
     },
     "news", "news" + kNotAnIndex + "a folder holding "},
    {"FolderWithNotes",
     [](const TempDir& dir) {
       write_file(dir / "notes/notes.md", "# my notes\n");
       return std::vector<std::string>{"--db", dir / "notes", dir / "corpus"};
     },
     "notes", "notes" + kNotAnIndex + "a folder holding 1 entry: notes.md)"},
    {"PlainFile",
     [](const TempDir& dir) {
       write_file(dir / "todo.txt", "call the printer\n");
       return std::vector<std::string>{"--db", dir / "todo.txt", dir / "corpus"};
     },
     "todo.txt", "todo.txt" + kNotAnIndex + "a file of 17 bytes, not a newsdex stub)"},
    {"ConfigDbLine",
     [](const TempDir& dir) {
       copy_tree(kCorpus, dir / "news");
       write_file(dir / "newsdex.conf",
                  "db = " + (dir / "news") + "\nroot = " + (dir / "corpus") + "\n");
       return std::vector<std::string>{"--config", dir / "newsdex.conf"};
     },
     "news", "news" + kNotAnIndex + "a folder holding "},
    {"RebuildOverFolderOfArticles",
     [](const TempDir& dir) {
       copy_tree(kCorpus, dir / "news");
       return std::vector<std::string>{"--rebuild", "--db", dir / "news", dir / "corpus"};
     },
     "news", "news" + kNotAnIndex + "a folder holding "},
    {"ShardsOverFolderOfArticles",
     [](const TempDir& dir) {
       copy_tree(kCorpus, dir / "news");
       return std::vector<std::string>{"--shards", "2", "--db", dir / "news", dir / "corpus"};
     },
     "news", "news" + kNotAnIndex + "a folder holding "},
    {"MergeToFolderOfArticles",
     [](const TempDir& dir) {
       copy_tree(kCorpus, dir / "news");
       EXPECT_EQ(run_indexer({"--db", dir / "index", dir / "corpus"}).exit_code, 0);
       return std::vector<std::string>{"--db", dir / "index", "--merge-to", dir / "news"};
     },
     "news", "news" + kNotAnIndex + "a folder holding "},
    {"FullOverAnotherProgramsDatabase",
     [](const TempDir& dir) {
       Xapian::WritableDatabase other(dir / "other", Xapian::DB_CREATE_OR_OPEN);
       Xapian::Document doc;
       doc.set_data("someone else's record");
       doc.add_term("Xrecord");
       other.add_document(doc);
       other.commit();
       other.close();
       return std::vector<std::string>{"--full", "--db", dir / "other", dir / "corpus"};
     },
     "other", "other" + kNotAnIndex + "a Xapian database of another program: no newsdex schema"},
    {"IndexInsideTheRoot",
     [](const TempDir& dir) {
       return std::vector<std::string>{"--db", dir / "corpus/index", dir / "corpus"};
     },
     "corpus", "corpus/index is inside the ROOT "},
    {"RootInsideTheIndex",
     [](const TempDir& dir) {
       EXPECT_EQ(run_indexer({"--shards", "2", "--db", dir / "index", dir / "corpus"}).exit_code,
                 0);
       return std::vector<std::string>{"--db", dir / "index", dir / "index/side"};
     },
     "index", "index holds the ROOT "},
    {"UsersFolderNamedLikeABuild",
     [](const TempDir& dir) {
       write_file(dir / "fresh.building/draft.txt", "Draft\n\nNot an index at all.\n");
       return std::vector<std::string>{"--db", dir / "fresh", dir / "corpus"};
     },
     "fresh.building", "fresh.building is in the way (a folder holding 1 entry: draft.txt)"},
    {"UsersFileNamedLikeTheLock",
     [](const TempDir& dir) {
       write_file(dir / "fresh.lock", "meeting notes\n");
       return std::vector<std::string>{"--db", dir / "fresh", dir / "corpus"};
     },
     "fresh.lock", "fresh.lock is in the way ("},
};

class DbPathRefusal : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(DbPathRefusal, RefusesInOneLineAndChangesNothing) {
  TempDir dir;
  write_small_corpus(dir / "corpus");
  std::vector<std::string> args = GetParam().setup(dir);
  std::size_t before = hash_tree(dir / GetParam().guarded);
  ASSERT_NE(before, 0u);
  std::set<std::string> names_before;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    names_before.insert(entry.path().filename().string());
  }

  ProcessResult run = run_indexer(args);

  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_TRUE(run.err.starts_with("newsdex-index: --")) << run.err;
  EXPECT_TRUE(run.err.ends_with(kRefusing)) << run.err;
  EXPECT_NE(run.err.find(GetParam().message), std::string::npos) << run.err;
  EXPECT_EQ(hash_tree(dir / GetParam().guarded), before) << "something changed";
  std::set<std::string> names_after;
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    names_after.insert(entry.path().filename().string());
  }
  EXPECT_EQ(names_after, names_before) << "a run that was refused left something beside";
}

INSTANTIATE_TEST_SUITE_P(Cases, DbPathRefusal, ::testing::ValuesIn(kRefusals),
                         [](const ::testing::TestParamInfo<RefusalCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(DbPathAccepted, NewsdexIndexesOfEveryKindAndEmptyFoldersStillWork) {
  TempDir dir;
  write_small_corpus(dir / "corpus");
  struct Accepted {
    std::vector<std::string> options;
    std::string db;
  };
  fs::create_directories(dir / "empty");
  // Named like a --rebuild generation, but not one: old generations are removed, this not.
  write_file(dir / "live.gen-notes.txt", "which generation to keep\n");
  const Accepted kCases[] = {
      {{}, "index"},                   // a new index, then the same one again
      {{}, "empty"},                   // an empty folder is as good as none
      {{"--shards", "2"}, "sharded"},  // a sharded index folder
      {{"--rebuild"}, "live"},         // a --rebuild stub, then another rebuild
  };
  for (const Accepted& c : kCases) {
    SCOPED_TRACE(c.db);
    std::vector<std::string> args = c.options;
    args.insert(args.end(), {"--db", dir / c.db, dir / "corpus"});
    ProcessResult first = run_indexer(args);
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_EQ(parse_summary(first.err).added, 2);
    ProcessResult second = run_indexer(args);
    ASSERT_EQ(second.exit_code, 0) << second.err;
    Summary again = parse_summary(second.err);
    EXPECT_EQ(again.added + again.unchanged, 2) << second.err;
    EXPECT_EQ(hit_ids(run_search({"--db", dir / c.db, "--json", "harbour"})).size(), 1u);
  }
  EXPECT_EQ(read_file(dir / "live.gen-notes.txt"), "which generation to keep\n");
  // A plain run writes through the --rebuild stub too.
  ProcessResult through_stub = run_indexer({"--db", dir / "live", dir / "corpus"});
  EXPECT_EQ(through_stub.exit_code, 0) << through_stub.err;
  EXPECT_EQ(parse_summary(through_stub.err).unchanged, 2);
  // --merge-to into a new path.
  ProcessResult merge = run_indexer({"--db", dir / "sharded", "--merge-to", dir / "merged"});
  EXPECT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(Xapian::Database(dir / "merged").get_doccount(), 2u);
}

// Runs `program` with `args` from the folder `cwd`, through env(1).
ProcessResult run_in(const std::string& cwd, const std::string& program,
                     const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/usr/bin/env", "-C", cwd, program};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv);
}

TEST(IndexPaths, PathsOnlyListsFilesThatExistFromAnyFolder) {
  TempDir dir;
  write_small_corpus(dir / "archive/corpus");
  fs::create_directories(dir / "elsewhere/deeper");
  ProcessResult index = run_in(dir / "archive", NEWSDEX_INDEX_BIN, {"--db", "index", "corpus"});
  ASSERT_EQ(index.exit_code, 0) << index.err;

  ProcessResult paths = run_in(dir / "elsewhere/deeper", NEWSDEX_SEARCH_BIN,
                               {"--db", dir / "archive/index", "--paths-only", "wexmouth"});
  ASSERT_EQ(paths.exit_code, 0) << paths.err;
  std::istringstream lines(paths.out);
  int listed = 0;
  for (std::string line; std::getline(lines, line); ++listed) {
    EXPECT_TRUE(line.starts_with('/')) << line;
    EXPECT_TRUE(fs::is_regular_file(fs::path(dir / "elsewhere/deeper") / line)) << line;
  }
  EXPECT_EQ(listed, 2);
  // Ids stay relative to the root: moving the archive keeps them.
  EXPECT_EQ(hit_ids(run_search({"--db", dir / "archive/index", "--json", "harbour"})),
            std::vector<std::string>{"world/harbour.txt"});
}

TEST(IndexPaths, TwoRootsWithTheSamePathsKeepEveryArticle) {
  TempDir dir;
  write_file(dir / "2023/news/world/day.txt",
             "Ferry strike\n\nThe quokka ferry crews walked out in the winter of 2023.\n");
  write_file(dir / "2024/news/world/day.txt",
             "Ferry deal\n\nThe quokka ferry crews agreed a deal in the spring of 2024.\n");
  ProcessResult run = run_indexer({"--db", dir / "index", dir / "2023/news", dir / "2024/news"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(parse_summary(run.err).added, 2) << run.err;
  EXPECT_EQ(parse_summary(run.err).skipped, 0) << run.err;
  std::vector<std::string> ids = hit_ids(run_search({"--db", dir / "index", "--json", "quokka"}));
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"news-2/world/day.txt", "news/world/day.txt"}));
  // The source is still the top folder under the root, not the label.
  EXPECT_EQ(hit_ids(run_search({"--db", dir / "index", "--json", "source:world", "quokka"})).size(),
            2u);
  // The same run again finds nothing to do.
  ProcessResult again = run_indexer({"--db", dir / "index", dir / "2023/news", dir / "2024/news"});
  EXPECT_EQ(parse_summary(again.err).unchanged, 2) << again.err;
}

TEST(IndexPaths, CommandLineRootsReplaceTheConfigFilesRoots) {
  TempDir dir;
  write_small_corpus(dir / "configured");
  write_file(dir / "given/world/kite.txt",
             "Kite festival\n\nThe zephyrine kite festival drew crowds to the dunes.\n");
  write_file(dir / "newsdex.conf",
             "db = " + (dir / "index") + "\nroot = " + (dir / "configured") + "\n");
  ProcessResult run = run_indexer({"--config", dir / "newsdex.conf", dir / "given"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(parse_summary(run.err).added, 1) << run.err;
  EXPECT_EQ(hit_ids(run_search({"--db", dir / "index", "--json", "zephyrine"})),
            std::vector<std::string>{"world/kite.txt"});
  EXPECT_TRUE(hit_ids(run_search({"--db", dir / "index", "--json", "wexmouth"})).empty());
  // Without roots on the command line, the config file's are used.
  ProcessResult configured = run_indexer({"--config", dir / "newsdex.conf"});
  ASSERT_EQ(configured.exit_code, 0) << configured.err;
  EXPECT_EQ(parse_summary(configured.err).added, 2) << configured.err;
  EXPECT_EQ(parse_summary(configured.err).deleted, 1) << configured.err;
}

// cron and systemd run from folders of their own: a config file's relative paths are
// read from the file's folder, never from wherever the run happens to start.
TEST(IndexPaths, AConfigFilesRelativePathsAreReadFromItsFolder) {
  TempDir dir;
  write_small_corpus(dir / "etc/configured");
  write_file(dir / "etc/newsdex.conf",
             "db = index\nroot = configured\nreport-json = last-run.json\n");
  fs::create_directories(dir / "elsewhere");
  ProcessResult run =
      run_in(dir / "elsewhere", NEWSDEX_INDEX_BIN, {"--config", dir / "etc/newsdex.conf"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(parse_summary(run.err).added, 2) << run.err;
  EXPECT_TRUE(fs::exists(dir / "etc/last-run.json"));
  EXPECT_TRUE(fs::is_empty(dir / "elsewhere"));
  ProcessResult paths = run_search({"--db", dir / "etc/index", "--paths-only", "wexmouth"});
  ASSERT_EQ(paths.exit_code, 0) << paths.err;
  std::istringstream lines(paths.out);
  int listed = 0;
  for (std::string line; std::getline(lines, line); ++listed) {
    EXPECT_TRUE(fs::is_regular_file(line)) << line;
  }
  EXPECT_EQ(listed, 2);
  // A root given on the command line is still read from the current folder.
  ProcessResult given = run_in(dir / "elsewhere", NEWSDEX_INDEX_BIN,
                               {"--config", dir / "etc/newsdex.conf", "configured"});
  EXPECT_EQ(given.exit_code, 2) << given.err;
  EXPECT_NE(given.err.find("elsewhere/configured"), std::string::npos) << given.err;
}

}  // namespace
}  // namespace newsdex::testing
