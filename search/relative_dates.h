// The values of date: filters: days, months, years, ranges and dates relative to today,
// resolved to the "YYYYMMDD" bounds that kSlotDay holds.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

using Day = std::chrono::year_month_day;

// Inclusive bounds as "YYYYMMDD"; an empty bound leaves that end open.
struct DayRange {
  std::string first;
  std::string last;

  bool operator==(const DayRange&) const = default;
};

// The days a date: filter value covers, or nullopt when it is none of these forms:
//   2024-02-07, 2024-02, 2024      a day, a month, a year (month and day may have 1 digit)
//   today, yesterday
//   last-N-days, last-N-weeks,     the N days, weeks, months or years ending today,
//   last-N-months, last-N-years    today included (N >= 1; "last-1-day" etc. too)
//   A..B, A.., ..B                 from the first day of A to the last day of B, where
//                                  A and B are any of the forms above
// Relative forms count from `today`. A relative start before year 1 is left open.
std::optional<DayRange> resolve_date_filter(std::string_view value, Day today);

// Today in the local time zone.
Day local_today();

}  // namespace newsdex
