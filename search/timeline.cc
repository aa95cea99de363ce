#include "timeline.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

#include "counting_match.h"
#include "facets.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Largest spans (in days, both ends included) shown by each bucket under kAuto.
constexpr int kAutoMaxDays = 62;
constexpr int kAutoMaxWeekDays = 53 * 7;
constexpr int kAutoMaxMonthDays = 5 * 365 + 2;

// The day of a kSlotDay value "YYYYMMDD"; nullopt unless it is a real calendar day.
std::optional<sys_days> parse_day_key(std::string_view key) {
  if (key.size() != 8) return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t ends[3] = {4, 6, 8};
  std::size_t i = 0;
  for (int f = 0; f < 3; ++f) {
    for (; i < ends[f]; ++i) {
      if (key[i] < '0' || key[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (key[i] - '0');
    }
  }
  year_month_day ymd{std::chrono::year{fields[0]},
                     std::chrono::month{static_cast<unsigned>(fields[1])},
                     std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

TimelineBucket auto_bucket(sys_days first, sys_days last) {
  auto span = (last - first).count() + 1;
  if (span <= kAutoMaxDays) return TimelineBucket::kDay;
  if (span <= kAutoMaxWeekDays) return TimelineBucket::kWeek;
  if (span <= kAutoMaxMonthDays) return TimelineBucket::kMonth;
  return TimelineBucket::kYear;
}

sys_days bucket_start(sys_days day, TimelineBucket bucket) {
  year_month_day ymd{day};
  switch (bucket) {
    case TimelineBucket::kWeek:
      return day - days{std::chrono::weekday{day}.iso_encoding() - 1};
    case TimelineBucket::kMonth:
      return sys_days{ymd.year() / ymd.month() / 1};
    case TimelineBucket::kYear:
      return sys_days{ymd.year() / std::chrono::January / 1};
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return day;
}

// The start of the bucket after the one starting on `start`.
sys_days next_bucket(sys_days start, TimelineBucket bucket) {
  year_month_day ymd{start};
  switch (bucket) {
    case TimelineBucket::kWeek:
      return start + days{7};
    case TimelineBucket::kMonth:
      return sys_days{ymd + std::chrono::months{1}};
    case TimelineBucket::kYear:
      return sys_days{ymd + std::chrono::years{1}};
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return start + days{1};
}

std::string iso_day(sys_days day) {
  year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string bucket_label(sys_days start, TimelineBucket bucket) {
  year_month_day ymd{start};
  char text[16];
  switch (bucket) {
    case TimelineBucket::kWeek: {
      // The ISO week-year is the year of the week's Thursday; week 1 holds its first one.
      sys_days thursday = start + days{3};
      std::chrono::year week_year = year_month_day{thursday}.year();
      auto week = (thursday - sys_days{week_year / std::chrono::January / 1}).count() / 7 + 1;
      std::snprintf(text, sizeof text, "%04d-W%02d", static_cast<int>(week_year),
                    static_cast<int>(week));
      return text;
    }
    case TimelineBucket::kMonth:
      std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()),
                    static_cast<unsigned>(ymd.month()));
      return text;
    case TimelineBucket::kYear:
      std::snprintf(text, sizeof text, "%04d", static_cast<int>(ymd.year()));
      return text;
    case TimelineBucket::kAuto:
    case TimelineBucket::kDay:
      break;
  }
  return iso_day(start);
}

// A bar of `eighths` eighths of a column: full blocks, then one partial block.
std::string block_bar(std::size_t eighths) {
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) bar += "\xE2\x96\x88";  // █ U+2588
  if (std::size_t rest = eighths % 8; rest > 0) {
    // U+258F is one eighth, U+2589 seven eighths.
    bar += "\xE2\x96";
    bar += static_cast<char>(0x90 - rest);
  }
  return bar;
}

constexpr std::string_view kTotalLabel = "total";
constexpr std::string_view kUndatedLabel = "undated";

}  // namespace

std::string_view timeline_bucket_name(TimelineBucket bucket) {
  switch (bucket) {
    case TimelineBucket::kAuto:
      return "auto";
    case TimelineBucket::kDay:
      return "day";
    case TimelineBucket::kWeek:
      return "week";
    case TimelineBucket::kMonth:
      return "month";
    case TimelineBucket::kYear:
      return "year";
  }
  return "auto";
}

std::optional<TimelineBucket> parse_timeline_bucket(std::string_view name) {
  for (TimelineBucket bucket : {TimelineBucket::kAuto, TimelineBucket::kDay, TimelineBucket::kWeek,
                                TimelineBucket::kMonth, TimelineBucket::kYear}) {
    if (timeline_bucket_name(bucket) == name) return bucket;
  }
  return std::nullopt;
}

Timeline build_timeline(const Xapian::Database& db, const Xapian::Query& query,
                        TimelineBucket bucket) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  weigh_for_counting(enquire);  // no ranking: only counts
  Xapian::ValueCountMatchSpy spy(kSlotDay);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, check_all(db));

  std::map<sys_days, Xapian::doccount> per_day;
  Xapian::doccount dated = 0;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if (std::optional<sys_days> day = parse_day_key(*it)) {
      per_day[*day] += it.get_termfreq();
      dated += it.get_termfreq();
    }
  }

  Timeline timeline;
  timeline.total = spy.get_total();
  timeline.undated = timeline.total - dated;
  if (per_day.empty()) {
    timeline.bucket = bucket == TimelineBucket::kAuto ? TimelineBucket::kDay : bucket;
    return timeline;
  }
  sys_days first = per_day.begin()->first;
  sys_days last = per_day.rbegin()->first;
  timeline.bucket = bucket == TimelineBucket::kAuto ? auto_bucket(first, last) : bucket;

  auto day_it = per_day.begin();
  for (sys_days start = bucket_start(first, timeline.bucket); start <= last;) {
    sys_days next = next_bucket(start, timeline.bucket);
    TimelineBar bar{bucket_label(start, timeline.bucket), iso_day(start), iso_day(next - days{1}),
                    0};
    for (; day_it != per_day.end() && day_it->first < next; ++day_it) bar.count += day_it->second;
    timeline.bars.push_back(std::move(bar));
    start = next;
  }
  return timeline;
}

void print_timeline(std::ostream& out, const Timeline& timeline, std::size_t width, bool color) {
  std::string_view bar_on = color ? "\x1b[36m" : "";
  std::string_view dim_on = color ? "\x1b[2m" : "";
  std::string_view off = color ? "\x1b[0m" : "";

  std::size_t label_width = kUndatedLabel.size();
  Xapian::doccount largest = 0;
  for (const TimelineBar& bar : timeline.bars) {
    label_width = std::max(label_width, bar.label.size());
    largest = std::max(largest, bar.count);
  }
  // The total is the largest number printed.
  std::size_t count_width = std::to_string(timeline.total).size();
  std::size_t used = label_width + 2 + count_width + 2;
  std::size_t bar_columns = std::max(kMinBarColumns, width > used ? width - used : 0);

  auto print_row = [&](std::string_view label, Xapian::doccount count) {
    std::string number = std::to_string(count);
    out << label << std::string(label_width - label.size() + 2 + count_width - number.size(), ' ')
        << number;
  };
  for (const TimelineBar& bar : timeline.bars) {
    print_row(bar.label, bar.count);
    if (bar.count > 0) {
      // Rounded to the nearest eighth; a bucket with any article shows at least one.
      std::size_t eighths =
          (std::size_t{bar.count} * bar_columns * 16 + largest) / (std::size_t{largest} * 2);
      out << "  " << bar_on << block_bar(std::max<std::size_t>(eighths, 1)) << off;
    }
    out << "\n";
  }
  if (timeline.bars.empty()) out << "no dated articles\n";
  out << dim_on;
  print_row(kTotalLabel, timeline.total);
  out << off << "\n" << dim_on;
  print_row(kUndatedLabel, timeline.undated);
  out << off << "\n";
}

std::string timeline_json_line(const Timeline& timeline) {
  nlohmann::ordered_json bars = nlohmann::ordered_json::array();
  for (const TimelineBar& bar : timeline.bars) {
    bars.push_back({{"label", bar.label},
                    {"from", bar.first_day},
                    {"to", bar.last_day},
                    {"count", bar.count}});
  }
  nlohmann::ordered_json body = {{"bucket", timeline_bucket_name(timeline.bucket)},
                                 {"bars", std::move(bars)},
                                 {"undated", timeline.undated},
                                 {"total", timeline.total}};
  nlohmann::ordered_json line = {{"type", "timeline"}, {"timeline", std::move(body)}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace newsdex
