// The default index, as notmuch and recoll users expect: without --db, both programs use
// NEWSDEX_DB, else the `db =` line of the per-user config file (XDG). Run through the
// real binaries with a HOME and XDG_CONFIG_HOME of the test's own.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

class DefaultIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "corpus/world/harbour.txt",
               "Harbour reopens\n\nThe quayside harbour of Wexmouth reopened after the storm.\n");
    write_file(dir_ / "corpus/business/tolls.txt",
               "Bridge tolls rise\n\nTolls on the Wexmouth bridge rise in spring.\n");
    fs::create_directories(dir_ / "home");
  }

  // HOME is the test's own; XDG_CONFIG_HOME and NEWSDEX_DB unset unless given.
  std::map<std::string, std::string> env(std::map<std::string, std::string> extra = {}) {
    std::map<std::string, std::string> all = {
        {"HOME", dir_ / "home"}, {"XDG_CONFIG_HOME", ""}, {"NEWSDEX_DB", ""}};
    for (auto& [name, value] : extra) all[name] = value;
    return all;
  }

  ProcessResult index(std::vector<std::string> args, std::map<std::string, std::string> vars) {
    args.insert(args.begin(), NEWSDEX_INDEX_BIN);
    return run_process(args, vars);
  }

  TempDir dir_;
};

TEST_F(DefaultIndex, TheHomeConfigFileNamesTheIndexOfBothPrograms) {
  write_file(dir_ / "home/.config/newsdex/config", "# my archive\n\ndb = ~/news-index\n");
  ProcessResult indexed = index({dir_ / "corpus"}, env());
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_TRUE(fs::exists(dir_ / "home/news-index"));
  ProcessResult count = run_search({"--count", "wexmouth"}, env());
  EXPECT_EQ(count.exit_code, 0) << count.err;
  EXPECT_EQ(count.out, "2\n");
  // --db and NEWSDEX_DB both win over the file.
  ProcessResult other = index({"--db", dir_ / "other", dir_ / "corpus/world"}, env());
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_EQ(run_search({"--db", dir_ / "other", "--count", "wexmouth"}, env()).out, "1\n");
  EXPECT_EQ(run_search({"--count", "wexmouth"}, env({{"NEWSDEX_DB", dir_ / "other"}})).out, "1\n");
}

TEST_F(DefaultIndex, XdgConfigHomeIsReadAndRelativePathsStartFromTheFile) {
  write_file(dir_ / "xdg/newsdex/config", "db = ../../indexes/news\n");
  auto vars = env({{"XDG_CONFIG_HOME", dir_ / "xdg"}});
  fs::create_directories(dir_ / "indexes");  // as for --db, the folder it goes in must exist
  ProcessResult indexed = index({dir_ / "corpus"}, vars);
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_TRUE(fs::exists(dir_ / "indexes/news"));
  EXPECT_EQ(run_search({"--count", "tolls"}, vars).out, "1\n");
  // A file under HOME is not read when XDG_CONFIG_HOME names another folder.
  write_file(dir_ / "home/.config/newsdex/config", "db = ~/elsewhere\n");
  EXPECT_EQ(run_search({"--count", "tolls"}, vars).out, "1\n");
}

TEST_F(DefaultIndex, AMistakeInTheFileIsOneLineNamingItAndExit2) {
  const std::string config = dir_ / "home/.config/newsdex/config";
  for (const std::string& text :
       {std::string("database = ~/news\n"), std::string("db\n"), std::string("db =\n")}) {
    write_file(config, "# archive\n" + text);
    for (bool indexer : {false, true}) {
      ProcessResult run =
          indexer ? index({dir_ / "corpus"}, env()) : run_search({"wexmouth"}, env());
      EXPECT_EQ(run.exit_code, 2) << text << run.err;
      EXPECT_NE(run.err.find(config + ":2: "), std::string::npos) << text << run.err;
      EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), indexer ? 2 : 1) << run.err;
    }
  }
  EXPECT_FALSE(fs::exists(dir_ / "home/news"));
}

TEST_F(DefaultIndex, WithoutAnyTheMessageSaysWhereAnIndexCanBeNamed) {
  ProcessResult search = run_search({"wexmouth"}, env());
  EXPECT_EQ(search.exit_code, 2);
  EXPECT_NE(search.err.find(dir_ / "home/.config/newsdex/config"), std::string::npos) << search.err;
  ProcessResult indexed = index({dir_ / "corpus"}, env());
  EXPECT_EQ(indexed.exit_code, 2);
  EXPECT_NE(indexed.err.find("NEWSDEX_DB"), std::string::npos) << indexed.err;
}

}  // namespace
}  // namespace newsdex::testing
