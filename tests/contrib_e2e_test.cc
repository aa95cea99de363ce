// The files of contrib/ do what their comments say: the systemd units pass
// systemd-analyze verify and count the right exit codes as success, and the cron line,
// run with the shipped config, prints (so cron mails) exactly when its comment says.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

namespace fs = std::filesystem;

const std::string kContrib = NEWSDEX_CONTRIB;
const std::string kInstalledBinary = "/usr/local/bin/newsdex-index";
const std::string kInstalledConfig = "/etc/newsdex/newsdex.conf";

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A program on PATH, or "".
std::string find_program(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::istringstream folders(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    fs::path candidate = fs::path(folder) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

// The units as shipped, but starting the binary just built (verify checks that the
// command exists). The man page is not checked: `man` finds it only once installed.
TEST(Contrib, SystemdUnitsPassVerify) {
  std::string analyze = find_program("systemd-analyze");
  if (analyze.empty()) GTEST_SKIP() << "systemd-analyze not installed (Debian systemd)";
  TempDir dir;
  std::string service = read_file(kContrib + "/systemd/newsdex-index.service");
  ASSERT_NE(service.find("ExecStart=" + kInstalledBinary + " "), std::string::npos);
  write_file(dir / "newsdex-index.service",
             replace_all(service, kInstalledBinary, NEWSDEX_INDEX_BIN));
  write_file(dir / "newsdex-index.timer", read_file(kContrib + "/systemd/newsdex-index.timer"));
  ProcessResult verify = run_process(
      {analyze, "verify", "--man=no", dir / "newsdex-index.service", dir / "newsdex-index.timer"});
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  // verify exits 0 for a value it cannot parse and ignores: it only says so.
  EXPECT_EQ(verify.err.find("newsdex-index"), std::string::npos) << verify.err;
  EXPECT_EQ(verify.out.find("newsdex-index"), std::string::npos) << verify.out;
}

// Exit 75 (busy: the next run catches up) and 130 (stopped by SIGTERM after committing
// what was done: the next run finishes it) are not failures; 1, a problem not met
// before, is: the unit fails once, and the next run, which remembers it, succeeds.
TEST(Contrib, SystemdServiceCountsBusyAndStoppedAsSuccess) {
  std::string service = read_file(kContrib + "/systemd/newsdex-index.service");
  std::smatch line;
  ASSERT_TRUE(std::regex_search(service, line, std::regex(R"(\nSuccessExitStatus=([^\n]*))")));
  std::istringstream words(line[1].str());
  std::set<std::string> codes{std::istream_iterator<std::string>(words), {}};
  EXPECT_EQ(codes, (std::set<std::string>{"75", "130"}));
  EXPECT_NE(service.find("\nKillSignal=SIGTERM\n"), std::string::npos);
}

// The crontab's command with the shipped config (quiet = true), its paths moved into a
// temporary folder.
class CronLine : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string crontab = read_file(kContrib + "/cron/newsdex");
    std::smatch entry;
    ASSERT_TRUE(
        std::regex_search(crontab, entry, std::regex(R"(\n[0-9*][^\n]* newsdex (/[^\n]*))")))
        << crontab;
    std::istringstream words(entry[1].str());
    for (std::string word; words >> word;) {
      command_.push_back(word == kInstalledBinary   ? NEWSDEX_INDEX_BIN
                         : word == kInstalledConfig ? dir_ / "newsdex.conf"
                                                    : word);
    }
    ASSERT_EQ(command_.front(), NEWSDEX_INDEX_BIN) << entry[1];
    std::string config = read_file(kContrib + "/newsdex.conf");
    config = replace_all(config, "/var/lib/newsdex", dir_.path());
    config = replace_all(config, "/srv/news", dir_ / "news");
    ASSERT_NE(config.find("quiet = true"), std::string::npos);
    write_file(dir_ / "newsdex.conf", config);
    write_file(dir_ / "news/local/ferry.txt",
               "Ferry resumes\n\nThe island ferry sails again after the storm.\n");
  }

  ProcessResult night() { return run_process(command_); }

  TempDir dir_;
  std::vector<std::string> command_;
};

// "--quiet (in the config) keeps cron from mailing a normal run": nothing printed.
// "a new skip prints once (exit 1)": the skip line, then silence on later nights.
// "fatal errors still print": one line.
TEST_F(CronLine, PrintsOnlyWhatCronShouldMail) {
  ProcessResult first = night();
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(first.err.empty()) << first.err;
  EXPECT_TRUE(first.out.empty());
  EXPECT_TRUE(fs::exists(dir_ / "last-run.json"));  // the config's report-json

  write_file(dir_ / "news/local/empty.txt", "");
  ProcessResult skip = night();
  EXPECT_EQ(skip.exit_code, 1);
  EXPECT_EQ(skip.err,
            "newsdex-index: skipped " + (dir_ / "news/local/empty.txt") + ": empty file\n");
  EXPECT_TRUE(skip.out.empty());

  ProcessResult after = night();
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_TRUE(after.err.empty()) << after.err;
  EXPECT_TRUE(after.out.empty());

  fs::remove_all(dir_ / "news");
  ProcessResult fatal = night();
  EXPECT_EQ(fatal.exit_code, 2);
  EXPECT_EQ(std::count(fatal.err.begin(), fatal.err.end(), '\n'), 2) << fatal.err;  // + hint
  EXPECT_TRUE(fatal.err.starts_with("newsdex-index: ")) << fatal.err;
}

}  // namespace
}  // namespace newsdex::testing
