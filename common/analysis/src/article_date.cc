#include "newsdex/article_date.h"

#include <array>
#include <cstddef>
#include <cstdio>
#include <span>
#include <vector>

#include "newsdex/text_analyzer.h"

// Dates are read by a small tokenizer (words, numbers, punctuation) and a handful of
// fixed-shape patterns over its tokens: each pattern looks ahead a bounded number of tokens,
// so a scan is linear in the text and cannot blow up the way a backtracking regex can.

namespace newsdex {
namespace {

constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
constexpr std::int64_t kSecondsPerDay = 86400;

// find_date_in_text reads only the head of an article: a dateline sits there, and further
// down dates are about the story rather than the article.
constexpr std::size_t kTextWindowBytes = 600;
constexpr int kTextWindowLines = 5;
// A dateline's place and agency ("NEW YORK (AP) -") never take more tokens than this.
constexpr std::size_t kMaxDatelinePrefixTokens = 12;
// How far from another date of its article a year-less dateline may fall (see nearest_to).
constexpr std::int64_t kMaxYearlessDistanceDays = 183;

// ---------------------------------------------------------------------------------------
// Civil dates

struct CivilDate {
  int year = 0;  // 0 while a text date has no year of its own
  int month = 0;
  int day = 0;
};

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

bool is_valid_date(const CivilDate& date) {
  return date.year >= kMinYear && date.year <= kMaxYear && date.month >= 1 && date.month <= 12 &&
         date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil): no time-zone state, so it is thread-safe unlike mktime tricks.
std::int64_t days_from_civil(const CivilDate& date) {
  const std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year =
      (153 * (date.month + (date.month > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;  // 0 is March
  const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
  const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
  const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

std::int64_t floor_div(std::int64_t value, std::int64_t divisor) {
  return value / divisor - (value % divisor < 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------
// Characters and words

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The value of up to 9 ASCII digits.
int parse_digits(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  for (std::string_view candidate : words) {
    if (iequals_ascii(word, candidate)) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// 1 to 12 for a full month name or its three-letter abbreviation ("Sept" too), any case;
// 0 otherwise.
int month_from_word(std::string_view word) {
  if (word.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
    if (iequals_ascii(word, kMonthNames[i]) ||
        (word.size() == 3 && iequals_ascii(word, kMonthNames[i].substr(0, 3)))) {
      return static_cast<int>(i) + 1;
    }
  }
  return iequals_ascii(word, "sept") ? 9 : 0;
}

// 0 (Monday) to 6 (Sunday) for a weekday's name or abbreviation, any case; -1 otherwise.
int weekday_from_word(std::string_view word) {
  constexpr std::array<std::string_view, 7> kNames = {"monday", "tuesday",  "wednesday", "thursday",
                                                      "friday", "saturday", "sunday"};
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (iequals_ascii(word, kNames[i]) ||
        (word.size() == 3 && iequals_ascii(word, kNames[i].substr(0, 3)))) {
      return static_cast<int>(i);
    }
  }
  if (iequals_ascii(word, "tues")) return 1;
  if (iequals_ascii(word, "thur") || iequals_ascii(word, "thurs")) return 3;
  return -1;
}

struct ZoneName {
  std::string_view name;
  int offset_minutes;
};

// RFC 2822's zone names plus the European ones common in British and EU news sites.
// Ambiguous abbreviations (IST, ET) are left out rather than guessed.
constexpr ZoneName kZoneNames[] = {
    {"z", 0},      {"gmt", 0},    {"utc", 0},    {"ut", 0},     {"est", -300},
    {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"bst", 60},   {"cet", 60},   {"cest", 120},
};

const ZoneName* find_zone_name(std::string_view word) {
  for (const ZoneName& zone : kZoneNames) {
    if (iequals_ascii(word, zone.name)) return &zone;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------
// Tokens

enum class TokenKind { kWord, kNumber, kPunct };

struct Token {
  TokenKind kind;
  std::string_view text;  // a dash token may be a 3-byte UTF-8 sequence
  bool spaced;            // white space, or the start of the text, comes before it
};

// Length of a UTF-8 no-break or typographic space at `pos`, else 0.
std::size_t utf8_space_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
  };
  if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;
  if (byte(0) == 0xE2 && byte(1) == 0x80 &&
      ((byte(2) >= 0x80 && byte(2) <= 0x8A) || byte(2) == 0xAF)) {
    return 3;
  }
  return 0;
}

// Length of a UTF-8 dash (U+2010 to U+2015) at `pos`, else 0.
std::size_t utf8_dash_length(std::string_view text, std::size_t pos) {
  if (pos + 2 >= text.size()) return 0;
  const auto b1 = static_cast<unsigned char>(text[pos + 1]);
  const auto b2 = static_cast<unsigned char>(text[pos + 2]);
  return static_cast<unsigned char>(text[pos]) == 0xE2 && b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95
             ? 3
             : 0;
}

// Letters are ASCII letters and any other non-ASCII character, so "SÃO PAULO" is two words.
bool is_word_byte(std::string_view text, std::size_t pos) {
  const auto c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return is_ascii_alpha(text[pos]);
  return utf8_space_length(text, pos) == 0 && utf8_dash_length(text, pos) == 0;
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  bool spaced = true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c <= ' ' || c == 0x7F) {
      spaced = true;
      ++pos;
      continue;
    }
    if (std::size_t length = utf8_space_length(text, pos); length > 0) {
      spaced = true;
      pos += length;
      continue;
    }
    const std::size_t start = pos;
    TokenKind kind = TokenKind::kPunct;
    if (std::size_t length = utf8_dash_length(text, pos); length > 0) {
      pos += length;
    } else if (is_digit(text[pos])) {
      kind = TokenKind::kNumber;
      while (pos < text.size() && is_digit(text[pos])) ++pos;
    } else if (is_word_byte(text, pos)) {
      kind = TokenKind::kWord;
      while (pos < text.size() && is_word_byte(text, pos)) ++pos;
    } else {
      ++pos;
    }
    tokens.push_back({kind, text.substr(start, pos - start), spaced});
    spaced = false;
  }
  return tokens;
}

bool is_punct(const Token& token, char c) {
  return token.kind == TokenKind::kPunct && token.text.size() == 1 && token.text[0] == c;
}

bool is_dash(const Token& token) {
  return token.kind == TokenKind::kPunct && (token.text == "-" || token.text.size() == 3);
}

// A cursor over tokens. Patterns copy it to try an alternative and assign the copy back on
// success, so a failed alternative consumes nothing.
class Scanner {
 public:
  Scanner(std::span<const Token> tokens, std::size_t pos) : tokens_(tokens), pos_(pos) {}

  bool at_end() const { return pos_ == tokens_.size(); }
  const Token* peek() const { return at_end() ? nullptr : &tokens_[pos_]; }

  // Each accept_* consumes the next token only when it matches; with `adjacent` it must also
  // follow the previous token without white space.
  const Token* accept(TokenKind kind, bool adjacent = false) {
    if (at_end()) return nullptr;
    const Token& token = tokens_[pos_];
    if (token.kind != kind || (adjacent && token.spaced)) return nullptr;
    ++pos_;
    return &token;
  }

  bool accept_punct(char c, bool adjacent = false) {
    const Token* token = peek();
    if (token == nullptr || !is_punct(*token, c) || (adjacent && token->spaced)) return false;
    ++pos_;
    return true;
  }

  bool accept_word(std::string_view word, bool adjacent = false) {
    const Token* token = peek();
    if (token == nullptr || token->kind != TokenKind::kWord || !iequals_ascii(token->text, word) ||
        (adjacent && token->spaced)) {
      return false;
    }
    ++pos_;
    return true;
  }

  // The value of a number of min_digits to max_digits digits (max_digits at most 9).
  std::optional<int> accept_number(std::size_t min_digits, std::size_t max_digits,
                                   bool adjacent = false) {
    const Token* token = peek();
    if (token == nullptr || token->kind != TokenKind::kNumber || (adjacent && token->spaced) ||
        token->text.size() < min_digits || token->text.size() > max_digits) {
      return std::nullopt;
    }
    ++pos_;
    return parse_digits(token->text);
  }

 private:
  std::span<const Token> tokens_;
  std::size_t pos_;
};

// ---------------------------------------------------------------------------------------
// Times and zones

struct ClockTime {
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_minutes = 0;  // east of UTC; 0 when the text names no zone
};

struct DateMatch {
  CivilDate date;
  std::optional<ClockTime> time;
  int weekday = -1;  // the weekday the text names before the date, 0 = Monday; -1 = none
};

// "+01:00", "-0800", "+5": minutes east of UTC.
std::optional<int> match_numeric_offset(Scanner& in) {
  Scanner s = in;
  int sign = 1;
  if (s.accept_punct('-')) {
    sign = -1;
  } else if (!s.accept_punct('+')) {
    return std::nullopt;
  }
  int hours = 0;
  int minutes = 0;
  if (std::optional<int> hhmm = s.accept_number(4, 4, true)) {
    hours = *hhmm / 100;
    minutes = *hhmm % 100;
  } else if (std::optional<int> hh = s.accept_number(1, 2, true)) {
    hours = *hh;
    Scanner colon = s;
    if (colon.accept_punct(':', true)) {
      if (std::optional<int> mm = colon.accept_number(2, 2, true)) {
        minutes = *mm;
        s = colon;
      }
    }
  } else {
    return std::nullopt;
  }
  if (hours > 14 || minutes > 59) return std::nullopt;
  in = s;
  return sign * (hours * 60 + minutes);
}

// "Z", "GMT", "EST", "GMT+01:00" or a numeric offset.
std::optional<int> match_zone(Scanner& in) {
  const Token* token = in.peek();
  if (token != nullptr && token->kind == TokenKind::kWord) {
    const ZoneName* zone = find_zone_name(token->text);
    if (zone == nullptr) return std::nullopt;
    in.accept(TokenKind::kWord);
    int offset = zone->offset_minutes;
    if (zone->offset_minutes == 0) {
      Scanner extra = in;
      if (extra.peek() != nullptr && !extra.peek()->spaced) {
        if (std::optional<int> more = match_numeric_offset(extra)) {
          offset += *more;
          in = extra;
        }
      }
    }
    return offset;
  }
  return match_numeric_offset(in);
}

// "am"/"pm"/"a.m."/"p.m.": the hour to add to a 12-hour clock reading, or nullopt.
std::optional<int> match_meridiem(Scanner& in) {
  Scanner s = in;
  const Token* word = s.accept(TokenKind::kWord);
  if (word == nullptr) return std::nullopt;
  std::optional<int> add_hours;
  if (iequals_ascii(word->text, "am") || iequals_ascii(word->text, "pm")) {
    add_hours = ascii_lower(word->text[0]) == 'a' ? 0 : 12;
  } else if ((iequals_ascii(word->text, "a") || iequals_ascii(word->text, "p")) &&
             s.accept_punct('.', true) && s.accept_word("m", true)) {
    add_hours = ascii_lower(word->text[0]) == 'a' ? 0 : 12;
    s.accept_punct('.', true);
  }
  if (add_hours) in = s;
  return add_hours;
}

// "10:15", "10:15:30.25", "10:15 pm", "10.15am", "10am", each with an optional zone.
// A dot form needs am/pm, so "12.50" is never a time.
std::optional<ClockTime> match_clock(Scanner& in, bool hour_adjacent) {
  Scanner s = in;
  std::optional<int> hour = s.accept_number(1, 2, hour_adjacent);
  if (!hour) return std::nullopt;
  ClockTime time;
  time.hour = *hour;
  bool needs_meridiem = true;
  Scanner after_colon = s;
  Scanner after_dot = s;
  if (after_colon.accept_punct(':', true)) {
    std::optional<int> minute = after_colon.accept_number(2, 2, true);
    if (!minute) return std::nullopt;
    time.minute = *minute;
    s = after_colon;
    needs_meridiem = false;
    Scanner seconds = s;
    if (seconds.accept_punct(':', true)) {
      if (std::optional<int> second = seconds.accept_number(2, 2, true)) {
        time.second = *second;
        s = seconds;
        Scanner fraction = s;
        if (fraction.accept_punct('.', true) && fraction.accept_number(1, 9, true)) s = fraction;
      }
    }
  } else if (after_dot.accept_punct('.', true)) {
    std::optional<int> minute = after_dot.accept_number(2, 2, true);
    if (!minute) return std::nullopt;
    time.minute = *minute;
    s = after_dot;
  }
  std::optional<int> add_hours = match_meridiem(s);
  if (add_hours) {
    if (time.hour < 1 || time.hour > 12) return std::nullopt;
    time.hour = time.hour % 12 + *add_hours;
  } else if (needs_meridiem) {
    return std::nullopt;
  }
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return std::nullopt;
  if (std::optional<int> offset = match_zone(s)) time.offset_minutes = *offset;
  in = s;
  return time;
}

// A time after a written date: "7 Feb 2024 10:15", "February 7, 2024, at 3:05 pm".
std::optional<ClockTime> match_time_after_date(Scanner& in) {
  Scanner s = in;
  s.accept_punct(',');
  s.accept_word("at");
  std::optional<ClockTime> time = match_clock(s, false);
  if (time) in = s;
  return time;
}

// ---------------------------------------------------------------------------------------
// Date patterns. Each consumes its tokens on success and nothing on failure; none checks
// the calendar, which to_article_date does once for all.

// How warily a pattern reads: article text is full of words that look like months.
struct ScanRules {
  bool capitalised_month;  // "may" in running text is a verb, "May" a month
  bool yearless;           // "Feb 7" may match, with year 0
};

constexpr ScanRules kMetadataRules{false, false};
constexpr ScanRules kTextRules{true, true};

std::optional<int> match_month(Scanner& in, const ScanRules& rules) {
  Scanner s = in;
  const Token* word = s.accept(TokenKind::kWord);
  if (word == nullptr) return std::nullopt;
  const int month = month_from_word(word->text);
  const bool capitalised = word->text[0] >= 'A' && word->text[0] <= 'Z';
  if (month == 0 || (rules.capitalised_month && !capitalised)) return std::nullopt;
  s.accept_punct('.', true);  // "Feb.", "Sept."
  in = s;
  return month;
}

// A day of the month with an optional ordinal suffix: "7", "07", "7th".
std::optional<int> match_day(Scanner& in) {
  std::optional<int> day = in.accept_number(1, 2);
  if (!day) return std::nullopt;
  constexpr std::array<std::string_view, 4> kOrdinals = {"st", "nd", "rd", "th"};
  const Token* suffix = in.peek();
  if (suffix != nullptr && suffix->kind == TokenKind::kWord && !suffix->spaced &&
      is_one_of(suffix->text, kOrdinals)) {
    in.accept(TokenKind::kWord);
  }
  return day;
}

// ", 2024" or " 2024" after a day and month.
std::optional<int> match_year_after(Scanner& in) {
  Scanner s = in;
  s.accept_punct(',');
  std::optional<int> year = s.accept_number(4, 4);
  if (year) in = s;
  return year;
}

// The year of a day-month date, with the time that may follow it. Without a year only a
// yearless match (year 0) when the rules allow it.
std::optional<DateMatch> finish_written_date(Scanner& in, int day, int month,
                                             const ScanRules& rules) {
  DateMatch match{{0, month, day}, std::nullopt};
  if (std::optional<int> year = match_year_after(in)) {
    match.date.year = *year;
  } else if (!rules.yearless) {
    return std::nullopt;
  }
  match.time = match_time_after_date(in);
  return match;
}

// "2024-02-07", "2024/2/7", "2024-02-07T10:15:00Z", "2024-02-07 10:15:00+01:00".
std::optional<DateMatch> match_year_first(Scanner& in) {
  Scanner s = in;
  std::optional<int> year = s.accept_number(4, 4);
  if (!year) return std::nullopt;
  const Token* separator = s.accept(TokenKind::kPunct, true);
  if (separator == nullptr || (separator->text != "-" && separator->text != "/")) {
    return std::nullopt;
  }
  std::optional<int> month = s.accept_number(1, 2, true);
  if (!month || !s.accept_punct(separator->text[0], true)) return std::nullopt;
  std::optional<int> day = s.accept_number(1, 2, true);
  if (!day) return std::nullopt;
  DateMatch match{{*year, *month, *day}, std::nullopt};
  Scanner clock = s;
  if (clock.accept_word("t", true)) {
    match.time = match_clock(clock, true);
    if (!match.time) return std::nullopt;  // a dangling "T" is not a date
    s = clock;
  } else if (clock.peek() != nullptr && clock.peek()->spaced) {
    match.time = match_clock(clock, false);
    if (match.time) s = clock;
  }
  in = s;
  return match;
}

// "13/02/2024", "02/13/2024", "07.07.2024": only when the day and month orders agree or
// just one of them is a valid month, so "07/02/2024" (7 Feb or 2 Jul) is rejected.
std::optional<DateMatch> match_numeric_day_month(Scanner& in) {
  Scanner s = in;
  std::optional<int> first = s.accept_number(1, 2);
  if (!first) return std::nullopt;
  const Token* separator = s.accept(TokenKind::kPunct, true);
  if (separator == nullptr ||
      (separator->text != "/" && separator->text != "-" && separator->text != ".")) {
    return std::nullopt;
  }
  std::optional<int> second = s.accept_number(1, 2, true);
  if (!second || !s.accept_punct(separator->text[0], true)) return std::nullopt;
  std::optional<int> year = s.accept_number(4, 4, true);
  if (!year) return std::nullopt;
  DateMatch match{{*year, 0, 0}, std::nullopt};
  if (*first == *second || (*first > 12 && *second <= 12)) {
    match.date.day = *first;
    match.date.month = *second;
  } else if (*second > 12 && *first <= 12) {
    match.date.day = *second;
    match.date.month = *first;
  } else {
    return std::nullopt;
  }
  match.time = match_time_after_date(s);
  in = s;
  return match;
}

// "26-FEB-1987", "6-Dec-1996 15:01:01.79": the day, month name and year joined by dashes
// (VMS and wire-service headers). The year is required: "6-Dec" is too often a score or a
// range.
std::optional<DateMatch> match_dashed_day_month_year(Scanner& in, const ScanRules& rules) {
  Scanner s = in;
  std::optional<int> day = s.accept_number(1, 2);
  if (!day || !s.accept_punct('-', true)) return std::nullopt;
  const Token* word = s.peek();
  if (word == nullptr || word->spaced) return std::nullopt;
  std::optional<int> month = match_month(s, rules);
  if (!month || !s.accept_punct('-', true)) return std::nullopt;
  std::optional<int> year = s.accept_number(4, 4, true);
  if (!year) return std::nullopt;
  DateMatch match{{*year, *month, *day}, match_time_after_date(s)};
  in = s;
  return match;
}

// "7 February 2024", "07 Feb 2024 10:15:00 GMT", "7th of February", "7 Feb".
std::optional<DateMatch> match_day_first(Scanner& in, const ScanRules& rules) {
  Scanner s = in;
  std::optional<int> day = match_day(s);
  if (!day) return std::nullopt;
  s.accept_word("of");
  std::optional<int> month = match_month(s, rules);
  if (!month) return std::nullopt;
  std::optional<DateMatch> match = finish_written_date(s, *day, *month, rules);
  if (match) in = s;
  return match;
}

// "February 7, 2024", "Feb. 7th 2024 3:05 pm", "Feb 7".
std::optional<DateMatch> match_month_first(Scanner& in, const ScanRules& rules) {
  Scanner s = in;
  std::optional<int> month = match_month(s, rules);
  if (!month) return std::nullopt;
  std::optional<int> day = match_day(s);
  if (!day) return std::nullopt;
  std::optional<DateMatch> match = finish_written_date(s, *day, *month, rules);
  if (match) in = s;
  return match;
}

// Any date pattern, after an optional weekday ("Wednesday,", "Wed.").
std::optional<DateMatch> match_date(Scanner& in, const ScanRules& rules) {
  Scanner s = in;
  const Token* first = s.peek();
  int weekday = -1;
  if (first != nullptr && first->kind == TokenKind::kWord) weekday = weekday_from_word(first->text);
  if (weekday >= 0) {
    s.accept(TokenKind::kWord);
    s.accept_punct('.', true);
    s.accept_punct(',');
  }
  std::optional<DateMatch> match = match_year_first(s);
  if (!match) match = match_numeric_day_month(s);
  if (!match) match = match_dashed_day_month_year(s, rules);
  if (!match) match = match_day_first(s, rules);
  if (!match) match = match_month_first(s, rules);
  if (!match) return std::nullopt;
  match->weekday = weekday;
  in = s;
  return match;
}

std::optional<ArticleDate> to_article_date(const DateMatch& match, DateSource source) {
  if (!is_valid_date(match.date)) return std::nullopt;
  std::int64_t seconds = days_from_civil(match.date) * kSecondsPerDay;
  if (match.time) {
    seconds += match.time->hour * 3600 + match.time->minute * 60 + match.time->second -
               match.time->offset_minutes * 60;
  }
  return ArticleDate{seconds, match.time.has_value(), source};
}

// ---------------------------------------------------------------------------------------
// Datelines

bool is_label_word(std::string_view word) {
  constexpr std::array<std::string_view, 10> kLabels = {
      "published", "updated", "posted", "modified", "created",
      "dated",     "date",    "first",  "last",     "issued"};
  return is_one_of(word, kLabels);
}

bool looks_capitalised(std::string_view word) {
  const auto c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Whether tokens[index] can sit before a date on a dateline: a place or agency in capitals,
// a label ("Published", "Posted on"), or punctuation. A lower-case word or a number means
// the line is a sentence, and a date later in it is about the story.
bool fits_dateline_prefix(std::span<const Token> tokens, std::size_t index) {
  const Token& token = tokens[index];
  switch (token.kind) {
    case TokenKind::kPunct:
      return true;
    case TokenKind::kNumber:
      return false;
    case TokenKind::kWord:
      if (looks_capitalised(token.text) || is_label_word(token.text)) return true;
      return iequals_ascii(token.text, "on") && index > 0 &&
             tokens[index - 1].kind == TokenKind::kWord && is_label_word(tokens[index - 1].text);
  }
  return false;
}

// Whether a date may begin at tokens[index]: at the line start, or right after a separator
// ("DOHA, ", "(AP) - ", "Published: ") or a label ("Updated ", "Posted on ").
bool may_start_date(std::span<const Token> tokens, std::size_t index) {
  if (index == 0) return true;
  const Token& before = tokens[index - 1];
  if (before.kind == TokenKind::kWord) {
    return is_label_word(before.text) ||
           (iequals_ascii(before.text, "on") && index > 1 && is_label_word(tokens[index - 2].text));
  }
  return is_punct(before, ',') || is_punct(before, ':') || is_punct(before, ';') ||
         is_punct(before, ')') || is_punct(before, '|') || is_dash(before);
}

// A date without a year counts only where a dateline would end it: "Feb 7 (Reuters) -",
// "Feb 7 -", not "May 5 people were hurt".
bool ends_dateline(const Scanner& after) {
  const Token* next = after.peek();
  return next == nullptr || is_punct(*next, '(') || is_punct(*next, ',') || is_punct(*next, ':') ||
         is_punct(*next, '|') || is_dash(*next);
}

// A word in capitals, as a wire dateline writes its place: "LONDON", "SÃO".
bool is_capitals_word(const Token& token) {
  if (token.kind != TokenKind::kWord || token.text.size() < 2) return false;
  bool any_capital = false;
  for (char c : token.text) {
    if (c >= 'a' && c <= 'z') return false;
    any_capital = any_capital || (c >= 'A' && c <= 'Z');
  }
  return any_capital;
}

// Whether only words in capitals come before tokens[index]: the place of a dateline
// written without a comma ("LONDON 1996-12-06", "NEW YORK 6 December 1996 -").
bool follows_capitals_place(std::span<const Token> tokens, std::size_t index) {
  if (index == 0) return false;
  for (std::size_t i = 0; i < index; ++i) {
    if (!is_capitals_word(tokens[i])) return false;
  }
  return true;
}

// Whether a year-less day and month could be a day in some year (29 February can).
bool is_possible_month_day(const CivilDate& date) {
  constexpr int kLeapYear = 2000;
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= days_in_month(kLeapYear, date.month);
}

// The first date that a line gives as a dateline or date line: a valid date with its year,
// or a year-less dateline (year 0) that could be a real day.
std::optional<DateMatch> find_date_in_line(std::span<const Token> tokens) {
  for (std::size_t index = 0; index < tokens.size() && index <= kMaxDatelinePrefixTokens; ++index) {
    if (index > 0 && !fits_dateline_prefix(tokens, index - 1)) break;
    // Right after a place in capitals with no separator between ("LONDON 1996-12-06"),
    // a date counts when it is a whole ISO date or ends the dateline ("NEW YORK 6 December
    // 1996 -"): "UK 7 March 1998 the mill..." is a sentence.
    const bool separated = may_start_date(tokens, index);
    if (!separated && !follows_capitals_place(tokens, index)) continue;
    Scanner scanner(tokens, index);
    std::optional<DateMatch> match = match_date(scanner, kTextRules);
    if (!match) continue;
    const bool ends_line = ends_dateline(scanner);
    const bool iso = tokens[index].kind == TokenKind::kNumber && tokens[index].text.size() == 4;
    if (!separated && !ends_line && !iso) continue;
    if (match->date.year == 0) {
      if (ends_line && is_possible_month_day(match->date)) return match;
    } else if (is_valid_date(match->date)) {
      return match;
    }
  }
  return std::nullopt;
}

// The head of a text, cut back to white space so no date is read from half a word.
std::string_view leading_window(std::string_view text) {
  if (text.size() <= kTextWindowBytes) return text;
  std::size_t end = kTextWindowBytes;
  while (end > 0 && static_cast<unsigned char>(text[end]) > ' ') --end;
  return text.substr(0, end);
}

// What the first lines of a text say about its date.
struct HeadDates {
  std::optional<DateMatch> first;  // the first dateline or date line
  std::optional<DateMatch> dated;  // when `first` has no year: the first later one that has
};

HeadDates scan_head(std::string_view text) {
  HeadDates head;
  std::string_view window = leading_window(text);
  int lines = 0;
  while (!window.empty() && lines < kTextWindowLines) {
    const std::size_t end = window.find_first_of("\r\n");
    const std::string_view line = window.substr(0, end);
    window.remove_prefix(end == std::string_view::npos ? window.size() : end + 1);
    const std::vector<Token> tokens = tokenize(line);
    if (tokens.empty()) continue;
    ++lines;
    std::optional<DateMatch> match = find_date_in_line(tokens);
    if (!match) continue;
    if (!head.first) {
      head.first = match;
      if (match->date.year != 0) break;
    } else if (match->date.year != 0) {
      head.dated = match;
      break;
    }
  }
  return head;
}

// ---------------------------------------------------------------------------------------
// Years for year-less datelines

// 0 (Monday) to 6 (Sunday): 1 January 1970 was a Thursday.
int weekday_of(const ArticleDate& date) {
  const std::int64_t days = floor_div(date.unix_seconds, kSecondsPerDay);
  return static_cast<int>((days % 7 + 7 + 3) % 7);
}

// `dateline` in `year`; nullopt when that is no real day (29 February) or not the weekday
// the line names ("Tuesday, 1 March" is no day of 2026): a year that contradicts the text
// is no year of it.
std::optional<ArticleDate> in_year(DateMatch dateline, int year, DateSource source) {
  dateline.date.year = year;
  std::optional<ArticleDate> date = to_article_date(dateline, source);
  if (date && dateline.weekday >= 0 && weekday_of(*date) != dateline.weekday) return std::nullopt;
  return date;
}

// `dateline` in the year that puts it nearest `reference`: "Dec 31" near 2 January 1997 is
// 31 December 1996. A story and the other dates of its article, or the date folder it was
// filed under, lie days apart, not months: none more than half a year away counts.
std::optional<ArticleDate> nearest_to(const DateMatch& dateline, const CivilDate& reference,
                                      DateSource source) {
  const std::int64_t reference_day = days_from_civil(reference);
  std::optional<ArticleDate> best;
  std::int64_t best_distance = 0;
  for (int year = reference.year - 1; year <= reference.year + 1; ++year) {
    std::optional<ArticleDate> date = in_year(dateline, year, source);
    if (!date) continue;
    const std::int64_t day = floor_div(date->unix_seconds, kSecondsPerDay);
    const std::int64_t distance = day > reference_day ? day - reference_day : reference_day - day;
    if (distance <= kMaxYearlessDistanceDays && (!best || distance < best_distance)) {
      best = date;
      best_distance = distance;
    }
  }
  return best;
}

// `dateline` in the latest year that puts it on or before `last_day` (days since the
// epoch): a file is written after the story it holds. Eight years back always reach a
// 29 February. Only that year is guessed: when the weekday the line names disagrees, an
// older year that happens to fit would be a coincidence, not evidence.
std::optional<ArticleDate> latest_not_after(const DateMatch& dateline, std::int64_t last_day,
                                            DateSource source) {
  DateMatch any_weekday = dateline;
  any_weekday.weekday = -1;
  const int year = civil_from_days(last_day).year;
  for (int candidate = year; candidate >= year - 8; --candidate) {
    std::optional<ArticleDate> date = in_year(any_weekday, candidate, source);
    if (date && floor_div(date->unix_seconds, kSecondsPerDay) <= last_day) {
      return in_year(dateline, candidate, source);
    }
  }
  return std::nullopt;
}

// The year of metadata that names only a year or a month ("1996", "1996-12"); 0 otherwise.
int metadata_year(std::string_view metadata) {
  const std::vector<Token> tokens = tokenize(metadata);
  Scanner s(tokens, 0);
  std::optional<int> year = s.accept_number(4, 4);
  if (!year) return 0;
  if (!s.at_end()) {
    if (!s.accept_punct('-', true) || !s.accept_number(1, 2, true) || !s.at_end()) return 0;
  }
  return *year >= kMinYear && *year <= kMaxYear ? *year : 0;
}

// The year of a year-less dateline, from the best evidence there is; see
// resolve_article_date.
std::optional<ArticleDate> date_yearless_dateline(const DateMatch& dateline, const HeadDates& head,
                                                  const DateEvidence& evidence) {
  if (head.dated) {
    if (auto date = nearest_to(dateline, head.dated->date, DateSource::kText)) return date;
  }
  if (int year = metadata_year(evidence.metadata); year != 0) {
    if (auto date = in_year(dateline, year, DateSource::kText)) return date;
  }
  if (std::optional<ArticleDate> path = find_date_in_path(evidence.path)) {
    const CivilDate reference = civil_from_days(floor_div(path->unix_seconds, kSecondsPerDay));
    if (auto date = nearest_to(dateline, reference, DateSource::kPathYear)) return date;
  }
  if (int year = find_year_in_path(evidence.path); year != 0) {
    if (auto date = in_year(dateline, year, DateSource::kPathYear)) return date;
  }
  if (evidence.file_mtime > 0) {
    // A day of slack: a dateline's local day may be ahead of the file's UTC time.
    const std::int64_t last_day =
        floor_div(static_cast<std::int64_t>(evidence.file_mtime), kSecondsPerDay) + 1;
    if (auto date = latest_not_after(dateline, last_day, DateSource::kMtimeYear)) return date;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------
// Paths

std::optional<ArticleDate> path_date(int year, int month, int day) {
  return to_article_date({{year, month, day}, std::nullopt}, DateSource::kPath);
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Three path components "2024/02/07" or "2024/feb/07"; the day component may go on as a
// file name ("07-storm.html") but not with more digits or letters.
std::optional<ArticleDate> date_from_components(std::string_view year, std::string_view month,
                                                std::string_view day) {
  if (year.size() != 4 || !all_digits(year)) return std::nullopt;
  int month_value = month_from_word(month);
  if (month_value == 0) {
    if (month.empty() || month.size() > 2 || !all_digits(month)) return std::nullopt;
    month_value = parse_digits(month);
  }
  std::size_t day_digits = 0;
  while (day_digits < day.size() && is_digit(day[day_digits])) ++day_digits;
  if (day_digits == 0 || day_digits > 2) return std::nullopt;
  if (day_digits < day.size() && is_ascii_alpha(day[day_digits])) return std::nullopt;
  return path_date(parse_digits(year), month_value, parse_digits(day.substr(0, day_digits)));
}

// "20240207" or "2024-02-07" (also with '_' or '.') inside one component, bounded by
// non-digits so that longer numbers ("120240207") are not read as dates. The rightmost
// valid date wins.
std::optional<ArticleDate> date_in_component(std::string_view component) {
  struct DigitRun {
    std::size_t start;
    std::string_view digits;
  };
  std::vector<DigitRun> runs;
  for (std::size_t pos = 0; pos < component.size();) {
    if (!is_digit(component[pos])) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < component.size() && is_digit(component[pos])) ++pos;
    runs.push_back({start, component.substr(start, pos - start)});
  }
  const auto separator_between = [&](const DigitRun& left, const DigitRun& right) {
    const std::size_t end = left.start + left.digits.size();
    return right.start == end + 1 ? component[end] : '\0';
  };
  for (std::size_t i = runs.size(); i-- > 0;) {
    const std::string_view digits = runs[i].digits;
    if (digits.size() == 8) {
      if (std::optional<ArticleDate> date =
              path_date(parse_digits(digits.substr(0, 4)), parse_digits(digits.substr(4, 2)),
                        parse_digits(digits.substr(6, 2)))) {
        return date;
      }
    }
    if (i < 2 || digits.size() != 2 || runs[i - 1].digits.size() != 2 ||
        runs[i - 2].digits.size() != 4) {
      continue;
    }
    const char separator = separator_between(runs[i - 2], runs[i - 1]);
    if ((separator != '-' && separator != '_' && separator != '.') ||
        separator_between(runs[i - 1], runs[i]) != separator) {
      continue;
    }
    if (std::optional<ArticleDate> date =
            path_date(parse_digits(runs[i - 2].digits), parse_digits(runs[i - 1].digits),
                      parse_digits(digits))) {
      return date;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> components;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    components.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return components;
}

std::string format_date(const char* format, const CivilDate& date) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, format, date.year, date.month, date.day);
  return buffer;
}

}  // namespace

std::optional<ArticleDate> parse_date_text(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  Scanner scanner(tokens, 0);
  std::optional<DateMatch> match = match_date(scanner, kMetadataRules);
  if (!match) return std::nullopt;
  // RFC 2822 allows a trailing comment naming the zone: "-0800 (PST)".
  Scanner comment = scanner;
  if (comment.accept_punct('(') && comment.accept(TokenKind::kWord) && comment.accept_punct(')')) {
    scanner = comment;
  }
  if (!scanner.at_end()) return std::nullopt;
  return to_article_date(*match, DateSource::kMetadata);
}

std::optional<ArticleDate> find_date_in_text(std::string_view text, int fallback_year) {
  const HeadDates head = scan_head(text);
  if (!head.first) return std::nullopt;
  if (head.first->date.year != 0) return to_article_date(*head.first, DateSource::kText);
  if (head.dated) {
    if (auto date = nearest_to(*head.first, head.dated->date, DateSource::kText)) return date;
  }
  if (fallback_year != 0) return in_year(*head.first, fallback_year, DateSource::kText);
  return std::nullopt;
}

std::optional<ArticleDate> find_date_in_path(std::string_view path) {
  // The date nearest the file name wins: a folder higher up may be a snapshot or an import
  // date rather than the article's.
  const std::vector<std::string_view> components = split_path(path);
  for (std::size_t i = components.size(); i-- > 0;) {
    if (std::optional<ArticleDate> date = date_in_component(components[i])) return date;
    if (i >= 2) {
      if (std::optional<ArticleDate> date =
              date_from_components(components[i - 2], components[i - 1], components[i])) {
        return date;
      }
    }
  }
  return std::nullopt;
}

int find_year_in_path(std::string_view path) {
  const std::vector<std::string_view> components = split_path(path);
  // The last component is the file; the folder nearest it wins, as in find_date_in_path.
  for (std::size_t i = components.size() - 1; i-- > 0;) {
    const std::string_view folder = components[i];
    if (folder.size() != 4 || !all_digits(folder)) continue;
    const int year = parse_digits(folder);
    if (year >= kMinYear && year <= kMaxYear) return year;
  }
  return 0;
}

std::optional<ArticleDate> resolve_article_date(const DateEvidence& evidence) {
  if (std::optional<ArticleDate> date = parse_date_text(evidence.metadata)) return date;
  const HeadDates head = scan_head(evidence.text);
  if (head.first && head.first->date.year != 0) {
    return to_article_date(*head.first, DateSource::kText);
  }
  if (head.first) {
    if (auto date = date_yearless_dateline(*head.first, head, evidence)) return date;
    // A 29 February no year could hold: the later dated line is still the article's.
    if (head.dated) return to_article_date(*head.dated, DateSource::kText);
  }
  return find_date_in_path(evidence.path);
}

std::string day_key(const ArticleDate& date) {
  return format_date("%04d%02d%02d", civil_from_days(floor_div(date.unix_seconds, kSecondsPerDay)));
}

std::string iso_date(const ArticleDate& date) {
  const std::int64_t days = floor_div(date.unix_seconds, kSecondsPerDay);
  std::string text = format_date("%04d-%02d-%02d", civil_from_days(days));
  if (!date.has_time) return text;
  const std::int64_t seconds = date.unix_seconds - days * kSecondsPerDay;
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02dZ", static_cast<int>(seconds / 3600),
                static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
  return text + buffer;
}

std::string_view date_source_name(DateSource source) {
  switch (source) {
    case DateSource::kMetadata:
      return "metadata";
    case DateSource::kText:
      return "text";
    case DateSource::kPath:
      return "path";
    case DateSource::kPathYear:
      return "path-year";
    case DateSource::kMtimeYear:
      return "mtime-year";
  }
  return "metadata";
}

}  // namespace newsdex
