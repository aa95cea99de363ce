// Tests of the colour decision and of the text and JSON Lines printers.
#include "printer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include "support/code_points.h"

#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

using testing::code_point_substr;

TEST(Printer, ShouldColor) {
  struct Case {
    ColorMode mode;
    bool terminal;
    const char* no_color;
    bool color;
  };
  const Case cases[] = {
      {ColorMode::kAlways, true, nullptr, true}, {ColorMode::kAlways, true, "", true},
      {ColorMode::kAlways, true, "1", true},     {ColorMode::kAlways, false, nullptr, true},
      {ColorMode::kAlways, false, "", true},     {ColorMode::kAlways, false, "1", true},
      {ColorMode::kNever, true, nullptr, false}, {ColorMode::kNever, true, "", false},
      {ColorMode::kNever, true, "1", false},     {ColorMode::kNever, false, nullptr, false},
      {ColorMode::kNever, false, "", false},     {ColorMode::kNever, false, "1", false},
      {ColorMode::kAuto, true, nullptr, true},   {ColorMode::kAuto, true, "", true},
      {ColorMode::kAuto, true, "1", false},      {ColorMode::kAuto, false, nullptr, false},
      {ColorMode::kAuto, false, "", false},      {ColorMode::kAuto, false, "1", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message()
                 << "mode " << static_cast<int>(c.mode) << ", terminal " << c.terminal
                 << ", NO_COLOR " << (c.no_color ? '"' + std::string(c.no_color) + '"' : "unset"));
    EXPECT_EQ(should_color(c.mode, c.terminal, c.no_color), c.color);
  }
}

Hit make_hit(Xapian::doccount rank, std::string id, std::string title, std::string section,
             std::vector<Passage> passages) {
  Hit hit;
  hit.rank = rank;
  hit.score = 3.0 / rank;
  hit.percent = 100 / static_cast<int>(rank);
  hit.article.path = "/corpus/" + id;
  hit.article.id = std::move(id);
  hit.article.title = std::move(title);
  hit.article.section = std::move(section);
  hit.passages = std::move(passages);
  return hit;
}

// Two hits: the first with a highlight after two-byte characters ("été harbour news",
// "harbour" at code points [4, 11)), the second at the corpus root without highlights.
SearchResults two_results() {
  SearchResults results;
  results.matches_lower_bound = results.matches_estimated = results.matches_upper_bound = 2;
  results.hits.push_back(make_hit(1, "world/harbour.txt", "Harbour Reopens", "world",
                                  {Passage{"\xC3\xA9t\xC3\xA9 harbour news", {{4, 11}}}}));
  results.hits.push_back(
      make_hit(2, "note.txt", "Quiet Week", "", {Passage{"nothing matched in this part", {}}}));
  return results;
}

SearchRequest request_for(std::string query) {
  SearchRequest request;
  request.query = std::move(query);
  return request;
}

std::string print_text(const SearchResults& results, bool color, const std::string& query) {
  std::ostringstream out;
  make_text_printer(out, color)->print(request_for(query), results);
  return out.str();
}

TEST(TextPrinter, PlainOutputMarksHighlightsWithBrackets) {
  std::string out = print_text(two_results(), false, "harbour");
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
  const std::string_view expected_parts[] = {
      "2 articles match",
      "1. Harbour Reopens  (world)",
      "/corpus/world/harbour.txt",
      "\xC3\xA9t\xC3\xA9 [harbour] news",
      "2. Quiet Week\n",
      "/corpus/note.txt",
      "nothing matched in this part",
  };
  for (std::string_view part : expected_parts) {
    EXPECT_NE(out.find(part), std::string::npos) << "missing \"" << part << "\" in\n" << out;
  }
}

TEST(TextPrinter, ColorOutputUsesAnsiEscapes) {
  std::string out = print_text(two_results(), true, "harbour");
  EXPECT_NE(out.find("\x1b["), std::string::npos) << out;
  EXPECT_EQ(out.find("[harbour]"), std::string::npos) << out;
  EXPECT_NE(out.find("harbour\x1b["), std::string::npos) << out;
  EXPECT_NE(out.find("Harbour Reopens"), std::string::npos) << out;
}

TEST(TextPrinter, NoHits) {
  struct Case {
    std::string_view name;
    Xapian::doccount estimated;
    std::string expected;
  };
  const Case cases[] = {
      {"NothingMatches", 0, "No articles match: volcano eruption"},
      {"PagedPastTheEnd", 5, "No more articles for: volcano eruption"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    for (bool color : {false, true}) {
      SearchResults results;
      results.matches_lower_bound = results.matches_estimated = results.matches_upper_bound =
          c.estimated;
      std::string out = print_text(results, color, "volcano eruption");
      EXPECT_NE(out.find(c.expected), std::string::npos) << out;
      EXPECT_EQ(out.back(), '\n');
    }
  }
}

std::vector<nlohmann::json> print_json_lines(const SearchResults& results) {
  std::ostringstream out;
  make_json_printer(out)->print(request_for("harbour"), results);
  std::vector<nlohmann::json> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    lines.push_back(nlohmann::json::parse(line));  // throws, failing the test, if not JSON
  }
  return lines;
}

TEST(JsonPrinter, PrintsOneObjectPerHit) {
  std::vector<nlohmann::json> lines = print_json_lines(two_results());
  ASSERT_EQ(lines.size(), 2u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    for (const char* key : {"rank", "id", "path", "title", "section", "score", "passages"}) {
      EXPECT_TRUE(lines[i].contains(key)) << key << " missing in " << lines[i].dump();
    }
    EXPECT_EQ(lines[i]["rank"], i + 1);
    EXPECT_TRUE(lines[i]["score"].is_number());
    EXPECT_TRUE(lines[i]["passages"].is_array());
  }
  EXPECT_EQ(lines[0]["id"], "world/harbour.txt");
  EXPECT_EQ(lines[0]["path"], "/corpus/world/harbour.txt");
  EXPECT_EQ(lines[0]["title"], "Harbour Reopens");
  EXPECT_EQ(lines[0]["section"], "world");
  EXPECT_EQ(lines[1]["section"], "");
  EXPECT_TRUE(lines[1]["passages"][0]["highlights"].empty());
}

TEST(JsonPrinter, HighlightOffsetsAreCodePoints) {
  std::vector<nlohmann::json> lines = print_json_lines(two_results());
  ASSERT_FALSE(lines.empty());
  const nlohmann::json& passage = lines[0]["passages"][0];
  std::string text = passage["text"];
  ASSERT_EQ(passage["highlights"].size(), 1u) << passage.dump();
  std::size_t start = passage["highlights"][0][0];
  std::size_t end = passage["highlights"][0][1];
  EXPECT_EQ(code_point_substr(text, start, end), "harbour");
}

TEST(JsonPrinter, NoHitsPrintsNothing) {
  std::ostringstream out;
  SearchResults results;
  make_json_printer(out)->print(request_for("volcano"), results);
  EXPECT_EQ(out.str(), "");
}

}  // namespace
}  // namespace newsdex
