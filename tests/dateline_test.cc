// Tests of the wire dateline (newsdex/dateline.h): the city line under a headline, on
// invented stories.
#include "newsdex/dateline.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "newsdex/tokenizer.h"

namespace newsdex {
namespace {

// The dateline's place as written, or "" when the text has none. Only "BANGKOK" and
// "GOLF CITY" are places here.
std::string dateline_of(std::string_view text) {
  std::vector<Token> tokens = tokenize(text);
  auto is_place = [](std::string_view name) { return name == "BANGKOK" || name == "GOLF CITY"; };
  std::optional<DatelinePlace> place = find_dateline(text, tokens, is_place);
  if (!place) return "";
  return std::string(text.substr(tokens[place->first].begin,
                                 tokens[place->last].end - tokens[place->first].begin));
}

TEST(Dateline, ACityInCapitalsUnderTheHeadline) {
  EXPECT_EQ(dateline_of("Rice exports rise.\n\nNEW YORK 1996-08-22\n\nTraders said..."),
            "NEW YORK");
  EXPECT_EQ(dateline_of("SOCCER - HOME SIDE WIN CUP.\n\nMILAN 1996-08-25\n\nThe hosts won."),
            "MILAN");
  EXPECT_EQ(dateline_of("Ferry sails.\n\nPORT-AU-PRINCE 08/22/1996\n\nThe ferry left."),
            "PORT-AU-PRINCE");
  // Without a date, only a name the gazetteer knows as a place.
  EXPECT_EQ(dateline_of("Police hunt jail breaker.\n\nBANGKOK\n\nPolice said..."), "BANGKOK");
  EXPECT_EQ(dateline_of("Scores.\n\nGOLF\n\nScores after the first round."), "");
  EXPECT_EQ(dateline_of("Scores.\n\nGOLF CITY\n\nScores after the first round."), "GOLF CITY");
}

TEST(Dateline, OtherLinesAreNone) {
  // The headline itself, a sentence, a line with words after the date, a line too far.
  EXPECT_EQ(dateline_of("BANGKOK\n\nPolice said on Friday."), "");
  EXPECT_EQ(dateline_of("Harbour opens.\n\nAda Brennan opened it in 1996.\n"), "");
  EXPECT_EQ(dateline_of("Harbour opens.\n\nLONDON 1996-08-22 The minister said.\n"), "");
  EXPECT_EQ(dateline_of("Harbour opens.\n\nOne.\n\nTwo.\n\nThree.\n\nLONDON 1996-08-22\n"), "");
  EXPECT_EQ(dateline_of("Harbour opens.\n\nTHE NEW SEA WALL OF THE TOWN 1996\n"), "");
  EXPECT_EQ(dateline_of(""), "");
}

}  // namespace
}  // namespace newsdex
