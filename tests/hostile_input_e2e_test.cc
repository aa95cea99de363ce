// End-to-end tests of hostile input: values, files and queries that nobody planned for
// must never end a run or reach the terminal raw. The real binaries, a real index.
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/deep_folders.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

// A folder name at the file system's limit becomes a section term of more than Xapian's
// 245 bytes; dump fields can be longer still. Each used to end every run with exit 2.
TEST(HostileInput, ValuesTooLongForATermAreIndexedAndFoundByTheirField) {
  TempDir dir;
  const std::string long_section(250, 's');
  const std::string long_value(400, 'x');
  write_file(dir / ("corpus/" + long_section + "/vote.txt"),
             "Council vote delayed\n\nThe council delayed its vote on the harbour plan.\n");
  nlohmann::json rows =
      nlohmann::json::array({{{"title", "Long source"},
                              {"text", "Ministers met in Brussels to discuss the budget."},
                              {"source", long_value}},
                             {{"title", "Long host"},
                              {"text", "The central bank raised its rates again."},
                              {"url", "https://" + long_value + ".example/a"}},
                             {{"title", "Long author"},
                              {"text", "Talks resumed in Geneva on Tuesday."},
                              {"author", "Jean " + long_value}},
                             {{"title", "Long id"},
                              {"text", "Rain fell on the coast all week."},
                              {"id", long_value + long_value}}});
  std::string dump;
  for (const auto& row : rows) dump += row.dump() + "\n";
  write_file(dir / "corpus/wire/dump.jsonl", dump);

  const std::string index = dir / "index";
  ProcessResult first = run_indexer({"--db", index, dir / "corpus"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(parse_summary(first.err).added, 5) << first.err;

  ProcessResult by_section =
      run_search({"--db", index, "--paths-only", "--undated=include", "section:" + long_section});
  EXPECT_EQ(by_section.exit_code, 0) << by_section.err;
  EXPECT_NE(by_section.out.find("vote.txt"), std::string::npos) << by_section.out;
  ProcessResult by_source =
      run_search({"--db", index, "--json", "--undated=include", "source:" + long_value});
  EXPECT_EQ(by_source.exit_code, 0) << by_source.err;
  std::vector<nlohmann::json> hits = json_records(by_source.out);
  ASSERT_FALSE(hits.empty()) << by_source.out;
  // The source, and the host whose site name is the same value (xxx.example).
  std::set<std::string> titles;
  for (const auto& hit : hits) titles.insert(hit.value("title", ""));
  EXPECT_EQ(titles, (std::set<std::string>{"Long source", "Long host"}));

  ProcessResult again = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_summary(again.err).unchanged, 5) << again.err;
  ProcessResult full = run_indexer({"--db", index, "--full", dir / "corpus"});
  EXPECT_EQ(full.exit_code, 0) << full.err;
  ProcessResult sharded = run_indexer({"--db", dir / "sharded", "--shards", "2", dir / "corpus"});
  EXPECT_EQ(sharded.exit_code, 0) << sharded.err;
}

// Escape sequences in titles, names and file names would clear the screen or retitle
// the window of whoever reads the output: text output and messages show them as U+FFFD,
// while --json keeps the stored text as it is (escaped by JSON).
TEST(HostileInput, EscapeSequencesInTitlesAndFileNamesNeverReachTheTerminal) {
  TempDir dir;
  const std::string escapes = "\x1b[2J\x1b]0;pwned\x07";
  write_file(
      dir / ("corpus/desk/" + escapes + "storm.txt"),
      "Storm " + escapes +
          "closes the harbour\n\n"
          "A winter storm closed the harbour at Dover on Monday and ferries stayed in port.\n");
  write_file(dir / ("corpus/desk/" + escapes + "empty.txt"), "");
  const std::string index = dir / "index";
  ProcessResult indexed = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(indexed.exit_code, 1) << indexed.err;  // the empty file is a new skip
  EXPECT_NE(indexed.err.find("empty.txt"), std::string::npos) << indexed.err;
  EXPECT_EQ(indexed.err.find('\x1b'), std::string::npos) << indexed.err;
  EXPECT_EQ(indexed.err.find('\x07'), std::string::npos) << indexed.err;

  for (const char* color : {"--color=never", "--color=always"}) {
    SCOPED_TRACE(color);
    ProcessResult text =
        run_search({"--db", index, "--undated=include", "--facets", color, "harbour " + escapes});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("storm.txt"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("\x1b]"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find("\x1b[2J"), std::string::npos) << text.out;
    EXPECT_EQ(text.out.find('\x07'), std::string::npos) << text.out;
    EXPECT_EQ(text.err.find('\x1b'), std::string::npos) << text.err;
  }
  ProcessResult nothing = run_search({"--db", index, "nowhere" + escapes});
  EXPECT_EQ(nothing.out.find('\x1b'), std::string::npos) << nothing.out;
  EXPECT_EQ(nothing.err.find('\x1b'), std::string::npos) << nothing.err;

  ProcessResult status = run_indexer({"--status", "--db", index});
  EXPECT_NE(status.out.find("empty.txt"), std::string::npos) << status.out;
  EXPECT_EQ(status.out.find('\x1b'), std::string::npos) << status.out;

  ProcessResult json = run_search({"--db", index, "--undated=include", "--json", "harbour"});
  std::vector<std::string> ids = hit_ids(json);
  ASSERT_EQ(ids.size(), 1u) << json.out;
  EXPECT_NE(ids.front().find(escapes), std::string::npos) << "JSON keeps the stored id as it is";
}

// A FIFO named like an article used to vanish without a word (or, put in a file's place
// after the walk, block the run in open()): it is reported and the run goes on.
TEST(HostileInput, AFifoNamedLikeAnArticleIsReportedAndNeverBlocks) {
  TempDir dir;
  write_file(dir / "corpus/desk/ferry.txt",
             "Ferries return\n\nFerries returned to the harbour after the storm.\n");
  ASSERT_EQ(::mkfifo((dir / "corpus/desk/pipe.txt").c_str(), 0600), 0);
  ProcessResult indexed = run_indexer({"--db", dir / "index", dir / "corpus"});
  EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_NE(indexed.err.find("pipe.txt: not a regular file"), std::string::npos) << indexed.err;
  EXPECT_EQ(parse_summary(indexed.err).added, 1) << indexed.err;
}

// Root ignores permissions, so an unreadable folder is made real by running the indexer as
// the unprivileged user nobody (65534), through setpriv from util-linux.
constexpr unsigned kNobody = 65534;
const char* const kSetpriv = "/usr/bin/setpriv";

ProcessResult run_indexer_as_nobody(std::vector<std::string> args) {
  const std::string id = std::to_string(kNobody);
  args.insert(args.begin(), {kSetpriv, "--reuid=" + id, "--regid=" + id, "--clear-groups", "--",
                             NEWSDEX_INDEX_BIN});
  return run_process(args);
}

// Gives `top` and everything under it to nobody.
void give_to_nobody(const std::string& top) {
  ASSERT_EQ(::chown(top.c_str(), kNobody, kNobody), 0) << top;
  for (const auto& entry : fs::recursive_directory_iterator(top)) {
    ASSERT_EQ(::lchown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
  }
}

struct LockCase {
  const char* name;
  fs::perms mode;  // of the folder "locked", owned by nobody
};

// A folder that cannot be read, on the real disk: every article under it stays found,
// the run names the folder with its reason and exits 1; readable again, nothing is read.
TEST(HostileInput, AnUnreadableFolderNeverDeletesItsArticles) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root, to run newsdex-index as user nobody";
  if (::access(kSetpriv, X_OK) != 0) GTEST_SKIP() << "no " << kSetpriv << " (util-linux)";
  const LockCase kCases[] = {
      {"lists but cannot be entered", fs::perms::owner_read},
      {"can be entered but not listed", fs::perms::owner_exec},
      {"no permission at all", fs::perms::none},
  };
  for (const LockCase& c : kCases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    fs::permissions(dir.path(),
                    fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
    const std::string top = dir / "work", corpus = top + "/corpus", index = top + "/index";
    write_file(corpus + "/world/harbour.txt",
               "Harbour reopens\n\nThe harbour reopened after the storm passed.\n");
    write_file(corpus + "/locked/lighthouse.txt",
               "Lighthouse lit\n\nThe old lighthouse was lit again on Friday.\n");
    write_file(corpus + "/locked/deep/glacier.txt",
               "Glacier retreats\n\nThe glacier lost more ice this summer.\n");
    give_to_nobody(top);
    ProcessResult probe = run_indexer_as_nobody({"--help"});
    if (probe.exit_code != 0) {
      GTEST_SKIP() << "user nobody cannot run " << NEWSDEX_INDEX_BIN << ": " << probe.err;
    }
    ProcessResult first = run_indexer_as_nobody({"--db", index, corpus});
    if (first.exit_code == 2 && first.err.find("Permission denied") != std::string::npos) {
      GTEST_SKIP() << "user nobody cannot reach " << top << ": " << first.err;
    }
    ASSERT_EQ(first.exit_code, 0) << first.err;
    ASSERT_EQ(parse_summary(first.err).added, 3) << first.err;

    fs::permissions(corpus + "/locked", c.mode);
    ProcessResult locked = run_indexer_as_nobody({"--db", index, corpus});
    EXPECT_EQ(locked.exit_code, 1) << locked.err;
    EXPECT_NE(locked.err.find(corpus + "/locked: cannot read folder: Permission denied"),
              std::string::npos)
        << locked.err;
    EXPECT_EQ(parse_summary(locked.err).deleted, 0) << locked.err;
    ProcessResult found = run_search(
        {"--db", index, "--paths-only", "--undated=include", "lighthouse OR glacier OR harbour"});
    EXPECT_EQ(found.exit_code, 0) << found.err;
    for (const char* article :
         {"locked/lighthouse.txt", "locked/deep/glacier.txt", "world/harbour.txt"}) {
      EXPECT_NE(found.out.find(article), std::string::npos) << article << " lost: " << found.out;
    }

    fs::permissions(corpus + "/locked", fs::perms::owner_all);
    ProcessResult readable = run_indexer_as_nobody({"--db", index, corpus});
    EXPECT_EQ(readable.exit_code, 0) << readable.err;
    EXPECT_EQ(parse_summary(readable.err).unchanged, 3) << readable.err;
  }
}

// A small tmpfs, mounted for one test and unmounted after it.
class SmallDisk {
 public:
  SmallDisk(const std::string& path, const std::string& size) : path_(path) {
    fs::create_directories(path);
    std::string options = "size=" + size;
    mounted_ = ::mount("tmpfs", path.c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }

 private:
  std::string path_;
  bool mounted_ = false;
};

// Distinct articles, so that the index grows with each one.
void write_articles(const std::string& folder, int first, int count) {
  for (int i = first; i < first + count; ++i) {
    std::string body = "Report " + std::to_string(i) + " from the harbour desk.";
    for (int w = 0; w < 60; ++w) body += " word" + std::to_string(i * 61 + w);
    write_file(folder + "/a" + std::to_string(i) + ".txt",
               "Harbour report " + std::to_string(i) + "\n\n" + body + "\n");
  }
}

// Folders nested past PATH_MAX beside good articles: the run ends normally, indexes every
// good article (one just within the limit too), names the entry past the limit on one
// line with its reason and exits 1, as for any new skip; the next run remembers it.
TEST(HostileInput, FoldersNestedPastPathMaxAreOneSkipNeverACrash) {
  TempDir dir;
  write_articles(dir / "corpus/desk", 0, 5);
  DeepFolders deep(dir / "corpus", std::string(200, 'n'), PATH_MAX + 500);
  std::size_t legal = deep.deepest_under(PATH_MAX, "legal.txt");
  deep.write(legal, "legal.txt", "Walrus sighted\n\nA walrus was sighted in the harbour.\n");
  deep.write(deep.depth(), "bottom.txt", "Walrus again\n\nThe walrus came back to the quay.\n");
  std::size_t too_deep = 1;
  while (deep.path(too_deep).size() < PATH_MAX) ++too_deep;
  const std::string index = dir / "index";

  ProcessResult first = run_indexer({"--db", index, dir / "corpus"});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  EXPECT_EQ(parse_summary(first.err).added, 6) << first.err;
  EXPECT_EQ(parse_summary(first.err).skipped, 1) << first.err;
  std::string skip_line = deep.path(too_deep) + ": path longer than the system allows (PATH_MAX)\n";
  EXPECT_NE(first.err.find(skip_line), std::string::npos) << first.err;
  ProcessResult found = run_search({"--db", index, "--paths-only", "--undated=include", "walrus"});
  EXPECT_EQ(found.out, deep.path(legal) + "/legal.txt\n") << found.err;

  ProcessResult again = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_summary(again.err).unchanged, 6) << again.err;
  EXPECT_EQ(parse_summary(again.err).deleted, 0) << again.err;
}

// The disk fills during runs: each ends with an exit code (never a signal), the index
// it started from still answers every search, and nothing is left to fill the disk.
TEST(HostileInput, AFullDiskEndsRunsCleanlyAndKeepsTheIndex) {
  TempDir dir;
  SmallDisk disk(dir / "disk", "3m");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root): ENOSPC untested";
  const std::string index = dir / "disk/index";
  write_articles(dir / "corpus/desk", 0, 40);
  ProcessResult first = run_indexer({"--quiet", "--db", index, dir / "corpus"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto harbour_reports = [&] {
    ProcessResult found = run_search({"--db", index, "--paths-only", "--undated=include",
                                      "--duplicates=show", "-n", "100000", "harbour"});
    EXPECT_EQ(found.exit_code, 0) << found.err;
    return std::count(found.out.begin(), found.out.end(), '\n');
  };
  ASSERT_EQ(harbour_reports(), 40);

  int failed_runs = 0;
  for (int run = 0; run < 30; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    write_articles(dir / "corpus/desk", 40 + run * 150, 150);
    ProcessResult more = run_indexer({"--quiet", "--db", index, dir / "corpus"});
    ASSERT_GE(more.exit_code, 0) << "ended by a signal: " << more.err;
    if (more.exit_code != 0) {
      ++failed_runs;
      EXPECT_EQ(more.exit_code, 2) << more.err;
      EXPECT_NE(more.err.find("No space left on device"), std::string::npos) << more.err;
    }
    EXPECT_GE(harbour_reports(), 40) << "the index the run started from must still answer";
    for (const auto& entry : fs::directory_iterator(dir / "disk")) {
      std::string name = entry.path().filename();
      EXPECT_TRUE(name == "index" || name == "index.lock") << "left on the disk: " << name;
    }
  }
  EXPECT_GT(failed_runs, 0) << "the disk never filled: the test tests nothing";
}

// A brand-new index that the disk cannot hold: each run ends with exit 2 and the reason,
// never a signal, and leaves neither a half-built DB.building nor a DB behind, whether
// the disk fills early or late in the build. Once there is room, the next run builds it.
TEST(HostileInput, AFullDiskEndsTheFirstRunCleanlyAndTheNextRunBuildsTheIndex) {
  TempDir dir;
  SmallDisk disk(dir / "disk", "16m");
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root): ENOSPC untested";
  const std::string index = dir / "disk/index";
  const std::string filler = dir / "disk/filler";
  // 800 articles take an index of about 5 MB; each run leaves from 0.25 to 3 MB free.
  int articles = 800;
  write_articles(dir / "corpus/desk", 0, articles);
  const long kFree[] = {3072, 256, 2048, 1024, 512};
  for (int run = 0; run < 10; ++run) {
    SCOPED_TRACE("run " + std::to_string(run));
    write_file(filler, std::string((16 << 20) - kFree[run % 5] * 1024, '\0'));
    write_articles(dir / "corpus/desk", articles, 10);
    articles += 10;
    ProcessResult full = run_indexer({"--quiet", "--db", index, dir / "corpus"});
    ASSERT_GE(full.exit_code, 0) << "ended by a signal: " << full.err;
    EXPECT_EQ(full.exit_code, 2) << full.err;
    EXPECT_NE(full.err.find("No space left on device"), std::string::npos) << full.err;
    EXPECT_FALSE(fs::exists(index + ".building")) << "a failed new index is removed";
    EXPECT_FALSE(fs::exists(index)) << "no half-built index in its place";
    for (const auto& entry : fs::directory_iterator(dir / "disk")) {
      std::string name = entry.path().filename();
      EXPECT_TRUE(name == "filler" || name == "index.lock") << "left on the disk: " << name;
    }
    fs::remove(filler);
  }

  ProcessResult roomy = run_indexer({"--db", index, dir / "corpus"});
  ASSERT_EQ(roomy.exit_code, 0) << roomy.err;
  EXPECT_EQ(parse_summary(roomy.err).added, articles) << roomy.err;
  ProcessResult found = run_search({"--db", index, "--paths-only", "--undated=include",
                                    "--duplicates=show", "-n", "100000", "harbour"});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(std::count(found.out.begin(), found.out.end(), '\n'), articles);
  ProcessResult again = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_summary(again.err).unchanged, articles) << again.err;
}

// The real binary on hostile queries, in each output mode: exit 0 or 2 (documented),
// never a signal, and a refusal is one line on stderr.
TEST(HostileInput, HostileQueriesExitZeroOrTwoWithOneLine) {
  TempDir dir;
  write_file(dir / "corpus/desk/a.txt",
             "Harbour reopens\n\nTony Blair visited the harbour in London with José Mourinho.\n");
  write_file(dir / "corpus/desk/b.txt",
             "Ferry strike\n\nFerry crews in Calais walked out over pay and rotas.\n");
  ASSERT_EQ(
      run_indexer({"--quiet", "--db", dir / "index", "--shards", "2", dir / "corpus"}).exit_code,
      0);
  const std::vector<std::string> queries = {"harbour XOR ferry OR place:nowhere",
                                            "((((harbour",
                                            "\"unclosed phrase",
                                            "*ball",
                                            "date:2004-13-45",
                                            "date:..",
                                            "person:",
                                            "NEAR NEAR",
                                            std::string(20000, 'a'),
                                            "\xff\xfe\xe9",
                                            "\x1b[2J harbour",
                                            "a*b*c*d*",
                                            "-harbour",
                                            "NOT",
                                            "harbour AND",
                                            ":::",
                                            "title:\"\"",
                                            "id:../../etc/passwd",
                                            "source:\xe9",
                                            "ferry~3"};
  for (const std::string& query : queries) {
    for (const char* mode : {"--json", "--paths-only", "--facets"}) {
      SCOPED_TRACE(std::string(mode) + " " + query.substr(0, 40));
      ProcessResult result =
          run_search({"--db", dir / "index", mode, "--autocorrect", "--", query});
      ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 2)
          << result.exit_code << " " << result.err;
      if (result.exit_code == 2) {
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << result.err;
        EXPECT_TRUE(result.err.starts_with("newsdex-search: ")) << result.err;
      }
    }
  }
}

}  // namespace
}  // namespace newsdex::testing
