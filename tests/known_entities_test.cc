// Known entities (common/data/known_entities.tsv): a listed form is one entity with one
// name and one class in every article, whatever the tagger made of its sentence, and
// the "none" class is no entity at all. The sentences are invented.
#include "newsdex/known_entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "newsdex/article.h"
#include "newsdex/entity_extractor.h"

namespace newsdex {
namespace {

std::vector<std::string> names_of(const Extraction& extraction, EntityType type) {
  std::vector<std::string> names;
  for (const ExtractedEntity& entity : extraction.entities) {
    if (entity.type == type) names.push_back(entity.name);
  }
  return names;
}

bool has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(KnownEntities, EveryFormOfTheCountryIsOnePlaceWithOneName) {
  EntityExtractor extractor;
  const Extraction extraction = extractor.extract(
      "US firms cut jobs\n\nThe U.S. economy slowed, and the United States central bank "
      "warned that America faced a harder year. US exporters said the US dollar was too "
      "strong.");
  const std::vector<std::string> places = names_of(extraction, EntityType::kPlace);
  EXPECT_EQ(std::count(places.begin(), places.end(), "US"), 1) << ::testing::PrintToString(places);
  EXPECT_FALSE(has(places, "United States"));
  EXPECT_FALSE(has(places, "America"));
  EXPECT_FALSE(has(names_of(extraction, EntityType::kOrganization), "US"));
  // The forms the text used are kept as aliases, so that place:"United States" finds it.
  ArticleEntities entities;
  fill_entities(extraction, entities);
  EXPECT_TRUE(has(entities.place_aliases, "United States"))
      << ::testing::PrintToString(entities.place_aliases);
}

TEST(KnownEntities, PartyNamesAndTheirAdjectivesAreTheParty) {
  EntityExtractor extractor;
  const Extraction extraction = extractor.extract(
      "Tory leader Michael Howard attacked Labour over taxes. The Conservatives and the Lib "
      "Dems said the Labour Party had broken its word, and Liberal Democrat MPs agreed.");
  const std::vector<std::string> people = names_of(extraction, EntityType::kPerson);
  const std::vector<std::string> organizations = names_of(extraction, EntityType::kOrganization);
  EXPECT_TRUE(has(people, "Michael Howard")) << ::testing::PrintToString(people);
  EXPECT_FALSE(has(people, "Tory"));
  EXPECT_TRUE(has(organizations, "Conservatives")) << ::testing::PrintToString(organizations);
  EXPECT_TRUE(has(organizations, "Labour"));
  EXPECT_TRUE(has(organizations, "Liberal Democrats"));
  EXPECT_FALSE(has(organizations, "Labour Party"));
  EXPECT_FALSE(has(organizations, "Lib Dems"));
}

TEST(KnownEntities, HolidaysAwardsAndCommonAbbreviationsAreNoEntities) {
  EntityExtractor extractor;
  const Extraction extraction = extractor.extract(
      "Film wins Oscar\n\nThe film won an Oscar before Christmas, and its DVD sold well in "
      "Paris. MPs watched it on TV at Easter, with Clint Eastwood.");
  for (const ExtractedEntity& entity : extraction.entities) {
    for (const char* thing : {"Oscar", "Christmas", "DVD", "MPs", "TV", "Easter"}) {
      EXPECT_NE(entity.name, thing) << static_cast<int>(entity.type);
    }
  }
  EXPECT_TRUE(has(names_of(extraction, EntityType::kPlace), "Paris"));
  EXPECT_TRUE(has(names_of(extraction, EntityType::kPerson), "Clint Eastwood"));
}

TEST(KnownEntities, OnlyAWholeNameIsKnownNeverAPartOfALongerOne) {
  EntityExtractor extractor;
  const Extraction extraction = extractor.extract(
      "Bank of America and the Bank of England raised rates, said Oscar Moreno of the "
      "Royal Bank of Canada.");
  EXPECT_TRUE(has(names_of(extraction, EntityType::kOrganization), "Bank of America"))
      << ::testing::PrintToString(names_of(extraction, EntityType::kOrganization));
  EXPECT_FALSE(has(names_of(extraction, EntityType::kPlace), "US"));
  EXPECT_TRUE(has(names_of(extraction, EntityType::kPerson), "Oscar Moreno"));
}

TEST(KnownEntities, APartyBeforeAPersonIsNotPartOfTheName) {
  EntityExtractor extractor;
  const Extraction extraction = extractor.extract(
      "Vote row\n\nMinisters defended the plan. Yesterday Tory Dominic Grieve called it a mistake. "
      "Tory Liam Fox said the party would oppose it. Labour MP Paul Flynn disagreed.");
  const std::vector<std::string> people = names_of(extraction, EntityType::kPerson);
  EXPECT_TRUE(has(people, "Dominic Grieve")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has(people, "Liam Fox")) << ::testing::PrintToString(people);
  EXPECT_TRUE(has(people, "Paul Flynn")) << ::testing::PrintToString(people);
  for (const std::string& person : people) EXPECT_EQ(person.find("Tory"), std::string::npos);
}

TEST(KnownEntities, KeysIgnoreCaseAndPeriods) {
  EXPECT_EQ(entity_key("U.S."), "us");
  EXPECT_EQ(entity_key("  Lib  Dems "), "lib dems");
  EXPECT_EQ(entity_key("New Year's Day"), "new year s day");
  const KnownEntity* us = KnownEntities::shipped().find(entity_key("u.s.a."));
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->name, "US");
  EXPECT_EQ(us->type, EntityType::kPlace);
  EXPECT_EQ(KnownEntities::shipped().find("bank of america"), nullptr);
}

// Generated titles (works.tsv) add things, never change or break a hand-written name.
TEST(KnownEntities, GeneratedThingsNeverOverrideTheHandWrittenList) {
  KnownEntities list = KnownEntities::parse("org\tMeridian Pictures\nnone\tChristmas\n");
  list.add_unknown_things("none\tMeridian Pictures\tSilent Harbour\nnone\tChristmas\n");
  ASSERT_NE(list.find("meridian pictures"), nullptr);
  EXPECT_EQ(list.find("meridian pictures")->type, EntityType::kOrganization);
  ASSERT_NE(list.find("silent harbour"), nullptr);
  EXPECT_EQ(list.find("silent harbour")->type, EntityType::kMisc);
  // The shipped list holds the film titles too.
  ASSERT_NE(KnownEntities::shipped().find("million dollar baby"), nullptr);
  EXPECT_EQ(KnownEntities::shipped().find("million dollar baby")->type, EntityType::kMisc);
}

TEST(KnownEntities, ParseNamesTheLineOfAMistake) {
  const auto error_of = [](std::string_view tsv) -> std::string {
    try {
      KnownEntities::parse(tsv);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of("# comment\n\nplace\tUS\tUSA\n"), "");
  EXPECT_NE(error_of("# c\ncountry\tUS\n").find("line 2: unknown class 'country'"),
            std::string::npos);
  EXPECT_NE(error_of("place\tUS\norg\tU.S.\n").find("line 2: 'U.S.' is given twice"),
            std::string::npos);
  EXPECT_NE(error_of("org\n").find("line 1: no name"), std::string::npos);
  const KnownEntities none = KnownEntities::parse("none\tChristmas\tDVD\n");
  ASSERT_NE(none.find("dvd"), nullptr);
  EXPECT_EQ(none.find("dvd")->name, "DVD");  // each thing of a "none" line is its own
  EXPECT_EQ(none.find("dvd")->type, EntityType::kMisc);
}

}  // namespace
}  // namespace newsdex
