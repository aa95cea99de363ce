// End-to-end: an article's date is its own or none. The real binaries on an archive of
// undated files (their file time is now), dated ones, wire datelines with and without a
// year, written for these tests.
#include <sys/time.h>

#include <chrono>
#include <ctime>
#include <regex>

#include "e2e_support.h"
#include "support/temp_dir.h"

namespace newsdex::testing {
namespace {

// Today's date (local, as relative date filters count) shifted by `days`, "YYYY-MM-DD".
std::string local_day(int days) {
  std::time_t when = std::time(nullptr) + days * 86400;
  std::tm fields{};
  localtime_r(&when, &fields);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &fields);
  return text;
}

void set_mtime(const std::string& path, std::time_t when) {
  const timeval times[2] = {{when, 0}, {when, 0}};
  ASSERT_EQ(::utimes(path.c_str(), times), 0) << path;
}

class Dates : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const std::string root = *dir_ / "archive";
    recent_day_ = local_day(-2);
    // No date anywhere: their file times (now) must not become dates.
    write_file(root + "/news/pier-undated.txt",
               "Pier Lights Mended\n\nVolunteers mended the pier lights in one report.\n");
    write_file(root + "/news/ferry-undated.txt",
               "Ferry Timetable Changes\n\nThe ferry timetable changes, says a report.\n");
    // Dated by metadata: two days ago, and a day of 2024 with its time.
    write_file(root + "/news/recent.txt", "Title: Harbour Fees Rise\nDate: " + recent_day_ +
                                              "\n\nHarbour fees rise, a report says.\n");
    write_file(root + "/news/timed.txt",
               "Title: Lifeboat Launched\nDate: 2024-02-07T10:15:00Z\n\nA lifeboat launched, a "
               "report says.\n");
    // Wire copy: a dateline with its year; year-less ones with a year folder and without.
    write_file(root + "/wire/grain.txt",
               "Grain Prices Rise\n\nLONDON 1996-12-06 - Grain prices rose in a report.\n");
    write_file(root + "/wire/1996/cattle.txt",
               "Cattle Futures Firm\n\nCHICAGO, Dec 6 (Reuter) - Cattle futures firmed in a "
               "report.\n");
    write_file(root + "/wire/hogs.txt",
               "Hog Futures Slip\n\nCHICAGO, Dec 6 (Reuter) - Hog futures slipped in a report.\n");
    // 1 June 2020: the only year the last file could have is a guess, 2019.
    set_mtime(root + "/wire/hogs.txt", 1590969600);
    db_ = *dir_ / "index";
    ProcessResult index = run_indexer({"--db", db_, root});
    ASSERT_EQ(index.exit_code, 0) << index.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  static ProcessResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db_, "--duplicates=show", "--limit", "50"});
    ProcessResult result = run_search(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }
  static std::vector<nlohmann::json> hits(std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    return json_records(run(args).out);
  }
  static std::vector<std::string> sorted_ids(std::vector<std::string> args) {
    std::vector<std::string> ids;
    for (const nlohmann::json& hit : hits(args)) ids.push_back(hit.at("id"));
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static inline TempDir* dir_;
  static inline std::string db_, recent_day_;
};

using Ids = std::vector<std::string>;

TEST_F(Dates, JsonDateHasOneFormatAndSaysWhereItCameFrom) {
  struct Case {
    std::string id, date, date_time, date_source;  // "" = null
  };
  const Case cases[] = {
      {"news/pier-undated.txt", "", "", ""},
      {"news/ferry-undated.txt", "", "", ""},
      {"news/recent.txt", recent_day_, "", "metadata"},
      {"news/timed.txt", "2024-02-07", "2024-02-07T10:15:00Z", "metadata"},
      {"wire/grain.txt", "1996-12-06", "", "text"},
      {"wire/1996/cattle.txt", "1996-12-06", "", "path-year"},
      {"wire/hogs.txt", "2019-12-06", "", "mtime-year"},
  };
  const auto expect_field = [](const nlohmann::json& hit, const char* key,
                               const std::string& expected) {
    if (expected.empty()) {
      EXPECT_TRUE(hit.at(key).is_null()) << key << " of " << hit.dump();
    } else {
      EXPECT_EQ(hit.at(key), expected) << key;
    }
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    std::vector<nlohmann::json> found = hits({"id:" + c.id});
    ASSERT_EQ(found.size(), 1u);
    expect_field(found[0], "date", c.date);
    expect_field(found[0], "date_time", c.date_time);
    expect_field(found[0], "date_source", c.date_source);
  }
}

TEST_F(Dates, RelativeDatesAndRangesLeaveUndatedArticlesOutUnlessAsked) {
  EXPECT_EQ(sorted_ids({"date:last-7-days"}), Ids{"news/recent.txt"});
  EXPECT_EQ(sorted_ids({"date:..2030"}),
            (Ids{"news/recent.txt", "news/timed.txt", "wire/1996/cattle.txt", "wire/grain.txt",
                 "wire/hogs.txt"}));
  EXPECT_EQ(sorted_ids({"--undated=exclude", "report", "date:1996"}),
            (Ids{"wire/1996/cattle.txt", "wire/grain.txt"}));
  EXPECT_EQ(sorted_ids({"--undated=include", "date:last-7-days"}),
            (Ids{"news/ferry-undated.txt", "news/pier-undated.txt", "news/recent.txt"}));
  EXPECT_EQ(sorted_ids({"--undated=include", "pier", "date:1996"}), Ids{"news/pier-undated.txt"});
  EXPECT_EQ(sorted_ids({"--undated=only"}),
            (Ids{"news/ferry-undated.txt", "news/pier-undated.txt"}));
  EXPECT_EQ(sorted_ids({"--undated=only", "ferry"}), Ids{"news/ferry-undated.txt"});
  // Without a date filter undated articles are found as any other.
  EXPECT_EQ(sorted_ids({"pier"}), Ids{"news/pier-undated.txt"});
}

TEST_F(Dates, SortByDateAndRecencyPutUndatedArticlesLast) {
  for (std::vector<std::string> order :
       {std::vector<std::string>{"--sort", "date"}, std::vector<std::string>{"--recency", "5"}}) {
    SCOPED_TRACE(order[0]);
    order.push_back("report");
    std::vector<nlohmann::json> found = hits(order);
    ASSERT_EQ(found.size(), 7u);
    std::vector<std::string> dates;
    for (const nlohmann::json& hit : found) {
      dates.push_back(hit.at("date").is_null() ? "" : hit.at("date").get<std::string>());
    }
    EXPECT_EQ(dates, (std::vector<std::string>{recent_day_, "2024-02-07", "2019-12-06",
                                               "1996-12-06", "1996-12-06", "", ""}));
  }
  std::vector<std::string> oldest_first;
  for (const nlohmann::json& hit : hits({"--sort", "oldest", "report"})) {
    oldest_first.push_back(hit.at("date").is_null() ? "" : hit.at("date").get<std::string>());
  }
  EXPECT_EQ(oldest_first, (std::vector<std::string>{"1996-12-06", "1996-12-06", "2019-12-06",
                                                    "2024-02-07", recent_day_, "", ""}));
}

TEST_F(Dates, TimelineCountsUndatedArticlesApart) {
  std::vector<nlohmann::json> lines =
      json_records(run({"--json", "--timeline=year", "report"}).out, "timeline");
  ASSERT_EQ(lines.size(), 1u);
  const nlohmann::json& timeline = lines.back().at("timeline");
  EXPECT_EQ(timeline.at("undated"), 2);
  EXPECT_EQ(timeline.at("total"), 7);
  int dated = 0;
  for (const nlohmann::json& bar : timeline.at("bars")) dated += bar.at("count").get<int>();
  EXPECT_EQ(dated, 5);
  EXPECT_EQ(timeline.at("bars").front().at("label"), "1996");

  ProcessResult text = run({"--color", "never", "--timeline=year", "report"});
  EXPECT_TRUE(std::regex_search(text.out, std::regex("\nundated +2\n"))) << text.out;
  EXPECT_TRUE(std::regex_search(text.out, std::regex("\n1996 +2 "))) << text.out;
}

TEST_F(Dates, TextOutputShowsUndatedAndMarksAGuessedYear) {
  std::string undated = run({"--color", "never", "pier"}).out;
  EXPECT_NE(undated.find("undated  "), std::string::npos) << undated;
  std::string guessed = run({"--color", "never", "hog"}).out;
  EXPECT_NE(guessed.find("2019-12-06 (year guessed)"), std::string::npos) << guessed;
  std::string dated = run({"--color", "never", "grain"}).out;
  EXPECT_NE(dated.find("1996-12-06  "), std::string::npos) << dated;
  EXPECT_EQ(dated.find("guessed"), std::string::npos) << dated;
}

TEST_F(Dates, StatusReportsTheDatedRangeAndTheUndatedCount) {
  ProcessResult status = run_indexer({"--status", "--db", db_});
  EXPECT_EQ(status.exit_code, 0) << status.err;
  EXPECT_NE(status.out.find("dates:      1996-12-06 .. " + recent_day_ + " (5 articles)\n"),
            std::string::npos)
      << status.out;
  EXPECT_NE(status.out.find("undated:    2 articles"), std::string::npos) << status.out;
  EXPECT_EQ(status.out.find("file dates"), std::string::npos) << status.out;
}

TEST_F(Dates, UnknownUndatedModeIsAUsageError) {
  ProcessResult result = run_search({"--db", db_, "--undated=sometimes", "pier"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--undated must be exclude, include or only, not 'sometimes'"),
            std::string::npos)
      << result.err;
}

}  // namespace
}  // namespace newsdex::testing
