// Tests of the text fingerprint: invariances, near copies close, different stories apart.
#include "newsdex/fingerprint.h"

#include "newsdex/hashing.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>

namespace newsdex {
namespace {

// An invented local story, long enough (about 250 words) for the proportions of a real
// article: one changed word or dropped sentence is a small part of it.
const std::string kFerryStory =
    "The island ferry will run twice as often from the first week of May, the harbour board "
    "said on Thursday after a long meeting with shop owners and parents. Boats have left the "
    "north pier every two hours since the winter timetable began, and families say the gaps "
    "make the school run almost impossible. The board chair told reporters that a second "
    "vessel, leased from a company on the mainland, would arrive at the end of April and "
    "needed only a short safety check before carrying passengers.\n\n"
    "Fares will stay the same for now, although the board warned that fuel costs could force "
    "a small rise in the autumn. Pensioners and children under twelve will still travel free "
    "on weekday mornings. The extra crossings will start at half past six and the last boat "
    "back will leave the mainland at eleven at night, an hour later than today.\n\n"
    "Shop owners on the high street welcomed the news. One baker said that day visitors had "
    "all but vanished since October because nobody wanted to wait two hours for the journey "
    "home. A group of parents who had collected more than eight hundred signatures said they "
    "would keep watching the timetable closely. The harbour master added that the older "
    "boat would get new engines over the summer, which should make the service quieter and "
    "more reliable. The board will review the new timetable in September and publish the "
    "passenger numbers on its website.\n";

// The same story as a second site might carry it: one word changed ("Thursday" became
// "Friday"), the sentence about pensioners dropped and a sharing line added at the end.
const std::string kFerryStoryEdited =
    "The island ferry will run twice as often from the first week of May, the harbour board "
    "said on Friday after a long meeting with shop owners and parents. Boats have left the "
    "north pier every two hours since the winter timetable began, and families say the gaps "
    "make the school run almost impossible. The board chair told reporters that a second "
    "vessel, leased from a company on the mainland, would arrive at the end of April and "
    "needed only a short safety check before carrying passengers.\n\n"
    "Fares will stay the same for now, although the board warned that fuel costs could force "
    "a small rise in the autumn. The extra crossings will start at half past six and the last "
    "boat back will leave the mainland at eleven at night, an hour later than today.\n\n"
    "Shop owners on the high street welcomed the news. One baker said that day visitors had "
    "all but vanished since October because nobody wanted to wait two hours for the journey "
    "home. A group of parents who had collected more than eight hundred signatures said they "
    "would keep watching the timetable closely. The harbour master added that the older "
    "boat would get new engines over the summer, which should make the service quieter and "
    "more reliable. The board will review the new timetable in September and publish the "
    "passenger numbers on its website.\n\n"
    "Share this story\n";

// Two invented match reports: the same sport and many of the same words, different games.
const std::string kMatchReportRovers =
    "Rovers came from behind to beat City two goals to one on Saturday and climb to third in "
    "the table. City took the lead after twenty minutes when their captain headed in a corner "
    "at the near post, and the home side struggled to find any rhythm before the break. The "
    "manager made two changes at half time and the game turned quickly. A low cross from the "
    "left was turned in by the young striker just after the hour, and with five minutes left "
    "the substitute curled a free kick over the wall and into the top corner. City hit the "
    "post in stoppage time but could not find an equaliser. The manager said afterwards that "
    "his players had shown great character and that the crowd had carried them through a "
    "difficult first half. Rovers travel to the coast on Tuesday night for a cup tie.\n";

const std::string kMatchReportUnited =
    "United were held to a goalless draw at home by Athletic on Sunday despite having most of "
    "the ball for the whole afternoon. The visitors defended deep and their goalkeeper made "
    "three fine saves in the first half, the best of them a full stretch dive to keep out a "
    "shot from the edge of the area. United thought they had scored early in the second half "
    "but the flag went up for offside. Athletic almost stole the win on the counter attack in "
    "the last minute, when a long ball found their winger alone, but his shot went wide. The "
    "home coach said the result was frustrating and that his side needed to be braver in the "
    "final third. United stay fifth and play away at the league leaders next weekend.\n";

enum class Expect { kEqual, kNear, kFar };

struct PairCase {
  std::string name;
  std::string a;
  std::string b;
  Expect expect;
};

std::ostream& operator<<(std::ostream& out, const PairCase& c) { return out << c.name; }

const PairCase kPairCases[] = {
    {"IdenticalText", kFerryStory, kFerryStory, Expect::kEqual},
    {"CaseIgnored", "The Harbour Board Met On Thursday", "the harbour board met on thursday",
     Expect::kEqual},
    {"PunctuationIgnored", "Fares stay the same - for now, the board said.",
     "Fares stay the same for now the board said", Expect::kEqual},
    {"WhitespaceIgnored", "Fares stay\n\nthe same\tfor now", "  Fares stay the same for now  ",
     Expect::kEqual},
    {"QuotesAndCaseIgnored", "\"WE WON'T WAIT,\" said one parent.", "we won t wait said one parent",
     Expect::kEqual},
    {"ShortTextCaseIgnored", "Storm!", "storm", Expect::kEqual},
    {"LightlyEditedCopy", kFerryStory, kFerryStoryEdited, Expect::kNear},
    {"DifferentMatchReports", kMatchReportRovers, kMatchReportUnited, Expect::kFar},
    {"DifferentStories", kFerryStory, kMatchReportRovers, Expect::kFar},
    // Bytes of a UTF-8 letter belong to the word: "Zürich" is not "Z rich".
    {"Utf8LettersStayInWord", "Z\xC3\xBCrich council votes", "Z rich council votes", Expect::kFar},
};

class FingerprintPairs : public ::testing::TestWithParam<PairCase> {};

TEST_P(FingerprintPairs, Similarity) {
  const PairCase& c = GetParam();
  const Fingerprint a = text_fingerprint(c.a);
  const Fingerprint b = text_fingerprint(c.b);
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  switch (c.expect) {
    case Expect::kEqual:
      EXPECT_EQ(a, b);
      break;
    case Expect::kNear:
      EXPECT_NE(a, b);
      EXPECT_TRUE(near_duplicates(a, b));
      EXPECT_TRUE(near_duplicates(b, a));
      break;
    case Expect::kFar:
      EXPECT_FALSE(near_duplicates(a, b));
      EXPECT_FALSE(near_duplicates(b, a));
      // Different stories share almost no shingles: few minima agree by chance.
      EXPECT_LT(shared_minima(a, b), 8);
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(Fingerprint, FingerprintPairs, ::testing::ValuesIn(kPairCases),
                         [](const ::testing::TestParamInfo<PairCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(Fingerprint, WordOrderMatters) {
  // Shingles, not a bag of words: the same words in another order are another text.
  EXPECT_NE(text_fingerprint("the council approved the budget late on monday"),
            text_fingerprint("monday late on the budget approved the council"));
}

TEST(Fingerprint, ATextWithoutWordsHasNone) {
  EXPECT_TRUE(text_fingerprint("").empty());
  EXPECT_TRUE(text_fingerprint(" -- ... !").empty());
  EXPECT_FALSE(text_fingerprint("storm").empty());
  EXPECT_FALSE(near_duplicates(text_fingerprint(""), text_fingerprint("")));
}

TEST(Fingerprint, StoredFormRoundTrips) {
  const Fingerprint fingerprint = text_fingerprint(kFerryStory);
  const std::string bytes = fingerprint_bytes(fingerprint);
  EXPECT_EQ(bytes.size(), 2 * kMinHashes);
  EXPECT_EQ(fingerprint_from_bytes(bytes), fingerprint);
  // An older index's 64-bit SimHash in hex is not a signature: read as none.
  EXPECT_TRUE(fingerprint_from_bytes("5a3c96e1f00f7b24").empty());
  EXPECT_TRUE(fingerprint_from_bytes("").empty());
}

TEST(Fingerprint, SharedMinimaCountsAgreeingPositions) {
  const Fingerprint a = text_fingerprint(kFerryStory);
  Fingerprint b = a;
  EXPECT_EQ(shared_minima(a, b), static_cast<int>(kMinHashes));
  b.minima[0] ^= 1;
  b.minima[kMinHashes - 1] ^= 1;
  EXPECT_EQ(shared_minima(a, b), static_cast<int>(kMinHashes) - 2);
  EXPECT_EQ(shared_minima(b, a), static_cast<int>(kMinHashes) - 2);
}

TEST(Fingerprint, TheSignatureIsFixed) {
  // The hash functions are part of the index format: a change would split every group an
  // index holds from the articles the next run writes. Fixed by the first run of this test.
  const Fingerprint fingerprint = text_fingerprint("the harbour board met on thursday");
  EXPECT_EQ(hex64(fingerprint.digest), "9d51cb5fc79fd230");
}

}  // namespace
}  // namespace newsdex
