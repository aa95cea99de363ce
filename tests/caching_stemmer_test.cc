// Tests of the stemmer cache: it must answer exactly as the stemmer it wraps, whether a
// word is new, remembered, or asked again after the table grew or started afresh.
#include "newsdex/caching_stemmer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "newsdex/schema.h"

namespace newsdex {
namespace {

TEST(CachingStemmer, AnswersAsTheStemmerItWraps) {
  Xapian::Stem plain = make_stemmer();
  Xapian::Stem cached = with_stem_cache(make_stemmer());
  const std::vector<std::string> words = {"talks",   "talking", "talked", "happy",     "dying",
                                          "nations", "",        "zürich", "élections", "talks"};
  for (int round = 0; round < 2; ++round) {  // the second round is answered from memory
    for (const std::string& word : words) EXPECT_EQ(cached(word), plain(word)) << word;
  }
}

TEST(CachingStemmer, StaysRightPastGrowingAndStartingAfresh) {
  // More distinct words than the largest table holds (2^17 slots, half full at most):
  // it doubles several times, then starts again; earlier words are stemmed anew.
  Xapian::Stem plain = make_stemmer();
  Xapian::Stem cached = with_stem_cache(make_stemmer());
  auto word = [](int i) { return "runnings" + std::to_string(i) + "ed"; };
  for (int i = 0; i < 150000; ++i) ASSERT_EQ(cached(word(i)), plain(word(i))) << word(i);
  for (int i = 0; i < 150000; i += 997) ASSERT_EQ(cached(word(i)), plain(word(i))) << word(i);
  EXPECT_EQ(cached.get_description(), plain.get_description());
}

}  // namespace
}  // namespace newsdex
