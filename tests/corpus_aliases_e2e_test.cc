// End-to-end: a person the archive names in full in most articles and by surname alone
// in one is one person everywhere newsdex shows or finds people (newsdex/corpus_aliases.h),
// through the real binaries; and an incremental run leaves what a clean build of the same
// files gives. The articles are written for this test.
#include <filesystem>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

// Three articles name the minister in full, one only as "Ms Quinlan".
void write_archive(const std::string& corpus) {
  std::filesystem::create_directories(corpus);
  write_file(corpus + "/budget.txt",
             "Minister sets out the harbour budget\n\nThe finance minister Marta Quinlan set out "
             "the harbour budget on Tuesday. Marta Quinlan said the new berths would be paid for "
             "over ten years.\n");
  write_file(corpus + "/ferries.txt",
             "Island ferry fares will not rise\n\nFares on the island ferries will not rise this "
             "year, the finance minister Marta Quinlan told the assembly.\n");
  write_file(corpus + "/bonds.txt",
             "Harbour bonds sold within an hour\n\nBonds issued to pay for the harbour sold out "
             "within an hour. Marta Quinlan, the finance minister, called the sale a vote of "
             "confidence.\n");
  write_file(corpus + "/reply.txt",
             "Opposition asks what the harbour will cost\n\nThe opposition asked on Thursday how "
             "much the harbour would cost in the end. Ms Quinlan said the figures would be "
             "published in March.\n");
}

std::string people_list(const std::string& db) {
  ProcessResult listed = run_search({"--db", db, "--list", "people"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  return listed.out;
}

TEST(CorpusAliases, ASurnameAloneIsThePersonTheArchiveNamesInFull) {
  TempDir dir;
  const std::string corpus = dir / "corpus", db = dir / "index";
  write_archive(corpus);
  ProcessResult indexed = run_indexer({"--quiet", "--db", db, corpus});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  // One name, counted in all four articles; "Quinlan" is not a second person.
  EXPECT_EQ(people_list(db), "  4  Marta Quinlan\n");
  // The article that says only "Ms Quinlan" shows her full name...
  ProcessResult shown = run_search({"--db", db, "--json", "--show", "reply.txt"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  std::vector<nlohmann::json> article = json_records(shown.out, "article");
  ASSERT_EQ(article.size(), 1u) << shown.out;
  EXPECT_EQ(article.front().at("people"), nlohmann::json::array({"Marta Quinlan"}));
  // ... and the full name finds it, as the surname finds the other three.
  for (const char* query : {"person:\"Marta Quinlan\"", "person:Quinlan"}) {
    ProcessResult found = run_search({"--db", db, "--count", query});
    ASSERT_EQ(found.exit_code, 0) << found.err;
    EXPECT_EQ(found.out, "4\n") << query;
  }
  // The person's other name widens no search for a place or an organisation.
  ProcessResult as_org = run_search({"--db", db, "--count", "org:Quinlan"});
  ASSERT_EQ(as_org.exit_code, 0) << as_org.err;
  EXPECT_EQ(as_org.out, "0\n");
}

TEST(CorpusAliases, AnIncrementalRunResolvesNamesAsACleanBuildWould) {
  TempDir dir;
  const std::string corpus = dir / "corpus", db = dir / "index", clean = dir / "clean";
  write_archive(corpus);
  ASSERT_EQ(run_indexer({"--quiet", "--db", db, corpus}).exit_code, 0);
  // Two of the three full-name articles go: one article naming her in full is too little
  // to say who "Ms Quinlan" is, so the two names are shown apart again.
  std::filesystem::remove(corpus + "/ferries.txt");
  std::filesystem::remove(corpus + "/bonds.txt");
  ProcessResult updated = run_indexer({"--quiet", "--db", db, corpus});
  ASSERT_EQ(updated.exit_code, 0) << updated.err;
  ProcessResult built = run_indexer({"--quiet", "--db", clean, corpus});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(people_list(db), "  1  Marta Quinlan\n  1  Quinlan\n");
  EXPECT_EQ(people_list(db), people_list(clean));
  ProcessResult found = run_search({"--db", db, "--count", "person:\"Marta Quinlan\""});
  EXPECT_EQ(found.out, "1\n");
}

}  // namespace
}  // namespace newsdex::testing
