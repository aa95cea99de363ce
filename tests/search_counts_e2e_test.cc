// Match counts through the real binaries on the BBC corpus (NEWSDEX_BBC_CORPUS; skipped
// without it): for words, phrases, fields, dates, wildcards, boolean operators and
// collapsed near-duplicates, the counts are exact and the same at any --limit, and they
// equal what a full listing holds: the stories listed with copies collapsed, the
// articles listed with them shown, and the distinct near-duplicate groups among those.
#include <gtest/gtest.h>

#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

constexpr Xapian::valueno kSlotDuplicateKey = 7;  // schema.h

const std::vector<std::string> kQueries = {"tony blair",
                                           "chelsea",
                                           "economy",
                                           "oil price",
                                           "mobile phone",
                                           "film",
                                           "election",
                                           "music",
                                           "\"prime minister\"",
                                           "\"world cup\"",
                                           "\"interest rates\"",
                                           "section:sport",
                                           "section:tech",
                                           "person:\"tony blair\"",
                                           "place:london",
                                           "topic:election",
                                           "section:business oil",
                                           "econom*",
                                           "tele*",
                                           "foot*",
                                           "blair OR brown",
                                           "blair NOT brown",
                                           "(oil OR gas) AND price",
                                           "capriati melbourne",
                                           "chelsea mourinho",
                                           "date:last-7-days",
                                           "date:2004 blair",
                                           "source:news chelsea",
                                           "ipod",
                                           "\"chancellor gordon brown\""};

class SearchCounts : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* corpus = std::getenv("NEWSDEX_BBC_CORPUS");
    if (corpus == nullptr || *corpus == '\0') return;
    dir_ = new TempDir;
    ProcessResult indexed = run_indexer({"--db", *dir_ / "index", corpus});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err.substr(0, 2000);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    if (dir_ == nullptr) {
      GTEST_SKIP() << "NEWSDEX_BBC_CORPUS is not set: set it to the bbc-news corpus folder "
                      "to run the real-corpus tests";
    }
  }

  static std::string db() { return *dir_ / "index"; }

  // The JSON total record's counts, after checking it is the last line.
  static std::pair<int, int> totals(const std::string& query, int limit,
                                    const std::string& undated) {
    ProcessResult result = run_search(
        {"--db", db(), query, "--json", "-n", std::to_string(limit), "--undated=" + undated});
    EXPECT_EQ(result.exit_code, 0) << query << ": " << result.err;
    std::vector<nlohmann::json> lines = parse_json_lines(result.out);
    if (lines.empty() || lines.back().value("type", "") != "total") {
      ADD_FAILURE() << query << ": no total record last";
      return {-1, -1};
    }
    return {lines.back().at("matches").get<int>(), lines.back().at("articles").get<int>()};
  }

  static std::vector<std::string> listing(const std::string& query, const std::string& mode,
                                          const std::string& undated) {
    ProcessResult result = run_search({"--db", db(), query, "--paths-only", "-n", "100000",
                                       "--duplicates=" + mode, "--undated=" + undated});
    std::vector<std::string> paths;
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line);) paths.push_back(line);
    return paths;
  }

  static TempDir* dir_;
};
TempDir* SearchCounts::dir_ = nullptr;

// The near-duplicate groups of the articles with these ids, read from the index itself.
std::size_t distinct_groups(const std::string& db_path, const std::vector<std::string>& ids) {
  Xapian::Database db(db_path);
  std::set<std::string> groups;
  for (const std::string& id : ids) {
    auto posting = db.postlist_begin("Q" + id);
    if (posting == db.postlist_end("Q" + id)) {
      ADD_FAILURE() << "no article " << id;
      continue;
    }
    groups.insert(db.get_document(*posting).get_value(kSlotDuplicateKey));
  }
  return groups.size();
}

TEST_F(SearchCounts, ExactAtAnyLimitAndEqualToWhatAFullListingHolds) {
  std::size_t with_copies = 0;
  for (const std::string& query : kQueries) {
    SCOPED_TRACE(query);
    const std::string undated = query.starts_with("date:") ? "include" : "exclude";
    const auto [matches, articles] = totals(query, 10, undated);
    EXPECT_EQ(totals(query, 1, undated), std::make_pair(matches, articles));
    EXPECT_EQ(totals(query, 1000, undated), std::make_pair(matches, articles));
    const std::vector<std::string> stories = listing(query, "collapse", undated);
    const std::vector<std::string> all = listing(query, "show", undated);
    EXPECT_EQ(static_cast<int>(stories.size()), matches);
    EXPECT_EQ(static_cast<int>(all.size()), articles);
    const std::vector<std::string> ids =
        hit_ids(run_search({"--db", db(), query, "--json", "-n", "100000", "--duplicates=show",
                            "--passages", "0", "--undated=" + undated}));
    EXPECT_EQ(ids.size(), all.size());
    EXPECT_EQ(static_cast<int>(distinct_groups(db(), ids)), matches);
    with_copies += articles > matches;
  }
  EXPECT_GE(with_copies, 3u) << "the queries must cover collapsed copies";
}

TEST_F(SearchCounts, TheTextCountLineIsTheSameOnEveryPage) {
  auto first_line = [](const ProcessResult& result) {
    return result.out.substr(0, result.out.find(';'));
  };
  const std::string one = first_line(run_search({"--db", db(), "tony blair", "-n", "1"}));
  EXPECT_EQ(one, first_line(run_search({"--db", db(), "tony blair", "-n", "10"})));
  EXPECT_EQ(one, first_line(run_search({"--db", db(), "tony blair", "-n", "5", "--offset", "20"})));
  EXPECT_EQ(one.find("about"), std::string::npos) << one;
  ProcessResult zero = run_search({"--db", db(), "chelsea", "-n", "0", "--facets"});
  EXPECT_EQ(zero.exit_code, 0);
  EXPECT_NE(zero.out.find("stories match"), std::string::npos) << zero.out;
  EXPECT_NE(zero.out.find("people: "), std::string::npos) << zero.out;
}

// Whether a passage's text ends a sentence: . ! or ? and maybe closing quotes or brackets.
bool ends_a_sentence(const std::string& text) {
  std::size_t end = text.size();
  for (;;) {
    if (end >= 1 && (text[end - 1] == '"' || text[end - 1] == '\'' || text[end - 1] == ')')) {
      --end;
    } else if (end >= 3 && text.compare(end - 3, 3, "\u201d") == 0) {
      end -= 3;
    } else if (end >= 3 && text.compare(end - 3, 3, "\u2019") == 0) {
      end -= 3;
    } else {
      break;
    }
  }
  return end > 0 && (text[end - 1] == '.' || text[end - 1] == '!' || text[end - 1] == '?');
}

// Whitespace as passages fold it, paragraph breaks kept as one '\n'.
std::string fold_keeping_paragraphs(const std::string& text) {
  std::string folded;
  bool blank = false, newline = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      newline |= c == '\n';
      continue;
    }
    if (blank && !folded.empty()) folded += newline ? '\n' : ' ';
    blank = newline = false;
    folded += c;
  }
  return folded;
}

// Passages are whole sentences, or say on which side a long one was cut: every passage
// not marked cut_end ends a sentence or a paragraph (a heading, a caption), over the top
// ten hits of seven queries.
TEST_F(SearchCounts, PassagesAreWholeSentencesOrSayWhereTheyWereCut) {
  std::size_t passages = 0, marked = 0;
  for (const char* query : {"blair iraq war", "economy growth", "chelsea", "\"prime minister\"",
                            "oil price", "mobile phone", "film award"}) {
    ProcessResult result = run_search({"--db", db(), query, "--json", "-n", "10"});
    for (const nlohmann::json& hit : json_records(result.out)) {
      const std::string id = hit.at("id");
      std::string body;
      for (const nlohmann::json& passage : hit.at("passages")) {
        ++passages;
        const std::string text = passage.at("text");
        if (passage.at("cut_end").get<bool>() || passage.at("cut_start").get<bool>()) ++marked;
        if (passage.at("cut_end").get<bool>() || ends_a_sentence(text)) continue;
        if (body.empty()) {
          body = fold_keeping_paragraphs(
              json_records(run_search({"--db", db(), "--json", "--show", id}).out, "article")
                  .at(0)
                  .at("text"));
        }
        const std::string tail = text.substr(text.size() - std::min<std::size_t>(25, text.size()));
        const std::size_t at = body.find(tail);
        EXPECT_TRUE(at != std::string::npos &&
                    (at + tail.size() == body.size() || body[at + tail.size()] == '\n'))
            << id << ": a passage ends inside a sentence without saying so: " << text;
      }
    }
  }
  EXPECT_GT(passages, 50u);
  std::printf("passages: %zu, of which cut on a marked side: %zu\n", passages, marked);
}

}  // namespace
}  // namespace newsdex::testing
