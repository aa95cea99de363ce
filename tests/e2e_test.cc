// End-to-end tests: the real newsdex-index and newsdex-search, run as a user would, on
// a real index on disk built from sample-corpus/.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <signal.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

const std::string kCorpus = NEWSDEX_SAMPLE_CORPUS;
const std::string kCeasefireArticle = "world/blinken-gaza-ceasefire-talks.txt";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// One index of the sample corpus, built once and only read by the tests of this suite.
class SampleCorpusSearch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    first_run_ = new ProcessResult(run_indexer({"--db", db(), kCorpus}));
  }
  static void TearDownTestSuite() {
    delete first_run_;
    delete dir_;
  }
  static std::string db() { return *dir_ / "index"; }

  static ProcessResult search(std::vector<std::string> args,
                              const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {"--db", db()});
    return run_search(args, env);
  }

  static TempDir* dir_;
  static ProcessResult* first_run_;
};
TempDir* SampleCorpusSearch::dir_ = nullptr;
ProcessResult* SampleCorpusSearch::first_run_ = nullptr;

TEST_F(SampleCorpusSearch, IndexesEveryArticle) {
  EXPECT_EQ(first_run_->exit_code, 0) << first_run_->err;
  Summary summary = parse_summary(first_run_->err);
  EXPECT_EQ(summary.added, count_articles(kCorpus));
  EXPECT_GE(summary.added, 30);
  EXPECT_EQ(summary.skipped, 0);
  EXPECT_TRUE(first_run_->out.empty());
}

struct NamedQuery {
  std::vector<std::string> query;
  std::string expected_first;
};

TEST_F(SampleCorpusSearch, NamedQueriesRankTheirArticleFirst) {
  const NamedQuery kCases[] = {
      {{"ceasefire", "rafah"}, kCeasefireArticle},
      {{"blinken", "doha"}, kCeasefireArticle},
      {{"\"gaza strip\"", "ocha"}, kCeasefireArticle},
      {{"title:blinken", "hamas"}, kCeasefireArticle},
      {{"zamzam", "famine"}, "world/sudan-famine-darfur-zamzam.txt"},
      {{"lng", "\"north field\""}, "business/qatarenergy-lng-expansion-north-field.txt"},
      {{"celtics", "mavericks"}, "sport/celtics-beat-mavericks-nba-finals.txt"},
      {{"crowdstrike"}, "technology/crowdstrike-update-global-it-outage.txt"},
      {{"europa", "clipper"}, "science/europa-clipper-launches-to-jupiter.txt"},
      {{"lindner"}, "politics/germany-coalition-collapse-scholz-lindner.txt"},
      {{"sinner", "medvedev"}, "sport/sinner-wins-australian-open.txt"},
      // Read from a Windows-1252 file: the accented word must match as UTF-8.
      {{"nestlé", "zürich"}, "business/nestle-replaces-chief-executive-freixe.txt"},
  };
  for (const NamedQuery& c : kCases) {
    std::vector<std::string> args = c.query;
    args.push_back("--json");
    ProcessResult result = search(args);
    SCOPED_TRACE(c.query.front());
    ASSERT_EQ(result.exit_code, 0) << result.err;
    std::vector<std::string> ids = hit_ids(result);
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.front(), c.expected_first);
  }
}

TEST_F(SampleCorpusSearch, PlainOutputMarksHighlightsWithBrackets) {
  ProcessResult result = search({"rafah"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("[Rafah]"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(kCeasefireArticle), std::string::npos);
  EXPECT_EQ(result.out.find('\x1b'), std::string::npos) << "colour on a non-terminal";
}

TEST_F(SampleCorpusSearch, TitleQueryHighlightsTheWordInThePassage) {
  std::vector<nlohmann::json> hits = json_records(search({"title:blinken", "--json"}).out);
  ASSERT_FALSE(hits.empty());
  for (const nlohmann::json& hit : hits) {
    const nlohmann::json& passage = hit.at("passages").at(0);
    ASSERT_FALSE(passage.at("highlights").empty()) << passage.at("text");
    auto span = passage.at("highlights").at(0);
    EXPECT_EQ(
        lower(code_point_substr(passage.at("text").get<std::string>(), span.at(0), span.at(1))),
        "blinken");
  }
}

TEST_F(SampleCorpusSearch, ColourIsAskedForOrRefused) {
  ProcessResult always = search({"rafah", "--color=always"});
  EXPECT_NE(always.out.find("\x1b[1;33mRafah\x1b[0m"), std::string::npos) << always.out;
  ProcessResult never = search({"rafah", "--color=never"});
  EXPECT_EQ(never.out.find('\x1b'), std::string::npos);
  ProcessResult bad = search({"rafah", "--color=sometimes"});
  EXPECT_EQ(bad.exit_code, 2);
}

// On a terminal, auto colours unless NO_COLOR is set. script(1) gives the search a
// pseudo-terminal as its stdout, as an interactive shell would.
TEST_F(SampleCorpusSearch, AutoColoursATerminalUnlessNoColor) {
  if (!std::filesystem::exists("/usr/bin/script")) GTEST_SKIP() << "script(1) not installed";
  std::string command = std::string(NEWSDEX_SEARCH_BIN) + " --db '" + db() + "' rafah";
  ProcessResult tty =
      run_process({"/usr/bin/script", "-qec", command, "/dev/null"}, {{"NO_COLOR", ""}});
  EXPECT_NE(tty.out.find("\x1b[1;33mRafah"), std::string::npos) << tty.out;
  ProcessResult no_color =
      run_process({"/usr/bin/script", "-qec", command, "/dev/null"}, {{"NO_COLOR", "1"}});
  EXPECT_NE(no_color.out.find("[Rafah]"), std::string::npos) << no_color.out;
  EXPECT_EQ(no_color.out.find("\x1b["), std::string::npos);
}

TEST_F(SampleCorpusSearch, JsonHitsCarryFieldsAndHighlightOffsets) {
  ProcessResult result = search({"blinken", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> hits = json_records(result.out);
  ASSERT_GE(hits.size(), 2u);
  // Every record says what it is; the hits come first, the total last.
  std::vector<nlohmann::json> records = parse_json_lines(result.out);
  EXPECT_EQ(records.back().at("type"), "total");
  EXPECT_EQ(records.back().at("matches").get<std::size_t>(), hits.size());
  int rank = 1;
  for (const nlohmann::json& hit : hits) {
    for (const char* key : {"rank", "id", "path", "title", "section", "score", "passages"}) {
      EXPECT_TRUE(hit.contains(key)) << key;
    }
    EXPECT_EQ(hit.at("rank"), rank++);
    const nlohmann::json& passage = hit.at("passages").at(0);
    std::string text = passage.at("text");
    EXPECT_EQ(text.find('\x01'), std::string::npos);
    ASSERT_FALSE(passage.at("highlights").empty()) << text;
    for (const auto& span : passage.at("highlights")) {
      EXPECT_EQ(lower(code_point_substr(text, span.at(0), span.at(1))), "blinken") << text;
    }
  }
}

TEST_F(SampleCorpusSearch, ResidueLinesAreNotSearchable) {
  for (const char* word : {"whatsapp", "telegram", "newsletter", "zephyrton"}) {
    SCOPED_TRACE(word);
    ProcessResult text = search({word});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_NE(text.out.find("No articles match"), std::string::npos) << text.out;
    ProcessResult json = search({word, "--json"});
    EXPECT_EQ(json.exit_code, 0);
    EXPECT_EQ(json.out, "{\"type\":\"total\",\"matches\":0,\"articles\":0}\n");
  }
}

TEST_F(SampleCorpusSearch, ResidueWordsExistInTheFilesThemselves) {
  // Guards the test above: the words must really be in the corpus files.
  std::string all;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpus)) {
    if (entry.is_regular_file()) all += lower(read_file(entry.path().string()));
  }
  for (const char* word : {"whatsapp", "telegram", "zephyrton"}) {
    EXPECT_NE(all.find(word), std::string::npos) << word;
  }
}

TEST_F(SampleCorpusSearch, OperatorsAndFieldsNarrowResults) {
  auto ids = [](const ProcessResult& r) { return hit_ids(r); };
  std::vector<std::string> blinken = ids(search({"blinken", "--json", "--limit", "100"}));
  std::vector<std::string> in_world =
      ids(search({"blinken", "section:world", "--json", "--limit", "100"}));
  std::vector<std::string> not_rafah =
      ids(search({"blinken", "NOT", "rafah", "--json", "--limit", "100"}));
  ASSERT_GE(blinken.size(), 2u);
  EXPECT_LE(in_world.size(), blinken.size());
  for (const std::string& id : in_world) EXPECT_TRUE(id.starts_with("world/")) << id;
  std::vector<std::string> with_rafah =
      ids(search({"blinken", "rafah", "--json", "--limit", "100"}));
  EXPECT_EQ(std::count(not_rafah.begin(), not_rafah.end(), kCeasefireArticle), 0);
  EXPECT_EQ(std::count(with_rafah.begin(), with_rafah.end(), kCeasefireArticle), 1);
  EXPECT_EQ(not_rafah.size() + with_rafah.size(), blinken.size());

  std::vector<std::string> either =
      ids(search({"blinken", "OR", "ocha", "--json", "--limit", "100"}));
  EXPECT_GE(either.size(), blinken.size());
  std::vector<std::string> wildcard = ids(search({"ceasefir*", "--json", "--limit", "100"}));
  EXPECT_NE(std::find(wildcard.begin(), wildcard.end(), kCeasefireArticle), wildcard.end());
}

TEST_F(SampleCorpusSearch, PhraseNeedsAdjacentWords) {
  std::vector<std::string> phrase = hit_ids(search({"\"prime minister\"", "--json"}));
  std::vector<std::string> reversed = hit_ids(search({"\"minister prime\"", "--json"}));
  EXPECT_FALSE(phrase.empty());
  EXPECT_TRUE(reversed.empty());
}

TEST_F(SampleCorpusSearch, LimitAndOffsetPage) {
  std::vector<std::string> all = hit_ids(search({"the", "--json", "--limit", "100"}));
  ASSERT_GE(all.size(), 5u);
  std::vector<std::string> page =
      hit_ids(search({"the", "--json", "--limit", "2", "--offset", "3"}));
  EXPECT_EQ(page, (std::vector<std::string>{all[3], all[4]}));
  std::vector<nlohmann::json> hits =
      json_records(search({"the", "--json", "--limit", "1", "--offset", "3"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].at("rank"), 4);
}

TEST_F(SampleCorpusSearch, EntityFieldsFindTheCeasefireArticle) {
  const std::pair<const char*, const char*> kCases[] = {
      {"person:blinken", "blinken"}, {"place:rafah", "rafah"}, {"org:hamas", "hamas"}};
  for (const auto& [query, word] : kCases) {
    SCOPED_TRACE(query);
    std::vector<nlohmann::json> hits = json_records(search({query, "--json"}).out);
    auto hit = std::find_if(hits.begin(), hits.end(), [](const nlohmann::json& h) {
      return h.at("id") == kCeasefireArticle;
    });
    ASSERT_NE(hit, hits.end());
    // The passage highlights the entity's mentions although the query has no free words.
    const nlohmann::json& passage = hit->at("passages").at(0);
    ASSERT_FALSE(passage.at("highlights").empty()) << passage.at("text");
    auto span = passage.at("highlights").at(0);
    EXPECT_EQ(
        lower(code_point_substr(passage.at("text").get<std::string>(), span.at(0), span.at(1))),
        word);
  }
  ProcessResult plain = search({"place:rafah"});
  EXPECT_NE(plain.out.find("[Rafah]"), std::string::npos) << plain.out;
}

TEST_F(SampleCorpusSearch, HitsCarryTheirEntities) {
  std::vector<nlohmann::json> hits =
      json_records(search({"id:" + kCeasefireArticle, "--json"}).out);
  ASSERT_EQ(hits.size(), 1u);
  auto contains = [](const nlohmann::json& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  EXPECT_TRUE(contains(hits[0].at("people"), "Antony Blinken")) << hits[0].at("people");
  EXPECT_TRUE(contains(hits[0].at("people"), "Benjamin Netanyahu"));
  EXPECT_TRUE(contains(hits[0].at("places"), "Rafah")) << hits[0].at("places");
  EXPECT_TRUE(contains(hits[0].at("places"), "Qatar"));
  EXPECT_TRUE(contains(hits[0].at("organizations"), "Hamas")) << hits[0].at("organizations");
  // Topics of its own; its section ("world") is a field, not a topic.
  EXPECT_FALSE(hits[0].at("topics").empty());
  EXPECT_FALSE(contains(hits[0].at("topics"), "world")) << hits[0].at("topics");
}

// Facet counts over all matches equal a count over the hits' own entity lists.
TEST_F(SampleCorpusSearch, FacetCountsEqualBruteForce) {
  for (const char* query : {"gaza", "election", "section:business"}) {
    SCOPED_TRACE(query);
    const std::string out = search({query, "--json", "--facets", "--limit", "1000"}).out;
    std::vector<nlohmann::json> lines = json_records(out);
    ASSERT_EQ(json_records(out, "facets").size(), 1u);
    nlohmann::json facets = json_records(out, "facets").front().at("facets");
    for (const char* facet : {"people", "places", "organizations", "topics"}) {
      std::map<std::string, int> brute_force;
      for (const nlohmann::json& hit : lines) {
        const nlohmann::json& names = hit.at(facet);
        for (std::size_t i = 0; i < names.size() && i < 12; ++i) ++brute_force[names[i]];
      }
      ASSERT_FALSE(facets.at(facet).empty()) << facet;
      for (const nlohmann::json& value : facets.at(facet)) {
        EXPECT_EQ(value.at("count").get<int>(), brute_force[value.at("name")])
            << facet << ": " << value.at("name");
      }
    }
  }
}

TEST_F(SampleCorpusSearch, NarrowingByAFacetValueNeverWidens) {
  const std::string out = search({"gaza", "--json", "--facets", "--limit", "1000"}).out;
  std::vector<nlohmann::json> lines = json_records(out);
  ASSERT_EQ(json_records(out, "facets").size(), 1u);
  nlohmann::json facets = json_records(out, "facets").front().at("facets");
  std::set<std::string> all;
  for (const nlohmann::json& hit : lines) all.insert(hit.at("id"));
  const std::pair<const char*, const char*> kFields[] = {
      {"people", "person"}, {"places", "place"}, {"organizations", "org"}};
  for (const auto& [facet, field] : kFields) {
    for (const nlohmann::json& value : facets.at(facet)) {
      std::string filter = std::string(field) + ":\"" + value.at("name").get<std::string>() + "\"";
      SCOPED_TRACE(filter);
      std::vector<std::string> narrowed =
          hit_ids(search({"gaza", filter, "--json", "--limit", "1000"}));
      EXPECT_FALSE(narrowed.empty());
      EXPECT_LE(narrowed.size(), all.size());
      for (const std::string& id : narrowed) EXPECT_TRUE(all.contains(id)) << id;
    }
  }
}

TEST_F(SampleCorpusSearch, ListsPeopleOfTheWholeIndex) {
  std::vector<nlohmann::json> people =
      json_records(search({"--list", "people", "--json", "--limit", "5"}).out, "value");
  ASSERT_EQ(people.size(), 5u);
  for (std::size_t i = 1; i < people.size(); ++i) {
    EXPECT_GE(people[i - 1].at("count").get<int>(), people[i].at("count").get<int>());
  }
  auto blinken =
      json_records(search({"--list", "people", "--json", "--limit", "1000"}).out, "value");
  auto entry = std::find_if(blinken.begin(), blinken.end(), [](const nlohmann::json& p) {
    return p.at("name") == "Antony Blinken";
  });
  ASSERT_NE(entry, blinken.end());
  EXPECT_GE(entry->at("count").get<int>(), 2);
}

// Names as a reader would write them, in the class a reader would give them: a party and
// its leader, a company and its city, one justice whom the tagger began twice, seas and
// streets as places, parliaments as bodies; and no figure is a person or a place.
TEST_F(SampleCorpusSearch, ListsHoldNamesAReaderWouldWrite) {
  auto names = [&](const char* facet) {
    std::set<std::string> out;
    for (const nlohmann::json& value :
         json_records(search({"--list", facet, "--json", "--limit", "100000"}).out, "value")) {
      out.insert(value.at("name").get<std::string>());
    }
    return out;
  };
  const std::set<std::string> people = names("people"), places = names("places"),
                              organizations = names("organizations");
  for (const char* person : {"Akhilesh Yadav", "N. Chandrababu Naidu", "Ketanji Brown Jackson"}) {
    EXPECT_TRUE(people.contains(person)) << person;
  }
  for (const char* organization :
       {"Samajwadi Party", "Telugu Desam Party", "Vertex Pharmaceuticals"}) {
    EXPECT_TRUE(organizations.contains(organization)) << organization;
  }
  for (const char* wrong : {"Ketanji", "Brown Jackson"})
    EXPECT_FALSE(people.contains(wrong)) << wrong;
  for (const char* place : {"Dead Sea", "Fifth Avenue"}) {
    EXPECT_TRUE(places.contains(place)) << place;
    EXPECT_FALSE(organizations.contains(place)) << place;
  }
  // Parliaments are bodies; awards, time zones and weather patterns no names at all.
  for (const char* body : {"Congress", "Lok Sabha", "Bundestag"}) {
    EXPECT_TRUE(organizations.contains(body)) << body;
    EXPECT_FALSE(places.contains(body)) << body;
  }
  for (const char* none : {"Turing Award", "UTC", "Niño", "Physics", "Chemistry"}) {
    EXPECT_FALSE(organizations.contains(none) || places.contains(none)) << none;
  }
  for (const char* wrong : {"Samajwadi Party of Akhilesh Yadav", "Vertex Pharmaceuticals of Boston",
                            "Telugu Desam Party of N. Chandrababu Naidu", "Akhilesh Yadav"}) {
    EXPECT_FALSE(organizations.contains(wrong)) << wrong;
  }
  for (const std::set<std::string>* list : {&people, &places}) {
    for (const std::string& name : *list) EXPECT_FALSE(name[0] >= '0' && name[0] <= '9') << name;
  }
  // No person's name holds a figure ("Airlines Airbus A350" of "a Japan Airlines Airbus A350").
  for (const std::string& name : people) {
    EXPECT_EQ(name.find_first_of("0123456789"), std::string::npos) << name;
  }
}

TEST_F(SampleCorpusSearch, RerunFindsEverythingUnchanged) {
  ProcessResult rerun = run_indexer({"--db", db(), kCorpus});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  Summary summary = parse_summary(rerun.err);
  EXPECT_EQ(summary.unchanged, count_articles(kCorpus));
  EXPECT_EQ(summary.added + summary.updated + summary.deleted + summary.skipped, 0);
}

TEST_F(SampleCorpusSearch, UnparsableQueryIsOneLineAndExit2) {
  ProcessResult result = search({"ceasefire", "AND"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.out.empty());
  EXPECT_TRUE(result.err.starts_with("newsdex-search: cannot parse query 'ceasefire AND'"))
      << result.err;
  EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1);
}

TEST(SearchCli, MissingIndexIsOneLineAndExit2) {
  TempDir dir;
  ProcessResult result = run_search({"--db", dir / "nothing-here", "rafah"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "newsdex-search: no index at " + (dir / "nothing-here") +
                            " (create it with newsdex-index --db " + (dir / "nothing-here") +
                            " ROOT)\n");
}

TEST(SearchCli, FolderThatIsNotAnIndexIsExit2) {
  TempDir dir;
  ProcessResult result = run_search({"--db", dir.path(), "rafah"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_TRUE(result.err.starts_with("newsdex-search: cannot open index")) << result.err;
}

TEST(SearchCli, UsageErrorsAreExit2AndHelpIsExit0) {
  EXPECT_EQ(run_search({"rafah"}).exit_code, 2);      // no --db
  EXPECT_EQ(run_search({"--db", "x"}).exit_code, 2);  // no query
  EXPECT_EQ(run_search({"--db", "x", "--bogus", "q"}).exit_code, 2);
  ProcessResult help = run_search({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--limit"), std::string::npos);
  EXPECT_NE(help.out.find("--color"), std::string::npos);
}

// Unsigned options read "-3" as a huge number and doubles accept "nan": each is refused.
TEST(SearchCli, NegativeOrOutOfRangeNumbersAreOneLineAndExit2) {
  const std::vector<std::vector<std::string>> bad = {
      {"-n", "-3"}, {"--offset", "-5"}, {"--passages", "-1"}, {"-n", "99999999999"}};
  for (const auto& option : bad) {
    std::vector<std::string> args = {"--db", "x", "chelsea"};
    args.insert(args.end(), option.begin(), option.end());
    ProcessResult result = run_search(args);
    EXPECT_EQ(result.exit_code, 2) << option[0] << " " << option[1];
    EXPECT_NE(result.err.find(option[0].starts_with("-n") ? "--limit" : option[0]),
              std::string::npos)
        << result.err;
    EXPECT_TRUE(result.out.empty()) << result.out;
  }
}

TEST(IndexCli, NegativeOrNotANumberOptionsAreOneLineAndExit2) {
  TempDir dir;
  std::filesystem::create_directories(dir / "corpus");
  const std::vector<std::vector<std::string>> bad = {
      {"-j", "-1"}, {"--lock-timeout", "nan"}, {"--lock-timeout", "-4"}};
  for (const auto& option : bad) {
    std::vector<std::string> args = {"--db", dir / "index"};
    args.insert(args.end(), option.begin(), option.end());
    args.push_back(dir / "corpus");
    ProcessResult result = run_indexer(args);
    EXPECT_EQ(result.exit_code, 2) << option[0] << " " << option[1];
    EXPECT_TRUE(result.err.starts_with("newsdex-index: ")) << result.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "index")) << option[0] << " " << option[1];
  }
}

TEST(IndexCli, UsageErrorsAreExit2AndHelpIsExit0) {
  TempDir dir;
  ProcessResult no_root = run_indexer({"--db", dir / "index"});
  EXPECT_EQ(no_root.exit_code, 2);
  ProcessResult missing_root = run_indexer({"--db", dir / "index", dir / "nowhere"});
  EXPECT_EQ(missing_root.exit_code, 2);
  EXPECT_TRUE(missing_root.err.starts_with("newsdex-index: no such folder: ")) << missing_root.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "index")) << "a bad root must not create the index";
  ProcessResult help = run_indexer({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--full"), std::string::npos);
}

TEST(IndexCli, SecondWriterExits75AfterTheLockTimeoutAndLosesNothing) {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Harbour reopens\n\nThe harbour reopened after repairs.\n");
  ASSERT_EQ(run_indexer({"--db", dir / "index", dir / "corpus"}).exit_code, 0);
  {
    Xapian::WritableDatabase holder(dir / "index", Xapian::DB_OPEN);  // takes the lock
    auto started = std::chrono::steady_clock::now();
    ProcessResult busy =
        run_indexer({"--db", dir / "index", "--lock-timeout", "0.5", dir / "corpus"});
    std::chrono::duration<double> waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(busy.exit_code, 75);
    EXPECT_GE(waited.count(), 0.5);
    EXPECT_TRUE(busy.err.starts_with("newsdex-index: index " + (dir / "index") +
                                     " is locked by another writer (waited "))
        << busy.err;
    EXPECT_FALSE(run_search({"--db", dir / "index", "harbour", "--json"}).out.empty());
  }
  ProcessResult after = run_indexer({"--db", dir / "index", dir / "corpus"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(parse_summary(after.err).unchanged, 1);
}

TEST(IndexCli, SecondWriterWaitsForTheFirst) {
  TempDir dir;
  write_file(dir / "corpus/a.txt", "Harbour reopens\n\nThe harbour reopened after repairs.\n");
  ASSERT_EQ(run_indexer({"--db", dir / "index", dir / "corpus"}).exit_code, 0);
  write_file(dir / "corpus/b.txt", "Ferry returns\n\nThe ferry returned to service.\n");
  std::thread holder([&] {
    Xapian::WritableDatabase db(dir / "index", Xapian::DB_OPEN);
    std::this_thread::sleep_for(std::chrono::milliseconds(800));
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // let the holder lock first
  ProcessResult waited =
      run_indexer({"--db", dir / "index", "--lock-timeout", "30", dir / "corpus"});
  holder.join();
  EXPECT_EQ(waited.exit_code, 0) << waited.err;
  EXPECT_EQ(parse_summary(waited.err).added, 1);
}

// The id of filler article i: "s<i % 10>/a<i>.txt".
std::string filler_id(int i) {
  std::string id = "s";
  id.append(std::to_string(i % 10)).append("/a").append(std::to_string(i)).append(".txt");
  return id;
}

// A corpus big enough that an interrupt lands mid-run: invented filler articles.
void write_filler_corpus(const std::string& root, int articles) {
  const char* words[] = {"harbour", "ferry",  "council", "budget", "storm",  "bridge",
                         "market",  "school", "river",   "rail",   "museum", "festival"};
  for (int i = 0; i < articles; ++i) {
    std::string text = "Filler report " + std::to_string(i) + "\n\n";
    for (int w = 0; w < 400; ++w) {
      text += words[(i * 7 + w * 13) % 12];
      text += (w % 15 == 14) ? ". " : " ";
    }
    write_file(root + "/" + filler_id(i), text);
  }
}

TEST(IndexCli, InterruptCommitsWhatIsDoneAndTheNextRunFinishes) {
  TempDir dir;
  constexpr int kArticles = 6000;
  write_filler_corpus(dir / "corpus", kArticles);
  // A new index is built in DB.building, which appears once the walk is done and
  // the residue pre-scan starts; a run takes seconds, so 500 ms later the indexer is
  // mid-run, past the pre-scan.
  // SIGTERM (systemd's stop) behaves as SIGINT: it is interrupted on a separate index.
  ProcessResult terminated = run_process_signalled(
      {NEWSDEX_INDEX_BIN, "--db", dir / "other", dir / "corpus"},
      [&] { return std::filesystem::exists(dir / "other.building"); }, 150, SIGTERM);
  EXPECT_EQ(terminated.exit_code, 130) << terminated.err;
  std::string index = dir / "index";
  ProcessResult stopped = run_process_signalled(
      {NEWSDEX_INDEX_BIN, "--db", index, dir / "corpus"},
      [&] { return std::filesystem::exists(index + ".building"); }, 500, SIGINT);
  ASSERT_EQ(stopped.exit_code, 130) << stopped.err;
  EXPECT_NE(stopped.err.find("interrupted: "), std::string::npos) << stopped.err;
  Xapian::doccount done = Xapian::Database(dir / "index").get_doccount();
  EXPECT_LT(done, static_cast<Xapian::doccount>(kArticles));
  EXPECT_FALSE(run_search({"--db", dir / "index", "harbour", "--json"}).out.empty());

  ProcessResult finished = run_indexer({"--db", dir / "index", dir / "corpus"});
  EXPECT_EQ(finished.exit_code, 0) << finished.err;
  Summary summary = parse_summary(finished.err);
  EXPECT_EQ(summary.unchanged, static_cast<int>(done));
  EXPECT_EQ(summary.added + summary.unchanged, kArticles);
  EXPECT_EQ(Xapian::Database(dir / "index").get_doccount(),
            static_cast<Xapian::doccount>(kArticles));
}

// Whether a folder holds a name with this start and end (a generation being built).
bool has_entry(const std::string& folder, const std::string& start, const std::string& end) {
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with(start) && name.ends_with(end)) return true;
  }
  return false;
}

TEST(IndexCli, AStoppedOrKilledRebuildIsCarriedOnByTheNext) {
  TempDir dir;
  constexpr int kArticles = 6000;
  write_filler_corpus(dir / "corpus", kArticles);
  const std::string live = dir / "live";
  // Stopped once the generation holds committed work (on a loaded machine a fixed delay
  // after it appears may stop it before its first commit, and there is nothing to keep).
  auto building = [&] {
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      const std::string name = entry.path().filename().string();
      if (!name.starts_with("live.gen-") || !name.ends_with(".building")) continue;
      try {
        return Xapian::Database(entry.path().string()).get_doccount() > 0;
      } catch (const Xapian::Error&) {
        return false;  // not written yet
      }
    }
    return false;
  };
  ProcessResult terminated = run_process_signalled(
      {NEWSDEX_INDEX_BIN, "--rebuild", "--db", live, dir / "corpus"}, building, 100, SIGTERM);
  ASSERT_EQ(terminated.exit_code, 130) << terminated.err;
  EXPECT_FALSE(std::filesystem::exists(live)) << "nothing goes live before the switch";
  ASSERT_TRUE(has_entry(dir.path(), "live.gen-", ".resume"));

  // Carried on (in the stopped generation itself, no longer a .building), then killed
  // outright (a power cut, an OOM kill) in the middle.
  ProcessResult killed = run_process_signalled(
      {NEWSDEX_INDEX_BIN, "--rebuild", "--db", live, dir / "corpus"}, [] { return true; }, 800,
      SIGKILL);
  ASSERT_EQ(killed.exit_code, -1) << "finished before the kill: " << killed.err;

  ProcessResult finished = run_indexer({"--rebuild", "--db", live, dir / "corpus"});
  ASSERT_EQ(finished.exit_code, 0) << finished.err;
  EXPECT_NE(finished.err.find("carried on with the rebuild stopped earlier in "), std::string::npos)
      << finished.err;
  Summary summary = parse_summary(finished.err);
  EXPECT_GT(summary.unchanged, 0) << "the work done before the stops is kept";
  EXPECT_EQ(summary.added + summary.unchanged, kArticles);
  EXPECT_EQ(Xapian::Database(live).get_doccount(), static_cast<Xapian::doccount>(kArticles));
  EXPECT_FALSE(has_entry(dir.path(), "live.gen-", ".resume"));
  EXPECT_FALSE(has_entry(dir.path(), "live.gen-", ".building"));
}

// Every document of an index as "id term -> its terms", to compare two indexes.
std::map<std::string, std::vector<std::string>> index_contents(const std::string& path) {
  Xapian::Database db(path);
  std::map<std::string, std::vector<std::string>> contents;
  for (auto doc = db.postlist_begin(""); doc != db.postlist_end(""); ++doc) {
    std::vector<std::string> terms;
    std::string id;
    for (auto term = db.termlist_begin(*doc); term != db.termlist_end(*doc); ++term) {
      if ((*term).starts_with("Q")) id = *term;
      terms.push_back(*term);
    }
    contents[id] = std::move(terms);
  }
  return contents;
}

TEST(IndexCli, KilledAtAnyPointTheIndexStaysSoundAndTheNextRunConverges) {
  TempDir dir;
  constexpr int kArticles = 6000;
  write_filler_corpus(dir / "corpus", kArticles);
  ASSERT_EQ(run_indexer({"--db", dir / "clean", dir / "corpus"}).exit_code, 0);
  auto expected = index_contents(dir / "clean");
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(kArticles));

  // A new index killed while it is built: nothing is searchable yet, and the next run
  // takes up the build where it stopped.
  std::string index = dir / "index";
  ProcessResult killed_first = run_process_signalled(
      {NEWSDEX_INDEX_BIN, "--db", index, dir / "corpus"},
      [&] { return std::filesystem::exists(index + ".building"); }, 300, SIGKILL);
  EXPECT_EQ(killed_first.exit_code, -1) << "the run ended before the kill: " << killed_first.err;
  EXPECT_FALSE(std::filesystem::exists(index));
  EXPECT_EQ(run_search({"--db", index, "harbour"}).exit_code, 2);
  auto committed = static_cast<int>(Xapian::Database(index + ".building").get_doccount());
  ProcessResult resumed = run_indexer({"--db", index, dir / "corpus"});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(parse_summary(resumed.err).added, kArticles - committed)
      << "what the killed run committed is indexed again: " << resumed.err;
  EXPECT_FALSE(std::filesystem::exists(index + ".building"));
  EXPECT_TRUE(index_contents(index) == expected) << "the resumed build differs";

  // An index killed while a run rewrites it (--full) stays sound at every point.
  for (int delay_ms : {20, 300, 700}) {
    SCOPED_TRACE(delay_ms);
    ProcessResult killed = run_process_signalled(
        {NEWSDEX_INDEX_BIN, "--db", index, "--full", dir / "corpus"},
        [&] { return std::filesystem::exists(index); }, delay_ms, SIGKILL);
    EXPECT_EQ(killed.exit_code, -1) << "the run ended before the kill: " << killed.err;
    // Whatever was committed last is intact and searchable.
    EXPECT_EQ(Xapian::Database::check(index, Xapian::DBCHECK_SHORT_TREE, nullptr), 0u);
    ProcessResult search = run_search({"--db", index, "harbour", "--limit", "1"});
    EXPECT_TRUE(search.exit_code == 0) << search.err;
  }
  ProcessResult finish = run_indexer({"--db", index, dir / "corpus"});
  EXPECT_EQ(finish.exit_code, 0) << finish.err;
  auto converged = index_contents(index);
  EXPECT_EQ(converged.size(), expected.size());
  EXPECT_TRUE(converged == expected) << "the index differs from a clean full build";
}

// Progress shows on a terminal (script(1) gives the indexer one) and nowhere else.
TEST(IndexCli, ProgressShowsOnATerminalOnly) {
  if (!std::filesystem::exists("/usr/bin/script")) GTEST_SKIP() << "script(1) not installed";
  TempDir dir;
  write_filler_corpus(dir / "corpus", 300);
  std::string command =
      std::string(NEWSDEX_INDEX_BIN) + " --db '" + (dir / "a") + "' '" + (dir / "corpus") + "'";
  ProcessResult tty = run_process({"/usr/bin/script", "-qec", command, "/dev/null"});
  EXPECT_NE(tty.out.find("indexing: 1/300 files"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("indexed: 300 added"), std::string::npos);
  ProcessResult quiet =
      run_process({"/usr/bin/script", "-qec", command + " --full --quiet", "/dev/null"});
  EXPECT_EQ(quiet.out.find("indexing:"), std::string::npos) << quiet.out;
  ProcessResult file = run_indexer({"--db", dir / "b", dir / "corpus"});
  EXPECT_EQ(file.err.find("indexing:"), std::string::npos) << file.err;
}

TEST(IndexCli, TwoIndexersAtOnceTheSecondWaitsOrGivesUp) {
  TempDir dir;
  write_filler_corpus(dir / "corpus", 4000);
  std::string index = dir / "index";
  ProcessResult first;
  std::thread first_run([&] { first = run_indexer({"--db", index, dir / "corpus"}); });
  for (int i = 0; i < 2000 && !std::filesystem::exists(index + ".building"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ProcessResult impatient = run_indexer({"--db", index, "--lock-timeout", "0.2", dir / "corpus"});
  ProcessResult patient = run_indexer({"--db", index, "--lock-timeout", "60", dir / "corpus"});
  first_run.join();
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(impatient.exit_code, 75) << impatient.err;
  EXPECT_NE(impatient.err.find("is locked by another writer (pid "), std::string::npos)
      << impatient.err;
  EXPECT_EQ(patient.exit_code, 0) << patient.err;
  EXPECT_EQ(parse_summary(patient.err).unchanged, 4000);
  EXPECT_TRUE(std::filesystem::exists(index + ".lock"));  // never removed
}

TEST(IndexCli, RebuildSwitchesTheLiveIndexAtOnce) {
  TempDir dir;
  copy_tree(kCorpus, dir / "corpus");
  std::string live = dir / "live";
  ProcessResult first = run_indexer({"--rebuild", "--db", live, dir / "corpus"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(std::filesystem::is_regular_file(live));  // a stub file naming a generation
  EXPECT_FALSE(hit_ids(run_search({"--db", live, "rafah", "--json"})).empty());

  // Incremental runs write through the stub.
  write_file(dir / "corpus/world/zz-one.txt", "Tram news\n\nThe wombatline tram opened.\n");
  EXPECT_EQ(parse_summary(run_indexer({"--db", live, dir / "corpus"}).err).added, 1);
  EXPECT_EQ(hit_ids(run_search({"--db", live, "wombatline", "--json"})).size(), 1u);

  std::string before = read_file(live);
  write_file(dir / "corpus/world/zz-two.txt", "Ferry news\n\nThe wombatline ferry sailed.\n");
  for (int i = 0; i < 3; ++i) {
    ProcessResult again = run_indexer({"--rebuild", "--compact", "--db", live, dir / "corpus"});
    ASSERT_EQ(again.exit_code, 0) << again.err;
  }
  EXPECT_NE(read_file(live), before);
  EXPECT_EQ(hit_ids(run_search({"--db", live, "wombatline", "--json"})).size(), 2u);
  int generations = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    generations += entry.path().filename().string().starts_with("live.gen-");
  }
  EXPECT_EQ(generations, 2);  // the live one and the one before it

  ASSERT_EQ(run_indexer({"--db", dir / "folder", dir / "corpus"}).exit_code, 0);
  ProcessResult refused = run_indexer({"--rebuild", "--db", dir / "folder", dir / "corpus"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("is an index folder"), std::string::npos) << refused.err;
}

// Searches running while the index is updated and rebuilt all succeed, and each sees
// one whole state of the index: the old one or a new one, never a mix.
TEST(IndexCli, SearchesDuringUpdatesAndRebuildsSeeWholeStates) {
  TempDir dir;
  constexpr int kArticles = 1500;
  write_filler_corpus(dir / "corpus", kArticles);
  std::string live = dir / "live";
  ASSERT_EQ(run_indexer({"--rebuild", "--db", live, dir / "corpus"}).exit_code, 0);

  auto mark = [&](int from, int to) {  // articles [from, to) mention the tramway
    std::set<std::string> ids;
    for (int i = from; i < to; ++i) {
      std::string id = filler_id(i);
      std::string path = dir / ("corpus/" + id);
      // A line of its own per article: one repeated across a source would be learnt
      // as residue and dropped.
      write_file(
          path, read_file(path) + "The tramway reopened today, route " + std::to_string(i) + ".\n");
      std::filesystem::last_write_time(
          path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
      ids.insert(id);
    }
    return ids;
  };
  std::set<std::string> state0;
  std::set<std::string> state1 = mark(0, 300);
  std::set<std::string> state2 = state1;
  std::set<std::string> added;

  std::atomic<bool> stop{false};
  std::vector<std::pair<int, std::set<std::string>>> seen;
  std::thread searcher([&] {
    while (!stop) {
      ProcessResult r =
          run_search({"--db", live, "tramway", "--json", "--duplicates=show", "--limit", "10000"});
      std::vector<std::string> ids = hit_ids(r);
      seen.emplace_back(r.exit_code, std::set<std::string>(ids.begin(), ids.end()));
    }
  });
  ProcessResult update = run_indexer({"--db", live, dir / "corpus"});
  added = mark(300, 500);
  state2.insert(added.begin(), added.end());
  ProcessResult rebuild = run_indexer({"--rebuild", "--db", live, dir / "corpus"});
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  searcher.join();

  EXPECT_EQ(update.exit_code, 0) << update.err;
  EXPECT_EQ(rebuild.exit_code, 0) << rebuild.err;
  ASSERT_GE(seen.size(), 3u);
  for (const auto& [exit_code, ids] : seen) {
    EXPECT_EQ(exit_code, 0);
    EXPECT_TRUE(ids == state0 || ids == state1 || ids == state2) << ids.size() << " hits";
  }
  EXPECT_EQ(seen.back().second, state2);
}

// A scheduled night: a run, 1% of the corpus changes, a second run whose report shows
// exactly those changes.
TEST(IndexCli, SecondScheduledRunReportsExactlyTheChanges) {
  TempDir dir;
  constexpr int kArticles = 1000;
  write_filler_corpus(dir / "corpus", kArticles);
  ASSERT_EQ(run_indexer({"--db", dir / "index", dir / "corpus"}).exit_code, 0);

  auto file = [&](int i) { return dir / ("corpus/" + filler_id(i)); };
  auto bump_mtime = [](const std::string& path) {
    std::filesystem::last_write_time(
        path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
  };
  for (int i : {3, 14, 15, 92}) {  // edited
    write_file(file(i), read_file(file(i)) + "A late correction about tramway route " +
                            std::to_string(i) + ".\n");
    bump_mtime(file(i));
  }
  for (int i : {65, 35}) bump_mtime(file(i));               // touched, same bytes
  for (int i : {89, 79}) std::filesystem::remove(file(i));  // deleted
  std::filesystem::remove(file(32));  // replaced by a folder holding a new article
  write_file(file(32) + "/inner.txt", "Inner story\n\nA new piece about the ferry.\n");
  write_file(dir / "corpus/s0/new.txt", "New story\n\nThe museum reopened.\n");  // added

  ProcessResult night =
      run_indexer({"--db", dir / "index", "--report-json", dir / "report.json", dir / "corpus"});
  EXPECT_EQ(night.exit_code, 0) << night.err;
  nlohmann::json counts = nlohmann::json::parse(read_file(dir / "report.json")).at("counts");
  EXPECT_EQ(counts.at("updated"), 4);
  EXPECT_EQ(counts.at("touched"), 2);
  EXPECT_EQ(counts.at("deleted"), 3);  // two removed files and the one now a folder
  EXPECT_EQ(counts.at("added"), 2);
  EXPECT_EQ(counts.at("unchanged"), kArticles - 4 - 3);
  EXPECT_EQ(counts.at("skipped"), 0);
  EXPECT_EQ(Xapian::Database(dir / "index").get_doccount(),
            static_cast<Xapian::doccount>(kArticles - 3 + 2));
  std::vector<std::string> tramway = hit_ids(run_search(
      {"--db", dir / "index", "tramway", "--json", "--duplicates=show", "--limit", "100"}));
  EXPECT_EQ(tramway.size(), 4u);
}

TEST(IndexCli, ConfigFileQuietReportAndStatus) {
  TempDir dir;
  copy_tree(kCorpus, dir / "corpus");
  write_file(dir / "corpus/world/zz-empty.txt", "");
  write_file(dir / "newsdex.conf",
             "db = " + (dir / "index") + "\nroot = " + (dir / "corpus") + "\nquiet = true\n");
  ProcessResult run =
      run_indexer({"--config", dir / "newsdex.conf", "--report-json", dir / "report.json"});
  EXPECT_EQ(run.exit_code, 1);  // one file skipped
  // --quiet drops the summary, not the new skip (cron mails it).
  EXPECT_EQ(run.err,
            "newsdex-index: skipped " + (dir / "corpus/world/zz-empty.txt") + ": empty file\n");
  EXPECT_TRUE(run.out.empty());

  nlohmann::json report = nlohmann::json::parse(read_file(dir / "report.json"));
  int articles = count_articles(kCorpus);
  EXPECT_EQ(report.at("counts").at("added"), articles);
  EXPECT_EQ(report.at("counts").at("skipped"), 1);
  EXPECT_EQ(report.at("skip_reasons").at("empty file"), 1);
  EXPECT_EQ(report.at("skipped").at(0).at("path"), dir / "corpus/world/zz-empty.txt");
  EXPECT_EQ(report.at("documents"), articles);
  EXPECT_EQ(report.at("exit_code"), 1);
  EXPECT_GE(report.at("revision").get<int>(), 1);
  EXPECT_GT(report.at("index_bytes").get<long>(), 0);

  // The command line wins over the config file: this run writes another index.
  ProcessResult other = run_indexer({"--config", dir / "newsdex.conf", "--db", dir / "other"});
  EXPECT_EQ(other.exit_code, 1);
  EXPECT_EQ(Xapian::Database(dir / "other").get_doccount(),
            static_cast<Xapian::doccount>(articles));

  ProcessResult status = run_indexer({"--status", "--db", dir / "index"});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_NE(status.out.find("documents:  " + std::to_string(articles) + "\n"), std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("world 7"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find("last run:   "), std::string::npos);
  EXPECT_NE(status.out.find("dates:      20"), std::string::npos) << status.out;
  EXPECT_EQ(status.out.find("file dates"), std::string::npos) << status.out;
  EXPECT_NE(status.out.find(std::to_string(articles) + " added"), std::string::npos) << status.out;
  EXPECT_EQ(run_indexer({"--status", "--db", dir / "nothing"}).exit_code, 2);
}

TEST(IndexCli, StatusAsJsonForMonitoring) {
  TempDir dir;
  ASSERT_EQ(run_indexer({"--db", dir / "index", kCorpus}).exit_code, 0);
  ProcessResult status = run_indexer({"--db", dir / "index", "--status", "--json"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  std::vector<nlohmann::json> lines = parse_json_lines(status.out);
  ASSERT_EQ(lines.size(), 1u) << status.out;
  const nlohmann::json& json = lines.front();
  const int articles = count_articles(kCorpus);
  EXPECT_EQ(json.at("documents").get<int>(), articles);
  int in_sections = 0;
  for (const auto& [section, count] : json.at("sections").items()) in_sections += count.get<int>();
  EXPECT_EQ(in_sections, articles);
  const int dated = json.at("dated").is_null() ? 0 : json.at("dated").at("articles").get<int>();
  EXPECT_EQ(dated + json.at("undated").get<int>(), articles);
  EXPECT_EQ(json.at("last_run").at("added").get<int>(), articles);
  EXPECT_FALSE(json.at("schema").get<std::string>().empty());
  EXPECT_GT(json.at("size_bytes").get<long>(), 0);
  EXPECT_TRUE(json.at("residue").at("learning").get<bool>());
  EXPECT_TRUE(json.at("skipped").is_array());
  EXPECT_EQ(run_indexer({"--db", dir / "index", "--json"}).exit_code, 2);
}

TEST(IndexCli, ExtractOnlyPrintsOneLinePerArticle) {
  ProcessResult result = run_indexer({"--extract-only", kCorpus});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> lines = parse_json_lines(result.out);
  EXPECT_EQ(static_cast<int>(lines.size()), count_articles(kCorpus));
  auto ceasefire = std::find_if(lines.begin(), lines.end(), [](const nlohmann::json& line) {
    return line.at("file") == kCeasefireArticle;
  });
  ASSERT_NE(ceasefire, lines.end());
  for (const char* key : {"people", "places", "organizations", "topics", "aliases"}) {
    EXPECT_TRUE(ceasefire->contains(key)) << key;
  }
  auto has = [](const nlohmann::json& list, const char* name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  EXPECT_TRUE(has(ceasefire->at("people"), "Benjamin Netanyahu")) << ceasefire->dump();
  EXPECT_TRUE(has(ceasefire->at("people"), "Mohammed bin Abdulrahman Al-Thani"));
  // "Netanyahu" and "Al-Thani" alone resolve to the full names.
  EXPECT_TRUE(has(ceasefire->at("aliases").at("Benjamin Netanyahu"), "Netanyahu"));
  EXPECT_TRUE(has(ceasefire->at("aliases").at("Mohammed bin Abdulrahman Al-Thani"), "Al-Thani"));
  EXPECT_FALSE(has(ceasefire->at("people"), "Netanyahu"));
  EXPECT_TRUE(has(ceasefire->at("places"), "Rafah"));
  EXPECT_TRUE(result.err.empty()) << result.err;  // no file skipped, no summary: no index run
}

// Tests that change the corpus work on their own copy of it.
class EditedCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    copy_tree(kCorpus, corpus_);
    ProcessResult first = run_indexer({"--db", db_, corpus_});
    ASSERT_EQ(first.exit_code, 0) << first.err;
  }

  std::vector<std::string> find(const std::string& query) {
    return hit_ids(run_search({"--db", db_, query, "--json", "--limit", "100"}));
  }

  TempDir dir_;
  std::string corpus_ = dir_ / "corpus";
  std::string db_ = dir_ / "index";
};

TEST_F(EditedCorpus, EditsAndDeletionsShowAfterTheNextRun) {
  std::string edited = corpus_ + "/" + kCeasefireArticle;
  std::string text = read_file(edited);
  // A new paragraph right after the headline block, inside the body (text appended at
  // the end would land in the "Related News" trailer and be dropped, as it should).
  std::size_t body_start = text.find("\n\n");
  ASSERT_NE(body_start, std::string::npos);
  text.insert(body_start, "\n\nA quokkafest was announced for the displaced children.");
  write_file(edited, text);
  // Make sure the stamp differs even on a file system with coarse timestamps.
  std::filesystem::last_write_time(
      edited, std::filesystem::last_write_time(edited) + std::chrono::seconds(5));

  std::vector<std::string> before_delete = find("section:sport");
  ASSERT_FALSE(before_delete.empty());
  std::filesystem::remove(corpus_ + "/" + before_delete.front());

  ProcessResult rerun = run_indexer({"--db", db_, corpus_});
  EXPECT_EQ(rerun.exit_code, 0) << rerun.err;
  Summary summary = parse_summary(rerun.err);
  EXPECT_EQ(summary.updated, 1);
  EXPECT_EQ(summary.deleted, 1);
  EXPECT_EQ(summary.added, 0);
  EXPECT_EQ(summary.unchanged, count_articles(corpus_) - 1);

  EXPECT_EQ(find("quokkafest"), (std::vector<std::string>{kCeasefireArticle}));
  std::vector<std::string> after_delete = find("section:sport");
  EXPECT_EQ(after_delete.size() + 1, before_delete.size());
  EXPECT_EQ(std::count(after_delete.begin(), after_delete.end(), before_delete.front()), 0);
}

TEST_F(EditedCorpus, BrokenFilesAreSkippedAndExitIs1) {
  write_file(corpus_ + "/world/zz-empty.txt", "");
  write_file(corpus_ + "/world/zz-binary.txt", std::string("\x89PNG\0\0\0\x0d", 8));
  write_file(corpus_ + "/world/zz-new.txt",
             "Ferry service resumes\n\nThe wombatline ferry sails again.\n");

  ProcessResult rerun = run_indexer({"--db", db_, corpus_});
  EXPECT_EQ(rerun.exit_code, 1);
  EXPECT_NE(rerun.err.find("newsdex-index: skipped " + corpus_ + "/world/zz-empty.txt: empty file"),
            std::string::npos)
      << rerun.err;
  EXPECT_NE(rerun.err.find("zz-binary.txt: not a text file"), std::string::npos);
  Summary summary = parse_summary(rerun.err);
  EXPECT_EQ(summary.added, 1);
  EXPECT_EQ(summary.skipped, 2);
  EXPECT_EQ(find("wombatline"), (std::vector<std::string>{"world/zz-new.txt"}));
  EXPECT_FALSE(find("rafah").empty());
}

}  // namespace
}  // namespace newsdex::testing
