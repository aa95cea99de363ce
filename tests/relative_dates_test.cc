// Tests of the date: filter values: calendar dates, ranges and dates relative to today.
#include "relative_dates.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <ostream>
#include <string>

namespace newsdex {

// Readable failure messages. Internal linkage: only this file prints them.
static void PrintTo(const DayRange& range, std::ostream* out) {
  *out << "[" << range.first << ", " << range.last << "]";
}

namespace {

using std::chrono::year;

// A Thursday in a leap year, mid-month.
constexpr Day kToday = year(2024) / 3 / 14;

struct DateCase {
  std::string value;
  Day today;
  std::string first;  // "" = open
  std::string last;
};

std::ostream& operator<<(std::ostream& out, const DateCase& c) { return out << c.value; }

const DateCase kDateCases[] = {
    // Calendar dates: a day, a month, a year.
    {"2024-02-07", kToday, "20240207", "20240207"},
    {"2024-2-7", kToday, "20240207", "20240207"},
    {"2024-02", kToday, "20240201", "20240229"},
    {"2023-02", kToday, "20230201", "20230228"},
    {"1900-02", kToday, "19000201", "19000228"},
    {"2000-02", kToday, "20000201", "20000229"},
    {"2024-04", kToday, "20240401", "20240430"},
    {"2024-12", kToday, "20241201", "20241231"},
    {"2024", kToday, "20240101", "20241231"},
    {"2024-02-29", kToday, "20240229", "20240229"},
    // Ranges: from the first day of one form to the last day of the other.
    {"2024-02..2024-03", kToday, "20240201", "20240331"},
    {"2024-02-01..2024-02-29", kToday, "20240201", "20240229"},
    {"2023..2024", kToday, "20230101", "20241231"},
    {"2023-12-30..2024-01", kToday, "20231230", "20240131"},
    {"2024..", kToday, "20240101", ""},
    {"2024-02-01..", kToday, "20240201", ""},
    {"..2023-12-31", kToday, "", "20231231"},
    {"..2023", kToday, "", "20231231"},
    {"2024-01..today", kToday, "20240101", "20240314"},
    {"last-7-days..yesterday", kToday, "20240308", "20240313"},
    // Relative to today.
    {"today", kToday, "20240314", "20240314"},
    {"yesterday", kToday, "20240313", "20240313"},
    {"yesterday", year(2024) / 3 / 1, "20240229", "20240229"},
    {"yesterday", year(2024) / 1 / 1, "20231231", "20231231"},
    {"last-1-days", kToday, "20240314", "20240314"},
    {"last-1-day", kToday, "20240314", "20240314"},
    {"last-30-days", kToday, "20240214", "20240314"},
    {"last-30-days", year(2024) / 1 / 10, "20231212", "20240110"},
    {"last-1-weeks", kToday, "20240308", "20240314"},
    {"last-2-weeks", kToday, "20240301", "20240314"},
    {"last-1-months", kToday, "20240215", "20240314"},
    {"last-1-month", year(2024) / 3 / 31, "20240301", "20240331"},
    {"last-1-months", year(2023) / 3 / 29, "20230301", "20230329"},
    {"last-2-months", year(2024) / 1 / 15, "20231116", "20240115"},
    {"last-12-months", year(2024) / 1 / 31, "20230201", "20240131"},
    {"last-13-months", year(2024) / 1 / 31, "20230101", "20240131"},
    {"last-1-years", kToday, "20230315", "20240314"},
    {"last-1-year", year(2024) / 2 / 29, "20230301", "20240229"},
    {"last-4-years", year(2024) / 2 / 29, "20200301", "20240229"},
    {"last-3-years", year(2024) / 12 / 31, "20220101", "20241231"},
    // A start before year 1 stays open.
    {"last-99999-years", kToday, "", "20240314"},
    {"last-99999-months", kToday, "", "20240314"},
    {"last-99999-days", kToday, "17500601", "20240314"},
};

class ResolveDateFilterTable : public ::testing::TestWithParam<DateCase> {};

TEST_P(ResolveDateFilterTable, GivesTheDays) {
  const DateCase& c = GetParam();
  EXPECT_EQ(resolve_date_filter(c.value, c.today), (DayRange{c.first, c.last}));
}

INSTANTIATE_TEST_SUITE_P(RelativeDates, ResolveDateFilterTable, ::testing::ValuesIn(kDateCases));

TEST(RelativeDates, RejectsWhatIsNoDate) {
  for (std::string value : {"",
                            "..",
                            "...",
                            "24",
                            "02-2024",
                            "20240207",
                            "2024-13",
                            "2024-00",
                            "2024-02-30",
                            "2023-02-29",
                            "2024-02-",
                            "2024-02-07x",
                            "2024-1-2-3",
                            "12024",
                            "Today",
                            "tomorrow",
                            "last-days",
                            "last-0-days",
                            "last-7",
                            "last-7-",
                            "last-7-fortnights",
                            "last--7-days",
                            "last-7-dayss",
                            "last-123456-days",
                            "next-7-days",
                            "2024..2025..2026",
                            "2024...2025",
                            "2024..junk",
                            "junk..2024",
                            "2024/02/07"}) {
    SCOPED_TRACE(value);
    EXPECT_EQ(resolve_date_filter(value, kToday), std::nullopt);
  }
}

TEST(RelativeDates, LocalTodayIsAValidRecentDay) {
  const Day today = local_today();
  EXPECT_TRUE(today.ok());
  EXPECT_GE(today.year(), year(2024));
}

}  // namespace
}  // namespace newsdex
