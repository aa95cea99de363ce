// Parsing has bounded cost: for each reader (HTML, JSON dumps), the article cleaner and
// the query builder, inputs of n, 4n and 16n units of an adversarial shape (long lines,
// many short lines, repeated lines, long words, nesting within the bounds) must take
// time linear in their size. A linear path gives time(16n) / time(n) of about 16, a
// quadratic one about 256: the bound, 40, leaves a linear path room for a noisy, shared
// machine. Each time is the best of several rounds, and n is chosen so that the
// smallest input still takes milliseconds per round, above the timer's noise.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "newsdex/article_cleaner.h"
#include "newsdex/errors.h"
#include "newsdex/formats/html_reader.h"
#include "newsdex/formats/json_reader.h"
#include "query_builder.h"

namespace newsdex {
namespace {

using Clock = std::chrono::steady_clock;

// time(16n) / time(n): a linear cost gives about 16 and n log n about 20, a quadratic
// one about 256; the margin is for a machine shared with other jobs. With the other
// core indexing 100,000 articles, linear cleaner shapes measured 70 to 90 (their 16n
// input, 700 KB, no longer fits the cache the other job leaves), so 64 was too tight.
constexpr double kMaxRatio = 128;
// A noisy moment can spoil one measurement: the shape passes if any attempt does. Under
// ctest -j2 beside the end-to-end tests three attempts were once all spoilt (70x for a
// shape that measures 16x alone); a quadratic cost stays near 256x in every attempt.
constexpr int kAttempts = 6;
constexpr int kRounds = 5;
// A round of the smallest input repeats it until this long, so that it is timed well.
constexpr auto kMinRound = std::chrono::milliseconds(15);

// Words that read like news, so that the text is not one token repeated.
const char* const kWords[] = {"harbour", "council", "ferry",   "storm",  "minister", "budget",
                              "quay",    "strike",  "tonight", "market", "bridge",   "rail"};

std::string words(std::size_t count, std::size_t offset = 0) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) text += ' ';
    text += kWords[(i * 7 + offset) % std::size(kWords)];
  }
  return text;
}

struct Shape {
  const char* name;
  std::size_t n;                                 // units of the smallest input
  std::function<std::string(std::size_t)> make;  // an input of so many units
  std::function<void(const std::string&)> run;   // may throw a refusal (counted as done)
};

std::ostream& operator<<(std::ostream& out, const Shape& shape) { return out << shape.name; }

// Seconds per call of `shape.run` on `input`: the best of kRounds rounds of `calls`.
double seconds_per_call(const Shape& shape, const std::string& input, int calls) {
  double best = 1e300;
  for (int round = 0; round < kRounds; ++round) {
    auto start = Clock::now();
    for (int i = 0; i < calls; ++i) {
      try {
        shape.run(input);
      } catch (const ArticleError&) {
      } catch (const QueryError&) {
      }
    }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count() / calls);
  }
  return best;
}

// Calls of `shape.run` on `input` that take about kMinRound.
int calls_for_a_round(const Shape& shape, const std::string& input) {
  int calls = 1;
  for (;;) {
    auto start = Clock::now();
    for (int i = 0; i < calls; ++i) {
      try {
        shape.run(input);
      } catch (const ArticleError&) {
      } catch (const QueryError&) {
      }
    }
    if (Clock::now() - start >= kMinRound || calls >= (1 << 20)) return calls;
    calls *= 2;
  }
}

// ---- HTML pages ----

std::string html_page(const std::string& body) {
  return "<!doctype html><html><head><title>Harbour news</title></head><body><article>" + body +
         "</article></body></html>";
}

void read_html(const std::string& page) { read_html_document(page); }

const Shape kHtmlShapes[] = {
    {"HtmlOneLongParagraph", 20'000,
     [](std::size_t n) { return html_page("<p>" + words(n) + "</p>"); }, read_html},
    {"HtmlManyShortParagraphs", 2'000,
     [](std::size_t n) {
       std::string body;
       for (std::size_t i = 0; i < n; ++i) body += "<p>" + words(4, i) + ".</p>\n";
       return html_page(body);
     },
     read_html},
    {"HtmlRepeatedLine", 2'000,
     [](std::size_t n) {
       std::string body;
       for (std::size_t i = 0; i < n; ++i) body += "<p>Share this story on social media</p>\n";
       return html_page(body);
     },
     read_html},
    {"HtmlOneLongWord", 100'000,
     [](std::size_t n) { return html_page("<p>" + std::string(n, 'w') + "</p>"); }, read_html},
    {"HtmlNestedBlocks", 40,
     [](std::size_t n) {
       // n blocks, each nested 100 deep: deep, but within the depth bound.
       std::string body;
       for (std::size_t i = 0; i < n; ++i) {
         for (int d = 0; d < 100; ++d) body += "<div class=\"x\">";
         body += words(8, i);
         for (int d = 0; d < 100; ++d) body += "</div>";
       }
       return html_page(body);
     },
     read_html},
    {"HtmlManyAttributes", 20,
     [](std::size_t n) {
       std::string body;
       for (std::size_t i = 0; i < n; ++i) {
         body += "<span";
         for (int a = 0; a < 500; ++a) body += " data-k" + std::to_string(a) + "=\"v\"";
         body.append(">").append(words(6, i)).append("</span>\n");
       }
       return html_page(body);
     },
     read_html},
    // Formatting elements left open with distinct attributes are re-opened by gumbo in
    // every later paragraph ("reconstruct the active formatting elements"; its Noah's Ark
    // clause only drops identical ones), so k paragraphs would build k*k/2 elements:
    // 3,000 (119 KB) took newsdex-index 10.5 s and 1.5 GB. Past 100 left open the page
    // is refused before gumbo, as 4n and 16n are here: their refusal must be quick.
    {"HtmlUnclosedFormattingInParagraphs", 100,
     [](std::size_t n) {
       std::string body;
       for (std::size_t i = 0; i < n; ++i) {
         body += "<p><b class=\"c" + std::to_string(i) + "\">" + words(3, i) + "\n";
       }
       return html_page(body);
     },
     read_html},
    // Within the bounds: 100 left open, then paragraphs that each re-open all of them
    // (16n re-opens 32,000, below the bound on re-openings).
    {"HtmlFormattingLeftOpenWithinTheBound", 20,
     [](std::size_t n) {
       std::string body = "<p>";
       for (int i = 0; i < 100; ++i) body += "<b class=\"c" + std::to_string(i) + "\">";
       for (std::size_t i = 0; i < n; ++i) body += "<p>" + words(3, i) + "\n";
       return html_page(body);
     },
     read_html},
};

// ---- JSON dumps ----

std::string json_row(std::size_t i, const std::string& text) {
  return R"({"title":"Report )" + std::to_string(i) + R"(","date":"2024-05-0)" +
         std::to_string(1 + i % 9) + R"(","source":"Harbour Post","text":")" + text + "\"}";
}

const Shape kJsonShapes[] = {
    {"JsonOneLongText", 20'000, [](std::size_t n) { return json_row(0, words(n)); },
     [](const std::string& json) { read_json_documents(json, false); }},
    {"JsonLinesManyShortRows", 500,
     [](std::size_t n) {
       std::string dump;
       for (std::size_t i = 0; i < n; ++i) dump += json_row(i, words(6, i)) + "\n";
       return dump;
     },
     [](const std::string& json) { read_json_documents(json, true); }},
    {"JsonArrayManyRows", 500,
     [](std::size_t n) {
       std::string dump = "[";
       for (std::size_t i = 0; i < n; ++i)
         dump.append(i ? "," : "").append(json_row(i, words(6, i)));
       return dump + "]";
     },
     [](const std::string& json) { read_json_documents(json, false); }},
    {"JsonLinesRepeatedRow", 500,
     [](std::size_t n) {
       std::string dump;
       for (std::size_t i = 0; i < n; ++i) dump += json_row(1, words(6)) + "\n";
       return dump;
     },
     [](const std::string& json) { read_json_documents(json, true); }},
    {"JsonLinesNestedWithinTheBound", 100,
     [](std::size_t n) {
       std::string nested = std::string(150, '[') + std::string(150, ']');
       std::string dump;
       for (std::size_t i = 0; i < n; ++i) {
         dump += R"({"title":"T","extra":)" + nested + R"(,"text":")" + words(6, i) + "\"}\n";
       }
       return dump;
     },
     [](const std::string& json) { read_json_documents(json, true); }},
    {"JsonEscapedLongText", 5'000,
     [](std::size_t n) {
       std::string text;
       for (std::size_t i = 0; i < n; ++i) text += "caf\\u00e9 \\\"quay\\\"\\n";
       return json_row(0, text);
     },
     [](const std::string& json) { read_json_documents(json, false); }},
};

// ---- Article cleaning ----

void clean(const std::string& text) { clean_article(text); }

const Shape kCleanerShapes[] = {
    {"CleanOneLongLine", 20'000, [](std::size_t n) { return "Harbour news\n\n" + words(n); },
     clean},
    {"CleanManyShortLines", 2'000,
     [](std::size_t n) {
       std::string text = "Harbour news\n\n";
       for (std::size_t i = 0; i < n; ++i) text += words(3, i) + "\n";
       return text;
     },
     clean},
    {"CleanManyParagraphs", 2'000,
     [](std::size_t n) {
       std::string text = "Harbour news\n\n";
       for (std::size_t i = 0; i < n; ++i) text += words(8, i) + ".\n\n";
       return text;
     },
     clean},
    {"CleanRepeatedLines", 2'000,
     [](std::size_t n) {
       std::string text = "Harbour news\n\n";
       for (std::size_t i = 0; i < n; ++i) text += "Harbour news\nShare this story\n\n";
       return text;
     },
     clean},
    {"CleanOneLongWord", 100'000,
     [](std::size_t n) { return "Harbour news\n\n" + std::string(n, 'w'); }, clean},
    {"CleanBlankLinesAndHeadings", 2'000,
     [](std::size_t n) {
       std::string text = "Harbour news\n\n";
       for (std::size_t i = 0; i < n; ++i) text += "\n\n\nStorm Warning\n\n \t \n";
       return text;
     },
     clean},
};

// ---- Queries (bounded at 1,000 words and 16 KiB: 16n stays within) ----

const Xapian::Database& query_database() {
  static const Xapian::WritableDatabase db = [] {
    Xapian::WritableDatabase writable(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const char* word : kWords) {
      Xapian::Document doc;
      doc.add_term(word);
      doc.add_term(std::string(word) + "s");
      writable.add_document(doc);
    }
    return writable;
  }();
  return db;
}

void build_query(const std::string& query) {
  QueryBuilder builder(query_database(),
                       Day{std::chrono::year{2024}, std::chrono::May, std::chrono::day{1}});
  builder.build(query);
}

const Shape kQueryShapes[] = {
    {"QueryManyWords", 60, [](std::size_t n) { return words(n); }, build_query},
    {"QueryManyOrs", 30,
     [](std::size_t n) {
       std::string query = kWords[0];
       for (std::size_t i = 1; i < n; ++i) query += " OR " + std::string(kWords[i % 12]);
       return query;
     },
     build_query},
    {"QueryNestedBrackets", 60,
     [](std::size_t n) { return std::string(n, '(') + "harbour" + std::string(n, ')'); },
     build_query},
    {"QueryOneLongWord", 1'000, [](std::size_t n) { return std::string(n, 'q'); }, build_query},
    {"QueryManyPhrases", 15,
     [](std::size_t n) {
       std::string query;
       for (std::size_t i = 0; i < n; ++i) query.append("\"").append(words(3, i)).append("\" ");
       return query;
     },
     build_query},
    {"QueryManyWildcardsAndFields", 30,
     [](std::size_t n) {
       std::string query;
       for (std::size_t i = 0; i < n; ++i) {
         query +=
             std::string(kWords[i % 12]).substr(0, 3) + "* title:" + kWords[(i + 5) % 12] + " ";
       }
       return query;
     },
     build_query},
};

class LinearCost : public ::testing::TestWithParam<Shape> {};

TEST_P(LinearCost, SixteenTimesTheInputTakesAboutSixteenTimesTheTime) {
  const Shape& shape = GetParam();
  const std::string small = shape.make(shape.n);
  const std::string middle = shape.make(4 * shape.n);
  const std::string large = shape.make(16 * shape.n);
  const int calls = calls_for_a_round(shape, small);
  double best_ratio = 1e300;
  std::string measured;
  for (int attempt = 0; attempt < kAttempts && best_ratio >= kMaxRatio; ++attempt) {
    const double t1 = seconds_per_call(shape, small, calls);
    const double t4 = seconds_per_call(shape, middle, std::max(1, calls / 4));
    const double t16 = seconds_per_call(shape, large, std::max(1, calls / 16));
    std::printf("%-36s %8zu bytes %9.3f ms | x4 %6.1f | x16 %6.1f\n", shape.name, small.size(),
                t1 * 1e3, t4 / t1, t16 / t1);
    best_ratio = std::min(best_ratio, t16 / t1);
    measured += " " + std::to_string(t1 * 1e3) + " ms for " + std::to_string(small.size()) +
                " bytes, " + std::to_string(t16 * 1e3) + " ms for " + std::to_string(large.size()) +
                ";";
  }
  ::testing::Test::RecordProperty("ratio_16n", std::to_string(best_ratio));
  EXPECT_LT(best_ratio, kMaxRatio) << shape.name << ":" << measured;
}

INSTANTIATE_TEST_SUITE_P(Html, LinearCost, ::testing::ValuesIn(kHtmlShapes),
                         [](const auto& param_info) { return std::string(param_info.param.name); });
INSTANTIATE_TEST_SUITE_P(Json, LinearCost, ::testing::ValuesIn(kJsonShapes),
                         [](const auto& param_info) { return std::string(param_info.param.name); });
INSTANTIATE_TEST_SUITE_P(Cleaner, LinearCost, ::testing::ValuesIn(kCleanerShapes),
                         [](const auto& param_info) { return std::string(param_info.param.name); });
INSTANTIATE_TEST_SUITE_P(Query, LinearCost, ::testing::ValuesIn(kQueryShapes),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace newsdex
