// Tests of the gazetteer: the fold names are matched in, lookups in the compiled-in lists,
// and the parsing rules on small hand-written lists.
#include "newsdex/gazetteer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "newsdex/embedded_data.h"

namespace newsdex {
namespace {

TEST(Gazetteer, FoldsCaseDiacriticsAndApostrophes) {
  struct Case {
    std::string_view text;
    std::string_view key;
  };
  const Case cases[] = {
      {"", ""},
      {"Saudi Arabia", "saudi arabia"},
      {"SAUDI ARABIA", "saudi arabia"},
      {"S\xC3\xA3o Paulo", "sao paulo"},         // São
      {"S\xC3\x83O PAULO", "sao paulo"},         // SÃO
      {"\xC5\x81\xC3\xB3\x64\xC5\xBA", "lodz"},  // Łódź
      {"Stra\xC3\x9F"
       "e",
       "strasse"},                                          // Straße
      {"Rafa\xE1\xB8\xA9", "rafah"},                        // Rafaḩ (Latin Extended Additional)
      {"\xC4\xB0stanbul", "istanbul"},                      // İstanbul
      {"C\xC3\xB4te d\xE2\x80\x99Ivoire", "cote divoire"},  // curly apostrophe
      {"O'Brien", "obrien"},
      {"Bu\xCC\x81r", "bur"},                               // combining acute accent dropped
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",  // Cyrillic is kept as it is
       "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"},
      {"caf\xE9", "caf\xE9"},            // a stray Latin-1 byte is copied
      {"2 \xC3\x97 3", "2 \xC3\x97 3"},  // × is not a letter
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(gazetteer_key(c.text), c.key);
  }
}

TEST(Gazetteer, KnowsPlaces) {
  struct Case {
    std::string_view name;
    std::uint8_t all;   // every one of these kinds
    std::uint8_t none;  // none of these
  };
  const Case cases[] = {
      {"France", kPlaceCountry, 0},
      {"FRANCE", kPlaceCountry, 0},
      {"france", kPlaceCountry, 0},
      {"Saudi Arabia", kPlaceCountry, kPlaceCity},
      {"SAUDI ARABIA", kPlaceCountry, kPlaceCity},
      {"saudi arabia", kPlaceCountry, kPlaceCity},
      {"Bosnia and Herzegovina", kPlaceCountry, 0},
      {"Britain", kPlaceCountry, 0},  // a hand-written news form
      {"Turkey", kPlaceCountry, 0},
      {"Luxembourg", kPlaceCountry | kPlaceCity, 0},
      {"New York", kPlaceSubdivision, 0},
      {"Bavaria", 0, 0xFF},  // iso-codes has the German "Bayern" only
      {"Bayern", kPlaceSubdivision, 0},
      {"Asturias", kPlaceSubdivision, 0},  // from "Asturias, Principado de"
      {"Rafah", kPlaceCity, 0},            // GeoNames writes "Rafaḩ"
      {"RAFAH", kPlaceCity, 0},
      {"Doha", kPlaceCity, kPlaceCountry},
      {"Sao Paulo", kPlaceCity, 0},
      {"Gaza Strip", kPlaceRegion, 0},
      {"Middle East", kPlaceRegion, 0},
      {"West Bank", kPlaceRegion, 0},
      {"Europe", kPlaceRegion, kPlaceCountry},
      {"The", 0, 0xFF},  // GeoNames has no town called "The", but "Of" exists in Turkey
      {"Of", 0, 0xFF},
      {"Xyzzyville", 0, 0xFF},
      {"Saudi  Arabia", 0, 0xFF},  // callers join words with single spaces
      {"", 0, 0xFF},
  };
  const Gazetteer& gazetteer = Gazetteer::instance();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::uint8_t kinds = gazetteer.place_kinds(c.name);
    EXPECT_EQ(kinds & c.all, c.all);
    EXPECT_EQ(kinds & c.none, 0);
    if (c.all == 0) {
      EXPECT_EQ(kinds, 0);
    }
  }
}

TEST(Gazetteer, SpellsPlacesAsTheListDoes) {
  struct Case {
    std::string_view name;
    std::string_view spelling;
  };
  const Case cases[] = {
      {"SAUDI ARABIA", "Saudi Arabia"},
      {"saudi arabia", "Saudi Arabia"},
      {"GAZA STRIP", "Gaza Strip"},
      {"RAFAH", "Rafah"},  // transliteration marks are gone from the list's spelling
      {"SAO PAULO", "S\xC3\xA3o Paulo"},
      {"COTE D'IVOIRE", "C\xC3\xB4te d'Ivoire"},
      {"NOWHERESVILLE", ""},
  };
  const Gazetteer& gazetteer = Gazetteer::instance();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(gazetteer.place_spelling(c.name), c.spelling);
  }
}

TEST(Gazetteer, KnowsPersonNames) {
  struct Case {
    std::string_view word;
    bool given;
    bool family;
  };
  const Case cases[] = {
      {"John", true, true},  // a family name in faker's lists too
      {"JOHN", true, true},      {"john", true, true},
      {"Mary", true, false},     {"Jos\xC3\xA9", true, false},    // José
      {"JOSE", true, false},     {"Smith", true, true},           // given in the Moby list too
      {"Schmidt", false, true},  {"M\xC3\xBCller", false, true},  // Müller
      {"MULLER", false, true},   {"Rossi", false, true},
      {"Kowalski", false, true}, {"the", false, false},
      {"The", false, false},     {"and", false, false},
      {"de", false, false},  // a particle split off "de la Cruz"
      {"Xqzvbn", false, false},  {"", false, false},
  };
  const Gazetteer& gazetteer = Gazetteer::instance();
  for (const Case& c : cases) {
    SCOPED_TRACE(c.word);
    EXPECT_EQ(gazetteer.is_given_name(c.word), c.given);
    EXPECT_EQ(gazetteer.is_family_name(c.word), c.family);
  }
}

TEST(Gazetteer, LoadsTheCompiledInLists) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  EXPECT_EQ(&gazetteer, &Gazetteer::instance());
  EXPECT_GE(gazetteer.longest_place_words(), 3u);
  EXPECT_GT(gazetteer.place_count(), 100000u);
  EXPECT_GT(gazetteer.given_name_count(), 10000u);
  EXPECT_GT(gazetteer.family_name_count(), 10000u);
}

TEST(Gazetteer, ParsesListsAndMergesFoldedDuplicates) {
  const std::string_view places =
      "Cordoba\tcity\n"
      "C\xC3\xB3rdoba\tsubdivision\n"  // Córdoba: same key, kinds merge, first spelling
      "Georgia\tcountry,subdivision\r\n"
      "no tab here\n"
      "Atlantis\tlegend\n"  // no known kind
      "\n"
      "Bosnia and Herzegovina\tcountry";  // last line without a line break
  const Gazetteer gazetteer(places, "Anna\nANNA\n\nJos\xC3\xA9\n", "Nowak\n");
  struct Case {
    std::string_view name;
    std::uint8_t kinds;
    std::string_view spelling;
  };
  const Case cases[] = {
      {"CORDOBA", kPlaceCity | kPlaceSubdivision, "Cordoba"},
      {"c\xC3\xB3rdoba", kPlaceCity | kPlaceSubdivision, "Cordoba"},
      {"georgia", kPlaceCountry | kPlaceSubdivision, "Georgia"},
      {"no tab here", 0, ""},
      {"Atlantis", 0, ""},
      {"bosnia and herzegovina", kPlaceCountry, "Bosnia and Herzegovina"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(gazetteer.place_kinds(c.name), c.kinds);
    EXPECT_EQ(gazetteer.place_spelling(c.name), c.spelling);
  }
  EXPECT_EQ(gazetteer.place_count(), 3u);
  EXPECT_EQ(gazetteer.longest_place_words(), 3u);
  EXPECT_EQ(gazetteer.given_name_count(), 2u);
  EXPECT_TRUE(gazetteer.is_given_name("jose"));
  EXPECT_FALSE(gazetteer.is_given_name("Nowak"));
  EXPECT_TRUE(gazetteer.is_family_name("NOWAK"));
  EXPECT_FALSE(gazetteer.is_family_name("Anna"));
  // A name longer than any stored key is rejected without being folded in full.
  EXPECT_EQ(gazetteer.place_kinds("Bosnia and Herzegovina and more words"), 0);
}

TEST(Gazetteer, ParsesLineEndsLongNamesAndEightByteRuns) {
  // Names are read eight bytes at a time while they are plain ASCII, so these cross a
  // word of eight at diacritics, apostrophes, tabs and line ends.
  const std::string long_place(256, 'x');      // stored
  const std::string too_long_place(257, 'w');  // skipped
  const std::string apostrophe_place = std::string(128, 'y') + "'" + std::string(128, 'y');
  std::string places = "Foo\tcity\r\n";
  places += "Bar\t\n";                                    // no kinds
  places += "O'Hare Field\tcity,region\n";                // 2 words
  places += "S\xC3\xA3o Jos\xC3\xA9 dos Campos\tcity\n";  // São José dos Campos: 4 words
  places += long_place + "\tcity\n";
  places += too_long_place + "\tcity\n";
  places += apostrophe_place + "\tsubdivision\n";  // folds to 256 bytes: stored
  places += "Last\tcountry";                       // no line break
  const std::string long_given(256, 'z');
  const std::string given = "Anna\r\nBo\n" + long_given +
                            "\r\n"           // the '\r' is not part of the name
                            "Tab\tName\n"    // a tab is part of a name in these lists
                            "Zo\xC3\xAB\r";  // Zoë, '\r' and no line break
  const Gazetteer gazetteer(places, given, "");

  struct Case {
    std::string_view name;
    std::uint8_t kinds;
    std::string_view spelling;
  };
  const Case cases[] = {
      {"FOO", kPlaceCity, "Foo"},
      {"Bar", 0, ""},
      {"ohare field", kPlaceCity | kPlaceRegion, "O'Hare Field"},
      {"O\xE2\x80\x99HARE FIELD", kPlaceCity | kPlaceRegion, "O'Hare Field"},
      {"SAO JOSE DOS CAMPOS", kPlaceCity, "S\xC3\xA3o Jos\xC3\xA9 dos Campos"},
      {long_place, kPlaceCity, long_place},
      {too_long_place, 0, ""},
      {std::string_view(too_long_place).substr(1), 0, ""},
      {apostrophe_place, kPlaceSubdivision, apostrophe_place},
      {"last", kPlaceCountry, "Last"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name.substr(0, 40));
    EXPECT_EQ(gazetteer.place_kinds(c.name), c.kinds);
    EXPECT_EQ(gazetteer.place_spelling(c.name), c.spelling);
  }
  EXPECT_EQ(gazetteer.place_count(), 6u);
  EXPECT_EQ(gazetteer.longest_place_words(), 4u);

  EXPECT_EQ(gazetteer.given_name_count(), 5u);
  EXPECT_EQ(gazetteer.family_name_count(), 0u);
  EXPECT_TRUE(gazetteer.is_given_name("ANNA"));
  EXPECT_TRUE(gazetteer.is_given_name("bo"));
  EXPECT_TRUE(gazetteer.is_given_name(long_given));
  EXPECT_TRUE(gazetteer.is_given_name("tab\tname"));
  EXPECT_FALSE(gazetteer.is_given_name("Tab"));
  EXPECT_TRUE(gazetteer.is_given_name("Zoe"));
  EXPECT_FALSE(gazetteer.is_given_name("Anna\r"));
  EXPECT_FALSE(gazetteer.is_family_name("Anna"));
}

// The lists are folded by a fast path when read and by gazetteer_key()'s when looked up:
// every name in them must be found again.
TEST(Gazetteer, FindsEveryNameOfTheCompiledInLists) {
  const Gazetteer& gazetteer = Gazetteer::instance();
  auto for_each_name = [](std::string_view text, auto name_fn) {
    while (!text.empty()) {
      std::size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      std::string_view name = line.substr(0, line.find('\t'));
      std::size_t key_bytes = gazetteer_key(name).size();
      if (key_bytes > 0 && key_bytes <= 256) name_fn(name);
    }
  };
  std::size_t names = 0;
  std::string missed;
  auto check = [&](std::string_view name, bool found) {
    ++names;
    if (!found && missed.empty()) missed = name;
  };
  for_each_name(embedded::places(), [&](std::string_view name) {
    check(name, gazetteer.place_kinds(name) != 0 &&
                    gazetteer_key(gazetteer.place_spelling(name)) == gazetteer_key(name));
  });
  for_each_name(embedded::given_names(),
                [&](std::string_view name) { check(name, gazetteer.is_given_name(name)); });
  for_each_name(embedded::family_names(),
                [&](std::string_view name) { check(name, gazetteer.is_family_name(name)); });
  EXPECT_GT(names, 150000u);
  EXPECT_EQ(missed, "");
}

}  // namespace
}  // namespace newsdex
