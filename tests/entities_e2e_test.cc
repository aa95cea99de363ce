// End-to-end: the names newsdex shows for a scraped article whose headline and
// sub-headings are in title case (tests/fixtures/scraped-headings, written for this
// test), through the real binaries: every name on the page is a real entity, and the
// capitals of the headings invent none.
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

}  // namespace
}  // namespace newsdex::testing
