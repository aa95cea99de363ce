#include "relative_dates.h"

#include <cstdio>
#include <ctime>

namespace newsdex {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

// The first and last day of one date form; nullopt = open (a start before year 1).
struct Span {
  std::optional<Day> first;
  std::optional<Day> last;
};

// Consumes 1 to `max_digits` digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (n < text.size() && n < max_digits && text[n] >= '0' && text[n] <= '9') {
    value = value * 10 + (text[n] - '0');
    ++n;
  }
  if (n == 0) return std::nullopt;
  text.remove_prefix(n);
  return value;
}

bool take(std::string_view& text, std::string_view expected) {
  if (!text.starts_with(expected)) return false;
  text.remove_prefix(expected.size());
  return true;
}

// 2024, 2024-02, 2024-02-07.
std::optional<Span> calendar_span(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  std::string_view rest = text;
  std::optional<int> year = take_number(rest, 4);
  if (!year || text.size() - rest.size() != 4) return std::nullopt;
  const std::chrono::year y{*year};
  if (rest.empty()) return Span{y / 1 / 1, y / 12 / 31};
  std::optional<int> month;
  if (!take(rest, "-") || !(month = take_number(rest, 2))) return std::nullopt;
  const std::chrono::year_month ym = y / std::chrono::month(static_cast<unsigned>(*month));
  if (!ym.ok()) return std::nullopt;
  if (rest.empty()) return Span{ym / 1, Day(ym / std::chrono::last)};
  std::optional<int> day;
  if (!take(rest, "-") || !(day = take_number(rest, 2)) || !rest.empty()) return std::nullopt;
  const Day ymd = ym / static_cast<unsigned>(*day);
  if (!ymd.ok()) return std::nullopt;
  return Span{ymd, ymd};
}

// `today` minus `months` months, clamped to the month's end (Mar 31 - 1 month = Feb 29),
// plus one day: the first day of the last `months` months. nullopt before year 1.
std::optional<Day> months_back(Day today, int months) {
  const int total = static_cast<int>(today.year()) * 12 +
                    static_cast<int>(static_cast<unsigned>(today.month())) - 1 - months;
  if (total < 12) return std::nullopt;
  const std::chrono::year_month ym =
      std::chrono::year(total / 12) / std::chrono::month(static_cast<unsigned>(total % 12 + 1));
  Day back = ym / today.day();
  if (!back.ok()) back = ym / std::chrono::last;
  return Day(sys_days(back) + days(1));
}

// last-N-days, last-N-weeks, last-N-months, last-N-years (singular units too).
std::optional<Span> relative_span(std::string_view text, Day today) {
  std::optional<int> count;
  if (!take(text, "last-") || !(count = take_number(text, 5)) || *count == 0 || !take(text, "-")) {
    return std::nullopt;
  }
  if (text.ends_with('s')) text.remove_suffix(1);
  std::optional<Day> first;
  if (text == "day" || text == "week") {
    const int day_count = text == "day" ? *count : *count * 7;
    first = Day(sys_days(today) - days(day_count - 1));
    if (first->year() < std::chrono::year(1)) first.reset();
  } else if (text == "month" || text == "year") {
    first = months_back(today, text == "month" ? *count : *count * 12);
  } else {
    return std::nullopt;
  }
  return Span{first, today};
}

std::optional<Span> span_of(std::string_view text, Day today) {
  if (text == "today") return Span{today, today};
  if (text == "yesterday") {
    const Day yesterday(sys_days(today) - days(1));
    return Span{yesterday, yesterday};
  }
  if (text.starts_with("last-")) return relative_span(text, today);
  return calendar_span(text);
}

std::string key_of(const std::optional<Day>& day) {
  if (!day) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", static_cast<int>(day->year()),
                static_cast<unsigned>(day->month()), static_cast<unsigned>(day->day()));
  return buffer;
}

}  // namespace

std::optional<DayRange> resolve_date_filter(std::string_view value, Day today) {
  const std::size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    std::optional<Span> span = span_of(value, today);
    if (!span) return std::nullopt;
    return DayRange{key_of(span->first), key_of(span->last)};
  }
  const std::string_view from = value.substr(0, dots), to = value.substr(dots + 2);
  if (from.empty() && to.empty()) return std::nullopt;
  DayRange range;
  if (!from.empty()) {
    std::optional<Span> span = span_of(from, today);
    if (!span) return std::nullopt;
    range.first = key_of(span->first);
  }
  if (!to.empty()) {
    std::optional<Span> span = span_of(to, today);
    if (!span) return std::nullopt;
    range.last = key_of(span->last);
  }
  return range;
}

Day local_today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return std::chrono::year(local.tm_year + 1900) /
         std::chrono::month(static_cast<unsigned>(local.tm_mon + 1)) /
         static_cast<unsigned>(local.tm_mday);
}

}  // namespace newsdex
