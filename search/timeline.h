// The timeline (--timeline): how many articles matching a query fall on each day, week,
// month or year. Counting uses only Xapian's stock ValueCountMatchSpy over kSlotDay, so
// remote shards (a stock xapian-tcpsrv) can serve it.
#pragma once

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

enum class TimelineBucket {
  // Picked from the span between the first and the last dated match (both days
  // included): at most 62 days by day, at most 371 days (53 weeks) by week, at most
  // 1827 days (5 years) by month, else by year. So a timeline has at most about 62 bars
  // unless the span is over 62 years.
  kAuto,
  kDay,
  kWeek,  // ISO 8601 weeks: Monday to Sunday, numbered within the ISO week-year
  kMonth,
  kYear,
};

// "auto", "day", "week", "month", "year".
std::string_view timeline_bucket_name(TimelineBucket bucket);
// The bucket of one of those names (the --timeline argument); nullopt for any other.
std::optional<TimelineBucket> parse_timeline_bucket(std::string_view name);

struct TimelineBar {
  std::string label;      // "2024-02-05", "2024-W06", "2024-02", "2024"
  std::string first_day;  // the bucket's first and last day, ISO: "2024-02-05"; a whole
  std::string last_day;   // bucket, even where the matches start or end inside it
  Xapian::doccount count = 0;

  bool operator==(const TimelineBar&) const = default;
};

struct Timeline {
  TimelineBucket bucket = TimelineBucket::kDay;  // never kAuto
  // Consecutive buckets from the first dated match to the last, the empty buckets between
  // them included; empty when no match has a date.
  std::vector<TimelineBar> bars;
  // Matches without a valid "YYYYMMDD" in kSlotDay.
  Xapian::doccount undated = 0;
  Xapian::doccount total = 0;  // every match: the sum of the bars plus undated
};

// Counts every match of `query` (exactly: the match visits all of them) by the day in
// kSlotDay. Pass Xapian::Query::MatchAll for the whole index; an empty Xapian::Query
// matches nothing. kAuto is resolved as documented above (by day when nothing is dated).
// Throws what Xapian throws (database errors, a query the backend cannot run).
Timeline build_timeline(const Xapian::Database& db, const Xapian::Query& query,
                        TimelineBucket bucket);

// Bars never get fewer columns than this, however narrow the terminal.
inline constexpr std::size_t kMinBarColumns = 10;

// One line per bar, "label  count  bar", the bars drawn with block characters (in
// eighths of a column) and scaled so that the largest count fills the columns left of
// `width` (at least kMinBarColumns); a bucket with any article shows at least an eighth,
// an empty one no bar. Then the total and undated lines, after a "no dated articles" line
// when there are no bars. With `color`, bars are coloured and the summary dim (ANSI).
void print_timeline(std::ostream& out, const Timeline& timeline, std::size_t width, bool color);

// One JSON line (no newline):
//   {"timeline": {"bucket": "week", "bars": [{"label": "2024-W06", "from": "2024-02-05",
//    "to": "2024-02-11", "count": 3}, ...], "undated": 0, "total": 3}}
std::string timeline_json_line(const Timeline& timeline);

}  // namespace newsdex
