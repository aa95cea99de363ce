// Tests of article dates: metadata strings, datelines in text, dates in paths, formatting.
#include "newsdex/article_date.h"

#include <gtest/gtest.h>

#include <ctime>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace newsdex {

// Readable failure messages. Internal linkage: only this file prints them.
static void PrintTo(const ArticleDate& date, std::ostream* out) {
  *out << iso_date(date) << " (" << date.unix_seconds << ", " << date_source_name(date.source)
       << ")";
}

namespace {

// The expected instant, computed by the C library rather than by the code under test.
std::int64_t utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) {
  std::tm fields{};
  fields.tm_year = year - 1900;
  fields.tm_mon = month - 1;
  fields.tm_mday = day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  fields.tm_sec = second;
  return static_cast<std::int64_t>(timegm(&fields));
}

ArticleDate day_of(int year, int month, int day, DateSource source) {
  return {utc(year, month, day), false, source};
}

ArticleDate time_of(int year, int month, int day, int hour, int minute, int second,
                    DateSource source) {
  return {utc(year, month, day, hour, minute, second), true, source};
}

constexpr DateSource kMeta = DateSource::kMetadata;
constexpr DateSource kText = DateSource::kText;
constexpr DateSource kPath = DateSource::kPath;

struct DateCase {
  std::string name;
  std::string input;
  std::optional<ArticleDate> expected;
};

std::ostream& operator<<(std::ostream& out, const DateCase& c) { return out << c.name; }

template <typename Case>
std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  return info.param.name;
}

// ---------------------------------------------------------------------------------------
// parse_date_text

const DateCase kParseCases[] = {
    // ISO 8601.
    {"IsoDate", "2024-02-07", day_of(2024, 2, 7, kMeta)},
    {"IsoDateSurroundingSpace", "  2024-02-07 \n", day_of(2024, 2, 7, kMeta)},
    {"IsoDateTimeZulu", "2024-02-07T10:15:00Z", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"IsoLowerCaseSeparators", "2024-02-07t10:15:00z", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"IsoDateTimeWithoutSeconds", "2024-02-07T10:15Z", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"IsoDateTimeWithoutZoneIsUtc", "2024-02-07T10:15:30", time_of(2024, 2, 7, 10, 15, 30, kMeta)},
    {"IsoSpaceSeparatorAndOffset", "2024-02-07 10:15:00+01:00",
     time_of(2024, 2, 7, 9, 15, 0, kMeta)},
    {"IsoFractionAndNegativeOffset", "2024-02-07T10:15:00.123456-05:00",
     time_of(2024, 2, 7, 15, 15, 0, kMeta)},
    {"IsoMillisecondsZulu", "2024-02-07T10:15:42.500Z", time_of(2024, 2, 7, 10, 15, 42, kMeta)},
    {"IsoCompactOffset", "2024-02-07T10:15:00+0100", time_of(2024, 2, 7, 9, 15, 0, kMeta)},
    {"IsoHalfHourOffset", "2024-02-07T10:15:00+05:30", time_of(2024, 2, 7, 4, 45, 0, kMeta)},
    {"OffsetMovesToPreviousDay", "2024-02-07T01:30:00+02:30", time_of(2024, 2, 6, 23, 0, 0, kMeta)},
    {"OffsetMovesToNextDay", "2024-02-07T23:30:00-02:00", time_of(2024, 2, 8, 1, 30, 0, kMeta)},
    {"OffsetMovesToNextYear", "2023-12-31T22:00:00-03:00", time_of(2024, 1, 1, 1, 0, 0, kMeta)},
    {"SlashYearFirst", "2024/02/07", day_of(2024, 2, 7, kMeta)},
    {"SlashYearFirstSingleDigits", "2024/2/7", day_of(2024, 2, 7, kMeta)},
    // RFC 2822.
    {"Rfc2822Gmt", "Wed, 07 Feb 2024 10:15:00 GMT", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"Rfc2822Ut", "Wed, 7 Feb 2024 10:15:00 UT", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"Rfc2822ZeroOffset", "Wed, 07 Feb 2024 10:15:00 +0000", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"Rfc2822OffsetWithComment", "Wed, 07 Feb 2024 10:15:00 -0800 (PST)",
     time_of(2024, 2, 7, 18, 15, 0, kMeta)},
    {"Rfc2822Est", "Wed, 07 Feb 2024 10:15:00 EST", time_of(2024, 2, 7, 15, 15, 0, kMeta)},
    {"Rfc2822Pdt", "Fri, 07 Jun 2024 10:15 PDT", time_of(2024, 6, 7, 17, 15, 0, kMeta)},
    {"Rfc2822WithoutWeekday", "07 Feb 2024 10:15:00 +0100", time_of(2024, 2, 7, 9, 15, 0, kMeta)},
    {"BritishSummerTime", "7 June 2024 10:15 BST", time_of(2024, 6, 7, 9, 15, 0, kMeta)},
    {"GmtWithOffset", "7 Feb 2024 10:15 GMT+01:00", time_of(2024, 2, 7, 9, 15, 0, kMeta)},
    // English day and month names.
    {"DayMonthYear", "7 February 2024", day_of(2024, 2, 7, kMeta)},
    {"MonthDayCommaYear", "February 7, 2024", day_of(2024, 2, 7, kMeta)},
    {"AbbreviatedMonthDayYear", "Feb 7 2024", day_of(2024, 2, 7, kMeta)},
    {"AbbreviationWithDot", "Feb. 7, 2024", day_of(2024, 2, 7, kMeta)},
    {"Sept", "Sept 7 2023", day_of(2023, 9, 7, kMeta)},
    {"SeptWithDotUpperCase", "7 SEPT. 2023", day_of(2023, 9, 7, kMeta)},
    {"LowerCaseMonth", "7 sep 2023", day_of(2023, 9, 7, kMeta)},
    {"DayMonthCommaYear", "7 Feb, 2024", day_of(2024, 2, 7, kMeta)},
    {"WeekdayMonthDayYear", "Wednesday, February 7, 2024", day_of(2024, 2, 7, kMeta)},
    {"WeekdayDayOrdinalMonth", "Wednesday 7th February 2024", day_of(2024, 2, 7, kMeta)},
    {"AbbreviatedWeekdayWithDot", "Wed. 7 Feb 2024", day_of(2024, 2, 7, kMeta)},
    {"OrdinalOfMonth", "1st of March 2024", day_of(2024, 3, 1, kMeta)},
    {"MonthDayOrdinal", "February 22nd, 2024", day_of(2024, 2, 22, kMeta)},
    {"DayMonthYearTime", "7 February 2024 10:15", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"DayMonthYearTimeGmt", "7 February 2024 10:15 GMT", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"DotTimeWithAm", "7 February 2024 10.15am", time_of(2024, 2, 7, 10, 15, 0, kMeta)},
    {"CommaTimePm", "February 7, 2024, 3:05 pm", time_of(2024, 2, 7, 15, 5, 0, kMeta)},
    {"AtTimeDottedAmAfterMidnight", "February 7, 2024 at 12:30 a.m.",
     time_of(2024, 2, 7, 0, 30, 0, kMeta)},
    {"HourPmNoon", "7 Feb 2024 12pm", time_of(2024, 2, 7, 12, 0, 0, kMeta)},
    {"TimeWithEasternZone", "Feb 7, 2024 5:45 PM EST", time_of(2024, 2, 7, 22, 45, 0, kMeta)},
    // Numeric day and month, only when unambiguous.
    {"DayAbove12DayFirst", "13/02/2024", day_of(2024, 2, 13, kMeta)},
    {"DayAbove12MonthFirst", "02/13/2024", day_of(2024, 2, 13, kMeta)},
    {"SameDayAndMonth", "07/07/2024", day_of(2024, 7, 7, kMeta)},
    {"DottedDayFirst", "25.12.2023", day_of(2023, 12, 25, kMeta)},
    // Calendar edges.
    {"LeapDay", "29 February 2024", day_of(2024, 2, 29, kMeta)},
    {"LeapDayFourHundredYears", "2000-02-29", day_of(2000, 2, 29, kMeta)},
    {"FirstYear", "1900-01-01", day_of(1900, 1, 1, kMeta)},
    {"LastYear", "2100-12-31", day_of(2100, 12, 31, kMeta)},
    {"DayThirtyOne", "31 March 2024", day_of(2024, 3, 31, kMeta)},
    // Day, month name and year joined by dashes, as wire headers write them.
    {"DashedDayMonthYearWithTime", "26-FEB-1987 15:01:01.79",
     time_of(1987, 2, 26, 15, 1, 1, kMeta)},
    {"DashedLowerCaseMonth", "6-dec-1996", day_of(1996, 12, 6, kMeta)},
    // Rejected.
    {"Empty", "", std::nullopt},
    {"OnlySpace", "   ", std::nullopt},
    {"RandomText", "council approves budget", std::nullopt},
    {"SharePrice", "Share price 12.50", std::nullopt},
    {"DecimalNumber", "12.50", std::nullopt},
    {"BareYear", "2024", std::nullopt},
    {"MonthAndYearOnly", "Feb 2024", std::nullopt},
    {"NoYear", "Feb 7", std::nullopt},
    {"SentenceWithYear", "In 2019, sales rose 12 per cent", std::nullopt},
    {"NotLeapYear", "2023-02-29", std::nullopt},
    {"CenturyNotLeapYear", "1900-02-29", std::nullopt},
    {"ThirtyFirstApril", "31 April 2024", std::nullopt},
    {"ThirtyFirstAprilIso", "2024-04-31", std::nullopt},
    {"MonthThirteen", "2024-13-01", std::nullopt},
    {"MonthZero", "2024-00-10", std::nullopt},
    {"DayZero", "0 Feb 2024", std::nullopt},
    {"YearTooEarly", "1850-01-01", std::nullopt},
    {"YearTooEarlyWritten", "7 February 1850", std::nullopt},
    {"YearTooLate", "2101-01-01", std::nullopt},
    {"AmbiguousDayMonth", "07/02/2024", std::nullopt},
    {"BothAbove12", "13/14/2024", std::nullopt},
    {"UnknownMonth", "7 Smarch 2024", std::nullopt},
    {"HourTooLarge", "2024-02-07T25:00:00Z", std::nullopt},
    {"MinuteTooLarge", "2024-02-07T10:60Z", std::nullopt},
    {"DanglingT", "2024-02-07T", std::nullopt},
    {"OffsetTooLarge", "2024-02-07T10:15:00+25:00", std::nullopt},
    {"PmHourAbove12", "7 Feb 2024 13pm", std::nullopt},
    {"TrailingWords", "2024-02-07 council meeting", std::nullopt},
    {"LeadingWords", "Published 2024-02-07", std::nullopt},
    {"TwoDigitYear", "07 Feb 24", std::nullopt},
    {"SpacedIsoParts", "2024 - 02 - 07", std::nullopt},
    {"DashedWithoutYear", "6-Dec", std::nullopt},
    {"DashedTwoDigitYear", "6-Dec-96", std::nullopt},
    {"DashedSpacedMonth", "6- Dec-1996", std::nullopt},
};

class ArticleDateParseText : public ::testing::TestWithParam<DateCase> {};

TEST_P(ArticleDateParseText, Parses) {
  const DateCase& c = GetParam();
  EXPECT_EQ(parse_date_text(c.input), c.expected) << c.input;
}

INSTANTIATE_TEST_SUITE_P(ArticleDate, ArticleDateParseText, ::testing::ValuesIn(kParseCases),
                         case_name<DateCase>);

// iso_date's output is itself a date that parse_date_text reads back unchanged.
TEST(ArticleDateParseTextRoundTrip, IsoDateOutputParsesBack) {
  for (const DateCase& c : kParseCases) {
    if (!c.expected) continue;
    SCOPED_TRACE(c.name);
    EXPECT_EQ(parse_date_text(iso_date(*c.expected)), c.expected);
  }
}

// ---------------------------------------------------------------------------------------
// find_date_in_text

struct TextCase {
  std::string name;
  std::string text;
  int fallback_year;
  std::optional<ArticleDate> expected;
};

std::ostream& operator<<(std::ostream& out, const TextCase& c) { return out << c.name; }

const std::string kEmDash = "\xE2\x80\x94";

const TextCase kTextCases[] = {
    {"ReutersDatelineUsesFallbackYear",
     "DOHA, Feb 7 (Reuters) - Gas exports from the port rose for a third month.", 2024,
     day_of(2024, 2, 7, kText)},
    {"ReutersDatelineWithoutFallbackYear",
     "DOHA, Feb 7 (Reuters) - Gas exports from the port rose for a third month.", 0, std::nullopt},
    {"TwoWordPlaceDateline", "NEW YORK, Feb 7 (Reuters) - Stocks ended the day flat.", 2024,
     day_of(2024, 2, 7, kText)},
    {"DatelineWithYear", "LONDON, 7 February 2024 - The council agreed a new budget.", 0,
     day_of(2024, 2, 7, kText)},
    {"DatelineYearBeatsFallback", "LONDON, 7 February 2023 - The council agreed a budget.", 2024,
     day_of(2023, 2, 7, kText)},
    {"AgencyDatelineWithEmDashes",
     "WASHINGTON (AP) " + kEmDash + " Feb. 7, 2024 " + kEmDash + " Lawmakers met again.", 0,
     day_of(2024, 2, 7, kText)},
    {"DateLineAfterTitle",
     "Harbour Bridge Reopens\n\nWednesday 7 February 2024\n\nThe old bridge opened again.", 0,
     day_of(2024, 2, 7, kText)},
    {"PublishedIsoDate", "Harbour Bridge Reopens\nPublished: 2024-02-07\n\nThe bridge opened.", 0,
     day_of(2024, 2, 7, kText)},
    {"UpdatedWithTime", "Rail Strike Called Off\nUpdated 7 Feb 2024 10:15 GMT\n\nTalks ended.", 0,
     time_of(2024, 2, 7, 10, 15, 0, kText)},
    {"UpdatedWithDotTime", "Rail Strike Called Off\nUpdated 7 Feb 2024 10.15am\n\nTalks ended.", 0,
     time_of(2024, 2, 7, 10, 15, 0, kText)},
    {"BylineThenPostedOn",
     "Ferry Fares To Rise\nBy Ann Lee | Posted on February 7, 2024\n\nFares go up in March.", 0,
     day_of(2024, 2, 7, kText)},
    {"LastUpdatedLabel", "Ferry Fares To Rise\nLast updated: 13/02/2024\n", 0,
     day_of(2024, 2, 13, kText)},
    {"CrlfLines", "Ferry Fares To Rise\r\n\r\nPublished: 2024-02-07\r\n", 0,
     day_of(2024, 2, 7, kText)},
    {"DatelineBeatsLaterYearInSentence",
     "Ferry Fares To Rise\nLONDON, Feb 7 (Reuters) - Fares last rose on 7 March 2019.", 2024,
     day_of(2024, 2, 7, kText)},
    {"YearlessDatelineTakesYearOfLaterDateLine",
     "DOHA, Feb 7 (Reuters) - Exports rose.\nPublished: 2024-02-08", 0, day_of(2024, 2, 7, kText)},
    {"YearlessDatelineTakesNearestYearOverNewYear",
     "LONDON, Dec 31 (Reuter) - Markets closed early.\nPublished: 1997-01-02", 0,
     day_of(1996, 12, 31, kText)},
    {"LaterDateLineBeatsFallbackYear",
     "DOHA, Feb 7 (Reuters) - Exports rose.\nPublished: 2024-02-08", 2019,
     day_of(2024, 2, 7, kText)},
    {"ReuterDatelineUsesFallbackYear",
     "Grain Futures Firm\n\nCHICAGO, Dec 6 (Reuter) - Grain futures closed firmer.", 1996,
     day_of(1996, 12, 6, kText)},
    {"ReuterDatelineWithoutFallbackYear",
     "Grain Futures Firm\n\nCHICAGO, Dec 6 (Reuter) - Grain futures closed firmer.", 0,
     std::nullopt},
    {"FirstDateLineWinsOverLaterDateline",
     "26-FEB-1987 15:01:01.79\nGrain Futures Firm\nCHICAGO, Feb 26 (Reuter) - Futures rose.", 0,
     time_of(1987, 2, 26, 15, 1, 1, kText)},
    // Wire datelines that give a year: a place in capitals, then the date.
    {"CapitalsPlaceIsoDateOnItsOwnLine", "Shares Rise\n\nLONDON 1996-12-06\n\nShares rose.", 0,
     day_of(1996, 12, 6, kText)},
    {"CapitalsPlaceIsoDateThenText", "CITY 1996-12-06 The council met on Friday.", 0,
     day_of(1996, 12, 6, kText)},
    {"TwoWordCapitalsPlaceIsoDateThenDash", "NEW YORK 1996-12-06 - Stocks fell.", 0,
     day_of(1996, 12, 6, kText)},
    {"CapitalsPlaceCommaWrittenDate", "LONDON, 6 December 1996 - Shares rose.", 0,
     day_of(1996, 12, 6, kText)},
    {"CapitalsPlaceWrittenDateThenDash", "LONDON 6 December 1996 - Shares rose.", 0,
     day_of(1996, 12, 6, kText)},
    {"CapitalsPlaceNonAsciiLetters", "S\xC3\x83O PAULO 1996-12-06 - Coffee rose.", 0,
     day_of(1996, 12, 6, kText)},
    {"CapitalsWordThenWrittenDateInSentence", "UK 7 March 1998 the mill opened.\n", 0,
     std::nullopt},
    {"TitleCaseWordThenIsoDate", "Report 1996-12-06 shows a loss.\n", 0, std::nullopt},
    {"CapitalsPlaceYearlessDateInSentence", "LONDON May 5 people were hurt.\n", 2024, std::nullopt},
    {"LeapDayFromFallbackYear", "LONDON, Feb 29 - Leap year babies celebrated.", 2024,
     day_of(2024, 2, 29, kText)},
    {"LeapDayInNonLeapFallbackYear", "LONDON, Feb 29 - Leap year babies celebrated.", 2023,
     std::nullopt},
    {"ImpossibleDay", "LONDON, Feb 30 (Reuters) - Markets were closed.", 2024, std::nullopt},
    {"YearInSentence", "Sales Report\n\nIn 2019, sales rose 12 per cent.\n", 2024, std::nullopt},
    {"SharePrice", "Share price 12.50 at the close\n", 2024, std::nullopt},
    {"DateInsideSentence", "Mill Closes\nThe mill was founded on 7 March 1998 in Leeds.\n", 0,
     std::nullopt},
    {"CapitalisedWordBeforeDateWithoutSeparator", "On 7 March 1998 the mill opened.\n", 0,
     std::nullopt},
    {"MayAsVerb", "Fans may 5 times renew.\n", 2024, std::nullopt},
    {"YearlessMonthNotAtDatelineEnd", "LONDON, May 5 people were hurt in the crash.", 2024,
     std::nullopt},
    {"DateAfterFifthNonEmptyLine", "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nPublished: 2024-02-07\n",
     0, std::nullopt},
    {"DateOnFifthNonEmptyLine", "One\n\nTwo\n\nThree\n\nFour\n\nPublished: 2024-02-07\n", 0,
     day_of(2024, 2, 7, kText)},
    {"DateBeyondWindow", std::string(610, 'x') + "\nPublished: 2024-02-07\n", 0, std::nullopt},
    {"DateCutByWindowEdgeIgnored", std::string(590, 'x') + "\n2024-02-17\n", 0, std::nullopt},
    {"DateEndingAtWindowEdge", std::string(589, 'x') + "\n2024-02-17\n", 0,
     day_of(2024, 2, 17, kText)},
    {"Empty", "", 2024, std::nullopt},
};

class ArticleDateFindInText : public ::testing::TestWithParam<TextCase> {};

TEST_P(ArticleDateFindInText, Finds) {
  const TextCase& c = GetParam();
  EXPECT_EQ(find_date_in_text(c.text, c.fallback_year), c.expected);
}

INSTANTIATE_TEST_SUITE_P(ArticleDate, ArticleDateFindInText, ::testing::ValuesIn(kTextCases),
                         case_name<TextCase>);

// ---------------------------------------------------------------------------------------
// find_date_in_path

const DateCase kPathCases[] = {
    {"YearMonthDayFolders", "news/2024/02/07/storm.html", day_of(2024, 2, 7, kPath)},
    {"YearMonthDayTrailingSlash", "2024/02/07/", day_of(2024, 2, 7, kPath)},
    {"YearMonthDayAtEnd", "archive/2024/02/07", day_of(2024, 2, 7, kPath)},
    {"SingleDigitFolders", "archive/2024/2/7/a.txt", day_of(2024, 2, 7, kPath)},
    {"MonthNameFolder", "world/2024/feb/07/ferry-fares", day_of(2024, 2, 7, kPath)},
    {"DayFolderWithSlug", "world/2024/02/07-ferry-fares.html", day_of(2024, 2, 7, kPath)},
    {"IsoInFileName", "business/2024-02-07-rail-strike.txt", day_of(2024, 2, 7, kPath)},
    {"UnderscoresInFileName", "business/story_2024_02_07.json", day_of(2024, 2, 7, kPath)},
    {"CompactInFileName", "business/rail-strike-20240207.txt", day_of(2024, 2, 7, kPath)},
    {"CompactFolder", "20240207/story.txt", day_of(2024, 2, 7, kPath)},
    {"DateNearestFileWins", "import-2019-05-01/2024/02/07/story.html", day_of(2024, 2, 7, kPath)},
    {"InvalidLaterDateSkipped", "2024/02/07/id-20241399.txt", day_of(2024, 2, 7, kPath)},
    {"LongerDigitRun", "x120240207.txt", std::nullopt},
    {"NineDigitId", "story-202402071.txt", std::nullopt},
    {"YearAndMonthOnly", "2024/02/", std::nullopt},
    {"YearMonthThenFile", "2024/02/story.html", std::nullopt},
    {"DayFolderRunsIntoLetters", "2024/02/07story/a.txt", std::nullopt},
    {"NotLeapYear", "2023/02/29/leap.html", std::nullopt},
    {"MonthThirteen", "2024/13/01/a.txt", std::nullopt},
    {"YearOutOfRange", "1850/01/01/a.txt", std::nullopt},
    {"MixedSeparators", "story-2024-02_07.txt", std::nullopt},
    {"NoDate", "sport/football/article.txt", std::nullopt},
    {"Empty", "", std::nullopt},
};

class ArticleDateFindInPath : public ::testing::TestWithParam<DateCase> {};

TEST_P(ArticleDateFindInPath, Finds) {
  const DateCase& c = GetParam();
  EXPECT_EQ(find_date_in_path(c.input), c.expected) << c.input;
}

INSTANTIATE_TEST_SUITE_P(ArticleDate, ArticleDateFindInPath, ::testing::ValuesIn(kPathCases),
                         case_name<DateCase>);

// ---------------------------------------------------------------------------------------
// find_year_in_path

TEST(ArticleDateFindYearInPath, YearFoldersOnly) {
  struct Case {
    std::string path;
    int year;
  };
  const Case cases[] = {
      {"reuters/1996/grain.txt", 1996},
      {"1996/12/story.txt", 1996},
      {"1995/1996/story.txt", 1996},  // the folder nearest the file
      {"1996/wire/story.txt", 1996},
      {"news/2024.txt", 0},  // a file name is no year folder
      {"news/19961/story.txt", 0},
      {"news/1850/story.txt", 0},
      {"news/2101/story.txt", 0},
      {"news/wire-1996/story.txt", 0},
      {"story.txt", 0},
      {"", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(find_year_in_path(c.path), c.year) << c.path;
  }
}

// ---------------------------------------------------------------------------------------
// resolve_article_date: an article's own date, or none

struct ResolveCase {
  std::string name;
  std::string metadata, text, path;
  double file_mtime;
  std::optional<ArticleDate> expected;
};

std::ostream& operator<<(std::ostream& out, const ResolveCase& c) { return out << c.name; }

constexpr DateSource kPathYear = DateSource::kPathYear;
constexpr DateSource kMtimeYear = DateSource::kMtimeYear;

// Late in the evening of 5 December 2026 (UTC): the file time of the cases below.
const double kFileTime = static_cast<double>(utc(2026, 12, 5, 22, 30));

const std::string kGrainText = "Grain Futures Firm\n\nCHICAGO, Dec 6 (Reuter) - Futures rose.\n";

const ResolveCase kResolveCases[] = {
    {"MetadataFirst", "2024-02-07", "LONDON 1996-12-06\n\nShares rose.\n", "2023/01/01/a.txt",
     kFileTime, day_of(2024, 2, 7, kMeta)},
    {"DatelineWithYear", "", "Shares Rise\n\nLONDON 1996-12-06\n\nShares rose.\n", "wire/a.txt",
     kFileTime, day_of(1996, 12, 6, kText)},
    {"DatelineBeatsPathDate", "", "LONDON 1996-12-06 - Shares rose.\n", "2024/02/07/a.txt",
     kFileTime, day_of(1996, 12, 6, kText)},
    {"UnparsableMetadataFallsThrough", "soon", "LONDON 1996-12-06 - Shares rose.\n", "a.txt",
     kFileTime, day_of(1996, 12, 6, kText)},
    // A year-less dateline: the year of the article's other dates, its path, its file time.
    {"YearlessYearFromLaterDateLine", "",
     "CHICAGO, Dec 6 (Reuter) - Futures rose.\nFiled: 1996-12-07\n", "reuters/2001/a.txt",
     kFileTime, day_of(1996, 12, 6, kText)},
    {"YearlessYearFromMetadataYear", "1996", kGrainText, "reuters/2001/a.txt", kFileTime,
     day_of(1996, 12, 6, kText)},
    {"YearlessYearFromMetadataMonth", "1996-12", kGrainText, "a.txt", kFileTime,
     day_of(1996, 12, 6, kText)},
    {"YearlessYearFromYearFolder", "", kGrainText, "reuters/1996/grain.txt", kFileTime,
     day_of(1996, 12, 6, kPathYear)},
    {"YearlessYearFromPathDateNearest", "", kGrainText, "wire/1997/01/02/grain.txt", kFileTime,
     day_of(1996, 12, 6, kPathYear)},
    {"YearlessYearGuessedFromFileTime", "", kGrainText, "wire/grain.txt", kFileTime,
     day_of(2026, 12, 6, kMtimeYear)},  // a day of slack for the dateline's time zone
    {"GuessedYearNeverAfterTheFile", "", "CHICAGO, Dec 7 (Reuter) - Futures rose.\n",
     "wire/grain.txt", kFileTime, day_of(2025, 12, 7, kMtimeYear)},
    {"GuessedYearFindsALeapDay", "", "CHICAGO, Feb 29 (Reuter) - Futures rose.\n", "wire/grain.txt",
     kFileTime, day_of(2024, 2, 29, kMtimeYear)},
    // A weekday the line names must agree with the year (1 March 2005 was a Tuesday).
    {"WeekdayAgreesWithGuessedYear", "", "Match Preview\n\nTuesday, 1 March\n", "sport/preview.txt",
     static_cast<double>(utc(2005, 3, 2)), day_of(2005, 3, 1, kMtimeYear)},
    {"WeekdayContradictsGuessedYear", "", "Match Preview\n\nTuesday, 1 March\n",
     "sport/preview.txt", kFileTime, std::nullopt},
    {"WeekdayAgreesWithYearFolder", "", "Match Preview\n\nTue 1 March\n", "sport/2005/preview.txt",
     kFileTime, day_of(2005, 3, 1, kPathYear)},
    {"WeekdayContradictsYearFolder", "", "Match Preview\n\nWednesday, 1 March\n",
     "sport/2005/preview.txt", 0, std::nullopt},
    {"YearlessWithoutAnyYearIsUndated", "", kGrainText, "wire/grain.txt", 0, std::nullopt},
    {"YearlessLeapDayInPathYearFallsToPathDate", "", "CHICAGO, Feb 29 (Reuter) - Futures rose.\n",
     "wire/2023/03/01/grain.txt", 0, day_of(2023, 3, 1, kPath)},
    // No date of its own: none, whatever the file time.
    {"PathDate", "", "Mill Sold\n\nThe mill was sold.\n", "news/2024/02/07/mill.txt", kFileTime,
     day_of(2024, 2, 7, kPath)},
    {"FileTimeIsNoDate", "", "Mill Sold\n\nThe mill was sold.\n", "news/mill.txt", kFileTime,
     std::nullopt},
    {"YearFolderAloneIsNoDate", "", "Mill Sold\n\nThe mill was sold.\n", "news/2004/mill.txt",
     kFileTime, std::nullopt},
    {"DateInASentenceIsNoDate", "", "Mill Sold\n\nThe mill was founded on 7 March 1998.\n",
     "news/mill.txt", kFileTime, std::nullopt},
    {"Nothing", "", "", "", 0, std::nullopt},
};

class ArticleDateResolve : public ::testing::TestWithParam<ResolveCase> {};

TEST_P(ArticleDateResolve, Resolves) {
  const ResolveCase& c = GetParam();
  EXPECT_EQ(resolve_article_date({c.metadata, c.text, c.path, c.file_mtime}), c.expected);
}

INSTANTIATE_TEST_SUITE_P(ArticleDate, ArticleDateResolve, ::testing::ValuesIn(kResolveCases),
                         case_name<ResolveCase>);

// ---------------------------------------------------------------------------------------
// Formatting

TEST(ArticleDateFormat, KnownInstants) {
  struct Case {
    ArticleDate date;
    std::string day_key;
    std::string iso;
  };
  const Case cases[] = {
      {{1707264000, false, kMeta}, "20240207", "2024-02-07"},
      {{1707264000 + 10 * 3600 + 15 * 60 + 9, true, kText}, "20240207", "2024-02-07T10:15:09Z"},
      {{1707264000 + 86399, true, kPath}, "20240207", "2024-02-07T23:59:59Z"},
      {{0, true, kMeta}, "19700101", "1970-01-01T00:00:00Z"},
      {{-1, true, kMeta}, "19691231", "1969-12-31T23:59:59Z"},
      {{-2208988800, false, kMeta}, "19000101", "1900-01-01"},
      {{4133894400, false, kMeta}, "21001231", "2100-12-31"},
      {{951782400, false, kMeta}, "20000229", "2000-02-29"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.iso);
    EXPECT_EQ(day_key(c.date), c.day_key);
    EXPECT_EQ(iso_date(c.date), c.iso);
  }
}

TEST(ArticleDateFormat, ParsedDatesMatchKnownInstants) {
  EXPECT_EQ(parse_date_text("2024-02-07"), (ArticleDate{1707264000, false, kMeta}));
  EXPECT_EQ(parse_date_text("1900-01-01"), (ArticleDate{-2208988800, false, kMeta}));
  EXPECT_EQ(parse_date_text("2100-12-31"), (ArticleDate{4133894400, false, kMeta}));
}

TEST(ArticleDateFormat, DaysAcrossTheRangeFormatLikeTheCLibrary) {
  for (std::int64_t seconds = utc(1900, 1, 1); seconds <= utc(2100, 12, 31);
       seconds += 86400 * 37 + 3671) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm fields{};
    gmtime_r(&time, &fields);
    char expected[32];
    std::strftime(expected, sizeof expected, "%Y-%m-%dT%H:%M:%SZ", &fields);
    const ArticleDate date{seconds, true, kMeta};
    ASSERT_EQ(iso_date(date), expected);
    ASSERT_EQ(day_key(date), std::string(expected, 4) + std::string(expected + 5, 2) +
                                 std::string(expected + 8, 2));
  }
}

TEST(ArticleDateFormat, SourceNames) {
  EXPECT_EQ(date_source_name(DateSource::kMetadata), "metadata");
  EXPECT_EQ(date_source_name(DateSource::kText), "text");
  EXPECT_EQ(date_source_name(DateSource::kPath), "path");
  EXPECT_EQ(date_source_name(DateSource::kPathYear), "path-year");
  EXPECT_EQ(date_source_name(DateSource::kMtimeYear), "mtime-year");
}

}  // namespace
}  // namespace newsdex
