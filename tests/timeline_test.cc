// Tests of the timeline: bucket counts against a brute-force count over the articles put
// in (labels from the C library's strftime, %G-W%V for ISO weeks), the automatic bucket
// choice, empty buckets, undated articles, drawing and JSON.
#include "timeline.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsdex/article.h"
#include "newsdex/article_date.h"
#include "newsdex/document_builder.h"
#include "newsdex/schema.h"

namespace newsdex {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct DatedArticle {
  std::string_view date;  // "YYYY-MM-DD"; "" = no day value; "!..." = this raw slot value
  std::string_view topic;
};

ArticleDate date_of(std::string_view iso) {
  std::optional<ArticleDate> date = parse_date_text(iso);
  EXPECT_TRUE(date.has_value()) << iso;
  return date.value_or(ArticleDate{});
}

sys_days day_of(std::string_view iso) { return sys_days{days{date_of(iso).unix_seconds / 86400}}; }

Xapian::WritableDatabase build_index(const std::vector<DatedArticle>& articles) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  write_schema_metadata(db);
  DocumentBuilder builder;
  int n = 0;
  for (const DatedArticle& a : articles) {
    SourceFile source;
    source.id = "news/" + std::to_string(++n) + ".txt";
    source.path = source.id;
    std::string text = "Report " + std::to_string(n) + "\n\nThe " + std::string(a.topic) +
                       " desk filed this short report about the " + std::string(a.topic) + ".\n";
    Article article = make_article(source, text);
    if (!a.date.empty() && !a.date.starts_with('!')) article.date = date_of(a.date);
    Xapian::Document doc = builder.build(article);
    // An article without a date of its own has no day value already.
    if (!a.date.starts_with('!')) {
      EXPECT_EQ(a.date.empty(), doc.get_value(kSlotDay).empty()) << a.date;
    }
    if (a.date.starts_with('!')) doc.add_value(kSlotDay, std::string(a.date.substr(1)));
    db.add_document(doc);
  }
  return db;
}

// Dates around the edges: ISO week 53 of 2020 (Thursday 31 December to Sunday 3 January),
// week 1 of 2020 starting in 2019, a year starting on a Thursday (2026), leap days, month
// and year ends.
const std::vector<DatedArticle>& edge_articles() {
  static const std::vector<DatedArticle> articles = {
      {"2019-12-29", "harbour"},
      {"2019-12-30", "harbour"},
      {"2019-12-31", "grain"},
      {"2020-01-01", "harbour"},
      {"2020-01-05", "grain"},
      {"2020-01-06", "harbour"},
      {"2020-02-28", "harbour"},
      {"2020-02-29", "harbour"},
      {"2020-02-29", "grain"},
      {"2020-03-01", "grain"},
      {"2020-12-27", "harbour"},
      {"2020-12-28", "harbour"},
      {"2020-12-31", "grain"},
      {"2021-01-01", "harbour"},
      {"2021-01-03", "harbour"},
      {"2021-01-04", "grain"},
      {"2021-01-04", "harbour"},
      {"2021-03-01", "harbour"},
      {"2023-01-01", "grain"},
      {"2024-02-29", "harbour"},
      {"2024-12-30", "grain"},
      {"2025-12-28", "grain"},
      {"2026-01-01", "harbour"},
      {"", "harbour"},
      {"", "grain"},
      {"!20230229", "harbour"},
      {"!2023", "grain"},
  };
  return articles;
}

const Xapian::Database& edge_index() {
  static const Xapian::WritableDatabase db = build_index(edge_articles());
  return db;
}

std::string strftime_day(sys_days day, const char* format) {
  std::time_t t = day.time_since_epoch().count() * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, format, &tm);
  return text;
}

std::string strftime_utc(std::string_view iso, const char* format) {
  return strftime_day(day_of(iso), format);
}

const char* label_format(TimelineBucket bucket) {
  switch (bucket) {
    case TimelineBucket::kWeek:
      return "%G-W%V";
    case TimelineBucket::kMonth:
      return "%Y-%m";
    case TimelineBucket::kYear:
      return "%Y";
    default:
      return "%Y-%m-%d";
  }
}

bool is_real_date(std::string_view date) { return !date.empty() && !date.starts_with('!'); }

TEST(Timeline, CountsEqualBruteForce) {
  const TimelineBucket buckets[] = {TimelineBucket::kDay, TimelineBucket::kWeek,
                                    TimelineBucket::kMonth, TimelineBucket::kYear};
  const std::string_view topics[] = {"", "harbour", "grain"};  // "" = every article
  for (TimelineBucket bucket : buckets) {
    for (std::string_view topic : topics) {
      SCOPED_TRACE(std::string(timeline_bucket_name(bucket)) + " " + std::string(topic));
      std::map<std::string, Xapian::doccount> expected;
      Xapian::doccount undated = 0, total = 0;
      for (const DatedArticle& a : edge_articles()) {
        if (!topic.empty() && a.topic != topic) continue;
        ++total;
        if (is_real_date(a.date)) {
          ++expected[strftime_utc(a.date, label_format(bucket))];
        } else {
          ++undated;
        }
      }
      Xapian::Query query =
          topic.empty() ? Xapian::Query::MatchAll : Xapian::Query(std::string(topic));
      Timeline timeline = build_timeline(edge_index(), query, bucket);
      EXPECT_EQ(timeline.bucket, bucket);
      EXPECT_EQ(timeline.total, total);
      EXPECT_EQ(timeline.undated, undated);

      std::map<std::string, Xapian::doccount> counted;
      for (const TimelineBar& bar : timeline.bars) {
        SCOPED_TRACE(bar.label);
        // Each bar is one whole bucket: its first and last day carry its label, the days
        // just outside it do not.
        const char* format = label_format(bucket);
        EXPECT_EQ(strftime_utc(bar.first_day, format), bar.label);
        EXPECT_EQ(strftime_utc(bar.last_day, format), bar.label);
        EXPECT_NE(strftime_day(day_of(bar.first_day) - days{1}, format), bar.label);
        EXPECT_NE(strftime_day(day_of(bar.last_day) + days{1}, format), bar.label);
        if (bar.count > 0) counted[bar.label] = bar.count;
      }
      EXPECT_EQ(counted, expected);
      // Consecutive: each bar starts the day after the previous one ends.
      for (std::size_t i = 1; i < timeline.bars.size(); ++i) {
        EXPECT_EQ(day_of(timeline.bars[i].first_day),
                  day_of(timeline.bars[i - 1].last_day) + days{1})
            << timeline.bars[i].label;
      }
      ASSERT_FALSE(timeline.bars.empty());
      EXPECT_GT(timeline.bars.front().count, 0u);
      EXPECT_GT(timeline.bars.back().count, 0u);
    }
  }
}

TEST(Timeline, IsoWeekEdges) {
  struct Case {
    std::string_view date, label, first_day, last_day;
  };
  const Case cases[] = {
      {"2020-12-31", "2020-W53", "2020-12-28", "2021-01-03"},
      {"2021-01-03", "2020-W53", "2020-12-28", "2021-01-03"},
      {"2021-01-04", "2021-W01", "2021-01-04", "2021-01-10"},
      {"2019-12-30", "2020-W01", "2019-12-30", "2020-01-05"},
      {"2019-12-29", "2019-W52", "2019-12-23", "2019-12-29"},
      {"2024-12-30", "2025-W01", "2024-12-30", "2025-01-05"},
      {"2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"},
      {"2024-02-29", "2024-W09", "2024-02-26", "2024-03-03"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    Xapian::WritableDatabase db = build_index({{c.date, "harbour"}});
    Timeline timeline = build_timeline(db, Xapian::Query::MatchAll, TimelineBucket::kWeek);
    EXPECT_EQ(timeline.bars,
              (std::vector<TimelineBar>{
                  {std::string(c.label), std::string(c.first_day), std::string(c.last_day), 1}}));
  }
}

TEST(Timeline, MonthAndYearBounds) {
  struct Case {
    std::string_view date;
    TimelineBucket bucket;
    TimelineBar bar;
  };
  const Case cases[] = {
      {"2024-02-29", TimelineBucket::kMonth, {"2024-02", "2024-02-01", "2024-02-29", 1}},
      {"2023-02-01", TimelineBucket::kMonth, {"2023-02", "2023-02-01", "2023-02-28", 1}},
      {"2023-12-31", TimelineBucket::kMonth, {"2023-12", "2023-12-01", "2023-12-31", 1}},
      {"2024-07-04", TimelineBucket::kYear, {"2024", "2024-01-01", "2024-12-31", 1}},
      {"2024-02-29", TimelineBucket::kDay, {"2024-02-29", "2024-02-29", "2024-02-29", 1}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    Xapian::WritableDatabase db = build_index({{c.date, "harbour"}});
    EXPECT_EQ(build_timeline(db, Xapian::Query::MatchAll, c.bucket).bars,
              std::vector<TimelineBar>{c.bar});
  }
}

TEST(Timeline, AutoBucketBySpan) {
  struct Case {
    int span_days;  // from the first dated article to the last, both included
    TimelineBucket expected;
  };
  const Case cases[] = {
      {1, TimelineBucket::kDay},     {62, TimelineBucket::kDay},    {63, TimelineBucket::kWeek},
      {371, TimelineBucket::kWeek},  {372, TimelineBucket::kMonth}, {1827, TimelineBucket::kMonth},
      {1828, TimelineBucket::kYear}, {9000, TimelineBucket::kYear},
  };
  const sys_days first = sys_days{std::chrono::year{2023} / 11 / 20};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.span_days);
    std::string from = strftime_day(first, "%Y-%m-%d");
    std::string to = strftime_day(first + days{c.span_days - 1}, "%Y-%m-%d");
    // An article in between and an undated one must not change the choice.
    Xapian::WritableDatabase db =
        build_index({{from, "harbour"}, {to, "harbour"}, {from, "grain"}, {"", "harbour"}});
    Timeline timeline = build_timeline(db, Xapian::Query::MatchAll, TimelineBucket::kAuto);
    EXPECT_EQ(timeline.bucket, c.expected);
    EXPECT_LE(timeline.bars.front().first_day, from);
    EXPECT_GE(timeline.bars.back().last_day, to);
    EXPECT_LE(timeline.bars.size(), 62u);
  }
}

TEST(Timeline, EmptyBucketsBetweenAreKept) {
  Xapian::WritableDatabase db =
      build_index({{"2024-01-03", "harbour"}, {"2024-03-20", "harbour"}, {"2024-03-21", "grain"}});
  Timeline timeline = build_timeline(db, Xapian::Query("harbour"), TimelineBucket::kWeek);
  ASSERT_EQ(timeline.bars.size(), 12u);  // 2024-W01 to 2024-W12
  EXPECT_EQ(timeline.bars.front().label, "2024-W01");
  EXPECT_EQ(timeline.bars.back().label, "2024-W12");
  for (std::size_t i = 0; i < timeline.bars.size(); ++i) {
    EXPECT_EQ(timeline.bars[i].count, i == 0 || i == 11 ? 1u : 0u) << timeline.bars[i].label;
  }
  Timeline months = build_timeline(db, Xapian::Query::MatchAll, TimelineBucket::kMonth);
  const std::vector<TimelineBar> expected = {{"2024-01", "2024-01-01", "2024-01-31", 1},
                                             {"2024-02", "2024-02-01", "2024-02-29", 0},
                                             {"2024-03", "2024-03-01", "2024-03-31", 2}};
  EXPECT_EQ(months.bars, expected);
}

TEST(Timeline, NothingDated) {
  struct Case {
    std::string_view name;
    Xapian::Query query;
    Xapian::doccount total, undated;
  };
  Xapian::WritableDatabase db =
      build_index({{"", "harbour"}, {"!20241301", "harbour"}, {"2024-05-01", "grain"}});
  const Case cases[] = {
      {"OnlyUndatedMatch", Xapian::Query("harbour"), 2, 2},
      {"NoMatch", Xapian::Query("volcano"), 0, 0},
      {"EmptyQuery", Xapian::Query(), 0, 0},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Timeline timeline = build_timeline(db, c.query, TimelineBucket::kAuto);
    EXPECT_EQ(timeline.bucket, TimelineBucket::kDay);
    EXPECT_TRUE(timeline.bars.empty());
    EXPECT_EQ(timeline.total, c.total);
    EXPECT_EQ(timeline.undated, c.undated);
  }
}

TEST(Timeline, BucketNames) {
  struct Case {
    std::string_view name;
    std::optional<TimelineBucket> bucket;
  };
  const Case cases[] = {
      {"auto", TimelineBucket::kAuto}, {"day", TimelineBucket::kDay},
      {"week", TimelineBucket::kWeek}, {"month", TimelineBucket::kMonth},
      {"year", TimelineBucket::kYear}, {"", std::nullopt},
      {"Week", std::nullopt},          {"days", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(parse_timeline_bucket(c.name), c.bucket);
    if (c.bucket) {
      EXPECT_EQ(timeline_bucket_name(*c.bucket), c.name);
    }
  }
}

// Display columns of UTF-8 text without escape sequences: one per code point.
std::size_t columns(std::string_view line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

constexpr std::string_view kFullBlock = "\xE2\x96\x88";

// The bar of a printed line, in eighths of a column.
std::size_t bar_eighths(std::string_view line) {
  std::size_t eighths = 0;
  for (std::size_t pos = 0; (pos = line.find("\xE2\x96", pos)) != std::string_view::npos;
       pos += 3) {
    unsigned char last = static_cast<unsigned char>(line[pos + 2]);
    eighths += 0x90 - last;  // U+2588 is 8, U+258F is 1
  }
  return eighths;
}

Timeline drawn_timeline() {
  Timeline timeline;
  timeline.bucket = TimelineBucket::kDay;
  timeline.bars = {{"2024-02-05", "2024-02-05", "2024-02-05", 800},
                   {"2024-02-06", "2024-02-06", "2024-02-06", 400},
                   {"2024-02-07", "2024-02-07", "2024-02-07", 0},
                   {"2024-02-08", "2024-02-08", "2024-02-08", 1},
                   {"2024-02-09", "2024-02-09", "2024-02-09", 300}};
  timeline.undated = 3;
  timeline.total = 1504;
  return timeline;
}

std::string full_blocks(std::size_t n) {
  std::string bar;
  for (std::size_t i = 0; i < n; ++i) bar += kFullBlock;
  return bar;
}

TEST(TimelinePrint, BarsScaledToWidth) {
  // Before the bars: "2024-02-05   800  ", 18 columns (the total has four digits).
  constexpr std::size_t kBeforeBar = 18;
  struct Case {
    std::size_t width;
    std::size_t bar_columns;  // of the largest count
  };
  const Case cases[] = {{80, 62}, {40, 22}, {28, 10}, {20, 10}, {0, 10}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.width);
    std::ostringstream out;
    print_timeline(out, drawn_timeline(), c.width, false);
    std::vector<std::string> lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 7u);
    for (const std::string& line : lines) {
      EXPECT_LE(columns(line), std::max(c.width, kBeforeBar + c.bar_columns)) << line;
    }
    EXPECT_EQ(lines[0], "2024-02-05   800  " + full_blocks(c.bar_columns));
    EXPECT_EQ(bar_eighths(lines[1]), c.bar_columns * 4);  // half of the largest
    EXPECT_EQ(lines[2], "2024-02-07     0");              // no bar, no trailing space
    EXPECT_EQ(bar_eighths(lines[3]), 1u);                 // tiny but visible
    EXPECT_EQ(bar_eighths(lines[4]), c.bar_columns * 3);  // 300/800 = 3/8
    EXPECT_EQ(lines[5], "total       1504");
    EXPECT_EQ(lines[6], "undated        3");
  }
}

TEST(TimelinePrint, PartialBlocks) {
  // Largest 8 over 10 columns: count k is 10k eighths, 1 full block and 10k-8 eighths.
  struct Case {
    Xapian::doccount count;
    std::string bar;
  };
  const Case cases[] = {{1, full_blocks(1) + "\xE2\x96\x8E"},  // 10 eighths: 1 and 2/8
                        {2, full_blocks(2) + "\xE2\x96\x8C"},  // 20: 2 and 4/8
                        {3, full_blocks(3) + "\xE2\x96\x8A"},  // 30: 3 and 6/8
                        {4, full_blocks(5)},
                        {8, full_blocks(10)}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.count);
    Timeline timeline;
    timeline.bars = {{"2024", "2024-01-01", "2024-12-31", 8},
                     {"2025", "2025-01-01", "2025-12-31", c.count}};
    timeline.total = 8 + c.count;
    std::ostringstream out;
    print_timeline(out, timeline, 0, false);
    std::vector<std::string> lines = lines_of(out.str());
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[1].substr(lines[1].rfind(' ') + 1), c.bar);
  }
}

TEST(TimelinePrint, NoDatedArticles) {
  Timeline timeline;
  timeline.undated = 2;
  timeline.total = 2;
  std::ostringstream out;
  print_timeline(out, timeline, 80, false);
  EXPECT_EQ(out.str(), "no dated articles\ntotal    2\nundated  2\n");
}

TEST(TimelinePrint, ColourOnlyWhenAsked) {
  for (bool color : {false, true}) {
    SCOPED_TRACE(color);
    std::ostringstream out;
    print_timeline(out, drawn_timeline(), 60, color);
    EXPECT_EQ(out.str().find('\x1b') != std::string::npos, color);
  }
}

TEST(TimelineJson, Shape) {
  Timeline timeline;
  timeline.bucket = TimelineBucket::kWeek;
  timeline.bars = {{"2020-W53", "2020-12-28", "2021-01-03", 4},
                   {"2021-W01", "2021-01-04", "2021-01-10", 0}};
  timeline.undated = 1;
  timeline.total = 5;
  nlohmann::json expected = {
      {"type", "timeline"},
      {"timeline",
       {{"bucket", "week"},
        {"bars",
         {{{"label", "2020-W53"}, {"from", "2020-12-28"}, {"to", "2021-01-03"}, {"count", 4}},
          {{"label", "2021-W01"}, {"from", "2021-01-04"}, {"to", "2021-01-10"}, {"count", 0}}}},
        {"undated", 1},
        {"total", 5}}}};
  std::string line = timeline_json_line(timeline);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(line), expected);
  EXPECT_TRUE(
      line.starts_with("{\"type\":\"timeline\",\"timeline\":{\"bucket\":\"week\",\"bars\":"));
}

}  // namespace
}  // namespace newsdex
