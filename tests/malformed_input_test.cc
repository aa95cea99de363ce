// The table of malformed inputs: each is skipped with its reason (or read as far as it
// can be) through the real indexer on an in-memory file system, the run completes, and
// what was indexed before is intact. Inputs are written here for the project; crashes
// and hangs found by fuzz/run.sh become rows.
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "index_run.h"
#include "newsdex/stored_article.h"
#include "support/gzip_bytes.h"
#include "support/memory_file_system.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

const std::string kGoodText = "Tide gauge repaired\n\nThe harbour tide gauge works again.\n";

struct MalformedCase {
  std::string name;
  std::string file;          // under the root "news"
  std::string content;       // bytes of the file
  std::string skipped;       // expected skip path suffix + ": " + reason; "" = indexed
  std::size_t articles = 0;  // articles indexed from the file when not skipped whole
};

std::vector<MalformedCase> malformed_cases() {
  std::string bomb =
      testing::gzip_bytes(std::string(3u << 20, 'a'));  // 3 MB of one letter; cap is 1 MB
  std::string truncated = testing::gzip_bytes(kGoodText);
  truncated.resize(truncated.size() / 2);
  return {
      {"EmptyFile", "empty.txt", "", "empty.txt: empty file"},
      {"BlankLinesOnly", "blank.txt", "\n\n   \n\t\n", "blank.txt: no article text"},
      {"ResidueOnly", "residue.txt", "Share:\nAdvertisement\nRead more\n",
       "residue.txt: no text left after cleaning"},
      {"BinaryPng", "image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16),
       "image.txt: not a text file (contains NUL bytes)"},
      {"Utf16WithoutBom", "wide.txt", std::string("T\0i\0d\0e\0", 8),
       "wide.txt: not a text file (contains NUL bytes)"},
      {"Utf16WithBom", "wide-bom.txt", std::string("\xFF\xFET\0i\0d\0e\0\n\0\n\0O\0k\0.\0", 20), "",
       1},
      {"InvalidUtf8ReadAsWindows1252", "legacy.txt", "Caf\xE9 opens\n\nA caf\xE9 by the pier.\n",
       "", 1},
      {"UndefinedWindows1252Bytes", "odd.txt", "Odd \x81 bytes\n\nText \x8D\x8F here.\n", "", 1},
      {"CorruptGzip", "broken.txt.gz", "\x1f\x8bnot really gzip at all",
       "broken.txt.gz: corrupt gzip data"},
      {"TruncatedGzip", "cut.txt.gz", truncated, "cut.txt.gz: corrupt gzip data"},
      {"GzipBomb", "bomb.txt.gz", bomb, "bomb.txt.gz: larger than 1 MB when decompressed"},
      {"JsonNotParsable", "dump.json", "{\"title\": \"x\", ", "dump.json: not valid JSON"},
      {"JsonDeeplyNested", "deep.json", std::string(100000, '['), "deep.json: not valid JSON"},
      {"JsonNotAnObject", "number.json", "42", "number.json: not a JSON object"},
      {"JsonWithoutText", "notext.json", "{\"title\": \"Only a title\"}",
       "notext.json: no article text"},
      {"JsonLinesOneBadLine", "feed.jsonl",
       "{\"title\":\"A\",\"text\":\"First story text.\"}\n{broken\n"
       "{\"title\":\"C\",\"text\":\"Third story text.\"}\n",
       "feed.jsonl:2: not valid JSON", 2},
      {"JsonLinesAllBad", "bad.jsonl", "nope\nstill nope\n", "bad.jsonl: not valid JSON"},
      {"HtmlWithoutText", "empty.html",
       "<html><head><script>x()</script></head><body></body></html>",
       "empty.html: no article text"},
      {"HtmlUnclosedTags", "messy.html",
       "<html><body><article><p>Pier reopens<p>The pier reopened today after repairs.</div></div>",
       "", 1},
      // gumbo frees its tree recursively and records the open elements in every parse
      // error: deep nesting crashed or exhausted memory until the reader flattened it.
      {"HtmlDeeplyNested", "deep.html",
       "<html><body>" + repeat("<span>", 10000) + "Deep pier story.</body></html>", "", 1},
      // Deeper, gumbo's time grows with the square of the depth: refused before it.
      {"HtmlNestedBeyondTheBound", "deeper.html",
       "<html><body>" + repeat("<span>", 50000) + "Deep pier story.</body></html>",
       "deeper.html: HTML too complex: nested more than 12000 elements deep"},
      {"FrontMatterNeverClosed", "open.md", "---\ntitle: Never closed\n\nBody text of the note.\n",
       "", 1},
  };
}

class MalformedInput : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedInput, IsSkippedWithItsReasonAndLosesNothing) {
  const MalformedCase& c = GetParam();
  testing::TempDir dir;
  testing::MemoryFileSystem fs;
  fs.add_file("news/good.txt", kGoodText);
  IndexOptions options;
  options.db_path = dir / "index";
  options.roots = {"news"};
  options.analysis.entities = false;
  options.max_file_bytes = 1 << 20;
  auto no_skips = [](const std::string& path, const std::string& reason) {
    ADD_FAILURE() << "unexpected skip " << path << ": " << reason;
  };
  ASSERT_EQ(run_index(options, fs, no_skips).added, 1u);

  fs.add_file("news/" + c.file, c.content, 2000);
  std::vector<std::string> skips;
  IndexCounts counts =
      run_index(options, fs, [&](const std::string& path, const std::string& reason) {
        skips.push_back(path + ": " + reason);
      });

  if (c.skipped.empty()) {
    EXPECT_TRUE(skips.empty()) << skips.front();
  } else {
    ASSERT_EQ(skips.size(), 1u);
    EXPECT_EQ(skips.front(), "news/" + c.skipped);
  }
  EXPECT_EQ(counts.added, c.articles);
  Xapian::Database db(dir / "index");
  EXPECT_EQ(db.get_doccount(), 1 + c.articles);
  EXPECT_NE(db.postlist_begin("Qgood.txt"), db.postlist_end("Qgood.txt"))
      << "the article indexed before is intact";
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedInput, ::testing::ValuesIn(malformed_cases()),
                         [](const auto& test) { return test.param.name; });

}  // namespace
}  // namespace newsdex
