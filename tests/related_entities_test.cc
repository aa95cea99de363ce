// Tests of related entities: which names a query names itself, filtering and limiting the
// facet counts of a search, and the text and JSON output.
#include "related_entities.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "facets.h"

namespace newsdex {
namespace {

TEST(RelatedEntities, QueryNames) {
  struct Case {
    std::string_view query, name;
    bool named;
  };
  const Case cases[] = {
      {"hamas", "Hamas", true},
      {"org:hamas", "Hamas", true},
      {"HAMAS ceasefire", "Hamas", true},
      {"hamas-led talks", "Hamas", true},
      {"(gaza OR rafah) AND hamas", "Hamas", true},
      {"blinken", "Antony Blinken", false},  // a part of the name is not the name
      {"blinken antony", "Antony Blinken", true},
      {"person:\"Antony Blinken\" gaza", "Antony Blinken", true},
      {"gaza city", "Gaza", true},
      {"gaza", "Gaza City", false},
      {"israeli", "Israel", false},  // no stemming: another word
      {"israel", "Israeli Defence Forces", false},
      {"sao paulo", "S\xC3\xA3o Paulo", true},  // diacritics folded both ways
      {"S\xC3\xA3O PAULO", "sao paulo", true},
      {"conor o'brien", "Conor O'Brien", true},
      {"o'brien", "Conor O'Brien", false},
      {"U.S. sanctions", "U.S.", true},
      {"us sanctions", "U.S.", false},
      {"the hague", "The Hague", true},
      {"new york", "New York Times", false},
      {"", "Hamas", false},
      {"hamas", "", false},
      {"hamas", "...", false},  // no word: never named
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.query) + " / " + std::string(c.name));
    EXPECT_EQ(query_names(c.query, c.name), c.named);
  }
}

std::vector<FacetCounts> search_facets() {
  return {
      {facet_by_name("people"),
       {{"Antony Blinken", 12}, {"Ismail Haniyeh", 7}, {"Benjamin Netanyahu", 5}}},
      {facet_by_name("places"), {{"Gaza", 30}, {"Rafah", 9}, {"Gaza City", 4}, {"Israel", 4}}},
      {facet_by_name("organizations"), {{"Hamas", 25}, {"United Nations", 8}, {"Red Cross", 3}}},
      {facet_by_name("topics"), {{"ceasefire", 20}, {"hostages", 11}}},
  };
}

using Names = std::vector<std::string>;

// Facet name -> names kept, in order.
std::map<std::string, Names> names_by_facet(const std::vector<FacetCounts>& related) {
  std::map<std::string, Names> names;
  for (const FacetCounts& counts : related) {
    Names& list = names[std::string(counts.facet.name)];
    for (const FacetValue& value : counts.values) list.push_back(value.name);
  }
  return names;
}

TEST(RelatedEntities, DropsTopicsAndWhatTheQueryNames) {
  struct Case {
    std::string_view query;
    std::size_t limit;
    Names people, places, organizations;
  };
  const Case cases[] = {
      {"org:hamas gaza",
       kAllFacetValues,
       {"Antony Blinken", "Ismail Haniyeh", "Benjamin Netanyahu"},
       {"Rafah", "Gaza City", "Israel"},
       {"United Nations", "Red Cross"}},
      // The limit counts the values kept, after the query's own are dropped.
      {"org:hamas gaza",
       2,
       {"Antony Blinken", "Ismail Haniyeh"},
       {"Rafah", "Gaza City"},
       {"United Nations", "Red Cross"}},
      {"hamas", 1, {"Antony Blinken"}, {"Gaza"}, {"United Nations"}},
      {"person:\"antony blinken\" NOT netanyahu",
       kAllFacetValues,
       {"Ismail Haniyeh", "Benjamin Netanyahu"},  // only all of a name's words drop it
       {"Gaza", "Rafah", "Gaza City", "Israel"},
       {"Hamas", "United Nations", "Red Cross"}},
      {"ceasefire",
       3,
       {"Antony Blinken", "Ismail Haniyeh", "Benjamin Netanyahu"},
       {"Gaza", "Rafah", "Gaza City"},
       {"Hamas", "United Nations", "Red Cross"}},
      {"gaza city rafah united nations",
       kAllFacetValues,
       {"Antony Blinken", "Ismail Haniyeh", "Benjamin Netanyahu"},
       {"Israel"},
       {"Hamas", "Red Cross"}},
      {"", 0, {}, {}, {}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.query) + " limit " + std::to_string(c.limit));
    std::vector<FacetCounts> related = related_entities(search_facets(), c.query, c.limit);
    ASSERT_EQ(related.size(), 3u);
    EXPECT_EQ(related[0].facet.name, "people");
    EXPECT_EQ(related[1].facet.name, "places");
    EXPECT_EQ(related[2].facet.name, "organizations");
    std::map<std::string, Names> expected = {
        {"people", c.people}, {"places", c.places}, {"organizations", c.organizations}};
    EXPECT_EQ(names_by_facet(related), expected);
  }
}

TEST(RelatedEntities, CountsKept) {
  std::vector<FacetCounts> related = related_entities(search_facets(), "gaza", 2);
  const std::vector<FacetValue> places = {{"Rafah", 9}, {"Gaza City", 4}};
  EXPECT_EQ(related.at(1).values, places);
}

TEST(RelatedEntities, NoFacetsNoRelated) {
  EXPECT_TRUE(related_entities({}, "hamas", 10).empty());
  std::vector<FacetCounts> topics_only = {{facet_by_name("topics"), {{"ceasefire", 3}}}};
  EXPECT_TRUE(related_entities(topics_only, "hamas", 10).empty());
}

TEST(RelatedEntitiesPrint, Text) {
  std::ostringstream out;
  print_related(out, related_entities(search_facets(), "org:hamas gaza", 2), false);
  EXPECT_EQ(out.str(),
            "Related people: Antony Blinken (12), Ismail Haniyeh (7)\n"
            "Related places: Rafah (9), Gaza City (4)\n"
            "Related organizations: United Nations (8), Red Cross (3)\n");
}

TEST(RelatedEntitiesPrint, EmptyFacetsLeftOut) {
  struct Case {
    std::string_view query;
    std::string expected;
  };
  const Case cases[] = {
      {"gaza city rafah israel",
       "Related people: Antony Blinken (12)\nRelated organizations: Hamas (25)\n"},
      {"", "No related people, places or organizations\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.query);
    std::ostringstream out;
    std::size_t limit = c.query.empty() ? 0 : 1;
    print_related(out, related_entities(search_facets(), c.query, limit), false);
    EXPECT_EQ(out.str(), c.expected);
  }
}

TEST(RelatedEntitiesPrint, ColourOnlyWhenAsked) {
  for (bool color : {false, true}) {
    SCOPED_TRACE(color);
    std::ostringstream out;
    print_related(out, related_entities(search_facets(), "hamas", 3), color);
    EXPECT_EQ(out.str().find('\x1b') != std::string::npos, color);
    EXPECT_NE(out.str().find("United Nations"), std::string::npos);
  }
}

TEST(RelatedEntitiesJson, Shape) {
  std::string line =
      related_json_line(related_entities(search_facets(), "gaza city rafah israel", 1));
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json expected = {{"type", "related"},
                             {"related",
                              {{"people", {{{"name", "Antony Blinken"}, {"count", 12}}}},
                               {"places", nlohmann::json::array()},
                               {"organizations", {{{"name", "Hamas"}, {"count", 25}}}}}}};
  EXPECT_EQ(nlohmann::json::parse(line), expected);
  // Keys in schema order.
  EXPECT_LT(line.find("\"people\""), line.find("\"places\""));
  EXPECT_LT(line.find("\"places\""), line.find("\"organizations\""));
}

TEST(RelatedEntitiesJson, InvalidUtf8Replaced) {
  std::vector<FacetCounts> related = {{facet_by_name("people"), {{"Bad \xFF Name", 2}}}};
  nlohmann::json parsed = nlohmann::json::parse(related_json_line(related));
  EXPECT_EQ(parsed["related"]["people"][0]["name"], "Bad \xEF\xBF\xBD Name");
}

}  // namespace
}  // namespace newsdex
