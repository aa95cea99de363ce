// Tests of the colour decision and of the text and JSON Lines printers: hits, facets and
// the entity browser.
#include "printer.h"

#include <gtest/gtest.h>

#include "facets.h"

#include <nlohmann/json.hpp>
#include "support/code_points.h"

#include <algorithm>
#include <cstddef>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

using testing::code_point_substr;
using namespace std::string_literals;

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
  results.matches = results.articles = 2;
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
      results.matches = results.articles = c.estimated;
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

// The first hit of two_results() with people and places; facets of four matches.
SearchResults results_with_entities() {
  SearchResults results = two_results();
  results.matches = results.articles = 4;
  ArticleEntities& entities = results.hits[0].article.entities;
  entities.people = {"Mara Okafor", "Tomas Lindqvist", "Ada Brennan", "Ines Marlow"};
  entities.places = {"Port Elwyn"};
  entities.organizations = {"Harbour Council"};
  entities.topics = {"ceasefire", "harbour"};
  results.facets = {
      {facet_by_name("people"), {{"Mara Okafor", 4}, {"Ada Brennan", 2}}},
      {facet_by_name("places"), {{"Port Elwyn", 3}}},
      {facet_by_name("organizations"), {}},
      {facet_by_name("topics"), {{"ceasefire", 1}}},
  };
  return results;
}

SearchRequest facets_request(std::string query) {
  SearchRequest request = request_for(std::move(query));
  request.facets = true;
  return request;
}

std::string print_text(const SearchRequest& request, const SearchResults& results) {
  std::ostringstream out;
  make_text_printer(out, false)->print(request, results);
  return out.str();
}

TEST(TextPrinter, EntityLineUnderHitsThatHaveEntities) {
  SearchResults results = results_with_entities();
  results.hits[1].article.entities.places = {"Vellmar"};
  std::string out = print_text(request_for("harbour"), results);
  // First three people only, then the places; the second hit has places only.
  EXPECT_NE(out.find("/corpus/world/harbour.txt  100%\n"
                     "   people: Mara Okafor, Tomas Lindqvist, Ada Brennan, \xE2\x80\xA6"
                     " \xC2\xB7 places: Port Elwyn\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("/corpus/note.txt  50%\n   places: Vellmar\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("Harbour Council"), std::string::npos) << out;
}

TEST(TextPrinter, NoEntityLineWithoutEntities) {
  std::string out = print_text(request_for("harbour"), two_results());
  EXPECT_EQ(out.find("people:"), std::string::npos) << out;
  EXPECT_EQ(out.find("places:"), std::string::npos) << out;
}

TEST(TextPrinter, FacetsBlockAfterTheHits) {
  std::string out = print_text(facets_request("harbour OR port"), results_with_entities());
  std::size_t block = out.find("\nFacets\n");
  ASSERT_NE(block, std::string::npos) << out;
  EXPECT_GT(block, out.find("2. Quiet Week")) << out;
  EXPECT_EQ(out.substr(block),
            "\nFacets\n"
            "   people: Mara Okafor (4), Ada Brennan (2)\n"
            "   places: Port Elwyn (3)\n"
            "   topics: ceasefire (1)\n"
            // Mara Okafor is in all four matches: the first value that narrows is next.
            "   narrow with: (harbour OR port) person:\"Ada Brennan\"\n");
}

TEST(TextPrinter, FacetsWithoutValues) {
  SearchResults results = results_with_entities();
  for (FacetCounts& counts : results.facets) counts.values.clear();
  std::string out = print_text(facets_request("harbour"), results);
  EXPECT_NE(out.find("\nFacets\n   no people, places, organizations or topics in the matching "
                     "articles\n"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("narrow with"), std::string::npos) << out;
}

TEST(TextPrinter, NoNarrowingHintWhenEveryValueIsInAllMatches) {
  SearchResults results = results_with_entities();
  results.facets = {{facet_by_name("people"), {{"Mara Okafor", 4}}}};
  std::string out = print_text(facets_request("harbour"), results);
  EXPECT_NE(out.find("people: Mara Okafor (4)\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("narrow with"), std::string::npos) << out;
}

TEST(TextPrinter, FacetsOnlyWhenAskedAndWhenThereAreHits) {
  EXPECT_EQ(print_text(request_for("harbour"), results_with_entities()).find("Facets"),
            std::string::npos);
  SearchResults none;
  none.facets = results_with_entities().facets;
  EXPECT_EQ(print_text(facets_request("harbour"), none), "No articles match: harbour\n");
}

TEST(TextPrinter, ColorFacetsBlock) {
  std::ostringstream out;
  make_text_printer(out, true)->print(facets_request("harbour"), results_with_entities());
  EXPECT_NE(out.str().find("\x1b[1mFacets\x1b[0m"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\x1b[2mnarrow with: harbour person:\"Ada Brennan\"\x1b[0m"),
            std::string::npos)
      << out.str();
}

ListResults list_results(std::string_view facet, std::vector<FacetValue> values,
                         Xapian::doccount matches = 8) {
  return ListResults{matches, FacetCounts{facet_by_name(facet), std::move(values)}};
}

TEST(TextPrinter, EntityList) {
  struct Case {
    std::string_view name;
    ListRequest request;
    ListResults results;
    std::string expected;
  };
  const Case cases[] = {
      {"CountsRightAligned",
       {"people", "", 10},
       list_results("people", {{"Mara Okafor", 12}, {"Ada Brennan", 3}, {"Ines Marlow", 1}}),
       "  12  Mara Okafor\n   3  Ada Brennan\n   1  Ines Marlow\n"},
      {"OneValue",
       {"places", "harbour", 10},
       list_results("places", {{"Rafah", 2}}),
       "  2  Rafah\n"},
      {"EmptyIndex", {"topics", "", 10}, list_results("topics", {}, 0), "No topics in the index\n"},
      {"NothingMatches",
       {"people", "volcano", 10},
       list_results("people", {}, 0),
       "No articles match: volcano\n"},
      {"MatchesWithoutValues",
       {"organizations", "letters", 10},
       list_results("organizations", {}, 1),
       "No organizations in the articles matching: letters\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::ostringstream out;
    make_text_printer(out, false)->print_list(c.request, c.results);
    EXPECT_EQ(out.str(), c.expected);
  }
}

TEST(JsonPrinter, HitsCarryEntityLists) {
  std::vector<nlohmann::json> lines = print_json_lines(results_with_entities());
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["people"],
            nlohmann::json({"Mara Okafor", "Tomas Lindqvist", "Ada Brennan", "Ines Marlow"}));
  EXPECT_EQ(lines[0]["places"], nlohmann::json({"Port Elwyn"}));
  EXPECT_EQ(lines[0]["organizations"], nlohmann::json({"Harbour Council"}));
  EXPECT_EQ(lines[0]["topics"], nlohmann::json({"ceasefire", "harbour"}));
  for (const char* key : {"people", "places", "organizations", "topics"}) {
    EXPECT_EQ(lines[1][key], nlohmann::json::array()) << key;
  }
}

std::string print_json(const SearchRequest& request, const SearchResults& results) {
  std::ostringstream out;
  make_json_printer(out)->print(request, results);
  return out.str();
}

TEST(JsonPrinter, FacetsAreOneLastLine) {
  std::string out = print_json(facets_request("harbour"), results_with_entities());
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 3u) << out;
  EXPECT_TRUE(nlohmann::json::parse(lines[0]).contains("rank"));
  // Keys in schema order, every facet present, values in the order given.
  EXPECT_EQ(lines[2],
            "{\"type\":\"facets\",\"facets\":{\"people\":[{\"name\":\"Mara Okafor\",\"count\":4},"
            "{\"name\":\"Ada Brennan\",\"count\":2}],"
            "\"places\":[{\"name\":\"Port Elwyn\",\"count\":3}],"
            "\"organizations\":[],"
            "\"topics\":[{\"name\":\"ceasefire\",\"count\":1}]}}");
  nlohmann::json facets = nlohmann::json::parse(lines[2]);
  ASSERT_EQ(facets.size(), 2u);  // "type" and "facets"
  EXPECT_TRUE(facets["facets"]["people"][0]["count"].is_number_unsigned());
}

// Facets are a record when asked for, also when nothing matches (scripts find the key
// they asked for), and never otherwise.
TEST(JsonPrinter, FacetLineExactlyWhenAskedForEvenWithoutHits) {
  std::string plain = print_json(request_for("harbour"), results_with_entities());
  EXPECT_EQ(plain.find("\"facets\""), std::string::npos) << plain;
  SearchResults none;
  none.facets = results_with_entities().facets;
  for (FacetCounts& counts : none.facets) counts.values.clear();
  std::string empty = print_json(facets_request("harbour"), none);
  EXPECT_TRUE(empty.starts_with("{\"type\":\"facets\",\"facets\":{\"people\":[]")) << empty;
  EXPECT_EQ(std::count(empty.begin(), empty.end(), '\n'), 1) << empty;
}

TEST(JsonPrinter, FacetsWithoutHitsWhenOnlyTheCountsAreAskedFor) {
  SearchResults counted = results_with_entities();
  counted.hits.clear();  // -n 0
  SearchRequest request = facets_request("harbour");
  request.limit = 0;
  std::string out = print_json(request, counted);
  EXPECT_TRUE(out.starts_with("{\"type\":\"facets\"")) << out;
}

TEST(TextPrinter, CountsAndFacetsWithoutHitsWhenOnlyTheyAreAskedFor) {
  SearchResults counted = results_with_entities();
  counted.hits.clear();
  counted.matches = 3;
  counted.articles = 4;
  SearchRequest request = facets_request("harbour");
  request.limit = 0;
  std::string out = print_text(request, counted);
  EXPECT_TRUE(out.starts_with("3 stories match (4 articles with their copies)\n")) << out;
  EXPECT_NE(out.find("Mara Okafor (4)"), std::string::npos) << out;
  EXPECT_EQ(out.find("No more"), std::string::npos) << out;
}

TEST(JsonPrinter, EntityListOneObjectPerValue) {
  std::ostringstream out;
  make_json_printer(out)->print_list(
      {"people", "", 10}, list_results("people", {{"Mara Okafor", 3}, {"\xC3\x89lan Roux", 1}}));
  EXPECT_EQ(
      out.str(),
      "{\"type\":\"value\",\"facet\":\"people\",\"name\":\"Mara Okafor\",\"count\":3}\n"
      "{\"type\":\"value\",\"facet\":\"people\",\"name\":\"\xC3\x89lan Roux\",\"count\":1}\n");
  std::ostringstream empty;
  make_json_printer(empty)->print_list({"people", "volcano", 10}, list_results("people", {}, 0));
  EXPECT_EQ(empty.str(), "");
}

TEST(JsonPrinter, NoHitsPrintsNothing) {
  std::ostringstream out;
  SearchResults results;
  make_json_printer(out)->print(request_for("volcano"), results);
  EXPECT_EQ(out.str(), "");
}

TEST(TextPrinter, ACutSideOfAPassageShowsAnEllipsis) {
  SearchResults results = two_results();
  results.hits[0].passages[0].cut_start = true;
  results.hits[0].passages[0].cut_end = true;
  std::string out = print_text(results, false, "harbour");
  // The highlight moves with the text.
  EXPECT_NE(out.find("\u2026 \xC3\xA9t\xC3\xA9 [harbour] news \u2026"), std::string::npos) << out;
  EXPECT_NE(out.find("nothing matched in this part\n"), std::string::npos) << out;
}

TEST(JsonPrinter, EachPassageWithItsStart) {
  SearchResults results = two_results();
  results.hits[0].passages.push_back(
      Passage{"later \xC3\xA9t\xC3\xA9 news", {{6, 9}}, 140, /*cut_start=*/true});
  results.hits[0].passages[0].start = 12;
  std::vector<nlohmann::json> lines = print_json_lines(results);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0]["passages"],
            nlohmann::json::parse(R"([{"text": "été harbour news", "start": 12,
                                       "highlights": [[4, 11]], "cut_start": false,
                                       "cut_end": false},
                                      {"text": "later été news", "start": 140,
                                       "highlights": [[6, 9]], "cut_start": true,
                                       "cut_end": false}])"));
}

TEST(Printer, DisplayWidth) {
  struct Case {
    std::string_view text;
    std::size_t columns;
  };
  const Case cases[] = {
      {"", 0},
      {"harbour", 7},
      {"\xC3\xA9t\xC3\xA9", 3},         // été: two-byte letters, one column each
      {"e\xCC\x81", 1},                 // e + combining acute accent
      {"\xE6\x9D\xB1\xE4\xBA\xAC", 4},  // 東京: wide
      {"\xEF\xBC\xA1", 2},              // fullwidth A
      {"a\xE2\x80\x8B"
       "b",
       2},                  // zero-width space
      {"\xE2\x80\xA6", 1},  // …
      {"\xFF"
       "a",
       2},  // a byte that is not UTF-8 counts one
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(display_width(c.text), c.columns);
  }
}

TEST(Printer, ElideEnd) {
  struct Case {
    std::string_view text;
    std::size_t columns;
    std::string expected;
  };
  const Case cases[] = {
      {"Harbour Reopens", 15, "Harbour Reopens"},
      {"Harbour Reopens", 40, "Harbour Reopens"},
      {"Harbour Reopens", 10, "Harbour R\xE2\x80\xA6"},
      {"Harbour Reopens", 9, "Harbour\xE2\x80\xA6"},  // the space before … goes
      {"Harbour Reopens", 1, "\xE2\x80\xA6"},
      {"Harbour Reopens", 0, ""},
      {"\xC3\xA9t\xC3\xA9 news", 4, "\xC3\xA9t\xC3\xA9\xE2\x80\xA6"},
      // A wide character that does not fit whole is left out.
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 4, "\xE6\x9D\xB1\xE2\x80\xA6"},
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 5, "\xE6\x9D\xB1\xE4\xBA\xAC\xE2\x80\xA6"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " in " + std::to_string(c.columns));
    std::string elided = elide_end(c.text, c.columns);
    EXPECT_EQ(elided, c.expected);
    EXPECT_LE(display_width(elided), c.columns);
  }
}

TEST(Printer, ElidePath) {
  struct Case {
    std::string_view path;
    std::size_t columns;
    std::string expected;
  };
  const Case cases[] = {
      {"world/europe/2024/long-name.txt", 40, "world/europe/2024/long-name.txt"},
      {"world/europe/2024/long-name.txt", 31, "world/europe/2024/long-name.txt"},
      {"world/europe/2024/long-name.txt", 30, "world/europe/\xE2\x80\xA6/long-name.txt"},
      {"world/europe/2024/long-name.txt", 26, "world/\xE2\x80\xA6/long-name.txt"},
      {"world/europe/2024/long-name.txt", 21, "world/\xE2\x80\xA6/long-name.txt"},
      {"world/europe/2024/long-name.txt", 20, "\xE2\x80\xA6/long-name.txt"},
      {"world/europe/2024/long-name.txt", 15, "\xE2\x80\xA6/long-name.txt"},
      {"world/europe/2024/long-name.txt", 14, "\xE2\x80\xA6long-name.txt"},
      {"world/europe/2024/long-name.txt", 10, "\xE2\x80\xA6-name.txt"},
      {"/corpus/world/harbour.txt", 23, "/corpus/\xE2\x80\xA6/harbour.txt"},
      {"/corpus/world/harbour.txt", 16, "/\xE2\x80\xA6/harbour.txt"},
      {"/corpus/dumps/feed.jsonl:12", 22, "/\xE2\x80\xA6/feed.jsonl:12"},
      {"a-very-long-file-name.txt", 12,
       "\xE2\x80\xA6"
       "le-name.txt"},
      {"\xE6\x96\xB0\xE8\x81\x9E/\xE6\x9D\xB1\xE4\xBA\xAC/a.txt", 12,
       "\xE6\x96\xB0\xE8\x81\x9E/\xE2\x80\xA6/a.txt"},
      {"\xE6\x96\xB0\xE8\x81\x9E/\xE6\x9D\xB1\xE4\xBA\xAC/a.txt", 11, "\xE2\x80\xA6/a.txt"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.path) + " in " + std::to_string(c.columns));
    std::string elided = elide_path(c.path, c.columns);
    EXPECT_EQ(elided, c.expected);
    EXPECT_LE(display_width(elided), c.columns);
  }
}

// One hit with a long title, a deep path and two passages, printed `width` wide.
std::string print_narrow(std::size_t width) {
  SearchResults results;
  results.matches = results.articles = 1;
  Hit hit =
      make_hit(1, "world/europe/2024/harbour-works-finish-after-two-years.txt",
               "Harbour Works Finish After Two Long Years of Delays", "world",
               {Passage{"Boats filled the harbour at dawn and gulls followed them.", {{17, 24}}, 0},
                Passage{"The harbour lights came on.", {{4, 11}}, 90}});
  hit.article.date = "2024-05-02T10:00:00Z";
  results.hits.push_back(std::move(hit));
  std::ostringstream out;
  make_text_printer(out, false, width)->print(request_for("harbour"), results);
  return out.str();
}

TEST(TextPrinter, NarrowTerminal) {
  struct Case {
    std::size_t width;
    std::string expected;
  };
  const Case cases[] = {
      {40,
       "1 article matches; showing 1-1\n"
       "\n"
       "1. Harbour Works Finish After\xE2\x80\xA6  (world)\n"
       "   2024-05-02  \xE2\x80\xA6"
       "fter-two-years.txt  100%\n"
       "   Boats filled the [harbour] at dawn\n"
       "   and gulls followed them.\n"
       "   The [harbour] lights came on.\n"},
      {72,
       "1 article matches; showing 1-1\n"
       "\n"
       "1. Harbour Works Finish After Two Long Years of Delays  (world)\n"
       "   2024-05-02  /corpus/\xE2\x80\xA6/harbour-works-finish-after-two-years.txt  100%\n"
       "   Boats filled the [harbour] at dawn and gulls followed them.\n"
       "   The [harbour] lights came on.\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.width);
    EXPECT_EQ(print_narrow(c.width), c.expected);
  }
}

TEST(TextPrinter, EveryLineFitsTheWidth) {
  for (std::size_t width : {60, 72, 80, 120}) {
    SCOPED_TRACE(width);
    std::istringstream in(print_narrow(width));
    for (std::string line; std::getline(in, line);) EXPECT_LE(display_width(line), width) << line;
  }
}

TEST(TextPrinter, WithoutWidthNothingIsCut) {
  std::string out = print_narrow(0);
  EXPECT_NE(out.find("1. Harbour Works Finish After Two Long Years of Delays  (world)\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("/corpus/world/europe/2024/harbour-works-finish-after-two-years.txt"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("   Boats filled the [harbour] at dawn and gulls followed them.\n"
                     "   The [harbour] lights came on.\n"),
            std::string::npos)
      << out;
}

TEST(TextPrinter, WrappedHighlightsKeepTheirColour) {
  SearchResults results = two_results();
  results.hits[0].passages = {Passage{"one two harbour wall", {{8, 20}}, 0}};
  std::ostringstream out;
  make_text_printer(out, true, 20)->print(request_for("harbour"), results);
  // The highlight "harbour wall" is broken at the space: both halves are coloured.
  EXPECT_NE(out.str().find("   one two \x1b[1;33mharbour\x1b[0m\n   \x1b[1;33mwall\x1b[0m\n"),
            std::string::npos)
      << out.str();
}

TEST(PathsPrinter, OnePathPerHit) {
  SearchResults results = results_with_entities();
  // An entry of a JSON Lines dump: the id is the file's id plus ":line".
  results.hits[1].article.id = "dumps/feed.jsonl:12";
  results.hits[1].article.path = "/corpus/dumps/feed.jsonl";
  struct Case {
    char terminator;
    std::string expected;
  };
  const Case cases[] = {
      {'\n', "/corpus/world/harbour.txt\n/corpus/dumps/feed.jsonl:12\n"},
      {'\0', "/corpus/world/harbour.txt\0/corpus/dumps/feed.jsonl:12\0"s},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(static_cast<int>(c.terminator));
    std::ostringstream out;
    // Facets asked for, and still none printed.
    make_paths_printer(out, c.terminator)->print(facets_request("harbour"), results);
    EXPECT_EQ(out.str(), c.expected);
  }
}

TEST(PathsPrinter, NothingWithoutHits) {
  std::ostringstream out;
  SearchResults none;
  none.matches = none.articles = 3;
  make_paths_printer(out, '\0')->print(request_for("volcano"), none);
  EXPECT_EQ(out.str(), "");
}

TEST(PathsPrinter, ListNamesEachTerminated) {
  std::ostringstream out;
  make_paths_printer(out, '\0')->print_list(
      {"places", "", 10}, list_results("places", {{"Rafah", 2}, {"Port Elwyn", 1}}));
  EXPECT_EQ(out.str(), "Rafah\0Port Elwyn\0"s);
}

}  // namespace
}  // namespace newsdex
