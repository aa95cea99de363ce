// Near-duplicate groups through the real binaries: an index kept up to date over many
// runs of additions, edits, moves and deletions groups its articles exactly as a clean
// build of the same files does (same XDUP terms, same collapse keys), and search counts
// the same "+N similar".
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

constexpr Xapian::valueno kSlotDuplicateKey = 7;  // schema.h; checked below by its term

// Every term with its frequency, every article's record, and its collapse key.
std::map<std::string, std::string> index_digest(const std::string& db_path) {
  Xapian::Database db(db_path);
  std::map<std::string, std::string> digest;
  for (auto term = db.allterms_begin(); term != db.allterms_end(); ++term) {
    std::string name = *term;
    digest["term " + name] = std::to_string(term.get_termfreq());
    if (name.starts_with("Q")) {
      Xapian::Document doc = db.get_document(*db.postlist_begin(name));
      digest["data " + name] = doc.get_data();
      std::string key = doc.get_value(kSlotDuplicateKey);
      digest["group " + name] = key;
      EXPECT_NE(db.get_termfreq("XDUP" + key), 0u) << name;
    }
  }
  return digest;
}

// Invented news vocabulary: stories are word sequences drawn from it, and copies of a
// story differ from it by a number of replaced words.
const std::vector<std::string> kWords = {
    "council", "harbour",  "ferry",    "bridge",    "tender",   "budget",   "school",  "teachers",
    "strike",  "vote",     "mayor",    "station",   "trains",   "delays",   "storm",   "flooding",
    "river",   "farmers",  "harvest",  "prices",    "market",   "shares",   "bank",    "rates",
    "housing", "rents",    "tenants",  "plans",     "museum",   "festival", "tickets", "crowds",
    "police",  "inquiry",  "court",    "judge",     "appeal",   "hospital", "nurses",  "wards",
    "beds",    "winter",   "energy",   "turbines",  "coast",    "fishing",  "quota",   "minister",
    "report",  "league",   "match",    "goal",      "stadium",  "fans",     "season",  "coach",
    "airport", "runway",   "noise",    "residents", "petition", "library",  "funding", "roads",
    "repairs", "potholes", "cyclists", "lanes",     "traffic",  "buses"};

std::string story_text(std::uint32_t seed, int replaced_words) {
  std::mt19937 words(seed);
  std::vector<std::string> text;
  for (int i = 0; i < 140; ++i) text.push_back(kWords[words() % kWords.size()]);
  std::mt19937 edits(seed * 7919u + 1);
  for (int i = 0; i < replaced_words; ++i) {
    text[edits() % text.size()] = kWords[edits() % kWords.size()];
  }
  std::string body = "Story " + std::to_string(seed) + " from the coast\n\n";
  for (std::size_t i = 0; i < text.size(); ++i) {
    body += text[i];
    body += (i % 14 == 13) ? ".\n" : " ";
  }
  return body;
}

// Copies of a few stories, each copy further from its story than the one before: near
// copies group, and a copy between two others can join them.
std::map<std::string, std::string> syndicated_corpus() {
  std::map<std::string, std::string> files;
  const int kReplaced[] = {0, 0, 1, 3, 5, 8, 11, 14, 18, 24, 30, 40};
  for (std::uint32_t story = 1; story <= 5; ++story) {
    for (int copy = 0; copy < static_cast<int>(std::size(kReplaced)); ++copy) {
      std::string site = copy % 2 == 0 ? "wire" : "harbour-times";
      files[site + "/story" + std::to_string(story) + "-copy" + std::to_string(copy) + ".txt"] =
          story_text(story, kReplaced[copy]);
    }
  }
  return files;
}

std::size_t distinct_groups(const std::map<std::string, std::string>& digest) {
  std::set<std::string> groups;
  for (const auto& [name, value] : digest) {
    if (name.starts_with("group ")) groups.insert(value);
  }
  return groups.size();
}

// The sizes of the groups of a collapsed search's hits (1 + "similar"), sorted.
std::vector<int> group_sizes(const std::string& db, const std::string& query) {
  std::vector<int> sizes;
  ProcessResult result = run_search({"--db", db, query, "--json", "-n", "1000"});
  for (const auto& line : parse_json_lines(result.out)) {
    if (line.contains("similar")) sizes.push_back(1 + line.at("similar").get<int>());
  }
  std::sort(sizes.begin(), sizes.end());
  return sizes;
}

TEST(DuplicateGroups, RunsOfChangesGroupAsACleanBuildDoes) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string db = dir / "index";
  std::map<std::string, std::string> all = syndicated_corpus();
  std::map<std::string, std::string> present;  // path -> text, as on disk
  std::mt19937 random(20261206);
  auto write = [&](const std::string& path, const std::string& text) {
    write_file(corpus + "/" + path, text);
    present[path] = text;
  };
  // The first run has a third of the copies, in no particular order.
  for (const auto& [path, text] : all) {
    if (random() % 3 == 0) write(path, text);
  }
  std::size_t grouped_runs = 0;
  for (int round = 0; round < 10; ++round) {
    SCOPED_TRACE(::testing::Message() << "round " << round);
    ProcessResult run = run_indexer({"--db", db, corpus});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string fresh = dir / ("fresh" + std::to_string(round));
    ASSERT_EQ(run_indexer({"--db", fresh, corpus}).exit_code, 0);
    std::map<std::string, std::string> kept = index_digest(db);
    ASSERT_EQ(kept, index_digest(fresh));
    std::size_t articles = present.size();
    if (distinct_groups(kept) < articles) ++grouped_runs;
    // "+N similar" the same way too (which copy of a group is shown may differ between
    // equally scored copies, as document ids do).
    for (const char* query : {"harbour ferry", "council vote", "storm"}) {
      EXPECT_EQ(group_sizes(db, query), group_sizes(fresh, query)) << query;
    }

    // Then: add some missing copies, delete some, edit some, move some.
    for (const auto& [path, text] : all) {
      if (!present.contains(path) && random() % 3 == 0) write(path, text);
    }
    std::vector<std::string> paths;
    for (const auto& [path, text] : present) paths.push_back(path);
    for (const std::string& path : paths) {
      switch (random() % 8) {
        case 0:
          fs::remove(corpus + "/" + path);
          present.erase(path);
          break;
        case 1:
          write(path, story_text(static_cast<std::uint32_t>(random() % 5 + 1),
                                 static_cast<int>(random() % 20)));
          break;
        case 2: {
          std::string moved =
              "moved/" + std::to_string(round) + "-" + fs::path(path).filename().string();
          fs::create_directories(fs::path(corpus + "/" + moved).parent_path());
          fs::rename(corpus + "/" + path, corpus + "/" + moved);
          present[moved] = present[path];
          present.erase(path);
          break;
        }
        default:
          break;
      }
    }
  }
  EXPECT_GE(grouped_runs, 8u);  // the comparisons covered real groups
}

// The edits syndication makes, all at once: a sentence dropped, four words changed and a
// line of the site's own added; and briefs of 70 words with two three-word phrases
// changed. Six of each are grouped with their story, and the twelve other stories stand
// alone (the 64-bit SimHash before MinHash caught about 70% and 50% of such copies).
TEST(DuplicateGroups, CopiesWithEveryEditAtOnceAndEditedBriefsAreGrouped) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  const std::string db = dir / "index";
  auto words_of = [](const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;) words.push_back(word);
    return words;
  };
  auto join = [](const std::vector<std::string>& words, std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < std::min(count, words.size()); ++i) {
      text += words[i];
      text += (i % 14 == 13) ? "\n" : " ";
    }
    return text;
  };
  constexpr int kStories = 6;
  for (int n = 0; n < kStories; ++n) {
    const auto seed = static_cast<std::uint32_t>(100 + n);
    const std::string story = story_text(seed, 0);
    write_file(corpus + "/wire/story" + std::to_string(n) + ".txt", story);
    // Title line, blank line, then the words: drop the third sentence (14 words), change
    // four words, add a line.
    const std::size_t body_start = story.find("\n\n") + 2;
    std::vector<std::string> words = words_of(story.substr(body_start));
    words.erase(words.begin() + 28, words.begin() + 42);
    std::mt19937 edits(seed);
    for (int i = 0; i < 4; ++i) words[edits() % words.size()] = kWords[edits() % kWords.size()];
    write_file(corpus + "/harbour-times/story" + std::to_string(n) + ".txt",
               story.substr(0, body_start) + join(words, words.size()) +
                   "\nFollow the regional desk for more on this story.\n");

    const std::string brief_story = story_text(seed + 1000, 0);
    const std::size_t brief_start = brief_story.find("\n\n") + 2;
    std::vector<std::string> brief = words_of(brief_story.substr(brief_start));
    brief.resize(70);
    write_file(corpus + "/wire/brief" + std::to_string(n) + ".txt",
               brief_story.substr(0, brief_start) + join(brief, brief.size()));
    for (std::size_t at : {10u, 45u}) {
      for (std::size_t i = at; i < at + 3; ++i) brief[i] = kWords[(i * 7 + n) % kWords.size()];
    }
    write_file(corpus + "/harbour-times/brief" + std::to_string(n) + ".txt",
               brief_story.substr(0, brief_start) + join(brief, brief.size()));
    // Another story each, which must stay alone.
    write_file(corpus + "/wire/other" + std::to_string(n) + ".txt", story_text(seed + 2000, 0));
  }
  ASSERT_EQ(run_indexer({"--db", db, corpus}).exit_code, 0);
  // Every story's title ends "from the coast": the query finds all of them.
  std::vector<int> expected(kStories, 1);  // the other stories, alone
  expected.insert(expected.end(), 2 * kStories, 2);
  EXPECT_EQ(group_sizes(db, "coast"), expected);
  ProcessResult count = run_search({"--db", db, "--count", "coast"});
  ASSERT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(std::stoi(count.out), 3 * kStories);  // stories, each group counted once
}

}  // namespace
}  // namespace newsdex::testing
