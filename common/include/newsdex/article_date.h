// The date of an article: from its metadata, a dateline in its text, or its path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

enum class DateSource { kMetadata, kText, kPath, kMtime };

struct ArticleDate {
  std::int64_t unix_seconds = 0;  // UTC; midnight UTC when only the day is known
  bool has_time = false;          // the source gave a time of day
  DateSource source = DateSource::kMtime;

  bool operator==(const ArticleDate&) const = default;
};

// A date written as metadata: ISO 8601 ("2024-02-07", "2024-02-07T10:15:00Z",
// "2024-02-07 10:15:00+01:00"), RFC 2822 ("Wed, 07 Feb 2024 10:15:00 GMT"), and the
// common English forms ("7 February 2024", "February 7, 2024", "Feb 7 2024"). Times
// with an offset are converted to UTC. nullopt when it is not a plausible date (years
// 1900 to 2100). Source is kMetadata.
std::optional<ArticleDate> parse_date_text(std::string_view text);

// A date near the start of an article's text (its first lines only): a dateline
// ("DOHA, Feb 7 (Reuters) -", "LONDON, 7 February 2024 -"), a date line ("Wednesday 7
// February 2024", "Published: 2024-02-07"). A dateline without a year takes the year
// from `fallback_year` when non-zero, else gives nullopt. Source is kText.
std::optional<ArticleDate> find_date_in_text(std::string_view text, int fallback_year = 0);

// A date in a path: "2024/02/07/", "2024-02-07", "20240207" as a path component or part
// of a file name. Source is kPath.
std::optional<ArticleDate> find_date_in_path(std::string_view path);

// "YYYYMMDD" (UTC): the value-slot form that Xapian's DateRangeProcessor compares.
std::string day_key(const ArticleDate& date);
// "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SSZ" when the time is known: the JSON form.
std::string iso_date(const ArticleDate& date);
// "metadata", "text", "path" or "mtime".
std::string_view date_source_name(DateSource source);

}  // namespace newsdex
