// The search features of newsdex-search run as a user runs them, on the sample corpus:
// spelling suggestions, aliases, more like this, timelines, passages, paths for scripts,
// the query language's errors and dates, and the interactive mode on a real terminal.
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "e2e_support.h"
#include "support/pty_session.h"
#include "support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using testing::hit_ids;
using testing::parse_json_lines;
using testing::ProcessResult;
using testing::run_indexer;
using testing::run_search;
using testing::TempDir;

constexpr const char* kCorpus = NEWSDEX_SAMPLE_CORPUS;

class SearchFeatures : public ::testing::Test {
 protected:
  // Checked in SetUp: a failed assertion in SetUpTestSuite would skip the tests, which
  // ctest counts as passing.
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    indexed_ = new ProcessResult(run_indexer({"--db", db(), kCorpus}));
  }
  static void TearDownTestSuite() {
    delete indexed_;
    delete dir_;
  }
  void SetUp() override { ASSERT_EQ(indexed_->exit_code, 0) << indexed_->err; }
  static std::string db() { return *dir_ / "index"; }

  static ProcessResult search(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db()});
    return run_search(args);
  }

  // The JSON line of a search that holds `key` (null when none does).
  static nlohmann::json line_with(const ProcessResult& result, const std::string& key) {
    for (const nlohmann::json& line : parse_json_lines(result.out)) {
      if (line.contains(key)) return line;
    }
    return nullptr;
  }

  // Ids of every article a query matches, copies included, sorted.
  static std::set<std::string> all_ids(const std::string& query) {
    std::vector<std::string> ids =
        hit_ids(search({"--json", "--duplicates=show", "--limit", "1000", query}));
    return {ids.begin(), ids.end()};
  }

  static TempDir* dir_;
  static ProcessResult* indexed_;
};
TempDir* SearchFeatures::dir_ = nullptr;
ProcessResult* SearchFeatures::indexed_ = nullptr;

// Article ids (paths under the corpus) whose text holds `needle`, by reading the files.
std::set<std::string> files_containing(const std::string& needle) {
  std::set<std::string> ids;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpus)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find(needle) != std::string::npos) {
      ids.insert(fs::relative(entry.path(), kCorpus).string());
    }
  }
  return ids;
}

TEST_F(SearchFeatures, MisspeltNamesGetACorrection) {
  struct Case {
    std::string typed, suggested;
  };
  for (const Case& c : std::vector<Case>{{"netanyahoo", "netanyahu"},
                                         {"person:netanyahoo", "person:netanyahu"},
                                         {"starmr", "starmer"},
                                         {"blinkin gaza", "blinken gaza"},
                                         {"olaf sholz", "olaf scholz"},
                                         {"sheinbam", "sheinbaum"}}) {
    SCOPED_TRACE(c.typed);
    ProcessResult plain = search({"--json", c.typed});
    EXPECT_EQ(plain.exit_code, 0) << plain.err;
    nlohmann::json note = line_with(plain, "did_you_mean");
    ASSERT_FALSE(note.is_null()) << plain.out;
    EXPECT_EQ(note["did_you_mean"], c.suggested);
    EXPECT_EQ(note["autocorrected"], false);

    ProcessResult fixed = search({"--json", "--autocorrect", c.typed});
    EXPECT_EQ(line_with(fixed, "did_you_mean")["autocorrected"], true) << fixed.out;
    EXPECT_EQ(hit_ids(fixed), hit_ids(search({"--json", c.suggested})));
    EXPECT_FALSE(hit_ids(fixed).empty());

    ProcessResult text = search({"--color", "never", c.typed});
    EXPECT_NE(text.out.find("Did you mean: " + c.suggested), std::string::npos) << text.out;
  }
  EXPECT_TRUE(line_with(search({"--json", "netanyahu"}), "did_you_mean").is_null())
      << "a query that finds articles gets no suggestion";
  EXPECT_TRUE(line_with(search({"--json", "zelenski"}), "did_you_mean").is_null())
      << "its stem already finds Zelensky: a correction would find nothing more";
}

// A byte that is not UTF-8 in a corrected query is replaced in the JSON, not thrown over
// (it used to abort the program with SIGABRT).
TEST_F(SearchFeatures, ACorrectedQueryWithABadByteStaysValidJson) {
  ProcessResult fixed = search({"--json", "--autocorrect", "starmr\xe9"});
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  nlohmann::json note = line_with(fixed, "did_you_mean");
  ASSERT_FALSE(note.is_null()) << fixed.out;
  EXPECT_EQ(note["autocorrected"], true);
  EXPECT_NE(note["query"].get<std::string>().find("\xEF\xBF\xBD"), std::string::npos)
      << "the bad byte shows as U+FFFD";
}

TEST_F(SearchFeatures, AnyFormOfAnAbbreviationFindsAll) {
  std::set<std::string> spelt_out = files_containing("United Nations");
  ASSERT_GE(spelt_out.size(), 3u);
  std::set<std::string> un = all_ids("UN");
  EXPECT_EQ(all_ids("U.N."), un);
  for (const std::string& id : spelt_out) EXPECT_TRUE(un.contains(id)) << id;
  for (const std::string& id : files_containing(" UN ")) EXPECT_TRUE(un.contains(id)) << id;
}

TEST_F(SearchFeatures, MoreLikeThisLeavesTheArticleOutAndFindsItsTopicFirst) {
  for (std::string id : {"science/europa-clipper-launches-to-jupiter.txt",
                         "politics/france-snap-election-hung-parliament.txt",
                         "business/ecb-first-rate-cut-since-2019.txt"}) {
    SCOPED_TRACE(id);
    std::vector<std::string> ids = hit_ids(search({"--json", "--like", id, "--limit", "36"}));
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(std::count(ids.begin(), ids.end(), id), 0);
    std::string section = id.substr(0, id.find('/'));
    EXPECT_EQ(ids.front().substr(0, ids.front().find('/')), section) << ids.front();
    // A path works as well as the id, and a query then only filters.
    EXPECT_EQ(
        hit_ids(search({"--json", "--like", std::string(kCorpus) + "/" + id, "--limit", "36"})),
        ids);
    for (const std::string& filtered :
         hit_ids(search({"--json", "--like", id, "section:" + section, "--limit", "36"}))) {
      EXPECT_EQ(filtered.substr(0, filtered.find('/')), section) << filtered;
    }
  }
  ProcessResult unknown = search({"--like", "world/no-such-story.txt"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no-such-story"), std::string::npos) << unknown.err;
}

TEST_F(SearchFeatures, TimelineCountsEqualABruteForceCount) {
  for (std::string bucket : {"day", "week", "month", "auto"}) {
    SCOPED_TRACE(bucket);
    ProcessResult result = search({"--json", "--timeline=" + bucket, "election"});
    nlohmann::json timeline = line_with(result, "timeline")["timeline"];
    ASSERT_FALSE(timeline.is_null()) << result.out;
    // Brute force: the date of every match, put in the bar whose days hold it.
    std::vector<nlohmann::json> hits = testing::json_records(
        search({"--json", "--duplicates=show", "--limit", "1000", "election"}).out);
    std::map<std::string, int> expected;
    int total = 0;
    for (const nlohmann::json& hit : hits) {
      ++total;
      std::string date = hit.value("date", "");
      for (const nlohmann::json& bar : timeline["bars"]) {
        if (bar["from"] <= date && date <= bar["to"]) ++expected[bar["label"]];
      }
    }
    EXPECT_EQ(timeline["total"], total);
    for (const nlohmann::json& bar : timeline["bars"]) {
      EXPECT_EQ(bar["count"], expected[bar["label"]]) << bar.dump();
    }
  }
  ProcessResult text = search({"--color", "never", "--timeline=month", "election"});
  EXPECT_NE(text.out.find("2024-06"), std::string::npos) << text.out;
}

TEST_F(SearchFeatures, SeveralPassagesEachWithHighlights) {
  ProcessResult result = search({"--json", "--passages", "3", "--limit", "3", "gaza"});
  std::vector<nlohmann::json> hits = testing::json_records(result.out);
  ASSERT_FALSE(hits.empty());
  bool some_hit_has_several = false;
  for (const nlohmann::json& hit : hits) {
    const nlohmann::json& passages = hit["passages"];
    EXPECT_LE(passages.size(), 3u);
    some_hit_has_several |= passages.size() > 1;
    std::size_t previous_start = 0;
    for (const nlohmann::json& passage : passages) {
      EXPECT_FALSE(passage["highlights"].empty()) << passage.dump();
      EXPECT_GE(passage["start"].get<std::size_t>(), previous_start);
      previous_start = passage["start"];
    }
  }
  EXPECT_TRUE(some_hit_has_several);
}

TEST_F(SearchFeatures, PathsForScripts) {
  std::vector<std::string> ids = hit_ids(search({"--json", "ceasefire"}));
  ASSERT_FALSE(ids.empty());
  ProcessResult lines = search({"--paths-only", "ceasefire"});
  ProcessResult nul = search({"-0", "ceasefire"});
  std::string expected_lines, expected_nul;
  for (const std::string& id : ids) {
    std::string path = std::string(kCorpus) + "/" + id;
    expected_lines += path + '\n';
    expected_nul += path + '\0';
  }
  EXPECT_EQ(lines.out, expected_lines);
  EXPECT_EQ(nul.out, expected_nul);
  EXPECT_EQ(search({"--json", "--paths-only", "x"}).exit_code, 2);
}

TEST_F(SearchFeatures, QueryLanguageErrorsAndDates) {
  ProcessResult error = search({"ceasefire (gaza OR rafah"});
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_NE(error.err.find("unmatched '(' at column 11"), std::string::npos) << error.err;
  ProcessResult field = search({"persn:blinken"});
  EXPECT_EQ(field.exit_code, 2);
  EXPECT_NE(field.err.find("unknown field 'persn'"), std::string::npos) << field.err;

  EXPECT_EQ(all_ids("date:2024-06..2024-07"), all_ids("date:2024-06-01..2024-07-31"));
  EXPECT_FALSE(all_ids("date:2024-06..2024-07").empty());
  EXPECT_EQ(all_ids("date:2024"), all_ids("date:2024-01-01..2024-12-31"));

  ProcessResult help = run_search({"--help-query"});
  EXPECT_EQ(help.exit_code, 0);
  for (std::string field_name : {"person:", "place:", "org:", "topic:", "date:", "NEAR"}) {
    EXPECT_NE(help.out.find(field_name), std::string::npos) << field_name;
  }
}

TEST_F(SearchFeatures, InteractiveSessionOnATerminal) {
  TempDir home;
  std::string db_path = db();
  testing::PtySession session(home.path(), [db_path] {
    ::execl(NEWSDEX_SEARCH_BIN, NEWSDEX_SEARCH_BIN, "--db", db_path.c_str(), "-i", "--limit", "2",
            static_cast<char*>(nullptr));
    return 127;
  });
  ASSERT_TRUE(session.started());
  ASSERT_TRUE(session.wait_for("newsdex> ")) << session.output();
  session.type("election\n");
  ASSERT_TRUE(session.wait_for("showing 1-2")) << session.output();
  ASSERT_TRUE(session.wait_for("newsdex> ")) << session.output();
  session.type(":more\n");
  ASSERT_TRUE(session.wait_for("showing 3-4")) << session.output();
  ASSERT_TRUE(session.wait_for("newsdex> ")) << session.output();
  session.type(":like 3\n");
  ASSERT_TRUE(session.wait_for("showing 1-2")) << session.output();
  ASSERT_TRUE(session.wait_for("newsdex> ")) << session.output();
  session.type(":like 9\n");
  ASSERT_TRUE(session.wait_for("no hit 9")) << session.output();
  session.type("\x04");
  EXPECT_EQ(session.wait_exit(), 0) << session.output();
  EXPECT_TRUE(fs::exists(home / ".newsdex_history"));
}

// Options a power user reaches for do what they say, or refuse in one line.
TEST_F(SearchFeatures, OptionTrapsDoTheObviousThing) {
  // -0 is --paths-only with NUL endings: both together are one format.
  ProcessResult nul = search({"--paths-only", "-0", "gaza"});
  EXPECT_EQ(nul.exit_code, 0) << nul.err;
  EXPECT_NE(nul.out.find('\0'), std::string::npos);
  EXPECT_EQ(nul.out.find('\n'), std::string::npos);
  // The bucket is optional: a query word after --timeline is the query's.
  ProcessResult timeline = search({"--json", "--timeline", "gaza"});
  EXPECT_EQ(timeline.exit_code, 0) << timeline.err;
  EXPECT_FALSE(testing::json_records(timeline.out).empty()) << timeline.out;
  EXPECT_EQ(testing::json_records(timeline.out, "timeline").size(), 1u);
  EXPECT_EQ(testing::json_records(timeline.out).size(),
            testing::json_records(search({"--json", "gaza"}).out).size());
  // A leading wildcard would silently search for the rest of the word.
  ProcessResult wildcard = search({"*ball"});
  EXPECT_EQ(wildcard.exit_code, 2);
  EXPECT_NE(wildcard.err.find("cannot start with '*'"), std::string::npos) << wildcard.err;
  EXPECT_EQ(std::count(wildcard.err.begin(), wildcard.err.end(), '\n'), 1) << wildcard.err;
  // --list takes the singular of the query fields too.
  for (const char* facet : {"person", "place", "org", "topic"}) {
    ProcessResult listed = search({"--list", facet, "--json"});
    EXPECT_EQ(listed.exit_code, 0) << facet << ": " << listed.err;
    EXPECT_FALSE(testing::json_records(listed.out, "value").empty()) << facet;
  }
  // --count: one exact number, what --paths-only lists.
  ProcessResult count = search({"--count", "gaza"});
  EXPECT_EQ(count.exit_code, 0) << count.err;
  ProcessResult listed = search({"--paths-only", "-n", "100000", "gaza"});
  EXPECT_EQ(count.out,
            std::to_string(std::count(listed.out.begin(), listed.out.end(), '\n')) + "\n");
  // With --json, the count is the total record; with another output, one line and exit 2.
  ProcessResult count_json = search({"--count", "--json", "gaza"});
  EXPECT_EQ(count_json.exit_code, 0) << count_json.err;
  const std::vector<nlohmann::json> totals = testing::json_records(count_json.out, "total");
  ASSERT_EQ(totals.size(), 1u) << count_json.out;
  EXPECT_EQ(std::to_string(totals.front().at("matches").get<int>()) + "\n", count.out);
  EXPECT_EQ(testing::parse_json_lines(count_json.out).size(), 1u) << count_json.out;
  for (const char* other : {"--paths-only", "--facets", "--timeline", "--related", "-0"}) {
    ProcessResult refused = search({"--count", other, "gaza"});
    EXPECT_EQ(refused.exit_code, 2) << other;
    EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 2) << refused.err;
  }
  // --facets asked for is a record even when nothing matches, with empty lists.
  ProcessResult no_match = search({"--json", "--facets", "zzzqqqxx"});
  EXPECT_EQ(no_match.exit_code, 0) << no_match.err;
  const std::vector<nlohmann::json> empty_facets = testing::json_records(no_match.out, "facets");
  ASSERT_EQ(empty_facets.size(), 1u) << no_match.out;
  EXPECT_TRUE(empty_facets.front().at("facets").at("people").empty());
  // NEWSDEX_DB stands for --db.
  ProcessResult by_env = testing::run_search({"--count", "gaza"}, {{"NEWSDEX_DB", db()}});
  EXPECT_EQ(by_env.exit_code, 0) << by_env.err;
  EXPECT_EQ(by_env.out, count.out);
  // --show: one article whole, by id or path; one line and exit 2 for none.
  const std::string first_id = testing::hit_ids(search({"--json", "gaza"})).front();
  ProcessResult shown = search({"--color", "never", "--show", first_id});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  const std::vector<nlohmann::json> article =
      testing::json_records(search({"--json", "--show", first_id}).out, "article");
  ASSERT_EQ(article.size(), 1u);
  EXPECT_EQ(article.front().at("id"), first_id);
  const std::string text = article.front().at("text");
  EXPECT_GT(text.size(), 200u);
  EXPECT_NE(shown.out.find(text.substr(0, 60)), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find(article.front().at("title").get<std::string>()), std::string::npos);
  ProcessResult by_path =
      search({"--json", "--show", article.front().at("path").get<std::string>()});
  EXPECT_EQ(testing::json_records(by_path.out, "article").size(), 1u) << by_path.err;
  ProcessResult missing = search({"--show", "nowhere/none.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such article"), std::string::npos) << missing.err;
  // Section names ignore case, as source names do.
  const std::vector<std::string> world = testing::hit_ids(search({"--json", "section:world"}));
  EXPECT_FALSE(world.empty());
  EXPECT_EQ(testing::hit_ids(search({"--json", "section:World"})), world);
  EXPECT_EQ(testing::hit_ids(search({"--json", "section:WORLD"})), world);
  // -n 0: the exact counts (and facets), no hits.
  ProcessResult counted = search({"-n", "0", "--json", "--facets", "gaza"});
  EXPECT_EQ(counted.exit_code, 0) << counted.err;
  EXPECT_TRUE(testing::json_records(counted.out).empty());
  EXPECT_EQ(testing::json_records(counted.out, "facets").size(), 1u);
  ASSERT_EQ(testing::json_records(counted.out, "total").size(), 1u);
  EXPECT_GT(testing::json_records(counted.out, "total").front().at("matches").get<int>(), 0);
}

// --json stays JSON Lines whatever else is asked: every line parses, says its type, and
// the last is the total (or, with --list, every line is a value).
TEST_F(SearchFeatures, JsonIsValidJsonLinesWithEveryOption) {
  const std::vector<std::vector<std::string>> option_sets = {
      {},
      {"--facets"},
      {"--related"},
      {"--timeline"},
      {"--timeline=month", "--facets", "--related"},
      {"--duplicates=show", "--passages", "3"},
      {"--sort", "date"},
      {"--sort", "oldest", "--undated=include"},
      {"--recency", "2"},
      {"-n", "0", "--facets"},
      {"-n", "2", "--offset", "1"},
      {"--offset", "1000"},
      {"--autocorrect"},
      {"--facet-limit", "1", "--facets"},
  };
  const std::set<std::string> types = {"hit",      "facets",       "related",
                                       "timeline", "did_you_mean", "total"};
  for (const char* query : {"gaza", "gazza", "nothingmatchesthis"}) {
    for (const std::vector<std::string>& options : option_sets) {
      std::vector<std::string> args = {"--json", query};
      args.insert(args.end(), options.begin(), options.end());
      ProcessResult result = search(args);
      SCOPED_TRACE(result.out.substr(0, 300));
      EXPECT_EQ(result.exit_code, 0) << result.err;
      std::vector<nlohmann::json> lines = testing::parse_json_lines(result.out);
      ASSERT_FALSE(lines.empty());
      for (const nlohmann::json& line : lines) {
        EXPECT_TRUE(types.contains(line.value("type", ""))) << line.dump();
      }
      EXPECT_EQ(lines.back().at("type"), "total");
    }
  }
  for (const char* facet : {"people", "places", "organizations", "topics"}) {
    for (const char* query : {"", "gaza"}) {
      std::vector<std::string> args = {"--json", "--list", facet};
      if (*query != '\0') args.push_back(query);
      for (const nlohmann::json& line : testing::parse_json_lines(search(args).out)) {
        EXPECT_EQ(line.at("type"), "value");
        EXPECT_EQ(line.at("facet"), facet);
      }
    }
  }
}

// Accented and unaccented spellings find each other both ways, in words, phrases, names
// and highlights, while exact values (ids) keep their accents.
TEST(Accents, FoundBothWaysInWordsPhrasesNamesAndHighlights) {
  TempDir dir;
  testing::write_file(dir / "corpus/world/accented.txt",
                      "Manager returns\n\nJos\u00e9 Mourinho returned to the club on Sunday. "
                      "The caf\u00e9 owner cheered.\n");
  testing::write_file(dir / "corpus/world/plain.txt",
                      "Coach speaks\n\nJose Mourinho spoke to reporters near the cafe.\n");
  testing::write_file(dir / "corpus/world/caf\u00e9.txt", "Menu\n\nSoup of the day.\n");
  ASSERT_EQ(testing::run_indexer({"--quiet", "--db", dir / "index", dir / "corpus"}).exit_code, 0);
  auto found = [&](const std::string& query) {
    std::vector<std::string> ids =
        testing::hit_ids(run_search({"--db", dir / "index", "--json", "--undated=include", query}));
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  const std::vector<std::string> both = {"world/accented.txt", "world/plain.txt"};
  for (const char* query : {"jose", "jos\u00e9", "\"jose mourinho\"", "\"jos\u00e9 mourinho\"",
                            "person:\"jos\u00e9 mourinho\"", "person:jose", "cafe", "caf\u00e9"}) {
    EXPECT_EQ(found(query), both) << query;
  }
  EXPECT_EQ(found("id:world/caf\u00e9.txt"), std::vector<std::string>{"world/caf\u00e9.txt"});
  // The highlight covers the accented word as written.
  const nlohmann::json hit =
      testing::json_records(run_search({"--db", dir / "index", "--json", "--undated=include",
                                        "id:world/accented.txt", "jose"})
                                .out)
          .at(0);
  const nlohmann::json& passage = hit.at("passages").at(0);
  EXPECT_EQ(passage.at("text").get<std::string>().substr(0, 5), "Jos\u00e9");
  EXPECT_EQ(passage.at("highlights").at(0), nlohmann::json::array({0, 4}));
}

// The completion script offers every option each tool's --help lists, so the two cannot
// drift apart.
TEST(Completion, KnowsEveryOptionOfBothTools) {
  std::ifstream in(NEWSDEX_COMPLETION_FILE);
  std::string script((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(script.empty());
  const std::regex option(R"(^  (?:-\w \[ )?(--[a-z0-9-]+))");
  for (const ProcessResult& help : {testing::run_indexer({"--help"}), run_search({"--help"})}) {
    std::istringstream lines(help.out);
    int options = 0;
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, option)) continue;
      ++options;
      std::string name = m[1].str();
      EXPECT_NE(script.find(name), std::string::npos) << name;
    }
    EXPECT_GT(options, 10);
  }
}

}  // namespace
}  // namespace newsdex
