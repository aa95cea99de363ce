// End-to-end: the names newsdex shows for a scraped article whose headline and
// sub-headings are in title case (tests/fixtures/scraped-headings, written for this
// test), through the real binaries: every name on the page is a real entity, and the
// capitals of the headings invent none.
#include <filesystem>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

const std::string kFixture = NEWSDEX_FIXTURES "/scraped-headings";

std::vector<std::string> names_of(const nlohmann::json& article, const char* key) {
  return article.at(key).get<std::vector<std::string>>();
}

TEST(ScrapedHeadings, TitleCaseHeadingsInventNoNames) {
  TempDir dir;
  std::string db = dir / "index";
  ProcessResult indexed = run_indexer({"--quiet", "--db", db, kFixture});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  ProcessResult shown =
      run_search({"--db", db, "--json", "--show", "world/envoy-cairo-truce-talks.md"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  std::vector<nlohmann::json> article = json_records(shown.out, "article");
  ASSERT_EQ(article.size(), 1u) << shown.out;
  // Exactly the article's entities, most mentioned first: no "Takes Toll" or "Regional
  // Security" from the sub-headings, no "Diplomatic Efforts Continue", "Mission" or
  // "Urgent Ceasefire Talks" from the headline.
  EXPECT_EQ(names_of(article.front(), "people"),
            (std::vector<std::string>{"Antony Blinken", "Benjamin Netanyahu"}));
  EXPECT_EQ(names_of(article.front(), "places"),
            (std::vector<std::string>{"Cairo", "Israel", "Jerusalem", "Rafah", "Qatar", "Egypt",
                                      "Amman", "Jordan"}));
  EXPECT_EQ(names_of(article.front(), "organizations"),
            (std::vector<std::string>{"World Health Organization", "Hamas"}));
}

// person:"NAME" alone: the article about her comes before the shorter ones that name
// her in passing (each article holds her name's terms once, so length alone decided).
TEST(EntitySalience, TheArticleAboutAPersonRanksFirst) {
  TempDir dir;
  const std::string corpus = dir / "corpus";
  std::filesystem::create_directories(corpus);
  write_file(corpus + "/fees.txt",
             "Harbour Fees Rise\n\nPort fees rose again on Monday. The shipping minister Ada "
             "Brennan was not available for comment.\n");
  write_file(corpus + "/ferry.txt",
             "Ferry Timetable Changes\n\nThe island ferry will sail twice a day from March, "
             "the operator said on Friday. Fares stay the same. Ada Brennan, the shipping "
             "minister, welcomed the change in a short statement.\n");
  write_file(corpus + "/opening.txt",
             "Brennan Opens Kilbride Harbour\n\nAda Brennan opened the new harbour at Kilbride "
             "on Tuesday, three years after work began. Brennan said the deeper berths would "
             "let larger ships call at the town.\n\nThe project cost more than planned, and "
             "Brennan told reporters the extra money had bought a stronger sea wall. Local "
             "fishermen thanked Brennan for keeping their quay open during the works.\n");
  const std::string db = dir / "index";
  ProcessResult indexed = run_indexer({"--quiet", "--db", db, corpus});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  ProcessResult found = run_search({"--db", db, "--paths-only", "person:\"Ada Brennan\""});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  std::vector<std::string> paths;
  for (std::size_t start = 0, end; (end = found.out.find('\n', start)) != std::string::npos;
       start = end + 1) {
    paths.push_back(std::filesystem::path(found.out.substr(start, end - start)).filename());
  }
  // The same three matches as without the weighing; the one about her first.
  ASSERT_EQ(paths.size(), 3u) << found.out;
  EXPECT_EQ(paths.front(), "opening.txt") << found.out;
}

}  // namespace
}  // namespace newsdex::testing
