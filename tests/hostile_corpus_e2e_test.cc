// A hostile corpus, generated here: good articles mixed with every kind of file that has
// hurt the indexer (empty, binary, broken encodings, a compression bomb, pathological
// HTML and JSON, fields too long for a term, escape sequences in names, a FIFO, links out
// of the roots and links that fan out, a file over the size cap, folders nested past
// PATH_MAX). One run of the real
// newsdex-index must index every good article, skip every bad file with a reason, exit
// 1 and stay within bounds of time and memory, which it prints.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <chrono>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/deep_folders.h"
#include "support/gzip_bytes.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kGoodArticles = 300;
constexpr auto kMaxRun = std::chrono::seconds(60);
constexpr long kMaxPeakKiB = 1024 * 1024;  // 1 GiB

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

struct HostileFile {
  std::string path;  // under the corpus
  std::string content;
};

// Files that must each be skipped, with a fragment of the reason the skip line gives.
struct Expected {
  std::string name;
  std::string reason;
};

class HostileCorpus {
 public:
  explicit HostileCorpus(const TempDir& dir) : root_(dir / "corpus"), outside_(dir / "outside") {}

  void write() {
    for (int i = 0; i < kGoodArticles; ++i) {
      write_file(root_ + "/desk/good-" + std::to_string(i) + ".txt",
                 "Harbour report " + std::to_string(i) + "\n\nThe harbour master said ferry " +
                     std::to_string(i) + " sailed on time despite the wind off the quay.\n");
    }
    bad("desk/empty.txt", "", "empty file");
    bad("desk/image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + std::string(64, '\0'),
        "not a text file");
    bad("desk/bomb.txt.gz", gzip_bytes(std::string(64u << 20, 'a')), "");
    bad("desk/truncated.txt.gz", gzip_bytes("Title\n\nBody text.\n").substr(0, 12), "gzip");
    bad("desk/deep.html", "<html><body>" + repeat("<b>", 500000) + "Deep.</body></html>",
        "HTML too complex");
    bad("desk/attributes.html",
        "<html><body><p" + repeat(" a=x", 200000) + ">Text.</p></body></html>", "HTML too complex");
    bad("desk/nested.json", repeat("[", 200000) + repeat("]", 200000), "");
    bad("desk/notjson.json", "{\"title\": \"Broken", "JSON");
    // A dump whose good lines are indexed and whose bad line is skipped; a field far over
    // the term limit is indexed as well.
    write_file(root_ + "/wire/dump.jsonl",
               "{\"title\": \"Wire one\", \"text\": \"Ferries sailed from the harbour.\", "
               "\"source\": \"" +
                   std::string(400, 's') +
                   "\"}\n"
                   "{not json}\n"
                   "{\"title\": \"Wire two\", \"text\": \"The quay reopened at dawn.\"}\n");
    expected_.push_back({"dump.jsonl", ""});
    write_file(root_ + "/" + std::string(250, 'f') + "/long.txt",
               "Long folder\n\nA folder name at the file system's limit.\n");
    write_file(root_ + "/desk/\x1b[2Jescape.txt", "Escape\n\nA file name with escapes.\n");
    bad("desk/huge.txt", std::string(3u << 20, 'x'), "size cap");
    ::mkfifo((root_ + "/desk/pipe.txt").c_str(), 0600);
    expected_.push_back({"pipe.txt", "not a regular file"});
    write_file(outside_ + "/secret.txt", "Secret\n\nOutside the roots.\n");
    fs::create_symlink(outside_ + "/secret.txt", root_ + "/desk/secret.txt");
    expected_.push_back({"secret.txt", "outside the indexed folders"});
    for (int level = 0; level < 14; ++level) {
      const std::string folder = root_ + "/links/level" + std::to_string(level);
      fs::create_directories(folder);
      fs::create_symlink("../level" + std::to_string(level + 1), folder + "/a");
      fs::create_symlink("../level" + std::to_string(level + 1), folder + "/b");
    }
    write_file(root_ + "/links/level14/bottom.txt", "Bottom\n\nThe last level of links.\n");
    // Folders nested past PATH_MAX, with a good article just within it and one past it.
    const std::string component(200, 'n');
    deep_ = std::make_unique<DeepFolders>(root_, component, PATH_MAX + 500);
    deep_->write(deep_->deepest_under(PATH_MAX, "legal.txt"), "legal.txt",
                 "Deep\n\nAn article just within the limit.\n");
    deep_->write(deep_->depth(), "bottom.txt", "Too deep\n\nPast the limit.\n");
    expected_.push_back({component, "path longer than the system allows"});
  }

  const std::string& root() const { return root_; }
  const std::vector<Expected>& expected() const { return expected_; }
  // The good articles: the generated ones, the two dump lines, the long folder, the
  // escaped name, the bottom of the links (by its path and by one link) and the deepest
  // article within PATH_MAX.
  static constexpr int kIndexedArticles = kGoodArticles + 2 + 1 + 1 + 2 + 1;

 private:
  void bad(const std::string& path, const std::string& content, const std::string& reason) {
    write_file(root_ + "/" + path, content);
    expected_.push_back({fs::path(path).filename(), reason});
  }

  std::string root_, outside_;
  std::vector<Expected> expected_;
  std::unique_ptr<DeepFolders> deep_;  // removed before the folder it is in
};

TEST(HostileCorpus, EveryGoodArticleIndexedEveryBadFileSkippedWithinBounds) {
  TempDir dir;
  HostileCorpus corpus(dir);
  corpus.write();

  const auto started = std::chrono::steady_clock::now();
  ProcessResult run = run_indexer({"--db", dir / "index", "--max-file-size", "2", corpus.root()});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  rusage usage{};
  ::getrusage(RUSAGE_CHILDREN, &usage);  // the largest child so far: a bound for this one
  std::cout << "hostile corpus: " << std::chrono::duration<double>(elapsed).count()
            << " s, peak memory at most " << usage.ru_maxrss << " KiB\n";

  EXPECT_EQ(run.exit_code, 1) << run.err;
  if (std::getenv("NEWSDEX_SHOW_RUN") != nullptr) std::cout << run.err;
  EXPECT_LT(elapsed, kMaxRun);
  EXPECT_LT(usage.ru_maxrss, kMaxPeakKiB);
  Summary summary = parse_summary(run.err);
  EXPECT_EQ(summary.added, HostileCorpus::kIndexedArticles) << run.err;
  for (const Expected& file : corpus.expected()) {
    SCOPED_TRACE(file.name);
    const std::size_t at = run.err.find(file.name);
    ASSERT_NE(at, std::string::npos) << "no skip line: " << run.err;
    const std::string rest = run.err.substr(at, run.err.find('\n', at) - at);
    EXPECT_NE(rest.find(file.reason), std::string::npos) << rest;
  }
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << "escape sequences reached stderr";

  ProcessResult again = run_indexer({"--db", dir / "index", "--max-file-size", "2", corpus.root()});
  EXPECT_EQ(again.exit_code, 0) << "a second run meets nothing new: " << again.err;
  EXPECT_EQ(parse_summary(again.err).unchanged, HostileCorpus::kIndexedArticles) << again.err;
}

}  // namespace
}  // namespace newsdex::testing
