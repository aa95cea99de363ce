// The date of an article: from its metadata, a dateline in its text, or its path. An
// article's date is its own or none: a file's modification time is never a date, at most
// the guessed year of a dateline that gives only a day and a month.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

enum class DateSource {
  kMetadata,   // the article's metadata (front matter, HTML meta, a JSON field)
  kText,       // a dateline or date line in its first lines; a year-less dateline whose
               // year another date of the article gives counts too
  kPath,       // a whole date in its path ("2024/02/07/")
  kPathYear,   // a year-less dateline, the year from the path ("1996/" or a path date)
  kMtimeYear,  // a year-less dateline, the year guessed from the file's modification time
};

struct ArticleDate {
  std::int64_t unix_seconds = 0;  // UTC; midnight UTC when only the day is known
  bool has_time = false;          // the source gave a time of day
  DateSource source = DateSource::kMetadata;

  bool operator==(const ArticleDate&) const = default;
};

// A date written as metadata: ISO 8601 ("2024-02-07", "2024-02-07T10:15:00Z",
// "2024-02-07 10:15:00+01:00"), RFC 2822 ("Wed, 07 Feb 2024 10:15:00 GMT"), and the
// common English forms ("7 February 2024", "February 7, 2024", "Feb 7 2024",
// "26-FEB-1987 15:01:01"). Times with an offset are converted to UTC. nullopt when it is
// not a plausible date (years 1900 to 2100). Source is kMetadata.
std::optional<ArticleDate> parse_date_text(std::string_view text);

// A date near the start of an article's text (its first lines only): a dateline
// ("DOHA, Feb 7 (Reuters) -", "LONDON, 7 February 2024 -", "LONDON 1996-12-06"), a date
// line ("Wednesday 7 February 2024", "Published: 2024-02-07"). The first one found wins.
// A dateline without a year takes the year of the first dated line after it (the year
// that puts the two nearest), else `fallback_year` when non-zero, else gives nullopt.
// Source is kText.
std::optional<ArticleDate> find_date_in_text(std::string_view text, int fallback_year = 0);

// A date in a path: "2024/02/07/", "2024-02-07", "20240207" as a path component or part
// of a file name. Source is kPath.
std::optional<ArticleDate> find_date_in_path(std::string_view path);

// The year of a folder named by a year alone ("reuters/1996/dec06.txt"), the one nearest
// the file; 0 when there is none. Only folders count: a file named "2024.txt" is no year.
int find_year_in_path(std::string_view path);

// What an article carries about its date.
struct DateEvidence {
  std::string_view metadata;  // the date its metadata gives, as written; "" when none
  std::string_view text;      // its text, title first
  std::string_view path;      // its id: the path under its root
  double file_mtime = 0;      // seconds since the epoch; only ever a year-less dateline's year
};

// The article's own date, or nullopt when it has none. In order: its metadata; a dateline
// or date line with a year; a year-less dateline with the year of another date in its first
// lines or of its metadata (kText), else of its path (kPathYear), else guessed from the
// file time (kMtimeYear: the last such day not after the file was written); a date in its
// path. Never the current year, never the file time itself.
std::optional<ArticleDate> resolve_article_date(const DateEvidence& evidence);

// "YYYYMMDD" (UTC): the value-slot form that Xapian's DateRangeProcessor compares.
std::string day_key(const ArticleDate& date);
// "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SSZ" when the time is known: the stored form.
std::string iso_date(const ArticleDate& date);
// "metadata", "text", "path", "path-year" or "mtime-year".
std::string_view date_source_name(DateSource source);

}  // namespace newsdex
